import type { ChainableCommander } from 'ioredis';
import type { RedisClient } from './connection.js';
import { EXPIRED_OF, MEMBERS_OF, READ_STATS, SYNC_CLIENT, SYNC_FLOW, SYNC_REFRESH, SYNC_TOKEN, SYNC_USER_INDEX, TOKEN_OWNERS } from './index-scripts.js';

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
  sremCounted: {
    keys: 1,
    lua: `local present = 0
for i = 2, #ARGV do present = present + redis.call('SISMEMBER', KEYS[1], ARGV[i]) end
local card = redis.call('SCARD', KEYS[1])
if ARGV[1] == '1' or present == 0 then return {present, card, card} end
redis.call('SREM', KEYS[1], unpack(ARGV, 2))
return {present, card, redis.call('SCARD', KEYS[1])}`,
  },
  renewLock: { keys: 1, lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0` },
  releaseLock: { keys: 1, lua: `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0` },
  ixSyncToken: { keys: 1, lua: SYNC_TOKEN },
  ixSyncRefresh: { keys: 1, lua: SYNC_REFRESH },
  ixSyncClient: { keys: 1, lua: SYNC_CLIENT },
  ixSyncFlow: { keys: 1, lua: SYNC_FLOW },
  ixSyncUserIndex: { keys: 1, lua: SYNC_USER_INDEX },
  ixMembersOf: { keys: 1, lua: MEMBERS_OF },
  ixReadStats: { keys: 1, lua: READ_STATS },
  ixTokenOwners: { keys: 1, lua: TOKEN_OWNERS },
  ixExpiredOf: { keys: 1, lua: EXPIRED_OF },
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
  const command = (target as unknown as Record<string, (...a: Arg[]) => unknown>)[name];
  if (typeof command !== 'function') throw new Error(`script ${name} is not registered on this connection (make it with createRedis)`);
  const leading = SCRIPTS[name].keys === null ? [keys.length] : [];
  return command.call(target, ...leading, ...keys, ...args);
}
