import calculateSlot from 'cluster-key-slot';
import { Cluster } from 'ioredis';
import type { RedisClient } from './connection.js';
import { keyHolders } from './connection.js';
import { runScript } from './scripts.js';

/** Keys per SCAN step and per batched read: large enough to amortise round trips, small enough to stay flat. */
export const BATCH_SIZE = 1000;

/**
 * Every key matching a pattern, in batches, on every server that holds keys. SCAN may repeat a
 * key while Redis rehashes; callers that count dedupe, callers that delete are idempotent.
 */
export async function* scanKeys(redis: RedisClient, pattern: string, count = BATCH_SIZE): AsyncGenerator<string[]> {
  for (const node of await keyHolders(redis)) {
    let connection: number | null = null;
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', count);
      // A cursor only means something to the server that gave it: after a reconnection (a Redis
      // restart, a failover) the scan would go on elsewhere and silently miss keys. The first
      // answer (cursor 0) may come from any connection; from then on it must stay the same one.
      const closes = closesOf(node);
      if (connection === null) connection = closes;
      else if (closes !== connection) throw new ScanInterrupted();
      cursor = next;
      if (keys.length > 0) yield keys;
    } while (cursor !== '0');
  }
}

/** A scan crossed a reconnection: its answer would be partial, so there is none. */
export class ScanInterrupted extends Error {
  constructor() {
    super('Redis connection lost during a scan (restart or failover): the scan cannot be completed; try again');
  }
}

const closes = new WeakMap<object, { count: number }>();

/** How many times this connection has closed (counted from the first call). */
function closesOf(node: { on(event: 'close', listener: () => void): unknown }): number {
  let entry = closes.get(node);
  if (!entry) {
    const counter = { count: 0 };
    node.on('close', () => {
      counter.count += 1;
    });
    closes.set(node, counter);
    entry = counter;
  }
  return entry.count;
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

/** Groups of positions whose keys may go into one multi-key command or pipeline. */
function groupsOf(redis: RedisClient, keys: readonly string[]): number[][] {
  const positions = keys.map((_, i) => i);
  if (!(redis instanceof Cluster)) return chunks(positions);
  // A cluster takes multi-key commands and pipelines only within one hash slot.
  const bySlot = new Map<number, number[]>();
  keys.forEach((key, i) => {
    const slot = calculateSlot(key);
    const group = bySlot.get(slot);
    if (group) group.push(i);
    else bySlot.set(slot, [i]);
  });
  return [...bySlot.values()].flatMap((group) => chunks(group));
}

/** How many groups a cluster works on at once (each is one round trip to one node). */
const CLUSTER_CONCURRENCY = 32;
/** A single server gets a few groups back to back on its connection, so no round trip waits alone. */
const SERVER_CONCURRENCY = 4;

/**
 * The one batching mechanism: runs `run` on groups of keys (chunks of BATCH_SIZE; on a cluster,
 * also one hash slot per group) and returns the results in the keys' order.
 */
export async function inBatches<T>(redis: RedisClient, keys: readonly string[], run: (group: string[], positions: number[]) => Promise<T[]>): Promise<T[]> {
  // One key (a DataLoader batch of one, the common read): one group, nothing to split or gather.
  if (keys.length === 1) return run([keys[0] as string], [0]);
  const out = new Array<T>(keys.length);
  const groups = groupsOf(redis, keys);
  const runGroup = async (group: number[]) => {
    const results = await run(
      group.map((i) => keys[i] as string),
      group,
    );
    group.forEach((position, j) => {
      out[position] = results[j] as T;
    });
  };
  const concurrency = redis instanceof Cluster ? CLUSTER_CONCURRENCY : SERVER_CONCURRENCY;
  for (let i = 0; i < groups.length; i += concurrency) await Promise.all(groups.slice(i, i + concurrency).map(runGroup));
  return out;
}

/** One command per key, pipelined per batch; a per-key error fails the call unless `tolerate` maps it. */
function perKey<T>(
  redis: RedisClient,
  keys: readonly string[],
  add: (pipeline: ReturnType<RedisClient['pipeline']>, key: string) => void,
  map: (value: unknown) => T,
  tolerate?: (error: Error) => T,
): Promise<T[]> {
  return inBatches(redis, keys, async (group) => {
    const pipeline = redis.pipeline();
    for (const key of group) add(pipeline, key);
    const results = ((await pipeline.exec()) as PipelineResult) ?? [];
    return results.map(([error, value]) => {
      if (!error) return map(value);
      if (tolerate) return tolerate(error);
      throw error;
    });
  });
}

/**
 * String values of many keys (null for a missing key). A key that holds another type reads as
 * null too, so a stray hash under the prefix never fails a listing.
 */
export function readStrings(redis: RedisClient, keys: readonly string[]): Promise<(string | null)[]> {
  return inBatches(redis, keys, (group) => redis.mget(...group));
}

/**
 * Remaining time to live in milliseconds: -1 for a key without expiry, -2 for a missing key.
 * Redis has no multi-key PTTL, so a short script answers a whole batch in one command.
 */
export function readPttls(redis: RedisClient, keys: readonly string[]): Promise<number[]> {
  return inBatches(redis, keys, async (group) => ((await runScript(redis, 'pttlMany', group)) as number[]).map(Number));
}

/** Members of many sets (an empty list for a missing key or another type). */
export function readSets(redis: RedisClient, keys: readonly string[]): Promise<string[][]> {
  return perKey(
    redis,
    keys,
    (p, k) => p.smembers(k),
    (v) => (Array.isArray(v) ? (v as string[]) : []),
    () => [],
  );
}

/** The Redis type of each key (`none` for a missing one). */
export function readTypes(redis: RedisClient, keys: readonly string[]): Promise<string[]> {
  return perKey(
    redis,
    keys,
    (p, k) => p.type(k),
    (v) => String(v),
  );
}

/** Whether each key exists (one script call per batch). */
export function existMany(redis: RedisClient, keys: readonly string[]): Promise<boolean[]> {
  return inBatches(redis, keys, async (group) => ((await runScript(redis, 'existsMany', group)) as number[]).map((v) => Number(v) === 1));
}

/**
 * Removes the keys that have no TTL when the removal runs (checked and removed atomically per
 * batch): a purge that judged a key by its missing TTL never removes one that got a TTL meanwhile
 * (the gateway's restore script writes SET, then EXPIRE). Returns how many were removed.
 */
export async function unlinkPersistent(redis: RedisClient, keys: readonly string[]): Promise<number> {
  const removed = await inBatches(redis, keys, async (group) => {
    const count = Number(await runScript(redis, 'unlinkPersistent', group));
    return group.map((_, i) => (i === 0 ? count : 0));
  });
  return removed.reduce((a, b) => a + b, 0);
}

/** Removes keys in batches of UNLINK (the memory is freed off the main thread); returns how many existed. */
export async function unlinkMany(redis: RedisClient, keys: readonly string[]): Promise<number> {
  // One UNLINK per group; its count is credited to the group's first key.
  const removed = await inBatches(redis, keys, async (group) => {
    const count = await redis.unlink(...group);
    return group.map((_, i) => (i === 0 ? count : 0));
  });
  return removed.reduce((a, b) => a + b, 0);
}

/** Set sizes (0 for a missing key). */
export function cardinalities(redis: RedisClient, keys: readonly string[]): Promise<number[]> {
  return perKey(
    redis,
    keys,
    (p, k) => p.scard(k),
    (v) => Number(v),
    () => 0,
  );
}

export interface SetRemoval {
  /** How many of the members were in the set (and were, or in a dry run would be, removed). */
  present: number;
  /** The set's size before. */
  before: number;
  /** Its size after (Redis drops a set that becomes empty). */
  after: number;
}

/**
 * Removes members from several sets, all in one pipeline: per set (and slice of members) an SREM
 * and an SCARD. In a dry run SMISMEMBER counts instead, so both report the same `present`.
 */
export async function removeMembers(redis: RedisClient, removals: Map<string, string[]>, dryRun: boolean): Promise<Map<string, SetRemoval>> {
  const out = new Map<string, SetRemoval>();
  // Two commands per (set, slice of members); each touches one key, so any grouping is valid.
  const calls = [...removals.entries()].flatMap(([key, members]) => chunks(members).map((slice) => ({ key, slice })));
  const results = await inBatches(
    redis,
    calls.map((c) => c.key),
    async (_group, positions) => {
      const pipeline = redis.pipeline();
      const mine = positions.map((i) => calls[i] as { key: string; slice: string[] });
      for (const { key, slice } of mine) {
        if (dryRun) pipeline.smismember(key, ...slice);
        else pipeline.srem(key, ...slice);
        pipeline.scard(key);
      }
      const replies = (await pipeline.exec()) ?? [];
      return mine.map(({ key }, i) => {
        const [changeError, change] = replies[i * 2] ?? [null, 0];
        const [sizeError, size] = replies[i * 2 + 1] ?? [null, 0];
        if (changeError) throw changeError;
        if (sizeError) throw sizeError;
        const present = Array.isArray(change) ? change.filter((v) => Number(v) === 1).length : Number(change);
        const after = Number(size);
        // A dry run leaves the set as it is; a real one had `present` more members before.
        return { key, value: [present, dryRun ? after : after + present, after] as [number, number, number] };
      });
    },
  );
  for (const { key, value } of results) {
    const [present, before, after] = value;
    const prev = out.get(key);
    out.set(key, prev ? { present: prev.present + present, before: prev.before, after: Math.min(prev.after, after) } : { present, before, after });
  }
  return out;
}
