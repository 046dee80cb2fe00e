import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, inject } from 'vitest';
import { until } from './wait.js';
import { createApp, type App } from '../../src/app.js';
import { scanKeys, unlinkMany } from '../../src/redis/batch.js';
import { type RedisClient, createRedis } from '../../src/redis/connection.js';
import { GatewayWriter } from '../../src/redis/gateway-format.js';
import { Keys } from '../../src/redis/keys.js';
import { type Config, parseConfig } from '../../src/config.js';
import { type ServiceOptions, type Services, createServices } from '../../src/services.js';
import type { IndexingOptions } from '../../src/indexes/service.js';

export const ADMIN = 'test-admin-token-0123456789';
export const VIEWER = 'test-viewer-token-0123456789';
/** The HS256 key every test store verifies gateway JWTs with (issuer https://auth.example.com). */
export const JWT_SECRET = 'test-secret-for-hs256-0123456789abcdef';

/** The sample backup's clock: 2026-11-26T15:34:29Z, when the gateway's script made the file. */
export const SAMPLE_TIME_MS = Date.parse('2026-11-26T15:34:29.311Z');

export interface TestStore {
  redis: RedisClient;
  /** The namespace this store owns in the shared test Redis; everything it writes is beneath it. */
  namespace: string;
  keys: Keys;
  services: Services;
  app: App;
  writer: GatewayWriter;
  clock: { now: number };
  /** This store's own backup directory (a fresh temporary one, removed on close). */
  backupDir: string;
  /** Every key in this store's namespace with its value (for before/after snapshots). */
  snapshot(): Promise<Map<string, string>>;
  close(): Promise<void>;
}

/**
 * A store of our own in the test Redis: a fresh namespace (so tests never touch each other's keys
 * and nobody flushes anything), services over it with a settable clock, and the Yoga app.
 */
/**
 * A server configuration over `store`'s namespace in the test Redis: the admin token, the test JWT
 * secret, a free port and no log, then `extra` (as environment variables: strings).
 */
export function serverConfig(store: TestStore, extra: Record<string, string> = {}): Config {
  return parseConfig({
    REDIS_URL: inject('redisUrl'),
    OAUTH_KEY_PREFIX: store.keys.prefixes.oauth,
    SESSION_KEY_PREFIX: store.keys.prefixes.session,
    ADMIN_KEY_PREFIX: store.keys.prefixes.admin,
    ADMIN_TOKEN: ADMIN,
    GATEWAY_JWT_SECRET: JWT_SECRET,
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...extra,
  });
}

export async function openStore(
  options: {
    now?: number;
    encryptionKey?: string;
    indexing?: Partial<IndexingOptions>;
    audit?: ServiceOptions['audit'];
    gatewayEvents?: ServiceOptions['gatewayEvents'];
  } = {},
): Promise<TestStore> {
  const namespace = `t${randomBytes(6).toString('hex')}:`;
  const redis = createRedis(inject('redisUrl'), { name: 'oauth-admin-test' });
  const clock = { now: options.now ?? Date.now() };
  const prefixes = { oauth: `${namespace}oauth:`, session: `${namespace}redis:session:`, admin: `${namespace}oauth-admin:` };
  const keys = new Keys(prefixes);
  const backupDir = mkdtempSync(join(tmpdir(), 'oauth-admin-backups-'));
  const services = createServices(redis, {
    backup: { dir: backupDir, encryptionKey: options.encryptionKey },
    prefixes,
    lifetimes: { refreshTokenSeconds: 2592000 },
    now: () => clock.now,
    verification: { baseDomain: 'example.com', jwtSecret: JWT_SECRET },
    // The test servers are ours: the index follower may turn keyspace notifications on.
    indexing: { configureNotifications: true, ...options.indexing },
    ...(options.audit ? { audit: options.audit } : {}),
    ...(options.gatewayEvents ? { gatewayEvents: options.gatewayEvents } : {}),
  });
  const app = createApp({ services, auth: { adminToken: ADMIN, viewerToken: VIEWER, anonymousAdmin: false }, graphiql: true });
  const snapshot = async () => {
    const out = new Map<string, string>();
    for await (const batch of scanKeys(redis, `${namespace}*`)) {
      for (const key of batch) {
        const type = await redis.type(key);
        const value =
          type === 'string'
            ? await redis.get(key)
            : type === 'set'
              ? JSON.stringify((await redis.smembers(key)).sort())
              : type === 'hash'
                ? JSON.stringify(await redis.hgetall(key))
                : type === 'list'
                  ? JSON.stringify(await redis.lrange(key, 0, -1))
                  : type === 'stream'
                    ? String(await redis.xlen(key))
                    : type;
        out.set(key, `${type}:${value}:${(await redis.pttl(key)) >= 0 ? 'ttl' : 'nottl'}`);
      }
    }
    return out;
  };
  return {
    redis,
    namespace,
    keys,
    services,
    app,
    writer: new GatewayWriter(redis, keys),
    clock,
    backupDir,
    snapshot,
    async close() {
      await services.gatewayEvents.close();
      await services.indexes.stop();
      rmSync(backupDir, { recursive: true, force: true });
      for await (const batch of scanKeys(redis, `${namespace}*`)) await unlinkMany(redis, batch);
      redis.disconnect();
    },
  };
}

/**
 * Makes the store's services the index leader, as a service process does at start (follower,
 * reconcile), and waits until reads answer from the indexes (complete, and a barrier came back).
 */
export async function followIndexes(store: TestStore): Promise<void> {
  store.services.indexes.start(`test-leader-${store.namespace}`);
  await until('the derived indexes to be complete and current', () => store.services.indexes.fresh(), 30_000);
}

interface BackupEntry {
  value: string;
  type: string;
  ttl: number;
}
type BackupFile = Record<string, Record<string, BackupEntry>> & { timestamp: string };

export function readSampleBackup(): BackupFile {
  return JSON.parse(readFileSync(new URL('../fixtures/gateway-sample-backup.json', import.meta.url), 'utf8')) as BackupFile;
}

/**
 * Writes the sample backup's records into the store byte for byte (keys without TTL stay
 * without), as the gateway held them when its script made the file.
 */
export async function loadSampleRecords(store: TestStore): Promise<void> {
  const file = readSampleBackup();
  const kinds = { registrations: 'client', tokens: 'token', refresh_tokens: 'refresh', states: 'state', codes: 'code' } as const;
  for (const [category, kind] of Object.entries(kinds)) {
    for (const [id, entry] of Object.entries(file[category] ?? {})) {
      const key = store.keys.record(kind, id);
      if (entry.ttl > 0) await store.redis.set(key, entry.value, 'EX', entry.ttl);
      else await store.redis.set(key, entry.value);
    }
  }
  for (const [username, entry] of Object.entries(file.user_tokens ?? {})) {
    await store.redis.sadd(store.keys.userTokens(username), ...(JSON.parse(entry.value) as string[]));
  }
}

/**
 * An opener for stores that close after each test: call it once at a test file's top level (it
 * registers the afterEach), then open as many stores per test as the test needs.
 */
export function storesClosedAfterEach(): (options?: Parameters<typeof openStore>[0]) => Promise<TestStore> {
  const open: TestStore[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((s) => s.close()));
  });
  return async (options = {}) => {
    const s = await openStore(options);
    open.push(s);
    return s;
  };
}
