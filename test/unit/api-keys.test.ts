import * as crypto from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ApiKeyEntry, KeyFileError, formatKeyFile, hashApiKey, newApiKey, parseKeyFile, writeKeyFile } from '../../src/plugins/api-key-file.js';
import { ApiKeyRing, watchApiKeys } from '../../src/plugins/api-keys.js';
import { authenticate } from '../../src/plugins/auth.js';
import { type Logger, redactText } from '../../src/logger.js';

vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const entry = (name: string, key: string, role: 'admin' | 'viewer' = 'viewer'): ApiKeyEntry => ({
  name,
  role,
  hash: hashApiKey(key),
  createdAt: '2026-12-05T12:00:00.000Z',
});

describe('the key file', () => {
  it('round-trips, and refuses duplicates, bad names and bad hashes without quoting a value', () => {
    const a = newApiKey();
    const b = newApiKey();
    expect(a).toMatch(/^oak_[A-Za-z0-9_-]{43}$/);
    const keys = [entry('ci', a, 'admin'), entry('dash.board', b)];
    expect(parseKeyFile(formatKeyFile(keys))).toEqual(keys);
    const bad = [
      formatKeyFile([entry('ci', a), entry('ci', b)]),
      formatKeyFile([entry('one', a), entry('two', a)]),
      formatKeyFile([entry('Upper', a)]),
      formatKeyFile([{ ...entry('ci', a), hash: hashApiKey(a).slice(0, -1) }]),
      formatKeyFile(keys).slice(0, -10),
      JSON.stringify({ version: 2, keys: [] }),
    ];
    for (const text of bad) {
      let error: unknown = null;
      try {
        parseKeyFile(text);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(KeyFileError);
      expect((error as Error).message).not.toMatch(/[0-9a-f]{16}/);
    }
  });

  it('a key is redacted from any log text', () => {
    const key = newApiKey();
    expect(redactText(`given ${key}, "${key}"`)).not.toContain(key.slice(4));
  });

  it('is written by rename, mode 0600, leaving no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keys-unit-'));
    try {
      const file = join(dir, 'sub', 'keys.json');
      await writeKeyFile(file, [entry('ci', newApiKey())]);
      await writeKeyFile(file, [entry('ci', newApiKey()), entry('two', newApiKey())]);
      expect(await readdir(join(dir, 'sub'))).toEqual(['keys.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('authentication with service keys', () => {
  afterEach(() => vi.mocked(crypto.timingSafeEqual).mockClear());

  it('names the key, checks the tokens and the keys every time, and compares a hit in constant time', () => {
    const key = newApiKey();
    const ring = new ApiKeyRing([entry('ci', key, 'admin'), entry('other', newApiKey())]);
    const lookup = vi.spyOn(ring, 'lookup');
    const options = { adminToken: 'admin-token-0123456789', viewerToken: 'viewer-token-0123456789', anonymousAdmin: false, keys: ring };
    expect(authenticate(`Bearer ${key}`, options)).toEqual({ role: 'admin', name: 'key:ci' });
    // Both configured tokens, then the hit confirmed: three 32-byte comparisons.
    expect(vi.mocked(crypto.timingSafeEqual).mock.calls.map(([a, b]) => [(a as Buffer).length, (b as Buffer).length])).toEqual([
      [32, 32],
      [32, 32],
      [32, 32],
    ]);
    expect(authenticate('Bearer admin-token-0123456789', options)).toEqual({ role: 'admin', name: 'admin-token' });
    expect(authenticate(`Bearer ${key}x`, options)).toBeNull();
    expect(authenticate(`Bearer ${key.slice(0, -1)}`, options)).toBeNull();
    expect(authenticate(`Bearer ${hashApiKey(key)}`, options)).toBeNull();
    expect(lookup).toHaveBeenCalledTimes(5);
  });
});

describe('watching the file', () => {
  it('starts with no keys when the file is missing, and picks a new file up on the next poll', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'keys-unit-'));
    const lines: string[] = [];
    const logger = { info: (m: string) => lines.push(m), error: (m: string) => lines.push(m) } as unknown as Logger;
    const watcher = watchApiKeys(join(dir, 'keys.json'), logger, 20);
    try {
      expect(watcher.ring.size).toBe(0);
      const key = newApiKey();
      await writeFile(join(dir, 'keys.json'), formatKeyFile([entry('ci', key)]));
      await vi.waitFor(() => expect(watcher.ring.size).toBe(1), { timeout: 2000 });
      expect(watcher.lookup(crypto.hash('sha256', key, 'buffer'))).toEqual({ role: 'viewer', name: 'key:ci' });
      await writeFile(join(dir, 'keys.json'), '{');
      await vi.waitFor(() => expect(lines.at(-1)).toMatch(/not loaded/), { timeout: 2000 });
      expect(watcher.ring.size).toBe(1);
      await rm(join(dir, 'keys.json'));
      await vi.waitFor(() => expect(watcher.ring.size).toBe(0), { timeout: 2000 });
    } finally {
      watcher.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
