import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { scanKeys } from '../../src/redis/batch.js';
import { generateRsaKeyB64 } from '../../src/cli/flows/index.js';
import { type Ran, just, storeEnv } from '../helpers/cli.js';
import { seedScenario } from '../helpers/scenario.js';
import { type TestStore, openStore } from '../helpers/store.js';
import { startGatewayStandIn, startGithubStandIn } from '../unit/token-tooling/stand-ins.js';

/** Runs jobs two at a time (the machine has two cores). */
async function inPairs<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      out[i] = await (jobs[i] as () => Promise<T>)();
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

/**
 * Every recipe that writes (Redis, backups or `.env`), with arguments it would accept: run
 * without the typo, each would change something. `typo` is the misspelt option.
 */
const WRITERS: { recipe: string; args: string[]; typo: string }[] = [
  { recipe: 'oauth-delete-registration', args: ['client_A'], typo: '--jsno' },
  { recipe: 'oauth-delete-client-complete', args: ['client_A'], typo: '--cascde' },
  { recipe: 'oauth-delete-all-registrations', args: [], typo: '--cascde' },
  { recipe: 'oauth-client-update', args: ['client_A', '--scope', 'openid'], typo: '--nmae' },
  { recipe: 'oauth-client-rotate-secret', args: ['client_A'], typo: '--jsno' },
  { recipe: 'oauth-client-rotate-registration-token', args: ['client_A'], typo: '--jsno' },
  { recipe: 'oauth-delete-token', args: ['a1'], typo: '--jsn' },
  { recipe: 'oauth-delete-all-tokens', args: [], typo: '--dry-run' },
  { recipe: 'oauth-revoke-user', args: ['alice'], typo: '--dryrun' },
  { recipe: 'oauth-purge-expired', args: [], typo: '--dryrun' },
  { recipe: 'oauth-purge-expired-dry', args: [], typo: '--jsonn' },
  { recipe: 'test-cleanup', args: [], typo: '--dryrun' },
  { recipe: 'oauth-backup', args: [], typo: '--nte' },
  { recipe: 'oauth-restore', args: [], typo: '--dryrun' },
  { recipe: 'oauth-restore-file', args: ['BACKUP'], typo: '--dryrun' },
  { recipe: 'oauth-restore-clear', args: [], typo: '--dryrun' },
  { recipe: 'oauth-restore-dry', args: [], typo: '--replce' },
  { recipe: 'seed-demo', args: [], typo: '--forse' },
  { recipe: 'generate-jwt-secret', args: [], typo: '--forse' },
  { recipe: 'generate-rsa-keys', args: [], typo: '--force' },
  { recipe: 'generate-github-token', args: [], typo: '--jsno' },
  { recipe: 'generate-github-token-complete', args: ['CODE'], typo: '--jsno' },
  { recipe: 'refresh-tokens', args: [], typo: '--forse' },
  { recipe: 'mcp-client-token', args: [], typo: '--jsno' },
  { recipe: 'mcp-client-token-complete', args: ['CODE'], typo: '--jsno' },
];

// Argument checking happens before any connection: one Redis is enough to prove it (the CLI's
// cluster runs are covered by cli.test.ts).
describe.skipIf(inject('redisUrl').startsWith('redis+cluster://'))('a typo never runs a recipe that writes', () => {
  let store: TestStore;
  let dir: string;
  let envFile: string;
  let env: NodeJS.ProcessEnv;
  let backupName: string;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    store = await openStore();
    await seedScenario(store);
    await store.services.backups.create({ role: 'admin', name: 'test' });
    backupName = readdirSync(store.backupDir).find((n) => n.endsWith('.json')) as string;
    const privateKeyB64 = await generateRsaKeyB64();
    const gateway = await startGatewayStandIn({ privateKeyB64, baseDomain: 'example.com' });
    const github = await startGithubStandIn({ pollAnswers: [] });
    closers.push(gateway.close, github.close);
    dir = mkdtempSync(join(tmpdir(), 'oauth-admin-typos-'));
    envFile = join(dir, '.env');
    // A `.env` the token recipes would rewrite: an expired gateway token with what refreshes it.
    writeFileSync(
      envFile,
      [
        '# operator .env',
        'BASE_DOMAIN=example.com',
        'GATEWAY_JWT_SECRET=keep-me-0123456789',
        'GATEWAY_OAUTH_ACCESS_TOKEN=PLACEHOLDER_NEEDS_REAL_OAUTH_FLOW',
        'GATEWAY_OAUTH_REFRESH_TOKEN=r1',
        'GATEWAY_OAUTH_CLIENT_ID=c1',
        'GATEWAY_OAUTH_CLIENT_SECRET=s1',
        '',
      ].join('\n'),
    );
    env = storeEnv(store, {
      BACKUP_DIR: store.backupDir,
      OAUTH_ADMIN_ENV_FILE: envFile,
      // Consent given: a dangerous recipe that parsed its arguments loosely would run.
      OAUTH_ADMIN_CONFIRM: 'yes',
      GATEWAY_AUTH_URL: gateway.url,
      GITHUB_URL: github.url,
      GITHUB_API_URL: github.url,
      GITHUB_CLIENT_ID: 'Iv1.github-app',
      TEST_OAUTH_CALLBACK_URL: 'https://example.com/callback',
    });
  });

  afterAll(async () => {
    await Promise.all(closers.map((close) => close()));
    rmSync(dir, { recursive: true, force: true });
    await store.close();
  });

  /** Every key of the test's namespace, byte for byte (DUMP), with whether it has a TTL; the backups; `.env`. */
  async function state(): Promise<string[]> {
    const out: string[] = [];
    for await (const batch of scanKeys(store.redis, `${store.namespace}*`)) {
      for (const key of batch) {
        const dump = await store.redis.dumpBuffer(key);
        out.push(`${key} ${dump ? createHash('sha256').update(dump).digest('hex') : 'gone'} ${(await store.redis.pttl(key)) >= 0 ? 'ttl' : 'no-ttl'}`);
      }
    }
    for (const name of readdirSync(store.backupDir))
      out.push(
        `backup ${name} ${createHash('sha256')
          .update(readFileSync(join(store.backupDir, name)))
          .digest('hex')}`,
      );
    out.push(`.env ${createHash('sha256').update(readFileSync(envFile)).digest('hex')}`);
    return out.sort();
  }

  const argsOf = (w: (typeof WRITERS)[number]) => w.args.map((a) => (a === 'BACKUP' ? backupName : a));

  it('with a misspelt option: exit 2, one line on stderr, Redis and .env byte-identical', async () => {
    const before = await state();
    const results = await inPairs(WRITERS.map((w) => () => just([w.recipe, ...argsOf(w), w.typo], env)));
    for (const [i, w] of WRITERS.entries()) {
      const r = results[i] as Ran;
      expect({ recipe: w.recipe, code: r.code }).toEqual({ recipe: w.recipe, code: 2 });
      expect(r.stderr.trimEnd().split('\n'), w.recipe).toHaveLength(1);
      expect(r.stderr, w.recipe).toMatch(new RegExp(`^error: [a-z-]+: unknown option ${w.typo}`));
      expect(r.stdout, w.recipe).toBe('');
    }
    expect(await state()).toEqual(before);
  }, 300_000);

  it('with --help or -h: its usage on stdout, exit 0, nothing changed', async () => {
    const before = await state();
    const results = await inPairs(WRITERS.map((w, i) => () => just([w.recipe, ...argsOf(w), i % 2 ? '-h' : '--help'], env)));
    for (const [i, w] of WRITERS.entries()) {
      const r = results[i] as Ran;
      expect({ recipe: w.recipe, code: r.code, stderr: r.stderr }).toEqual({ recipe: w.recipe, code: 0, stderr: '' });
      expect(r.stdout, w.recipe).toMatch(/^usage: oauth-admin /);
      expect(r.stdout, w.recipe).toContain(`just ${w.recipe}`);
    }
    expect(await state()).toEqual(before);
  }, 300_000);

  it('with an argument missing or one too many: exit 2, one line, nothing changed', async () => {
    const before = await state();
    const cases = [
      ['oauth-delete-token'],
      ['oauth-delete-token', 'a1', 'b1'],
      ['oauth-delete-registration'],
      ['oauth-delete-client-complete', 'client_A', 'client_B'],
      ['oauth-revoke-user'],
      ['oauth-purge-expired', 'now'],
      ['oauth-delete-all-tokens', 'yes'],
      ['oauth-restore-file'],
      ['oauth-backup', '--note'],
      ['mcp-client-token-complete'],
      ['generate-jwt-secret', 'x'],
    ];
    const results = await inPairs(cases.map((args) => () => just(args, env)));
    for (const [i, args] of cases.entries()) {
      const r = results[i] as Ran;
      expect({ args, code: r.code, lines: r.stderr.trimEnd().split('\n').length }).toEqual({ args, code: 2, lines: 1 });
      expect(r.stderr, args.join(' ')).toMatch(/^error: [a-z-]+: (missing|unexpected argument|--note needs a value)/);
    }
    expect(await state()).toEqual(before);
  }, 300_000);

  it('the same recipes without the typo do change things (the checks above can see a change)', async () => {
    const before = await state();
    const token = await just(['oauth-delete-token', 'a1'], env);
    expect(token).toMatchObject({ code: 0, stderr: '' });
    const afterToken = await state();
    expect(afterToken).not.toEqual(before);
    const secret = await just(['generate-jwt-secret', '--force'], env);
    expect(secret).toMatchObject({ code: 0, stderr: '' });
    const afterSecret = await state();
    expect(afterSecret.find((l) => l.startsWith('.env'))).not.toBe(afterToken.find((l) => l.startsWith('.env')));
  }, 120_000);
});
