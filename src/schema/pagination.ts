import { badInput } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

const CURSOR_TAG = 'k:';

export function encodeCursor(key: string): string {
  return Buffer.from(CURSOR_TAG + key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const text = /^[A-Za-z0-9_-]*$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!text.startsWith(CURSOR_TAG)) throw badInput('invalid cursor: pass an endCursor or startCursor returned by this API');
  return text.slice(CURSOR_TAG.length);
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
