import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { silentLogger } from '../../src/logger.js';
import { type ApiKeyWatcher, watchApiKeys } from '../../src/plugins/api-keys.js';
import { scanKeys } from '../../src/redis/batch.js';
import { just } from '../helpers/cli.js';
import { type ServerProcess, spawnServer } from '../helpers/server-process.js';
import { ADMIN, type TestStore, openStore } from '../helpers/store.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Body = { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };

async function post(url: string, token: string, query: string): Promise<{ status: number; body: Body }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

/** Runs a recipe with the key file; the key a create printed is stdout's only line. */
async function recipe(args: string[], file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return just(args, { PATH: process.env.PATH, API_KEYS_FILE: file, OAUTH_ADMIN_ENV_FILE: '/nonexistent/.env' });
}

/** Polls until `check` passes or `ms` has gone by; how long it took. */
async function within(ms: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await sleep(25);
  }
  return Date.now() - started;
}

const AUDIT = '{ auditLog(first: 50) { edges { node { action actor outcome } } } }';

describe('service keys against a running service', () => {
  let store: TestStore;
  let server: ServerProcess;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    store = await openStore();
    dir = await mkdtemp(join(tmpdir(), 'oauth-admin-keys-'));
    file = join(dir, 'keys.json');
    server = await spawnServer({
      REDIS_URL: inject('redisUrl'),
      ADMIN_TOKEN: ADMIN,
      API_KEYS_FILE: file,
      OAUTH_KEY_PREFIX: store.keys.prefixes.oauth,
      SESSION_KEY_PREFIX: store.keys.prefixes.session,
      ADMIN_KEY_PREFIX: store.keys.prefixes.admin,
      LOG_LEVEL: 'debug',
    });
  }, 60_000);

  afterAll(async () => {
    server?.kill('SIGTERM');
    await server?.exited;
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('a created key works at once, is named in the audit log and the request log, and stops working at once when revoked', async () => {
    const created = await recipe(['api-key-create', 'ci', 'admin'], file);
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^oak_[A-Za-z0-9_-]{43}$/);

    // No key in clear: the file holds its hash, and is private.
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(key);
    expect(text).not.toContain(key.slice(4));
    expect(JSON.parse(text)).toMatchObject({ version: 1, keys: [{ name: 'ci', role: 'admin', hash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) }] });
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    await within(2000, async () => (await post(server.url, key, '{ __typename }')).status === 200);
    const purge = await post(server.url, key, 'mutation { purgeExpired(dryRun: false) { id } }');
    expect(purge.body.errors).toBeUndefined();
    await within(10_000, async () => {
      const audit = await post(server.url, ADMIN, AUDIT);
      return (audit.body.data?.auditLog.edges as { node: { action: string; actor: string } }[]).some(
        (e) => e.node.action === 'purgeExpired' && e.node.actor === 'key:ci',
      );
    });
    await server.waitForLine((l) => l.msg === 'request' && l.principal === 'key:ci', 5000);

    const listed = await recipe(['api-key-list', '--json'], file);
    expect(JSON.parse(listed.stdout)).toEqual([{ name: 'ci', role: 'admin', createdAt: expect.any(String), principal: 'key:ci' }]);
    expect(listed.stdout).not.toContain('sha256');

    const revoked = await recipe(['api-key-revoke', 'ci'], file);
    expect(revoked.code, revoked.stderr).toBe(0);
    // The service polls the file every 500 ms: refused within a second of the recipe's end.
    const took = await within(1500, async () => (await post(server.url, key, '{ __typename }')).status === 401);
    expect(took).toBeLessThan(1500);
    expect(server.output()).not.toContain(key);
  }, 60_000);

  it('a viewer key reads but cannot run a mutation (FORBIDDEN, audited under its name)', async () => {
    const created = await recipe(['api-key-create', 'dashboard', 'viewer'], file);
    expect(created.code, created.stderr).toBe(0);
    const key = created.stdout.trim();
    await within(2000, async () => (await post(server.url, key, '{ __typename }')).status === 200);
    const refused = await post(server.url, key, 'mutation { purgeExpired(dryRun: false) { id } }');
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const audit = await post(server.url, ADMIN, AUDIT);
    expect(audit.body.data?.auditLog.edges).toContainEqual({ node: { action: 'purgeExpired', actor: 'key:dashboard', outcome: 'REFUSED' } });
  }, 30_000);

  it('keeps the last good keys when the file is corrupt, and says so without its content', async () => {
    const created = await recipe(['api-key-create', 'survivor', 'viewer'], file);
    const key = created.stdout.trim();
    await within(2000, async () => (await post(server.url, key, '{ __typename }')).status === 200);
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.slice(0, good.length - 20));
    await server.waitForLine((l) => l.msg === 'service key file not loaded: keeping the keys loaded before', 3000);
    expect((await post(server.url, key, '{ __typename }')).status).toBe(200);
    expect(server.output()).not.toMatch(/sha256:[0-9a-f]{64}/);
    // The recipes refuse to edit a file they cannot parse.
    const refused = await recipe(['api-key-revoke', 'survivor'], file);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not valid JSON/);
    await writeFile(file, good);
  }, 30_000);

  it('checks its arguments: a bad name or role is a usage error, a duplicate name a failure', async () => {
    expect((await recipe(['api-key-create', 'Bad Name', 'admin'], file)).code).toBe(2);
    expect((await recipe(['api-key-create', 'ok', 'root'], file)).code).toBe(2);
    expect((await recipe(['api-key-create', 'dashboard', 'admin'], file)).code).toBe(1);
    expect((await recipe(['api-key-revoke', 'nobody'], file)).code).toBe(1);
  }, 30_000);
});

describe('service keys and the rate limit', () => {
  let store: TestStore;
  let dir: string;
  let watcher: ApiKeyWatcher;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    store = await openStore();
    dir = await mkdtemp(join(tmpdir(), 'oauth-admin-keys-'));
    const file = join(dir, 'keys.json');
    for (const name of ['one', 'two']) keys[name] = (await recipe(['api-key-create', name, 'viewer'], file)).stdout.trim();
    watcher = watchApiKeys(file, silentLogger);
  }, 30_000);

  afterAll(async () => {
    watcher.stop();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts each key in its own bucket, named by the key name', async () => {
    const windowSeconds = 10;
    const app = createApp({
      services: store.services,
      auth: { adminToken: ADMIN, anonymousAdmin: false, keys: watcher },
      rateLimit: { perSecond: 1, anonymousPerSecond: 1, windowSeconds },
    });
    const intoWindow = Date.now() % (windowSeconds * 1000);
    if (intoWindow > windowSeconds * 1000 - 3000) await sleep(windowSeconds * 1000 - intoWindow + 20);
    const call = (token: string) =>
      app.fetch('http://oauth-admin.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
    const first = await Promise.all(Array.from({ length: 10 }, () => call(keys.one as string)));
    expect(first.map((r) => r.status)).toEqual(Array.from({ length: 10 }, () => 200));
    expect((await call(keys.one as string)).status).toBe(429);
    expect((await call(keys.two as string)).status).toBe(200);
    expect((await call(ADMIN)).status).toBe(200);
    const counters: string[] = [];
    for await (const batch of scanKeys(store.redis, `${store.keys.prefixes.admin}*ratelimit*`)) counters.push(...batch);
    const buckets = counters.map((k) => /ratelimit:token:(.*):\d+$/.exec(k)?.[1]).filter((b) => b !== undefined);
    expect(buckets.sort()).toEqual(['admin-token', 'key:one', 'key:two']);
    await app.dispose();
  }, 30_000);
});
