/**
 * The service's Node flags live in four places that must agree: `npm start` (package.json), the
 * container (Dockerfile CMD), the in-process CLI (justfile `cli`) and the benches' stand-ins for the
 * service (bench/lib.ts SERVICE_NODE_FLAGS). The old-generation cap is what keeps a backup's memory
 * flat (README "Quick start"), so a copy that drifts would quietly lose it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
/** The V8 memory flags of one Node command line, in order. */
const memoryFlags = (commandLine: string) => commandLine.match(/--max-(?:semi|old)-space-size=\d+/g) ?? [];

describe('the service Node flags', () => {
  const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start ?? '';
  const docker = read('Dockerfile').match(/^CMD (\[.*\])$/m)?.[1] ?? '';
  const cli = read('justfile').match(/^cli := "(.*)"$/m)?.[1] ?? '';
  const bench = read('bench/lib.ts').match(/export const SERVICE_NODE_FLAGS = \[(.*)\] as const;/)?.[1] ?? '';

  it('are the same in package.json, the Dockerfile, the justfile and the benches', () => {
    const expected = memoryFlags(start.slice(start.lastIndexOf('node ')));
    expect(expected).toEqual(['--max-semi-space-size=8', '--max-old-space-size=1024']);
    expect(memoryFlags((JSON.parse(docker) as string[]).join(' '))).toEqual(expected);
    expect(memoryFlags(cli)).toEqual(expected);
    expect(memoryFlags(bench)).toEqual(expected);
  });

  it('are flags this Node takes, and cap the heap', () => {
    const flags = memoryFlags(start);
    const limit = Number(execFileSync(process.execPath, [...flags, '-p', 'require("node:v8").getHeapStatistics().heap_size_limit'], { encoding: 'utf8' }));
    // 1 GiB of old generation plus the young generation (three semi-spaces of 8 MiB); Node's own
    // default on this machine depends on its memory (about 4 GiB with 16 GiB or more).
    expect(limit).toBeGreaterThanOrEqual(1024 * 2 ** 20);
    expect(limit).toBeLessThanOrEqual(1100 * 2 ** 20);
  });
});
