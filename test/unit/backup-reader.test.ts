import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupKeyError, newFileKey, openChunk, openFileKey, sealChunk } from '../../src/backups/crypto.js';
import { BackupJsonParser, type StreamEvent } from '../../src/backups/json-stream.js';
import { BackupFormatError, type ReadEntry, readBackup } from '../../src/backups/reader.js';

const SAMPLE = readFileSync(new URL('../fixtures/gateway-sample-backup.json', import.meta.url));
const SAMPLE_MS = Date.parse('2026-11-26T15:34:29.311Z');
const dir = mkdtempSync(join(tmpdir(), 'oauth-admin-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const streamed = (key: string) => key !== 'metadata' && key !== 'timestamp' && key !== 'manifest';

function parseInChunks(bytes: Buffer, size: number): StreamEvent[] {
  const parser = new BackupJsonParser(streamed);
  const events: StreamEvent[] = [];
  for (let i = 0; i < bytes.length; i += size) events.push(...parser.push(bytes.subarray(i, i + size)));
  parser.end();
  return events;
}

const summarize = (events: StreamEvent[]) =>
  events.map((e) =>
    e.kind === 'member' ? `${e.key}/${e.name}=${e.raw.toString('utf8')}` : e.kind === 'value' ? `${e.key}=${e.raw.toString('utf8')}` : `${e.kind}:${e.key}`,
  );

async function read(bytes: Buffer | string, options: Parameters<typeof readBackup>[1] = {}) {
  const path = join(dir, `f-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, bytes);
  const handle = await open(path, 'r');
  try {
    return await readBackup(handle, options);
  } finally {
    await handle.close();
  }
}

describe('the incremental parser', () => {
  it('gives the same members whatever the chunk boundaries (escapes and strings split anywhere)', () => {
    const whole = summarize(parseInChunks(SAMPLE, SAMPLE.length));
    expect(whole.filter((e) => e.startsWith('tokens/'))).toHaveLength(3);
    for (const size of [1, 2, 3, 5, 7, 13, 64, 1000]) expect(summarize(parseInChunks(SAMPLE, size))).toEqual(whole);
  });

  it('refuses broken structure with the byte offset', () => {
    const bad = ['[1, 2]', '{"a": 1,}', '{"a" 1}', '{"a": 1} x', '{"tokens": {"x": {}', '{"tokens": {"x": {}, }}'];
    for (const text of bad) {
      expect(() => parseInChunks(Buffer.from(text), 3), text).toThrow(/byte|ends early/);
    }
  });
});

describe('reading a gateway-made backup', () => {
  it('reads the header: counts, timestamp, format', async () => {
    const head = await read(SAMPLE, { headerOnly: true });
    expect(head.format).toBe('gateway');
    expect(head.timestampMs).toBe(SAMPLE_MS);
    expect(head.counts).toMatchObject({ registrations: 3, tokens: 3, refresh_tokens: 2, user_tokens: 2, states: 1, codes: 1, sessions: 1, other: 0 });
  });

  it('reads every entry with its absolute expiry: the file time plus ttl', async () => {
    const entries: ReadEntry[] = [];
    const summary = await read(SAMPLE, { fileTimeMs: SAMPLE_MS, onEntries: (b) => void entries.push(...b) });
    expect(summary.complete).toBe(true);
    expect(entries).toHaveLength(13);
    const state = entries.find((e) => e.category === 'states')!;
    expect(state.expiresAtMs).toBe(SAMPLE_MS + 297_000);
    const noTtl = entries.find((e) => e.id === '4gZFbt-tgsdSjpXhcAb92g')!;
    expect(noTtl.expiresAtMs).toBeNull();
    const alice = entries.find((e) => e.category === 'user_tokens' && e.id === 'alice')!;
    expect(alice.entry.type).toBe('set');
    expect(alice.items).toEqual(['kDUJmV-Ua39KzJLYrLNOvA', '49NC_kbNyJMLYgA4HbXzug']);
  });
});

describe('refusing bad files', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['empty', '', /empty/],
    ['truncated', SAMPLE.subarray(0, SAMPLE.length - 40), /incomplete|truncated/],
    ['truncated inside a string', SAMPLE.subarray(0, 2000), /incomplete|truncated/],
    ['not an object', '[]', /JSON object/],
    ['a category that is an array', '{"timestamp": "2026-11-26T15:34:29+00:00", "tokens": []}', /"tokens" must be an object/],
    ['a category that is a string', '{"timestamp": "2026-11-26T15:34:29+00:00", "tokens": "x"}', /"tokens" must be an object/],
    [
      'an entry whose value is a number',
      '{"timestamp": "2026-11-26T15:34:29+00:00", "tokens": {"x": {"value": 5, "type": "string", "ttl": -1}}}',
      /tokens\."x" is not a backup entry/,
    ],
    ['an unknown type', '{"timestamp": "2026-11-26T15:34:29+00:00", "tokens": {"x": {"value": "v", "type": "zset", "ttl": -1}}}', /not a backup entry/],
    [
      'a set that is not a list',
      '{"timestamp": "2026-11-26T15:34:29+00:00", "user_tokens": {"x": {"value": "{}", "type": "set", "ttl": -1}}}',
      /array of strings/,
    ],
    ['a ttl below -1', '{"timestamp": "2026-11-26T15:34:29+00:00", "tokens": {"x": {"value": "v", "type": "string", "ttl": -5}}}', /ttl/],
    ['no timestamp', '{"tokens": {}}', /timestamp/],
    ['a bad timestamp', '{"timestamp": "soon", "tokens": {}}', /timestamp/],
    ['a category twice', '{"timestamp": "2026-11-26T15:34:29+00:00", "tokens": {}, "tokens": {}}', /twice/],
    ['data after the end', Buffer.concat([SAMPLE, Buffer.from(' {}')]), /after the end/],
  ];
  it.each(cases)('%s', async (_name, bytes, message) => {
    const error = await read(bytes, { fileTimeMs: SAMPLE_MS, onEntries: () => {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupFormatError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('encryption primitives', () => {
  it('seals chunks bound to the header, the index and the last-chunk flag', async () => {
    const { key, info } = await newFileKey('correct horse battery staple');
    const header = Buffer.alloc(32, 7);
    const sealed = sealChunk(key, header, 0, true, Buffer.from('secret data'));
    expect(sealed.toString('utf8')).not.toContain('secret');
    expect(openChunk(key, header, 0, true, sealed).toString()).toBe('secret data');
    expect(() => openChunk(key, header, 1, true, sealed)).toThrow(/failed authentication/);
    expect(() => openChunk(key, header, 0, false, sealed)).toThrow(/failed authentication/);
    expect(() => openChunk(key, Buffer.alloc(32, 8), 0, true, sealed)).toThrow(/failed authentication/);
    const flipped = Buffer.from(sealed);
    flipped[0]! ^= 1;
    expect(() => openChunk(key, header, 0, true, flipped)).toThrow(/failed authentication/);
    expect((await openFileKey('correct horse battery staple', info)).equals(key)).toBe(true);
    await expect(openFileKey('wrong', info)).rejects.toBeInstanceOf(BackupKeyError);
  });
});
