import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sseResults } from '../../src/cli/sse.js';
import { inBatches } from '../../src/redis/batch.js';
import { accessTokenValue } from '../../src/redis/gateway-format.js';
import { type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { type TestStore, openStore } from '../helpers/store.js';

const TOKEN = 'multi-process-admin-token-0123456789';

async function post(server: ServerProcess, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: { code?: string } }[] };
}

/** Every jobProgress event from one server, until the stream ends. */
async function follow(server: ServerProcess, id: string): Promise<{ status: string; counts: { accessTokens: number } }[]> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query: 'subscription($id: ID!) { jobProgress(id: $id) { status counts { accessTokens } } }', variables: { id } }),
  });
  const events: { status: string; counts: { accessTokens: number } }[] = [];
  for await (const result of sseResults(response.body as unknown as AsyncIterable<Uint8Array>)) {
    events.push((result.data as unknown as { jobProgress: (typeof events)[number] }).jobProgress);
  }
  return events;
}

describe('two service processes over one Redis', () => {
  let store: TestStore;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    store = await openStore();
    const now = Math.floor(Date.now() / 1000);
    const keys = Array.from({ length: 30_000 }, (_, i) => store.keys.token(`mp${i}`));
    await inBatches(store.redis, keys, async (group) => {
      const pipeline = store.redis.pipeline();
      for (const key of group) pipeline.set(key, accessTokenValue({ username: 'u', clientId: 'c', createdAt: now - 100, expiresAt: now - 10 }));
      await pipeline.exec();
      return group;
    });
    const env = {
      REDIS_URL: inject('redisUrl'),
      ADMIN_TOKEN: TOKEN,
      OAUTH_KEY_PREFIX: store.keys.prefixes.oauth,
      SESSION_KEY_PREFIX: store.keys.prefixes.session,
      ADMIN_KEY_PREFIX: store.keys.prefixes.admin,
      LOG_LEVEL: 'warn',
    };
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 60_000);

  afterAll(async () => {
    for (const s of [a, b]) s?.kill('SIGTERM');
    await Promise.all([a?.exited, b?.exited]);
    await store.close();
  });

  it('streams a purge started on one process to a subscriber on the other, and runs one purge at a time across both', async () => {
    const started = await post(a, 'mutation { purgeExpired(dryRun: false) { id status } }');
    const id = started.data?.purgeExpired.id as string;
    expect(id).toBeTruthy();
    const refused = await post(b, 'mutation { purgeExpired(dryRun: true) { id } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const events = await follow(b, id);
    expect(events.at(-1)).toEqual({ status: 'SUCCEEDED', counts: { accessTokens: 30_000 } });
    const seenByA = await post(a, 'query($id: ID!) { job(id: $id) { status } }', { id });
    expect(seenByA.data?.job.status).toBe('SUCCEEDED');
  });

  it('has exactly one process maintaining the derived indexes', async () => {
    const query = 'query { indexStatus { leader } }';
    let leaders = 0;
    for (let i = 0; i < 50; i++) {
      const [sa, sb] = await Promise.all([post(a, query), post(b, query)]);
      leaders = Number(sa.data?.indexStatus.leader) + Number(sb.data?.indexStatus.leader);
      if (leaders === 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(leaders).toBe(1);
  });

  it("keeps the indexes current from the gateway's writes, so either process answers from them", async () => {
    const query = 'query { indexStatus { leader notifications ready } stats { registrations } }';
    const ready = async () => {
      const [sa, sb] = await Promise.all([post(a, query), post(b, query)]);
      const leader = [sa, sb].find((r) => r.data?.indexStatus.leader);
      return leader?.data?.indexStatus.notifications === true && leader.data.indexStatus.ready === true;
    };
    for (let i = 0; i < 100 && !(await ready()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(await ready()).toBe(true);
    await store.writer.client({ clientId: 'client_mp', clientName: 'Written by the gateway', createdAt: Math.floor(Date.now() / 1000) });
    let seen = 0;
    for (let i = 0; i < 100 && seen !== 1; i++) {
      const [sa, sb] = await Promise.all([post(a, query), post(b, query)]);
      seen = Math.min(sa.data?.stats.registrations ?? 0, sb.data?.stats.registrations ?? 0);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toBe(1);
    expect(await store.services.indexes.store.isLive()).toBe(true);
  });
});
