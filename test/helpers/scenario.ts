import { pyJsonDumps } from '../../src/redis/python-json.js';
import type { TestStore } from './store.js';

export const REFRESH_LIFETIME = 2592000;

/**
 * A store in the gateway's exact bytes with one of everything the "Deleting" table talks about:
 * active and expired tokens (some expired keys without TTL, as old restores leave them), an
 * orphan, corrupt records of each kind, leftovers, stale index entries, and keys outside the
 * prefix. Times are relative to the store's clock.
 */
export async function seedScenario(store: TestStore): Promise<void> {
  const now = Math.floor(store.clock.now / 1000);
  const w = store.writer;
  const r = store.redis;
  const k = store.keys;
  await w.client({ clientId: 'client_A', clientName: 'App A', createdAt: now - 1000 });
  await w.client({ clientId: 'client_B', clientName: 'TEST suite', createdAt: now - 1000 });
  await w.client({ clientId: 'client_C', clientName: 'test lowercase', createdAt: now - 1000 });
  await r.set(k.client('client_D'), 'corrupt{');

  await w.accessToken('a1', { username: 'alice', clientId: 'client_A', createdAt: now - 100, expiresAt: now + 3600 }, 3600);
  await w.accessToken('a2', { username: 'alice', clientId: 'client_A', createdAt: now - 90000, expiresAt: now - 100 }, null);
  await w.accessToken('b1', { username: 'bob', clientId: 'client_B', createdAt: now - 100, expiresAt: now + 3600 }, 3600);
  await w.accessToken('b2', { username: 'bob', clientId: 'client_B', createdAt: now - 90000, expiresAt: now - 100, viaRefresh: true }, null);
  await w.accessToken('c1', { username: 'carol', clientId: 'client_C', createdAt: now - 100, expiresAt: now + 3600, email: null, name: null }, 3600);
  await w.accessToken('o1', { username: 'dave', clientId: 'client_gone', createdAt: now - 90000, expiresAt: now - 5 }, null);
  await r.set(k.token('x1'), '123');

  await w.refreshToken('refresh_A', { username: 'alice', clientId: 'client_A', createdAt: now - 100 });
  await w.refreshToken('refresh_B', { username: 'bob', clientId: 'client_B', createdAt: now - 100 });
  await w.refreshToken('refresh_old', { username: 'erin', clientId: 'client_C', createdAt: now - REFRESH_LIFETIME - 10 }, null);
  await r.set(k.refresh('refresh_corrupt'), '{"created_at": ');

  await w.code('code_A', { clientId: 'client_A', username: 'alice' });
  await w.code('code_B', { clientId: 'client_B', username: 'bob' });
  await w.code('code_left', { clientId: 'client_C', username: 'carol' }, null);
  await w.state('state_A', { clientId: 'client_A' });
  await w.state('state_B', { clientId: 'client_B' });
  await w.state('state_left', { clientId: 'client_C' }, null);
  await r.set(k.state('state_corrupt'), 'not json');

  await r.sadd(k.userTokens('alice'), 'gone1');
  await r.sadd(k.userTokens('ghost'), 'gone2', 'gone3');

  await r.set(`${store.namespace}other:key`, 'outside the prefix');
  await r.set(`${store.namespace}oauthx:client:lookalike`, pyJsonDumps({ client_name: 'TEST not ours' }));
}

/** Data keys of the store (our own job/audit keys left out), without the namespace, sorted. */
export async function keyNames(store: TestStore): Promise<string[]> {
  return [...(await store.snapshot()).keys()]
    .filter((key) => !key.startsWith(store.keys.prefixes.admin))
    .map((key) => key.slice(store.namespace.length))
    .sort();
}

/** A snapshot of the data keys (values, types, TTL presence), our own keys left out. */
export async function dataSnapshot(store: TestStore): Promise<Map<string, string>> {
  const all = await store.snapshot();
  return new Map([...all].filter(([key]) => !key.startsWith(store.keys.prefixes.admin)));
}
