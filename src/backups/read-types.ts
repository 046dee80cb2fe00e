/** What the reader hands out (reader.ts) and is told. */
import type { Category, Entry, Manifest } from './format.js';

export interface ReadEntry {
  category: Category;
  /** The name in its category (the key without its prefix; sessions: the full key). */
  id: string;
  entry: Entry;
  /** Decoded data: string -> [value]; set/list -> members; hash -> field, value, ... */
  items: (string | Buffer)[];
  /** Absolute expiry (epoch ms), null without TTL; needs `fileTimeMs` for the gateway's files. */
  expiresAtMs: number | null;
}

export interface BackupSummary {
  /** `oauth-admin` for our files (with a manifest), `gateway` for the gateway script's. */
  format: 'oauth-admin' | 'gateway';
  timestamp: string | null;
  timestampMs: number | null;
  manifest: Manifest | null;
  metadata: Record<string, unknown> | null;
  /** Entries per category (from the manifest when only the header was read). */
  counts: Record<Category, number>;
  encrypted: boolean;
  /** Root members we do not know (ignored, as the gateway's script does). */
  ignored: string[];
  /** True when the whole file was read and checked. */
  complete: boolean;
}

export interface ReadOptions {
  encryptionKey?: string | undefined;
  /** Read only until the header (manifest, or the gateway file's counts and timestamp) is known; skips entry checks. */
  headerOnly?: boolean;
  /** Receives validated entries in file order, in batches (awaited: backpressure); `'stop'` ends the read early. */
  onEntries?: (batch: ReadEntry[]) => Promise<void | 'stop'> | void | 'stop';
  /** Only these categories are delivered (all are checked). */
  categories?: ReadonlySet<Category>;
  /** The file's time, to turn a gateway entry's relative `ttl` into an absolute expiry. */
  fileTimeMs?: number | null;
  batchSize?: number;
  /**
   * The same unchanged file was fully checked before (a restore's second pass): entries are still
   * validated, but checksums are not computed again.
   */
  trusted?: boolean;
  /**
   * For reads done beside requests: awaited between small groups of entries and before each read
   * of the file, so the read can rest (let requests run) and stop (throw) when its caller is gone.
   * Files are then read in smaller pieces, to keep each stretch of parsing short.
   */
  pause?: () => Promise<void>;
}
