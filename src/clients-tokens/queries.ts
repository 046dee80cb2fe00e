/**
 * What the store view's listings and relations are built from: the stored record types, the
 * query shapes, each kind's listing order and the small list helpers.
 */
import type { AccessTokenRecord, AuthCodeRecord, AuthStateRecord, ClientRecord, RefreshTokenRecord } from '../redis/codecs.js';
import { tokenOrder } from '../indexes/store.js';
import type { StoredRecord } from '../redis/repositories.js';
import { fingerprint } from '../redis/fingerprint.js';
import type { TokenStatus } from './status.js';

export type StoredClient = StoredRecord<ClientRecord>;
export type StoredToken = StoredRecord<AccessTokenRecord>;
export type StoredRefreshToken = StoredRecord<RefreshTokenRecord>;
export type StoredState = StoredRecord<AuthStateRecord>;
export type StoredCode = StoredRecord<AuthCodeRecord>;

export function compareBy<T>(keyOf: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  };
}

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

export async function drain<T>(batches: AsyncGenerator<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const batch of batches) out.push(...batch);
  return out;
}

/**
 * Removes SCAN repeats and sorts by a stable key, so a listing pages through every record exactly
 * once. Kinds whose id is a secret (refresh tokens, codes) sort by its fingerprint instead.
 */
export function uniqueSorted<T extends { id: string }>(items: T[], keyOf: (item: T) => string = (i) => i.id): T[] {
  const seen = new Set<string>();
  // Each sort key is computed once (a fingerprint is a hash), not once per comparison.
  const keyed = items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true))).map((item) => ({ key: keyOf(item), item }));
  return keyed.sort(compareBy((k) => k.key)).map((k) => k.item);
}

export const byFingerprint = (item: { id: string }) => fingerprint(item.id);
export const byId = (id: string) => id;

/** Each kind's listing order (listing.ts), for the pages that are read from a whole list. */
export const listingOrder = {
  token: (t: { id: string }) => tokenOrder(t.id),
  client: (c: { id: string }) => c.id,
  bySecret: byFingerprint,
  user: (u: { username: string }) => u.username,
};

/** The owner filters records share (a null filter value matches every record). */
export function ownedBy(query: {
  clientId?: string | null;
  username?: string | null;
}): (r: { record: { clientId?: string | null; username?: string | null } | null }) => boolean {
  return (r) => (query.clientId == null || r.record?.clientId === query.clientId) && (query.username == null || r.record?.username === query.username);
}

export function clientMatches(query: ClientQuery): (c: StoredClient) => boolean {
  const needle = query.nameContains?.toLowerCase() ?? null;
  return (c) => {
    const name = c.record?.clientName ?? null;
    if (query.testOnly === true && !(name !== null && name.startsWith('TEST '))) return false;
    if (query.testOnly === false && name !== null && name.startsWith('TEST ')) return false;
    if (needle !== null && !(name ?? '').toLowerCase().includes(needle)) return false;
    return true;
  };
}

export interface TokenQuery {
  status?: TokenStatus | null;
  clientId?: string | null;
  username?: string | null;
}

export interface ClientQuery {
  testOnly?: boolean | null;
  nameContains?: string | null;
}
