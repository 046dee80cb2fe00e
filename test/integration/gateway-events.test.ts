import { describe, expect, it } from 'vitest';
import { sseResults } from '../../src/cli/sse.js';
import { createApp } from '../../src/app.js';
import { createRedis } from '../../src/redis/connection.js';
import { createServices } from '../../src/services.js';
import { startRedisServer } from '../helpers/redis-server.js';
import { addLogTap } from '../../src/logger.js';
import { accessTokenValue } from '../../src/redis/gateway-format.js';
import type { GatewayEvent } from '../../src/gateway-events/event.js';
import { GATEWAY_EVENTS_SUBSCRIPTION, type SeenEvent, gatewayScenario, summary, watchGatewayEvents } from '../helpers/gateway-events.js';
import { ADMIN, type TestStore, VIEWER, followIndexes, storesClosedAfterEach } from '../helpers/store.js';
import { until } from '../helpers/wait.js';

const URL = 'http://oauth-admin.test/graphql';
const open = storesClosedAfterEach();
const appFetch = (store: TestStore) => async (url: string, init: RequestInit) => store.app.fetch(url, init);

describe('gatewayEvents (one process)', () => {
  it("reports a client's life in the gateway's order, each event naming its client and user", async () => {
    const store = await open();
    const watch = await watchGatewayEvents(appFetch(store), URL, VIEWER);
    expect(watch.events[0]?.detail).toMatch(/following the keyspace notifications of \d+ Redis node/);
    const scenario = await gatewayScenario(store, 'one');
    await watch.until('every event', (events) => summary(events).length >= scenario.expected.length);
    expect(summary(watch.events)).toEqual(scenario.expected);
    const issued = watch.events.find((e) => e.kind === 'ACCESS_TOKEN_ISSUED');
    expect(issued?.expiresAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    watch.close();
  });

  it('filters by client, by user and by kind; events of others never reach a filtered subscriber', async () => {
    const store = await open();
    const byClient = await watchGatewayEvents(appFetch(store), URL, VIEWER, { clientId: 'client_a' });
    const byUser = await watchGatewayEvents(appFetch(store), URL, VIEWER, { username: 'bob' });
    const byKind = await watchGatewayEvents(appFetch(store), URL, ADMIN, { kinds: ['ACCESS_TOKEN_REVOKED'] });
    const everything = await watchGatewayEvents(appFetch(store), URL, VIEWER);
    const now = Math.floor(Date.now() / 1000);
    const tokens = [
      ['ja', 'client_a', 'alice'],
      ['jb', 'client_b', 'bob'],
      ['jab', 'client_a', 'bob'],
    ] as const;
    for (const [jti, clientId, username] of tokens) await store.writer.accessToken(jti, { clientId, username, createdAt: now, expiresAt: now + 60 });
    for (const [jti] of tokens) await store.redis.del(store.keys.token(jti));
    await everything.until('all six events', (events) => summary(events).length >= 6);
    await byKind.until('the three revocations', (events) => summary(events).length >= 3);
    await byClient.until("client_a's four", (events) => summary(events).length >= 4);
    await byUser.until("bob's four", (events) => summary(events).length >= 4);
    const kindAndJti = (events: typeof everything.events) => events.filter((e) => e.kind !== 'WATCHING').map((e) => `${e.kind} ${e.jti}`);
    expect(kindAndJti(byClient.events)).toEqual(['ACCESS_TOKEN_ISSUED ja', 'ACCESS_TOKEN_ISSUED jab', 'ACCESS_TOKEN_REVOKED ja', 'ACCESS_TOKEN_REVOKED jab']);
    expect(kindAndJti(byUser.events)).toEqual(['ACCESS_TOKEN_ISSUED jb', 'ACCESS_TOKEN_ISSUED jab', 'ACCESS_TOKEN_REVOKED jb', 'ACCESS_TOKEN_REVOKED jab']);
    expect(kindAndJti(byKind.events)).toEqual(['ACCESS_TOKEN_REVOKED ja', 'ACCESS_TOKEN_REVOKED jb', 'ACCESS_TOKEN_REVOKED jab']);
    // Nothing else arrives late.
    await new Promise((r) => setTimeout(r, 200));
    expect(summary(byClient.events)).toHaveLength(4);
    expect(summary(byKind.events)).toHaveLength(3);
    for (const w of [byClient, byUser, byKind, everything]) w.close();
  });

  it('never carries a refresh token or code value: not in an event, not in a log line', async () => {
    const store = await open();
    const lines: string[] = [];
    const untap = addLogTap((line) => lines.push(line));
    try {
      const watch = await watchGatewayEvents(appFetch(store), URL, VIEWER);
      const scenario = await gatewayScenario(store, 'secret');
      await watch.until('every event', (events) => summary(events).length >= scenario.expected.length);
      const everything = [...watch.raw, ...lines].join('\n');
      for (const secret of scenario.secrets) expect(everything).not.toContain(secret);
      // They are named by fingerprint instead.
      expect(watch.events.filter((e) => e.fingerprint !== null).length).toBe(4);
      watch.close();
    } finally {
      untap();
    }
  });

  it('tells a subscriber that reads too slowly how many events it missed, in their place, and goes on', async () => {
    const store = await open({ gatewayEvents: { bufferSize: 5 } });
    const feed = store.services.gatewayEvents;
    const slow = feed.subscribe({});
    const fast = feed.subscribe({});
    const fastSeen: GatewayEvent[] = [];
    const reading = (async () => {
      for await (const e of fast) {
        fastSeen.push(e);
        if (fastSeen.length === 1 + 20 + 1) break;
      }
    })();
    expect((await slow.next()).value?.kind).toBe('WATCHING');
    const now = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 20; i++)
      await store.redis.set(store.keys.token(`lag${i}`), accessTokenValue({ clientId: 'c', username: 'u', createdAt: now, expiresAt: now + 60 }), 'EX', 60);
    while (fastSeen.length < 21) await new Promise((r) => setTimeout(r, 20));
    const got: GatewayEvent[] = [];
    for (let i = 0; i < 6; i++) got.push((await slow.next()).value as GatewayEvent);
    expect(got.slice(0, 5).map((e) => e.jti)).toEqual(['lag0', 'lag1', 'lag2', 'lag3', 'lag4']);
    expect(got[5]).toMatchObject({ kind: 'LAGGED', missed: 15 });
    // The stream goes on after the gap.
    await store.redis.del(store.keys.token('lag19'));
    expect((await slow.next()).value).toMatchObject({ kind: 'ACCESS_TOKEN_REVOKED', jti: 'lag19', username: 'u' });
    await reading;
    await slow.return(undefined);
    expect(feed.subscriberCount).toBe(0);
  });

  it('ends every stream cleanly when the feed closes, and leaves no connection behind once the last subscriber goes', async () => {
    const store = await open();
    const feed = store.services.gatewayEvents;
    const watch = await watchGatewayEvents(appFetch(store), URL, VIEWER);
    const connections = [...feed.connections];
    expect(connections.length).toBeGreaterThan(0);
    await feed.close();
    await watch.until('the end', () => watch.ended, 5000).catch(() => {});
    expect(watch.ended).toBe(true);
    expect(watch.errors).toEqual([]);
    expect(feed.connections).toHaveLength(0);
    expect(connections.map((c) => c.status)).toEqual(connections.map(() => 'end'));
    // A later subscriber starts it again; leaving stops it again.
    const again = feed.subscribe({});
    expect((await again.next()).value?.kind).toBe('WATCHING');
    expect(feed.connections.length).toBe(connections.length);
    await again.return(undefined);
    expect(feed.connections).toHaveLength(0);
  });

  it('tells an SSE client that stops reading how many events it missed, counting every one', async () => {
    const store = await open({ gatewayEvents: { bufferSize: 5 } });
    const response = await appFetch(store)(URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${VIEWER}` },
      body: JSON.stringify({ query: GATEWAY_EVENTS_SUBSCRIPTION }),
    });
    const results = sseResults(response.body as unknown as AsyncIterable<Uint8Array>);
    const seen: SeenEvent[] = [];
    const take = async () => {
      const next = await results.next();
      if (next.done) throw new Error('the stream ended');
      seen.push((next.value.data as unknown as { gatewayEvents: SeenEvent }).gatewayEvents);
    };
    await take();
    expect(seen[0]?.kind).toBe('WATCHING');
    // The client reads nothing while the gateway writes 200 tokens: the response's own buffer fills, then ours.
    const now = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 200; i++) {
      await store.redis.set(store.keys.token(`sse${i}`), accessTokenValue({ clientId: 'c', username: 'u', createdAt: now, expiresAt: now + 60 }), 'EX', 60);
    }
    await new Promise((r) => setTimeout(r, 500));
    const count = () => seen.filter((e) => e.kind === 'ACCESS_TOKEN_ISSUED').length + seen.reduce((n, e) => n + (e.kind === 'LAGGED' ? (e.missed ?? 0) : 0), 0);
    while (count() < 200) await take();
    expect(count()).toBe(200);
    // One gap, or a few when the response's own buffers took some events in between.
    const lagged = seen.filter((e) => e.kind === 'LAGGED');
    expect(lagged.length).toBeGreaterThan(0);
    for (const gap of lagged) {
      expect(gap.missed).toBeGreaterThan(0);
      expect(gap.detail).toContain('read too slowly');
    }
    // What it got is in order, the gap where the missed ones were.
    const jtis = seen.filter((e) => e.jti !== null).map((e) => Number(e.jti?.slice(3)));
    expect(jtis).toEqual([...jtis].sort((x, y) => x - y));
    await results.return(false);
  });

  it('fails with UNAVAILABLE when the server sends no keyspace notifications and the service may not turn them on', async () => {
    // A server of its own: the suite's Redis is shared by every test file, which need notifications.
    const server = await startRedisServer(['--notify-keyspace-events', '']);
    const redis = createRedis(server.url, { name: 'oauth-admin-test' });
    const services = createServices(redis, {
      prefixes: { oauth: 'oauth:', session: 'redis:session:', admin: 'oauth-admin:' },
      lifetimes: { refreshTokenSeconds: 2592000 },
      indexing: { configureNotifications: false },
    });
    const app = createApp({ services, auth: { adminToken: ADMIN, viewerToken: VIEWER, anonymousAdmin: false } });
    try {
      const response = await app.fetch(URL, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${VIEWER}` },
        body: JSON.stringify({ query: GATEWAY_EVENTS_SUBSCRIPTION }),
      });
      const results: unknown[] = [];
      for await (const result of sseResults(response.body as unknown as AsyncIterable<Uint8Array>)) results.push(result);
      expect(results).toHaveLength(1);
      expect(JSON.stringify(results[0])).toContain('UNAVAILABLE');
      expect(JSON.stringify(results[0])).toContain('notify-keyspace-events');
      expect(services.gatewayEvents.subscriberCount).toBe(0);
      expect(services.gatewayEvents.connections).toHaveLength(0);
      expect(String(((await redis.config('GET', 'notify-keyspace-events')) as string[])[1])).toBe('');
    } finally {
      await services.gatewayEvents.close();
      redis.disconnect();
      await server.stop();
    }
  });

  it('says LAGGED (count unknown) when its notification connection was cut, and goes on after it is back', async () => {
    const store = await open();
    const watch = await watchGatewayEvents(appFetch(store), URL, VIEWER);
    // A network cut on this process's own connections (the suite's Redis serves other files too).
    for (const connection of store.services.gatewayEvents.connections) connection.stream.destroy();
    await watch.until('LAGGED', (events) => events.some((e) => e.kind === 'LAGGED'));
    expect(watch.events.find((e) => e.kind === 'LAGGED')).toMatchObject({ missed: null, detail: expect.stringContaining('connection to Redis was lost') });
    // Subscribed again: later writes are reported.
    const now = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 100 && !watch.events.some((e) => e.kind === 'ACCESS_TOKEN_ISSUED'); i++) {
      await store.writer.accessToken(`after${i}`, { clientId: 'c', username: 'u', createdAt: now, expiresAt: now + 60 });
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(watch.events.some((e) => e.kind === 'ACCESS_TOKEN_ISSUED')).toBe(true);
    watch.close();
  });

  it('names the removal of a record written before it watched from the derived indexes (tokens, refresh tokens)', async () => {
    const store = await open();
    await followIndexes(store);
    const now = Math.floor(Date.now() / 1000);
    await store.writer.accessToken('early', { clientId: 'client_early', username: 'eve', createdAt: now, expiresAt: now + 600 });
    await store.writer.accessToken('gone-soon', { clientId: 'client_early', username: 'eve', createdAt: now, expiresAt: now + 1 }, null);
    await store.writer.refreshToken('early-refresh-token-value-0123456789abcdef', { clientId: 'client_early', username: 'eve', createdAt: now });
    // The indexes hold them (a read through the gate proves it).
    await until(
      'the indexes to hold them',
      async () => (await store.services.indexes.fresh()) && (await store.services.indexes.store.tokenOwners(['early']))[0] === 'eve',
    );
    const watch = await watchGatewayEvents(appFetch(store), URL, VIEWER, { username: 'eve' });
    await store.redis.del(store.keys.token('early'));
    await store.redis.del(store.keys.refresh('early-refresh-token-value-0123456789abcdef'));
    await new Promise((r) => setTimeout(r, 1100)); // past the second token's expiry (it has no TTL: a purge deletes it)
    await store.redis.del(store.keys.token('gone-soon'));
    await watch.until('three events', (events) => summary(events).length >= 3);
    expect(summary(watch.events).map((l) => l.split(' ').slice(0, 1).concat(l.split(' ').slice(2)).join(' '))).toEqual([
      'ACCESS_TOKEN_REVOKED client_early eve',
      'REFRESH_TOKEN_DELETED - eve',
      'ACCESS_TOKEN_EXPIRED client_early eve',
    ]);
    watch.close();
  });
});
