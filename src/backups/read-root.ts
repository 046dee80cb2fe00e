/**
 * The reader's root object: `timestamp`, `metadata`, `manifest`, clear categories, and an
 * encrypted file's `payload` (its chunks opened in order and parsed as the categories object).
 */
import { BackupKeyError, headerDigest, openChunk, openFileKey } from './crypto.js';
import { CATEGORIES, FORMAT_NAME, FORMAT_VERSION, ManifestSchema, MetadataSchema, isCategory, parsePyTimestamp, zodMessage } from './format.js';
import { BackupJsonParser, type StreamEvent } from './json-stream.js';
import { encryptedHeaderJson } from './layout.js';
import type { CategoryReader } from './read-entries.js';
import { fail, parseJson } from './read-errors.js';
import type { BackupSummary, ReadOptions } from './read-types.js';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** An encrypted payload being read: chunk after chunk opened (the last one known only at the end) and parsed. */
class PayloadReader {
  private held: Buffer | null = null;
  private chunkIndex = 0;
  private readonly inner = new BackupJsonParser(isCategory);
  private readonly seen = new Set<string>();

  constructor(
    private readonly fileKey: Buffer,
    private readonly header: Buffer,
    private readonly categories: CategoryReader,
  ) {}

  chunk(raw: Buffer): void {
    const text = parseJson(raw, 'an encrypted chunk');
    if (typeof text !== 'string' || !BASE64.test(text)) fail(`encrypted chunk ${this.chunkIndex + (this.held ? 1 : 0)} is not base64`);
    this.openHeld(false);
    this.held = Buffer.from(text, 'base64');
  }

  end(): void {
    if (!this.held) fail('the encrypted payload is empty');
    this.openHeld(true);
    try {
      this.inner.end();
    } catch (error) {
      fail(`the decrypted payload is not a complete JSON object (${(error as Error).message})`);
    }
  }

  private openHeld(last: boolean): void {
    if (!this.held) return;
    const plain = openChunk(this.fileKey, this.header, this.chunkIndex++, last, this.held);
    this.held = null;
    for (const ev of this.inner.push(plain)) {
      if (!isCategory(ev.key)) fail(`the encrypted payload holds an unknown member "${ev.key}"`);
      this.categories.event(ev, this.seen);
    }
  }
}

export class RootReader {
  /** Set once the read should end (the header is known, or the caller said stop). */
  stop = false;
  /** The root's own `timestamp`. */
  fileTimestamp: string | null = null;
  payloadSeen = false;
  clearCategories = false;
  private manifestRaw: unknown = null;
  private metadataRaw: unknown = null;
  private readonly seenRoot = new Set<string>();
  private payload: PayloadReader | null = null;

  constructor(
    private readonly summary: BackupSummary,
    private readonly categories: CategoryReader,
    private readonly options: ReadOptions,
  ) {}

  async event(ev: StreamEvent): Promise<void> {
    if (ev.kind === 'open' || ev.kind === 'value') {
      if (this.seenRoot.has(ev.key)) fail(`"${ev.key}" appears twice`);
      this.seenRoot.add(ev.key);
    }
    if (isCategory(ev.key)) {
      if (this.summary.encrypted) fail(`an encrypted backup must not hold "${ev.key}" in clear`);
      this.clearCategories = true;
      this.categories.event(ev, new Set());
      return;
    }
    switch (ev.key) {
      case 'timestamp':
        return this.timestamp(ev);
      case 'metadata':
        return this.metadata(ev);
      case 'manifest':
        return this.manifest(ev);
      case 'payload':
        return this.payloadEvent(ev);
      default:
        if (ev.kind !== 'member' && ev.kind !== 'close') this.summary.ignored.push(ev.key);
    }
  }

  private timestamp(ev: StreamEvent): void {
    if (ev.kind !== 'value') return fail('"timestamp" must be a string');
    const text = parseJson(ev.raw, '"timestamp"');
    const ms = typeof text === 'string' ? parsePyTimestamp(text) : null;
    if (ms === null) fail('"timestamp" is not an ISO 8601 time');
    this.fileTimestamp = text as string;
    if (!this.summary.manifest) {
      this.summary.timestamp = this.fileTimestamp;
      this.summary.timestampMs = ms;
    }
  }

  private metadata(ev: StreamEvent): void {
    if (ev.kind !== 'value') return fail('"metadata" must be an object');
    this.metadataRaw = parseJson(ev.raw, '"metadata"');
    const parsed = MetadataSchema.safeParse(this.metadataRaw);
    if (!parsed.success) fail('"metadata" must be an object');
    this.summary.metadata = parsed.data;
  }

  private manifest(ev: StreamEvent): void {
    if (ev.kind !== 'value') return fail('"manifest" must be an object');
    const raw = (this.manifestRaw = parseJson(ev.raw, '"manifest"'));
    const kind = (raw as { format?: unknown } | null)?.format;
    if (kind !== FORMAT_NAME) fail(`"manifest" is not an ${FORMAT_NAME} manifest`);
    const version = (raw as { format_version?: unknown }).format_version;
    if (typeof version === 'number' && version > FORMAT_VERSION) {
      fail(`this backup uses format version ${version}; this service reads up to version ${FORMAT_VERSION}`);
    }
    const parsed = ManifestSchema.safeParse(raw);
    if (!parsed.success) fail(`"manifest" is invalid (${zodMessage(parsed.error)})`);
    const manifest = parsed.data;
    if (manifest.encrypted !== (manifest.encryption !== undefined)) fail('"manifest" is inconsistent about encryption');
    const { summary } = this;
    summary.manifest = manifest;
    summary.format = 'oauth-admin';
    summary.encrypted = manifest.encrypted;
    const ms = parsePyTimestamp(manifest.timestamp);
    if (ms === null) fail("the manifest's timestamp is not an ISO 8601 time");
    summary.timestamp = manifest.timestamp;
    summary.timestampMs = ms;
    if (this.options.headerOnly) {
      for (const c of CATEGORIES) summary.counts[c] = manifest.categories[c]?.count ?? 0;
      this.stop = true;
    }
  }

  private async payloadEvent(ev: StreamEvent): Promise<void> {
    const manifest = this.summary.manifest;
    if (!manifest?.encrypted || !manifest.encryption) return fail('"payload" (encrypted data) without an encrypted manifest before it');
    if (this.options.headerOnly) {
      this.stop = true;
      return;
    }
    if (ev.kind === 'open') {
      if (!ev.array) fail('"payload" must be an array');
      if (this.payloadSeen) fail('"payload" appears twice');
      this.payloadSeen = true;
      if (!this.options.encryptionKey) throw new BackupKeyError('this backup is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was made with');
      const fileKey = await openFileKey(this.options.encryptionKey, manifest.encryption);
      const header = headerDigest(encryptedHeaderJson(this.manifestRaw, this.metadataRaw));
      this.payload = new PayloadReader(fileKey, header, this.categories);
    } else if (ev.kind === 'member') this.payload!.chunk(ev.raw);
    else if (ev.kind === 'close') this.payload!.end();
    else fail('"payload" must be an array');
  }
}
