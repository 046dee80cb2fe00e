/**
 * Where a key goes in a backup and back: its category and its name there (`categorize`), and the
 * key a category's name stands for (`keyBuilder` for writing, `restoreKey` for restoring). Every
 * key is built by `Keys`.
 */
import type { Keys, RecordKind } from '../redis/keys.js';
import type { Category, Manifest } from './format.js';

export const KIND_CATEGORY: Record<RecordKind, Category> = {
  client: 'registrations',
  token: 'tokens',
  refresh: 'refresh_tokens',
  user_tokens: 'user_tokens',
  state: 'states',
  code: 'codes',
};

const CATEGORY_KIND = Object.fromEntries(Object.entries(KIND_CATEGORY).map(([kind, category]) => [category, kind])) as Record<
  Exclude<Category, 'other' | 'sessions'>,
  RecordKind
>;

/** A key's place in a backup. */
export type Place = { category: Category; id: string } | null;

/**
 * Which category a key belongs in and its name there; null for keys we never back up (our own
 * admin keys). When prefixes nest, the longest one that matches decides.
 */
export function categorize(keys: Keys, key: string): Place {
  const { oauth, session, admin } = keys.prefixes;
  const owner = [oauth, session, admin].filter((p) => key.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  if (owner === undefined || owner === admin) return null;
  if (owner === session) return { category: 'sessions', id: key };
  const known = keys.classify(key);
  if (known) return { category: KIND_CATEGORY[known.kind], id: known.id };
  return { category: 'other', id: key.slice(oauth.length) };
}

/** `categorize` for millions of keys: the prefixes worked out once. */
export function categorizer(keys: Keys): (key: string) => Place {
  const { oauth, session, admin } = keys.prefixes;
  const heads = (Object.keys(KIND_CATEGORY) as RecordKind[]).map((kind) => ({ head: keys.record(kind, ''), category: KIND_CATEGORY[kind] }));
  // Nested prefixes (one starting with another) are rare: then the general rule decides.
  const nested = [oauth, session, admin].some((a, i) => [oauth, session, admin].some((b, j) => i !== j && a.startsWith(b)));
  if (nested) return (key) => categorize(keys, key);
  return (key) => {
    if (key.startsWith(oauth)) {
      for (const h of heads) if (key.startsWith(h.head)) return { category: h.category, id: key.slice(h.head.length) };
      return { category: 'other', id: key.slice(oauth.length) };
    }
    if (key.startsWith(session)) return { category: 'sessions', id: key };
    return null;
  };
}

/** The key of a name of `category` as the writer reads it (the inverse of `categorize`). */
export function keyBuilder(keys: Keys, category: Category): (name: string) => string {
  if (category === 'sessions') return (name) => name;
  if (category === 'other') return (name) => keys.underOAuth(name);
  const kind = CATEGORY_KIND[category];
  return (name) => keys.record(kind, name);
}

/**
 * The Redis key an entry restores to. Always under our prefixes: registrations -> `{prefix}client:{id}`,
 * ..., `other` -> `{prefix}{id}`, `sessions` -> the session prefix + the name (ours store the full
 * name, the gateway's the name without `redis:session:`; a file from another prefix is moved to ours).
 */
export function restoreKey(keys: Keys, category: Category, id: string, manifest: Manifest | null): string {
  switch (category) {
    case 'registrations':
      return keys.client(id);
    case 'tokens':
      return keys.token(id);
    case 'refresh_tokens':
      return keys.refresh(id);
    case 'user_tokens':
      return keys.userTokens(id);
    case 'states':
      return keys.state(id);
    case 'codes':
      return keys.code(id);
    case 'other':
      return keys.underOAuth(id);
    case 'sessions': {
      if (manifest && id.startsWith(manifest.session_prefix)) return keys.session(id.slice(manifest.session_prefix.length));
      if (id.startsWith(keys.prefixes.session)) return id;
      return keys.session(id);
    }
  }
}
