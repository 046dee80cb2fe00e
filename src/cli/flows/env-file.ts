import { randomBytes } from 'node:crypto';
import { open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseEnv } from '../../config.js';

export type EnvMap = Record<string, string>;
export { parseEnv };

export interface EnvUpdateResult {
  replaced: string[];
  appended: string[];
}

const KEY_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Matched against latin1 text, so a UTF-8 byte order mark shows up as these three characters.
const EDITABLE_LINE = /^((?:\xEF\xBB\xBF)?[ \t]*(?:export[ \t]+)?)([A-Za-z_][A-Za-z0-9_]*)[ \t]*=(.*)$/s;
const PLAIN_VALUE = /^[A-Za-z0-9_\-./+=:@,%~?&]*$/;
const NEW_FILE_MODE = 0o600;

/** Reads and parses a dotenv file; a missing file reads as empty. */
export async function readEnvFile(path: string): Promise<EnvMap> {
  try {
    return parseEnv(await readFile(path, 'utf8'));
  } catch (err) {
    if (isNotFound(err)) return {};
    throw err;
  }
}

/** Formats `value` so that dotenv readers (ours, just/dotenvy, docker compose) read it back unchanged. */
export function formatEnvValue(key: string, value: string): string {
  if (/[\r\n\0]/.test(value)) {
    throw new Error(`Refusing to write ${key} to .env: the value contains a line break or NUL byte`);
  }
  if (PLAIN_VALUE.test(value)) return value;
  // Single quotes stop `$` expansion and `#` comments in every reader we care about.
  if (!value.includes("'")) return `'${value}'`;
  throw new Error(`Refusing to write ${key} to .env: the value needs quoting but contains a single quote`);
}

/**
 * Sets keys in a dotenv file, touching only their lines: replaces every `KEY=` / `export KEY=` line,
 * appends missing keys, keeps all other bytes. Creates the file (0600) if missing. Atomic replace.
 */
export async function setEnvVars(path: string, values: Record<string, string>): Promise<EnvUpdateResult> {
  const rendered = new Map<string, string>();
  for (const [key, value] of Object.entries(values)) {
    if (!KEY_PATTERN.test(key)) throw new Error(`Invalid .env key: ${JSON.stringify(key)}`);
    // latin1 maps bytes 1:1 to chars, so untouched lines are written back byte for byte.
    rendered.set(key, Buffer.from(formatEnvValue(key, value), 'utf8').toString('latin1'));
  }

  const target = await resolveTarget(path);
  const existing = await readExisting(target);
  const text = existing?.content ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split('\n');
  const replaced = new Set<string>();

  for (let i = 0; i < lines.length; i++) {
    const cr = lines[i]!.endsWith('\r') ? '\r' : '';
    const match = EDITABLE_LINE.exec(cr ? lines[i]!.slice(0, -1) : lines[i]!);
    const key = match?.[2];
    if (!match || key === undefined || !rendered.has(key)) continue;
    if (hasUnterminatedQuote(match[3]!)) {
      throw new Error(`Refusing to edit ${key} in ${path}: its current value spans several lines; edit it by hand`);
    }
    lines[i] = `${match[1]}${key}=${rendered.get(key)}${cr}`;
    replaced.add(key);
  }

  let output = lines.join('\n');
  const appended = [...rendered.keys()].filter((key) => !replaced.has(key));
  if (appended.length > 0) {
    if (output.length > 0 && !output.endsWith('\n')) output += eol;
    for (const key of appended) output += `${key}=${rendered.get(key)}${eol}`;
  }

  await writeAtomically(target, Buffer.from(output, 'latin1'), existing?.mode ?? NEW_FILE_MODE);
  return { replaced: [...replaced], appended };
}

function hasUnterminatedQuote(rawValue: string): boolean {
  const value = rawValue.trimStart();
  const quote = value[0];
  if (quote !== '"' && quote !== "'") return false;
  for (let i = 1; i < value.length; i++) {
    if (quote === '"' && value[i] === '\\') i++;
    else if (value[i] === quote) return false;
  }
  return true;
}

// Editing through a symlink must change the file it points to, not replace the link.
async function resolveTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (err) {
    if (isNotFound(err)) return path;
    throw err;
  }
}

async function readExisting(path: string): Promise<{ content: string; mode: number } | undefined> {
  try {
    const [content, info] = await Promise.all([readFile(path, 'latin1'), stat(path)]);
    return { content, mode: info.mode & 0o7777 };
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

async function writeAtomically(path: string, data: Buffer, mode: number): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.chmod(mode); // the umask may have narrowed the mode given to open()
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncDirectory(dir);
}

async function syncDirectory(dir: string): Promise<void> {
  // Makes the rename durable; some filesystems refuse fsync on directories, which is harmless here.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}
