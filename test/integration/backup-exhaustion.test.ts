/**
 * Issue 14, item 2: a viewer must not be able to exhaust the service with `Backup.diff` (it
 * reads a whole backup and scans the store). Expensive fields cost what the limits count; callers
 * asking for the same computation share it; at most a few run at once; a computation whose every
 * caller went away stops. The figures at scale (six parallel diffs of a 1M-entry backup: `stats`
 * latency and the service's RSS) are bench/diff-exhaustion.ts's.
 */
import { type Server, createServer } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createNodeHandler } from '../../src/http/fast-path.js';
import { inBatches } from '../../src/redis/batch.js';
import { createRedis } from '../../src/redis/connection.js';
import { accessTokenValue } from '../../src/redis/gateway-format.js';
import { createServices } from '../../src/services.js';
import { type TestStore, VIEWER, openStore } from '../helpers/store.js';
import { until } from '../helpers/wait.js';

async function seedTokens(s: TestStore, count: number, tag: string): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const keys = Array.from({ length: count }, (_, i) => s.keys.token(`${tag}-${i}`));
  await inBatches(s.redis, keys, async (group) => {
    const pipeline = s.redis.pipeline();
    for (const key of group)
      pipeline.set(key, accessTokenValue({ username: `u${key.length % 7}`, clientId: 'client_x', createdAt: now, expiresAt: now + 3600 }), 'EX', 3600);
    await pipeline.exec();
    return group;
  });
}

async function gql(s: TestStore, query: string, init: { signal?: AbortSignal; token?: string } = {}) {
  const response = await s.app.fetch('http://oauth-admin.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${init.token ?? VIEWER}` },
    body: JSON.stringify({ query }),
    ...(init.signal ? { signal: init.signal } : {}),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
}

const diffOf = (name: string, limit = 1) =>
  `{ backup(name: ${JSON.stringify(name)}) { diff(limit: ${limit}) { truncated categories { category onlyInBackup onlyInStore different same } entries { name fingerprint status } } } }`;

describe('Backup.diff cannot exhaust the service (issue 14, item 2)', () => {
  let s: TestStore;
  const names: string[] = [];
  beforeAll(async () => {
    s = await openStore();
    await seedTokens(s, 20_000, 'a');
    for (let i = 0; i < 3; i++) names.push((await s.services.backups.create({ role: 'admin', name: 'admin-token' })).name);
    // The store moves on: the diff has something to say.
    await seedTokens(s, 500, 'b');
  }, 120_000);
  afterAll(() => s.close());

  it('expensive fields count in the query cost: two diffs at most per query, never one per listed backup', async () => {
    const three = `{ ${names.map((n, i) => `d${i}: backup(name: ${JSON.stringify(n)}) { diff(limit: 1) { truncated } }`).join(' ')} }`;
    const refused = await gql(s, three);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const listed = await gql(s, '{ backups(first: 10) { edges { node { diff(limit: 1) { truncated } } } } }');
    expect(listed.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const one = await gql(s, diffOf(names[0]!));
    expect(one.body.errors).toBeUndefined();
    expect(one.body.data.backup.diff.categories.find((c: { category: string }) => c.category === 'tokens')).toMatchObject({ onlyInStore: 500, same: 20_000 });
  });

  it('parallel diffs of one backup share one computation, whatever their limits', async () => {
    const work = s.services.backups.work.diff;
    const before = work.started;
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => gql(s, diffOf(names[1]!, i + 1))));
    expect(work.started - before).toBe(1);
    for (const [i, answer] of answers.entries()) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.backup.diff.entries).toHaveLength(i + 1);
      expect(answer.body.data.backup.diff.truncated).toBe(true);
      expect(answer.body.data.backup.diff.categories).toEqual(answers[0]!.body.data.backup.diff.categories);
    }
  });

  it('a computation whose callers all went away stops; a new caller starts afresh', async () => {
    const work = s.services.backups.work.diff;
    const { started, cancelled } = work;
    const callers = Array.from({ length: 3 }, () => new AbortController());
    const pending = callers.map((c) => gql(s, diffOf(names[2]!), { signal: c.signal }).catch((error: unknown) => error));
    await until('the diff to start', async () => work.started > started);
    callers[0]!.abort();
    callers[1]!.abort();
    // One caller is left: it goes on.
    expect(work.cancelled).toBe(cancelled);
    callers[2]!.abort();
    await until('the computation to stop', async () => work.pending === 0, 3000);
    expect(work.cancelled).toBe(cancelled + 1);
    await Promise.all(pending);
    const again = await gql(s, diffOf(names[2]!));
    expect(again.body.errors).toBeUndefined();
    expect(work.started).toBe(started + 2);
  });

  it('a client that disconnects from the server stops its diff (the read fast path too)', async () => {
    const handler = createNodeHandler(s.app);
    const server: Server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const port = (server.address() as { port: number }).port;
      const work = s.services.backups.work.diff;
      const { started, cancelled } = work;
      const body = JSON.stringify({ query: diffOf(names[0]!) });
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => {});
      socket.write(
        `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer ${VIEWER}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      await until('the diff to start', async () => work.started > started);
      socket.destroy();
      await until('the computation to stop', async () => work.pending === 0, 3000);
      expect(work.cancelled).toBe(cancelled + 1);
      // Not run again by Yoga after the fast path gave up on it.
      await new Promise((r) => setTimeout(r, 300));
      expect(work.started).toBe(started + 1);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("runs on a connection made like the server's (nothing queued while it connects)", async () => {
    const redis = createRedis(inject('redisUrl'), { name: 'oauth-admin-test-server-like', maxRetriesPerRequest: 1, enableOfflineQueue: false });
    redis.on('error', () => {});
    try {
      await until('the connection', async () => redis.status === 'ready');
      const services = createServices(redis, { prefixes: s.keys.prefixes, lifetimes: { refreshTokenSeconds: 2592000 }, backup: { dir: s.backupDir } });
      const diff = await services.backups.diff(names[0]!, 5);
      expect(diff.categories.find((c) => c.category === 'tokens')).toMatchObject({ onlyInStore: 500, same: 20_000 });
    } finally {
      redis.disconnect();
    }
  });

  it('more different diffs than it runs and queues at once are refused with UNAVAILABLE, not piled up', async () => {
    const work = s.services.backups.work.diff;
    const extra: string[] = [];
    for (let i = 0; i < 4; i++) extra.push((await s.services.backups.create({ role: 'admin', name: 'admin-token' })).name);
    const answers = await Promise.all([...names, ...extra].map((n) => gql(s, diffOf(n))));
    const busy = answers.filter((a) => a.body.errors?.[0]?.extensions?.code === 'UNAVAILABLE');
    expect(busy.length).toBeGreaterThan(0);
    expect(busy[0]!.status).toBe(503);
    expect(busy[0]!.body.errors?.[0]?.message).toMatch(/busy/);
    expect(answers.filter((a) => a.body.errors === undefined).length).toBeGreaterThan(0);
    expect(work.pending).toBe(0);
  }, 120_000);
});
