import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessTokenValue } from '../../src/redis/gateway-format.js';
import { Cluster } from 'ioredis';
import { type Watch, gatewayScenario, inRequestOrder, summary, watchGatewayEvents } from '../helpers/gateway-events.js';
import { type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { type TestStore, openStore } from '../helpers/store.js';

const ADMIN_TOKEN = 'gateway-events-admin-token-0123456789';
const VIEWER_TOKEN = 'gateway-events-viewer-token-0123456789';

describe('gatewayEvents across service processes', () => {
  let store: TestStore;
  let a: ServerProcess;
  let b: ServerProcess;
  const watches: Watch[] = [];

  beforeAll(async () => {
    store = await openStore();
    const env = {
      REDIS_URL: inject('redisUrl'),
      ADMIN_TOKEN,
      VIEWER_TOKEN,
      OAUTH_KEY_PREFIX: store.keys.prefixes.oauth,
      SESSION_KEY_PREFIX: store.keys.prefixes.session,
      ADMIN_KEY_PREFIX: store.keys.prefixes.admin,
      LOG_LEVEL: 'debug',
    };
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 60_000);

  afterAll(async () => {
    for (const w of watches) w.close();
    for (const s of [a, b]) s?.kill('SIGTERM');
    await Promise.all([a?.exited, b?.exited]);
    await store.close();
  });

  const watch = async (server: ServerProcess, filter: Record<string, unknown> | null = null) => {
    const w = await watchGatewayEvents(fetch, server.url, VIEWER_TOKEN, filter);
    watches.push(w);
    return w;
  };

  it("streams the gateway's writes, in order, to subscribers of each process, and a deletion made through another process", async () => {
    const onA = await watch(a);
    const onB = await watch(b);
    const scenario = await gatewayScenario(store, 'procs');
    for (const w of [onA, onB]) await w.until('every event', (events) => summary(events).length >= scenario.expected.length);
    // On a cluster, one request's keys (on different nodes) may notify in either order.
    const inOrder = (lines: string[]) => (store.redis instanceof Cluster ? inRequestOrder(lines, scenario.requests) : lines);
    expect(inOrder(summary(onB.events))).toEqual(scenario.expected);
    expect(inOrder(summary(onA.events))).toEqual(scenario.expected);

    // An admin deletion on process A is a revocation seen on process B.
    const now = Math.floor(Date.now() / 1000);
    await store.redis.set(
      store.keys.token('viaA'),
      accessTokenValue({ clientId: 'client_x', username: 'xu', createdAt: now, expiresAt: now + 600 }),
      'EX',
      600,
    );
    await onB.until('the issue', (events) => events.some((e) => e.jti === 'viaA'));
    const response = await fetch(a.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ query: 'mutation { deleteToken(jti: "viaA") { executed } }' }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    await onB.until('the revocation', (events) => events.some((e) => e.jti === 'viaA' && e.kind === 'ACCESS_TOKEN_REVOKED'));
    expect(onB.events.find((e) => e.jti === 'viaA' && e.kind === 'ACCESS_TOKEN_REVOKED')).toMatchObject({ clientId: 'client_x', username: 'xu' });
  });

  it('filters on the serving process, and no log line of either process holds a refresh token or code', async () => {
    const mine = await watch(b, { username: 'user-filtered', kinds: ['REFRESH_TOKEN_ISSUED', 'CODE_REDEEMED'] });
    const other = await gatewayScenario(store, 'other');
    const scenario = await gatewayScenario(store, 'filtered');
    await mine.until('two events', (events) => summary(events).length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    const kinds = summary(mine.events).map((line) => line.split(' ')[0] as string);
    const oneRequest = [['REFRESH_TOKEN_ISSUED', 'CODE_REDEEMED']];
    expect(store.redis instanceof Cluster ? inRequestOrder(kinds, oneRequest) : kinds).toEqual(oneRequest[0]);
    const logs = a.output() + b.output();
    expect(logs.length).toBeGreaterThan(0);
    for (const secret of [...other.secrets, ...scenario.secrets]) {
      expect(logs).not.toContain(secret);
      expect(mine.raw.join('\n')).not.toContain(secret);
    }
  });

  it('ends open streams cleanly on SIGTERM, and the process exits 0', async () => {
    const onB = await watch(b);
    const started = Date.now();
    b.kill('SIGTERM');
    const exit = await b.exited;
    await onB.until('the end of the stream', () => onB.ended, 5000).catch(() => {});
    expect(onB.ended).toBe(true);
    expect(onB.errors).toEqual([]);
    expect(exit.code).toBe(0);
    expect(exit.atMs - started).toBeLessThan(5000);
  });
});
