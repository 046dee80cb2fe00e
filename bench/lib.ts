/**
 * Shared helpers for the benchmarks (read, purge, backup, ...): a Redis of our own, gateway-format
 * seeding, the app wired as the server wires it, timing and percentile math, machine info and
 * tables. Nothing here ever writes to or flushes a Redis it did not create, except under a random
 * key prefix it deletes afterwards.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { type RequestListener, type Server, createServer as createHttpServer } from 'node:http';
import os, { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Cluster, type Redis } from 'ioredis';
import { type App, createApp } from '../src/app.js';
import { scanKeys } from '../src/redis/batch.js';
import { type RedisClient, countCommands, createRedis, keyHolders } from '../src/redis/connection.js';
import { accessTokenValue, clientValue, refreshTokenValue } from '../src/redis/gateway-format.js';
import { type KeyPrefixes, Keys } from '../src/redis/keys.js';
import { type Services, createServices } from '../src/services.js';
import { type RedisServer, startRedisServer } from '../test/helpers/redis-server.js';
import type { LoadConfig, LoadResult } from './load.js';

// ------------------------------------------------------------------------------------ Redis

/**
 * Runs an index leader on the bench's server as a service process does (follower, reconcile) until
 * `bench.stop()`, and resolves once reads answer from the indexes. Returns how long that took.
 */
export async function startIndexLeader(bench: BenchRedis): Promise<number> {
  const started = performance.now();
  const app = createBenchApp(bench);
  app.services.indexes.start('bench-leader');
  for (;;) {
    if (await app.services.indexes.fresh()) break;
    const status = await app.services.indexes.status();
    if (status.leader && status.notificationsProblem && status.notificationsProblem !== 'not started') throw new Error(status.notificationsProblem);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = bench.stop.bind(bench);
  bench.stop = async () => {
    await app.services.indexes.stop();
    await stop();
  };
  return performance.now() - started;
}

/** The gateway's lifetimes (seconds), as its auth service uses them. */
export const GATEWAY_LIFETIMES = { access: 86400, refresh: 2592000, client: 7776000 } as const;

export interface BenchRedis {
  redis: RedisClient;
  /** Where the data lives (a private server's URL, or BENCH_REDIS_URL). */
  url: string;
  /** True for a private redis-server started by the bench; false for BENCH_REDIS_URL. */
  isPrivate: boolean;
  /** `oauth:`… on a private server; `bench-<hex>:oauth:`… on a shared one. */
  prefixes: KeyPrefixes;
  keys: Keys;
  /** Disconnects; stops a private server, or deletes every key under our prefix (SCAN + UNLINK). */
  stop(): Promise<void>;
}

/**
 * Saves a private bench server's data to `path` (SAVE, then a copy of its RDB file), so later runs
 * can each start from exactly this data (`startBenchRedis({ snapshot })`) instead of seeding again.
 */
export async function saveSnapshot(bench: BenchRedis, path: string): Promise<void> {
  if (!bench.isPrivate) throw new Error('a snapshot needs a private redis-server');
  const [, dir] = (await bench.redis.config('GET', 'dir')) as [string, string];
  const [, file] = (await bench.redis.config('GET', 'dbfilename')) as [string, string];
  await bench.redis.save();
  copyFileSync(join(dir, file), path);
}

/**
 * A Redis for one benchmark run. Without `url`, a private `redis-server` on a free port (stopped
 * by `stop()`), with the gateway's default prefixes; with `snapshot` too, it starts with that
 * snapshot's data (`saveSnapshot` of another private server). With `url` (BENCH_REDIS_URL), that
 * server under a random key prefix; `stop()` deletes only the keys under it. Ctrl-C / SIGTERM also
 * clean up.
 */
export async function startBenchRedis(options: { url?: string | undefined; snapshot?: string } = {}): Promise<BenchRedis> {
  let server: RedisServer | null = null;
  let url: string;
  let root = '';
  let snapshotDir: string | null = null;
  if (options.url) {
    if (options.snapshot) throw new Error('a snapshot needs a private redis-server');
    url = options.url;
    root = `bench-${randomBytes(6).toString('hex')}:`;
  } else if (options.snapshot) {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-admin-bench-snapshot-'));
    snapshotDir = dir;
    copyFileSync(options.snapshot, join(dir, 'snapshot.rdb'));
    // A large snapshot takes a while to load (the server answers LOADING until then).
    server = await startRedisServer(['--dir', dir, '--dbfilename', 'snapshot.rdb'], { readyWithinMs: 180_000 }).catch((error: unknown) => {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    });
    url = server.url;
  } else {
    server = await startRedisServer();
    url = server.url;
  }
  const prefixes: KeyPrefixes = { oauth: `${root}oauth:`, session: `${root}redis:session:`, admin: `${root}oauth-admin:` };
  const redis = createRedis(url, { name: 'oauth-admin-bench', commandTimeoutMs: 120_000 });
  redis.on('error', () => {});
  let stopped: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      try {
        if (server === null && root !== '') await deleteKeys(redis, `${root}*`);
      } finally {
        redis.disconnect();
        await server?.stop();
        if (snapshotDir) rmSync(snapshotDir, { recursive: true, force: true });
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
    })();
    return stopped;
  };
  // `on`, not `once`: Ctrl-C reaches us twice under tsx (from the terminal and relayed by tsx), and
  // a second signal without a listener would end the process before the cleanup is done.
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: cleaning up bench Redis data...\n`);
    void stop().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    await redis.ping();
  } catch (error) {
    await stop();
    throw new Error(`cannot reach bench Redis at ${url}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { redis, url, isPrivate: server !== null, prefixes, keys: new Keys(prefixes), stop };
}

/** Deletes every key matching `pattern` with SCAN + UNLINK; returns how many were unlinked. */
export async function deleteKeys(redis: RedisClient, pattern: string): Promise<number> {
  let deleted = 0;
  for await (const batch of scanKeys(redis, pattern)) {
    // A cluster refuses multi-key commands across slots: one UNLINK per key there.
    deleted += redis instanceof Cluster ? (await Promise.all(batch.map((key) => redis.unlink(key)))).reduce((a, b) => a + b, 0) : await redis.unlink(...batch);
  }
  return deleted;
}

/** `INFO` fields of every server holding keys (one entry for a single server). */
export async function redisInfo(redis: RedisClient, section = 'all'): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  for (const node of await keyHolders(redis)) {
    const text = await node.info(section);
    const fields: Record<string, string> = {};
    for (const line of text.split(/\r?\n/)) {
      const at = line.indexOf(':');
      if (at > 0 && !line.startsWith('#')) fields[line.slice(0, at)] = line.slice(at + 1);
    }
    out.push(fields);
  }
  return out;
}

/** `used_memory` in bytes, summed over the servers holding keys. */
export async function usedMemory(redis: RedisClient): Promise<number> {
  return (await redisInfo(redis, 'memory')).reduce((sum, f) => sum + Number(f.used_memory ?? 0), 0);
}

export async function redisVersion(redis: RedisClient): Promise<string> {
  return (await redisInfo(redis, 'server'))[0]?.redis_version ?? 'unknown';
}

// ------------------------------------------------------------------------------------ app

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef';

export interface BenchApp {
  app: App;
  services: Services;
  /**
   * Sends one operation through `app.fetch` (auth, parsing, validation, execution, serialisation)
   * as the admin and returns `data`; throws with the response's errors if there are any.
   */
  query<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<T>;
}

/** The app over a bench Redis, built as the server builds it (admin bearer token, no anonymous admin). */
export function createBenchApp(bench: Pick<BenchRedis, 'redis' | 'prefixes'>, options: { now?: () => number } = {}): BenchApp {
  const services = createServices(bench.redis, {
    prefixes: bench.prefixes,
    lifetimes: { refreshTokenSeconds: GATEWAY_LIFETIMES.refresh },
    ...(options.now ? { now: options.now } : {}),
    // The bench's servers are its own: the index follower may turn keyspace notifications on.
    indexing: { configureNotifications: true },
  });
  const app = createApp({ services, auth: { adminToken: BENCH_ADMIN_TOKEN, anonymousAdmin: false } });
  return {
    app,
    services,
    async query<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const response = await app.fetch('http://oauth-admin.bench/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${BENCH_ADMIN_TOKEN}` },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      let body: { data?: T; errors?: unknown[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        throw new BenchQueryError(`HTTP ${response.status}, not JSON: ${text.slice(0, 300)}`);
      }
      if (body.errors !== undefined || response.status !== 200 || body.data == null) {
        throw new BenchQueryError(`HTTP ${response.status}, errors: ${JSON.stringify(body.errors ?? null).slice(0, 1000)}`);
      }
      return body.data;
    },
  };
}

export class BenchQueryError extends Error {}

/** Counts commands a standalone client sends (null for a cluster), for "Redis commands per request". */
export function commandCounter(redis: RedisClient): { readonly count: number; reset(): void } | null {
  return redis instanceof Cluster ? null : countCommands(redis as Redis);
}

// ------------------------------------------------------------------------------------ seeding

/** A small fast deterministic PRNG (sfc32), so two runs seed the same shape. */
export function createRng(seed: number): () => number {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ (seed * 31);
  let c = 0xb7e15162;
  let d = 1;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

/** An integer in [min, max]. */
export function randomInt(rng: () => number, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

export function pick<T>(rng: () => number, items: readonly T[]): T {
  if (items.length === 0) throw new Error('pick from an empty list');
  return items[Math.floor(rng() * items.length)] as T;
}

/** Like Python's `secrets.token_urlsafe(bytes)`, which the gateway uses for ids (from `rng`). */
export function tokenUrlsafe(rng: () => number, bytes: number): string {
  const buf = Buffer.allocUnsafe(bytes);
  for (let i = 0; i < bytes; i++) buf[i] = Math.floor(rng() * 256);
  return buf.toString('base64url');
}

export interface SeedOptions {
  /** Access-token keys to write. */
  tokens: number;
  /** Default tokens / 20. */
  clients?: number;
  /** Default tokens / 50. */
  users?: number;
  /** Share of clients named `TEST …` (what test cleanup removes); default 0.02, at least 1. */
  testClientRatio?: number;
  /** Share of tokens whose `expires_at` has passed; default 0.2. */
  expiredRatio?: number;
  /** Share of the expired tokens stored without TTL (the rest keep a TTL of 1 h to 7 d); default 0.5. */
  expiredWithoutTtlRatio?: number;
  /** Tokens that also get a refresh token; default 1/3. */
  refreshRatio?: number;
  /** Extra jtis in user indexes whose token key is gone (the gateway never prunes them), per token; default 0.05. */
  staleIndexRatio?: number;
  /** Commands per pipeline; default 1000. */
  batchSize?: number;
  /** PRNG seed; default 1. */
  seed?: number;
  /** The clock records are written against (epoch ms); default Date.now(). */
  nowMs?: number;
  /** The least time (s) an active token has left; default 600. A bench whose runs spread over longer raises it. */
  activeForSeconds?: number;
  /** Called after each pipeline with the commands sent so far. */
  onProgress?: (sent: number, total: number) => void;
}

export interface SeedResult {
  clientIds: string[];
  testClientIds: string[];
  usernames: string[];
  /** Every seeded access-token jti (active and expired). */
  jtis: string[];
  activeJtis: string[];
  expiredJtis: string[];
  /** Usernames holding at least one token, and client ids with at least one. */
  usernamesWithTokens: string[];
  clientIdsWithTokens: string[];
  counts: {
    clients: number;
    testClients: number;
    users: number;
    tokens: number;
    activeTokens: number;
    expiredTokens: number;
    expiredWithoutTtl: number;
    refreshTokens: number;
    expiredRefreshTokens: number;
    staleIndexEntries: number;
    commands: number;
  };
  ms: number;
}

/**
 * Writes `tokens` access tokens and what goes with them, as the gateway would have left them:
 * clients (`SET … EX`), tokens (`SET … EX ttl`, or no TTL for some expired ones) each with
 * `SADD oauth:user_tokens:{username}`, refresh tokens for a share of them, and a few stale index
 * entries. Values come from the gateway-format builders (Python `json.dumps` bytes). Pipelines of
 * `batchSize` commands (a cluster gets the same commands unpipelined, `batchSize` in flight).
 */
export async function seedGatewayData(redis: RedisClient, keys: Keys, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const rng = createRng(options.seed ?? 1);
  const nowMs = options.nowMs ?? Date.now();
  const nowS = Math.floor(nowMs / 1000);
  const total = options.tokens;
  const clientCount = Math.max(1, options.clients ?? Math.round(total / 20));
  const userCount = Math.max(1, options.users ?? Math.round(total / 50));
  const testClients = Math.min(clientCount, Math.max(1, Math.round(clientCount * (options.testClientRatio ?? 0.02))));
  const expiredRatio = options.expiredRatio ?? 0.2;
  const noTtlRatio = options.expiredWithoutTtlRatio ?? 0.5;
  const refreshRatio = options.refreshRatio ?? 1 / 3;
  const staleRatio = options.staleIndexRatio ?? 0.05;
  const batchSize = options.batchSize ?? 1000;
  const activeFor = options.activeForSeconds ?? 600;

  const writer = new CommandBatcher(redis, batchSize, options.onProgress);
  const unique = new Set<string>();
  const freshId = (bytes: number, prefix = '') => {
    for (;;) {
      const id = prefix + tokenUrlsafe(rng, bytes);
      if (!unique.has(id)) {
        unique.add(id);
        return id;
      }
    }
  };

  const clientIds: string[] = [];
  const testClientIds: string[] = [];
  const names = ['Claude Desktop', 'Claude Code', 'MCP Inspector', 'Cursor', 'VS Code', 'Zed', 'Unnamed Client'];
  for (let i = 0; i < clientCount; i++) {
    const clientId = freshId(16, 'client_');
    const isTest = i < testClients;
    const createdAt = nowS - randomInt(rng, 60, GATEWAY_LIFETIMES.client - 86400);
    const value = clientValue({
      clientId,
      clientSecret: freshId(32),
      clientName: isTest ? `TEST bench_client_${i}` : pick(rng, names),
      redirectUris: ['https://auth.example.com/success', `http://localhost:${randomInt(rng, 3000, 9999)}/callback`],
      createdAt,
      registrationAccessToken: freshId(32),
    });
    writer.add(['set', keys.client(clientId), value, 'EX', String(createdAt + GATEWAY_LIFETIMES.client - nowS)]);
    clientIds.push(clientId);
    if (isTest) testClientIds.push(clientId);
  }

  const usernames = Array.from({ length: userCount }, (_, i) => `bench-user-${String(i).padStart(6, '0')}`);
  const activeJtis: string[] = [];
  const expiredJtis: string[] = [];
  const usersWithTokens = new Set<string>();
  const clientsWithTokens = new Set<string>();
  let expiredWithoutTtl = 0;
  let refreshTokens = 0;
  let expiredRefreshTokens = 0;
  const expiredCount = Math.round(total * expiredRatio);
  for (let i = 0; i < total; i++) {
    const jti = freshId(16);
    const userIndex = Math.floor(rng() * userCount);
    const username = usernames[userIndex] as string;
    const clientId = pick(rng, clientIds);
    const expired = i < expiredCount;
    // Active: issued within the last day minus `activeFor` (10 minutes), so it stays active for the
    // whole run. Expired: expires_at 1 minute to 30 days ago.
    const expiresAt = expired ? nowS - randomInt(rng, 60, 30 * 86400) : nowS + randomInt(rng, activeFor, GATEWAY_LIFETIMES.access);
    const createdAt = expiresAt - GATEWAY_LIFETIMES.access;
    const viaRefresh = rng() < 0.3;
    const value = accessTokenValue({
      sub: String(100000 + userIndex),
      username,
      email: rng() < 0.2 ? null : `${username}@example.com`,
      clientId,
      createdAt,
      expiresAt,
      viaRefresh,
    });
    let ttl: number | null = expiresAt - nowS;
    if (expired) {
      if (rng() < noTtlRatio) {
        ttl = null;
        expiredWithoutTtl += 1;
      } else {
        ttl = randomInt(rng, 3600, 7 * 86400);
      }
    }
    writer.add(ttl === null ? ['set', keys.token(jti), value] : ['set', keys.token(jti), value, 'EX', String(ttl)]);
    writer.add(['sadd', keys.userTokens(username), jti]);
    (expired ? expiredJtis : activeJtis).push(jti);
    usersWithTokens.add(username);
    clientsWithTokens.add(clientId);

    if (rng() < refreshRatio) {
      const expiresAt = createdAt + GATEWAY_LIFETIMES.refresh;
      const refreshTtl = expiresAt - nowS;
      const value = refreshTokenValue({ userId: String(100000 + userIndex), username, clientId, createdAt });
      const token = freshId(32);
      // The gateway's SETEX at creation ends the key's life with the token's: EXAT says that
      // however long the seeding takes (a relative EX would end up to a minute later at 1M).
      writer.add(refreshTtl > 0 ? ['set', keys.refresh(token), value, 'EXAT', String(expiresAt)] : ['set', keys.refresh(token), value]);
      refreshTokens += 1;
      if (refreshTtl <= 0) expiredRefreshTokens += 1;
    }
    await writer.maybeFlush();
  }

  const stale = Math.round(total * staleRatio);
  for (let i = 0; i < stale; i++) {
    writer.add(['sadd', keys.userTokens(pick(rng, usernames)), freshId(16)]);
    await writer.maybeFlush();
  }
  await writer.flush();

  return {
    clientIds,
    testClientIds,
    usernames,
    jtis: [...expiredJtis, ...activeJtis],
    activeJtis,
    expiredJtis,
    usernamesWithTokens: [...usersWithTokens],
    clientIdsWithTokens: [...clientsWithTokens],
    counts: {
      clients: clientCount,
      testClients,
      users: userCount,
      tokens: total,
      activeTokens: activeJtis.length,
      expiredTokens: expiredJtis.length,
      expiredWithoutTtl,
      refreshTokens,
      expiredRefreshTokens,
      staleIndexEntries: stale,
      commands: writer.sent,
    },
    ms: performance.now() - started,
  };
}

/** Buffers write commands and sends them `size` at a time, failing on the first command error. */
class CommandBatcher {
  private buffer: string[][] = [];
  sent = 0;

  constructor(
    private readonly redis: RedisClient,
    private readonly size: number,
    private readonly onProgress?: (sent: number, total: number) => void,
  ) {}

  add(command: string[]): void {
    this.buffer.push(command);
  }

  async maybeFlush(): Promise<void> {
    if (this.buffer.length >= this.size) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const commands = this.buffer;
    this.buffer = [];
    if (this.redis instanceof Cluster) {
      const cluster = this.redis;
      await Promise.all(commands.map(([name, ...args]) => cluster.call(name as string, ...args)));
    } else {
      const results = (await this.redis.pipeline(commands).exec()) ?? [];
      const failed = results.find(([error]) => error !== null);
      if (failed) throw new Error(`seeding failed: ${String(failed[0])}`);
    }
    this.sent += commands.length;
    this.onProgress?.(this.sent, this.sent + this.buffer.length);
  }
}

// ------------------------------------------------------------------------------------ timing

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

/** The p-th percentile (0..100) of ascending `sorted`, linearly interpolated between ranks (numpy's default). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** The median (summarize's p50). */
export function median(samples: readonly number[]): number {
  return summarize(samples).p50;
}

/** Milliseconds `fn` takes (wall clock, high resolution), with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

export interface MeasureOptions {
  /** Untimed runs first (JIT, caches). */
  warmup: number;
  /** Timed runs wanted. */
  iterations: number;
  /** Stop early once this much time went into timed runs... */
  budgetMs?: number;
  /** ...but not before this many (default min(5, iterations)). */
  minIterations?: number;
  /** Called before every run, untimed (e.g. reset a command counter). */
  before?: () => void;
  /** Called after every timed run with its duration. */
  after?: (ms: number, iteration: number) => void;
}

/** Runs `fn(i)` `warmup` times, then times up to `iterations` runs (bounded by `budgetMs`); returns the samples in ms. */
export async function measure(fn: (iteration: number) => Promise<unknown>, options: MeasureOptions): Promise<number[]> {
  for (let i = 0; i < options.warmup; i++) {
    options.before?.();
    await fn(-1 - i);
  }
  const samples: number[] = [];
  const minimum = options.minIterations ?? Math.min(5, options.iterations);
  let spent = 0;
  for (let i = 0; i < options.iterations; i++) {
    if (options.budgetMs !== undefined && spent >= options.budgetMs && samples.length >= minimum) break;
    options.before?.();
    const start = performance.now();
    await fn(i);
    const ms = performance.now() - start;
    samples.push(ms);
    spent += ms;
    options.after?.(ms, i);
  }
  return samples;
}

// ------------------------------------------------------------------------------------ reporting

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  redis: string;
  commit: string;
}

/** CPU, cores, memory, OS, Node, the Redis server's version (when given) and the git commit. */
export async function machineInfo(redis?: RedisClient): Promise<MachineInfo> {
  const cpus = os.cpus();
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memory: formatBytes(os.totalmem()),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    redis: redis ? await redisVersion(redis) : 'n/a',
    commit,
  };
}

export function machineInfoRows(info: MachineInfo): [string, string][] {
  return [
    ['date', info.date],
    ['cpu', `${info.cpu} (${info.cores} cores)`],
    ['memory', info.memory],
    ['os', info.os],
    ['node', info.node],
    ['redis-server', info.redis],
    ['commit', info.commit],
  ];
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '-';
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

export type Align = 'left' | 'right';

/** A GitHub markdown table; `|` in cells is escaped. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = headers.map((_, i) => (align[i] === 'right' ? '---:' : '---'));
  return [line(headers), `|${rule.map((r) => ` ${r} `).join('|')}|`, ...rows.map(line)].join('\n');
}

/** A fixed-width table for the terminal. */
export function textTable(headers: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[] = []): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const pad = (text: string, i: number) => (align[i] === 'right' ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => pad(c, i))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/**
 * Sizes from the command line (`read.ts 1000,5000`), else `BENCH_SIZES`, else `fallback`.
 * Accepts `10000`, `10_000`, `10k`, `1m`.
 */
export function parseSizes(argv: readonly string[], env: string | undefined, fallback: readonly number[]): number[] {
  const text = argv.find((a) => /^[\d_,.km]+$/i.test(a)) ?? env;
  if (!text || text.trim() === '') return [...fallback];
  return text.split(',').map((part) => {
    const m = /^\s*([\d_.]+)\s*([km]?)\s*$/i.exec(part);
    const n = m ? Number((m[1] as string).replace(/_/g, '')) * ({ k: 1e3, m: 1e6 }[(m[2] ?? '').toLowerCase() as 'k' | 'm'] ?? 1) : Number.NaN;
    if (!Number.isInteger(n) || n <= 0) throw new Error(`bad size "${part}": use e.g. 10000,100000 or 10k,100k`);
    return n;
  });
}

/** A positive number from the environment, else `fallback`. */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return n;
}

// ------------------------------------------------------------------------------------ source trees

/** A source tree an A/B bench loads its code from (load-ab.ts, ops-ab.ts). */
export interface BenchTree {
  label: string;
  dir: string;
  /** Removes a temporary worktree (once; later calls do nothing); absent for `.` and another checkout. */
  cleanup?: () => void;
}

/**
 * `.` (this tree, uncommitted changes included), a directory holding a checkout of this repository
 * (one with `marker`, a path inside it), or a git revision checked out into a temporary worktree
 * (`git worktree add --detach`, node_modules linked to this tree's). The worktree goes with
 * `cleanup()`, or when the process exits without it (Ctrl-C). Anything else throws one line.
 */
export function treeOf(arg: string, marker: string): BenchTree {
  const root = fileURLToPath(new URL('..', import.meta.url));
  if (arg === '.') return { label: '. (this tree)', dir: root };
  if (existsSync(join(arg, marker))) return { label: arg, dir: resolve(arg) };
  const dir = join(mkdtempSync(join(tmpdir(), 'oauth-admin-ab-')), 'tree');
  try {
    execFileSync('git', ['worktree', 'add', '--detach', dir, arg], { cwd: root, stdio: 'ignore' });
  } catch {
    rmSync(resolve(dir, '..'), { recursive: true, force: true });
    throw new Error(`${arg}: neither a checkout of this repository nor a git revision`);
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  let removed = false;
  const cleanup = () => {
    if (removed) return;
    removed = true;
    process.off('exit', cleanup);
    try {
      execFileSync('git', ['worktree', 'remove', '--force', dir], { cwd: root, stdio: 'ignore' });
    } finally {
      rmSync(resolve(dir, '..'), { recursive: true, force: true });
    }
  };
  process.on('exit', cleanup);
  return { label: arg, dir, cleanup };
}

// ------------------------------------------------------------------------------------ HTTP load

export interface LoopbackServer {
  server: Server;
  /** `http://127.0.0.1:<port><path>`. */
  url: string;
  /** Closes the listener and every open connection. */
  close(): Promise<void>;
}

/** A `node:http` server for `listener` on a free loopback port. */
export async function listenOnLoopback(listener: RequestListener, path = '/'): Promise<LoopbackServer> {
  const server = createHttpServer(listener);
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    server,
    url: `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * Runs autocannon (bench/load.ts) in a child process against `config.url`, so the load generator
 * never shares an event loop with the server it measures; killed after `hardLimitMs`.
 */
export function runLoad(config: LoadConfig, hardLimitMs: number): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'oauth-admin-load-'));
  const configPath = join(dir, 'config.json');
  const out = join(dir, 'result.json');
  writeFileSync(configPath, JSON.stringify(config));
  const script = fileURLToPath(new URL('./load.ts', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, configPath, out], { stdio: ['ignore', 'inherit', 'inherit'] });
    const killer = setTimeout(() => {
      process.stderr.write(`  load generator exceeded ${Math.round(hardLimitMs / 1000)} s: stopping it (pid ${child.pid})\n`);
      child.kill('SIGKILL');
    }, hardLimitMs);
    child.once('error', (error) => {
      clearTimeout(killer);
      rmSync(dir, { recursive: true, force: true });
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(killer);
      try {
        if (code !== 0) throw new Error(`load generator exited with ${signal ?? `code ${code}`}`);
        resolve(JSON.parse(readFileSync(out, 'utf8')) as LoadResult);
      } catch (error) {
        reject(error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/** The query the load benches send (index.ts, load-ab.ts, load-layers.ts): a token and its relations. */
export const TOKEN_RELATIONS_QUERY = 'query TokenRelations($jti: String!) { token(jti: $jti) { client { clientName } user { username } } }';

/** 5,000 request bodies of TOKEN_RELATIONS_QUERY with jtis picked at random (fixed seed) from `jtis`. */
export function tokenRelationsBodies(jtis: readonly string[]): string[] {
  const rng = createRng(17);
  return Array.from({ length: 5000 }, () => JSON.stringify({ query: TOKEN_RELATIONS_QUERY, variables: { jti: pick(rng, jtis) } }));
}

/** One server's figures from `loadInTurn`, a value per window. */
export interface WindowFigures {
  /** The server's CPU per request in µs: this process's CPU over the window / requests served. */
  cpu: number[];
  reqPerSec: number[];
}

/**
 * Load windows against servers in this process, taken in turn (ABC..., then ...CBA), so a shared
 * machine's drift falls on each alike: BENCH_AB_WINDOWS windows (default `windows`) of 1 s warm-up
 * + BENCH_AB_S (3) s, BENCH_CONNECTIONS (50). Only one server is loaded at a time, so this process's
 * CPU over a window is that server's. Throws on any wrong answer, non-2xx or error.
 */
export async function loadInTurn(
  bench: string,
  targets: readonly { label: string; url: string }[],
  bodies: string[],
  windows: number,
): Promise<WindowFigures[]> {
  const count = envNumber('BENCH_AB_WINDOWS', windows);
  const seconds = envNumber('BENCH_AB_S', 3);
  const connections = envNumber('BENCH_CONNECTIONS', 50);
  process.stderr.write(`${bench}: ${targets.length} servers, ${count} windows of 1 s warm-up + ${seconds} s each, ${connections} connections\n`);
  const figures = targets.map((): WindowFigures => ({ cpu: [], reqPerSec: [] }));
  const order = targets.map((_, i) => i);
  for (let w = 0; w < count; w++) {
    for (const i of w % 2 === 0 ? order : [...order].reverse()) {
      const target = targets[i] as (typeof targets)[number];
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await runLoad(
        { connections, durationS: seconds, warmupS: 1, token: BENCH_ADMIN_TOKEN, bodies, expect: '"clientName"', url: target.url },
        (seconds + 60) * 1000,
      );
      const cpu = process.cpuUsage(cpu0);
      const wall = (performance.now() - t0) / 1000;
      if (r.mismatches > 0 || r.non2xx > 0 || r.errors > 0)
        throw new Error(`${target.label}: ${r.mismatches} wrong answers, ${r.non2xx} non-2xx, ${r.errors} errors`);
      // Requests over the whole window (warm-up included) at the measured rate, against the whole window's CPU.
      (figures[i] as WindowFigures).cpu.push((cpu.user + cpu.system) / (r.reqPerSec * wall));
      (figures[i] as WindowFigures).reqPerSec.push(r.reqPerSec);
    }
  }
  return figures;
}

/** The Node flags the service runs with (`npm start`, the Dockerfile): a bench child that stands for the service uses them too. */
export const SERVICE_NODE_FLAGS = ['--enable-source-maps', '--max-semi-space-size=8', '--max-old-space-size=1024'] as const;

export interface ServiceProcess {
  child: ChildProcess;
  pid: number;
  base: string;
  /** POSTs a query (admin token unless another is given); resolves with the HTTP status and the parsed body. */
  post(query: string, options?: { token?: string; variables?: Record<string, unknown>; signal?: AbortSignal }): Promise<{ status: number; body: GraphQLBody }>;
  /** SIGTERM, and waits for the exit (at once when it has already exited). */
  stop(): Promise<void>;
}

export type GraphQLBody = { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };

/**
 * The real service process, compiled and run as `npm start` runs it (`compiledBench`,
 * `SERVICE_NODE_FLAGS`, NODE_ENV=production), on a free loopback port over the bench's Redis and
 * prefixes with the bench's admin token; `env` adds or overrides settings. Resolves once `/health`
 * answers 200. Each line the service logs goes to `onLine`; its stderr is passed through.
 */
export async function startServiceProcess(
  bench: Pick<BenchRedis, 'url' | 'prefixes'>,
  env: Record<string, string>,
  options: { onLine?: (line: string) => void } = {},
): Promise<ServiceProcess> {
  const { freePort } = await import('../test/helpers/redis-server.js');
  const port = await freePort();
  const entry = await compiledBench(fileURLToPath(new URL('../src/server.ts', import.meta.url)));
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, entry], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      // Several services may run at once: each metrics listener on a port of its own.
      METRICS_PORT: '0',
      REDIS_URL: bench.url,
      ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
      OAUTH_KEY_PREFIX: bench.prefixes.oauth,
      SESSION_KEY_PREFIX: bench.prefixes.session,
      ADMIN_KEY_PREFIX: bench.prefixes.admin,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) if (line) options.onLine?.(line);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => process.stderr.write(chunk));
  const base = `http://127.0.0.1:${port}`;
  const service: ServiceProcess = {
    child,
    pid: child.pid as number,
    base,
    post: async (query, { token = BENCH_ADMIN_TOKEN, variables = {}, signal } = {}) => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
        ...(signal ? { signal } : {}),
      });
      const text = await response.text();
      try {
        return { status: response.status, body: JSON.parse(text) as GraphQLBody };
      } catch {
        return { status: response.status, body: { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 200)}` }] } };
      }
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
  for (let i = 0; ; i++) {
    if (
      (await fetch(`${base}/health`).then(
        (r) => r.status,
        () => 0,
      )) === 200
    )
      return service;
    if (child.exitCode !== null) throw new Error(`the service exited with code ${child.exitCode} before it was ready`);
    if (i > 600) {
      await service.stop();
      throw new Error('the service did not become ready in 60 s');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Compiles a bench script with the service's own build (scripts/build.mjs: esbuild, one ESM file,
 * dependencies external) into bench/.build, and returns its path: child processes that measure
 * our memory run that file with Node and SERVICE_NODE_FLAGS, as the product runs, not under tsx.
 */
export async function compiledBench(entry: string): Promise<string> {
  const name = entry.replace(/^.*\//, '').replace(/\.ts$/, '');
  const outdir = fileURLToPath(new URL('./.build/', import.meta.url));
  const script = fileURLToPath(new URL('../scripts/build.mjs', import.meta.url));
  execFileSync(process.execPath, [script, `--outdir=${outdir}`, `${name}=${entry}`], { stdio: ['ignore', 'inherit', 'inherit'] });
  return join(outdir, `${name}.js`);
}

// ------------------------------------------------------------------------------------ query cases

/** Every `stats` field (plain string: codegen scans bench/ and these need no generated types). */
export const STATS_QUERY = `query BenchStats {
  stats {
    registrations corruptRegistrations testRegistrations activeTokens expiredTokens corruptTokens
    refreshTokens expiredRefreshTokens authStates authCodes leftoverStates leftoverCodes
    userIndexes staleIndexEntries userCount usersWithActiveTokens orphanTokens
  }
}`;

export type Stats = Record<string, number>;

/** One timed GraphQL query of a read bench. */
export interface QueryCase {
  name: string;
  query: string;
  warmup: number;
  iterations: number;
  /** Variables for one run, with random ids. */
  variables(seed: SeedResult, rng: () => number): Record<string, unknown>;
  /** Throws when a response is not what the seeded data implies. */
  check(data: Record<string, unknown>, variables: Record<string, unknown>): void;
}

/** Variables and check of `token(jti: $jti) { jti ... }`: a random seeded jti, answered by itself. */
export const tokenByJti: Pick<QueryCase, 'variables' | 'check'> = {
  variables: (seed, rng) => ({ jti: pick(rng, seed.jtis) }),
  check: (data, vars) => {
    const token = data.token as { jti: string } | null;
    if (token?.jti !== vars.jti) throw new BenchQueryError(`token(${String(vars.jti)}) returned ${JSON.stringify(token)}`);
  },
};
