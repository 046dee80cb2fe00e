/**
 * Writes a backup of everything under the prefixes, streaming:
 *
 * 1. One SCAN pass (batches of BATCH_SIZE, the next page asked for while this one is sorted) over
 *    both prefixes collects the key names only, each into its category's external sort (spill.ts:
 *    one budget of `sortBudgetBytes` for all categories, small sorted runs on disk), so the names
 *    come back in Python's `sort_keys` order with SCAN repeats dropped, without holding the store's
 *    key list in memory.
 * 2. Category by category, in the file's order, the sorted names are read in batches, each with one
 *    MULTI: MGET plus a script giving every key's absolute expiry (PEXPIRETIME), so a batch is an
 *    atomic snapshot in one round trip; the few keys MGET cannot answer (sets, lists, hashes, or
 *    gone) go through a script that reads any type (scripts.ts, sent as EVALSHA). A key that
 *    vanished since the SCAN is simply absent (never `"value": null`). Up to three batches are in
 *    flight while this process renders each entry once, exactly as the gateway's
 *    `json.dump(indent=2, sort_keys=True)` would (render.ts), straight into the file, counting and
 *    hashing each category as it goes. The values are read once, in one pass: nothing rendered is
 *    written anywhere but the file.
 * 3. The manifest (which holds those checksums) sorts before most categories, so its place is
 *    reserved and filled in last (a `padding` string makes it fit exactly). Encrypted files bind
 *    every chunk to the manifest, so their categories go first to a spool file (encrypted with a
 *    key that lives only in memory) while they are hashed, and are sealed from it.
 * 4. The file is a private temporary file in BACKUP_DIR (mode 0600), flushed, then linked to its
 *    final name (files.ts): a partial file never has a final name, no backup is overwritten.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import { BATCH_SIZE, inBatches, scanKeys } from '../redis/batch.js';
import { type RedisClient, keyHolders } from '../redis/connection.js';
import { type Keys, type RecordKind, prefixPattern } from '../redis/keys.js';
import { runScript, runScriptBuffer } from '../redis/scripts.js';
import { ahead } from '../redis/ahead.js';
import { CHUNK_BYTES, ctrStream, ephemeralCipher, headerDigest, newFileKey, sealChunk } from './crypto.js';
import type { BackupDir } from './files.js';
import {
  CATEGORIES,
  type Category,
  FORMAT_NAME,
  FORMAT_VERSION,
  type Manifest,
  backupBaseName,
  gatewayMetadata,
  overallDigestInput,
  pyIsoTimestamp,
} from './format.js';
import { pyStr, renderPlain } from './pyjson.js';
import { ByteSink } from './sink.js';
import { EntryRenderer, type ReadKey } from './render.js';
import { NameSorter, SortBudget } from './spill.js';

const KIND_CATEGORY: Record<RecordKind, Category> = {
  client: 'registrations',
  token: 'tokens',
  refresh: 'refresh_tokens',
  user_tokens: 'user_tokens',
  state: 'states',
  code: 'codes',
};

const CATEGORY_KIND = Object.fromEntries(Object.entries(KIND_CATEGORY).map(([kind, category]) => [category, kind])) as Record<Exclude<Category, 'other' | 'sessions'>, RecordKind>;

const TYPE_CODES = [null, 'string', 'set', 'list', 'hash'] as const;

/** Decodes the `backupRead` script's reply (items are views into it). */
function parseRead(keys: readonly string[], b: Buffer): ReadKey[] {
  const out: ReadKey[] = [];
  const nowMs = b.readDoubleBE(0);
  let at = 8;
  for (const key of keys) {
    const code = b[at]!;
    at += 1;
    const type = TYPE_CODES[code as 1];
    if (!type) {
      if (code === 5) {
        const length = b[at]!;
        out.push({ key, type: 'unsupported', pttl: -1, expiresAtMs: -1, items: [], redisType: b.toString('latin1', at + 1, at + 1 + length) });
        at += 1 + length;
      }
      continue; // 0: gone
    }
    const expiresAtMs = b.readDoubleBE(at);
    const count = b.readInt32BE(at + 8);
    at += 12;
    const items: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      const len = b.readInt32BE(at);
      items.push(b.subarray(at + 4, at + 4 + len));
      at += 4 + len;
    }
    out.push({ key, type, pttl: expiresAtMs >= 0 ? Math.max(0, expiresAtMs - nowMs) : -1, expiresAtMs, items });
  }
  return out;
}

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

async function writeAll(handle: FileHandle, position: { at: number }, bytes: Buffer): Promise<void> {
  let off = 0;
  while (off < bytes.length) off += (await handle.write(bytes, off, bytes.length - off, position.at + off)).bytesWritten;
  position.at += bytes.length;
}

/** The encrypted payload: plaintext in, base64 AES-GCM chunks out as JSON array elements. */
class Sealer {
  private pending: Buffer[] = [];
  private size = 0;
  private held: Buffer | null = null;
  private index = 0;

  constructor(
    private readonly out: ByteSink,
    private readonly key: Buffer,
    private readonly header: Buffer,
  ) {}

  async add(view: Buffer): Promise<void> {
    const bytes = Buffer.from(view); // the sink reuses its buffer
    this.pending.push(bytes);
    this.size += bytes.length;
    while (this.size >= CHUNK_BYTES) {
      const all = Buffer.concat(this.pending);
      this.pending = all.length > CHUNK_BYTES ? [all.subarray(CHUNK_BYTES)] : [];
      this.size = all.length - CHUNK_BYTES;
      await this.emit(all.subarray(0, CHUNK_BYTES));
    }
  }

  private async emit(chunk: Buffer): Promise<void> {
    if (this.held) await this.seal(this.held, false);
    this.held = chunk;
  }

  private async seal(plain: Buffer, last: boolean): Promise<void> {
    const sealed = sealChunk(this.key, this.header, this.index, last, plain);
    this.out.text(`${this.index === 0 ? '' : ','}\n    "${sealed.toString('base64')}"`);
    this.index++;
    await this.out.drain();
  }

  async end(): Promise<void> {
    const rest = Buffer.concat(this.pending);
    if (rest.length > 0) await this.emit(rest);
    if (this.held) await this.seal(this.held, true);
    this.held = null;
  }
}

/** Redis server version (INFO server), e.g. `7.0.15`. */
export async function redisServerVersion(redis: RedisClient): Promise<string> {
  const info = await ((await keyHolders(redis))[0] ?? redis).info('server');
  return /redis_version:([^\r\n]+)/.exec(info)?.[1] ?? 'unknown';
}

export function versionAtLeast(version: string, major: number, minor = 0): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

/**
 * Which category a key belongs in and its name there; null for keys we never back up (our own
 * admin keys). When prefixes nest, the longest one that matches decides.
 */
export function categorize(keys: Keys, key: string): { category: Category; id: string } | null {
  const { oauth, session, admin } = keys.prefixes;
  const owner = [oauth, session, admin]
    .filter((p) => key.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  if (owner === undefined || owner === admin) return null;
  if (owner === session) return { category: 'sessions', id: key };
  const known = keys.classify(key);
  if (known) return { category: KIND_CATEGORY[known.kind], id: known.id };
  return { category: 'other', id: key.slice(oauth.length) };
}

/** `categorize` for millions of keys: the prefixes worked out once. */
export function categorizer(keys: Keys): (key: string) => { category: Category; id: string } | null {
  const { oauth, session, admin } = keys.prefixes;
  const heads = (Object.keys(KIND_CATEGORY) as RecordKind[]).map((kind) => ({ head: `${oauth}${kind}:`, category: KIND_CATEGORY[kind] }));
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

/** What comes before a name of `category` in its key (the inverse of `categorize`: key = head + name). */
function headOf(keys: Keys, category: Category): string {
  if (category === 'sessions') return '';
  if (category === 'other') return keys.prefixes.oauth;
  return keys.record(CATEGORY_KIND[category], '');
}

/**
 * Reads one batch: MGET and every key's absolute expiry in one MULTI (an atomic snapshot of the
 * batch, one round trip, two cheap commands for a thousand keys). MGET answers nil for a key
 * that is gone or is not a string; those few go through the `backupRead` script, which reads any
 * type. `exact`: the server has PEXPIRETIME (Redis 7), else expiries are its time plus PTTL.
 */
async function readGroup(redis: RedisClient, group: string[], exact: boolean): Promise<(ReadKey | null)[]> {
  const flag = exact ? '1' : '0';
  const replies = (await runScript(redis.multi().mgetBuffer(...group), 'backupExpiries', group, [flag]).exec()) ?? [];
  const [mgetError, values] = replies[0] ?? [new Error('no MGET reply'), null];
  const [expiryError, expiry] = replies[1] ?? [new Error('no expiry reply'), null];
  if (mgetError) throw mgetError;
  if (expiryError) throw expiryError;
  const vals = values as (Buffer | null)[];
  const exp = expiry as number[];
  const nowMs = Number(exp[0]);
  const out: (ReadKey | null)[] = [];
  const others: string[] = [];
  for (let i = 0; i < group.length; i++) {
    const value = vals[i];
    if (value === null || value === undefined) {
      out.push(null);
      others.push(group[i]!);
      continue;
    }
    const expiresAtMs = Number(exp[i + 1]);
    out.push({ key: group[i]!, type: 'string', pttl: expiresAtMs >= 0 ? Math.max(0, expiresAtMs - nowMs) : -1, expiresAtMs, items: [value] });
  }
  if (others.length === 0) return out;
  const rest = new Map(parseRead(others, (await runScriptBuffer(redis, 'backupRead', others, [flag])) as Buffer).map((r) => [r.key, r]));
  return out.map((r, i) => r ?? rest.get(group[i]!) ?? null);
}

/** Reads keys as a backup does (for tests): keys that do not exist are left out. */
export async function readKeys(redis: RedisClient, keys: string[]): Promise<{ key: string; type: string; expiresAtMs: number; items: Buffer[] }[]> {
  const exact = versionAtLeast(await redisServerVersion(redis), 7);
  return (await inBatches(redis, keys, (group) => readGroup(redis, group, exact))).filter((r): r is ReadKey => r !== null);
}

/**
 * What to SCAN for both prefixes: one SCAN of their common beginning (the whole keyspace when
 * they share none), its keys filtered here before anything is read. One pass over the keyspace
 * instead of one per prefix.
 */
function scanPattern(oauth: string, session: string): string {
  let common = 0;
  while (common < oauth.length && common < session.length && oauth[common] === session[common]) common++;
  return prefixPattern(oauth.slice(0, common));
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

/** Writes one backup file and returns what it holds. */
export async function writeBackup(options: WriteOptions): Promise<WrittenBackup> {
  const { redis, keys, dir } = options;
  const budget = options.sortBudgetBytes ?? 16 * 1024 * 1024;
  const version = await redisServerVersion(redis);
  const [secs, micros] = (await redis.time()) as [string | number, string | number];
  const timestampMs = Number(secs) * 1000 + Math.floor(Number(micros) / 1000);
  const timestamp = pyIsoTimestamp(Number(secs), Number(micros));
  const scratch = await dir.scratch();
  // One budget for all categories: when it is spent, every category's names become a sorted run.
  const held = new SortBudget(budget);
  // The runs hold key names, refresh tokens and codes among them: always encrypted, under a key
  // that exists only in memory, so a killed backup leaves nothing readable behind.
  const sorters = new Map<Category, NameSorter>(CATEGORIES.map((c) => [c, new NameSorter(scratch, c, true, held)]));
  const flushAll = async () => {
    for (const sorter of sorters.values()) await sorter.flush();
    held.held = 0;
  };
  const checkpoint = throttled(options.checkpoint);
  let temp: { path: string; handle: FileHandle } | null = null;
  // Fresh files are a running backup's: never removed as leftovers of a killed one (files.ts).
  const stopHeartbeat = dir.keepFresh(() => [scratch, temp?.path ?? null]);
  try {
    // ---------------------------------------------------------------- 1. scan and sort the names
    const exact = versionAtLeast(version, 7);
    const { oauth, session } = keys.prefixes;
    let scanned = 0;
    const categoryOf = categorizer(keys);
    for await (const page of ahead(scanKeys(redis, scanPattern(oauth, session), BATCH_SIZE), async (page) => page, 2)) {
      for (const key of page) {
        const place = categoryOf(key);
        if (place) sorters.get(place.category)!.add(place.id);
      }
      scanned += page.length;
      if (held.full) await flushAll();
      await options.progress?.({ phase: 'scanning', scanned, written: 0 });
      await checkpoint();
    }
    await flushAll();

    // ---------------------------------------------------------------- 2. read, render, hash, write
    const present = CATEGORIES.filter((c) => c !== 'other' || sorters.get(c)!.count > 0);
    const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
    const digests: Record<string, { count: number; sha256: string }> = {};
    let unsupported = 0;
    const unsupportedBy: Partial<Record<Category, number>> = {};
    const unsupportedTypes = new Set<string>();
    /** The types met, as the manifest keeps them (a few, short: its room is reserved in advance). */
    const typeList = () => [...unsupportedTypes].map((t) => t.slice(0, MAX_TYPE_LENGTH)).sort().slice(0, MAX_TYPES);
    const fileKey = options.encryptionKey ? await newFileKey(options.encryptionKey) : null;
    const buildManifest = (padding?: string, reserve = false): Manifest => ({
      format: FORMAT_NAME,
      format_version: FORMAT_VERSION,
      created_by: 'oauth-admin',
      timestamp,
      key_prefix: oauth,
      session_prefix: session,
      redis_version: version,
      categories: { ...digests },
      counts: Object.fromEntries(present.map((c) => [c, digests[c]?.count ?? 0])),
      sha256: createHash('sha256').update(overallDigestInput(digests)).digest('hex'),
      encrypted: fileKey !== null,
      ...(fileKey ? { encryption: fileKey.info } : {}),
      ...(options.note ? { note: options.note } : {}),
      ...(unsupported > 0 || reserve ? { unsupported_keys: reserve ? BIGGEST : unsupported } : {}),
      ...(unsupported > 0 || reserve ? { unsupported: reserve ? Object.fromEntries(present.map((c) => [c, BIGGEST])) : { ...unsupportedBy } } : {}),
      ...(unsupported > 0 || reserve ? { unsupported_types: reserve ? Array.from({ length: MAX_TYPES }, () => 'x'.repeat(MAX_TYPE_LENGTH)) : typeList() } : {}),
      ...(padding !== undefined ? { padding } : {}),
    });

    temp = await dir.tempFile();
    const handle = temp.handle;
    const position = { at: 0 };
    // Flush to disk while writing (every 64 MiB, in the background), so the final fsync is short.
    const syncs: Promise<void>[] = [];
    let unsynced = 0;
    const sink = new ByteSink(async (bytes) => {
      await writeAll(handle, position, bytes);
      unsynced += bytes.length;
      if (unsynced >= 64 * 1024 * 1024) {
        unsynced = 0;
        const sync = handle.datasync();
        sync.catch(() => {});
        syncs.push(sync);
      }
    });
    let written = 0;
    const renderer = new EntryRenderer();
    const read = async (group: string[]): Promise<ReadKey[]> =>
      (await inBatches(redis, group, (part) => readGroup(redis, part, exact))).filter((r): r is ReadKey => r !== null);
    /**
     * Reads a category's keys in name order and writes its object to `out` (the file or the
     * spool), counting it and taking the SHA-256 of exactly those bytes. Each key is read once.
     */
    const emitCategory = async (out: ByteSink, category: Category) => {
      const hash = createHash('sha256');
      let count = 0;
      out.startTap(hash);
      out.text('{');
      const head = headOf(keys, category);
      for await (const batch of ahead(sorters.get(category)!.merged(BATCH_SIZE), (names) => read(names.map((name) => head + name)))) {
        for (const r of batch) {
          if (r.type === 'unsupported') {
            // A sorted set or a stream: the gateway's format has no place for it (reported, never named).
            unsupported++;
            unsupportedBy[category] = (unsupportedBy[category] ?? 0) + 1;
            if (r.redisType) unsupportedTypes.add(r.redisType);
            continue;
          }
          out.text(count === 0 ? '\n    ' : ',\n    ');
          if (!renderer.write(out, pyStr(r.key.slice(head.length)), r)) throw new Error(`internal error: a key of type ${r.type} cannot be rendered`);
          count++;
        }
        written += batch.length;
        await out.drain();
        await options.progress?.({ phase: 'writing', scanned, written });
        await checkpoint();
      }
      out.text(count === 0 ? '}' : '\n  }');
      out.endTap();
      counts[category] = count;
      digests[category] = { count, sha256: hash.digest('hex') };
    };
    await options.progress?.({ phase: 'writing', scanned, written: 0 });

    let manifest: Manifest;
    const metadata = () => gatewayMetadata(counts);
    if (!fileKey) {
      // One pass. The manifest (which holds every category's checksum) sorts after `codes` but
      // before the other categories, so its place is reserved and written last: `padding` (spaces)
      // makes it exactly as long as the space kept for the largest possible manifest.
      const region = (m: Manifest, meta: Record<string, number>) => `${renderPlain(m, 1)},\n  "metadata": ${renderPlain(meta, 1)}`;
      sink.text('{\n  "codes": ');
      await emitCategory(sink, 'codes');
      sink.text(',\n  "manifest": ');
      await sink.drain(0);
      const regionAt = position.at;
      const known = new Set(Object.keys(digests));
      for (const c of present) digests[c] ??= { count: BIGGEST, sha256: 'f'.repeat(64) };
      const regionBytes = region(buildManifest('', true), Object.fromEntries(Object.keys(metadata()).map((k) => [k, BIGGEST]))).length;
      for (const c of present) if (!known.has(c)) delete digests[c];
      position.at += regionBytes;
      const tail: [string, () => Promise<void> | void][] = present.filter((c) => c !== 'codes').map((c) => [c, () => emitCategory(sink, c)]);
      tail.push(['timestamp', () => sink.text(pyStr(timestamp))]);
      tail.sort((a, b) => (a[0] < b[0] ? -1 : 1));
      for (const [name, body] of tail) {
        sink.text(`,\n  ${pyStr(name)}: `);
        await body();
      }
      sink.text('\n}');
      await sink.drain(0);
      const end = position.at;
      const unpadded = region(buildManifest(''), metadata()).length;
      manifest = buildManifest(' '.repeat(regionBytes - unpadded));
      const text = region(manifest, metadata());
      if (text.length !== regionBytes) throw new Error('internal error: the manifest does not fit its reserved space');
      position.at = regionAt;
      await writeAll(handle, position, Buffer.from(text, 'latin1'));
      position.at = end;
    } else {
      // Encrypted: every chunk is bound to the manifest, so the categories are read once into a
      // spool file (under a key that lives only in memory) while they are hashed, then sealed
      // from it into the file.
      const spool = await Spool.create(scratch);
      try {
        const plain = new ByteSink((bytes) => spool.write(bytes));
        plain.text('{');
        for (const [i, c] of present.entries()) {
          plain.text(`${i === 0 ? '' : ','}\n  ${pyStr(c)}: `);
          await emitCategory(plain, c);
        }
        plain.text('\n}');
        await plain.drain(0);
        manifest = buildManifest();
        const header = headerDigest(encryptedHeaderJson(manifest, metadata()));
        sink.text(`{\n  "manifest": ${renderPlain(manifest, 1)},\n  "metadata": ${renderPlain(metadata(), 1)},\n  "payload": [`);
        const sealer = new Sealer(sink, fileKey.key, header);
        for await (const bytes of spool.chunks()) await sealer.add(bytes);
        await sealer.end();
      } finally {
        await spool.close();
      }
      sink.text(`\n  ],\n  "timestamp": ${pyStr(timestamp)}\n}`);
      await sink.drain(0);
    }
    await Promise.all(syncs);
    await handle.sync();
    await handle.close();
    const sizeBytes = position.at;
    const name = await dir.publish(temp.path, backupBaseName(timestampMs));
    temp = null;
    return { name, sizeBytes, timestampMs, counts, encrypted: fileKey !== null, manifest, unsupported: { byCategory: unsupportedBy, types: typeList() } };
  } finally {
    stopHeartbeat();
    if (temp) {
      await temp.handle.close().catch(() => {});
      await dir.remove(temp.path).catch(() => {});
    }
    await dir.remove(scratch).catch(() => {});
  }
}

/** The largest number the manifest's reserved space is sized for. */
const BIGGEST = 10 ** 15;
/** Unsupported Redis types a manifest names (`zset`, `stream`, a module's type), at most, and their length. */
const MAX_TYPES = 8;
const MAX_TYPE_LENGTH = 32;

/**
 * An encrypted backup's plaintext on its way to being sealed: a file in the scratch directory,
 * encrypted (AES-256-CTR) with a key that exists only in memory, so a crash leaves nothing
 * readable behind.
 */
class Spool {
  private size = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly secret: { key: Buffer; iv: Buffer },
    private readonly cipher: ReturnType<typeof ctrStream>,
  ) {}

  static async create(scratch: string): Promise<Spool> {
    const handle = await open(join(scratch, 'payload.spool'), constants.O_RDWR | constants.O_CREAT | constants.O_EXCL, 0o600);
    const secret = ephemeralCipher();
    return new Spool(handle, secret, ctrStream(secret));
  }

  async write(bytes: Buffer): Promise<void> {
    const position = { at: this.size };
    await writeAll(this.handle, position, this.cipher.update(bytes));
    this.size = position.at;
  }

  /** The plaintext again, a megabyte at a time (each chunk a fresh buffer). */
  async *chunks(): AsyncGenerator<Buffer> {
    const decipher = ctrStream(this.secret);
    for (let at = 0; at < this.size; ) {
      const buf = Buffer.allocUnsafe(Math.min(1024 * 1024, this.size - at));
      const { bytesRead } = await this.handle.read(buf, 0, buf.length, at);
      if (bytesRead === 0) throw new Error('internal error: the backup spool file ended early');
      at += bytesRead;
      yield decipher.update(buf.subarray(0, bytesRead));
    }
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => {});
  }
}

/** What an encrypted file's chunks are bound to: the manifest and metadata, compact and sorted. */
export function encryptedHeaderJson(manifest: unknown, metadata: unknown): string {
  return JSON.stringify(sortDeep({ manifest, metadata }));
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortDeep((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}
