import { timingSafeEqual } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphql } from '../../src/generated/index.js';
import { runScript } from '../../src/redis/scripts.js';
import { execute, expectData } from '../helpers/execute.js';
import { type TestStore, VIEWER, followIndexes, loadSampleRecords, openStore } from '../helpers/store.js';
import {
  GATEWAY,
  PUT_AGAIN_BODY,
  PUT_AGAIN_BYTES,
  PUT_GATEWAY_BODY,
  PUT_GATEWAY_BYTES,
  PUT_UNICODE_BODY,
  PUT_UNICODE_BYTES,
  TEST,
  UNICODE,
  sample,
} from '../helpers/client-fixtures.js';

const UpdateClient = graphql(`
  mutation LifecycleUpdateClient($clientId: String!, $input: UpdateClientInput!, $confirmToken: String) {
    updateClient(clientId: $clientId, input: $input, confirmToken: $confirmToken) {
      clientId executed confirmToken removedRedirectUris
      client { clientId clientName redirectUris clientUri logoUri tosUri policyUri contacts scope isTestClient keyExpiresAt }
    }
  }
`);

const RotateSecret = graphql(`
  mutation LifecycleRotateSecret($clientId: String!, $confirmToken: String) {
    rotateClientSecret(clientId: $clientId, confirmToken: $confirmToken) { clientId executed confirmToken newValue effect }
  }
`);

const RotateRegistrationToken = graphql(`
  mutation LifecycleRotateRegistrationToken($clientId: String!, $confirmToken: String) {
    rotateRegistrationAccessToken(clientId: $clientId, confirmToken: $confirmToken) { clientId executed confirmToken newValue effect }
  }
`);

const SetExpiry = graphql(`
  mutation LifecycleSetExpiry($clientId: String!, $expiresAt: DateTime!) {
    setClientExpiry(clientId: $clientId, expiresAt: $expiresAt) { clientId clientSecretExpiresAt keyExpiresAt }
  }
`);

const Readers = graphql(`
  query LifecycleReaders($clientId: String!) {
    client(clientId: $clientId) { clientId clientName clientSecret registrationAccessToken redirectUris contacts clientUri scope isTestClient parseError }
    clients(first: 50) { totalCount edges { node { clientId clientName redirectUris parseError } } }
    testClients: clients(first: 50, filter: { testOnly: true }) { totalCount edges { node { clientId } } }
    stats { registrations corruptRegistrations testRegistrations }
  }
`);

const Audit = graphql(`
  query LifecycleAudit {
    auditLog(first: 20) { edges { node { action actor dryRun outcome target error } } }
  }
`);

/** The gateway's `/token` client check (reference §8): 401 unless the client exists and a sent secret matches. */
async function tokenEndpointAccepts(store: TestStore, clientId: string, secret: string | null): Promise<boolean> {
  const raw = await store.redis.get(store.keys.client(clientId));
  if (raw === null) return false;
  const record = JSON.parse(raw) as { client_secret?: string };
  return secret === null || secret === record.client_secret;
}

/** The gateway's RFC 7592 `GET /register/{id}` (reference §8): 404, 403, or the record with its lists decoded. */
async function rfc7592Get(store: TestStore, clientId: string, bearer: string): Promise<{ status: number; body?: Record<string, unknown> }> {
  const raw = await store.redis.get(store.keys.client(clientId));
  if (raw === null) return { status: 404 };
  const record = JSON.parse(raw) as Record<string, unknown>;
  const stored = Buffer.from(String(record.registration_access_token ?? ''));
  const given = Buffer.from(bearer);
  if (stored.length !== given.length || !timingSafeEqual(stored, given)) return { status: 403 };
  const body: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (k === 'registration_access_token' || k === 'created_at') continue;
    if (['redirect_uris', 'grant_types', 'response_types'].includes(k)) body[k] = JSON.parse(v as string);
    else if (v) body[k] = v;
  }
  return { status: 200, body };
}

const codeOf = (response: { body: { errors?: readonly { extensions?: Record<string, unknown> }[] } }) => response.body.errors?.[0]?.extensions?.code;

describe('client lifecycle on gateway-format data', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openStore();
    await loadSampleRecords(store);
  });
  afterEach(() => store.close());

  const raw = (id: string) => store.redis.get(store.keys.client(id));
  const ttlSeconds = async (id: string) => Math.round((await store.redis.pttl(store.keys.client(id))) / 1000);

  it('updateClient writes the bytes the gateway writes, keeps the TTL, and two-steps a redirect URI removal', async () => {
    await store.redis.expire(store.keys.client(UNICODE), 1_000_000);
    const plan = expectData(await execute(store, UpdateClient, { clientId: UNICODE, input: PUT_UNICODE_BODY })).updateClient;
    expect(plan).toMatchObject({ executed: false, removedRedirectUris: ['urn:ietf:wg:oauth:2.0:oob'], client: { clientName: 'Tëst ünïcode' } });
    expect(plan.confirmToken).toBeTruthy();
    expect(await raw(UNICODE)).toBe(sample(UNICODE));

    const done = expectData(await execute(store, UpdateClient, { clientId: UNICODE, input: PUT_UNICODE_BODY, confirmToken: plan.confirmToken })).updateClient;
    expect(done).toMatchObject({ executed: true, confirmToken: null, client: { ...PUT_UNICODE_BODY, isTestClient: false } });
    expect(await raw(UNICODE)).toBe(PUT_UNICODE_BYTES);
    // The key's TTL is kept (the gateway's PUT would have reset it to CLIENT_LIFETIME).
    expect(await ttlSeconds(UNICODE)).toBeGreaterThan(999_990);
    expect(await ttlSeconds(UNICODE)).toBeLessThanOrEqual(1_000_000);

    // The confirm token was single-use.
    const again = await execute(store, UpdateClient, { clientId: UNICODE, input: PUT_UNICODE_BODY, confirmToken: plan.confirmToken });
    expect(codeOf(again)).toBe('CONFIRMATION_INVALID');

    // What the gateway's GET /register/{id} returns now.
    const get = await rfc7592Get(store, UNICODE, 'reg-_JGmwGQ-NK7Ai-ZdnGfmVWWd8LHK2Ks7yxHwrUGq67M');
    expect(get.status).toBe(200);
    expect(get.body).toMatchObject({
      client_name: PUT_UNICODE_BODY.clientName,
      redirect_uris: PUT_UNICODE_BODY.redirectUris,
      contacts: PUT_UNICODE_BODY.contacts,
      client_uri: PUT_UNICODE_BODY.clientUri,
      grant_types: ['authorization_code', 'refresh_token'],
    });
  });

  it('an update that removes no redirect URI runs at once; a second one keeps fields in place and appends new ones', async () => {
    const ttlBefore = await ttlSeconds(GATEWAY);
    const first = expectData(await execute(store, UpdateClient, { clientId: GATEWAY, input: PUT_GATEWAY_BODY })).updateClient;
    expect(first).toMatchObject({ executed: true, removedRedirectUris: [] });
    expect(await raw(GATEWAY)).toBe(PUT_GATEWAY_BYTES);
    expectData(await execute(store, UpdateClient, { clientId: GATEWAY, input: PUT_AGAIN_BODY }));
    expect(await raw(GATEWAY)).toBe(PUT_AGAIN_BYTES);
    expect(await ttlSeconds(GATEWAY)).toBeLessThanOrEqual(ttlBefore);
    expect(await ttlSeconds(GATEWAY)).toBeGreaterThan(ttlBefore - 10);
    // Adding a redirect URI removes none: no plan.
    const added = { redirectUris: ['https://auth.example.com/success', 'myapp:/callback'] };
    expect(expectData(await execute(store, UpdateClient, { clientId: GATEWAY, input: added })).updateClient.executed).toBe(true);
  });

  it('every reader reads an updated record: client, listings, the test filter and stats (derived indexes followed)', async () => {
    await followIndexes(store);
    const before = expectData(await execute(store, Readers, { clientId: GATEWAY }));
    expect(before.stats).toEqual({ registrations: 3, corruptRegistrations: 0, testRegistrations: 1 });
    expectData(await execute(store, UpdateClient, { clientId: GATEWAY, input: { clientName: 'TEST renamed', ...PUT_GATEWAY_BODY } }));
    const expectRead = async () => {
      const after = expectData(await execute(store, Readers, { clientId: GATEWAY }));
      expect(after.client).toMatchObject({ clientName: 'TEST renamed', contacts: ['admin@example.com'], isTestClient: true, parseError: null });
      expect(after.clients.totalCount).toBe(3);
      expect(after.clients.edges.find((e) => e.node.clientId === GATEWAY)?.node).toMatchObject({ clientName: 'TEST renamed', parseError: null });
      expect(after.testClients.edges.map((e) => e.node.clientId).sort()).toEqual([GATEWAY, TEST].sort());
      expect(after.stats).toEqual({ registrations: 3, corruptRegistrations: 0, testRegistrations: 2 });
    };
    await expectRead();
  });

  it('rotateClientSecret: two-step, the old secret no longer matches the new one does, nothing else changes', async () => {
    const oldSecret = (JSON.parse(sample(GATEWAY)) as { client_secret: string }).client_secret;
    expect(await tokenEndpointAccepts(store, GATEWAY, oldSecret)).toBe(true);
    const plan = expectData(await execute(store, RotateSecret, { clientId: GATEWAY })).rotateClientSecret;
    expect(plan).toMatchObject({ executed: false, newValue: null });
    expect(plan.effect).toContain('not checked');
    expect(await raw(GATEWAY)).toBe(sample(GATEWAY));

    const done = expectData(await execute(store, RotateSecret, { clientId: GATEWAY, confirmToken: plan.confirmToken })).rotateClientSecret;
    const secret = done.newValue as string;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the secret changed, in place, as the gateway would encode it.
    expect(await raw(GATEWAY)).toBe(sample(GATEWAY).replace(oldSecret, secret));
    expect(await tokenEndpointAccepts(store, GATEWAY, oldSecret)).toBe(false);
    expect(await tokenEndpointAccepts(store, GATEWAY, secret)).toBe(true);
    // What the rotation does not lock out: a request that sends no secret (the gateway's B1).
    expect(await tokenEndpointAccepts(store, GATEWAY, null)).toBe(true);
    expect(await ttlSeconds(GATEWAY)).toBeGreaterThan(7_775_900);
    const read = expectData(await execute(store, Readers, { clientId: GATEWAY })).client;
    expect(read?.clientSecret).toBe(secret);

    // Audited, without the secret or the confirm token.
    const log = expectData(await execute(store, Audit, {})).auditLog.edges.map((e) => e.node);
    expect(log.slice(0, 2).map((e) => [e.action, e.outcome, e.dryRun, e.target])).toEqual([
      ['rotateClientSecret', 'SUCCEEDED', false, GATEWAY],
      ['rotateClientSecret', 'PLANNED', true, GATEWAY],
    ]);
    expect(JSON.stringify(log)).not.toContain(secret);
    expect(JSON.stringify(log)).not.toContain(plan.confirmToken as string);
  });

  it('rotateRegistrationAccessToken: the gateway RFC 7592 GET refuses the old token and takes the new one', async () => {
    const oldToken = (JSON.parse(sample(TEST)) as { registration_access_token: string }).registration_access_token;
    const plan = expectData(await execute(store, RotateRegistrationToken, { clientId: TEST })).rotateRegistrationAccessToken;
    expect(plan.executed).toBe(false);
    // A confirm token is for its own operation and client only.
    expect(codeOf(await execute(store, RotateSecret, { clientId: TEST, confirmToken: plan.confirmToken }))).toBe('CONFIRMATION_INVALID');
    const plan2 = expectData(await execute(store, RotateRegistrationToken, { clientId: TEST })).rotateRegistrationAccessToken;
    const done = expectData(await execute(store, RotateRegistrationToken, { clientId: TEST, confirmToken: plan2.confirmToken })).rotateRegistrationAccessToken;
    const token = done.newValue as string;
    expect(token).toMatch(/^reg-[A-Za-z0-9_-]{43}$/);
    expect(await raw(TEST)).toBe(sample(TEST).replace(oldToken, token));
    expect((await rfc7592Get(store, TEST, oldToken)).status).toBe(403);
    expect(await rfc7592Get(store, TEST, token)).toMatchObject({ status: 200, body: { client_name: 'TEST test_oauth_flow' } });
  });

  it('setClientExpiry sets client_secret_expires_at in place and the key expiry to the same second', async () => {
    const at = new Date(store.clock.now + 3 * 86_400_000 + 500);
    const seconds = Math.floor(at.getTime() / 1000);
    const client = expectData(await execute(store, SetExpiry, { clientId: GATEWAY, expiresAt: at.toISOString() })).setClientExpiry;
    expect(client.clientSecretExpiresAt).toBe(new Date(seconds * 1000).toISOString());
    expect(await raw(GATEWAY)).toBe(sample(GATEWAY).replace('"client_secret_expires_at": 1803483266', `"client_secret_expires_at": ${seconds}`));
    expect(await store.redis.call('PEXPIRETIME', store.keys.client(GATEWAY))).toBe(seconds * 1000);
    const past = await execute(store, SetExpiry, { clientId: GATEWAY, expiresAt: new Date(store.clock.now - 1000).toISOString() });
    expect(codeOf(past)).toBe('BAD_USER_INPUT');
  });

  it('refuses viewers, unknown clients, bad input and records not in the gateway format, changing nothing', async () => {
    const corrupt = 'client_corrupt';
    const compact = 'client_compact';
    await store.redis.set(store.keys.client(corrupt), 'not json');
    await store.redis.set(store.keys.client(compact), '{"client_id":"client_compact","client_secret":"s"}');
    // A plan's token confirms that update only: another input with it is refused.
    const removal = { redirectUris: ['https://app.example.com/cb'] };
    const plan = expectData(await execute(store, UpdateClient, { clientId: UNICODE, input: removal })).updateClient;
    expect(plan.executed).toBe(false);
    const before = await store.snapshot();
    const future = new Date(store.clock.now + 86_400_000).toISOString();
    const viewer = { token: VIEWER };
    const refusals: [Promise<{ body: { errors?: readonly { extensions?: Record<string, unknown> }[] } }>, string][] = [
      [execute(store, UpdateClient, { clientId: GATEWAY, input: { scope: 'x' } }, viewer), 'FORBIDDEN'],
      [execute(store, RotateSecret, { clientId: GATEWAY }, viewer), 'FORBIDDEN'],
      [execute(store, RotateRegistrationToken, { clientId: GATEWAY }, viewer), 'FORBIDDEN'],
      [execute(store, SetExpiry, { clientId: GATEWAY, expiresAt: future }, viewer), 'FORBIDDEN'],
      [execute(store, UpdateClient, { clientId: 'client_nope', input: { scope: 'x' } }), 'NOT_FOUND'],
      [execute(store, RotateSecret, { clientId: 'client_nope' }), 'NOT_FOUND'],
      [execute(store, UpdateClient, { clientId: GATEWAY, input: {} }), 'BAD_USER_INPUT'],
      [execute(store, UpdateClient, { clientId: GATEWAY, input: { redirectUris: [] } }), 'BAD_USER_INPUT'],
      [execute(store, UpdateClient, { clientId: GATEWAY, input: { redirectUris: ['http://evil.example.com/cb'] } }), 'BAD_USER_INPUT'],
      [execute(store, UpdateClient, { clientId: GATEWAY, input: { clientName: '' } }), 'BAD_USER_INPUT'],
      [execute(store, UpdateClient, { clientId: corrupt, input: { scope: 'x' } }), 'CONFLICT'],
      [execute(store, UpdateClient, { clientId: compact, input: { scope: 'x' } }), 'CONFLICT'],
      [execute(store, SetExpiry, { clientId: compact, expiresAt: future }), 'CONFLICT'],
      [execute(store, RotateSecret, { clientId: GATEWAY, confirmToken: 'forged' }), 'CONFIRMATION_INVALID'],
      [execute(store, UpdateClient, { clientId: UNICODE, input: { ...removal, scope: 'openid' }, confirmToken: plan.confirmToken }), 'CONFIRMATION_INVALID'],
    ];
    for (const [response, code] of refusals) expect(codeOf(await response)).toBe(code);
    const after = await store.snapshot();
    const gatewayKeys = (m: Map<string, string>) => [...m].filter(([k]) => k.startsWith(store.keys.prefixes.oauth)).sort();
    expect(gatewayKeys(after)).toEqual(gatewayKeys(before));
  });

  it('a write never overwrites a record that changed since it was read', async () => {
    const key = store.keys.client(GATEWAY);
    expect(await runScript(store.redis, 'replaceIfUnchanged', [key], ['{"stale": 1}', '{"new": 1}', ''])).toBe(0);
    expect(await raw(GATEWAY)).toBe(sample(GATEWAY));
    expect(await runScript(store.redis, 'replaceIfUnchanged', [store.keys.client('client_gone')], ['x', 'y', ''])).toBe(0);
    expect(await store.redis.exists(store.keys.client('client_gone'))).toBe(0);
  });
});
