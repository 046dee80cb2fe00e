import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
};

type Version = [number, number, number];
const numbers = (v: string) =>
  v
    .split('.')
    .filter((p) => p !== '' && !/^[x*]$/i.test(p))
    .map(Number);
const pad = (n: number[]): Version => [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0];
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** The node ranges found in package-lock.json: `||`, `>=`, `>`, `<`, `^`, `~`, x-ranges and `*` (enough for these; not all of semver). */
function satisfies(version: Version, range: string): boolean {
  return range.split('||').some((alternative) =>
    alternative
      .trim()
      .replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1')
      .split(/\s+/)
      .filter(Boolean)
      .every((comparator) => {
        const [, op = '', rest = ''] = /^(>=|<=|>|<|=|\^|~)?(.*)$/.exec(comparator) ?? [];
        if (rest === '*' || rest === '') return true;
        const given = numbers(rest);
        const bound = pad(given);
        const c = compare(version, bound);
        if (op === '>=') return c >= 0;
        if (op === '>') return c > 0;
        if (op === '<=') return c <= 0;
        if (op === '<') return c < 0;
        if (op === '^') return c >= 0 && version[0] === bound[0];
        if (op === '~') return c >= 0 && version[0] === bound[0] && version[1] === bound[1];
        return given.every((n, i) => version[i] === n); // `20`, `10.*`, `=1.2.3`
      }),
  );
}

describe('engines', () => {
  it("reads the lock's ranges as semver does", () => {
    expect(satisfies([20, 18, 0], '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfies([20, 19, 0], '^20.19.0 || >=22.12.0')).toBe(true);
    expect(satisfies([21, 0, 0], '^20.19.0 || >=22.12.0')).toBe(false);
    expect(satisfies([20, 0, 0], '18 || 20 || >=22')).toBe(true);
    expect(satisfies([20, 0, 0], '>=16 || 14 >=14.17')).toBe(true);
    expect(satisfies([20, 0, 0], '10.* || >= 12.*')).toBe(true);
    expect(satisfies([20, 17, 0], '>=20.18.1')).toBe(false);
  });

  it('every package npm ci installs accepts the oldest Node that package.json allows (no EBADENGINE)', () => {
    const oldest = pad(numbers(/^>=\s*([\d.]+)$/.exec(pkg.engines.node)?.[1] ?? ''));
    expect(oldest[0]).toBeGreaterThanOrEqual(20);
    expect(lock.packages['']?.engines).toEqual(pkg.engines);
    const refusing = Object.entries(lock.packages)
      .filter(([path, meta]) => path !== '' && !meta.optional)
      .map(([path, meta]) => [path, Array.isArray(meta.engines) ? undefined : meta.engines?.node] as const)
      .filter(([, range]) => range !== undefined && !satisfies(oldest, range))
      .map(([path, range]) => `${path} wants node ${range}`);
    expect(refusing).toEqual([]);
  });
});
