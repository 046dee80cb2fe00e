import { hash, randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';

/**
 * The service key file (`API_KEYS_FILE`): named keys, each with a role and only the SHA-256 of the
 * key. A key is 32 random bytes, so a fast hash of it cannot be reversed or guessed (SECURITY.md).
 *
 *   { "version": 1, "keys": [ { "name": "ci", "role": "viewer", "hash": "sha256:<64 hex>", "createdAt": "<ISO 8601>" } ] }
 */

/** What every service key starts with, so a leaked one is recognised (secret scanners, logs). */
export const API_KEY_PREFIX = 'oak_';

/** A key's name: lower case, digits, `.`, `_`, `-`; the audit log and request logs show `key:NAME`. */
export const API_KEY_NAME = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export const API_KEY_ROLES = ['admin', 'viewer'] as const;
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

const HASH = /^sha256:[0-9a-f]{64}$/;

export interface ApiKeyEntry {
  name: string;
  role: ApiKeyRole;
  /** `sha256:` and the hex digest of the key; the key itself is stored nowhere. */
  hash: string;
  createdAt: string;
}

const EntrySchema = z.object({
  name: z.string().regex(API_KEY_NAME, 'a name is 1 to 63 of a-z, 0-9, ".", "_", "-", starting with a letter or digit'),
  role: z.enum(API_KEY_ROLES),
  hash: z.string().regex(HASH, 'expected "sha256:" and 64 hex digits'),
  createdAt: z.string().datetime(),
});

const FileSchema = z.object({ version: z.literal(1), keys: z.array(EntrySchema) }).superRefine((file, ctx) => {
  const names = new Set<string>();
  const hashes = new Set<string>();
  file.keys.forEach((key, i) => {
    if (names.has(key.name)) ctx.addIssue({ code: 'custom', path: ['keys', i, 'name'], message: `the name ${key.name} appears twice` });
    if (hashes.has(key.hash)) ctx.addIssue({ code: 'custom', path: ['keys', i, 'hash'], message: 'the same hash appears twice' });
    names.add(key.name);
    hashes.add(key.hash);
  });
});

/** A key file that cannot be used; the message never holds a hash or the file's text. */
export class KeyFileError extends Error {}

/** A new key: the prefix and 32 random bytes, base64url (43 characters). */
export function newApiKey(): string {
  return API_KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** What the file stores of a key. */
export function hashApiKey(key: string): string {
  return `sha256:${hash('sha256', key, 'hex')}`;
}

/** The file's keys; throws KeyFileError naming what is wrong (never a value). */
export function parseKeyFile(text: string): ApiKeyEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's own message quotes the text around the error: it could quote a hash.
    throw new KeyFileError('not valid JSON');
  }
  const result = FileSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new KeyFileError(issues.join('; '));
  }
  return result.data.keys;
}

export function formatKeyFile(keys: readonly ApiKeyEntry[]): string {
  const entries = keys.map(({ name, role, hash, createdAt }) => ({ name, role, hash, createdAt }));
  return `${JSON.stringify({ version: 1, keys: entries }, null, 2)}\n`;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/** The keys in `path`: none when it does not exist; KeyFileError when it cannot be read or parsed. */
export async function readKeyFile(path: string): Promise<ApiKeyEntry[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return [];
    throw new KeyFileError(`cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return parseKeyFile(text);
}

/**
 * Replaces the file at once or not at all: a temporary file beside it (mode 0600), synced, then
 * renamed over it, so the service never reads half a file.
 */
export async function writeKeyFile(path: string, keys: readonly ApiKeyEntry[]): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(formatKeyFile(keys));
    await handle.chmod(0o600);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

const LOCK_STALE_MS = 30_000;

/**
 * Runs `change` with `PATH.lock` held, so two recipes run at once cannot lose each other's change
 * (a lost revoke would leave a key working). A lock older than 30 s is from a command that died.
 */
export async function withKeyFileLock<T>(path: string, change: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      await (await open(lock, 'wx', 0o600)).close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = await stat(lock).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > LOCK_STALE_MS) await rm(lock, { force: true });
      else if (Date.now() > deadline) throw new KeyFileError(`${lock} is held by another command (remove it if none is running)`);
      else await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    return await change();
  } finally {
    await rm(lock, { force: true });
  }
}
