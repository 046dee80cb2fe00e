/**
 * Writes a backup of everything under the prefixes, streaming, in named stages:
 *
 * 1. collect (collect.ts): one SCAN pass sorts the key names per category, spilling to disk.
 * 2. read and render (emit.ts, store-read.ts, render.ts): category by category, the sorted names
 *    are read in atomic batches and each entry is rendered once, as the gateway's
 *    `json.dump(indent=2, sort_keys=True)` would, straight into the file, counted and hashed.
 * 3. write the manifest (manifest.ts): it sorts before most categories, so a clear file reserves
 *    its place and fills it in last (a `padding` string makes it fit exactly). Encrypted files
 *    bind every chunk to the manifest, so their categories go first to a spool file while they
 *    are hashed, and are sealed from it (seal.ts).
 * 4. publish (files.ts): the file is a private temporary file in BACKUP_DIR (mode 0600), flushed,
 *    then linked to its final name: a partial file never has a final name, no backup is overwritten.
 *
 * Where every byte goes is layout.ts's.
 */
import type { FileHandle } from 'node:fs/promises';
import type { RedisClient } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import { collectNames } from './collect.js';
import { headerDigest, newFileKey } from './crypto.js';
import { CategoryEmitter } from './emit.js';
import type { BackupDir } from './files.js';
import { type Category, type Manifest, backupBaseName, gatewayMetadata, pyIsoTimestamp } from './format.js';
import { FILE_CLOSE, FILE_OPEN, PAYLOAD_CLOSE, PAYLOAD_OPEN, encryptedHeaderJson, headerRegion, rootMember } from './layout.js';
import { BIGGEST, ManifestBuilder } from './manifest.js';
import { pyStr } from './pyjson.js';
import { Sealer, Spool, writeAll } from './seal.js';
import { ByteSink } from './sink.js';
import { redisServerVersion, versionAtLeast } from './store-read.js';

export { categorize, categorizer } from './categories.js';
export { readKeys, redisServerVersion, versionAtLeast } from './store-read.js';

export interface WriteProgress {
  phase: string;
  scanned: number;
  written: number;
}

export interface WrittenBackup {
  name: string;
  sizeBytes: number;
  timestampMs: number;
  counts: Record<Category, number>;
  encrypted: boolean;
  manifest: Manifest;
  /** Keys left out because the format cannot hold their type: per category, and the Redis types met. */
  unsupported: { byCategory: Partial<Record<Category, number>>; types: string[] };
}

export interface WriteOptions {
  redis: RedisClient;
  keys: Keys;
  dir: BackupDir;
  encryptionKey?: string | undefined;
  note?: string;
  /** Memory for key names held before sorted runs go to disk (all categories together). */
  sortBudgetBytes?: number;
  progress?: (p: WriteProgress) => Promise<void> | void;
  checkpoint?: () => Promise<void>;
}

/**
 * `checkpoint` (a job's: a round trip to Redis for its cancel flag) at most every `intervalMs`:
 * often enough to cancel at once, rarely enough to cost nothing next to the work.
 */
function throttled(checkpoint: (() => Promise<void>) | undefined, intervalMs = 100): () => Promise<void> {
  let last = 0;
  return async () => {
    if (!checkpoint || performance.now() - last < intervalMs) return;
    await checkpoint();
    last = performance.now();
  };
}

/** The server's clock: epoch ms and Python's `isoformat()` of it, the backup's timestamp. */
async function serverTime(redis: RedisClient): Promise<{ timestampMs: number; timestamp: string }> {
  const [secs, micros] = (await redis.time()) as [string | number, string | number];
  return { timestampMs: Number(secs) * 1000 + Math.floor(Number(micros) / 1000), timestamp: pyIsoTimestamp(Number(secs), Number(micros)) };
}

/** The file being written: a sink into it, and where the next bytes go. */
class OutputFile {
  readonly position = { at: 0 };
  readonly sink: ByteSink;
  /** Flushes to disk while writing (every 64 MiB, in the background), so the final fsync is short. */
  private readonly syncs: Promise<void>[] = [];
  private unsynced = 0;

  constructor(private readonly handle: FileHandle) {
    this.sink = new ByteSink((bytes) => this.write(bytes));
  }

  private async write(bytes: Buffer): Promise<void> {
    await writeAll(this.handle, this.position, bytes);
    this.unsynced += bytes.length;
    if (this.unsynced >= 64 * 1024 * 1024) {
      this.unsynced = 0;
      const sync = this.handle.datasync();
      sync.catch(() => {});
      this.syncs.push(sync);
    }
  }

  /** Writes `text` at `at`, over what is there (the manifest's reserved room), then goes back to where it was. */
  async overwrite(at: number, text: string): Promise<void> {
    const end = this.position.at;
    this.position.at = at;
    await writeAll(this.handle, this.position, Buffer.from(text, 'latin1'));
    this.position.at = end;
  }

  /** Flushes and closes the file; returns its size. */
  async finish(): Promise<number> {
    await Promise.all(this.syncs);
    await this.handle.sync();
    await this.handle.close();
    return this.position.at;
  }
}

/**
 * A clear file, in one pass. The manifest (which holds every category's checksum) sorts after
 * `codes` but before the other categories, so its place is reserved and written last: `padding`
 * (spaces) makes it exactly as long as the space kept for the largest possible manifest.
 */
async function writePlain(file: OutputFile, emitter: CategoryEmitter, manifests: ManifestBuilder, timestamp: string): Promise<Manifest> {
  const { sink, position } = file;
  const metadata = () => gatewayMetadata(emitter.counts);
  sink.text(FILE_OPEN + rootMember('codes', true));
  await emitter.emit(sink, 'codes');
  sink.text(rootMember('manifest'));
  await sink.drain(0);
  const regionAt = position.at;
  const regionBytes = headerRegion(manifests.largest(), Object.fromEntries(Object.keys(metadata()).map((k) => [k, BIGGEST]))).length;
  position.at += regionBytes;
  const tail: [string, () => Promise<void> | void][] = emitter
    .present()
    .filter((c) => c !== 'codes')
    .map((c) => [c, () => emitter.emit(sink, c)]);
  tail.push(['timestamp', () => sink.text(pyStr(timestamp))]);
  tail.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  for (const [name, body] of tail) {
    sink.text(rootMember(name));
    await body();
  }
  sink.text(FILE_CLOSE);
  await sink.drain(0);
  const unpadded = headerRegion(manifests.build(''), metadata()).length;
  const manifest = manifests.build(' '.repeat(regionBytes - unpadded));
  const text = headerRegion(manifest, metadata());
  if (text.length !== regionBytes) throw new Error('internal error: the manifest does not fit its reserved space');
  await file.overwrite(regionAt, text);
  return manifest;
}

/**
 * An encrypted file: every chunk is bound to the manifest, so the categories are read once into a
 * spool file (under a key that lives only in memory) while they are hashed, then sealed from it
 * into the file.
 */
async function writeEncrypted(
  file: OutputFile,
  emitter: CategoryEmitter,
  manifests: ManifestBuilder,
  fileKey: { key: Buffer },
  scratch: string,
  timestamp: string,
): Promise<Manifest> {
  const { sink } = file;
  const spool = await Spool.create(scratch);
  let manifest: Manifest;
  try {
    const plain = new ByteSink((bytes) => spool.write(bytes));
    plain.text(FILE_OPEN);
    for (const [i, c] of emitter.present().entries()) {
      plain.text(rootMember(c, i === 0));
      await emitter.emit(plain, c);
    }
    plain.text(FILE_CLOSE);
    await plain.drain(0);
    manifest = manifests.build();
    const metadata = gatewayMetadata(emitter.counts);
    const header = headerDigest(encryptedHeaderJson(manifest, metadata));
    sink.text(FILE_OPEN + rootMember('manifest', true) + headerRegion(manifest, metadata) + rootMember('payload') + PAYLOAD_OPEN);
    const sealer = new Sealer(sink, fileKey.key, header);
    for await (const bytes of spool.chunks()) await sealer.add(bytes);
    await sealer.end();
  } finally {
    await spool.close();
  }
  sink.text(PAYLOAD_CLOSE + rootMember('timestamp') + pyStr(timestamp) + FILE_CLOSE);
  await sink.drain(0);
  return manifest;
}

/** Writes one backup file and returns what it holds. */
export async function writeBackup(options: WriteOptions): Promise<WrittenBackup> {
  const { redis, keys, dir } = options;
  const version = await redisServerVersion(redis);
  const { timestampMs, timestamp } = await serverTime(redis);
  const scratch = await dir.scratch();
  const checkpoint = throttled(options.checkpoint);
  let temp: { path: string; handle: FileHandle } | null = null;
  // Fresh files are a running backup's: never removed as leftovers of a killed one (files.ts).
  const stopHeartbeat = dir.keepFresh(() => [scratch, temp?.path ?? null]);
  try {
    const budget = options.sortBudgetBytes ?? 16 * 1024 * 1024;
    const { sorters, scanned } = await collectNames(redis, keys, scratch, budget, async (n) => {
      await options.progress?.({ phase: 'scanning', scanned: n, written: 0 });
      await checkpoint();
    });
    const emitter = new CategoryEmitter(redis, keys, sorters, versionAtLeast(version, 7), async (written) => {
      await options.progress?.({ phase: 'writing', scanned, written });
      await checkpoint();
    });
    const fileKey = options.encryptionKey ? await newFileKey(options.encryptionKey) : null;
    const head = {
      timestamp,
      oauthPrefix: keys.prefixes.oauth,
      sessionPrefix: keys.prefixes.session,
      redisVersion: version,
      encryption: fileKey?.info ?? null,
      note: options.note,
    };
    const manifests = new ManifestBuilder(head, emitter.present(), emitter.digests, emitter.unsupported);
    temp = await dir.tempFile();
    const file = new OutputFile(temp.handle);
    await options.progress?.({ phase: 'writing', scanned, written: 0 });
    const manifest = fileKey
      ? await writeEncrypted(file, emitter, manifests, fileKey, scratch, timestamp)
      : await writePlain(file, emitter, manifests, timestamp);
    const sizeBytes = await file.finish();
    const name = await dir.publish(temp.path, backupBaseName(timestampMs));
    temp = null;
    const unsupported = { byCategory: emitter.unsupported.byCategory, types: emitter.unsupported.typeList() };
    return { name, sizeBytes, timestampMs, counts: emitter.counts, encrypted: fileKey !== null, manifest, unsupported };
  } finally {
    stopHeartbeat();
    if (temp) {
      await temp.handle.close().catch(() => {});
      await dir.remove(temp.path).catch(() => {});
    }
    await dir.remove(scratch).catch(() => {});
  }
}
