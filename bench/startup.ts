/**
 * `npx tsx bench/startup.ts`: how long an operator waits for `just oauth-stats` on an empty store,
 * the whole recipe as it runs (just, node with the justfile's flags, scripts/cli.mjs' staleness
 * check, dist/cli.js, Redis, output, exit). Prints each run's wall time and the median (and, on
 * Linux, the median CPU time of the recipe's processes, which the machine's load moves less).
 *
 *   npx tsx bench/startup.ts                 10 runs (BENCH_RUNS), recipe oauth-stats
 *   npx tsx bench/startup.ts oauth-list-tokens --json
 *   BENCH_ROOT=/tmp/before npx tsx bench/startup.ts   the same in another checkout (a `git worktree`
 *                                            of an older commit, with node_modules linked), for before/after
 *
 * The store is a private `redis-server` on a free loopback port (no data, stopped afterwards), so
 * a Redis on 6379 is never touched. One untimed run first builds dist/ if it is stale (that build
 * is not what is measured) and warms the page cache. Wall time depends on the machine's load: the
 * load average is printed beside the figures; compare runs made under the same load.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { startRedisServer } from '../test/helpers/redis-server.js';

const ROOT = process.env.BENCH_ROOT ?? fileURLToPath(new URL('..', import.meta.url));
const JUST = join(ROOT, 'node_modules/.bin/just');
const runs = Number(process.env.BENCH_RUNS ?? 10);
const recipe = process.argv.length > 2 ? process.argv.slice(2) : ['oauth-stats'];

/**
 * CPU seconds (user + system) used by this process's waited-for children so far (Linux /proc; null
 * elsewhere): less moved by the machine's load than wall time. Clock ticks of 1/100 s.
 */
const childCpu = (): number | null => {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /, '')
      .split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

const redis = await startRedisServer();
try {
  // Only the store and PATH: no .env from the caller's shell leaks in (an empty env file).
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, REDIS_URL: redis.url, OAUTH_ADMIN_ENV_FILE: '/dev/null' };
  const cpu: number[] = [];
  const once = () => {
    const cpuBefore = childCpu();
    const started = performance.now();
    const result = spawnSync(JUST, recipe, { cwd: ROOT, env, encoding: 'utf8' });
    const ms = performance.now() - started;
    const cpuAfter = childCpu();
    if (result.status !== 0) throw new Error(`just ${recipe.join(' ')} exited with ${result.status}: ${result.stderr}`);
    if (cpuBefore !== null && cpuAfter !== null) cpu.push((cpuAfter - cpuBefore) * 1000);
    return ms;
  };
  once();
  cpu.length = 0;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(once());
  const commit = (() => {
    try {
      return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return '?';
    }
  })();
  console.log(
    `just ${recipe.join(' ')} on an empty store, ${runs} runs (commit ${commit}, node ${process.version}, ${os.cpus().length} CPUs, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')})`,
  );
  console.log(`  runs (ms):  ${times.map((t) => t.toFixed(0)).join(' ')}`);
  console.log(`  min ${Math.min(...times).toFixed(0)} ms, median ${median(times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms`);
  if (cpu.length === times.length) console.log(`  CPU (user + system, just and node): median ${median(cpu).toFixed(0)} ms`);
} finally {
  await redis.stop();
}
