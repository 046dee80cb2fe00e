import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HashedKeySet } from '../../src/backups/key-set.js';

describe("HashedKeySet (Backup.diff's backup names, 16 bytes a key)", () => {
  it('answers membership as a Set<string> does, through growth', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 400 }),
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { maxLength: 100 }),
        (added, probes) => {
          const set = new HashedKeySet(1);
          const real = new Set<string>();
          for (const key of added) {
            set.add(key);
            real.add(key);
          }
          expect(set.size).toBe(real.size);
          for (const key of [...added, ...probes]) expect(set.has(key)).toBe(real.has(key));
        },
      ),
    );
  });

  it('holds a hundred thousand Redis key names in a few MB', () => {
    const set = new HashedKeySet();
    for (let i = 0; i < 100_000; i++) set.add(`oauth:refresh:${i.toString(36)}-token-name-of-some-length`);
    expect(set.size).toBe(100_000);
    expect(set.bytes).toBeLessThanOrEqual(4 * 1024 * 1024);
    for (let i = 0; i < 100_000; i += 997) expect(set.has(`oauth:refresh:${i.toString(36)}-token-name-of-some-length`)).toBe(true);
    expect(set.has('oauth:refresh:not-there')).toBe(false);
  });
});
