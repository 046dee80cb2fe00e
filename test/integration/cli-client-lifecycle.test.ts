import { type Server, createServer } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { just, storeEnv } from '../helpers/cli.js';
import { GATEWAY, PUT_GATEWAY_BYTES, PUT_UNICODE_BODY, PUT_UNICODE_BYTES, TEST, UNICODE, sample } from '../helpers/client-fixtures.js';
import { ADMIN, type TestStore, loadSampleRecords, openStore } from '../helpers/store.js';

/** The client lifecycle recipes as an operator runs them: through `just`, in-process and against ADMIN_URL. */
describe('the client lifecycle recipes', () => {
  let store: TestStore;
  let server: Server;
  let adminUrl: string;
  beforeAll(async () => {
    server = createServer((req, res) => void store.app.handle(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const address = server.address();
    adminUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(async () => {
    store = await openStore();
    await loadSampleRecords(store);
  });
  afterEach(() => store.close());

  const env = (extra: Record<string, string> = {}) => storeEnv(store, { OAUTH_ADMIN_ENV_FILE: '/nonexistent/.env', ...extra });
  const raw = (id: string) => store.redis.get(store.keys.client(id));
  const record = async (id: string) => JSON.parse((await raw(id)) as string) as Record<string, unknown>;

  it('oauth-client-update: the plan and a refusal without consent, then the gateway-identical bytes with OAUTH_ADMIN_CONFIRM=yes', async () => {
    const b = PUT_UNICODE_BODY;
    const args = [
      'oauth-client-update',
      UNICODE,
      '--name',
      b.clientName,
      ...b.redirectUris.flatMap((u) => ['--redirect-uri', u]),
      '--client-uri',
      b.clientUri,
      '--logo-uri',
      b.logoUri,
      ...b.contacts.flatMap((c) => ['--contact', c]),
      '--tos-uri',
      b.tosUri,
      '--policy-uri',
      b.policyUri,
      '--scope',
      b.scope,
    ];
    const refused = await just(args, env());
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain(`Plan: the update removes redirect URI(s) of ${UNICODE}:\n  - urn:ietf:wg:oauth:2.0:oob`);
    expect(refused.stderr).toMatch(/^error: refusing without confirmation in a non-interactive shell: set OAUTH_ADMIN_CONFIRM=yes/);
    expect(await raw(UNICODE)).toBe(sample(UNICODE));

    const done = await just(args, env({ OAUTH_ADMIN_CONFIRM: 'yes' }));
    expect(done).toMatchObject({ code: 0, stderr: '' });
    expect(done.stdout).toContain(`✅ updated client ${UNICODE}`);
    expect(done.stdout).toContain('redirect URIs:  https://app.example.com/cb, http://localhost:8080/cb');
    expect(await raw(UNICODE)).toBe(PUT_UNICODE_BYTES);
  }, 120_000);

  it('oauth-client-update without a removal runs at once, against ADMIN_URL too; nothing to change is a usage error', async () => {
    const args = ['oauth-client-update', GATEWAY, '--scope', 'openid profile email mcp:admin', '--contact', 'admin@example.com'];
    const remote = await just([...args, '--policy-uri', 'https://auth.example.com/privacy', '--json'], env({ ADMIN_URL: adminUrl, ADMIN_TOKEN: ADMIN }));
    expect(remote.code).toBe(0);
    expect(JSON.parse(remote.stdout)).toMatchObject({ executed: true, removedRedirectUris: [], client: { contacts: ['admin@example.com'] } });
    expect(await raw(GATEWAY)).toBe(PUT_GATEWAY_BYTES);
    const nothing = await just(['oauth-client-update', GATEWAY], env());
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('nothing to change');
    const bad = await just(['oauth-client-update', GATEWAY, '--redirect-uri', 'http://evil.example.com/cb'], env());
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^error: redirectUris\.0: http:\/\/ is allowed only for localhost/);
    expect(await raw(GATEWAY)).toBe(PUT_GATEWAY_BYTES);
  }, 120_000);

  it('oauth-client-rotate-secret: refused without consent; with it, the new secret printed once and stored', async () => {
    const refused = await just(['oauth-client-rotate-secret', GATEWAY], env());
    expect(refused.code).toBe(3);
    expect(refused.stdout).toContain(`Plan: rotate the client secret of ${GATEWAY}.`);
    expect(refused.stdout).toContain('a request that sends no client_secret is not checked');
    expect(await raw(GATEWAY)).toBe(sample(GATEWAY));

    const done = await just(['oauth-client-rotate-secret', GATEWAY], env({ OAUTH_ADMIN_CONFIRM: 'yes' }));
    expect(done).toMatchObject({ code: 0, stderr: '' });
    const secret = done.stdout.trimEnd().split('\n').at(-1) as string;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await record(GATEWAY)).client_secret).toBe(secret);
    expect(await raw(GATEWAY)).toBe(sample(GATEWAY).replace('N0gbV7rLzMtxlDrEQaVmaxAkBDATofyDhaFKyx0Qgy0', secret));

    const json = await just(['oauth-client-rotate-secret', GATEWAY, '--json'], env({ OAUTH_ADMIN_CONFIRM: 'yes' }));
    expect(json.code).toBe(0);
    const { newValue } = JSON.parse(json.stdout) as { newValue: string };
    expect(newValue).not.toBe(secret);
    expect((await record(GATEWAY)).client_secret).toBe(newValue);
  }, 120_000);

  it('oauth-client-rotate-registration-token: with consent, the new reg- token printed once and stored', async () => {
    const done = await just(['oauth-client-rotate-registration-token', TEST], env({ OAUTH_ADMIN_CONFIRM: 'yes' }));
    expect(done).toMatchObject({ code: 0, stderr: '' });
    expect(done.stdout).toContain('RFC 7592 GET, PUT and DELETE /register/{client_id} refuse the old token');
    const token = done.stdout.trimEnd().split('\n').at(-1) as string;
    expect(token).toMatch(/^reg-[A-Za-z0-9_-]{43}$/);
    expect(await raw(TEST)).toBe(sample(TEST).replace('reg-eEwrWR2bGatrjzdO8QM9KkaH92ApBoimdmVrnZO5IFE', token));
    const missing = await just(['oauth-client-rotate-registration-token', 'client_nope'], env({ OAUTH_ADMIN_CONFIRM: 'yes' }));
    expect(missing).toMatchObject({ code: 1, stderr: 'error: client "client_nope" does not exist\n' });
  }, 120_000);
});
