import type { RedisClient } from './connection.js';
import { keyHolders } from './connection.js';

/** Keys per SCAN step and per batched read: large enough to amortise round trips, small enough to stay flat. */
export const BATCH_SIZE = 1000;

/**
 * Every key matching a pattern, in batches, on every server that holds keys. SCAN may repeat a
 * key while Redis rehashes; callers that count dedupe, callers that delete are idempotent.
 */
export async function* scanKeys(redis: RedisClient, pattern: string, count = BATCH_SIZE): AsyncGenerator<string[]> {
  for (const node of keyHolders(redis)) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      cursor = next;
      if (keys.length > 0) yield keys;
    } while (cursor !== '0');
  }
}

/** All keys matching a pattern, deduplicated. */
export async function collectKeys(redis: RedisClient, pattern: string): Promise<string[]> {
  const seen = new Set<string>();
  for await (const batch of scanKeys(redis, pattern)) for (const key of batch) seen.add(key);
  return [...seen];
}

function chunks<T>(items: readonly T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type PipelineResult = [Error | null, unknown][] | null;

/** Runs one command per key in pipelines of BATCH_SIZE; a per-key error becomes that key's error. */
async function perKey<T>(
  redis: RedisClient,
  keys: readonly string[],
  add: (pipeline: ReturnType<RedisClient['pipeline']>, key: string) => void,
  map: (value: unknown) => T,
): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunks(keys)) {
    const pipeline = redis.pipeline();
    for (const key of part) add(pipeline, key);
    const results = (await pipeline.exec()) as PipelineResult;
    for (const [error, value] of results ?? []) {
      if (error) throw error;
      out.push(map(value));
    }
  }
  return out;
}

/**
 * String values of many keys (null for a missing key). A key that holds another type reads as
 * null too, so a stray hash under the prefix never fails a listing.
 */
export async function readStrings(redis: RedisClient, keys: readonly string[]): Promise<(string | null)[]> {
  const out: (string | null)[] = [];
  for (const part of chunks(keys)) out.push(...(await redis.mget(...part)));
  return out;
}

const PTTL_MANY = `local out = {}
for i, key in ipairs(KEYS) do out[i] = redis.call('PTTL', key) end
return out`;

/**
 * Remaining time to live in milliseconds: -1 for a key without expiry, -2 for a missing key.
 * Redis has no multi-key PTTL, so a short script answers a whole batch in one command.
 */
export async function readPttls(redis: RedisClient, keys: readonly string[]): Promise<number[]> {
  const out: number[] = [];
  for (const part of chunks(keys)) {
    const values = (await redis.eval(PTTL_MANY, part.length, ...part)) as number[];
    out.push(...values.map(Number));
  }
  return out;
}

/** Members of many sets (an empty list for a missing key or another type). */
export async function readSets(redis: RedisClient, keys: readonly string[]): Promise<string[][]> {
  const out: string[][] = [];
  for (const part of chunks(keys)) {
    const pipeline = redis.pipeline();
    for (const key of part) pipeline.smembers(key);
    const results = (await pipeline.exec()) as PipelineResult;
    for (const [error, value] of results ?? []) out.push(error || !Array.isArray(value) ? [] : (value as string[]));
  }
  return out;
}

/** Whether each key exists. */
export function existMany(redis: RedisClient, keys: readonly string[]): Promise<boolean[]> {
  return perKey(redis, keys, (p, k) => p.exists(k), (v) => Number(v) === 1);
}

/** Removes keys in batches of UNLINK (the memory is freed off the main thread); returns how many existed. */
export async function unlinkMany(redis: RedisClient, keys: readonly string[]): Promise<number> {
  let removed = 0;
  for (const part of chunks(keys)) removed += await redis.unlink(...part);
  return removed;
}

/** Set sizes (0 for a missing key). */
export function cardinalities(redis: RedisClient, keys: readonly string[]): Promise<number[]> {
  return perKey(redis, keys, (p, k) => p.scard(k), (v) => Number(v));
}

const SREM_COUNTED = `local present = 0
for i = 2, #ARGV do present = present + redis.call('SISMEMBER', KEYS[1], ARGV[i]) end
local card = redis.call('SCARD', KEYS[1])
if ARGV[1] == '1' or present == 0 then return {present, card, card} end
redis.call('SREM', KEYS[1], unpack(ARGV, 2))
return {present, card, redis.call('SCARD', KEYS[1])}`;

export interface SetRemoval {
  /** How many of the members were in the set (and were, or in a dry run would be, removed). */
  present: number;
  /** The set's size before. */
  before: number;
  /** Its size after (Redis drops a set that becomes empty). */
  after: number;
}

/**
 * Removes members from several sets, one script per set, all in one pipeline. In a dry run it
 * only counts, so both report the same `present`.
 */
export async function removeMembers(redis: RedisClient, removals: Map<string, string[]>, dryRun: boolean): Promise<Map<string, SetRemoval>> {
  const out = new Map<string, SetRemoval>();
  const entries = [...removals.entries()].filter(([, members]) => members.length > 0);
  for (const part of chunks(entries, 200)) {
    const pipeline = redis.pipeline();
    for (const [key, members] of part) {
      for (const slice of chunks(members)) pipeline.eval(SREM_COUNTED, 1, key, dryRun ? '1' : '0', ...slice);
    }
    const results = ((await pipeline.exec()) ?? []) as [Error | null, [number, number, number]][];
    let i = 0;
    for (const [key, members] of part) {
      for (let s = 0; s < Math.ceil(members.length / BATCH_SIZE); s++) {
        const [error, value] = results[i++] ?? [new Error('missing pipeline reply'), [0, 0, 0]];
        if (error) throw error;
        const [present, before, after] = value.map(Number) as [number, number, number];
        const prev = out.get(key);
        out.set(key, prev ? { present: prev.present + present, before: prev.before, after } : { present, before, after });
      }
    }
  }
  return out;
}
