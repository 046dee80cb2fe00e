import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { graphql } from '../../src/generated/index.js';
import { scanKeys, unlinkMany } from '../../src/redis/batch.js';
import { keyHolders } from '../../src/redis/connection.js';
import { prefixPattern } from '../../src/redis/keys.js';
import { pyJsonDumps } from '../../src/redis/python-json.js';
import { execute, expectData } from '../helpers/execute.js';
import { seedScenario } from '../helpers/scenario.js';
import { type TestStore, followIndexes, openStore } from '../helpers/store.js';
import { until } from '../helpers/wait.js';

const Relations = graphql(`
  query IndexedRelations {
    clients(first: 50) {
      edges { node { clientId tokens(first: 50) { totalCount edges { node { jti } } } active: tokens(status: ACTIVE) { totalCount } } }
    }
    users(first: 50) { totalCount edges { node { username tokens(first: 50) { totalCount edges { node { jti } } } } } }
  }
`);

const Reconcile = graphql(`
  mutation ReconcileIndexes($dryRun: Boolean!) {
    reconcileIndexes(dryRun: $dryRun) { id status }
  }
`);

const Status = graphql(`
  query IndexState { indexStatus { ready complete notifications leader pending } }
`);

/** Stats as the indexes answer them, beside the same figures read by scanning every key. */
async function compare(store: TestStore) {
  const indexed = await store.services.indexes.store.readStats(store.clock.now / 1000, 2592000);
  const scanned = await store.services.stats.scan();
  return { indexed, scanned };
}

async function relations(store: TestStore) {
  return expectData(await execute(store, Relations));
}

async function reconcile(store: TestStore, dryRun: boolean) {
  const job = expectData(await execute(store, Reconcile, { dryRun })).reconcileIndexes;
  return store.services.jobs.wait(job.id);
}

describe('derived indexes', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openStore();
    await seedScenario(store);
  });
  afterEach(async () => {
    await store.services.indexes.stop();
    await store.close();
  });

  it('a reconcile builds indexes that answer exactly what a full scan answers', async () => {
    const scanRelations = await relations(store);
    const dry = await reconcile(store, true);
    expect(dry?.status).toBe('SUCCEEDED');
    expect(dry?.progress.matched).toBeGreaterThan(10);
    // A reconcile alone (no process follows the changes) never makes reads use the indexes.
    const built = await reconcile(store, false);
    expect(built).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(expectData(await execute(store, Status)).indexStatus).toMatchObject({ ready: false, complete: false });
    await followIndexes(store);
    expect(expectData(await execute(store, Status)).indexStatus).toMatchObject({ ready: true, complete: true, leader: true, notifications: true });
    expect(await store.services.stats.compute()).toEqual(await store.services.stats.scan());
    const { indexed, scanned } = await compare(store);
    expect(indexed).toEqual(scanned);
    expect(await relations(store)).toEqual(scanRelations);
    // A second reconcile finds nothing to change.
    expect((await reconcile(store, true))?.progress.matched).toBe(0);
  });

  it("follows the gateway's writes, deletes and expiries through keyspace notifications", async () => {
    await followIndexes(store);
    const now = Math.floor(Date.now() / 1000);
    // Gateway-style activity behind the service's back.
    await store.writer.client({ clientId: 'client_new', clientName: 'New', createdAt: now });
    await store.writer.accessToken('n1', { username: 'nora', clientId: 'client_new', createdAt: now, expiresAt: now + 600 }, 600);
    await store.writer.accessToken('n2', { username: 'alice', clientId: 'client_new', createdAt: now, expiresAt: now + 1 }, 1);
    await store.writer.refreshToken('refresh_new', { username: 'nora', clientId: 'client_new', createdAt: now });
    await unlinkMany(store.redis, [store.keys.token('a1'), store.keys.client('client_C'), store.keys.refresh('refresh_A')]);
    await store.redis.srem(store.keys.userTokens('ghost'), 'gone2');
    await store.redis.set(store.keys.state('state_fresh'), pyJsonDumps({ client_id: 'client_A' }), 'EX', 300);
    await store.redis.persist(store.keys.state('state_A'));
    await store.redis.set(store.keys.token('b1'), 'corrupted now');
    // A barrier proves every write above is applied: no waiting, no polling.
    expect(await store.services.indexes.fresh()).toBe(true);
    const { indexed, scanned } = await compare(store);
    expect(indexed).toEqual(scanned);
    expect(indexed.registrations).toBe(4);
    // n2 expires in Redis (its expired event arrives when Redis removes the key).
    await until('Redis to expire n2', async () => (await store.redis.exists(store.keys.token('n2'))) === 0, 5000);
    expect(await store.services.indexes.fresh()).toBe(true);
    expect((await compare(store)).indexed).toEqual((await compare(store)).scanned);
    // Relations through the indexes match a scan of the same store.
    const viaIndex = await relations(store);
    await store.services.indexes.stop();
    expect(await store.services.indexes.fresh()).toBe(false);
    expect(await relations(store)).toEqual(viaIndex);
  });

  it('is not used for reads while nobody follows the changes', async () => {
    await reconcile(store, false);
    await store.redis.set(store.keys.client('client_Z'), '{}');
    // The index says 4 (built before client_Z); nobody follows, so reads scan and say 5.
    expect((await compare(store)).indexed.registrations).toBe(4);
    expect((await store.services.stats.compute()).registrations).toBe(5);
    await followIndexes(store);
    expect((await store.services.stats.compute()).registrations).toBe(5);
  });

  it('converges by reconcile alone when notifications are not followed', async () => {
    await reconcile(store, false);
    const now = Math.floor(Date.now() / 1000);
    await store.writer.accessToken('quiet1', { username: 'quinn', clientId: 'client_A', createdAt: now, expiresAt: now + 600 }, 600);
    await store.writer.accessToken('quiet2', { username: 'quinn', clientId: 'client_gone', createdAt: now, expiresAt: now + 600 }, 600);
    await unlinkMany(store.redis, [store.keys.client('client_C'), store.keys.userTokens('ghost')]);
    const stale = await compare(store);
    expect(stale.indexed.activeTokens).toBe(3);
    expect(stale.scanned.activeTokens).toBe(5);
    const dry = await reconcile(store, true);
    expect(dry?.progress.matched).toBeGreaterThan(0);
    await reconcile(store, false);
    const { indexed, scanned } = await compare(store);
    expect(indexed).toEqual(scanned);
  });

  it('counts expiries to the second, across minutes and ten-minute windows', async () => {
    const base = Math.floor(store.clock.now / 1000 / 600) * 600 + 590; // ten seconds before a window ends
    const offsets = [-1, 0, 1, 9, 10, 11, 59, 60, 61, 600, 3599, 3600, 3601];
    for (const [i, offset] of offsets.entries()) {
      await store.writer.accessToken(`edge${i}`, { username: 'edgar', clientId: 'client_A', createdAt: base - 60, expiresAt: base + offset }, null);
    }
    await reconcile(store, false);
    for (const step of [-2, -1, 0, 1, 5, 9, 10, 11, 30, 59, 60, 61, 599, 600, 601, 3599, 3600, 3601, 3602]) {
      store.clock.now = (base + step) * 1000 + 500;
      const { indexed, scanned } = await compare(store);
      expect({ step, active: indexed.activeTokens, expired: indexed.expiredTokens }).toEqual({
        step,
        active: scanned.activeTokens,
        expired: scanned.expiredTokens,
      });
    }
  });

  it('leaves no index entry behind once the data is gone, interned names included', async () => {
    await reconcile(store, false);
    const prefix = store.services.indexes.indexer.store.prefix;
    const indexKeys = async () => {
      const found: string[] = [];
      for (const node of await keyHolders(store.redis)) {
        let cursor = '0';
        do {
          const [next, keys] = await node.scan(cursor, 'MATCH', prefixPattern(prefix), 'COUNT', 1000);
          cursor = next;
          found.push(...keys.map((k) => k.slice(prefix.length)));
        } while (cursor !== '0');
      }
      return found.sort();
    };
    expect(await indexKeys()).toEqual(expect.arrayContaining(['ci', 'cn', 'ui', 'un', 'uidx']));
    const gateway: string[] = [];
    for (const pattern of ['client', 'token', 'refresh', 'state', 'code', 'user_tokens'] as const) {
      for await (const batch of scanKeys(store.redis, store.keys.pattern(pattern))) gateway.push(...batch);
    }
    await unlinkMany(store.redis, gateway);
    await reconcile(store, false);
    // Only the counters, the ready marker and the mark for a leader (a reconcile ran outside one)
    // are left; every interned client and user is freed.
    expect(await indexKeys()).toEqual(['dirty', 'n', 'ready']);
    const counters = await store.redis.hgetall(`${prefix}n`);
    expect(Object.keys(counters).sort()).toEqual(['gen', 'nextId']);
  });

  it('never returns a token that is gone, even before the index hears of it', async () => {
    await reconcile(store, false);
    // The leader's mark alone, without a follower: what a reader sees of an index behind the data.
    await store.services.indexes.store.markLive('test', 60_000);
    await store.redis.del(store.keys.token('a1'));
    const data = await relations(store);
    const clientA = data.clients.edges.find((e) => e.node.clientId === 'client_A');
    expect(clientA?.node.tokens.edges.map((e) => e.node.jti)).toEqual(['a2']);
    expect(clientA?.node.tokens.totalCount).toBe(1);
  });
});
