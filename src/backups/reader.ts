/**
 * Reads a backup file incrementally and checks all of it: the JSON structure (json-stream.ts),
 * every entry (zod), the manifest, the per-category SHA-256s and counts, the timestamp, and for
 * encrypted files the key and every chunk's authentication. Entries go to the caller in batches
 * as they are read, so memory stays flat whatever the file's size. Any problem throws a
 * BackupFormatError (or BackupKeyError) with a message an operator can act on.
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { CATEGORIES, type Manifest, gatewayMetadata, isCategory, overallDigestInput } from './format.js';
import { BackupJsonParser, JsonStreamError } from './json-stream.js';
import { CategoryReader, zeroCounts } from './read-entries.js';
import { BackupFormatError, fail } from './read-errors.js';
import { RootReader } from './read-root.js';
import type { BackupSummary, ReadOptions } from './read-types.js';

export { BackupFormatError, entryLabel } from './read-errors.js';
export type { BackupSummary, ReadEntry, ReadOptions } from './read-types.js';

const READ_BYTES = 1024 * 1024;

/** Reads a whole backup (or its header) from an open file; throws BackupFormatError / BackupKeyError. */
export async function readBackup(handle: FileHandle, options: ReadOptions = {}): Promise<BackupSummary> {
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
  const categories = new CategoryReader(summary, options);
  const root = new RootReader(summary, categories, options);
  await readEvents(handle, root, categories, options);
  if (root.stop) return summary;
  summary.complete = !(options.headerOnly ?? false);
  return checkWhole(summary, root, categories, options);
}

/** The file's events through `root`, and the entries gathered to the caller in batches. */
async function readEvents(handle: FileHandle, root: RootReader, categories: CategoryReader, options: ReadOptions): Promise<void> {
  const batchSize = options.batchSize ?? 1000;
  const deliver = async () => {
    if ((await options.onEntries!(categories.takeBatch())) === 'stop') root.stop = true;
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
        await root.event(ev);
        if (root.stop) break;
        if (pause && (++seen & 31) === 0) await pause();
        if (categories.batch.length >= batchSize && options.onEntries) await deliver();
      }
      if (root.stop) break;
    }
    if (!root.stop) parser.end();
  } catch (error) {
    if (error instanceof JsonStreamError) {
      throw new BackupFormatError(error.truncated ? `the file is incomplete: ${error.message}` : `the file is not valid JSON: ${error.message}`);
    }
    throw error;
  }
  if (categories.batch.length > 0 && options.onEntries && !root.stop) await deliver();
}

/** The checks only a whole file allows: structure, timestamp, counts, checksums, metadata. */
function checkWhole(summary: BackupSummary, root: RootReader, categories: CategoryReader, options: ReadOptions): BackupSummary {
  if (root.fileTimestamp === null) fail('the file has no "timestamp"');
  const manifest = summary.manifest;
  if (!manifest) {
    if (root.payloadSeen) fail('"payload" without a manifest');
    // The gateway's script never writes these: this is one of ours whose manifest (and with it
    // every checksum) was removed, so whatever else was changed would go unnoticed.
    const ours = categories.oursOnly;
    if (ours !== null)
      fail(`the file has no manifest, but ${ours}, which only this service writes: a backup of ours whose manifest was removed (altered), refused`);
    return summary;
  }
  if (manifest.encrypted && !root.payloadSeen) fail('the manifest says encrypted but the file has no "payload"');
  if (!manifest.encrypted && root.payloadSeen) fail('the file has an encrypted "payload" but its manifest says it is not encrypted');
  if (manifest.encrypted && root.clearCategories) fail('an encrypted backup must not hold categories in clear');
  if (options.trusted) return summary;
  if (root.fileTimestamp !== manifest.timestamp) fail('"timestamp" does not match the manifest: the file was altered');
  checkDigests(summary, manifest, categories);
  const meta = gatewayMetadata(summary.counts);
  for (const [k, v] of Object.entries(meta)) {
    if (summary.metadata?.[k] !== v) fail(`"metadata.${k}" does not match the entries (${String(summary.metadata?.[k])} vs ${v})`);
  }
  return summary;
}

/** Every category against the manifest: present, counted and hashed as it says. */
function checkDigests(summary: BackupSummary, manifest: Manifest, categories: CategoryReader): void {
  const { hashes } = categories;
  for (const c of CATEGORIES) {
    const expected = manifest.categories[c];
    if (!expected && !hashes.has(c)) continue;
    if (!expected) fail(`"${c}" is in the file but not in its manifest`);
    if (!hashes.has(c)) fail(`"${c}" is missing (the manifest lists ${expected.count} entries)`);
    if (summary.counts[c] !== expected.count)
      fail(`"${c}" holds ${summary.counts[c]} entries; the manifest says ${expected.count} (file altered or incomplete)`);
    const digest = hashes.get(c)!.digest('hex');
    if (digest !== expected.sha256) fail(`checksum mismatch in "${c}": the file was altered after it was written`);
  }
  const overall = createHash('sha256').update(overallDigestInput(manifest.categories)).digest('hex');
  if (overall !== manifest.sha256) fail("the manifest's checksum does not match its categories: the file was altered");
}
