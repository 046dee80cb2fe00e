import { badInput } from '../errors.js';
import type { ListPage, ListPosition } from '../clients-tokens/listing.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 2000;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** A number, or how to count when the field is asked for (a listing's count costs a pass). */
  totalCount: number | (() => Promise<number>);
}

const CURSOR_TAG = 'k:';
/** A listing cursor that also names the snapshot its page came from: `s:<snapshot>:<key>`. */
const SNAPSHOT_TAG = 's:';

export function encodeCursor(key: string, snapshot: string | null = null): string {
  return Buffer.from(snapshot ? `${SNAPSHOT_TAG}${snapshot}:${key}` : CURSOR_TAG + key, 'utf8').toString('base64url');
}

export function decodePosition(cursor: string): ListPosition {
  const text = /^[A-Za-z0-9_-]*$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (text.startsWith(CURSOR_TAG)) return { order: text.slice(CURSOR_TAG.length), snapshot: null };
  const snapshot = /^s:([0-9a-f]{16}):/.exec(text);
  if (snapshot) return { order: text.slice(snapshot[0].length), snapshot: snapshot[1] as string };
  throw badInput('invalid cursor: pass an endCursor or startCursor returned by this API');
}

export function decodeCursor(cursor: string): string {
  return decodePosition(cursor).order;
}

function pageSize(value: number | null | undefined, name: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0) throw badInput(`${name} must be a non-negative integer`);
  if (value > MAX_PAGE_SIZE) throw badInput(`${name} must be at most ${MAX_PAGE_SIZE}`);
  return value;
}

/** First index whose key comes after `key` (or, with `inclusive`, not before) in the list's order. */
function bound<T>(items: readonly T[], keyOf: (item: T) => string, key: string, inclusive: boolean, descending: boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const k = keyOf(items[mid] as T);
    if ((descending ? k > key : k < key) || (!inclusive && k === key)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A Relay connection over a list sorted by `keyOf` (ascending, or descending for newest-first
 * lists). Cursors are keyset positions, so a record added or removed between pages never makes
 * another record appear twice or go missing.
 */
export function paginate<T>(items: readonly T[], args: PageArgs, keyOf: (item: T) => string, order: 'asc' | 'desc' = 'asc'): Connection<T> {
  const descending = order === 'desc';
  const first = pageSize(args.first, 'first');
  const last = pageSize(args.last, 'last');
  let start = 0;
  let end = items.length;
  if (args.after != null) start = bound(items, keyOf, decodeCursor(args.after), false, descending);
  if (args.before != null) end = Math.max(start, bound(items, keyOf, decodeCursor(args.before), true, descending));
  if (first === null && last === null) end = Math.min(end, start + DEFAULT_PAGE_SIZE);
  if (first !== null) end = Math.min(end, start + first);
  if (last !== null) start = Math.max(start, end - last);
  const slice = items.slice(start, end);
  const edges = slice.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount: items.length,
  };
}

/**
 * A whole-store listing as a connection. Forward pages (`first`/`after`) come from `forward` and
 * read only their own records (clients-tokens/listing.ts); backward ones (`last`/`before`) from the
 * whole list, sorted by `orderOf` (the same order, so cursors mix). `totalCount` counts the whole
 * list, only when asked for.
 */
export async function listConnection<T>(
  args: PageArgs,
  forward: (position: ListPosition | null, first: number) => Promise<ListPage<T>>,
  all: () => Promise<T[]>,
  orderOf: (item: T) => string,
): Promise<Connection<T>> {
  const first = pageSize(args.first, 'first');
  const last = pageSize(args.last, 'last');
  const totalCount = async () => (await all()).length;
  if (last !== null || args.before != null) {
    // Each order key once (a fingerprint is a hash), not once per comparison.
    const keyed = (await all()).map((item) => ({ key: orderOf(item), item })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const page = paginate(keyed, args, (k) => k.key);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: e.node.item })) };
  }
  const after = args.after != null ? decodePosition(args.after) : null;
  const page = await forward(after, first ?? DEFAULT_PAGE_SIZE);
  const edges = page.items.map((item) => ({ cursor: encodeCursor(item.order, page.snapshot), node: item.node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}

/** A promise whose work starts only when something awaits it (a field nobody selected costs nothing). */
function lazy<T>(compute: () => Promise<T>): Promise<T> {
  let started: Promise<T> | undefined;
  const run = () => (started ??= compute());
  return {
    then: (onFulfilled, onRejected) => run().then(onFulfilled, onRejected),
    catch: (onRejected) => run().catch(onRejected),
    finally: (onFinally) => run().finally(onFinally),
    [Symbol.toStringTag]: 'Promise',
  } as Promise<T>;
}

export interface LazyConnection<T> {
  edges: Promise<Connection<T>['edges']>;
  pageInfo: Promise<Connection<T>['pageInfo']>;
  totalCount: () => Promise<number>;
}

/**
 * A relation's connection (one owner's records) whose parts are computed only when selected:
 * `totalCount` alone comes from `count` (an index's cardinality where there is one), and the
 * records are read only for `edges` or `pageInfo`.
 */
export function relationConnection<T>(
  args: PageArgs,
  list: () => Promise<readonly T[]>,
  keyOf: (item: T) => string,
  count: () => Promise<number>,
): LazyConnection<T> {
  let page: Promise<Connection<T>> | undefined;
  const connection = () => (page ??= list().then((items) => paginate(items, args, keyOf)));
  return { edges: lazy(async () => (await connection()).edges), pageInfo: lazy(async () => (await connection()).pageInfo), totalCount: count };
}
