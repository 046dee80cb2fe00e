import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type PyJson, pyJsonDumps } from '../../src/redis/python-json.js';

describe('Python json.dumps', () => {
  const text = readFileSync(new URL('../fixtures/gateway-sample-backup.json', import.meta.url), 'utf8');
  const file = JSON.parse(text) as Record<string, Record<string, { parsed?: PyJson; value: string }>>;

  it('reproduces the gateway backup file byte for byte (indent=2, sort_keys=True, no newline)', () => {
    expect(pyJsonDumps(file as unknown as PyJson, { indent: 2, sortKeys: true })).toBe(text);
  });

  it('escapes like ensure_ascii, surrogate pairs and control characters included', () => {
    expect(pyJsonDumps({ n: 'Tëst 😀', c: '\u0001\n"\\/', e: [], o: {} })).toBe(
      '{"n": "T\\u00ebst \\ud83d\\ude00", "c": "\\u0001\\n\\"\\\\/", "e": [], "o": {}}',
    );
  });
});
