import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphql } from '../../src/generated/index.js';
import { execute } from '../helpers/execute.js';
import { type TestStore, openStore } from '../helpers/store.js';

const Everything = graphql(`
  query HardeningEverything {
    stats { registrations corruptRegistrations activeTokens expiredTokens corruptTokens refreshTokens authStates authCodes userCount usersWithActiveTokens orphanTokens }
    clients(first: 500) { totalCount edges { node { clientId clientName clientSecret createdAt clientSecretExpiresAt redirectUris grantTypes contacts isTestClient parseError keyExpiresAt tokens(first: 5) { totalCount } } } }
    tokens(first: 500) { totalCount edges { node { jti username email name scope clientId issuedAt expiresAt expiresInSeconds status format parseError keyExpiresAt client { clientId } user { username } } } }
    refreshTokens(first: 500) { totalCount edges { node { fingerprint token clientId createdAt expiresAt status resources parseError user { username } } } }
    authCodes(first: 500) { totalCount edges { node { fingerprint code clientId clientState isLeftover hasCodeChallenge parseError user { username } } } }
    authStates(first: 500) { totalCount edges { node { state clientId redirectUri isLeftover hasCodeChallenge parseError } } }
    users(first: 500) { totalCount edges { node { username indexedTokenCount staleIndexEntries tokens(first: 5) { totalCount } } } }
  }
`);

const POLLUTION = ['__proto__', 'constructor', 'prototype'];
const hostile = fc.oneof(
  fc.constantFrom('NaN', 'Infinity', '1e400', '-1e400', '9'.repeat(30), '-0', '', 'null', '[]', '{}', '\uD800', '\u0000'),
  fc.double(),
  fc.integer({ min: -2e15, max: 2e15 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.constant(null),
  fc.boolean(),
);
const FIELDS = [
  'client_id',
  'client_name',
  'username',
  'email',
  'name',
  'exp',
  'iat',
  'expires_at',
  'created_at',
  'client_id_issued_at',
  'client_secret_expires_at',
  'redirect_uris',
  'grant_types',
  'contacts',
  'resources',
  'scope',
  'state',
  'code_challenge',
  'user_id',
  'sub',
  ...POLLUTION,
];
/** A stored value: hostile JSON objects, or not JSON / not an object at all. */
const storedValue = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.dictionary(fc.constantFrom(...FIELDS), hostile, { maxKeys: 8 }).map((o) => JSON.stringify(o).replace(/1e\+?400|Infinity/g, '1e400')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
);

describe('hostile records in Redis', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openStore();
  });
  afterEach(() => store.close());

  it('never crash a query: every list, link and count answers without errors', async () => {
    const values = fc.sample(storedValue, { numRuns: 240, seed: Number(process.env.FUZZ_SEED ?? 7) });
    // One command at a time (no pipeline): a cluster spreads these keys over its slots.
    const writes: Promise<unknown>[] = [];
    values.forEach((value, i) => {
      const id = `fuzz${i}`;
      const kind = i % 5;
      if (kind === 0) writes.push(store.redis.set(store.keys.client(`client_${id}`), value));
      else if (kind === 1) writes.push(store.redis.set(store.keys.token(id), value));
      else if (kind === 2) writes.push(store.redis.set(store.keys.refresh(id), value));
      else if (kind === 3) writes.push(store.redis.set(store.keys.code(id), value));
      else writes.push(store.redis.set(store.keys.state(id), value));
      if (i % 7 === 0) writes.push(store.redis.sadd(store.keys.userTokens(`user${i % 3}`), id, `gone${i}`));
    });
    // User indexes named with hostile text too.
    writes.push(store.redis.sadd(store.keys.userTokens('__proto__'), 'fuzz1'));
    writes.push(store.redis.sadd(store.keys.userTokens('\uD800 \u0000'), 'fuzz6'));
    await Promise.all(writes);

    const result = await execute(store, Everything);
    expect(result.status).toBe(200);
    expect(result.body.errors, JSON.stringify(result.body.errors?.slice(0, 3))).toBeUndefined();
    const data = result.body.data;
    expect(data?.clients.totalCount).toBe(48);
    expect(data?.tokens.totalCount).toBe(48);
    expect(data?.stats.registrations).toBe(48);
    // Every corrupt record is flagged, never silently dropped.
    const corruptTokens = data?.tokens.edges.filter((e) => e.node.parseError !== null).length ?? 0;
    expect(corruptTokens).toBe(data?.stats.corruptTokens);
  });
});
