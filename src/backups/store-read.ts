/**
 * How a backup reads the store: the server's version, and keys in batches, each one MULTI of MGET
 * plus a script giving every key's absolute expiry, with the rare key of another type read by the
 * `backupRead` script (scripts.ts).
 */
import { inBatches } from '../redis/batch.js';
import { type RedisClient, keyHolders } from '../redis/connection.js';
import { runScript, runScriptBuffer } from '../redis/scripts.js';
import type { ReadKey } from './render.js';

const TYPE_CODES = [null, 'string', 'set', 'list', 'hash'] as const;

/** Redis server version (INFO server), e.g. `7.0.15`. */
export async function redisServerVersion(redis: RedisClient): Promise<string> {
  const info = await ((await keyHolders(redis))[0] ?? redis).info('server');
  return /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? 'unknown';
}

export function versionAtLeast(version: string, major: number, minor = 0): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/** Decodes the `backupRead` script's reply (items are views into it). */
function parseRead(keys: readonly string[], b: Buffer): ReadKey[] {
  const out: ReadKey[] = [];
  const nowMs = b.readDoubleBE(0);
  let at = 8;
  for (const key of keys) {
    const code = b[at]!;
    at += 1;
    const type = TYPE_CODES[code as 1];
    if (!type) {
      if (code === 5) {
        const length = b[at]!;
        out.push({ key, type: 'unsupported', pttl: -1, expiresAtMs: -1, items: [], redisType: b.toString('latin1', at + 1, at + 1 + length) });
        at += 1 + length;
      }
      continue; // 0: gone
    }
    const expiresAtMs = b.readDoubleBE(at);
    const count = b.readInt32BE(at + 8);
    at += 12;
    const items: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      const len = b.readInt32BE(at);
      items.push(b.subarray(at + 4, at + 4 + len));
      at += 4 + len;
    }
    out.push({ key, type, pttl: expiresAtMs >= 0 ? Math.max(0, expiresAtMs - nowMs) : -1, expiresAtMs, items });
  }
  return out;
}

/**
 * Reads one batch: MGET and every key's absolute expiry in one MULTI (an atomic snapshot of the
 * batch, one round trip, two cheap commands for a thousand keys). MGET answers nil for a key
 * that is gone or is not a string; those few go through the `backupRead` script, which reads any
 * type. `exact`: the server has PEXPIRETIME (Redis 7), else expiries are its time plus PTTL.
 */
async function readGroup(redis: RedisClient, group: string[], exact: boolean): Promise<(ReadKey | null)[]> {
  const flag = exact ? '1' : '0';
  const replies = (await runScript(redis.multi().mgetBuffer(...group), 'backupExpiries', group, [flag]).exec()) ?? [];
  const [mgetError, values] = replies[0] ?? [new Error('no MGET reply'), null];
  const [expiryError, expiry] = replies[1] ?? [new Error('no expiry reply'), null];
  if (mgetError) throw mgetError;
  if (expiryError) throw expiryError;
  const vals = values as (Buffer | null)[];
  const exp = expiry as number[];
  const nowMs = Number(exp[0]);
  const out: (ReadKey | null)[] = [];
  const others: string[] = [];
  for (let i = 0; i < group.length; i++) {
    const value = vals[i];
    if (value === null || value === undefined) {
      out.push(null);
      others.push(group[i]!);
      continue;
    }
    const expiresAtMs = Number(exp[i + 1]);
    out.push({ key: group[i]!, type: 'string', pttl: expiresAtMs >= 0 ? Math.max(0, expiresAtMs - nowMs) : -1, expiresAtMs, items: [value] });
  }
  if (others.length === 0) return out;
  const rest = new Map(parseRead(others, (await runScriptBuffer(redis, 'backupRead', others, [flag])) as Buffer).map((r) => [r.key, r]));
  return out.map((r, i) => r ?? rest.get(group[i]!) ?? null);
}

/** Reads `keys` (any number, batched per hash slot); keys that do not exist are left out. */
export async function readPresent(redis: RedisClient, keys: string[], exact: boolean): Promise<ReadKey[]> {
  return (await inBatches(redis, keys, (part) => readGroup(redis, part, exact))).filter((r): r is ReadKey => r !== null);
}

/** Reads keys as a backup does (for tests): keys that do not exist are left out. */
export async function readKeys(redis: RedisClient, keys: string[]): Promise<{ key: string; type: string; expiresAtMs: number; items: Buffer[] }[]> {
  return readPresent(redis, keys, versionAtLeast(await redisServerVersion(redis), 7));
}
