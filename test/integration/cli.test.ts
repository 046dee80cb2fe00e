import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signJwt } from '../../src/cli/flows/index.js';
import { cli, storeEnv } from '../helpers/cli.js';
import { seedScenario } from '../helpers/scenario.js';
import { ADMIN, JWT_SECRET, type TestStore, openStore } from '../helpers/store.js';

const run = promisify(execFile);
const SEED_RECIPES = [
  'oauth-list-registrations',
  'oauth-list-tokens',
  'oauth-stats',
  'oauth-show-all',
  'oauth-delete-registration',
  'oauth-delete-client-complete',
  'oauth-delete-all-registrations',
  'oauth-delete-token',
  'oauth-delete-all-tokens',
  'oauth-purge-expired-dry',
  'oauth-purge-expired',
  'oauth-backup',
  'oauth-backup-list',
  'oauth-backup-view',
  'oauth-backup-view-file',
  'oauth-restore',
  'oauth-restore-file',
  'oauth-restore-clear',
  'oauth-restore-dry',
  'test-cleanup-show',
  'test-cleanup',
  'generate-jwt-secret',
  'generate-rsa-keys',
  'generate-github-token',
  'refresh-tokens',
  'validate-tokens',
  'check-token-expiry',
  'mcp-client-token',
  'mcp-client-token-complete',
  'dev',
  'test',
  'up',
];

function cliEnv(store: TestStore, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return storeEnv(store, { BASE_DOMAIN: 'example.com', ...extra });
}

describe('the CLI on gateway-format data', () => {
  let store: TestStore;
  let server: Server;
  let adminUrl: string;
  beforeAll(async () => {
    // A running service for the ADMIN_URL transport, over the same store.
    server = createServer(async (req, res) => {
      const handler = (transportStore as TestStore).app;
      await handler.handle(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const address = server.address();
    adminUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  let transportStore: TestStore | null = null;
  beforeEach(async () => {
    store = await openStore();
    transportStore = store;
    await seedScenario(store);
  });
  afterEach(() => store.close());

  for (const mode of ['in-process', 'ADMIN_URL'] as const) {
    const env = (extra: Record<string, string> = {}) => cliEnv(store, mode === 'ADMIN_URL' ? { ADMIN_URL: adminUrl, ADMIN_TOKEN: ADMIN, ...extra } : extra);

    describe(mode, () => {
      it('oauth-stats prints the seed box with the four figures right', async () => {
        const result = await cli(['stats'], env());
        expect(result.code).toBe(0);
        expect(result.out).toContain('📊 OAuth Statistics:');
        expect(result.out).toMatch(/^Client Registrations: 4$/m);
        expect(result.out).toMatch(/^Active Tokens: 3$/m);
        expect(result.out).toMatch(/^Expired Tokens: 3$/m);
        expect(result.out).toMatch(/^User Count: 6$/m);
        const json = JSON.parse((await cli(['stats', '--json'], env())).out) as Record<string, number>;
        expect(json).toMatchObject({ registrations: 4, activeTokens: 3, expiredTokens: 3, userCount: 6 });
      });

      it('listings show full ids to grep, and --json parses', async () => {
        const clients = await cli(['list-registrations'], env());
        expect(clients.out.split('\n').filter((l) => l.includes('client_A'))).toHaveLength(1);
        expect(clients.out).toContain('Total registrations: 4');
        const tokens = await cli(['list-tokens'], env());
        expect(tokens.out.split('\n').find((l) => l.startsWith('b2 '))).toMatch(/EXPIRED\s+bob\s+client_B/);
        const json = JSON.parse((await cli(['list-tokens', '--json', '--active'], env())).out) as { jti: string }[];
        expect(json.map((t) => t.jti).sort()).toEqual(['a1', 'b1', 'c1']);
      });

      it('deleting a missing client fails with one clear line and exit code 1', async () => {
        const result = await cli(['delete-registration', 'client_nope'], env());
        expect(result.code).toBe(1);
        expect(result.err).toBe('error: client "client_nope" does not exist');
        const usage = await cli(['delete-token'], env());
        expect(usage.code).toBe(2);
      });

      it('dangerous commands refuse without confirmation in a script, and run with OAUTH_ADMIN_CONFIRM=yes', async () => {
        const refused = await cli(['delete-all-tokens'], env());
        expect(refused.code).toBe(3);
        expect(refused.err).toContain('OAUTH_ADMIN_CONFIRM=yes');
        expect(refused.out).toContain('access tokens:         7');
        expect(await store.redis.exists(store.keys.token('a1'))).toBe(1);
        const done = await cli(['delete-all-tokens'], env({ OAUTH_ADMIN_CONFIRM: 'yes' }));
        expect(done.code).toBe(0);
        expect(await store.redis.exists(store.keys.token('a1'))).toBe(0);
        const asked: string[] = [];
        const no = await cli(['delete-all-registrations'], env(), { interactive: true, ask: async (q) => (asked.push(q), 'no') });
        expect(no.code).toBe(3);
        expect(asked[0]).toContain('cannot be undone');
        expect(await store.redis.exists(store.keys.client('client_A'))).toBe(1);
        const yes = await cli(['delete-all-registrations'], env(), { interactive: true, ask: async () => 'yes' });
        expect(yes.code).toBe(0);
        expect(await store.redis.exists(store.keys.client('client_A'))).toBe(0);
      });

      it('purges with progress, dry run first', async () => {
        const dry = await cli(['purge-expired', '--dry-run', '--json'], env());
        expect(dry.code).toBe(0);
        const job = JSON.parse(dry.out) as { status: string; dryRun: boolean; counts: Record<string, number> };
        expect(job).toMatchObject({ status: 'SUCCEEDED', dryRun: true, counts: { accessTokens: 3, refreshTokens: 1 } });
        expect(await store.redis.exists(store.keys.token('a2'))).toBe(1);
        const real = await cli(['purge-expired'], env());
        expect(real.code).toBe(0);
        expect(real.out).toContain('access tokens:         3');
        expect(await store.redis.exists(store.keys.token('a2'))).toBe(0);
      });

      it('shows and cleans up test clients', async () => {
        const show = await cli(['test-cleanup-show'], env());
        expect(show.out).toContain('client_B');
        expect(show.out).not.toContain('client_C');
        expect(await store.redis.exists(store.keys.client('client_B'))).toBe(1);
        expect((await cli(['test-cleanup'], env())).code).toBe(0);
        expect(await store.redis.exists(store.keys.client('client_B'))).toBe(0);
        expect(await store.redis.exists(store.keys.client('client_C'))).toBe(1);
      });

      it('validate-tokens tells valid, expired, revoked and forged tokens apart', async () => {
        const secret = JWT_SECRET;
        const now = Math.floor(Date.now() / 1000);
        const claims = (jti: string, exp: number) => ({
          sub: '1',
          username: 'alice',
          client_id: 'client_A',
          jti,
          iat: now - 60,
          exp,
          iss: 'https://auth.example.com',
          aud: 'https://auth.example.com',
        });
        const valid = await signJwt(claims('a1', now + 3600), { alg: 'HS256', secret });
        const expired = await signJwt(claims('a2', now - 60), { alg: 'HS256', secret });
        const revoked = await signJwt(claims('revoked-jti', now + 3600), { alg: 'HS256', secret });
        const forged = await signJwt(claims('a1', now + 3600), { alg: 'HS256', secret: 'someone-elses-secret-000000000000' });
        const check = async (token: string) => {
          const result = await cli(['validate-tokens', '--json'], env({ GATEWAY_JWT_SECRET: secret, GATEWAY_OAUTH_ACCESS_TOKEN: token }));
          const report = JSON.parse(result.out) as { ok: boolean; tokens: { name: string; verdict: string }[] };
          return { code: result.code, verdicts: report.tokens.map((t) => `${t.name}=${t.verdict}`) };
        };
        expect(await check(valid)).toEqual({ code: 0, verdicts: ['GATEWAY_OAUTH_ACCESS_TOKEN=VALID', 'MCP_CLIENT_ACCESS_TOKEN=NOT_CONFIGURED'] });
        expect(await check(expired)).toEqual({ code: 1, verdicts: ['GATEWAY_OAUTH_ACCESS_TOKEN=EXPIRED', 'MCP_CLIENT_ACCESS_TOKEN=NOT_CONFIGURED'] });
        expect(await check(revoked)).toEqual({ code: 1, verdicts: ['GATEWAY_OAUTH_ACCESS_TOKEN=REVOKED', 'MCP_CLIENT_ACCESS_TOKEN=NOT_CONFIGURED'] });
        expect(await check(forged)).toEqual({ code: 1, verdicts: ['GATEWAY_OAUTH_ACCESS_TOKEN=FORGED', 'MCP_CLIENT_ACCESS_TOKEN=NOT_CONFIGURED'] });
        const human = await cli(['check-token-expiry'], env({ GATEWAY_JWT_SECRET: secret, GATEWAY_OAUTH_ACCESS_TOKEN: valid }));
        expect(human.out).toMatch(/GATEWAY_OAUTH_ACCESS_TOKEN: VALID — (59m \d+s|1h 0m) left/);
        expect(human.out).not.toContain(valid);
      });
    });
  }

  it("takes the service's address alone as ADMIN_URL (its /graphql endpoint)", async () => {
    const base = await cli(['stats'], cliEnv(store, { ADMIN_URL: adminUrl.replace(/\/graphql$/, ''), ADMIN_TOKEN: ADMIN }));
    const full = await cli(['stats'], cliEnv(store, { ADMIN_URL: adminUrl, ADMIN_TOKEN: ADMIN }));
    expect(base.code).toBe(0);
    expect(base.out).toBe(full.out);
  });

  it('refuses ADMIN_URL without ADMIN_TOKEN, and a wrong token, in one line', async () => {
    const missing = await cli(['stats'], cliEnv(store, { ADMIN_URL: adminUrl }));
    expect(missing).toMatchObject({ code: 1, err: expect.stringContaining('ADMIN_TOKEN is not') });
    const wrong = await cli(['stats'], cliEnv(store, { ADMIN_URL: adminUrl, ADMIN_TOKEN: 'wrong' }));
    expect(wrong).toMatchObject({ code: 1, err: expect.stringContaining('401') });
  });
});

describe('the .env tooling through the CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'oauth-admin-env-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('generate-jwt-secret keeps an existing secret unless --force, and writes into .env keeping other lines, no backup, no secret printed', async () => {
    const envFile = join(dir, '.env');
    const { writeFileSync } = await import('node:fs');
    const original = '# gateway\nBASE_DOMAIN=example.com\nGATEWAY_JWT_SECRET=old\nOTHER=1';
    writeFileSync(envFile, original);
    const kept = await cli(['generate-jwt-secret'], { PATH: process.env.PATH, OAUTH_ADMIN_ENV_FILE: envFile });
    expect(kept.code).toBe(0);
    expect(kept.out).toMatch(/kept the existing GATEWAY_JWT_SECRET.*--force.*refuse every HS256 token/);
    expect(readFileSync(envFile, 'utf8')).toBe(original);
    const result = await cli(['generate-jwt-secret', '--force'], { PATH: process.env.PATH, OAUTH_ADMIN_ENV_FILE: envFile });
    expect(result.code).toBe(0);
    expect(result.out).toContain('GATEWAY_JWT_SECRET replaced');
    expect(result.out).toContain('now refused');
    const text = readFileSync(envFile, 'utf8');
    const secret = /^GATEWAY_JWT_SECRET=([A-Za-z0-9_-]{43})$/m.exec(text)?.[1];
    expect(secret).toBeTruthy();
    expect(text).toBe(`# gateway\nBASE_DOMAIN=example.com\nGATEWAY_JWT_SECRET=${secret}\nOTHER=1`);
    expect(result.out).not.toContain(secret as string);
    expect(readdirSync(dir)).toEqual(['.env']);
  });

  it('generate-rsa-keys writes a key openssl accepts and keeps it on the second run', async () => {
    const envFile = join(dir, '.env');
    const first = await cli(['generate-rsa-keys'], { PATH: process.env.PATH, OAUTH_ADMIN_ENV_FILE: envFile });
    expect(first.code).toBe(0);
    expect(first.out).toContain('-----BEGIN PUBLIC KEY-----');
    const b64 = /^JWT_PRIVATE_KEY_B64=(\S+)$/m.exec(readFileSync(envFile, 'utf8'))?.[1] as string;
    const pemFile = join(dir, 'key.pem');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(pemFile, Buffer.from(b64, 'base64'));
    const checked = await run('openssl', ['pkey', '-in', pemFile, '-check', '-noout']).catch((e: { stdout: string; stderr: string }) => e);
    expect(`${checked.stdout}${checked.stderr}`).toMatch(/valid/i);
    const second = await cli(['generate-rsa-keys'], { PATH: process.env.PATH, OAUTH_ADMIN_ENV_FILE: envFile });
    expect(second.out).toContain('kept the existing valid RSA 2048-bit key');
    expect(/^JWT_PRIVATE_KEY_B64=(\S+)$/m.exec(readFileSync(envFile, 'utf8'))?.[1]).toBe(b64);
  });
});

describe('the justfile', () => {
  it('lists every seed recipe under its name', async () => {
    const { stdout } = await run('npx', ['just', '--summary'], { cwd: new URL('../..', import.meta.url).pathname });
    const recipes = stdout.trim().split(/\s+/);
    for (const name of SEED_RECIPES) expect(recipes, name).toContain(name);
  });
});
