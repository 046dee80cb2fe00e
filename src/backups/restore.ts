/**
 * Writing a backup's entries back, in batches of ~1000 keys, each one script call (one round trip).
 * Every entry is judged by the Redis server's clock: one whose absolute expiry has passed is skipped
 * (skippedExpired); the others are written with value and expiry together, and compared with what
 * was stored (restored / overwritten / unchanged).
 *
 * - Strings (nearly all of a backup) in an executed restore: the restoreStrings script, one `SET key value
 *   [PXAT ms] GET` per key; the previous value (GET) gives the comparison, so nothing is read first.
 *   The values are packed into one buffer per batch as they come, so what the reader parsed dies
 *   young and the client sends one buffer per batch.
 * - Sets, lists and hashes, and every entry of a dry run: the restoreEntries script, which compares (TYPE and
 *   the value) and, unless a dry run, writes DEL + SADD/RPUSH/HSET + PEXPIREAT within the script,
 *   which Redis runs atomically.
 *
 * So no key is ever left without its expiry, whatever happens to the connection or the server in
 * between. An executed restore sends its batches on a connection of its own, a few in flight, so
 * Redis writes one batch while the next is read (see RestoreBatcher.connection).
 */
import { inBatches } from '../redis/batch.js';
import { type RedisClient, sideConnection } from '../redis/connection.js';
import { runScriptBinary } from '../redis/scripts.js';
import type { Keys } from '../redis/keys.js';
import { decodeRefreshToken } from '../redis/codecs.js';
import type { CategoryCounts } from '../jobs/runner.js';
import { type Lifetimes, isLeftoverRefresh } from '../clients-tokens/status.js';
import { CATEGORIES, type Category, type EntryType, type Manifest } from './format.js';
import type { ReadEntry } from './reader.js';
import { restoreKey } from './categories.js';

export { restoreKey } from './categories.js';

export const STATUS = ['restored', 'overwritten', 'unchanged', 'skippedExpired'] as const;

export function emptyCategoryCounts(): CategoryCounts[] {
  return CATEGORIES.map((category) => ({ category, restored: 0, overwritten: 0, unchanged: 0, skippedExpired: 0 }));
}

/**
 * Entries nothing should use once restored: a leftover refresh token (no expiry, past created_at +
 * REFRESH_TOKEN_LIFETIME: the gateway would honour it forever). It is skipped and counted as
 * skippedExpired. (A refresh token with an expiry comes back with it, and the gateway honours it
 * until then, whatever its created_at.)
 */
export function deadOnArrival(lifetimes: Lifetimes, nowMs: number): (e: ReadEntry) => boolean {
  return (e) => {
    if (e.category !== 'refresh_tokens' || e.entry.type !== 'string' || e.expiresAtMs !== null) return false;
    const value = e.items[0];
    if (value === undefined) return false;
    const text = typeof value === 'string' ? value : value.toString('utf8');
    return isLeftoverRefresh(decodeRefreshToken(text).record, null, lifetimes, nowMs);
  };
}

interface Target {
  category: Category;
  id: string;
  key: string;
  type: EntryType;
  expiresAtMs: number | null;
  items: (string | Buffer)[];
}

type Status = (typeof STATUS)[number];

/**
 * String entries of an executed restore, as the restoreStrings script takes them: the values' bytes one after
 * the other in one buffer (off the JS heap, so what the reader parsed can be collected young;
 * the arguments are views into it, which the client copies once into the command it sends).
 */
class PackedStrings {
  keys: string[] = [];
  categories: Category[] = [];
  ids: string[] = [];
  private expiries: string[] = [];
  private offsets: number[] = [];
  private data = Buffer.alloc(0);
  /** Bytes of `data` used. */
  bytes = 0;

  get size(): number {
    return this.keys.length;
  }

  add(category: Category, id: string, key: string, expiresAtMs: number | null, value: string | Buffer): void {
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    const most = typeof value === 'string' ? value.length * 3 : value.length;
    if (this.bytes + most > this.data.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.data.length * 2, this.bytes + most, 1 << 20));
      this.data.copy(bigger, 0, 0, this.bytes);
      this.data = bigger;
    }
    const length = typeof value === 'string' ? this.data.write(value, this.bytes, 'utf8') : value.copy(this.data, this.bytes);
    this.keys.push(key);
    this.categories.push(category);
    this.ids.push(id);
    this.expiries.push(expiresAtMs === null ? '0' : String(expiresAtMs));
    this.offsets.push(this.bytes);
    this.bytes += length;
    this.offsets.push(this.bytes);
  }

  /** The restoreStrings script's ARGV for these entries (positions in this batch, in that order). */
  args(positions: readonly number[]): (string | Buffer)[] {
    const out: (string | Buffer)[] = new Array<string | Buffer>(positions.length * 2);
    positions.forEach((p, j) => {
      out[2 * j] = this.expiries[p]!;
      out[2 * j + 1] = this.data.subarray(this.offsets[2 * p]!, this.offsets[2 * p + 1]!);
    });
    return out;
  }
}

/** Sends entries to Redis in batches and tallies the outcome per category. */
export class RestoreBatcher {
  readonly counts = emptyCategoryCounts();
  /** Entries for the restoreEntries script: a dry run's, and an executed restore's sets, lists and hashes. */
  private targets: Target[] = [];
  /** An executed restore's strings, for the restoreStrings script. */
  private strings = new PackedStrings();
  private bytes = 0;
  private readonly inFlight: Promise<void>[] = [];
  private readonly depth = 3;
  /** Keys written (or, in a dry run, that would be). */
  written = 0;
  processed = 0;
  /** An executed restore's own connection (see `connection`), and the timer that closes it once idle. */
  private side: Promise<RedisClient> | null = null;
  private idle: NodeJS.Timeout | null = null;
  /** Batches sent and not yet answered. */
  private pending = 0;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly manifest: Manifest | null,
    private readonly write: boolean,
    private readonly onStatus?: (t: { category: Category; id: string; key: string }, status: Status) => void,
    /** Entries to skip as expired though their key would live (deadOnArrival). */
    private readonly dead: ((e: ReadEntry) => boolean) | null = null,
    private readonly maxKeys = 1000,
    private readonly maxBytes = 4 * 1024 * 1024,
  ) {}

  async add(entries: ReadEntry[]): Promise<void> {
    for (const e of entries) {
      // An expiry in the past (1 ms after the epoch) makes the script skip it as expired.
      const expiresAtMs = this.dead?.(e) ? 1 : e.expiresAtMs;
      const key = restoreKey(this.keys, e.category, e.id, this.manifest);
      if (this.write && e.entry.type === 'string' && e.items.length === 1) {
        const value = e.items[0]!;
        this.strings.add(e.category, e.id, key, expiresAtMs, value);
        this.bytes += value.length + 16;
      } else {
        this.targets.push({ category: e.category, id: e.id, key, type: e.entry.type, expiresAtMs, items: e.items });
        for (const item of e.items) this.bytes += item.length + 16;
      }
      if (this.targets.length + this.strings.size >= this.maxKeys || this.bytes >= this.maxBytes) await this.flush(false);
    }
  }

  /**
   * Sends what is buffered. Up to `depth` batches are in flight at once, so Redis writes while the
   * next entries are read; `flush()` at the end waits for all of them.
   */
  async flush(final = true): Promise<void> {
    if (this.targets.length > 0 || this.strings.size > 0) {
      const targets = this.targets;
      const strings = this.strings;
      this.targets = [];
      this.strings = new PackedStrings();
      this.bytes = 0;
      const sent = Promise.all([targets.length > 0 ? this.send(targets) : null, strings.size > 0 ? this.sendStrings(strings) : null]).then(() => {});
      sent.catch(() => {});
      this.inFlight.push(sent);
      this.pending += 1;
      const settled = () => {
        this.pending -= 1;
        this.whenIdle();
      };
      sent.then(settled, settled);
    }
    try {
      while (this.inFlight.length > (final ? 0 : this.depth - 1)) await this.inFlight.shift();
    } finally {
      if (final) this.close();
    }
  }

  /**
   * Where the batches go. A dry run (or a diff) uses the connection it was given. An executed
   * restore writes on a connection of its own: the job's progress and cancellation checks between
   * batches (a command each on the service's connection) must not wait behind the batches in
   * flight, or reading the file and writing to Redis would take turns instead of overlapping. It
   * is closed after the last batch, or once no batch has been sent for a while (a restore that
   * stopped: cancelled, or failed while reading).
   */
  private connection(): Promise<RedisClient> {
    // A copy of a connection that connects only when first used would wait for nothing first.
    if (!this.write || this.redis.options.lazyConnect) return Promise.resolve(this.redis);
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    this.side ??= sideConnection(this.redis, 'oauth-admin-restore');
    return this.side;
  }

  private whenIdle(): void {
    if (this.side === null || this.pending > 0) return;
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => this.close(), 2000);
    this.idle.unref();
  }

  private close(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = null;
    const side = this.side;
    this.side = null;
    void side?.then(
      (redis) => redis.disconnect(),
      () => {},
    );
  }

  private tally(t: { category: Category; id: string; key: string }, status: Status): void {
    const row = this.counts.find((c) => c.category === t.category)!;
    row[status] += 1;
    this.onStatus?.(t, status);
    if (status !== 'skippedExpired') this.written += 1;
  }

  private async sendStrings(batch: PackedStrings): Promise<void> {
    const redis = await this.connection();
    // One script per batch (per hash slot on a cluster: inBatches groups the keys).
    const statuses = await inBatches(redis, batch.keys, async (group, positions) => {
      return ((await runScriptBinary(redis, 'restoreStrings', group, batch.args(positions))) as number[]).map(Number);
    });
    for (let i = 0; i < batch.size; i++) {
      this.tally({ category: batch.categories[i]!, id: batch.ids[i]!, key: batch.keys[i]! }, STATUS[Number(statuses[i])] ?? 'overwritten');
    }
    this.processed += batch.size;
  }

  private async send(targets: Target[]): Promise<void> {
    const redis = await this.connection();
    // One script per batch (per hash slot on a cluster: inBatches groups the keys).
    const statuses = await inBatches(
      redis,
      targets.map((t) => t.key),
      async (group, positions) => {
        const args: (string | Buffer | number)[] = [this.write ? '1' : '0'];
        for (const i of positions) {
          const t = targets[i]!;
          args.push(t.type, t.expiresAtMs ?? 0, t.items.length);
          for (const item of t.items) args.push(item);
        }
        return ((await runScriptBinary(redis, 'restoreEntries', group, args)) as number[]).map(Number);
      },
    );
    targets.forEach((t, i) => this.tally(t, STATUS[Number(statuses[i])] ?? 'overwritten'));
    this.processed += targets.length;
  }
}

/** Only the categories a backup has anything in (plus the gateway's seven), for reports. */
export function reportedCounts(counts: CategoryCounts[]): CategoryCounts[] {
  return counts.filter((c) => c.category !== 'other' || c.restored + c.overwritten + c.unchanged + c.skippedExpired > 0);
}
