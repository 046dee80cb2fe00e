import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { accessTokenValue } from '../../src/redis/gateway-format.js';
import { Keys } from '../../src/redis/keys.js';
import type { JobState } from '../../src/jobs/runner.js';
import { type FaultRedis, faultRedis } from '../helpers/fault-redis.js';
import { type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { ADMIN } from '../helpers/store.js';
import { sseResults } from '../../src/cli/sse.js';

const inCluster = inject('redisUrl').startsWith('redis+cluster://');
const PREFIXES = { oauth: 'oauth:', session: 'redis:session:', admin: 'oauth-admin:' };
const keys = new Keys(PREFIXES);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const SHUTDOWN_TIMEOUT_MS = 5000;

interface SseStream {
  events: { status: string; progress: { deleted: number } }[];
  /** Resolves when the server ends the stream: `complete` if it sent the GraphQL-over-SSE end event. */
  ended: Promise<'complete' | 'cut'>;
}

/** Follows `jobProgress(id)` over SSE, collecting events as they come. */
async function follow(server: ServerProcess, id: string): Promise<SseStream> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query: 'subscription($id: ID!) { jobProgress(id: $id) { status progress { deleted } } }', variables: { id } }),
  });
  expect(response.status).toBe(200);
  const events: SseStream['events'] = [];
  const ended = (async () => {
    const results = sseResults(response.body as unknown as AsyncIterable<Uint8Array>);
    try {
      for (let next = await results.next(); ; next = await results.next()) {
        if (next.done) return next.value ? ('complete' as const) : ('cut' as const);
        events.push((next.value.data as unknown as { jobProgress: SseStream['events'][number] }).jobProgress);
      }
    } catch {
      // the connection was cut
      return 'cut' as const;
    }
  })();
  return { events, ended };
}

async function gql(server: ServerProcess, query: string, variables: Record<string, unknown> = {}): Promise<Response> {
  return fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query, variables }),
  });
}

describe.skipIf(inCluster)('faults: SIGTERM during a job', () => {
  let redis: FaultRedis;
  let server: ServerProcess | null = null;
  beforeEach(async () => {
    redis = await faultRedis();
  });
  afterEach(async () => {
    server?.kill('SIGKILL');
    await redis.stop();
  });

  it('refuses new requests, stops the job at a safe point and marks it, closes subscriptions, and exits in bounded time', async () => {
    const seed = redis.client();
    const now = Math.floor(Date.now() / 1000);
    const total = 60_000;
    for (let start = 0; start < total; start += 2000) {
      const pipeline = seed.pipeline();
      for (let i = start; i < start + 2000; i++) {
        pipeline.set(keys.token(`jti${i}`), accessTokenValue({ username: `u${i % 50}`, clientId: 'client_x', createdAt: now - 100, expiresAt: now - 10 }));
      }
      await pipeline.exec();
    }
    // A job another process runs (fresh heartbeat): following it would wait for a minute.
    const foreign: JobState = {
      id: 'job-of-another-process',
      kind: 'PURGE_EXPIRED',
      status: 'RUNNING',
      dryRun: true,
      actor: 'admin-token',
      progress: { phase: 'access tokens', scanned: 1, total: null, matched: 0, deleted: 0 },
      counts: { clients: 0, accessTokens: 0, refreshTokens: 0, authCodes: 0, authStates: 0, userIndexEntries: 0, userIndexes: 0 },
      categories: [],
      backupName: null,
      error: null,
      createdAt: Date.now(),
      startedAt: Date.now(),
      finishedAt: null,
      heartbeatAt: Date.now() + 60_000,
    };
    await seed.set(keys.admin('job', foreign.id), JSON.stringify(foreign), 'PX', 120_000);

    server = await spawnServer({ REDIS_URL: redis.url, ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) });
    const started = (await (await gql(server, 'mutation { purgeExpired(dryRun: false) { id status } }')).json()) as {
      data: { purgeExpired: { id: string; status: string } };
    };
    const id = started.data.purgeExpired.id;
    const own = await follow(server, id);
    const other = await follow(server, foreign.id);
    for (let i = 0; i < 200 && !own.events.some((e) => e.progress.deleted > 0); i++) await sleep(20);
    expect(own.events.some((e) => e.progress.deleted > 0)).toBe(true);

    const signalledAt = Date.now();
    server.kill('SIGTERM');
    await server.waitForLine((l) => String(l.msg).startsWith('shutting down'));

    // New requests are refused: 503 on a connection still open, or no connection at all.
    const late = await gql(server, '{ stats { registrations } }').then(
      async (r) => ({ status: r.status, body: await r.text() }),
      (error: unknown) => ({ status: 0, body: String(error) }),
    );
    expect(late.status === 0 || late.status === 503, JSON.stringify(late)).toBe(true);
    if (late.status === 503) expect(late.body).toMatch(/shutting down/);

    // Both subscriptions end cleanly; the job's followers see its final state first.
    expect(await own.ended).toBe('complete');
    expect(await other.ended).toBe('complete');
    expect(own.events[own.events.length - 1]?.status).toBe('CANCELLED');

    const exit = await server.exited;
    expect(exit.code).toBe(0);
    expect(exit.atMs - signalledAt).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(server.lines.some((l) => l.msg === 'stopped' && l.jobsStoppedCleanly === true)).toBe(true);

    // Marked in Redis: CANCELLED at a safe point (what it deleted stays deleted), lock released.
    const state = JSON.parse((await seed.get(keys.admin('job', id))) ?? '{}') as JobState;
    expect(state.status).toBe('CANCELLED');
    expect(state.finishedAt).not.toBeNull();
    expect(await seed.exists(keys.admin('lock', 'maintenance'))).toBe(0);
    let left = 0;
    let cursor = '0';
    do {
      const [next, batch] = await seed.scan(cursor, 'MATCH', 'oauth:token:*', 'COUNT', 5000);
      cursor = next;
      left += batch.length;
    } while (cursor !== '0');
    expect(left).toBeGreaterThan(0);
    expect(left + state.counts.accessTokens).toBe(total);
    const audit = await seed.xrevrange(keys.admin('audit'), '+', '-');
    expect(audit.some(([, f]) => f.includes('purgeExpired') && f.includes('CANCELLED'))).toBe(true);
  });
});
