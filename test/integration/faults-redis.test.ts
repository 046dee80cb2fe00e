import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { runCli } from '../../src/cli/main.js';
import { graphql } from '../../src/generated/index.js';
import { createLogger } from '../../src/logger.js';
import { accessTokenValue } from '../../src/redis/gateway-format.js';
import { type RedisClient, createRedis } from '../../src/redis/connection.js';
import { Keys } from '../../src/redis/keys.js';
import { type Services, createServices } from '../../src/services.js';
import { execute } from '../helpers/execute.js';
import { type FaultRedis, faultRedis } from '../helpers/fault-redis.js';
import { freePort } from '../helpers/redis-server.js';
import { spawnServer } from '../helpers/server-process.js';
import { ADMIN, type TestStore } from '../helpers/store.js';
import { until } from '../helpers/wait.js';

// These tests bring their own redis-servers to break; the cluster pass would only repeat them.
const inCluster = inject('redisUrl').startsWith('redis+cluster://');

const Stats = graphql(`
  query FaultStats {
    stats { registrations activeTokens expiredTokens }
  }
`);

const StartPurge = graphql(`
  mutation FaultPurge($dryRun: Boolean!) {
    purgeExpired(dryRun: $dryRun) { id status }
  }
`);

const JobById = graphql(`
  query FaultJob($id: ID!) {
    job(id: $id) { id status error finished }
  }
`);

const PREFIXES = { oauth: 'oauth:', session: 'redis:session:', admin: 'oauth-admin:' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Harness {
  redis: RedisClient;
  services: Services;
  app: App;
  /** `execute` wants a TestStore; only `app` is used. */
  store: TestStore;
  close(): void;
}

/** The service as the server builds it (no offline queue, one retry), with short timeouts for tests. */
function harness(url: string, options: { commandTimeoutMs?: number; lockTtlMs?: number; staleAfterMs?: number } = {}): Harness {
  const redis = createRedis(url, {
    name: 'oauth-admin-fault-test',
    commandTimeoutMs: options.commandTimeoutMs ?? 500,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    maxReconnectDelayMs: 100,
  });
  redis.on('error', () => {});
  const services = createServices(redis, {
    prefixes: PREFIXES,
    lifetimes: { refreshTokenSeconds: 2592000 },
    jobs: { lockTtlMs: options.lockTtlMs ?? 30_000, staleAfterMs: options.staleAfterMs ?? 60_000, publishIntervalMs: 50 },
  });
  const app = createApp({ services, auth: { adminToken: ADMIN, anonymousAdmin: false }, healthTimeoutMs: 300, logger: createLogger({ level: 'silent' }) });
  return { redis, services, app, store: { app } as unknown as TestStore, close: () => redis.disconnect() };
}

async function seedExpired(redis: FaultRedis, count: number): Promise<void> {
  const client = redis.client();
  const keys = new Keys(PREFIXES);
  const now = Math.floor(Date.now() / 1000);
  for (let start = 0; start < count; start += 2000) {
    const pipeline = client.pipeline();
    for (let i = start; i < Math.min(count, start + 2000); i++) {
      pipeline.set(keys.token(`jti${i}`), accessTokenValue({ username: `u${i % 50}`, clientId: 'client_x', createdAt: now - 100, expiresAt: now - 10 }));
    }
    await pipeline.exec();
  }
  client.disconnect();
}

describe.skipIf(inCluster)('faults: Redis gone at start', () => {
  it('the server starts without Redis, answers /health 503 unready, and becomes ready when Redis appears', async () => {
    const redis = await faultRedis({ startNow: false });
    const server = await spawnServer({ REDIS_URL: redis.url, ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'info' }, { waitFor: 'live' });
    try {
      const health = await fetch(`${server.base}/health`);
      expect(health.status).toBe(503);
      expect(await health.json()).toEqual({ status: 'unready', redis: 'down' });

      // A request fails at once with a clear reason (no queueing while Redis is away).
      const started = Date.now();
      const refused = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify({ query: '{ stats { registrations } }' }),
      });
      expect(Date.now() - started).toBeLessThan(2000);
      expect(refused.status).toBe(503);
      const body = (await refused.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]?.extensions.code).toBe('UNAVAILABLE');
      expect(body.errors[0]?.message).toMatch(/Redis is not reachable/);
      await server.waitForLine((l) => String(l.msg).startsWith('redis not reachable yet'));

      await redis.start();
      await until('/health 200', async () => (await fetch(`${server.base}/health`)).status === 200, 8000, 100);
      await server.waitForLine((l) => l.msg === 'redis ready');
      const ok = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify({ query: '{ stats { registrations } }' }),
      });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ data: { stats: { registrations: 0 } } });
    } finally {
      server.kill('SIGTERM');
      expect((await server.exited).code).toBe(0);
      await redis.stop();
    }
  });

  it('the CLI exits non-zero with one clear line, in-process and over ADMIN_URL', async () => {
    const port = await freePort();
    const err: string[] = [];
    const io = { out: () => {}, err: (s: string) => err.push(s) };
    const code = await runCli(['stats'], { env: { PATH: process.env.PATH, REDIS_URL: `redis://:hunter2-secret@127.0.0.1:${port}` }, io });
    expect(code).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^error: Redis at redis://:\\*\\*\\*@127\\.0\\.0\\.1:${port} is not reachable`));
    expect(err[0]).not.toContain('hunter2');
    expect(err[0]).not.toContain('\n');

    err.length = 0;
    const remote = await runCli(['stats'], { env: { PATH: process.env.PATH, ADMIN_URL: `http://127.0.0.1:${port}/graphql`, ADMIN_TOKEN: ADMIN }, io });
    expect(remote).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^error: cannot reach http://127\\.0\\.0\\.1:${port}/graphql`));
    expect(err[0]).not.toContain(ADMIN);
  });
});

describe.skipIf(inCluster)('faults: Redis gone mid-purge', () => {
  let redis: FaultRedis;
  let h: Harness;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  beforeEach(async () => {
    unhandled.length = 0;
    process.on('unhandledRejection', onUnhandled);
    redis = await faultRedis({ persistent: true });
    h = harness(redis.url, { lockTtlMs: 1500, staleAfterMs: 1000 });
  });
  afterEach(async () => {
    process.off('unhandledRejection', onUnhandled);
    h.close();
    await redis.stop();
  });

  it('the job ends FAILED with the reason, the lock expires, and the service serves again once Redis is back', async () => {
    await seedExpired(redis, 60_000);
    const job = (await execute(h.store, StartPurge, { dryRun: false })).body.data?.purgeExpired;
    expect(job?.status).toBe('RUNNING');
    const id = job?.id as string;
    await until('the purge to make progress', async () => ((await h.services.jobs.get(id))?.progress.deleted ?? 0) > 0);

    const finished = h.services.jobs.wait(id);
    await redis.kill();
    const final = await Promise.race([finished, sleep(5000).then(() => null)]);
    expect(final?.status).toBe('FAILED');
    expect(final?.error).toMatch(/^Redis (connection lost|did not answer in time)/);

    // While Redis is away, other requests fail at once with a clear error instead of hanging.
    const started = Date.now();
    const down = await execute(h.store, Stats);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(down.status).toBe(503);
    expect(down.body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(down.body.errors?.[0]?.message).toMatch(/Redis/);
    expect((await h.app.fetch('http://t/health')).status).toBe(503);

    await redis.start();
    await until('the service to reconnect', async () => (await h.app.fetch('http://t/health')).status === 200, 5000, 50);
    const keys = new Keys(PREFIXES);
    const check = redis.client();
    // The dead job's lock survived the restart (append-only file) with its expiry: never forever.
    const lockTtl = await check.pttl(keys.admin('lock', 'maintenance'));
    expect(lockTtl === -2 || (lockTtl > 0 && lockTtl <= 1500)).toBe(true);

    // The job record, left RUNNING when Redis died, reads FAILED once its heartbeat is stale.
    const seen = await until(
      'the dead job to read FAILED',
      async () => {
        const r = (await execute(h.store, JobById, { id })).body.data?.job;
        return r?.status === 'FAILED' ? r : null;
      },
      4000,
      100,
    );
    expect(seen.finished).toBe(true);

    // Once the lock has expired, a new purge runs and finishes what the first one left.
    const second = await until(
      'a new purge to be accepted',
      async () => (await execute(h.store, StartPurge, { dryRun: false })).body.data?.purgeExpired,
      4000,
      100,
    );
    const done = await h.services.jobs.wait(second.id);
    expect(done?.status).toBe('SUCCEEDED');
    expect(await check.dbsize()).toBeGreaterThan(0);
    let left = 0;
    let cursor = '0';
    do {
      const [next, batch] = await check.scan(cursor, 'MATCH', 'oauth:token:*', 'COUNT', 1000);
      cursor = next;
      left += batch.length;
    } while (cursor !== '0');
    expect(left).toBe(0);
    expect(unhandled).toEqual([]);
  });
});

describe.skipIf(inCluster)('faults: slow Redis', () => {
  it('requests fail with a clear timeout instead of piling up, and the service recovers by itself', async () => {
    const redis = await faultRedis();
    const h = harness(redis.url, { commandTimeoutMs: 300 });
    const limited = createApp({
      services: h.services,
      auth: { adminToken: ADMIN, anonymousAdmin: false },
      rateLimit: { perSecond: 100, anonymousPerSecond: 1, windowSeconds: 1 },
      healthTimeoutMs: 200,
    });
    try {
      await until('the connection', async () => h.redis.status === 'ready');
      expect((await execute(h.store, Stats)).body.data?.stats.registrations).toBe(0);
      await redis.pause(1500);
      const started = Date.now();
      const answers = await Promise.all(Array.from({ length: 20 }, () => execute(h.store, Stats).then((r) => ({ ...r, ms: Date.now() - started }))));
      // Every request answered within the command timeout (plus slack), not at the end of the pause.
      expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(1200);
      for (const a of answers) {
        expect(a.status).toBe(503);
        expect(a.body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
        expect(a.body.errors?.[0]?.message).toMatch(/Redis did not answer in time/);
      }
      // Through the rate limiter (its counter is in Redis too): a 503 with the same words.
      const viaLimiter = await limited.fetch('http://t/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify({ query: '{ stats { registrations } }' }),
      });
      expect(viaLimiter.status).toBe(503);
      expect(await viaLimiter.text()).toMatch(/Redis did not answer in time/);
      const health = await h.app.fetch('http://t/health');
      expect(health.status).toBe(503);

      // No restart, no operator: once Redis answers again, so does the service.
      const ok = await until(
        'a successful request after the pause',
        async () => {
          const r = await execute(h.store, Stats);
          return r.status === 200 && !r.body.errors ? r : null;
        },
        4000,
        100,
      );
      expect(ok.body.data?.stats.registrations).toBe(0);
      expect(Date.now() - started).toBeGreaterThan(1000);
      expect((await h.app.fetch('http://t/health')).status).toBe(200);
    } finally {
      h.close();
      await redis.stop();
    }
  });
});

describe.skipIf(inCluster)('faults: Redis full (maxmemory, noeviction)', () => {
  it('refuses writes with a clear reason while reads, and the rate limiter, keep working', async () => {
    const redis = await faultRedis({ extraArgs: ['--maxmemory', '4mb', '--maxmemory-policy', 'noeviction'] });
    const h = harness(redis.url);
    const limited = createApp({
      services: h.services,
      auth: { adminToken: ADMIN, anonymousAdmin: false },
      rateLimit: { perSecond: 100, anonymousPerSecond: 1, windowSeconds: 10 },
    });
    const limitedStore = { app: limited } as unknown as TestStore;
    try {
      await until('the connection', async () => h.redis.status === 'ready');
      await seedExpired(redis, 200);
      const filler = redis.client();
      const blob = 'x'.repeat(20_000);
      let full = false;
      for (let i = 0; i < 1000 && !full; i++) {
        full = await filler.set(`filler:${i}`, blob).then(
          () => false,
          (error: Error) => /^OOM /.test(error.message),
        );
      }
      expect(full).toBe(true);

      const read = await execute(limitedStore, Stats);
      expect(read.status, JSON.stringify(read.body)).toBe(200);
      expect(read.body.data?.stats.expiredTokens).toBe(200);

      const write = await execute(limitedStore, StartPurge, { dryRun: false });
      expect(write.status).toBe(503);
      expect(write.body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
      expect(write.body.errors?.[0]?.message).toMatch(/out of memory \(maxmemory\)/);

      // Room again: the same purge runs.
      await filler.flushdb();
      await seedExpired(redis, 200);
      const again = (await execute(limitedStore, StartPurge, { dryRun: false })).body.data?.purgeExpired;
      expect((await h.services.jobs.wait(again?.id as string))?.status).toBe('SUCCEEDED');
    } finally {
      h.close();
      await redis.stop();
    }
  });
});
