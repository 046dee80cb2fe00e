/**
 * The writer's second stage: category by category, the sorted names are read in batches
 * (store-read.ts; up to three in flight while this process renders), each entry rendered once
 * exactly as the gateway's `json.dump(indent=2, sort_keys=True)` would (render.ts), straight into
 * the output, each category counted and hashed as it goes. A key that vanished since the SCAN is
 * simply absent; a key of a type the format cannot hold is counted, never named.
 */
import { createHash } from 'node:crypto';
import { ahead } from '../redis/ahead.js';
import { BATCH_SIZE } from '../redis/batch.js';
import type { RedisClient } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import { keyBuilder } from './categories.js';
import { CATEGORIES, type Category } from './format.js';
import { CATEGORY_OPEN, categoryClose, entryLead } from './layout.js';
import { pyStr } from './pyjson.js';
import { EntryRenderer } from './render.js';
import type { ByteSink } from './sink.js';
import type { NameSorter } from './spill.js';
import { readPresent } from './store-read.js';

/** Unsupported Redis types a manifest names (`zset`, `stream`, a module's type), at most, and their length. */
export const MAX_TYPES = 8;
export const MAX_TYPE_LENGTH = 32;

/** Keys left out because the format cannot hold their type: how many, per category, which types. */
export class UnsupportedTally {
  total = 0;
  readonly byCategory: Partial<Record<Category, number>> = {};
  private readonly types = new Set<string>();

  add(category: Category, redisType: string | undefined): void {
    this.total++;
    this.byCategory[category] = (this.byCategory[category] ?? 0) + 1;
    if (redisType) this.types.add(redisType);
  }

  /** The types met, as the manifest keeps them (a few, short: its room is reserved in advance). */
  typeList(): string[] {
    return [...this.types]
      .map((t) => t.slice(0, MAX_TYPE_LENGTH))
      .sort()
      .slice(0, MAX_TYPES);
  }
}

export interface CategoryDigest {
  count: number;
  sha256: string;
}

/** Writes categories' objects and keeps what the manifest needs of them. */
export class CategoryEmitter {
  readonly counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  readonly digests: Record<string, CategoryDigest> = {};
  readonly unsupported = new UnsupportedTally();
  /** Keys read so far (present or not). */
  written = 0;
  private readonly renderer = new EntryRenderer();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly sorters: Map<Category, NameSorter>,
    /** Server has PEXPIRETIME (store-read.ts). */
    private readonly exact: boolean,
    /** After each batch (progress, cancel). */
    private readonly afterBatch: (written: number) => Promise<void>,
  ) {}

  /** Categories the file holds: the gateway's always, `other` only when it has keys. */
  present(): Category[] {
    return CATEGORIES.filter((c) => c !== 'other' || this.sorters.get(c)!.count > 0);
  }

  /**
   * Reads a category's keys in name order and writes its object to `out` (the file or the
   * spool), counting it and taking the SHA-256 of exactly those bytes. Each key is read once.
   */
  async emit(out: ByteSink, category: Category): Promise<void> {
    const hash = createHash('sha256');
    let count = 0;
    out.startTap(hash);
    out.text(CATEGORY_OPEN);
    const keyOf = keyBuilder(this.keys, category);
    const nameStart = keyOf('').length;
    const batches = ahead(this.sorters.get(category)!.merged(BATCH_SIZE), (names) => readPresent(this.redis, names.map(keyOf), this.exact));
    for await (const batch of batches) {
      for (const r of batch) {
        if (r.type === 'unsupported') {
          // A sorted set or a stream: the gateway's format has no place for it (reported, never named).
          this.unsupported.add(category, r.redisType);
          continue;
        }
        out.text(entryLead(count));
        if (!this.renderer.write(out, pyStr(r.key.slice(nameStart)), r)) throw new Error(`internal error: a key of type ${r.type} cannot be rendered`);
        count++;
      }
      this.written += batch.length;
      await out.drain();
      await this.afterBatch(this.written);
    }
    out.text(categoryClose(count));
    out.endTap();
    this.counts[category] = count;
    this.digests[category] = { count, sha256: hash.digest('hex') };
  }
}
