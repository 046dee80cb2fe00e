import { createHash } from 'node:crypto';
import { IndexStore, bucketOfOrder, jtiOfOrder, tokenOrder } from '../indexes/store.js';

/**
 * Listings that page in one pass. A listing is an order over ids (`order` keys, compared as
 * strings) and a source that hands out the ids after a position; each page reads only its own
 * records, fresh from their primary keys, and keeps those the filter accepts.
 *
 * Two sources give the same order:
 * - the derived indexes, where they hold the ids in that order (access tokens: their meta
 *   buckets, walked in bucket order), read page by page;
 * - a snapshot: the ids found by one SCAN, sorted once and kept in this process for the
 *   listing's later pages (their cursors name it). A page whose snapshot is gone (another
 *   process, expired, evicted) takes a new one and goes on from its position: keyset cursors, so
 *   no record is listed twice or skipped for that.
 *
 * A snapshot only says which ids to look at: every record is read when its page is, so a record
 * deleted since is left out and a changed one shows its change; a record created after the
 * listing began appears only if the listing's source still reaches its position (the usual
 * keyset-paging contract).
 */

/** Ids in listing order from `after` (exclusive) on. */
export interface IdSource {
  next(after: string | null, limit: number): Promise<{ orders: string[]; ids: string[]; done: boolean }>;
}

/** Sorted order keys with their ids (`ids` null: the id is `idOf(order)`). */
export interface SortedIds {
  orders: string[];
  ids: string[] | null;
  idOf: (order: string) => string;
}

function upperBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) <= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SnapshotSource implements IdSource {
  constructor(private readonly sorted: SortedIds) {}

  get size(): number {
    return this.sorted.orders.length;
  }

  async next(after: string | null, limit: number): Promise<{ orders: string[]; ids: string[]; done: boolean }> {
    const { orders, ids, idOf } = this.sorted;
    const start = after === null ? 0 : upperBound(orders, after);
    const end = Math.min(orders.length, start + limit);
    const slice = orders.slice(start, end);
    return { orders: slice, ids: ids ? ids.slice(start, end) : slice.map(idOf), done: end >= orders.length };
  }
}

/**
 * The ids a scan finds (in batches, some twice), each once, sorted by `orderOf`. With `idOf`, an
 * id is found again from its order key and only the keys are kept; else both are.
 */
export async function collectSorted(
  batches: AsyncIterable<string[]> | Iterable<string[]>,
  orderOf: (id: string) => string,
  idOf: ((order: string) => string) | null,
): Promise<SortedIds> {
  if (idOf) {
    // Sorted, then each once (a SCAN may return a key twice): no set beside the array.
    const orders: string[] = [];
    for await (const ids of batches) for (const id of ids) orders.push(orderOf(id));
    orders.sort();
    let kept = 0;
    for (let i = 0; i < orders.length; i++) if (i === 0 || orders[i] !== orders[kept - 1]) orders[kept++] = orders[i] as string;
    orders.length = kept;
    return { orders, ids: null, idOf };
  }
  const byOrder = new Map<string, string>();
  for await (const ids of batches) for (const id of ids) byOrder.set(orderOf(id), id);
  const orders = [...byOrder.keys()].sort();
  return { orders, ids: orders.map((o) => byOrder.get(o) as string), idOf: (o) => o };
}

interface Snapshot {
  kind: string;
  source: SnapshotSource;
  usedAt: number;
}

/**
 * The snapshots of this process's listings in progress, kept while they are paged through, each
 * for `idleMs` after its last page. Bounded: at most `max` snapshots holding at most `maxIds` ids
 * together (least recently used dropped first; the newest is kept whatever its size). A dropped
 * snapshot costs its listing one more scan, nothing else.
 */
export class ListingSnapshots {
  private readonly entries = new Map<string, Snapshot>();
  private held = 0;

  constructor(
    private readonly max = 4,
    private readonly maxIds = 2_000_000,
    private readonly idleMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Ids held in all snapshots. */
  get ids(): number {
    return this.held;
  }

  /**
   * Keeps `sorted` and names it by its content: two scans that find the same ids give the same
   * name (a listing's cursors do not depend on which process or request took the snapshot).
   */
  put(kind: string, sorted: SortedIds): string {
    this.expire();
    const hash = createHash('sha256').update(kind);
    for (const order of sorted.orders) hash.update('\n').update(order);
    const id = hash.digest('hex').slice(0, 16);
    this.drop(id);
    this.entries.set(id, { kind, source: new SnapshotSource(sorted), usedAt: this.now() });
    this.held += sorted.orders.length;
    while (this.entries.size > 1 && (this.entries.size > this.max || this.held > this.maxIds)) this.drop(this.entries.keys().next().value as string);
    return id;
  }

  drop(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.held -= entry.source.size;
    this.entries.delete(id);
  }

  /** The snapshot `id` of `kind`, if this process still has it. */
  get(id: string, kind: string): SnapshotSource | null {
    this.expire();
    const entry = this.entries.get(id);
    if (!entry || entry.kind !== kind) return null;
    entry.usedAt = this.now();
    this.entries.delete(id);
    this.entries.set(id, entry);
    return entry.source;
  }

  get size(): number {
    return this.entries.size;
  }

  private expire(): void {
    const oldest = this.now() - this.idleMs;
    for (const [id, entry] of this.entries) if (entry.usedAt < oldest) this.drop(id);
  }
}

/** Where a listing stands: the last order key handed out, and the snapshot it came from. */
export interface ListPosition {
  order: string;
  snapshot: string | null;
}

export interface ListPage<T> {
  items: { order: string; node: T }[];
  hasNextPage: boolean;
  /** The snapshot the page came from (null: the indexes); later pages pass it back. */
  snapshot: string | null;
}

/**
 * Reads the `first` accepted records after `after` from `source`: ids a batch at a time, their
 * records in one read per batch, until the page is full (one more tells whether another page
 * follows) or the source ends. A filter that accepts few records makes the batches grow.
 */
export async function readPage<T>(
  source: IdSource,
  after: string | null,
  first: number,
  load: (ids: string[]) => Promise<(T | null)[]>,
  accept: (node: T) => boolean | Promise<boolean>,
): Promise<{ items: { order: string; node: T }[]; hasNextPage: boolean }> {
  const items: { order: string; node: T }[] = [];
  let position = after;
  let examined = 0;
  let batch = first + 1;
  for (;;) {
    const { orders, ids, done } = await source.next(position, batch);
    if (orders.length > 0) {
      const nodes = await load(ids);
      const verdicts = await Promise.all(nodes.map((node) => (node === null ? false : accept(node))));
      for (let i = 0; i < nodes.length && items.length <= first; i++) {
        if (verdicts[i]) items.push({ order: orders[i] as string, node: nodes[i] as T });
      }
      examined += orders.length;
      position = orders[orders.length - 1] as string;
    }
    if (items.length > first || done) break;
    // Size the next batch by how many the filter has accepted so far (what a page reads past its
    // last record is read again by the next page): doubling while it has accepted none.
    const wanted = first + 1 - items.length;
    batch = Math.min(5000, Math.max(wanted, items.length === 0 ? batch * 2 : Math.ceil((wanted * examined * 1.25) / items.length)));
  }
  return { items: items.slice(0, first), hasNextPage: items.length > first };
}

/**
 * Access tokens from the derived indexes, in `tokenOrder`: their meta buckets in turn (a pipeline
 * of bucket reads at a time, more when they come back sparse), each bucket's jtis sorted. A page
 * costs its own buckets, however big the store.
 */
export class IndexTokenSource implements IdSource {
  constructor(private readonly store: IndexStore) {}

  async next(after: string | null, limit: number): Promise<{ orders: string[]; ids: string[]; done: boolean }> {
    const orders: string[] = [];
    let bucket = after === null ? 0 : bucketOfOrder(after);
    let span = 32;
    while (orders.length < limit && bucket < IndexStore.BUCKETS) {
      const lists = await this.store.tokenIdsOfBuckets(bucket, span);
      for (const jtis of lists) {
        for (const jti of jtis) {
          const order = tokenOrder(jti);
          if (after === null || order > after) orders.push(order);
        }
        bucket++;
        if (orders.length >= limit) break;
      }
      span = Math.min(span * 2, 2048);
    }
    const page = orders.slice(0, limit);
    const done = bucket >= IndexStore.BUCKETS && page.length === orders.length;
    return { orders: page, ids: page.map(jtiOfOrder), done };
  }
}
