import type { ChainableCommander, Cluster, Redis } from 'ioredis';
import { SYNC_CLIENT, SYNC_FLOW, SYNC_REFRESH, SYNC_TOKEN, SYNC_USER_INDEX } from './index-scripts.js';
import { COUNTS_OF, EXPIRED_OF, MEMBERS_OF, READ_STATS, RECORD_OWNERS, TOKEN_OWNERS } from './index-read-scripts.js';
import { RESTORE_ENTRIES, RESTORE_STRINGS } from './restore-scripts.js';

/** Either client (connection.ts' RedisClient; not imported from there: connection.ts registers these scripts). */
type RedisClient = Redis | Cluster;

/**
 * The backup scripts' clock: `nowms`, the server's time in ms, and `expiry(key)`, a key's absolute
 * expiry in ms (-1 none, -2 missing): PEXPIRETIME when ARGV[1] is '1' (Redis 7), else now + PTTL.
 */
const BACKUP_CLOCK = `local t = redis.call('TIME')
local nowms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local exact = ARGV[1] == '1'
local function expiry(key)
  if exact then return redis.call('PEXPIRETIME', key) end
  local p = redis.call('PTTL', key)
  if p >= 0 then return nowms + p end
  return p
end`;

/**
 * Every Lua script the service runs, registered on each connection the factory makes: ioredis
 * then sends EVALSHA (the script body only once per connection, or when the server has lost it),
 * in pipelines too. `keys` is the number of KEYS, or null when the caller passes it first.
 */
const SCRIPTS = {
  pttlMany: {
    keys: null,
    lua: `local out = {}
for i, key in ipairs(KEYS) do out[i] = redis.call('PTTL', key) end
return out`,
  },
  existsMany: {
    keys: null,
    lua: `local out = {}
for i, key in ipairs(KEYS) do out[i] = redis.call('EXISTS', key) end
return out`,
  },
  /** Removes the keys that still have no TTL (a purge judged them by that); returns how many. */
  unlinkPersistent: {
    keys: null,
    lua: `local n = 0
for _, key in ipairs(KEYS) do
  if redis.call('PTTL', key) == -1 then n = n + redis.call('UNLINK', key) end
end
return n`,
  },
  /**
   * Client lifecycle writes (clients-tokens/client-lifecycle.ts): replaces the value only while the
   * key still holds what was read (ARGV[1]), so a gateway write in between is never overwritten.
   * ARGV[3] '' keeps the key's TTL (KEEPTTL), else it is the new absolute expiry in ms (PXAT).
   * 1 written, 0 the key changed or vanished meanwhile.
   */
  replaceIfUnchanged: {
    keys: 1,
    lua: `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[3] == '' then redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL') else redis.call('SET', KEYS[1], ARGV[2], 'PXAT', ARGV[3]) end
return 1`,
  },
  renewLock: { keys: 1, lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0` },
  releaseLock: { keys: 1, lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0` },
  /** Backups: the server's time (ms), then each key's absolute expiry (ms; -1 none, -2 missing). ARGV[1] '1': the server has PEXPIRETIME. */
  backupExpiries: {
    keys: null,
    lua: `${BACKUP_CLOCK}
local out = { nowms }
for i, key in ipairs(KEYS) do out[i + 1] = expiry(key) end
return out`,
  },
  /**
   * Backups: keys of any type in one packed binary reply (read it as a Buffer): the server time
   * (double), then per key a type code (0 gone, 1 string, 2 set, 3 list, 4 hash, 5 another type),
   * and for 1-4 the absolute expiry (double, -1 none), the item count and each item
   * length-prefixed. ARGV[1] as for backupExpiries.
   */
  backupRead: {
    keys: null,
    lua: `${BACKUP_CLOCK}
local parts = { struct.pack('>d', nowms) }
local n = 1
for _, key in ipairs(KEYS) do
  local v = redis.pcall('GET', key)
  if type(v) == 'string' then
    parts[n + 1] = struct.pack('>Bdi4i4', 1, expiry(key), 1, #v)
    parts[n + 2] = v
    n = n + 2
  elseif v == false then
    parts[n + 1] = '\\0'
    n = n + 1
  else
    local typ = redis.call('TYPE', key).ok
    local items = nil
    local code = 5
    if typ == 'set' then items = redis.call('SMEMBERS', key); code = 2
    elseif typ == 'list' then items = redis.call('LRANGE', key, 0, -1); code = 3
    elseif typ == 'hash' then items = redis.call('HGETALL', key); code = 4 end
    if items then
      parts[n + 1] = struct.pack('>Bdi4', code, expiry(key), #items)
      n = n + 1
      for _, item in ipairs(items) do
        parts[n + 1] = struct.pack('>i4', #item)
        parts[n + 2] = item
        n = n + 2
      end
    else
      parts[n + 1] = '\\5' .. string.char(math.min(#typ, 255)) .. string.sub(typ, 1, 255)
      n = n + 1
    end
  end
end
return table.concat(parts)`,
  },
  /** Restores: entries of any type compared and (ARGV[1] '1') written, value and expiry together (restore-scripts.ts). */
  restoreEntries: { keys: null, lua: RESTORE_ENTRIES },
  /** Restores: string entries written with SET ... GET, the previous value telling the status (restore-scripts.ts). */
  restoreStrings: { keys: null, lua: RESTORE_STRINGS },
  ixSyncToken: { keys: 1, lua: SYNC_TOKEN },
  ixSyncRefresh: { keys: 1, lua: SYNC_REFRESH },
  ixSyncClient: { keys: 1, lua: SYNC_CLIENT },
  ixSyncFlow: { keys: 1, lua: SYNC_FLOW },
  ixSyncUserIndex: { keys: 1, lua: SYNC_USER_INDEX },
  ixMembersOf: { keys: 1, lua: MEMBERS_OF },
  ixCountsOf: { keys: 1, lua: COUNTS_OF },
  ixReadStats: { keys: 1, lua: READ_STATS },
  ixTokenOwners: { keys: 1, lua: TOKEN_OWNERS },
  ixExpiredOf: { keys: 1, lua: EXPIRED_OF },
  ixRecordOwners: { keys: 1, lua: RECORD_OWNERS },
} as const;

export type ScriptName = keyof typeof SCRIPTS;

export function defineScripts(client: RedisClient): void {
  for (const [name, script] of Object.entries(SCRIPTS)) {
    client.defineCommand(name, script.keys === null ? { lua: script.lua } : { numberOfKeys: script.keys, lua: script.lua });
  }
}

type Arg = string | number;

/** Runs a registered script on a client (returns its reply) or queues it on a pipeline. */
export function runScript(target: RedisClient, name: ScriptName, keys: readonly string[], args?: readonly Arg[]): Promise<unknown>;
export function runScript(target: ChainableCommander, name: ScriptName, keys: readonly string[], args?: readonly Arg[]): ChainableCommander;
export function runScript(target: RedisClient | ChainableCommander, name: ScriptName, keys: readonly string[], args: readonly Arg[] = []): unknown {
  return invoke(target, name, name, keys, args);
}

/** `runScript` with the reply as Buffers (binary replies). */
export function runScriptBuffer(target: RedisClient, name: ScriptName, keys: readonly string[], args: readonly Arg[] = []): Promise<unknown> {
  return invoke(target, `${name}Buffer`, name, keys, args) as Promise<unknown>;
}

/** `runScript` with binary arguments (a restore's values, byte for byte). */
export function runScriptBinary(target: RedisClient, name: ScriptName, keys: readonly string[], args: readonly (Arg | Buffer)[]): Promise<unknown> {
  return invoke(target, name, name, keys, args as readonly Arg[]) as Promise<unknown>;
}

function invoke(target: RedisClient | ChainableCommander, method: string, name: ScriptName, keys: readonly string[], args: readonly Arg[]): unknown {
  const command = (target as unknown as Record<string, (...a: Arg[]) => unknown>)[method];
  if (typeof command !== 'function') throw new Error(`script ${name} is not registered on this connection (make it with createRedis)`);
  const leading = SCRIPTS[name].keys === null ? [keys.length] : [];
  return command.call(target, ...leading, ...keys, ...args);
}
