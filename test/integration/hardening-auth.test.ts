import * as crypto from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../src/app.js';
import { authenticate } from '../../src/plugins/auth.js';
import { graphql } from '../../src/generated/index.js';
import { scanKeys } from '../../src/redis/batch.js';
import { execute, expectData } from '../helpers/execute.js';
import { ADMIN, type TestStore, VIEWER, openStore } from '../helpers/store.js';

// Wrap timingSafeEqual so the test can see every comparison auth makes (and what it compares).
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const Audit = graphql(`
  query HardeningAudit {
    auditLog(first: 50) { edges { node { action actor outcome target error dryRun } } }
  }
`);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('bearer tokens', () => {
  beforeEach(() => {
    vi.mocked(crypto.timingSafeEqual).mockClear();
  });

  it('are compared in constant time: both tokens, fixed-length digests, whatever is presented', () => {
    const options = { adminToken: ADMIN, viewerToken: VIEWER, anonymousAdmin: false };
    const presented = ['x', ADMIN.slice(0, -1), `${ADMIN}x`, ADMIN.toUpperCase(), 'y'.repeat(10_000), VIEWER, ADMIN];
    for (const token of presented) {
      vi.mocked(crypto.timingSafeEqual).mockClear();
      authenticate(`Bearer ${token}`, options);
      const calls = vi.mocked(crypto.timingSafeEqual).mock.calls;
      // Two comparisons every time (admin and viewer), even once one has matched.
      expect(calls, token.slice(0, 20)).toHaveLength(2);
      for (const [a, b] of calls) {
        expect((a as Buffer).length).toBe(32);
        expect((b as Buffer).length).toBe(32);
      }
    }
  });

  it('match exactly: no prefix, suffix, case or whitespace variant passes', () => {
    const options = { adminToken: ADMIN, viewerToken: VIEWER, anonymousAdmin: false };
    expect(authenticate(`Bearer ${ADMIN}`, options)).toEqual({ role: 'admin', name: 'admin-token' });
    expect(authenticate(`bearer   ${VIEWER}  `, options)).toEqual({ role: 'viewer', name: 'viewer-token' });
    for (const header of [
      `Bearer ${ADMIN.slice(0, -1)}`,
      `Bearer ${ADMIN}x`,
      `Bearer ${ADMIN.toUpperCase()}`,
      `Bearer ${ADMIN} ${ADMIN}`,
      ADMIN,
      `Basic ${ADMIN}`,
      'Bearer',
      '',
      `Bearer ${ADMIN}\u0000`,
    ]) {
      expect(authenticate(header, options), JSON.stringify(header)).toBeNull();
    }
  });
});

describe('failed authentication', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore();
  });
  afterAll(() => store.close());

  it('is refused with 401 and audited without the presented value', async () => {
    const wrong = 'wrong-token-that-must-not-be-stored-0123';
    const attempts: Record<string, string>[] = [
      { authorization: `Bearer ${wrong}` },
      {},
      { authorization: `Basic ${Buffer.from(`admin:${wrong}`).toString('base64')}` },
    ];
    for (const headers of attempts) {
      const response = await store.app.fetch('http://oauth-admin.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ stats { registrations } }' }),
      });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="oauth-admin"');
      expect(await response.text()).not.toContain(wrong);
    }
    const entries = expectData(await execute(store, Audit))
      .auditLog.edges.map((e) => e.node)
      .filter((n) => n.action === 'authenticate');
    expect(entries).toHaveLength(3);
    for (const entry of entries) expect(entry).toMatchObject({ actor: 'anonymous', outcome: 'REFUSED', dryRun: false, target: 'in-process' });
    expect(entries.map((e) => e.error).sort()).toEqual([
      'Authorization header is not "Bearer <token>"',
      'bearer token not recognised',
      'no Authorization header',
    ]);
    const raw = JSON.stringify(await store.redis.xrange(store.keys.admin('audit'), '-', '+'));
    expect(raw).not.toContain(wrong);
    expect(raw).not.toContain(Buffer.from(`admin:${wrong}`).toString('base64'));
  });
});

describe('rate limit', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore();
  });
  afterAll(() => store.close());

  const call = (app: ReturnType<typeof createApp>, token: string | null) =>
    app.fetch('http://oauth-admin.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

  it('answers 429 with Retry-After past the per-token limit; other tokens and anonymous callers have their own, smaller, buckets', async () => {
    const windowSeconds = 10;
    const app = createApp({
      services: store.services,
      auth: { adminToken: ADMIN, viewerToken: VIEWER, anonymousAdmin: false },
      rateLimit: { perSecond: 2, anonymousPerSecond: 1, windowSeconds },
    });
    // Fixed windows: start well inside one so the whole burst lands in it.
    const intoWindow = Date.now() % (windowSeconds * 1000);
    if (intoWindow > windowSeconds * 1000 - 3000) await sleep(windowSeconds * 1000 - intoWindow + 20);

    const admin = await Promise.all(Array.from({ length: 20 }, () => call(app, ADMIN)));
    expect(admin.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 200));
    const limited = await call(app, ADMIN);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
    const body = (await limited.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(body.errors[0]?.message).toMatch(/^too many requests: at most 20 per 10 s for this token; retry after \d+ s$/);

    expect((await call(app, VIEWER)).status).toBe(200);

    // Without a valid token: 10 per window per address (401s count), then 429 before auth is even tried.
    const anonymous = await Promise.all(Array.from({ length: 10 }, (_, i) => call(app, i % 2 ? null : 'not-a-token-0123456789')));
    expect(anonymous.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 401));
    const anonLimited = await call(app, null);
    expect(anonLimited.status).toBe(429);
    expect(anonLimited.headers.get('retry-after')).toMatch(/^\d+$/);

    // The counters live in Redis under the admin prefix, named without any secret, and expire.
    const keys: string[] = [];
    for await (const batch of scanKeys(store.redis, `${store.keys.prefixes.admin}*ratelimit*`)) keys.push(...batch);
    expect(keys.length).toBeGreaterThanOrEqual(3);
    for (const key of keys) {
      expect(key).toMatch(/ratelimit:(token:(admin|viewer)-token|anon:in-process):\d+$/);
      expect(key).not.toContain(ADMIN);
      expect(await store.redis.pttl(key)).toBeGreaterThan(0);
    }
  });

  it('defaults are generous for scripts and far smaller without a token', async () => {
    const { parseConfig } = await import('../../src/config.js');
    const config = parseConfig({});
    expect(config.RATE_LIMIT_PER_SECOND).toBeGreaterThanOrEqual(200);
    expect(config.RATE_LIMIT_ANONYMOUS_PER_SECOND).toBeLessThanOrEqual(config.RATE_LIMIT_PER_SECOND / 100);
    expect(parseConfig({ RATE_LIMIT_PER_SECOND: '0' }).RATE_LIMIT_PER_SECOND).toBe(0);
  });
});
