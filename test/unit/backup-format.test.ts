import { describe, expect, it } from 'vitest';
import { pyString } from '../../src/redis/python-json.js';
import {
  BACKUP_NAME,
  backupBaseName,
  backupSortKey,
  gatewayTtl,
  nameWithSequence,
  parsePyTimestamp,
  pyIsoTimestamp,
  timeFromName,
} from '../../src/backups/format.js';
import { renderEntry } from '../../src/backups/layout.js';
import { checkBackupName } from '../../src/backups/files.js';
import { pyCompare, pyFloat, pyStr, renderParsed } from '../../src/backups/pyjson.js';

/** [stored value, what Python's json.dumps(json.loads(value), indent=2, sort_keys=True) gives, or null if json.loads refuses]. Computed with CPython 3. */
const PYTHON_CASES: [string, string | null][] = [
  ['{"b": 1, "a": "x"}', '{\n  "a": "x",\n  "b": 1\n}'],
  [
    '{"sub": "1", "email": null, "ok": true, "no": false, "n": -5, "z": 12345678901234567890}',
    '{\n  "email": null,\n  "n": -5,\n  "no": false,\n  "ok": true,\n  "sub": "1",\n  "z": 12345678901234567890\n}',
  ],
  [
    '{"a": 1.0, "b": 1e16, "c": 1.5e-5, "d": -0.0, "e": 0.0001, "f": 1E5, "g": -0}',
    '{\n  "a": 1.0,\n  "b": 1e+16,\n  "c": 1.5e-05,\n  "d": -0.0,\n  "e": 0.0001,\n  "f": 100000.0,\n  "g": 0\n}',
  ],
  ['{"a": NaN, "b": Infinity, "c": -Infinity}', '{\n  "a": NaN,\n  "b": Infinity,\n  "c": -Infinity\n}'],
  [
    '{"nested": {"z": [1, 2, {"y": "\\u00e9"}], "a": []}, "e": {}}',
    '{\n  "e": {},\n  "nested": {\n    "a": [],\n    "z": [\n      1,\n      2,\n      {\n        "y": "\\u00e9"\n      }\n    ]\n  }\n}',
  ],
  ['{"k": "caf\\u00e9 \\ud83d\\ude00 \\u2028 \\/ \\t"}', '{\n  "k": "caf\\u00e9 \\ud83d\\ude00 \\u2028 / \\t"\n}'],
  ['{"k": "caf\u00e9 raw"}', '{\n  "k": "caf\\u00e9 raw"\n}'],
  ['{"dup": 1, "dup": 2}', '{\n  "dup": 2\n}'],
  ['"just a string"', '"just a string"'],
  ['123', '123'],
  ['[3, 2, 1]', '[\n  3,\n  2,\n  1\n]'],
  ['  {"padded": 1}  ', '{\n  "padded": 1\n}'],
  ['{"\\u00e9": 1, "z": 2, "a": 3}', '{\n  "a": 3,\n  "z": 2,\n  "\\u00e9": 1\n}'],
  ['{"\ue000": 1, "\ud83d\ude00": 2}', '{\n  "\\ue000": 1,\n  "\\ud83d\\ude00": 2\n}'],
  ['not json', null],
  ['{"a": 1,}', null],
  ['{"a": 01}', null],
  ['', null],
  ['true', 'true'],
  ['{"a": "\\u001f\\u007f"}', '{\n  "a": "\\u001f\\u007f"\n}'],
  [
    '{"client_id": "client_3SvF7px4c_BY7LPz2ezxlg", "n": 1795707266, "s": "1.5e3"}',
    '{\n  "client_id": "client_3SvF7px4c_BY7LPz2ezxlg",\n  "n": 1795707266,\n  "s": "1.5e3"\n}',
  ],
  ['{"a": "\\u00E9"}', '{\n  "a": "\\u00e9"\n}'],
  ['{"a": "x\\u0041"}', '{\n  "a": "xA"\n}'],
];

describe('parsed: Python json.loads + json.dumps(indent=2, sort_keys=True), byte for byte', () => {
  it.each(PYTHON_CASES)('%j', (value, expected) => {
    expect(renderParsed(value, 0)).toBe(expected);
  });

  it('indents for the place in the file (depth 3 inside an entry)', () => {
    expect(renderParsed('{"b": 1, "a": {"c": [1]}}', 3)).toBe(
      '{\n        "a": {\n          "c": [\n            1\n          ]\n        },\n        "b": 1\n      }',
    );
  });
});

describe('pyStr', () => {
  it('matches pyString (src/redis/python-json.ts) on awkward text', () => {
    const samples = [
      '',
      'plain',
      'quote " and \\ backslash',
      'tab\tnl\ncr\r\b\f',
      '\u0000\u001f\u007f\u0080',
      'caf\u00e9',
      '\u2028\u2029',
      '😀',
      '\ud800 lone',
      'a/b',
      '\ue000',
    ];
    for (const s of samples) expect(pyStr(s)).toBe(pyString(s));
    for (let i = 0; i < 2000; i++) {
      const s = String.fromCharCode(...Array.from({ length: 8 }, () => Math.floor(Math.random() * 0x10000)));
      expect(pyStr(s)).toBe(pyString(s));
    }
  });
});

describe('numbers and ordering', () => {
  it('writes floats as Python repr does', () => {
    const cases: [number, string][] = [
      [1, '1.0'],
      [1e16, '1e+16'],
      [1e15, '1000000000000000.0'],
      [1.5e-5, '1.5e-05'],
      [0.0001, '0.0001'],
      [-0, '-0.0'],
      [123.456, '123.456'],
      [2.5e-300, '2.5e-300'],
      [1e100, '1e+100'],
      [0.1, '0.1'],
      [Infinity, 'Infinity'],
      [NaN, 'NaN'],
    ];
    for (const [n, text] of cases) expect(pyFloat(n)).toBe(text);
  });

  it('sorts by code point like Python (astral after U+E000..U+FFFF)', () => {
    const keys = ['\ue000', '😀', 'z', 'a', '\u00e9', 'ab', 'ab!'];
    expect([...keys].sort(pyCompare)).toEqual(['a', 'ab', 'ab!', 'z', '\u00e9', '\ue000', '😀']);
  });
});

describe('entries', () => {
  it('renders an entry as json.dump(indent=2, sort_keys=True) does at depth 2', () => {
    expect(renderEntry('{"x": 1}', 'string', 5, renderParsed('{"x": 1}', 3), 1795793666000, false)).toBe(
      '{\n      "expires_at_ms": 1795793666000,\n      "parsed": {\n        "x": 1\n      },\n      "ttl": 5,\n      "type": "string",\n      "value": "{\\"x\\": 1}"\n    }',
    );
  });

  it('keeps the gateway ttl convention: remaining seconds rounded like Redis TTL, -1 without, never 0 for a live key', () => {
    expect(gatewayTtl(-1)).toBe(-1);
    expect(gatewayTtl(86_397_400)).toBe(86397);
    expect(gatewayTtl(86_397_600)).toBe(86398);
    expect(gatewayTtl(300)).toBe(1);
  });
});

describe('names and timestamps', () => {
  it('names backups oauth-backup-YYYYMMDD-HHMMSS.json in UTC, -1, -2 on collision, newest first', () => {
    const ms = Date.parse('2026-11-26T15:34:29.311Z');
    expect(backupBaseName(ms)).toBe('oauth-backup-20261126-153429');
    expect(nameWithSequence('oauth-backup-20261126-153429', 0)).toBe('oauth-backup-20261126-153429.json');
    expect(nameWithSequence('oauth-backup-20261126-153429', 2)).toBe('oauth-backup-20261126-153429-2.json');
    expect(timeFromName('oauth-backup-20261126-153429-2.json')).toBe(Date.parse('2026-11-26T15:34:29Z'));
    const names = [
      'oauth-backup-20261126-153429.json',
      'oauth-backup-20261126-153429-10.json',
      'oauth-backup-20261126-153429-2.json',
      'oauth-backup-20261125-000000.json',
    ];
    expect([...names].sort((a, b) => (backupSortKey(a) < backupSortKey(b) ? 1 : -1))).toEqual([
      'oauth-backup-20261126-153429-10.json',
      'oauth-backup-20261126-153429-2.json',
      'oauth-backup-20261126-153429.json',
      'oauth-backup-20261125-000000.json',
    ]);
    expect(BACKUP_NAME.test('oauth-backup-20261126-153429.json.partial')).toBe(false);
  });

  it('writes and reads Python isoformat timestamps', () => {
    expect(pyIsoTimestamp(1795707269, 311159)).toBe('2026-11-26T15:34:29.311159+00:00');
    expect(pyIsoTimestamp(1795707269, 0)).toBe('2026-11-26T15:34:29+00:00');
    expect(parsePyTimestamp('2026-11-26T15:34:29.311159+00:00')).toBe(1795707269311);
    expect(parsePyTimestamp('2026-11-26T15:34:29')).toBe(1795707269000);
    expect(parsePyTimestamp('2026-11-26T17:34:29+02:00')).toBe(1795707269000);
    expect(parsePyTimestamp('yesterday')).toBeNull();
  });

  it('refuses names that are not plain file names in BACKUP_DIR', () => {
    for (const bad of [
      '../etc/passwd.json',
      '/tmp/x.json',
      'a/b.json',
      'x\0.json',
      '..json',
      '.hidden.json',
      'a\\b.json',
      'C:x.json',
      'x.txt',
      '',
      'x'.repeat(300) + '.json',
    ]) {
      expect(() => checkBackupName(bad), JSON.stringify(bad)).toThrow(/backup name/);
    }
    expect(checkBackupName('oauth-backup-20261126-153429.json')).toBe('oauth-backup-20261126-153429.json');
  });
});
