import { randomBytes } from 'node:crypto';
import { sseResults } from '../../src/cli/sse.js';
import type { RedisClient } from '../../src/redis/connection.js';
import { fingerprint } from '../../src/redis/fingerprint.js';
import { accessTokenValue, clientValue, codeValue, refreshTokenValue, stateValue } from '../../src/redis/gateway-format.js';
import type { Keys } from '../../src/redis/keys.js';

export const GATEWAY_EVENTS_SUBSCRIPTION =
  'subscription Watch($filter: GatewayEventFilter) { gatewayEvents(filter: $filter) { kind at clientId username jti fingerprint expiresAt missed detail } }';

export interface SeenEvent {
  kind: string;
  at: string;
  clientId: string | null;
  username: string | null;
  jti: string | null;
  fingerprint: string | null;
  expiresAt: string | null;
  missed: number | null;
  detail: string | null;
}

export interface Watch {
  /** Every event so far (WATCHING first), as the subscriber received it. */
  events: SeenEvent[];
  /** The raw SSE text so far (for secret checks). */
  raw: string[];
  errors: unknown[];
  /** True once the stream ended (`complete`, or the body closed). */
  ended: boolean;
  /** Resolves once `predicate` holds for the events so far. */
  until(what: string, predicate: (events: SeenEvent[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Subscribes to gatewayEvents over SSE (`fetch` of the app or of a process) and reads it in the background. */
export async function watchGatewayEvents(fetcher: Fetch, url: string, token: string, filter: Record<string, unknown> | null = null): Promise<Watch> {
  const abort = new AbortController();
  const response = await fetcher(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: GATEWAY_EVENTS_SUBSCRIPTION, variables: { filter } }),
    signal: abort.signal,
  });
  const watch: Watch = {
    events: [],
    raw: [],
    errors: [],
    ended: false,
    async until(what, predicate, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(watch.events)) {
        if (Date.now() > deadline || watch.ended)
          throw new Error(
            `no ${what} (${watch.ended ? 'stream ended' : 'timed out'}); seen: ${JSON.stringify(watch.events.map((e) => e.kind))} errors: ${JSON.stringify(watch.errors)}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () => abort.abort(),
  };
  void (async () => {
    try {
      for await (const result of sseResults(response.body as unknown as AsyncIterable<Uint8Array>)) {
        watch.raw.push(JSON.stringify(result));
        if (result.errors) watch.errors.push(...result.errors);
        const event = (result.data as unknown as { gatewayEvents?: SeenEvent } | undefined)?.gatewayEvents;
        if (event) watch.events.push(event);
      }
    } catch (error) {
      if (!abort.signal.aborted) watch.errors.push(String(error));
    } finally {
      watch.ended = true;
    }
  })();
  await watch.until('WATCHING event', (events) => events.some((e) => e.kind === 'WATCHING'));
  return watch;
}

/** The events after WATCHING, as `kind owner` lines, for order assertions. */
export function summary(events: SeenEvent[], handle: (e: SeenEvent) => string | null = (e) => e.jti ?? e.fingerprint ?? e.clientId): string[] {
  return events.filter((e) => e.kind !== 'WATCHING').map((e) => `${e.kind} ${handle(e) ?? '-'} ${e.clientId ?? '-'} ${e.username ?? '-'}`);
}

// ------------------------------------------------------------------------------------ the gateway's writes

/** What the scenario wrote, by public handle, and the events a watcher must see (in `summary` form). */
export interface Scenario {
  clientId: string;
  username: string;
  /** The secrets the scenario made (refresh token, code): no event or log line may hold one. */
  secrets: string[];
  expected: string[];
  /** `expected`, grouped by the gateway request that wrote the keys. */
  requests: string[][];
}

/**
 * `lines` with each gateway request's events put in the scenario's order where they are the same
 * events in another order. On a cluster, the keys one request writes sit on different nodes, whose
 * notifications may arrive in either order (README, "gatewayEvents"); requests are 100 ms apart, so
 * their order holds. `key` maps a line to what `requests` holds (default: the line itself).
 */
export function inRequestOrder(lines: string[], requests: string[][], key: (line: string) => string = (l) => l): string[] {
  const out: string[] = [];
  let at = 0;
  for (const request of requests) {
    const part = lines.slice(at, at + request.length);
    const same = part.length === request.length && [...part.map(key)].sort().join('\n') === [...request].sort().join('\n');
    out.push(...(same ? [...part].sort((x, y) => request.indexOf(key(x)) - request.indexOf(key(y))) : part));
    at += request.length;
  }
  return [...out, ...lines.slice(at)];
}

export interface GatewayRedis {
  redis: RedisClient;
  keys: Keys;
}

/**
 * One client's life written as the gateway's auth service writes it (reference/gateway-data.md
 * §8, the exact bytes of src/redis/gateway-format.ts): register, authorize (a code), the code
 * grant (access token + user index, refresh token, code deleted), a refresh grant (a read, then a
 * new access token), a revocation, a token left to expire, the refresh token revoked, a PUT and
 * a DELETE of the registration. Each step is awaited, so the writes happen in this order. The
 * gateway's requests are apart in time (a browser redirect, a client's next call): `requestGapMs`
 * between them; the writes of one request follow each other at once.
 */
export async function gatewayScenario(g: GatewayRedis, tag: string, requestGapMs = 100): Promise<Scenario> {
  const nextRequest = () => new Promise((r) => setTimeout(r, requestGapMs));
  const rand = (n: number) => randomBytes(n).toString('base64url');
  const { redis, keys } = g;
  const now = Math.floor(Date.now() / 1000);
  const clientId = `client_${tag}_${rand(8)}`;
  const username = `user-${tag}`;
  const code = rand(32);
  const refresh = rand(32);
  const [j1, j2, j3] = [rand(16), rand(16), rand(16)];
  const token = (jti: string, viaRefresh = false) =>
    accessTokenValue({ username, clientId, createdAt: now, expiresAt: now + 86400, ...(viaRefresh ? { viaRefresh } : {}), sub: '4242' });
  await redis.set(keys.client(clientId), clientValue({ clientId, createdAt: now, clientName: `Watch ${tag}` }), 'EX', 7776000);
  await nextRequest();
  const state = rand(32);
  await redis.set(keys.state(state), stateValue({ clientId }), 'EX', 300); // /authorize; states make no event
  await nextRequest();
  await redis.set(keys.code(code), codeValue({ clientId, username, userId: '4242' }), 'EX', 31536000); // /callback
  await redis.del(keys.state(state));
  await nextRequest();
  await redis.set(keys.token(j1), token(j1), 'EX', 86400); // /token, authorization_code grant
  await redis.sadd(keys.userTokens(username), j1);
  await redis.set(keys.refresh(refresh), refreshTokenValue({ username, clientId, userId: '4242', createdAt: now }), 'EX', 2592000);
  await redis.del(keys.code(code));
  await nextRequest();
  await redis.get(keys.refresh(refresh)); // the refresh grant reads its refresh token: no event
  await redis.set(keys.token(j2), token(j2, true), 'EX', 86400);
  await redis.sadd(keys.userTokens(username), j2);
  await nextRequest();
  await redis.del(keys.token(j1)); // /revoke of the first access token
  await redis.srem(keys.userTokens(username), j1);
  await nextRequest();
  await redis.set(keys.token(j3), token(j3), 'PX', 150);
  await redis.sadd(keys.userTokens(username), j3);
  for (let i = 0; i < 200 && (await redis.exists(keys.token(j3))) === 1; i++) await new Promise((r) => setTimeout(r, 20));
  await nextRequest();
  await redis.del(keys.refresh(refresh)); // /revoke of the refresh token
  const updated = clientValue({ clientId, createdAt: now, clientName: `Watch ${tag}`, extra: { client_uri: 'https://example.com' } });
  await nextRequest();
  await redis.set(keys.client(clientId), updated, 'EX', 7776000); // RFC 7592 PUT
  await nextRequest();
  await redis.del(keys.client(clientId)); // RFC 7592 DELETE
  const fpCode = fingerprint(code);
  const fpRefresh = fingerprint(refresh);
  const c = clientId;
  const u = username;
  // The events of each of the gateway's requests above, in the order it wrote their keys.
  const requests = [
    [`CLIENT_REGISTERED ${c} ${c} -`],
    [`CODE_ISSUED ${fpCode} ${c} ${u}`],
    [`ACCESS_TOKEN_ISSUED ${j1} ${c} ${u}`, `REFRESH_TOKEN_ISSUED ${fpRefresh} ${c} ${u}`, `CODE_REDEEMED ${fpCode} ${c} ${u}`],
    [`ACCESS_TOKEN_ISSUED ${j2} ${c} ${u}`],
    [`ACCESS_TOKEN_REVOKED ${j1} ${c} ${u}`],
    [`ACCESS_TOKEN_ISSUED ${j3} ${c} ${u}`, `ACCESS_TOKEN_EXPIRED ${j3} ${c} ${u}`],
    [`REFRESH_TOKEN_DELETED ${fpRefresh} ${c} ${u}`],
    [`CLIENT_UPDATED ${c} ${c} -`],
    [`CLIENT_DELETED ${c} ${c} -`],
  ];
  return {
    clientId,
    username,
    secrets: [code, refresh],
    expected: requests.flat(),
    requests,
  };
}
