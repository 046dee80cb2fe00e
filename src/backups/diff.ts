/**
 * A backup against the live store: keys only in the backup (a restore would add them), only in
 * the store (REPLACE would delete them), and with different values. Memory stays flat whatever
 * the sizes: the file is read in batches, and the backup's key names are held as 64-bit hashes
 * (key-set.ts, about 16 bytes a key). It gives the event loop back every few milliseconds and
 * compares in small batches, so requests keep their latency while it runs.
 */
import type { FileHandle } from 'node:fs/promises';
import { scanKeys } from '../redis/batch.js';
import { type RedisClient, sideConnection } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import type { BackupCatalog } from './catalog.js';
import { categorize, restoreKey } from './categories.js';
import { CATEGORIES, type Category } from './format.js';
import { HashedKeySet } from './key-set.js';
import { type BackupSummary, readBackup } from './reader.js';
import { RestoreBatcher, type STATUS, type deadOnArrival } from './restore.js';
import { Pacer, type SharedWork } from './shared-work.js';
import { prefixPatterns } from './store-prefixes.js';
import type { BackupDiff, DiffCategory, DiffEntry, DiffStatus } from './types.js';

/** The most keys a diff lists (its `limit` is at most this); every caller gets its own first `limit`. */
const MAX_DIFF_ENTRIES = 1000;
/** Keys per comparison script while a diff runs beside requests (a restore uses 1000). */
const DIFF_BATCH_KEYS = 200;

/** A diff's counts per category and its first MAX_DIFF_ENTRIES differing keys. */
class DiffTally {
  private readonly rows = new Map<Category, DiffCategory>(
    CATEGORIES.map((c) => [c, { category: c, onlyInBackup: 0, onlyInStore: 0, different: 0, same: 0, expiredInBackup: 0 }]),
  );
  private readonly entries: DiffEntry[] = [];
  private truncated = false;

  private note(category: Category, id: string, status: DiffStatus): void {
    if (this.entries.length < MAX_DIFF_ENTRIES) this.entries.push({ category, id, status });
    else this.truncated = true;
  }

  /** A backup entry as the comparison judged it (restore.ts statuses). */
  compared(t: { category: Category; id: string }, status: (typeof STATUS)[number]): void {
    const row = this.rows.get(t.category)!;
    if (status === 'restored') {
      row.onlyInBackup++;
      this.note(t.category, t.id, 'ONLY_IN_BACKUP');
    } else if (status === 'overwritten') {
      row.different++;
      this.note(t.category, t.id, 'DIFFERENT');
    } else if (status === 'unchanged') row.same++;
    else row.expiredInBackup++;
  }

  onlyInStore(category: Category, id: string): void {
    this.rows.get(category)!.onlyInStore++;
    this.note(category, id, 'ONLY_IN_STORE');
  }

  result(): BackupDiff {
    const categories = [...this.rows.values()].filter(
      (r) => r.category !== 'other' || r.onlyInBackup + r.onlyInStore + r.different + r.same + r.expiredInBackup > 0,
    );
    return { categories, entries: this.entries, truncated: this.truncated };
  }
}

export class BackupDiffer {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly catalog: BackupCatalog,
    private readonly encryptionKey: string | undefined,
    /** One comparison at a time, shared (BackupService.work.diff). */
    private readonly work: SharedWork,
    private readonly dead: () => ReturnType<typeof deadOnArrival> | null,
  ) {}

  /**
   * One computation per backup at a time, shared by every caller asking meanwhile (each gets its
   * own `limit` of it), one backup at a time, stopped when every caller has gone.
   */
  async diff(name: string, limit = 100, signal?: AbortSignal): Promise<BackupDiff> {
    const key = `${name}\u0000${await this.catalog.signatureOf(name)}`;
    const full = await this.work.run(key, signal, (own) => this.compare(name, own));
    return { categories: full.categories, entries: full.entries.slice(0, limit), truncated: full.truncated || full.entries.length > limit };
  }

  /** `diff` itself, listing up to MAX_DIFF_ENTRIES keys. */
  private async compare(name: string, signal: AbortSignal): Promise<BackupDiff> {
    return this.catalog.withFile(name, async (handle, head) => {
      const tally = new DiffTally();
      const total = Object.values(head.counts).reduce((a, b) => a + b, 0);
      const inBackup = new HashedKeySet(total);
      // Its own connection: requests' commands must not queue behind its comparisons.
      const redis = await sideConnection(this.redis, 'oauth-admin-backup-diff');
      try {
        const pacer = new Pacer(signal);
        await this.compareEntries(redis, handle, head, pacer, inBackup, tally);
        await this.scanStore(redis, pacer, inBackup, tally);
        return tally.result();
      } finally {
        redis.disconnect();
      }
    });
  }

  /** Every entry of the file compared with its key in the store (nothing written). */
  private async compareEntries(
    redis: RedisClient,
    handle: FileHandle,
    head: BackupSummary,
    pacer: Pacer,
    inBackup: HashedKeySet,
    tally: DiffTally,
  ): Promise<void> {
    const compare = new RestoreBatcher(redis, this.keys, head.manifest, false, (t, status) => tally.compared(t, status), this.dead(), DIFF_BATCH_KEYS);
    await readBackup(handle, {
      encryptionKey: this.encryptionKey,
      fileTimeMs: head.timestampMs,
      pause: pacer.pause,
      batchSize: DIFF_BATCH_KEYS,
      onEntries: async (batch) => {
        for (const e of batch) inBackup.add(restoreKey(this.keys, e.category, e.id, head.manifest));
        await compare.add(batch);
      },
    });
    await compare.flush();
  }

  /** The store's keys under the prefixes that the backup does not have. */
  private async scanStore(redis: RedisClient, pacer: Pacer, inBackup: HashedKeySet, tally: DiffTally): Promise<void> {
    const seen = new HashedKeySet();
    for (const pattern of prefixPatterns(this.keys)) {
      for await (const batch of scanKeys(redis, pattern)) {
        await pacer.pause();
        for (const key of batch) {
          if (inBackup.has(key) || seen.has(key)) continue;
          seen.add(key);
          const place = categorize(this.keys, key);
          if (!place) continue;
          tally.onlyInStore(place.category, place.id);
        }
      }
    }
  }
}
