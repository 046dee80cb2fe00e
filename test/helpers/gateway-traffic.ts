/**
 * Gateway-like traffic for the index model test (test/integration/index-model.test.ts), the index
 * fault tests and the soak (bench/soak-index.ts): writers that touch Redis exactly as the gateway's
 * auth service and its admin scripts do, fast-check commands over them, and an independent truth:
 * a full scan of the raw keys judged by spec/semantics.md ("Status words", "Statistics",
 * "Deleting"), written here without the service's codecs, StatsService or sweeps.
 *
 * No vitest import: the soak runs this under plain tsx.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { type App, createApp } from '../../src/app.js';
import { scanKeys, unlinkMany } from '../../src/redis/batch.js';
import { type RedisClient, createRedis, keyHolders } from '../../src/redis/connection.js';
import { accessTokenValue, clientValue, codeValue, refreshTokenValue, stateValue } from '../../src/redis/gateway-format.js';
import { Keys, prefixPattern } from '../../src/redis/keys.js';
import type { IndexStatus, IndexingOptions } from '../../src/indexes/service.js';
import { type Services, createServices } from '../../src/services.js';

// ------------------------------------------------------------------------------------ constants

export const MODEL_ADMIN = 'model-admin-token-0123456789abcdef';
const REFRESH_LIFETIME = 2592000;
const DAY = 86400;

/**
 * Tests' settings: no scheduled reconcile (a divergence must be healed by the follower, an
 * overflow or a reconnection, not hidden by a periodic rebuild), a small queue bound so bulk loads
 * overflow, a short lease and watchdog.
 */
export const TEST_INDEXING: IndexingOptions = {
  reconcileEveryMs: 3_600_000,
  leaseMs: 3000,
  maxLagMs: 2000,
  maxPending: 1000,
  configureNotifications: true,
  watchdogMs: 2000,
};

/** The index service's API as issue 12 defines it (written against before it lands; see `indexApi`). */
export interface IndexApi {
  start(token: string): void;
  stop(): Promise<void>;
  fresh(): Promise<boolean>;
  status(): Promise<IndexStatus>;
  indexer: { store: { readStats(nowSeconds: number, refreshLifetimeSeconds: number): Promise<Record<string, number>> }; flush?: () => Promise<void> };
}

/** `services.indexes` through issue 12's API; a missing method fails loudly, not as a silent pass. */
export function indexApi(services: Services): IndexApi {
  const api = services.indexes as unknown as IndexApi;
  for (const method of ['start', 'stop', 'fresh', 'status'] as const) {
    if (typeof api[method] !== 'function') throw new Error(`services.indexes.${method}() is not implemented (issue 12's API)`);
  }
  return api;
}

// ------------------------------------------------------------------------------------ world

/** A service process over a Redis, with a separate "gateway" connection that writes like the gateway. */
export interface World {
  url: string;
  namespace: string;
  keys: Keys;
  /** The service's connection (its subscriber connections carry the same client name). */
  service: RedisClient;
  /** The gateway's connection: every write of the traffic goes through it; the truth scan reads through it. */
  gateway: RedisClient;
  connectionName: string;
  services: Services;
  app: App;
  clock: ModelClock;
  refreshLifetime: number;
  /** Restarts the (private) Redis; null where it cannot be restarted. */
  restart: (() => Promise<void>) | null;
  /** Steps run, by name. */
  counts: Map<string, number>;
  /** Big numbers for the soak's report. */
  keysWritten: number;
  elapsedMs: number;
  /** The paths stats answers took (scan or index), newest last, for reports. */
  statsPaths: string[];
  start(): void;
  close(): Promise<void>;
}

/** The service's clock: real time, frozen while a check compares the index with the truth. */
export interface ModelClock {
  now(): number;
  freeze(at?: number): number;
  thaw(): void;
}

function modelClock(): ModelClock {
  let frozen: number | null = null;
  return {
    now: () => frozen ?? Date.now(),
    freeze: (at = Date.now()) => (frozen = at),
    thaw: () => {
      frozen = null;
    },
  };
}

export interface WorldOptions {
  url: string;
  /** Another process over the same data: pass an existing world's namespace. */
  namespace?: string;
  indexing?: Partial<IndexingOptions>;
  restart?: (() => Promise<void>) | null;
  /** Leave the data behind on close (another world over the same namespace cleans up). */
  keepData?: boolean;
}

export async function openWorld(options: WorldOptions): Promise<World> {
  const namespace = options.namespace ?? `m${randomBytes(6).toString('hex')}:`;
  const connectionName = `oauth-admin-model-${randomBytes(5).toString('hex')}`;
  const prefixes = { oauth: `${namespace}oauth:`, session: `${namespace}redis:session:`, admin: `${namespace}oauth-admin:` };
  const keys = new Keys(prefixes);
  const service = createRedis(options.url, { name: connectionName });
  service.on('error', () => {});
  const gateway = createRedis(options.url, { name: 'model-gateway', commandTimeoutMs: 60_000 });
  gateway.on('error', () => {});
  const clock = modelClock();
  const backupDir = mkdtempSync(join(tmpdir(), 'oauth-admin-model-'));
  const settings: IndexingOptions = { ...TEST_INDEXING, ...options.indexing };
  // Structural: the service's IndexingOptions is issue 12's settings (a subset before it lands).
  const indexing: IndexingOptions = settings;
  const services = createServices(service, {
    backup: { dir: backupDir },
    prefixes,
    lifetimes: { refreshTokenSeconds: REFRESH_LIFETIME },
    now: () => clock.now(),
    verification: { baseDomain: 'example.com', jwtSecret: 'model-secret-for-hs256-0123456789abcdef' },
    indexing,
    // A crash that loses the last second of writes (AOF everysec) can bring back a finished job's
    // exclusive lock; it then blocks the next purge until it expires: keep that short here.
    jobs: { lockTtlMs: 6000 },
  });
  const app = createApp({ services, auth: { adminToken: MODEL_ADMIN, anonymousAdmin: false } });
  // Which path the last stats answer took (for a divergence's report): wrap the two, per instance.
  const paths: string[] = [];
  const note = (path: string) => {
    paths.push(path);
    if (paths.length > 50) paths.splice(0, paths.length - 50);
  };
  const stats = services.stats as unknown as { scan: () => Promise<unknown> };
  const scan = stats.scan.bind(stats);
  stats.scan = async () => {
    note(`scan@${Date.now() % 100000}`);
    return scan();
  };
  const store = indexApi(services).indexer.store;
  const readStats = store.readStats.bind(store);
  store.readStats = async (...args) => {
    note(`index@${Date.now() % 100000}`);
    return readStats(...args);
  };
  let started = false;
  const world: World = {
    url: options.url,
    namespace,
    keys,
    service,
    gateway,
    connectionName,
    services,
    app,
    clock,
    refreshLifetime: REFRESH_LIFETIME,
    restart: options.restart ?? null,
    counts: new Map(),
    keysWritten: 0,
    elapsedMs: 0,
    statsPaths: paths,
    start() {
      started = true;
      indexApi(services).start(`model-${randomBytes(8).toString('hex')}`);
    },
    async close() {
      if (started) await withTimeout(indexApi(services).stop(), 10_000, 'indexes.stop()').catch(() => {});
      rmSync(backupDir, { recursive: true, force: true });
      if (!options.keepData) await deleteUnder(gateway, `${namespace}*`).catch(() => {});
      service.disconnect();
      gateway.disconnect();
    },
  };
  return world;
}

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms))),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Removes every key under `pattern` (the project's SCAN and slot-grouped UNLINK). */
export async function deleteUnder(redis: RedisClient, pattern: string): Promise<number> {
  let deleted = 0;
  for await (const batch of scanKeys(redis, pattern)) deleted += await unlinkMany(redis, batch);
  return deleted;
}

// ------------------------------------------------------------------------------------ GraphQL

/** A query through the app's real HTTP handling (admin token); GraphQL errors throw. */
export async function gql<T>(world: World, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await world.app.fetch('http://oauth-admin.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${MODEL_ADMIN}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${body.errors.map((e) => e.message).join('; ')}`);
  if (!body.data) throw new Error(`GraphQL: no data (HTTP ${response.status})`);
  return body.data;
}

export const STAT_FIELDS = [
  'registrations',
  'corruptRegistrations',
  'testRegistrations',
  'activeTokens',
  'expiredTokens',
  'corruptTokens',
  'refreshTokens',
  'expiredRefreshTokens',
  'authStates',
  'authCodes',
  'leftoverStates',
  'leftoverCodes',
  'userIndexes',
  'staleIndexEntries',
  'userCount',
  'usersWithActiveTokens',
  'orphanTokens',
] as const;
export type StatField = (typeof STAT_FIELDS)[number];
export type Figures = Record<StatField, number>;

export const COUNT_FIELDS = ['clients', 'accessTokens', 'refreshTokens', 'authCodes', 'authStates', 'userIndexEntries', 'userIndexes'] as const;
export type PurgeCounts = Record<(typeof COUNT_FIELDS)[number], number>;

const STATS_QUERY = `query ModelStats { indexStatus { ready } stats { ${STAT_FIELDS.join(' ')} } }`;
const CLIENT_QUERY = 'query ModelClient($id: String!) { client(clientId: $id) { tokens(first: 500) { totalCount edges { node { jti } } } } }';
const USER_QUERY = 'query ModelUser($u: String!) { user(username: $u) { tokens(first: 500) { totalCount edges { node { jti } } } } }';
const PURGE_MUTATION = 'mutation ModelPurge($dryRun: Boolean!) { purgeExpired(dryRun: $dryRun) { id } }';

interface TokensPage {
  tokens: { totalCount: number; edges: { node: { jti: string } }[] };
}

export async function statsViaApi(world: World): Promise<{ ready: boolean; stats: Figures }> {
  const data = await gql<{ indexStatus: { ready: boolean }; stats: Figures }>(world, STATS_QUERY);
  return { ready: data.indexStatus.ready, stats: data.stats };
}

/** Runs purgeExpired through the API and returns the finished job's status and counts. */
export async function purgeViaApi(world: World, dryRun: boolean): Promise<{ status: string; error: string | null; counts: PurgeCounts }> {
  let started: { purgeExpired: { id: string } } | null = null;
  for (const deadline = Date.now() + 20_000; !started;) {
    try {
      started = await gql<{ purgeExpired: { id: string } }>(world, PURGE_MUTATION, { dryRun });
    } catch (error) {
      // After a Redis crash that lost the last second of writes, a finished job's lock may be back.
      if (!String(error).includes('job is running') || Date.now() > deadline) throw error;
      world.counts.set('(purge refused: a lock back from a crash)', (world.counts.get('(purge refused: a lock back from a crash)') ?? 0) + 1);
      await sleep(500);
    }
  }
  const { purgeExpired } = started;
  const job = await withTimeout(world.services.jobs.wait(purgeExpired.id), 120_000, 'the purge job');
  if (!job) throw new Error(`purge job ${purgeExpired.id} vanished`);
  return { status: job.status, error: job.error ?? null, counts: pickCounts(job.counts as unknown as Record<string, number>) };
}

function pickCounts(c: Record<string, number>): PurgeCounts {
  return Object.fromEntries(COUNT_FIELDS.map((f) => [f, c[f] ?? Number.NaN])) as PurgeCounts;
}

// ------------------------------------------------------------------------------------ the truth

/** One key as Redis holds it. */
export interface RawKey {
  type: string;
  /** The string value, or the sorted members of a set (JSON). */
  value: string;
  members: string[] | null;
  /** PTTL: -1 without expiry. */
  pttl: number;
}

/** Every key under `pattern` on every key holder: type, value and PTTL (pipelined per node). */
export async function readRaw(redis: RedisClient, pattern: string): Promise<Map<string, RawKey>> {
  const out = new Map<string, RawKey>();
  for (const node of await keyHolders(redis)) {
    let cursor = '0';
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (batch.length === 0) continue;
      const head = node.pipeline();
      for (const key of batch) head.type(key).pttl(key);
      const heads = (await head.exec()) ?? [];
      const body = node.pipeline();
      const wanted: { key: string; type: string; pttl: number }[] = [];
      batch.forEach((key, i) => {
        const type = String(heads[2 * i]?.[1] ?? 'none');
        const pttl = Number(heads[2 * i + 1]?.[1] ?? -2);
        if (type === 'none') return;
        wanted.push({ key, type, pttl });
        if (type === 'string') body.get(key);
        else if (type === 'set') body.smembers(key);
        else body.type(key);
      });
      const values = wanted.length ? ((await body.exec()) ?? []) : [];
      wanted.forEach((w, i) => {
        const [error, value] = values[i] ?? [null, null];
        if (error || value === null) return; // gone between the two round trips
        if (w.type === 'set') {
          const members = (value as string[]).slice().sort();
          out.set(w.key, { type: 'set', value: JSON.stringify(members), members, pttl: w.pttl });
        } else {
          out.set(w.key, { type: w.type, value: String(value), members: null, pttl: w.pttl });
        }
      });
    } while (cursor !== '0');
  }
  return out;
}

/** The store's content without the TTL figures (which tick): key, type, value, whether it has a TTL. */
export function contentOf(raw: Map<string, RawKey>): Map<string, string> {
  return new Map([...raw].map(([k, v]) => [k, `${v.type}|${v.pttl >= 0 ? 'ttl' : 'persistent'}|${v.value}`]));
}

/** Differences between two contents, described (at most `limit`). */
export function diffContents(expected: Map<string, string>, actual: Map<string, string>, limit = 12): string[] {
  const out: string[] = [];
  for (const [k, v] of expected) {
    const a = actual.get(k);
    if (a === undefined) out.push(`missing ${k} (${v.slice(0, 80)})`);
    else if (a !== v) out.push(`changed ${k}: expected ${v.slice(0, 80)} got ${a.slice(0, 80)}`);
  }
  for (const [k, v] of actual) if (!expected.has(k)) out.push(`unexpected ${k} (${v.slice(0, 80)})`);
  return out.length > limit ? [...out.slice(0, limit), `... ${out.length - limit} more`] : out;
}

type Json = Record<string, unknown>;

/** semantics.md: a value that is not JSON, or JSON that is not an object, is corrupt (null here). */
function parseRecord(value: string): Json | null {
  try {
    const v: unknown = JSON.parse(value);
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null;
  } catch {
    return null;
  }
}
const num = (o: Json, f: string): number | null => (typeof o[f] === 'number' ? (o[f] as number) : null);
const text = (o: Json, f: string): string | null => (typeof o[f] === 'string' ? (o[f] as string) : null);

export interface Truth {
  nowMs: number;
  stats: Figures;
  /** Registered client ids (corrupt ones included) with their access tokens' jtis, sorted. */
  clientTokens: Map<string, string[]>;
  /** Known usernames with their access tokens' jtis, sorted. */
  userTokens: Map<string, string[]>;
  /** What purgeExpired must remove, and report. */
  purge: PurgeCounts;
  /** The store's content once purgeExpired has run. */
  afterPurge: Map<string, string>;
}

/**
 * The figures of semantics.md from raw keys, judged at `nowMs`. Written from the spec alone:
 * ACTIVE while expires_at * 1000 > now; a refresh token is a leftover only without a TTL and
 * with created_at + lifetime <= now; a state or code without TTL is a leftover; stale entries
 * are jtis whose token key does not exist; purge removes EXPIRED tokens, leftover refresh tokens,
 * states and codes that parse, stale entries, and index keys left empty.
 */
export function computeTruth(raw: Map<string, RawKey>, keys: Keys, nowMs: number, refreshLifetime: number): Truth {
  const s = Object.fromEntries(STAT_FIELDS.map((f) => [f, 0])) as Figures;
  const clientIds = new Set<string>();
  const tokenKeys = new Set<string>();
  const tokens: { jti: string; exp: number | null; username: string | null; clientId: string | null }[] = [];
  const users = new Set<string>();
  const activeUsers = new Set<string>();
  const purgeKeys = new Set<string>();
  const purge = Object.fromEntries(COUNT_FIELDS.map((f) => [f, 0])) as PurgeCounts;
  const sets: [string, string, string[]][] = [];

  for (const [key, k] of raw) {
    const c = keys.classify(key);
    if (!c) continue;
    if (c.kind === 'user_tokens') {
      if (k.type === 'set') sets.push([key, c.id, k.members ?? []]);
      continue;
    }
    if (k.type !== 'string') continue; // the gateway writes no other types
    const record = parseRecord(k.value);
    switch (c.kind) {
      case 'client':
        s.registrations += 1;
        clientIds.add(c.id);
        if (!record) s.corruptRegistrations += 1;
        else if ((text(record, 'client_name') ?? '').startsWith('TEST ')) s.testRegistrations += 1;
        break;
      case 'token':
        tokenKeys.add(c.id);
        if (!record) s.corruptTokens += 1;
        else {
          const exp = num(record, 'expires_at');
          tokens.push({ jti: c.id, exp, username: text(record, 'username'), clientId: text(record, 'client_id') });
          if (exp !== null && exp * 1000 <= nowMs) {
            purgeKeys.add(key);
            purge.accessTokens += 1;
          }
        }
        break;
      case 'refresh': {
        s.refreshTokens += 1;
        if (!record) break;
        const username = text(record, 'username');
        if (username !== null) users.add(username);
        const created = num(record, 'created_at');
        if (k.pttl < 0 && created !== null && (created + refreshLifetime) * 1000 <= nowMs) {
          s.expiredRefreshTokens += 1;
          purgeKeys.add(key);
          purge.refreshTokens += 1;
        }
        break;
      }
      case 'state':
      case 'code': {
        const leftover = k.pttl < 0;
        if (c.kind === 'state') {
          s.authStates += 1;
          if (leftover) s.leftoverStates += 1;
        } else {
          s.authCodes += 1;
          if (leftover) s.leftoverCodes += 1;
        }
        if (leftover && record) {
          purgeKeys.add(key);
          if (c.kind === 'state') purge.authStates += 1;
          else purge.authCodes += 1;
        }
        break;
      }
    }
  }

  const clientTokens = new Map<string, string[]>([...clientIds].map((id) => [id, []]));
  const userTokens = new Map<string, string[]>();
  for (const t of tokens) {
    const active = t.exp !== null && t.exp * 1000 > nowMs;
    if (active) s.activeTokens += 1;
    else if (t.exp !== null) s.expiredTokens += 1;
    if (t.clientId === null || !clientIds.has(t.clientId)) s.orphanTokens += 1;
    if (t.clientId !== null) clientTokens.get(t.clientId)?.push(t.jti);
    if (t.username !== null) {
      users.add(t.username);
      if (active) activeUsers.add(t.username);
      const list = userTokens.get(t.username);
      if (list) list.push(t.jti);
      else userTokens.set(t.username, [t.jti]);
    }
  }

  const after = contentOf(raw);
  for (const key of purgeKeys) after.delete(key);
  for (const [key, username, members] of sets) {
    s.userIndexes += 1;
    users.add(username);
    const stale = members.filter((jti) => !tokenKeys.has(jti));
    s.staleIndexEntries += stale.length;
    const removed = members.filter((jti) => !tokenKeys.has(jti) || purgeKeys.has(keys.token(jti)));
    purge.userIndexEntries += removed.length;
    const kept = members.filter((jti) => !removed.includes(jti));
    if (members.length > 0 && kept.length === 0) {
      purge.userIndexes += 1;
      after.delete(key);
    } else if (removed.length > 0) {
      const was = raw.get(key) as RawKey;
      after.set(key, `set|${was.pttl >= 0 ? 'ttl' : 'persistent'}|${JSON.stringify(kept)}`);
    }
  }
  for (const u of users) if (!userTokens.has(u)) userTokens.set(u, []);
  s.userCount = users.size;
  s.usersWithActiveTokens = activeUsers.size;
  for (const list of [...clientTokens.values(), ...userTokens.values()]) list.sort();
  return { nowMs, stats: s, clientTokens, userTokens, purge, afterPurge: after };
}

export function diffFigures<T extends Record<string, number>>(
  label: string,
  expected: T,
  actual: Record<string, number> | null | undefined,
  fields: readonly (keyof T & string)[],
): string[] {
  if (!actual) return [`${label}: no answer`];
  return fields.filter((f) => actual[f] !== expected[f]).map((f) => `${label}.${f}: ${actual[f]} (truth ${expected[f]})`);
}

// ------------------------------------------------------------------------------------ the model

/** What the traffic has created so far, so later steps can pick an existing client, token, user. */
export interface TrafficModel {
  seq: number;
  clients: string[];
  users: string[];
  tokens: { jti: string; user: string }[];
  refresh: string[];
  states: string[];
  codes: string[];
  /** Epoch ms at which keys with a short TTL expire (a check waits until none falls inside it). */
  expiries: number[];
  canRestart: boolean;
  scale: TrafficScale;
}

export interface TrafficScale {
  /** Keys written by one bulk load. */
  bulkKeys: [number, number];
  /** Keys written by one restore --clear. */
  floodKeys: [number, number];
  /** How long a check may take: expiries due within it are waited out first. */
  checkWindowMs: number;
  /** Bound on waiting for `fresh()` at a quiet point. */
  freshWithinMs: number;
  /** How many clients and users a check asks the API about. */
  queried: number;
}

export const CI_SCALE: TrafficScale = { bulkKeys: [500, 3000], floodKeys: [200, 1500], checkWindowMs: 10_000, freshWithinMs: 20_000, queried: 25 };
export const SOAK_SCALE: TrafficScale = { bulkKeys: [5_000, 50_000], floodKeys: [2_000, 30_000], checkWindowMs: 40_000, freshWithinMs: 60_000, queried: 40 };

const USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'zoë', 'mallory', 'user with space'];

export function newModel(world: World, scale: TrafficScale): TrafficModel {
  return { seq: 0, clients: [], users: [...USERS], tokens: [], refresh: [], states: [], codes: [], expiries: [], canRestart: world.restart !== null, scale };
}

const KEEP = 400;
function remember<T>(list: T[], item: T): void {
  list.push(item);
  if (list.length > KEEP) list.splice(0, list.length - KEEP);
}
const pickFrom = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
const nowS = () => Math.floor(Date.now() / 1000);
const id = (m: TrafficModel, head: string) => `${head}${(m.seq++).toString(36).padStart(5, '0')}`;

/** A few ways a record is found broken (none of them parses as a JSON object or a compact JWT). */
export const CORRUPT_VALUES = ['{"client_id": "client_x", "trunc', 'not json at all', '[1, 2, 3]', '"just a string"', 'null', '42', 'ÿþ garbage'];

type Kind = 'client' | 'token' | 'refresh' | 'state' | 'code' | 'user_tokens';

function keyFor(m: TrafficModel, w: World, kind: Kind, n: number): string | null {
  switch (kind) {
    case 'client': {
      const c = pickFrom(m.clients, n);
      return c ? w.keys.client(c) : null;
    }
    case 'token': {
      const t = pickFrom(m.tokens, n);
      return t ? w.keys.token(t.jti) : null;
    }
    case 'refresh': {
      const r = pickFrom(m.refresh, n);
      return r ? w.keys.refresh(r) : null;
    }
    case 'state': {
      const s = pickFrom(m.states, n);
      return s ? w.keys.state(s) : null;
    }
    case 'code': {
      const c = pickFrom(m.codes, n);
      return c ? w.keys.code(c) : null;
    }
    case 'user_tokens': {
      const u = pickFrom(m.users, n);
      return u ? w.keys.userTokens(u) : null;
    }
  }
}

async function set(w: World, key: string, value: string, ttlSeconds: number | null): Promise<void> {
  if (ttlSeconds !== null && ttlSeconds > 0) await w.gateway.set(key, value, 'EX', ttlSeconds);
  else await w.gateway.set(key, value);
  w.keysWritten += 1;
}

function expiresIn(m: TrafficModel, ms: number): void {
  if (ms < 3_600_000) m.expiries.push(Date.now() + ms);
}

/** A small deterministic generator for the bulk writers (the step's seed comes from fast-check). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- the gateway's operations

export type AccessLifetime = 'long' | 'short' | 'crossing' | 'expiredNoTtl' | 'outlivesKey';

/** The authorization_code grant: SETEX the token, SADD the user's index; a refresh token too; the code is redeemed. */
export async function issue(
  m: TrafficModel,
  w: World,
  p: { user: number; client: number; lifetime: AccessLifetime; withRefresh: boolean; nullEmail: boolean; redeem: number },
): Promise<void> {
  const user = pickFrom(m.users, p.user) as string;
  const clientId = pickFrom(m.clients, p.client) ?? 'client_never_registered';
  const now = nowS();
  const jti = id(m, 'jti_');
  const plan: Record<AccessLifetime, { exp: number; ttl: number | null }> = {
    long: { exp: now + 3600, ttl: 3600 },
    short: { exp: now + 1 + (p.user % 2), ttl: 1 + (p.user % 2) },
    // A key without TTL (an old restore) whose expires_at passes during the run.
    crossing: { exp: now + 2 + (p.client % 4), ttl: null },
    expiredNoTtl: { exp: now - 100 - (p.client % 5) * DAY, ttl: null },
    // A TTL stretched past the token's expiry: the key stays, the token is EXPIRED.
    outlivesKey: { exp: now + 1 + (p.client % 3), ttl: 3600 },
  };
  const { exp, ttl } = plan[p.lifetime];
  await set(
    w,
    w.keys.token(jti),
    accessTokenValue({ sub: String(1000 + (p.user % 50)), username: user, email: p.nullEmail ? null : undefined, clientId, createdAt: now, expiresAt: exp }),
    ttl,
  );
  await w.gateway.sadd(w.keys.userTokens(user), jti);
  if (ttl !== null) expiresIn(m, ttl * 1000);
  remember(m.tokens, { jti, user });
  if (p.withRefresh) {
    const token = id(m, 'refresh_');
    await set(
      w,
      w.keys.refresh(token),
      refreshTokenValue({ userId: String(1000 + (p.user % 50)), username: user, clientId, createdAt: now }),
      REFRESH_LIFETIME,
    );
    remember(m.refresh, token);
  }
  const code = pickFrom(m.codes, p.redeem);
  if (code && p.redeem % 2 === 0) await w.gateway.del(w.keys.code(code));
}

/** The refresh_token grant: a new access token (no email, no name); the refresh key is left as it is. */
export async function refreshGrant(m: TrafficModel, w: World, p: { pick: number }): Promise<void> {
  const token = pickFrom(m.refresh, p.pick);
  if (!token) return;
  const raw = await w.gateway.get(w.keys.refresh(token));
  const record = raw === null ? null : parseRecord(raw);
  if (!record) return; // the gateway answers 400
  const username = text(record, 'username') ?? 'nobody';
  const now = nowS();
  const jti = id(m, 'jti_');
  await set(
    w,
    w.keys.token(jti),
    accessTokenValue({
      sub: text(record, 'user_id') ?? '1000',
      username,
      clientId: text(record, 'client_id') ?? 'client_unknown',
      createdAt: now,
      expiresAt: now + 3600,
      viaRefresh: true,
    }),
    3600,
  );
  await w.gateway.sadd(w.keys.userTokens(username), jti);
  remember(m.tokens, { jti, user: username });
}

/** /revoke: DEL the token and SREM it from its user's index; a refresh token (not a JWT) is DELeted. */
export async function revoke(m: TrafficModel, w: World, p: { pick: number; refresh: boolean }): Promise<void> {
  if (p.refresh) {
    const token = pickFrom(m.refresh, p.pick);
    if (token) await w.gateway.del(w.keys.refresh(token));
    return;
  }
  const t = pickFrom(m.tokens, p.pick);
  if (!t) return;
  await w.gateway.del(w.keys.token(t.jti));
  await w.gateway.srem(w.keys.userTokens(t.user), t.jti);
}

export async function register(m: TrafficModel, w: World, p: { name: 'plain' | 'test' | 'lowercaseTest' | 'unicode'; noExpiry: boolean }): Promise<void> {
  const clientId = id(m, 'client_');
  const names = { plain: 'MCP Client', test: 'TEST client', lowercaseTest: 'test something', unicode: 'Clïent ☃ 𝄞' };
  const lifetime = p.noExpiry ? 0 : 7776000;
  await set(w, w.keys.client(clientId), clientValue({ clientId, clientName: names[p.name], createdAt: nowS(), lifetime }), lifetime || null);
  remember(m.clients, clientId);
}

/** RFC 7592 DELETE /register/{id}: the client key, then every access token whose client_id is it (the indexes keep their jtis). */
export async function rfc7592Delete(m: TrafficModel, w: World, p: { pick: number }): Promise<void> {
  const clientId = pickFrom(m.clients, p.pick);
  if (!clientId) return;
  await w.gateway.del(w.keys.client(clientId));
  for (const node of await keyHolders(w.gateway)) {
    let cursor = '0';
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', w.keys.pattern('token'), 'COUNT', 1000);
      cursor = next;
      const values = batch.length ? await Promise.all(batch.map((k) => w.gateway.get(k))) : [];
      const mine = batch.filter((_, i) => {
        const r = values[i] == null ? null : parseRecord(values[i] as string);
        return r !== null && text(r, 'client_id') === clientId;
      });
      await Promise.all(mine.map((k) => w.gateway.del(k)));
    } while (cursor !== '0');
  }
}

export type RefreshMode = 'ttl' | 'leftover' | 'outliving' | 'noTtlYoung' | 'crossing';

/** Refresh tokens in every shape the rule must tell apart (semantics.md "Status words"). */
export async function refreshVariant(m: TrafficModel, w: World, p: { user: number; client: number; mode: RefreshMode }): Promise<void> {
  const user = pickFrom(m.users, p.user) as string;
  const clientId = pickFrom(m.clients, p.client) ?? 'client_never_registered';
  const now = nowS();
  const plan: Record<RefreshMode, { created: number; ttl: number | null }> = {
    ttl: { created: now, ttl: REFRESH_LIFETIME },
    leftover: { created: now - REFRESH_LIFETIME - 1 - (p.client % 9) * DAY, ttl: null },
    // Older than REFRESH_TOKEN_LIFETIME but the key has a TTL: the gateway still honours it.
    outliving: { created: now - 40 * DAY, ttl: 3600 + (p.client % 7) * DAY },
    noTtlYoung: { created: now - 1000, ttl: null },
    // No TTL; becomes a leftover a few seconds from now.
    crossing: { created: now - REFRESH_LIFETIME + 2 + (p.user % 4), ttl: null },
  };
  const { created, ttl } = plan[p.mode];
  const token = id(m, 'refresh_');
  await set(w, w.keys.refresh(token), refreshTokenValue({ userId: String(1000 + (p.user % 50)), username: user, clientId, createdAt: created }), ttl);
  remember(m.refresh, token);
}

/** The gateway's own restore stretches a TTL; a manual fix removes one (PERSIST). */
export async function refreshTtl(m: TrafficModel, w: World, p: { pick: number; persist: boolean }): Promise<void> {
  const token = pickFrom(m.refresh, p.pick);
  if (!token) return;
  if (p.persist) await w.gateway.persist(w.keys.refresh(token));
  else await w.gateway.expire(w.keys.refresh(token), 7200);
}

/** GET /authorize writes a state (TTL 300); /callback writes a code (TTL 1 year) and deletes the state. Without TTL: a leftover. */
export async function flow(
  m: TrafficModel,
  w: World,
  p: { kind: 'state' | 'code'; ttl: boolean; client: number; user: number; consume: boolean },
): Promise<void> {
  const clientId = pickFrom(m.clients, p.client) ?? 'client_never_registered';
  const name = id(m, `${p.kind}_`);
  if (p.kind === 'state') {
    await set(
      w,
      w.keys.state(name),
      stateValue({ clientId, clientState: `s${p.user}`, codeChallenge: p.user % 2 ? 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' : null }),
      p.ttl ? 300 : null,
    );
    if (p.ttl) expiresIn(m, 300_000);
    remember(m.states, name);
  } else {
    const previous = pickFrom(m.states, p.user);
    await set(
      w,
      w.keys.code(name),
      codeValue({ clientId, username: pickFrom(m.users, p.user) as string, email: p.user % 3 ? null : undefined }),
      p.ttl ? 31536000 : null,
    );
    remember(m.codes, name);
    if (previous && p.consume) await w.gateway.del(w.keys.state(previous));
  }
}

/** A short expiry on an existing key (PEXPIRE), as Redis ends every gateway key sooner or later. */
export async function expireKey(m: TrafficModel, w: World, p: { kind: Kind; pick: number; ms: number }): Promise<void> {
  const key = keyFor(m, w, p.kind, p.pick);
  if (!key) return;
  if ((await w.gateway.pexpire(key, p.ms)) === 1) expiresIn(m, p.ms);
}

/** A record found broken (a manual write, a half-finished script): an existing key or a new one. */
export async function corrupt(
  m: TrafficModel,
  w: World,
  p: { kind: Exclude<Kind, 'user_tokens'>; pick: number; fresh: boolean; value: number },
): Promise<void> {
  let key = p.fresh ? null : keyFor(m, w, p.kind, p.pick);
  if (!key) {
    const name = id(m, `bad_${p.kind}_`);
    key = w.keys.record(p.kind, name);
    if (p.kind === 'token') remember(m.tokens, { jti: name, user: pickFrom(m.users, p.pick) as string });
    if (p.kind === 'client') remember(m.clients, name);
    if (p.kind === 'refresh') remember(m.refresh, name);
  }
  await set(w, key, CORRUPT_VALUES[p.value % CORRUPT_VALUES.length] as string, null);
}

/** Writes like the gateway at its busiest: n keys pipelined (auto-pipelining), batches of 1000 commands. */
export async function writeMany(m: TrafficModel, w: World, n: number, seed: number, expiredShare: number, tag: string): Promise<void> {
  const r = rng(seed);
  const now = nowS();
  const users = Array.from({ length: 25 }, (_, i) => `${tag}user${i}`);
  const clients = Array.from({ length: Math.max(3, Math.round(n / 200)) }, (_, i) => `client_${tag}${i}`);
  const ops: (() => Promise<unknown>)[] = [];
  const put = (key: string, value: string, ttl: number | null) =>
    ops.push(() => (ttl !== null ? w.gateway.set(key, value, 'EX', ttl) : w.gateway.set(key, value)));
  clients.forEach((clientId, i) => {
    // Some clients of the loaded tokens stay unregistered (orphans); some are test clients.
    if (i % 4 !== 3)
      put(w.keys.client(clientId), clientValue({ clientId, clientName: i % 5 === 0 ? `TEST bulk ${i}` : `Bulk ${i}`, createdAt: now - 1000 }), 7776000);
  });
  let states = 0;
  for (let i = 0; ops.length < n; i++) {
    const x = r();
    const user = users[Math.floor(r() * users.length)] as string;
    const clientId = clients[Math.floor(r() * clients.length)] as string;
    if (x < 0.7) {
      const jti = `${tag}j${i.toString(36)}`;
      const expired = r() < expiredShare;
      const noTtl = expired || r() < 0.2;
      const exp = expired ? now - 10 - Math.floor(r() * 90 * DAY) : now + 600 + Math.floor(r() * DAY);
      const value =
        r() < 0.01
          ? (CORRUPT_VALUES[i % CORRUPT_VALUES.length] as string)
          : accessTokenValue({ username: user, clientId, createdAt: exp - 86400, expiresAt: exp });
      put(w.keys.token(jti), value, noTtl ? null : exp - now);
      ops.push(() => w.gateway.sadd(w.keys.userTokens(user), jti));
      if (i % 50 === 0) remember(m.tokens, { jti, user });
    } else if (x < 0.85) {
      const token = `${tag}r${i.toString(36)}`;
      const y = r();
      const [created, ttl] =
        y < 0.4
          ? [now - 100, REFRESH_LIFETIME]
          : y < 0.7
            ? [now - REFRESH_LIFETIME - 1 - Math.floor(r() * 30 * DAY), null]
            : y < 0.85
              ? [now - 40 * DAY, 7200]
              : [now - 5000, null];
      put(w.keys.refresh(token), refreshTokenValue({ username: user, clientId, createdAt: created }), ttl);
      if (i % 50 === 0) remember(m.refresh, token);
    } else if (x < 0.92) {
      states += 1;
      put(w.keys.state(`${tag}s${i.toString(36)}`), stateValue({ clientId }), r() < 0.5 ? 300 : null);
    } else if (x < 0.98) {
      put(w.keys.code(`${tag}c${i.toString(36)}`), codeValue({ clientId, username: user }), r() < 0.5 ? 31536000 : null);
    } else {
      // A jti whose token key never existed: a stale entry from the start.
      ops.push(() => w.gateway.sadd(w.keys.userTokens(user), `${tag}gone${i.toString(36)}`));
    }
  }
  if (states > 0) expiresIn(m, 300_000);
  for (let i = 0; i < ops.length; i += 1000) await Promise.all(ops.slice(i, i + 1000).map((op) => op()));
  w.keysWritten += ops.length;
  for (const u of users.slice(0, 3)) remember(m.users, u);
  for (const c of clients.slice(0, 3)) remember(m.clients, c);
}

/** Thousands of keys at once (a migration, a restore without --clear, a bulk import of old tokens). */
export async function bulkLoad(m: TrafficModel, w: World, p: { size: number; seed: number; expiredShare: number }): Promise<void> {
  const [lo, hi] = m.scale.bulkKeys;
  await writeMany(m, w, Math.round(lo + (hi - lo) * p.size), p.seed, p.expiredShare, `b${id(m, '')}`);
}

/** The gateway's restore_oauth_data.py --clear: delete every key under the prefix, then write the backup's keys. */
export async function restoreClear(m: TrafficModel, w: World, p: { size: number; seed: number }): Promise<void> {
  await deleteUnder(w.gateway, prefixPattern(w.keys.prefixes.oauth));
  m.clients = [];
  m.users = [...USERS];
  m.tokens = [];
  m.refresh = [];
  m.states = [];
  m.codes = [];
  const [lo, hi] = m.scale.floodKeys;
  await writeMany(m, w, Math.round(lo + (hi - lo) * p.size), p.seed, 0.3, `r${id(m, '')}`);
}

/** 20 ms apart, as in the wedge's report: token writes in pairs (SETEX + SADD). */
export async function burst(m: TrafficModel, w: World, p: { pairs: number; gapMs: number; user: number }): Promise<void> {
  for (let i = 0; i < p.pairs; i++) {
    const user = pickFrom(m.users, p.user + i) as string;
    const jti = id(m, 'burst_');
    const now = nowS();
    await set(
      w,
      w.keys.token(jti),
      accessTokenValue({ username: user, clientId: pickFrom(m.clients, i) ?? 'client_burst', createdAt: now, expiresAt: now + 3600 }),
      3600,
    );
    await w.gateway.sadd(w.keys.userTokens(user), jti);
    remember(m.tokens, { jti, user });
    if (p.gapMs > 0) await sleep(p.gapMs);
  }
}

export async function restartRedis(_m: TrafficModel, w: World): Promise<void> {
  if (!w.restart) return;
  await w.restart();
  await waitForRedis(w.gateway);
}

export async function waitForRedis(redis: RedisClient, withinMs = 20_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      for (const node of await keyHolders(redis)) await node.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(50);
    }
  }
}

// ---------------------------------------------------------------- quiet points

/** Waits until no key with a short TTL expires within the next `windowMs` (and those due have expired). */
export async function settleExpiries(m: TrafficModel, windowMs: number): Promise<void> {
  for (;;) {
    const now = Date.now();
    m.expiries = m.expiries.filter((t) => t > now - 1000);
    const due = m.expiries.filter((t) => t <= now + windowMs);
    if (due.length === 0) return;
    await sleep(Math.max(...due) - now + 150);
  }
}

export interface CheckResult {
  divergences: string[];
  /** Whether the index was fresh within the bound. */
  fresh: boolean;
  ms: number;
}

/**
 * A quiet point: nothing writes; every short TTL due soon has expired (and a scan has made Redis
 * drop the keys). Then `fresh()` must become true within `freshWithinMs`, and, at one frozen
 * instant, every figure must be EXACTLY the truth: the index's own stats (readStats), the scan
 * (stats.scan), the API's stats, client.tokens and user.tokens of `queried` clients and users
 * (deleted ones included), and a purge dry run's counts. The bound is exact equality; the only
 * tolerance is that a store that changed during the check (a key expiring unexpectedly) is checked
 * again, up to three times, and reported as such.
 */
export async function checkQuiet(w: World, m: TrafficModel): Promise<CheckResult> {
  const started = Date.now();
  let last: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    await settleExpiries(m, m.scale.checkWindowMs);
    const pattern = prefixPattern(w.keys.prefixes.oauth);
    const before = await readRaw(w.gateway, pattern); // also makes Redis drop what has expired
    const api = indexApi(w.services);
    let fresh = false;
    const freshDeadline = Date.now() + m.scale.freshWithinMs;
    while (!(fresh = await api.fresh().catch(() => false)) && Date.now() < freshDeadline) await sleep(50);
    if (!fresh) {
      const status = await api.status().catch((e: unknown) => String(e));
      return {
        divergences: [`fresh() still false after ${m.scale.freshWithinMs} ms of quiet; status ${JSON.stringify(status)}`],
        fresh: false,
        ms: Date.now() - started,
      };
    }
    const at = w.clock.freeze();
    try {
      const d = await compareAt(w, m, at);
      const after = await readRaw(w.gateway, pattern);
      const changed = diffContents(contentOf(before), contentOf(after), 3);
      if (changed.length > 0) {
        last = [`the store changed during the check (not the service's doing): ${changed.join('; ')}`, ...d];
        continue;
      }
      return { divergences: d, fresh: true, ms: Date.now() - started };
    } finally {
      w.clock.thaw();
    }
  }
  return { divergences: last, fresh: true, ms: Date.now() - started };
}

async function compareAt(w: World, m: TrafficModel, at: number): Promise<string[]> {
  const out: string[] = [];
  const api = indexApi(w.services);
  const indexed = await api.indexer.store.readStats(at / 1000, w.refreshLifetime);
  const scanned = (await w.services.stats.scan()) as unknown as Record<string, number>;
  const viaApi = await statsViaApi(w);
  const truth = computeTruth(await readRaw(w.gateway, prefixPattern(w.keys.prefixes.oauth)), w.keys, at, w.refreshLifetime);
  out.push(...diffFigures('index readStats', truth.stats, indexed, STAT_FIELDS));
  out.push(...diffFigures('stats.scan()', truth.stats, scanned, STAT_FIELDS));
  out.push(...diffFigures('API stats', truth.stats, viaApi.stats, STAT_FIELDS));
  if (!viaApi.ready) out.push('fresh() was true but indexStatus.ready is false');

  // Relations: the model's latest clients and users, and a few the truth knows (bulk ones).
  const clients = [...new Set([...m.clients.slice(-m.scale.queried), ...[...truth.clientTokens.keys()].slice(0, 5)])];
  const users = [...new Set([...m.users.slice(-m.scale.queried), ...[...truth.userTokens.keys()].slice(0, 5)])];
  const jobs: (() => Promise<void>)[] = [
    ...clients.map((clientId) => async () => {
      const data = await gql<{ client: TokensPage | null }>(w, CLIENT_QUERY, { id: clientId });
      out.push(...diffRelation(`client(${clientId}).tokens`, truth.clientTokens.get(clientId) ?? null, data.client));
    }),
    ...users.map((username) => async () => {
      const data = await gql<{ user: TokensPage | null }>(w, USER_QUERY, { u: username });
      out.push(...diffRelation(`user(${username}).tokens`, truth.userTokens.get(username) ?? null, data.user));
    }),
  ];
  for (let i = 0; i < jobs.length; i += 8) await Promise.all(jobs.slice(i, i + 8).map((j) => j()));

  const dry = await purgeViaApi(w, true);
  if (dry.status !== 'SUCCEEDED') out.push(`purge dry run ${dry.status}: ${dry.error}`);
  out.push(...diffFigures('purge dry run', truth.purge, dry.counts, COUNT_FIELDS));
  return out;
}

function diffRelation(label: string, expected: string[] | null, actual: TokensPage | null): string[] {
  if (expected === null) return actual === null ? [] : [`${label}: expected null (unknown), got ${actual.tokens.totalCount} tokens`];
  if (actual === null) return [`${label}: null, truth has ${expected.length} tokens`];
  const out: string[] = [];
  if (actual.tokens.totalCount !== expected.length) out.push(`${label}.totalCount: ${actual.tokens.totalCount} (truth ${expected.length})`);
  const got = actual.tokens.edges.map((e) => e.node.jti);
  const want = expected.slice(0, 500);
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    const missing = want.filter((j) => !got.includes(j));
    const extra = got.filter((j) => !want.includes(j));
    out.push(`${label}: jtis differ (missing ${missing.slice(0, 5).join(',')}${missing.length > 5 ? '…' : ''}; extra ${extra.slice(0, 5).join(',')})`);
  }
  return out;
}

/**
 * A real purge, started as soon as the traffic stops (the index may still be behind): it must end
 * SUCCEEDED, report exactly what the truth says it removes, and leave exactly the truth's
 * "after purge" store (no expired key behind, no live refresh token deleted).
 */
export async function checkPurge(w: World, m: TrafficModel): Promise<string[]> {
  await settleExpiries(m, m.scale.checkWindowMs);
  const pattern = prefixPattern(w.keys.prefixes.oauth);
  await readRaw(w.gateway, pattern); // Redis drops what has expired
  const at = w.clock.freeze();
  try {
    const before = await readRaw(w.gateway, pattern);
    const truth = computeTruth(before, w.keys, at, w.refreshLifetime);
    const job = await purgeViaApi(w, false);
    const out: string[] = [];
    if (job.status !== 'SUCCEEDED') out.push(`purge ${job.status}: ${job.error}`);
    out.push(...diffFigures('purge', truth.purge, job.counts, COUNT_FIELDS));
    out.push(...diffContents(truth.afterPurge, contentOf(await readRaw(w.gateway, pattern))).map((d) => `after purge: ${d}`));
    return out;
  } finally {
    w.clock.thaw();
  }
}

export async function quiet(m: TrafficModel, w: World): Promise<void> {
  const result = await checkQuiet(w, m);
  if (result.divergences.length > 0) throw new Divergence('quiet point', result.divergences);
}

async function purgeStep(m: TrafficModel, w: World): Promise<void> {
  const d = await checkPurge(w, m);
  if (d.length > 0) throw new Divergence('purge', d);
}

export class Divergence extends Error {
  constructor(
    readonly where: string,
    readonly details: string[],
  ) {
    super(`${where}: ${details.length} divergence(s)\n  ${details.join('\n  ')}`);
  }
}

// ---------------------------------------------------------------- fast-check commands

/** One step of traffic (or a check) as a fast-check command; the model only names what exists. */
export class Step<P extends object> implements fc.AsyncCommand<TrafficModel, World> {
  constructor(
    readonly name: StepName,
    readonly params: P,
    private readonly body: (m: TrafficModel, w: World, p: P) => Promise<void>,
  ) {}
  check(m: Readonly<TrafficModel>): boolean {
    return this.name !== 'restartRedis' || m.canRestart;
  }
  async run(m: TrafficModel, w: World): Promise<void> {
    w.counts.set(this.name, (w.counts.get(this.name) ?? 0) + 1);
    await this.body(m, w, this.params);
  }
  toString(): string {
    return `${this.name}(${JSON.stringify(this.params)})`;
  }
}

export type StepName =
  | 'register'
  | 'rfc7592Delete'
  | 'issue'
  | 'refreshGrant'
  | 'revoke'
  | 'refreshVariant'
  | 'refreshTtl'
  | 'flow'
  | 'expireKey'
  | 'corrupt'
  | 'bulkLoad'
  | 'restoreClear'
  | 'burst'
  | 'restartRedis'
  | 'pause'
  | 'quiet'
  | 'purge';

const pick = fc.nat({ max: 1_000_000 });
const step = <P extends object>(name: StepName, params: fc.Arbitrary<P>, body: (m: TrafficModel, w: World, p: P) => Promise<void>) =>
  params.map((p) => new Step(name, p, body) as fc.AsyncCommand<TrafficModel, World>);

/** The command arbitraries with their weights (how many copies go into fc.commands). */
export function trafficSteps(options: { exclude?: readonly StepName[]; shortTtls?: boolean } = {}): fc.Arbitrary<fc.AsyncCommand<TrafficModel, World>>[] {
  const shortTtls = options.shortTtls ?? true;
  const lifetimes: AccessLifetime[] = shortTtls
    ? ['long', 'short', 'crossing', 'expiredNoTtl', 'outlivesKey']
    : ['long', 'crossing', 'expiredNoTtl', 'outlivesKey'];
  const table: [StepName, number, fc.Arbitrary<fc.AsyncCommand<TrafficModel, World>>][] = [
    ['register', 3, step('register', fc.record({ name: fc.constantFrom('plain', 'test', 'lowercaseTest', 'unicode'), noExpiry: fc.boolean() }), register)],
    ['rfc7592Delete', 1, step('rfc7592Delete', fc.record({ pick }), rfc7592Delete)],
    [
      'issue',
      6,
      step(
        'issue',
        fc.record({ user: pick, client: pick, lifetime: fc.constantFrom(...lifetimes), withRefresh: fc.boolean(), nullEmail: fc.boolean(), redeem: pick }),
        issue,
      ),
    ],
    ['refreshGrant', 2, step('refreshGrant', fc.record({ pick }), refreshGrant)],
    ['revoke', 2, step('revoke', fc.record({ pick, refresh: fc.boolean() }), revoke)],
    [
      'refreshVariant',
      3,
      step(
        'refreshVariant',
        fc.record({ user: pick, client: pick, mode: fc.constantFrom<RefreshMode>('ttl', 'leftover', 'outliving', 'noTtlYoung', 'crossing') }),
        refreshVariant,
      ),
    ],
    ['refreshTtl', 1, step('refreshTtl', fc.record({ pick, persist: fc.boolean() }), refreshTtl)],
    [
      'flow',
      2,
      step(
        'flow',
        fc.record({ kind: fc.constantFrom<'state' | 'code'>('state', 'code'), ttl: fc.boolean(), client: pick, user: pick, consume: fc.boolean() }),
        flow,
      ),
    ],
    [
      'expireKey',
      shortTtls ? 1 : 0,
      step(
        'expireKey',
        fc.record({ kind: fc.constantFrom<Kind>('client', 'token', 'refresh', 'state', 'code', 'user_tokens'), pick, ms: fc.integer({ min: 200, max: 1500 }) }),
        expireKey,
      ),
    ],
    [
      'corrupt',
      1,
      step(
        'corrupt',
        fc.record({
          kind: fc.constantFrom<Exclude<Kind, 'user_tokens'>>('client', 'token', 'refresh', 'state', 'code'),
          pick,
          fresh: fc.boolean(),
          value: pick,
        }),
        corrupt,
      ),
    ],
    [
      'bulkLoad',
      1,
      step(
        'bulkLoad',
        fc.record({ size: fc.double({ min: 0, max: 1, noNaN: true }), seed: fc.integer(), expiredShare: fc.constantFrom(0.1, 0.5, 0.9) }),
        bulkLoad,
      ),
    ],
    ['restoreClear', 1, step('restoreClear', fc.record({ size: fc.double({ min: 0, max: 1, noNaN: true }), seed: fc.integer() }), restoreClear)],
    ['burst', 1, step('burst', fc.record({ pairs: fc.integer({ min: 5, max: 150 }), gapMs: fc.constantFrom(0, 5, 20), user: pick }), burst)],
    ['restartRedis', 1, step('restartRedis', fc.constant({}), restartRedis)],
    ['pause', 1, step('pause', fc.record({ ms: fc.integer({ min: 0, max: 300 }) }), async (_m, _w, p) => sleep(p.ms))],
    ['quiet', 3, step('quiet', fc.constant({}), quiet)],
    ['purge', 1, step('purge', fc.constant({}), purgeStep)],
  ];
  const excluded = new Set(options.exclude ?? []);
  return table.filter(([name, weight]) => weight > 0 && !excluded.has(name)).flatMap(([, weight, arb]) => Array.from({ length: weight }, () => arb));
}

/** Sequences of `min`..`max` steps, always ending in a quiet point. */
export function trafficCommands(min: number, max: number, options: Parameters<typeof trafficSteps>[0] = {}) {
  return fc.commands(trafficSteps(options), { maxCommands: max, size: 'max' }).filter((cmds) => [...cmds].length >= min);
}

/** A fresh world per run: the whole sequence, then a final quiet point. */
export async function runSequence(
  open: () => Promise<World>,
  scale: TrafficScale,
  cmds: Iterable<fc.AsyncCommand<TrafficModel, World>>,
  onWorld?: (w: World) => void,
): Promise<void> {
  const w = await open();
  onWorld?.(w);
  const started = Date.now();
  try {
    w.start();
    const model = newModel(w, scale);
    await fc.asyncModelRun(() => ({ model, real: w }), cmds);
    await quiet(model, w);
    w.counts.set('quiet', (w.counts.get('quiet') ?? 0) + 1);
  } finally {
    w.elapsedMs = Date.now() - started;
    await w.close();
  }
}

/** One line: steps by name, keys written, time. */
export function describeRun(w: World): string {
  const steps = [...w.counts.values()].reduce((a, b) => a + b, 0);
  const byName = [...w.counts]
    .sort((a, b) => b[1] - a[1])
    .map(([n, c]) => `${n} ${c}`)
    .join(', ');
  return `${steps} steps (${byName}), ${w.keysWritten} keys written, ${(w.elapsedMs / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------- concurrent traffic and sampling (fault tests)

/** Lets a sampler stop the writer between two steps, so the store is still while it samples. */
export class Gate {
  private closed: Promise<void> | null = null;
  private release: (() => void) | null = null;
  private current: Promise<unknown> = Promise.resolve();

  /** Runs one writer step (waits while the gate is held). */
  async step<T>(fn: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    const p = fn();
    this.current = p.catch(() => {});
    return p;
  }

  /** Holds the writer off (after its step in progress) while `fn` runs. */
  async hold<T>(fn: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    this.closed = new Promise((r) => (this.release = r));
    try {
      await this.current;
      return await fn();
    } finally {
      const release = this.release;
      this.closed = null;
      this.release = null;
      release?.();
    }
  }
}

/** Gateway traffic in the background: steps drawn from the model's commands (no checks, no restarts). */
export function steadyTraffic(w: World, m: TrafficModel, gate: Gate, options: { seed: number; gapMs?: number; exclude?: StepName[] }) {
  const arb = fc.oneof(
    ...trafficSteps({ shortTtls: false, exclude: ['quiet', 'purge', 'restartRedis', 'pause', 'restoreClear', 'burst', ...(options.exclude ?? [])] }),
  );
  let stopped = false;
  let steps = 0;
  let errors = 0;
  const done = (async () => {
    for (let chunk = 0; !stopped; chunk++) {
      for (const cmd of fc.sample(arb, { seed: options.seed + chunk, numRuns: 25 })) {
        if (stopped) break;
        if (!cmd.check(m)) continue;
        try {
          await gate.step(() => cmd.run(m, w));
          steps += 1;
        } catch {
          errors += 1; // Redis away: the gateway answers 500 and goes on
          await sleep(50);
        }
        await sleep(options.gapMs ?? 15);
      }
    }
  })();
  return {
    model: m,
    async stop() {
      stopped = true;
      await done;
      return { steps, errors };
    },
  };
}

export interface SampleReport {
  /** Samples not ready (answered by a scan) during which Redis restarted (its run_id changed), with what the answer was. */
  acrossRestart: string[];
  samples: number;
  readySamples: number;
  /** Samples the store changed under (an expiry), or that failed (Redis away): not judged. */
  skipped: number;
  failed: number;
  mismatches: string[];
}

/**
 * Samples throughout: with the writer held, truth, then the API's `indexStatus { ready }` and
 * `stats` at one frozen instant, then the truth again. When the store did not change, the API's
 * stats must equal the truth EXACTLY, ready or not (a reader that is not ready scans); samples
 * where it said ready are counted, so a test can require that the index path was exercised.
 */
export function sampler(w: World, gate: Gate, options: { everyMs?: number } = {}) {
  const report: SampleReport = { acrossRestart: [], samples: 0, readySamples: 0, skipped: 0, failed: 0, mismatches: [] };
  let stopped = false;
  const pattern = prefixPattern(w.keys.prefixes.oauth);
  const startedAt = Date.now();
  const done = (async () => {
    while (!stopped) {
      await gate.hold(async () => {
        try {
          const runIdBefore = await serverRunIds(w);
          const before = await readRaw(w.gateway, pattern);
          const at = w.clock.freeze();
          let answer: { ready: boolean; stats: Figures };
          let explain = '';
          try {
            w.statsPaths.length = 0;
            answer = await statsViaApi(w);
            const path = w.statsPaths.join(',');
            const truth = computeTruth(before, w.keys, at, w.refreshLifetime).stats;
            if (diffFigures('', truth, answer.stats, STAT_FIELDS).length > 0) {
              // Which path answered: the index as it is now, or a scan?
              const same = (x: Record<string, number>) => STAT_FIELDS.every((f) => x[f] === answer.stats[f]);
              const index = await indexApi(w.services)
                .indexer.store.readStats(at / 1000, w.refreshLifetime)
                .catch(() => null);
              const scan = (await w.services.stats.scan().catch(() => null)) as unknown as Record<string, number> | null;
              const status = await indexApi(w.services)
                .status()
                .catch(() => null);
              explain = ` [answered by ${path}; = index now: ${index ? same(index) : '?'}; = scan now: ${scan ? same(scan) : '?'}; status ${JSON.stringify(status)}]`;
            }
          } finally {
            w.clock.thaw();
          }
          const after = await readRaw(w.gateway, pattern);
          if (diffContents(contentOf(before), contentOf(after), 1).length > 0) {
            report.skipped += 1;
            return;
          }
          if (!answer.ready && (await serverRunIds(w)) !== runIdBefore) {
            // Redis restarted during the sample (keeping its data) and the answer was a scan: a
            // scan that straddles a restart is a known problem of its own (index-faults.test.ts,
            // 'a scan across a Redis restart'); kept apart here, not judged.
            const d = diffFigures('stats (ready false)', computeTruth(before, w.keys, at, w.refreshLifetime).stats, answer.stats, STAT_FIELDS);
            report.acrossRestart.push(`${d.length === 0 ? 'exact' : d.join(', ')}${explain}`);
            return;
          }
          report.samples += 1;
          if (answer.ready) report.readySamples += 1;
          const d = diffFigures(`stats (ready ${answer.ready})`, computeTruth(before, w.keys, at, w.refreshLifetime).stats, answer.stats, STAT_FIELDS);
          if (d.length > 0) report.mismatches.push(`sample ${report.samples} at +${Date.now() - startedAt} ms: ${d.join(', ')}${explain}`);
        } catch {
          report.failed += 1;
        }
      });
      await sleep(options.everyMs ?? 100);
    }
  })();
  return {
    report,
    async stop(): Promise<SampleReport> {
      stopped = true;
      await done;
      return report;
    },
  };
}

/** The run_id of every key holder: it changes when a server restarts. */
async function serverRunIds(w: World): Promise<string> {
  const ids: string[] = [];
  for (const node of await keyHolders(w.gateway)) ids.push(/run_id:(\w+)/.exec(await node.info('server'))?.[1] ?? '?');
  return ids.join(',');
}

/** Local ports of this process's TCP connections to `port` (the sockets Node holds open). */
function localPortsTo(port: number): Set<number> {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  const out = new Set<number>();
  for (const h of handles) if (h instanceof Socket && h.remotePort === port && h.localPort) out.add(h.localPort);
  return out;
}

/**
 * Kills the pubsub connections of this process (the follower's subscribers) on every key holder,
 * server side (CLIENT KILL ID), as a network cut or a proxy restart does. Pubsub connections of
 * other processes sharing the server are told apart by their address: only the sockets this
 * process holds are killed. Returns how many were killed.
 */
export async function killSubscribers(w: World): Promise<number> {
  let killed = 0;
  for (const node of await keyHolders(w.gateway)) {
    const ours = localPortsTo(Number(node.options.port));
    const list = String(await node.call('CLIENT', 'LIST', 'TYPE', 'pubsub'));
    for (const line of list.split('\n')) {
      const fields = new Map(
        line
          .trim()
          .split(' ')
          .map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)] as const),
      );
      const cid = fields.get('id');
      const port = Number((fields.get('addr') ?? '').split(':').pop());
      if (!cid || !ours.has(port)) continue;
      killed += Number(await node.call('CLIENT', 'KILL', 'ID', cid));
    }
  }
  return killed;
}
