import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { pyStr } from '../../src/backups/pyjson.js';
import { EntryRenderer, type ReadKey, renderKey } from '../../src/backups/render.js';
import { NameSorter, SortBudget } from '../../src/backups/spill.js';

const root = mkdtempSync(join(tmpdir(), 'oauth-admin-render-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const key = (value: string | Buffer, pttl = 86_400_000): ReadKey => ({
  key: 'oauth:token:x',
  type: 'string',
  pttl,
  expiresAtMs: pttl >= 0 ? 1_795_000_000_000 + pttl : -1,
  items: [typeof value === 'string' ? Buffer.from(value, 'utf8') : value],
});

/** The general path: what every member must be, byte for byte. */
const expected = (r: ReadKey) => {
  const entry = renderKey(r);
  return entry === null ? null : `${pyStr('x')}: ${entry}`;
};

/** A renderer that has learned the shapes of `teach` (as a backup learns them from its first keys). */
function renderer(teach: string[]): EntryRenderer {
  const r = new EntryRenderer();
  for (const value of teach) r.member(pyStr('x'), key(value));
  return r;
}

const TOKEN =
  '{"user_id": "100753", "username": "bench-user-000753", "client_id": "client_W9QKq4Vf8lf5qp9Tor_D9Q", "scope": "openid profile email", "created_at": 1795634635}';

describe('entry rendering', () => {
  it('renders a learned shape exactly as the general path does, and whatever does not fit the shape by the general path', () => {
    const r = renderer([TOKEN, '{"a": 1, "b": [1]}', '{"redirect_uris": "[\\"https://x\\"]", "name": "Caf\\u00e9"}']);
    const values = [
      TOKEN,
      TOKEN.replace('100753', 'a \\"quoted\\" \\\\ back\\/slash'), // \/ is not what Python writes
      TOKEN.replace('100753', 'tab\\tnew\\nline \\u00e9 \\ud83d\\ude00 \\u001f \\u007f'),
      TOKEN.replace('100753', '\\u0041'), // Python writes A
      TOKEN.replace('100753', '\\u00E9'), // uppercase hex: Python writes lowercase
      TOKEN.replace('100753', '\\u0008'), // Python writes \b
      TOKEN.replace('1795634635', '-0'),
      TOKEN.replace('1795634635', '01'),
      TOKEN.replace('1795634635', '1.0'),
      TOKEN.replace('1795634635', '1e5'),
      TOKEN.replace('1795634635', '123456789012345678901234567890'),
      TOKEN.replace('1795634635', '-42'),
      TOKEN.replace('1795634635', 'true'),
      TOKEN.replace('1795634635', 'null'),
      TOKEN.replace('1795634635', 'NaN'),
      TOKEN.replace('"scope": ', '"scope":'),
      TOKEN.replace(', "scope"', ',"scope"'),
      ` ${TOKEN}`,
      `${TOKEN}\n`,
      TOKEN.replace('"username"', '"user_id"'), // a duplicate key
      TOKEN.replace('bench-user', 'bénch-user'),
      TOKEN.replace('"username": "bench-user-000753", ', ''),
      `${TOKEN.slice(0, -1)}, "extra": 1}`,
      '{"redirect_uris": "[\\"https://x\\"]", "name": "Caf\\u00e9"}',
      '{"redirect_uris": "[\\"https://y\\", \\"http://z\\"]", "name": "\\\\"}',
      '{"a": 2, "b": [1]}',
      '{}',
      'not json',
      '',
      '"just a string"',
      '12',
    ];
    for (const value of values) {
      for (const pttl of [86_400_000, 0, -1]) expect(r.member(pyStr('x'), key(value, pttl))).toBe(expected(key(value, pttl)));
    }
    for (const bytes of [Buffer.from([0x7b, 0xff, 0x7d]), Buffer.from('{"a": "\u00e9"}', 'latin1')])
      expect(r.member(pyStr('x'), key(bytes))).toBe(expected(key(bytes)));
    const set: ReadKey = { key: 'oauth:user_tokens:u', type: 'set', pttl: -1, expiresAtMs: -1, items: [Buffer.from('a'), Buffer.from('b')] };
    expect(r.member(pyStr('x'), set)).toBe(expected(set));
    expect(r.member(pyStr('x'), { ...set, type: 'zset' })).toBeNull();
  });

  it('matches the general path for random flat objects (any layout, any member)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', '"', '\\', '/', '\n', '\t', '\u0001', '\u007f', 'é', '😀', '{', '}', ':', ',') });
    const member = fc.oneof(
      text.map((s) => JSON.stringify(s)),
      text.map((s) => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)),
      fc.constantFrom('0', '-0', '7', '-12', '007', '1.5', '2e3', 'true', 'false', 'null', '[]', '{}', '"\\u0041"', '"\\u00E9"', '"\\/"'),
      fc.integer().map(String),
    );
    const names = fc.constantFrom('a', 'b', 'c', 'user_id', 'a.b', 'x-y', '(z)', 'a"b');
    const object = fc
      .array(fc.tuple(names, member), { maxLength: 6 })
      .chain((members) =>
        fc
          .constantFrom(', ', ',')
          .chain((comma) => fc.constantFrom(': ', ':').map((colon) => `{${members.map(([k, v]) => `${JSON.stringify(k)}${colon}${v}`).join(comma)}}`)),
      );
    fc.assert(
      fc.property(fc.array(object, { minLength: 1, maxLength: 12 }), fc.integer({ min: -1, max: 10 ** 9 }), (values, pttl) => {
        const r = renderer(values);
        for (const value of values) expect(r.member(pyStr('x'), key(value, pttl))).toBe(expected(key(value, pttl)));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the external sort with a shared budget', () => {
  it('merges long and short names across read buffers, each name once', async () => {
    const dir = mkdtempSync(join(root, 'runs-'));
    const budget = new SortBudget(256 * 1024);
    const sorters = ['tokens', 'refresh_tokens'].map((tag) => new NameSorter(dir, tag, false, budget));
    const seen = [new Set<string>(), new Set<string>()];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 20_000; i++) {
      const w = random(2);
      // Repeats within a run and across runs; some names longer than a read buffer.
      const name = `k${random(5000)}${random(200) === 0 ? 'x'.repeat(70_000 + random(100_000)) : ''}`;
      sorters[w]!.add(name);
      seen[w]!.add(name);
      if (budget.full) {
        for (const x of sorters) await x.flush();
        budget.held = 0;
      }
    }
    for (const [w, sorter] of sorters.entries()) {
      const out: string[] = [];
      for await (const batch of sorter.merged()) out.push(...batch);
      expect(out).toEqual([...seen[w]!].sort());
      await sorter.remove();
    }
  });
});
