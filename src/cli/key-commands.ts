import { resolve } from 'node:path';
import {
  API_KEY_NAME,
  API_KEY_ROLES,
  type ApiKeyEntry,
  type ApiKeyRole,
  KeyFileError,
  hashApiKey,
  newApiKey,
  readKeyFile,
  withKeyFileLock,
  writeKeyFile,
} from '../plugins/api-key-file.js';
import { API_KEYS_POLL_MS } from '../plugins/api-keys.js';
import { UsageError } from './args.js';
import type { CommandContext } from './commands.js';
import { table } from './format.js';
import { CliError } from './transport.js';

// The service key recipes edit API_KEYS_FILE only (no Redis, no service): a running service
// re-reads the file within API_KEYS_POLL_MS.

function keyFile(ctx: CommandContext): string {
  const path = ctx.config.API_KEYS_FILE;
  if (!path) throw new CliError('API_KEYS_FILE is not set: set it (in .env or the environment) to the file the service reads its keys from');
  return resolve(path);
}

function nameArg(ctx: CommandContext): string {
  const name = ctx.args[0] ?? '';
  if (!API_KEY_NAME.test(name))
    throw new UsageError(`invalid NAME ${JSON.stringify(name)}: 1 to 63 of a-z, 0-9, ".", "_", "-", starting with a letter or digit`);
  return name;
}

function roleArg(ctx: CommandContext): ApiKeyRole {
  const role = ctx.args[1] ?? '';
  const known = API_KEY_ROLES.find((r) => r === role);
  if (!known) throw new UsageError(`invalid ROLE ${JSON.stringify(role)}: expected ${API_KEY_ROLES.join(' or ')}`);
  return known;
}

/** Reads, changes and writes the file under its lock; a file that cannot be parsed is left as it is. */
async function change<T>(path: string, edit: (keys: ApiKeyEntry[]) => { keys: ApiKeyEntry[]; result: T }): Promise<T> {
  try {
    return await withKeyFileLock(path, async () => {
      const { keys, result } = edit(await readKeyFile(path));
      await writeKeyFile(path, keys);
      return result;
    });
  } catch (error) {
    if (error instanceof KeyFileError) throw new CliError(`${path}: ${error.message}`);
    throw error;
  }
}

const reload = `a running service picks the change up within ${API_KEYS_POLL_MS} ms`;

export async function createKeyCommand(ctx: CommandContext): Promise<void> {
  const name = nameArg(ctx);
  const role = roleArg(ctx);
  const path = keyFile(ctx);
  const key = newApiKey();
  const entry = await change(path, (keys) => {
    if (keys.some((k) => k.name === name)) throw new CliError(`a service key named ${name} exists already (revoke it first: just api-key-revoke ${name})`);
    const added: ApiKeyEntry = { name, role, hash: hashApiKey(key), createdAt: new Date().toISOString() };
    return { keys: [...keys, added], result: added };
  });
  if (ctx.json) {
    ctx.io.out(JSON.stringify({ name, role, createdAt: entry.createdAt, principal: `key:${name}`, key }, null, 2));
    return;
  }
  ctx.io.err(`✅ service key ${name} (${role}) added to ${path}; ${reload}. It is shown only now (the file keeps its SHA-256):`);
  ctx.io.out(key);
}

export async function listKeysCommand(ctx: CommandContext): Promise<void> {
  const path = keyFile(ctx);
  let keys: ApiKeyEntry[];
  try {
    keys = await readKeyFile(path);
  } catch (error) {
    if (error instanceof KeyFileError) throw new CliError(`${path}: ${error.message}`);
    throw error;
  }
  const rows = keys.map(({ name, role, createdAt }) => ({ name, role, createdAt, principal: `key:${name}` }));
  if (ctx.json) {
    ctx.io.out(JSON.stringify(rows, null, 2));
    return;
  }
  if (rows.length === 0) {
    ctx.io.out(`no service keys in ${path} (create one: just api-key-create NAME admin|viewer)`);
    return;
  }
  ctx.io.out(
    table(rows, [
      { header: 'NAME', value: (r) => r.name, full: true },
      { header: 'ROLE', value: (r) => r.role },
      { header: 'CREATED', value: (r) => r.createdAt },
      { header: 'AUDIT NAME', value: (r) => r.principal, full: true },
    ]),
  );
}

export async function revokeKeyCommand(ctx: CommandContext): Promise<void> {
  const name = nameArg(ctx);
  const path = keyFile(ctx);
  const removed = await change(path, (keys) => {
    const kept = keys.filter((k) => k.name !== name);
    if (kept.length === keys.length) throw new CliError(`no service key named ${name} in ${path}`);
    return { keys: kept, result: keys.find((k) => k.name === name) as ApiKeyEntry };
  });
  if (ctx.json) {
    ctx.io.out(JSON.stringify({ name, role: removed.role, revoked: true }, null, 2));
    return;
  }
  ctx.io.out(`✅ service key ${name} (${removed.role}) revoked in ${path}; ${reload}`);
}
