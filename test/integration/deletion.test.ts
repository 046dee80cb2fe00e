import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphql } from '../../src/generated/index.js';
import { collectKeys } from '../../src/redis/batch.js';
import { execute, expectData } from '../helpers/execute.js';
import { dataSnapshot, keyNames, seedScenario } from '../helpers/scenario.js';
import { type TestStore, VIEWER, followIndexes, openStore } from '../helpers/store.js';

const DeleteClient = graphql(`
  mutation DeleteClient($clientId: String!, $cascade: Boolean) {
    deleteClient(clientId: $clientId, cascade: $cascade) {
      executed confirmToken
      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }
    }
  }
`);

const DeleteToken = graphql(`
  mutation DeleteToken($jti: String!) {
    deleteToken(jti: $jti) { executed counts { accessTokens userIndexEntries userIndexes } }
  }
`);

const DeleteAllClients = graphql(`
  mutation DeleteAllClients($cascade: Boolean, $confirmToken: String) {
    deleteAllClients(cascade: $cascade, confirmToken: $confirmToken) {
      executed confirmToken
      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }
    }
  }
`);

const DeleteAllTokens = graphql(`
  mutation DeleteAllTokens($confirmToken: String) {
    deleteAllTokens(confirmToken: $confirmToken) {
      executed confirmToken
      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }
    }
  }
`);

const DeleteUserTokens = graphql(`
  mutation DeleteUserTokens($username: String!, $dryRun: Boolean!) {
    deleteUserTokens(username: $username, dryRun: $dryRun) {
      executed
      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }
    }
  }
`);

const Purge = graphql(`
  mutation Purge($dryRun: Boolean!) {
    purgeExpired(dryRun: $dryRun) { id kind status dryRun }
  }
`);

const Cleanup = graphql(`
  mutation Cleanup($dryRun: Boolean!) {
    cleanupTestClients(dryRun: $dryRun) { id kind status dryRun }
  }
`);

const JobQuery = graphql(`
  query JobState($id: ID!) {
    job(id: $id) {
      id kind status dryRun error finished
      progress { phase scanned total matched deleted }
      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }
    }
  }
`);

const Preview = graphql(`
  query Preview($clientId: String!) {
    clientDeletionPreview(clientId: $clientId) {
      clientId sampleTokenJtis sampleUsernames
      counts { clients accessTokens refreshTokens authCodes authStates userIndexEntries userIndexes }
    }
  }
`);

const Audit = graphql(`
  query Audit($first: Int, $after: String) {
    auditLog(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { action actor dryRun outcome target jobId error counts { clients accessTokens } } }
    }
  }
`);

const zero = { clients: 0, accessTokens: 0, refreshTokens: 0, authCodes: 0, authStates: 0, userIndexEntries: 0, userIndexes: 0 };

/** Runs a job mutation's job to its end and returns the final state through the API. */
async function finish(store: TestStore, id: string) {
  await store.services.jobs.wait(id);
  return expectData(await execute(store, JobQuery, { id })).job;
}

const ALL_KEYS = [
  'oauth:client:client_A',
  'oauth:client:client_B',
  'oauth:client:client_C',
  'oauth:client:client_D',
  'oauth:code:code_A',
  'oauth:code:code_B',
  'oauth:code:code_left',
  'oauth:refresh:refresh_A',
  'oauth:refresh:refresh_B',
  'oauth:refresh:refresh_corrupt',
  'oauth:refresh:refresh_old',
  'oauth:state:state_A',
  'oauth:state:state_B',
  'oauth:state:state_corrupt',
  'oauth:state:state_left',
  'oauth:token:a1',
  'oauth:token:a2',
  'oauth:token:b1',
  'oauth:token:b2',
  'oauth:token:c1',
  'oauth:token:o1',
  'oauth:token:x1',
  'oauth:user_tokens:alice',
  'oauth:user_tokens:bob',
  'oauth:user_tokens:carol',
  'oauth:user_tokens:dave',
  'oauth:user_tokens:ghost',
  'oauthx:client:lookalike',
  'other:key',
];
const without = (...gone: string[]) => ALL_KEYS.filter((k) => !gone.includes(k));

describe('the "Deleting" table on gateway-format data', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openStore();
    await seedScenario(store);
    expect(await keyNames(store)).toEqual(ALL_KEYS);
  });
  afterEach(() => store.close());

  it('delete a registration: the client key only', async () => {
    const result = expectData(await execute(store, DeleteClient, { clientId: 'client_A' })).deleteClient;
    expect(result).toEqual({ executed: true, confirmToken: null, counts: { ...zero, clients: 1 } });
    expect(await keyNames(store)).toEqual(without('oauth:client:client_A'));
  });

  it('delete a client completely: its tokens, refresh tokens, codes, states and index entries', async () => {
    const preview = expectData(await execute(store, Preview, { clientId: 'client_B' })).clientDeletionPreview;
    const expected = { clients: 1, accessTokens: 2, refreshTokens: 1, authCodes: 1, authStates: 1, userIndexEntries: 2, userIndexes: 1 };
    expect(preview).toMatchObject({ clientId: 'client_B', counts: expected, sampleUsernames: ['bob'] });
    expect([...(preview?.sampleTokenJtis ?? [])].sort()).toEqual(['b1', 'b2']);
    const result = expectData(await execute(store, DeleteClient, { clientId: 'client_B', cascade: true })).deleteClient;
    expect(result.counts).toEqual(expected);
    expect(await keyNames(store)).toEqual(
      without(
        'oauth:client:client_B',
        'oauth:token:b1',
        'oauth:token:b2',
        'oauth:refresh:refresh_B',
        'oauth:code:code_B',
        'oauth:state:state_B',
        'oauth:user_tokens:bob',
      ),
    );
  });

  it('cascade removes only the deleted tokens from an index that keeps others', async () => {
    const result = expectData(await execute(store, DeleteClient, { clientId: 'client_A', cascade: true })).deleteClient;
    expect(result.counts).toEqual({ clients: 1, accessTokens: 2, refreshTokens: 1, authCodes: 1, authStates: 1, userIndexEntries: 2, userIndexes: 0 });
    expect((await store.redis.smembers(store.keys.userTokens('alice'))).sort()).toEqual(['gone1']);
  });

  it('delete a token: the key and its jti in the user index', async () => {
    const result = expectData(await execute(store, DeleteToken, { jti: 'a1' })).deleteToken;
    expect(result).toEqual({ executed: true, counts: { accessTokens: 1, userIndexEntries: 1, userIndexes: 0 } });
    expect((await store.redis.smembers(store.keys.userTokens('alice'))).sort()).toEqual(['a2', 'gone1']);
    expect(await keyNames(store)).toEqual(without('oauth:token:a1'));
  });

  it('deleting a missing client or token is NOT_FOUND and changes nothing', async () => {
    const before = await dataSnapshot(store);
    for (const response of [
      await execute(store, DeleteClient, { clientId: 'client_nope', cascade: true }),
      await execute(store, DeleteToken, { jti: 'nope' }),
    ]) {
      expect(response.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect(response.body.errors?.[0]?.message).toMatch(/does not exist/);
    }
    expect(await dataSnapshot(store)).toEqual(before);
  });

  it('delete all registrations is two-step and the plan matches what runs', async () => {
    const before = await dataSnapshot(store);
    const plan = expectData(await execute(store, DeleteAllClients, { cascade: true })).deleteAllClients;
    expect(plan.executed).toBe(false);
    expect(plan.confirmToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(plan.counts).toEqual({ clients: 4, accessTokens: 5, refreshTokens: 3, authCodes: 3, authStates: 3, userIndexEntries: 5, userIndexes: 2 });
    expect(await dataSnapshot(store)).toEqual(before);
    const done = expectData(await execute(store, DeleteAllClients, { cascade: true, confirmToken: plan.confirmToken })).deleteAllClients;
    expect(done).toEqual({ executed: true, confirmToken: null, counts: plan.counts });
    expect(await keyNames(store)).toEqual([
      'oauth:refresh:refresh_corrupt',
      'oauth:state:state_corrupt',
      'oauth:token:o1',
      'oauth:token:x1',
      'oauth:user_tokens:alice',
      'oauth:user_tokens:dave',
      'oauth:user_tokens:ghost',
      'oauthx:client:lookalike',
      'other:key',
    ]);
  });

  it('delete all registrations without cascade removes the client keys only', async () => {
    const plan = expectData(await execute(store, DeleteAllClients, {})).deleteAllClients;
    expect(plan.counts).toEqual({ ...zero, clients: 4 });
    const done = expectData(await execute(store, DeleteAllClients, { confirmToken: plan.confirmToken })).deleteAllClients;
    expect(done.counts).toEqual({ ...zero, clients: 4 });
    expect(await keyNames(store)).toEqual(ALL_KEYS.filter((k) => !k.startsWith('oauth:client:')));
  });

  it('delete all tokens: every access token, refresh token and user index (clients and flows stay)', async () => {
    const plan = expectData(await execute(store, DeleteAllTokens, {})).deleteAllTokens;
    const expected = { ...zero, accessTokens: 7, refreshTokens: 4, userIndexEntries: 9, userIndexes: 5 };
    expect(plan.counts).toEqual(expected);
    const done = expectData(await execute(store, DeleteAllTokens, { confirmToken: plan.confirmToken })).deleteAllTokens;
    expect(done.counts).toEqual(expected);
    expect(await keyNames(store)).toEqual(ALL_KEYS.filter((k) => !/^oauth:(token|refresh|user_tokens):/.test(k)));
  });

  it('refuses forged, reused, expired and other-operation confirm tokens, changing nothing', async () => {
    const before = await dataSnapshot(store);
    const refused = async (response: Awaited<ReturnType<typeof execute>>) => {
      expect(response.body.errors?.[0]?.extensions?.code).toBe('CONFIRMATION_INVALID');
      expect(await dataSnapshot(store)).toEqual(before);
    };
    await refused(await execute(store, DeleteAllTokens, { confirmToken: 'forged-token-aaaaaaaaaaaaaaaaaaaaaaaa' }));
    const forClients = expectData(await execute(store, DeleteAllClients, { cascade: false })).deleteAllClients.confirmToken;
    await refused(await execute(store, DeleteAllTokens, { confirmToken: forClients }));
    // The token was consumed by the wrong operation: it is gone for the right one too.
    await refused(await execute(store, DeleteAllClients, { cascade: false, confirmToken: forClients }));
    const withCascade = expectData(await execute(store, DeleteAllClients, { cascade: true })).deleteAllClients.confirmToken;
    await refused(await execute(store, DeleteAllClients, { cascade: false, confirmToken: withCascade }));
    const stale = expectData(await execute(store, DeleteAllTokens, {})).deleteAllTokens.confirmToken as string;
    const [confirmKey] = await collectKeys(store.redis, store.keys.admin('confirm', '*'));
    await store.redis.pexpire(confirmKey as string, 1);
    await new Promise((r) => setTimeout(r, 20));
    await refused(await execute(store, DeleteAllTokens, { confirmToken: stale }));
  });

  it('revokes a user everywhere (dry run first, same counts)', async () => {
    const before = await dataSnapshot(store);
    const dry = expectData(await execute(store, DeleteUserTokens, { username: 'alice', dryRun: true })).deleteUserTokens;
    const expected = { ...zero, accessTokens: 2, refreshTokens: 1, authCodes: 1, userIndexEntries: 3, userIndexes: 1 };
    expect(dry).toEqual({ executed: false, counts: expected });
    expect(await dataSnapshot(store)).toEqual(before);
    const real = expectData(await execute(store, DeleteUserTokens, { username: 'alice', dryRun: false })).deleteUserTokens;
    expect(real).toEqual({ executed: true, counts: expected });
    expect(await keyNames(store)).toEqual(
      without('oauth:token:a1', 'oauth:token:a2', 'oauth:refresh:refresh_A', 'oauth:code:code_A', 'oauth:user_tokens:alice'),
    );
    const unknown = await execute(store, DeleteUserTokens, { username: 'nobody', dryRun: true });
    expect(unknown.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('test cleanup removes every TEST client completely, and only those', async () => {
    const dry = await finish(store, expectData(await execute(store, Cleanup, { dryRun: true })).cleanupTestClients.id);
    const expected = { clients: 1, accessTokens: 2, refreshTokens: 1, authCodes: 1, authStates: 1, userIndexEntries: 2, userIndexes: 1 };
    expect(dry).toMatchObject({ status: 'SUCCEEDED', dryRun: true, counts: expected, finished: true });
    const real = await finish(store, expectData(await execute(store, Cleanup, { dryRun: false })).cleanupTestClients.id);
    expect(real).toMatchObject({ status: 'SUCCEEDED', dryRun: false, counts: expected });
    expect(await keyNames(store)).toEqual(
      without(
        'oauth:client:client_B',
        'oauth:token:b1',
        'oauth:token:b2',
        'oauth:refresh:refresh_B',
        'oauth:code:code_B',
        'oauth:state:state_B',
        'oauth:user_tokens:bob',
      ),
    );
  });

  it.each(['a pass over every key', 'the derived indexes'])(
    'purge removes exactly what expired, and the dry run reports the same counts while changing nothing (candidates from %s)',
    async (path) => {
      if (path === 'the derived indexes') {
        // Built and followed, as the leader process keeps them: the purge then reads only its candidates.
        await followIndexes(store);
      }
      const before = await dataSnapshot(store);
      const dry = await finish(store, expectData(await execute(store, Purge, { dryRun: true })).purgeExpired.id);
      const expected = { clients: 0, accessTokens: 3, refreshTokens: 1, authCodes: 1, authStates: 1, userIndexEntries: 6, userIndexes: 2 };
      expect(dry).toMatchObject({ status: 'SUCCEEDED', dryRun: true, counts: expected });
      expect(dry?.progress.deleted).toBe(0);
      expect(await dataSnapshot(store)).toEqual(before);
      const real = await finish(store, expectData(await execute(store, Purge, { dryRun: false })).purgeExpired.id);
      expect(real).toMatchObject({ status: 'SUCCEEDED', counts: expected, progress: { phase: 'done' } });
      expect(await keyNames(store)).toEqual(
        without(
          'oauth:token:a2',
          'oauth:token:b2',
          'oauth:token:o1',
          'oauth:refresh:refresh_old',
          'oauth:code:code_left',
          'oauth:state:state_left',
          'oauth:user_tokens:dave',
          'oauth:user_tokens:ghost',
        ),
      );
      expect(await store.redis.smembers(store.keys.userTokens('alice'))).toEqual(['a1']);
      expect(await store.redis.smembers(store.keys.userTokens('bob'))).toEqual(['b1']);
      // A second purge finds nothing left to do.
      const again = await finish(store, expectData(await execute(store, Purge, { dryRun: false })).purgeExpired.id);
      expect(again?.counts).toEqual(zero);
      if (path === 'the derived indexes') {
        // Only candidates are read: the 3 expired tokens; the expired refresh token stored without TTL
        // (the index lists refresh tokens without a TTL); the 3 code and 4 state keys
        // (the index counts a leftover of each kind). Clients, live tokens, valid refresh tokens never.
        expect(real?.progress.scanned).toBe(3 + 1 + 3 + 4);
        // And the indexes still agree with the data.
        expect(await store.services.indexes.fresh()).toBe(true);
        expect(await store.services.indexes.store.readStats(store.clock.now / 1000, 2592000)).toEqual(await store.services.stats.scan());
        await store.services.indexes.stop();
      }
    },
  );

  it("refuses a viewer's mutations (FORBIDDEN) and changes nothing", async () => {
    const before = await dataSnapshot(store);
    for (const response of [
      await execute(store, DeleteClient, { clientId: 'client_A', cascade: true }, { token: VIEWER }),
      await execute(store, DeleteAllTokens, {}, { token: VIEWER }),
      await execute(store, Purge, { dryRun: false }, { token: VIEWER }),
      await execute(store, DeleteUserTokens, { username: 'alice', dryRun: false }, { token: VIEWER }),
    ]) {
      expect(response.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await dataSnapshot(store)).toEqual(before);
  });

  it('audits every mutation, newest first, with who, what, outcome and counts', async () => {
    await execute(store, DeleteToken, { jti: 'a1' });
    await execute(store, DeleteToken, { jti: 'nope' });
    const plan = expectData(await execute(store, DeleteAllTokens, {})).deleteAllTokens;
    await finish(store, expectData(await execute(store, Purge, { dryRun: true })).purgeExpired.id);
    const log = expectData(await execute(store, Audit, { first: 10 })).auditLog;
    expect(log.totalCount).toBe(4);
    expect(log.edges.map((e) => [e.node.action, e.node.outcome, e.node.dryRun])).toEqual([
      ['purgeExpired', 'SUCCEEDED', true],
      ['deleteAllTokens', 'PLANNED', true],
      ['deleteToken', 'REFUSED', false],
      ['deleteToken', 'SUCCEEDED', false],
    ]);
    expect(log.edges[3]?.node).toMatchObject({ actor: 'admin-token', target: 'a1', counts: { accessTokens: 1 } });
    expect(log.edges[0]?.node.jobId).toBeTruthy();
    expect(JSON.stringify(log)).not.toContain(plan.confirmToken as string);
    const firstPage = expectData(await execute(store, Audit, { first: 2 })).auditLog;
    expect(firstPage.pageInfo.hasNextPage).toBe(true);
    const second = expectData(await execute(store, Audit, { first: 2, after: firstPage.pageInfo.endCursor })).auditLog;
    expect(second.edges.map((e) => e.node.action)).toEqual(['deleteToken', 'deleteToken']);
  });
});
