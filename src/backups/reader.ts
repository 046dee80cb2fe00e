/**
 * Reads a backup file incrementally and checks all of it: the JSON structure (json-stream.ts),
 * every entry (zod), the manifest, the per-category SHA-256s and counts, the timestamp, and for
 * encrypted files the key and every chunk's authentication. Entries go to the caller in batches
 * as they are read, so memory stays flat whatever the file's size. Any problem throws a
 * BackupFormatError (or BackupKeyError) with a message an operator can act on.
 */
import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { BackupKeyError, openChunk, openFileKey, headerDigest } from './crypto.js';
import {
  CATEGORIES,
  type Category,
  type Entry,
  EntrySchema,
  FORMAT_NAME,
  FORMAT_VERSION,
  type Manifest,
  ManifestSchema,
  MetadataSchema,
  entryExpiry,
  entryItems,
  gatewayMetadata,
  isCategory,
  overallDigestInput,
  parsePyTimestamp,
  zodMessage,
} from './format.js';
import { BackupJsonParser, JsonStreamError, type StreamEvent } from './json-stream.js';
import { parseLenient } from './pyjson.js';
import { encryptedHeaderJson } from './writer.js';
import { fingerprint } from '../redis/fingerprint.js';

export class BackupFormatError extends Error {}

const READ_BYTES = 1024 * 1024;

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

const zeroCounts = () => Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Categories whose names are not secrets (client ids, jtis, usernames): errors may quote them. */
const PUBLIC_NAMES: ReadonlySet<Category> = new Set<Category>(['registrations', 'tokens', 'user_tokens']);

/**
 * How an error names an entry. For refresh tokens, codes, states, sessions and unknown keys the
 * name is the secret itself (or may be): those are named by the API's fingerprint (the same
 * handle `RefreshToken.fingerprint`, `AuthorizationCode.fingerprint` and the diff show), never
 * quoted.
 */
export function entryLabel(category: Category, id: string): string {
  return PUBLIC_NAMES.has(category) ? `entry ${category}.${JSON.stringify(id)}` : `entry of ${category} with fingerprint ${fingerprint(id)}`;
}

function fail(message: string): never {
  throw new BackupFormatError(message);
}

function parseJson(raw: Buffer, what: string): unknown {
  try {
    return parseLenient(raw.toString('utf8'));
  } catch {
    return fail(`${what} is not valid JSON`);
  }
}

/** Reads a whole backup (or its header) from an open file; throws BackupFormatError / BackupKeyError. */
export async function readBackup(handle: FileHandle, options: ReadOptions = {}): Promise<BackupSummary> {
  const headerOnly = options.headerOnly ?? false;
  const batchSize = options.batchSize ?? 1000;
  const summary: BackupSummary = {
    format: 'gateway',
    timestamp: null,
    timestampMs: null,
    manifest: null,
    metadata: null,
    counts: zeroCounts(),
    encrypted: false,
    ignored: [],
    complete: false,
  };
  const hashes = new Map<Category, Hash>();
  const seenRoot = new Set<string>();
  let manifestRaw: unknown = null;
  let fileTimestamp: string | null = null;
  let metadataRaw: unknown = null;
  let batch: ReadEntry[] = [];
  let stop = false;
  let payloadSeen = false;
  let clearCategories = false;
  /** Something only our writer puts in a file (an entry's `expires_at_ms` or `encoding`, `other`). */
  let oursOnly: string | null = null;
  // encrypted payload
  let fileKey: Buffer | null = null;
  let header: Buffer | null = null;
  let held: Buffer | null = null;
  let chunkIndex = 0;
  let inner: BackupJsonParser | null = null;
  const innerSeen = new Set<string>();

  const onMember = (category: Category, ev: Extract<StreamEvent, { kind: 'member' }>) => {
    summary.counts[category]++;
    if (headerOnly) return;
    const id = ev.name as string;
    const value = parseJson(ev.raw, entryLabel(category, id));
    const parsed = EntrySchema.safeParse(value);
    if (!parsed.success) fail(`${entryLabel(category, id)} is not a backup entry (${zodMessage(parsed.error)})`);
    let items: (string | Buffer)[];
    try {
      items = entryItems(parsed.data);
    } catch (error) {
      return fail(`${entryLabel(category, id)}: ${(error as Error).message}`);
    }
    if (oursOnly === null) {
      if (parsed.data.expires_at_ms !== undefined) oursOnly = 'entries with "expires_at_ms"';
      else if (parsed.data.encoding !== undefined) oursOnly = 'entries with "encoding"';
      else if (category === 'other') oursOnly = 'an "other" category';
    }
    if (!options.trusted) {
      // The category's bytes as our writer lays them out (json.dump indent=2 at this depth).
      const hash = hashes.get(category)!;
      hash.update(summary.counts[category] === 1 ? '\n    ' : ',\n    ');
      hash.update(ev.rawName as Buffer);
      hash.update(': ');
      hash.update(ev.raw);
    }
    if (options.onEntries && (!options.categories || options.categories.has(category))) {
      let expiresAtMs: number | null = null;
      if (parsed.data.expires_at_ms !== undefined || parsed.data.ttl > 0) {
        const fileTime = options.fileTimeMs ?? summary.timestampMs;
        if (fileTime === null && parsed.data.expires_at_ms === undefined) fail('the file\'s timestamp is needed before its entries (read the header first)');
        expiresAtMs = entryExpiry(parsed.data, fileTime ?? 0);
      }
      batch.push({ category, id, entry: parsed.data, items, expiresAtMs });
    }
  };

  const categoryEvent = (ev: StreamEvent, seen: Set<string>) => {
    const category = ev.key as Category;
    if (ev.kind === 'open') {
      if (ev.array) fail(`"${category}" must be an object mapping names to entries, not an array`);
      if (seen.has(category)) fail(`"${category}" appears twice`);
      seen.add(category);
      hashes.set(category, createHash('sha256').update('{'));
    } else if (ev.kind === 'member') onMember(category, ev);
    else if (ev.kind === 'close') hashes.get(category)?.update(summary.counts[category] === 0 ? '}' : '\n  }');
    else if (ev.kind === 'value') fail(`"${category}" must be an object mapping names to entries`);
  };

  const onInner = (events: StreamEvent[]) => {
    for (const ev of events) {
      if (!isCategory(ev.key)) fail(`the encrypted payload holds an unknown member "${ev.key}"`);
      categoryEvent(ev, innerSeen);
    }
  };

  const openHeld = (last: boolean) => {
    if (!held) return;
    const plain = openChunk(fileKey as Buffer, header as Buffer, chunkIndex++, last, held);
    held = null;
    onInner(inner!.push(plain));
  };

  const onOuter = async (ev: StreamEvent) => {
    if (ev.kind === 'open' || ev.kind === 'value') {
      if (seenRoot.has(ev.key)) fail(`"${ev.key}" appears twice`);
      seenRoot.add(ev.key);
    }
    if (isCategory(ev.key)) {
      if (summary.encrypted) fail(`an encrypted backup must not hold "${ev.key}" in clear`);
      clearCategories = true;
      categoryEvent(ev, new Set());
      return;
    }
    switch (ev.key) {
      case 'timestamp': {
        if (ev.kind !== 'value') return fail('"timestamp" must be a string');
        const text = parseJson(ev.raw, '"timestamp"');
        const ms = typeof text === 'string' ? parsePyTimestamp(text) : null;
        if (ms === null) fail('"timestamp" is not an ISO 8601 time');
        fileTimestamp = text as string;
        if (!summary.manifest) {
          summary.timestamp = fileTimestamp;
          summary.timestampMs = ms;
        }
        return;
      }
      case 'metadata': {
        if (ev.kind !== 'value') return fail('"metadata" must be an object');
        metadataRaw = parseJson(ev.raw, '"metadata"');
        const parsed = MetadataSchema.safeParse(metadataRaw);
        if (!parsed.success) fail('"metadata" must be an object');
        summary.metadata = parsed.data;
        return;
      }
      case 'manifest': {
        if (ev.kind !== 'value') return fail('"manifest" must be an object');
        manifestRaw = parseJson(ev.raw, '"manifest"');
        const kind = (manifestRaw as { format?: unknown } | null)?.format;
        if (kind !== FORMAT_NAME) fail(`"manifest" is not an ${FORMAT_NAME} manifest`);
        const version = (manifestRaw as { format_version?: unknown }).format_version;
        if (typeof version === 'number' && version > FORMAT_VERSION) {
          fail(`this backup uses format version ${version}; this service reads up to version ${FORMAT_VERSION}`);
        }
        const parsed = ManifestSchema.safeParse(manifestRaw);
        if (!parsed.success) fail(`"manifest" is invalid (${zodMessage(parsed.error)})`);
        const manifest = parsed.data;
        if (manifest.encrypted !== (manifest.encryption !== undefined)) fail('"manifest" is inconsistent about encryption');
        summary.manifest = manifest;
        summary.format = 'oauth-admin';
        summary.encrypted = manifest.encrypted;
        const ms = parsePyTimestamp(manifest.timestamp);
        if (ms === null) fail('the manifest\'s timestamp is not an ISO 8601 time');
        summary.timestamp = manifest.timestamp;
        summary.timestampMs = ms;
        if (headerOnly) {
          for (const c of CATEGORIES) summary.counts[c] = manifest.categories[c]?.count ?? 0;
          stop = true;
        }
        return;
      }
      case 'payload': {
        if (!summary.manifest?.encrypted || !summary.manifest.encryption) fail('"payload" (encrypted data) without an encrypted manifest before it');
        if (headerOnly) {
          stop = true;
          return;
        }
        if (ev.kind === 'open') {
          if (!ev.array) fail('"payload" must be an array');
          if (payloadSeen) fail('"payload" appears twice');
          payloadSeen = true;
          if (!options.encryptionKey) throw new BackupKeyError('this backup is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was made with');
          fileKey = await openFileKey(options.encryptionKey, summary.manifest.encryption);
          header = headerDigest(encryptedHeaderJson(manifestRaw, metadataRaw));
          inner = new BackupJsonParser(isCategory);
        } else if (ev.kind === 'member') {
          const text = parseJson(ev.raw, 'an encrypted chunk');
          if (typeof text !== 'string' || !BASE64.test(text)) fail(`encrypted chunk ${chunkIndex + (held ? 1 : 0)} is not base64`);
          openHeld(false);
          held = Buffer.from(text, 'base64');
        } else if (ev.kind === 'close') {
          if (!held) fail('the encrypted payload is empty');
          openHeld(true);
          try {
            inner!.end();
          } catch (error) {
            fail(`the decrypted payload is not a complete JSON object (${(error as Error).message})`);
          }
        } else fail('"payload" must be an array');
        return;
      }
      default:
        if (ev.kind !== 'member' && ev.kind !== 'close') summary.ignored.push(ev.key);
    }
  };

  const parser = new BackupJsonParser((key) => isCategory(key) || key === 'payload');
  let position = 0;
  const pause = options.pause;
  // A smaller read keeps the parser's synchronous work per read short when others must get a turn.
  const readBytes = pause ? 64 * 1024 : READ_BYTES;
  try {
    for (;;) {
      if (pause) await pause();
      const chunk = Buffer.allocUnsafe(readBytes);
      const { bytesRead } = await handle.read(chunk, 0, readBytes, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      let seen = 0;
      for (const ev of parser.push(chunk.subarray(0, bytesRead))) {
        await onOuter(ev);
        if (stop) break;
        if (pause && (++seen & 31) === 0) await pause();
        if (batch.length >= batchSize && options.onEntries) {
          const out = batch;
          batch = [];
          if ((await options.onEntries(out)) === 'stop') stop = true;
        }
      }
      if (stop) break;
    }
    if (!stop) parser.end();
  } catch (error) {
    if (error instanceof JsonStreamError) {
      throw new BackupFormatError(error.truncated ? `the file is incomplete: ${error.message}` : `the file is not valid JSON: ${error.message}`);
    }
    throw error;
  }
  if (batch.length > 0 && options.onEntries && !stop) {
    if ((await options.onEntries(batch)) === 'stop') stop = true;
  }
  if (stop) return summary;

  // ------------------------------------------------------------------ whole-file checks
  summary.complete = !headerOnly;
  if (fileTimestamp === null) fail('the file has no "timestamp"');
  const manifest = summary.manifest;
  if (!manifest) {
    if (payloadSeen) fail('"payload" without a manifest');
    // The gateway's script never writes these: this is one of ours whose manifest (and with it
    // every checksum) was removed, so whatever else was changed would go unnoticed.
    if (oursOnly !== null) fail(`the file has no manifest, but ${oursOnly}, which only this service writes: a backup of ours whose manifest was removed (altered), refused`);
    return summary;
  }
  if (manifest.encrypted && !payloadSeen) fail('the manifest says encrypted but the file has no "payload"');
  if (!manifest.encrypted && payloadSeen) fail('the file has an encrypted "payload" but its manifest says it is not encrypted');
  if (manifest.encrypted && clearCategories) fail('an encrypted backup must not hold categories in clear');
  if (options.trusted) return summary;
  if (fileTimestamp !== manifest.timestamp) fail('"timestamp" does not match the manifest: the file was altered');
  for (const c of CATEGORIES) {
    const expected = manifest.categories[c];
    if (!expected && !hashes.has(c)) continue;
    if (!expected) fail(`"${c}" is in the file but not in its manifest`);
    if (!hashes.has(c)) fail(`"${c}" is missing (the manifest lists ${expected.count} entries)`);
    if (summary.counts[c] !== expected.count) fail(`"${c}" holds ${summary.counts[c]} entries; the manifest says ${expected.count} (file altered or incomplete)`);
    const digest = hashes.get(c)!.digest('hex');
    if (digest !== expected.sha256) fail(`checksum mismatch in "${c}": the file was altered after it was written`);
  }
  const overall = createHash('sha256').update(overallDigestInput(manifest.categories)).digest('hex');
  if (overall !== manifest.sha256) fail('the manifest\'s checksum does not match its categories: the file was altered');
  const meta = gatewayMetadata(summary.counts);
  for (const [k, v] of Object.entries(meta)) {
    if (summary.metadata?.[k] !== v) fail(`"metadata.${k}" does not match the entries (${String(summary.metadata?.[k])} vs ${v})`);
  }
  return summary;
}
