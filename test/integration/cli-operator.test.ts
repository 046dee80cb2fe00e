import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateRsaKeyB64, readEnvFile } from '../../src/cli/flows/index.js';
import { cli, just, storeEnv } from '../helpers/cli.js';
import { seedScenario } from '../helpers/scenario.js';
import { ADMIN, VIEWER, type TestStore, openStore } from '../helpers/store.js';
import { startGatewayStandIn } from '../unit/token-tooling/stand-ins.js';

function operatorEnv(store: TestStore, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return storeEnv(store, { BACKUP_DIR: store.backupDir, OAUTH_ADMIN_ENV_FILE: '/nonexistent/.env', ...extra });
}

describe('the CLI as an operator meets it', () => {
  let store: TestStore;
  let server: Server;
  let adminUrl: string;
  /** What the service answers before it hands a request to the app (429 tests). */
  let inFront: ((res: import('node:http').ServerResponse) => boolean) | null = null;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (inFront?.(res)) return;
      void store.app.handle(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const address = server.address();
    adminUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(async () => {
    store = await openStore();
    await seedScenario(store);
    inFront = null;
  });
  afterEach(() => store.close());

  it('exit codes through just: 1 failure, 2 usage, 3 not confirmed, each with one line and no line from just', async () => {
    const env = operatorEnv(store);
    const [missing, usage, unconfirmed, ok] = await Promise.all([
      just(['oauth-delete-registration', 'client_nope'], env),
      just(['oauth-stats', '--bogus'], env),
      just(['oauth-delete-all-tokens'], env),
      just(['oauth-stats', '--json'], env),
    ]);
    expect(missing).toMatchObject({ code: 1, stderr: 'error: client "client_nope" does not exist\n' });
    expect(usage).toMatchObject({ code: 2, stderr: 'error: stats: unknown option --bogus; see --help (an argument that starts with "-" goes after --)\n' });
    expect(unconfirmed.code).toBe(3);
    expect(unconfirmed.stderr).toMatch(/^error: refusing without confirmation in a non-interactive shell: set OAUTH_ADMIN_CONFIRM=yes[^\n]*\n$/);
    expect(unconfirmed.stdout).toContain('Plan: Delete ALL access tokens');
    expect(await store.redis.exists(store.keys.token('a1'))).toBe(1);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ registrations: 4 });
  }, 120_000);

  it('a complete delete of an unregistered client id removes its orphans and says so', async () => {
    const env = operatorEnv(store);
    expect((await cli(['delete-registration', 'client_A'], env)).code).toBe(0);
    const orphans = await cli(['delete-client-complete', 'client_A'], env);
    expect(orphans.code).toBe(0);
    expect(orphans.out).toContain('client client_A was not registered; deleted the data left behind under its id (orphans)');
    expect(orphans.out).toMatch(/access tokens:\s+2/);
    for (const key of [
      store.keys.token('a1'),
      store.keys.token('a2'),
      store.keys.refresh('refresh_A'),
      store.keys.code('code_A'),
      store.keys.state('state_A'),
    ]) {
      expect(await store.redis.exists(key), key).toBe(0);
    }
    expect(await store.redis.exists(store.keys.token('b1'))).toBe(1);
    const again = await cli(['delete-client-complete', 'client_A'], env);
    expect(again).toMatchObject({ code: 1, err: 'error: client "client_A" does not exist and nothing is stored under its id' });
    // The gateway's own orphan (a token of a client that never existed here) goes the same way.
    expect((await cli(['delete-client-complete', 'client_gone'], env)).code).toBe(0);
    expect(await store.redis.exists(store.keys.token('o1'))).toBe(0);
  });

  it('the viewer token runs the dry runs (purge, test cleanup, restore, revoke) and nothing else', async () => {
    await store.services.backups.create({ role: 'admin', name: 'test' });
    const viewer = operatorEnv(store, { ADMIN_URL: adminUrl, ADMIN_TOKEN: VIEWER });
    const before = await store.snapshot();
    for (const args of [
      ['purge-expired', '--dry-run'],
      ['test-cleanup-show'],
      ['test-cleanup', '--dry-run'],
      ['restore', '--dry-run'],
      ['revoke-user', 'alice', '--dry-run'],
    ]) {
      const result = await cli(args, viewer);
      expect({ args, code: result.code, err: result.err }).toEqual({ args, code: 0, err: '' });
    }
    const data = (m: Map<string, string>) => [...m].filter(([k]) => !k.startsWith(store.keys.prefixes.admin)).sort(([a], [b]) => (a < b ? -1 : 1));
    expect(data(await store.snapshot())).toEqual(data(before));
    for (const args of [['purge-expired'], ['test-cleanup'], ['revoke-user', 'alice'], ['delete-token', 'a1']]) {
      const result = await cli(args, viewer);
      expect({ args, code: result.code }).toEqual({ args, code: 1 });
      expect(result.err, args.join(' ')).toMatch(/^error: this operation needs the admin/);
    }
    expect(await store.redis.exists(store.keys.token('a2'))).toBe(1);
  });

  it('backup-list and backup-view work without Redis; an unreadable backup file exits 1', async () => {
    await store.services.backups.create({ role: 'admin', name: 'test' });
    const noRedis = operatorEnv(store, { REDIS_URL: 'redis://127.0.0.1:1' });
    const list = await cli(['backup-list'], noRedis);
    expect({ code: list.code, err: list.err }).toEqual({ code: 0, err: '' });
    expect(list.out).toMatch(/oauth-backup-\d{8}-\d{6}\.json/);
    const view = await cli(['backup-view'], noRedis);
    expect({ code: view.code, err: view.err }).toEqual({ code: 0, err: '' });
    expect(view.out).toContain('Registrations (4)');
    const good = readFileSync(join(store.backupDir, /(oauth-backup-\S+\.json)/.exec(list.out)?.[1] as string));
    const bad = { garbage: Buffer.from('this is not a backup'), empty: Buffer.alloc(0), truncated: good.subarray(0, Math.floor(good.length / 2)) };
    for (const [what, bytes] of Object.entries(bad)) {
      const name = `oauth-backup-20200101-00000${Object.keys(bad).indexOf(what)}.json`;
      writeFileSync(join(store.backupDir, name), bytes);
      const result = await cli(['backup-view-file', name], noRedis);
      expect({ what, code: result.code }).toEqual({ what, code: 1 });
      expect(result.err, what).toMatch(new RegExp(`^error: backup ${name} cannot be used: `));
      expect(result.err.split('\n'), what).toHaveLength(1);
    }
    // Commands that need Redis still say so in one line.
    expect(await cli(['stats'], noRedis)).toMatchObject({ code: 1, err: expect.stringMatching(/^error: Redis at redis:\/\/127\.0\.0\.1:1 is not reachable/) });
  });

  it('waits and retries when the service says 429 with Retry-After, and gives up after a bounded wait', async () => {
    const env = operatorEnv(store, { ADMIN_URL: adminUrl, ADMIN_TOKEN: ADMIN });
    let refusals = 2;
    const seen: number[] = [];
    inFront = (res) => {
      seen.push(Date.now());
      if (refusals <= 0) return false;
      refusals -= 1;
      res
        .writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' })
        .end('{"errors":[{"message":"too many requests","extensions":{"code":"RATE_LIMITED"}}]}');
      return true;
    };
    const started = Date.now();
    const result = await cli(['stats', '--json'], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({ registrations: 4 });
    expect(seen).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1900);
    inFront = (res) => {
      res.writeHead(429, { 'retry-after': '3600', 'content-type': 'application/json' }).end('{}');
      return true;
    };
    const refused = await cli(['stats'], env);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error: .* is rate-limiting this token \(429, retry after 3600 s\); gave up after 1 attempt/);
  }, 30_000);
});

describe('the token recipes against a stand-in gateway', () => {
  let dir: string;
  let envFile: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'oauth-admin-operator-'));
    envFile = join(dir, '.env');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('mcp-client-token prints one hint; BASE_DOMAIN unset means its default; refresh-tokens is content with nothing configured', async () => {
    const privateKeyB64 = await generateRsaKeyB64();
    const gateway = await startGatewayStandIn({ privateKeyB64, baseDomain: 'example.com' });
    try {
      writeFileSync(envFile, '');
      const env = { PATH: process.env.PATH, OAUTH_ADMIN_ENV_FILE: envFile, GATEWAY_AUTH_URL: gateway.url };
      const started = await cli(['mcp-client-token'], env);
      expect({ code: started.code, err: started.err }).toEqual({ code: 0, err: '' });
      expect(started.out.match(/Then run/g)).toHaveLength(1);
      const refresh = await cli(['refresh-tokens'], env);
      expect(refresh).toMatchObject({ code: 0, err: '' });
      expect(refresh.out).toContain('GATEWAY_OAUTH_ACCESS_TOKEN: not configured');
      // Without GATEWAY_AUTH_URL the default BASE_DOMAIN names the gateway (nothing answers there).
      const defaulted = await cli(['mcp-client-token-complete', 'some-code'], { PATH: process.env.PATH, OAUTH_ADMIN_ENV_FILE: envFile });
      expect(defaulted.code).toBe(1);
      expect(defaulted.err).not.toContain('BASE_DOMAIN is not set');
      expect(defaulted.err).toContain('https://auth.localhost/token');
    } finally {
      await gateway.close();
    }
  }, 30_000);

  it('validate-tokens --online asks /verify about both tokens and reports a refusal with its HTTP status', async () => {
    const privateKeyB64 = await generateRsaKeyB64();
    const gateway = await startGatewayStandIn({ privateKeyB64, baseDomain: 'example.com' });
    const store = await openStore();
    try {
      writeFileSync(envFile, '');
      const base = { PATH: process.env.PATH, OAUTH_ADMIN_ENV_FILE: envFile, GATEWAY_AUTH_URL: gateway.url };
      const started = await cli(['mcp-client-token'], base);
      const url = /^(http\S+\/authorize\S+)$/m.exec(started.out)?.[1] as string;
      expect((await cli(['mcp-client-token-complete', gateway.approve(url)], base)).code).toBe(0);
      const issued = await readEnvFile(envFile);
      const env = {
        ...operatorEnv(store),
        ...base,
        BASE_DOMAIN: 'example.com',
        JWT_PRIVATE_KEY_B64: privateKeyB64,
        GATEWAY_OAUTH_ACCESS_TOKEN: issued.MCP_CLIENT_ACCESS_TOKEN as string,
      };
      // The gateway knows the token; our Redis (the test's namespace) does not hold its record.
      const online = await cli(['validate-tokens', '--online', '--json'], env);
      const report = JSON.parse(online.out) as { tokens: { name: string; verdict: string; online?: string }[] };
      expect(report.tokens.map((t) => t.online)).toEqual([
        `gateway ${gateway.url}/verify: HTTP 200 (accepted)`,
        `gateway ${gateway.url}/verify: HTTP 200 (accepted)`,
      ]);
      gateway.tokens.clear();
      const refused = await cli(['validate-tokens', '--online'], env);
      expect(refused.code).toBe(1);
      expect(refused.out).toContain(`gateway ${gateway.url}/verify: HTTP 401 (refused)`);
      expect(refused.out.match(/HTTP 401 \(refused\)/g)).toHaveLength(2);
    } finally {
      await gateway.close();
      await store.close();
    }
  }, 30_000);

  it('generate-github-token-complete finishes a gateway token left pending', async () => {
    const privateKeyB64 = await generateRsaKeyB64();
    const gateway = await startGatewayStandIn({ privateKeyB64, baseDomain: 'example.com' });
    try {
      writeFileSync(envFile, 'GITHUB_PAT=gho_unchecked\n');
      const env = {
        PATH: process.env.PATH,
        OAUTH_ADMIN_ENV_FILE: envFile,
        GATEWAY_AUTH_URL: gateway.url,
        GITHUB_API_URL: 'http://127.0.0.1:1',
        TEST_OAUTH_CALLBACK_URL: 'https://example.com/callback',
      };
      const started = await cli(['generate-github-token'], env);
      expect({ code: started.code, err: started.err }).toEqual({ code: 0, err: '' });
      expect(started.out).toContain('Then run: just generate-github-token-complete CODE');
      const url = /^(http\S+\/authorize\S+)$/m.exec(started.out)?.[1] as string;
      const done = await cli(['generate-github-token-complete', gateway.approve(url)], env);
      expect({ code: done.code, err: done.err }).toEqual({ code: 0, err: '' });
      expect((await readEnvFile(envFile)).GATEWAY_OAUTH_ACCESS_TOKEN).toMatch(/^ey/);
    } finally {
      await gateway.close();
    }
  }, 30_000);
});
