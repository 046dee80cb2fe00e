import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { countCommands } from '../../src/redis/connection.js';
import { pyJsonDumps } from '../../src/redis/python-json.js';
import { graphql } from '../../src/generated/index.js';
import { allPages, execute, expectData } from '../helpers/execute.js';
import { SAMPLE_TIME_MS, type TestStore, VIEWER, loadSampleRecords, openStore } from '../helpers/store.js';
import type { Redis } from 'ioredis';

const Stats = graphql(`
  query Stats {
    stats {
      registrations corruptRegistrations testRegistrations activeTokens expiredTokens corruptTokens
      refreshTokens expiredRefreshTokens authStates authCodes leftoverStates leftoverCodes
      userIndexes staleIndexEntries userCount usersWithActiveTokens orphanTokens
    }
  }
`);

const ClientsPage = graphql(`
  query ClientsPage($first: Int, $after: String, $filter: ClientFilter) {
    clients(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id clientId clientName clientSecret registrationAccessToken redirectUris createdAt isTestClient parseError } }
    }
  }
`);

const TokensPage = graphql(`
  query TokensPage($first: Int, $after: String, $filter: TokenFilter) {
    tokens(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { jti username clientId status expiresAt issuedAt format parseError client { clientId } user { username } } }
    }
  }
`);

const Relations = graphql(`
  query Relations($clientId: String!, $username: String!, $jti: String!) {
    client(clientId: $clientId) {
      clientId
      tokens { totalCount edges { node { jti } } }
      active: tokens(status: ACTIVE) { totalCount }
      refreshTokens { totalCount edges { node { fingerprint token username } } }
      users { edges { node { username } } }
      authCodes { totalCount }
      authStates { totalCount }
    }
    user(username: $username) {
      username
      tokens { edges { node { jti clientId } } }
      clients { edges { node { clientId } } }
      refreshTokens { totalCount }
      staleIndexEntries
      indexedTokenCount
    }
    token(jti: $jti) { jti client { clientId clientName } user { username tokens { totalCount } } }
  }
`);

const Missing = graphql(`
  query Missing {
    client(clientId: "client_nope") { clientId }
    token(jti: "nope") { jti }
    user(username: "nobody") { username }
  }
`);

const Ids = graphql(`
  query Ids($clientId: String!, $username: String!, $jti: String!) {
    client(clientId: $clientId) { id }
    user(username: $username) { id }
    token(jti: $jti) { id }
  }
`);

const Nodes = graphql(`
  query Nodes($id: ID!, $ids: [ID!]!) {
    node(id: $id) { id ... on AccessToken { jti client { clientId } } }
    nodes(ids: $ids) {
      __typename
      id
      ... on OAuthClient { clientId }
      ... on User { username }
      ... on AccessToken { jti owner: username }
    }
  }
`);

const Secrets = graphql(`
  query Secrets {
    clients(first: 500) { edges { node { clientId clientSecret registrationAccessToken } } }
    refreshTokens(first: 500) { edges { cursor node { fingerprint token } } }
    authCodes(first: 500) { edges { cursor node { fingerprint code } } }
  }
`);

const Nested = graphql(`
  query Nested {
    clients(first: 500) {
      edges {
        node {
          clientId
          clientName
          keyExpiresAt
          tokens(first: 10) { totalCount edges { node { jti status client { clientName } user { username tokens(first: 5) { totalCount } } } } }
          refreshTokens(first: 5) { totalCount }
          users(first: 5) { edges { node { username clients { totalCount } } } }
        }
      }
    }
  }
`);

const NOW_S = Math.floor(SAMPLE_TIME_MS / 1000);

/** The sample backup's records plus every variant and corrupt form the reference lists. */
async function seedVariants(store: TestStore): Promise<void> {
  await loadSampleRecords(store);
  const r = store.redis;
  const k = store.keys;
  // A client with real lists, `created_at` only, and a lowercase "test" name (not a test client).
  await r.set(
    k.client('client_variant'),
    pyJsonDumps({
      client_id: 'client_variant',
      client_secret: 'sec-variant',
      redirect_uris: ['http://localhost:9/cb'],
      client_name: 'test lowercase',
      scope: 'a b',
      created_at: NOW_S - 100,
      contacts: ['ops@example.com'],
      client_uri: 'https://example.com',
    }),
  );
  await r.set(k.client('client_corrupt'), 'not json{');
  await r.set(k.client('client_array'), '[1, 2]');
  await r.set(k.token('corrupt_tok'), '123');
  // A compact JWT stored as the value (the scripts accept it; the gateway never writes it).
  const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
  const payload = Buffer.from(
    JSON.stringify({ sub: '4', username: 'dave', scope: 'x', client_id: 'client_gone', jti: 'jwt_tok', iat: NOW_S - 10, exp: NOW_S + 3600 }),
  ).toString('base64url');
  await r.set(k.token('jwt_tok'), `${header}.${payload}.c2ln`);
  await r.set(
    k.token('exp_tok'),
    pyJsonDumps({
      sub: '5',
      username: 'erin',
      email: null,
      name: null,
      scope: 'x',
      client_id: 'client_3SvF7px4c_BY7LPz2ezxlg',
      iat: NOW_S - 7200,
      exp: NOW_S - 3600,
    }),
  );
  await r.set(
    k.refresh('refresh_old'),
    pyJsonDumps({ user_id: '6', username: 'frank', client_id: 'client_TrQGsD7xHypvy1XQu1qt3g', scope: 'x', created_at: NOW_S - 2592000 - 10 }),
  );
  await r.set(k.refresh('refresh_corrupt'), '{"truncated": ');
  await r.sadd(k.userTokens('ghost'), 'gone1', 'gone2');
  await r.sadd(k.userTokens('alice'), 'gone3');
  await r.set(
    k.state('leftover_state'),
    pyJsonDumps({ client_id: 'client_7pycEZkYab2d0ktIp4YXsA', redirect_uri: 'x', scope: 'y', state: 's', code_challenge: null, code_challenge_method: 'S256' }),
  );
  await r.set(
    k.code('code_resources'),
    pyJsonDumps({
      client_id: 'client_TrQGsD7xHypvy1XQu1qt3g',
      redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
      scope: 's',
      state: 'x',
      code_challenge: 'c',
      code_challenge_method: 'S256',
      user_id: '1',
      username: 'alice',
      email: '',
      name: 'Alice',
      resources: ['https://mcp.example.com'],
    }),
    'EX',
    3600,
  );
  await r.set(`${store.namespace}other:thing`, 'outside the prefix');
}

describe('read side on gateway-format data', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore({ now: SAMPLE_TIME_MS });
    await seedVariants(store);
  });
  afterAll(() => store.close());

  it('computes semantics.md statistics, corrupt records and variants included', async () => {
    const { stats } = expectData(await execute(store, Stats));
    expect(stats).toEqual({
      registrations: 6,
      corruptRegistrations: 2,
      testRegistrations: 1,
      activeTokens: 3,
      expiredTokens: 2,
      corruptTokens: 1,
      refreshTokens: 4,
      expiredRefreshTokens: 1,
      authStates: 2,
      authCodes: 2,
      leftoverStates: 1,
      leftoverCodes: 0,
      userIndexes: 3,
      staleIndexEntries: 3,
      userCount: 6,
      usersWithActiveTokens: 2,
      orphanTokens: 1,
    });
  });

  it('moves tokens from ACTIVE to EXPIRED as the clock passes their expiry', async () => {
    store.clock.now = Date.parse('2026-11-28T00:00:00Z');
    try {
      const { stats } = expectData(await execute(store, Stats));
      expect(stats.activeTokens).toBe(0);
      expect(stats.expiredTokens).toBe(5);
      expect(stats.usersWithActiveTokens).toBe(0);
    } finally {
      store.clock.now = SAMPLE_TIME_MS;
    }
  });

  it('pages through every client and token exactly once', async () => {
    const clients = await allPages(async (after) => expectData(await execute(store, ClientsPage, { first: 2, after })).clients);
    expect(clients.map((c) => c.clientId)).toEqual([
      'client_3SvF7px4c_BY7LPz2ezxlg',
      'client_7pycEZkYab2d0ktIp4YXsA',
      'client_TrQGsD7xHypvy1XQu1qt3g',
      'client_array',
      'client_corrupt',
      'client_variant',
    ]);
    const tokens = await allPages(async (after) => expectData(await execute(store, TokensPage, { first: 1, after })).tokens);
    expect(tokens.map((t) => t.jti).sort()).toEqual([
      '49NC_kbNyJMLYgA4HbXzug',
      '4gZFbt-tgsdSjpXhcAb92g',
      'corrupt_tok',
      'exp_tok',
      'jwt_tok',
      'kDUJmV-Ua39KzJLYrLNOvA',
    ]);
    expect(new Set(tokens.map((t) => t.jti)).size).toBe(tokens.length);
  });

  it('reads every client variant and flags corrupt values without failing the query', async () => {
    const { clients } = expectData(await execute(store, ClientsPage, { first: 50 }));
    const byId = new Map(clients.edges.map((e) => [e.node.clientId, e.node]));
    expect(byId.get('client_TrQGsD7xHypvy1XQu1qt3g')).toMatchObject({
      clientName: 'Tëst ünïcode',
      redirectUris: ['urn:ietf:wg:oauth:2.0:oob'],
      isTestClient: false,
    });
    expect(byId.get('client_7pycEZkYab2d0ktIp4YXsA')).toMatchObject({
      isTestClient: true,
      redirectUris: ['https://auth.example.com/success', 'http://localhost:8080/cb'],
      createdAt: '2026-11-26T15:34:26.000Z',
      clientSecret: 'vOnInQoOo9TakJSAPtik-2ry7Xq-yV2FpPz03n4Xr44',
    });
    expect(byId.get('client_variant')).toMatchObject({
      redirectUris: ['http://localhost:9/cb'],
      isTestClient: false,
      createdAt: new Date((NOW_S - 100) * 1000).toISOString(),
    });
    expect(byId.get('client_corrupt')).toMatchObject({ parseError: expect.stringContaining('not JSON'), clientName: null });
    expect(byId.get('client_array')?.parseError).toContain('not an object');
    const { clients: tests } = expectData(await execute(store, ClientsPage, { filter: { testOnly: true } }));
    expect(tests.edges.map((e) => e.node.clientId)).toEqual(['client_7pycEZkYab2d0ktIp4YXsA']);
    const { clients: named } = expectData(await execute(store, ClientsPage, { filter: { nameContains: 'ÜNÏ' } }));
    expect(named.totalCount).toBe(1);
  });

  it('reads token variants: JSON, JWT, exp/iat fields, corrupt', async () => {
    const { tokens } = expectData(await execute(store, TokensPage, { first: 50 }));
    const byJti = new Map(tokens.edges.map((e) => [e.node.jti, e.node]));
    expect(byJti.get('jwt_tok')).toMatchObject({ format: 'JWT', username: 'dave', status: 'ACTIVE', client: null, user: { username: 'dave' } });
    expect(byJti.get('exp_tok')).toMatchObject({ format: 'JSON', status: 'EXPIRED', expiresAt: new Date((NOW_S - 3600) * 1000).toISOString() });
    expect(byJti.get('corrupt_tok')).toMatchObject({ status: null, parseError: expect.stringContaining('not an object'), client: null });
    expect(byJti.get('4gZFbt-tgsdSjpXhcAb92g')).toMatchObject({ status: 'EXPIRED', username: 'bob' });
    const { tokens: active } = expectData(await execute(store, TokensPage, { filter: { status: 'ACTIVE' } }));
    expect(active.totalCount).toBe(3);
    const { tokens: alice } = expectData(await execute(store, TokensPage, { filter: { username: 'alice', clientId: 'client_7pycEZkYab2d0ktIp4YXsA' } }));
    expect(alice.edges.map((e) => e.node.jti)).toEqual(['kDUJmV-Ua39KzJLYrLNOvA']);
  });

  it('resolves relations both ways', async () => {
    const data = expectData(await execute(store, Relations, { clientId: 'client_7pycEZkYab2d0ktIp4YXsA', username: 'alice', jti: 'kDUJmV-Ua39KzJLYrLNOvA' }));
    expect(data.client?.tokens.edges.map((e) => e.node.jti)).toEqual(['4gZFbt-tgsdSjpXhcAb92g', 'kDUJmV-Ua39KzJLYrLNOvA']);
    expect(data.client?.active.totalCount).toBe(1);
    expect(data.client?.refreshTokens.edges.map((e) => e.node.token)).toEqual(['2MSL1qgk_IUgyP3nA8kJo47W0b3ltz9BpaPjacCggkk']);
    expect(data.client?.users.edges.map((e) => e.node.username)).toEqual(['alice', 'bob']);
    expect(data.client?.authStates.totalCount).toBe(2);
    expect(data.client?.authCodes.totalCount).toBe(1);
    expect(data.user?.tokens.edges.map((e) => e.node.jti).sort()).toEqual(['49NC_kbNyJMLYgA4HbXzug', 'kDUJmV-Ua39KzJLYrLNOvA']);
    expect(data.user?.clients.edges.map((e) => e.node.clientId)).toEqual(['client_3SvF7px4c_BY7LPz2ezxlg', 'client_7pycEZkYab2d0ktIp4YXsA']);
    expect(data.user?.refreshTokens.totalCount).toBe(2);
    expect(data.user?.staleIndexEntries).toEqual(['gone3']);
    expect(data.user?.indexedTokenCount).toBe(3);
    expect(data.token).toEqual({
      jti: 'kDUJmV-Ua39KzJLYrLNOvA',
      client: { clientId: 'client_7pycEZkYab2d0ktIp4YXsA', clientName: 'TEST test_oauth_flow' },
      user: { username: 'alice', tokens: { totalCount: 2 } },
    });
  });

  it('answers null, not an error, for missing records', async () => {
    expect(expectData(await execute(store, Missing))).toEqual({ client: null, token: null, user: null });
  });

  it('fetches a client, a user and a token again by global id (node, nodes), null once gone', async () => {
    const ids = expectData(await execute(store, Ids, { clientId: 'client_7pycEZkYab2d0ktIp4YXsA', username: 'alice', jti: 'kDUJmV-Ua39KzJLYrLNOvA' }));
    const [client, user, token] = [ids.client?.id, ids.user?.id, ids.token?.id] as [string, string, string];
    const gone = Buffer.from('AccessToken:no_such_jti').toString('base64');
    const data = expectData(await execute(store, Nodes, { id: token, ids: [user, token, gone, client, token] }));
    expect(data.node).toEqual({ id: token, jti: 'kDUJmV-Ua39KzJLYrLNOvA', client: { clientId: 'client_7pycEZkYab2d0ktIp4YXsA' } });
    expect(data.nodes).toEqual([
      { __typename: 'User', id: user, username: 'alice' },
      { __typename: 'AccessToken', id: token, jti: 'kDUJmV-Ua39KzJLYrLNOvA', owner: 'alice' },
      null,
      { __typename: 'OAuthClient', id: client, clientId: 'client_7pycEZkYab2d0ktIp4YXsA' },
      { __typename: 'AccessToken', id: token, jti: 'kDUJmV-Ua39KzJLYrLNOvA', owner: 'alice' },
    ]);
    const nobody = Buffer.from('User:nobody').toString('base64');
    expect(expectData(await execute(store, Nodes, { id: gone, ids: [nobody] }))).toEqual({ node: null, nodes: [null] });
  });

  it('refuses a request without a token or with a wrong one (401)', async () => {
    for (const token of [null, 'wrong-token', `${VIEWER}x`]) {
      const response = await execute(store, Stats, {}, { token });
      expect(response.status).toBe(401);
      expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('gives a viewer everything but secrets, which never appear anywhere in the response', async () => {
    const asViewer = await execute(store, Secrets, {}, { token: VIEWER });
    const data = expectData(asViewer);
    expect(data.clients.edges.length).toBe(6);
    for (const e of data.clients.edges) expect([e.node.clientSecret, e.node.registrationAccessToken]).toEqual([null, null]);
    for (const e of data.refreshTokens.edges) expect(e.node.token).toBeNull();
    for (const e of data.authCodes.edges) expect(e.node.code).toBeNull();
    const text = JSON.stringify(asViewer.body);
    const asAdmin = expectData(await execute(store, Secrets));
    const secrets = [
      ...asAdmin.clients.edges.flatMap((e) => [e.node.clientSecret, e.node.registrationAccessToken]),
      ...asAdmin.refreshTokens.edges.map((e) => e.node.token),
      ...asAdmin.authCodes.edges.map((e) => e.node.code),
    ].filter((s): s is string => typeof s === 'string');
    expect(secrets.length).toBeGreaterThan(8);
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(Buffer.from(`k:${secret}`).toString('base64url'));
    }
  });

  it('refuses garbage cursors and oversized pages with a clear error', async () => {
    const bad = await execute(store, ClientsPage, { after: 'not-a-cursor!' });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.body.errors?.[0]?.message).toContain('invalid cursor');
    const big = await execute(store, ClientsPage, { first: 2001 });
    expect(big.body.errors?.[0]?.message).toContain('at most 2000');
    const negative = await execute(store, ClientsPage, { first: -1 });
    expect(negative.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers /health with Redis up', async () => {
    const response = await store.app.fetch('http://oauth-admin.test/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', redis: 'up' });
  });
});

describe('DataLoader batching', () => {
  /** Builds a store with `clients` clients, each with two tokens of distinct users. */
  async function storeWith(clients: number): Promise<TestStore> {
    const store = await openStore({ now: SAMPLE_TIME_MS });
    for (let i = 0; i < clients; i++) {
      const clientId = `client_${String(i).padStart(3, '0')}`;
      await store.writer.client({ clientId, clientName: `Client ${i}`, createdAt: NOW_S - 1000 });
      for (let j = 0; j < 2; j++) {
        await store.writer.accessToken(`jti_${i}_${j}`, { username: `user_${i}_${j}`, clientId, createdAt: NOW_S - 10, expiresAt: NOW_S + 3600 }, 3600);
        await store.writer.refreshToken(`refresh_${i}_${j}`, { username: `user_${i}_${j}`, clientId, createdAt: NOW_S - 10 });
      }
    }
    return store;
  }

  async function commandsFor(store: TestStore): Promise<number> {
    const counter = countCommands(store.redis as Redis);
    const data = expectData(await execute(store, Nested));
    expect(data.clients.edges.every((e) => e.node.tokens.totalCount === 2)).toBe(true);
    // SCAN steps follow the size of the whole keyspace (other test files share this Redis), not
    // the number of clients asked about, so they are left out of the comparison.
    return counter.names.filter((name) => name !== 'scan').length;
  }

  // On a cluster every batch is split by hash slot, so command counts follow the keys' spread.
  it.skipIf(inject('redisUrl').startsWith('redis+cluster://'))(
    'sends the same number of Redis commands for 10 and for 50 clients with tokens and users',
    async () => {
      const small = await storeWith(10);
      const large = await storeWith(50);
      try {
        const few = await commandsFor(small);
        const many = await commandsFor(large);
        expect(many).toBe(few);
        expect(many).toBeLessThan(15);
      } finally {
        await small.close();
        await large.close();
      }
    },
  );
});
