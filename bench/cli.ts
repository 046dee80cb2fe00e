/**
 * The recipes as operators run them: every read-only data recipe of the seed, timed from process
 * start to exit (`node_modules/.bin/just <recipe>`, output to a file), in-process (no service
 * running: the CLI's default) and against a running service (`ADMIN_URL`, its indexes ready),
 * side by side with a gateway-style baseline in the same run, at 100k and 1M tokens.
 *
 * - ours: `just` runs the compiled CLI (scripts/cli.mjs → dist/cli.js), each run in a fresh process
 *   under a small wrapper that reports the wall time and the peak RSS of the process tree
 *   (`getrusage(RUSAGE_CHILDREN)`: the largest of just, sh and node); the bench also notes when the
 *   first row arrived (the third line of output: header, rule, first row; for show-all, the stats
 *   box's first lines);
 * - the baseline: bench/gateway-baseline.py, what the gateway's scripts do, on the Python and
 *   redis-py they were checked with (Debian 12 `python3-redis`, /usr/bin/python3; BENCH_PYTHON to
 *   change): redis.asyncio, one awaited round trip per command, no pipelining (gateway-data.md §2,
 *   §3.1, §6): `list-registrations` KEYS then a GET per client; `list-tokens` KEYS then per token a
 *   GET, a TTL and a GET of its client; `stats` six KEYS (and the user indexes' again); `show-all`
 *   the three in one process; `purge-expired-dry` KEYS then a GET per token and a TTL per refresh,
 *   code and state key; `backup` SCAN COUNT 100 per pattern then TYPE, TTL and GET per key and the
 *   JSON dump. Left out, so it is never slower than the real scripts: their table output, purge's
 *   O(users x tokens) orphan step. Timed from process start to exit, like ours. Per-key work
 *   scales linearly, so on big stores the baseline stops after BENCH_BASELINE_BUDGET_S per recipe
 *   and its per-key part is extrapolated to every key it found (marked `~`).
 *
 *   npx tsx bench/cli.ts                       # 100000 and 1000000 tokens
 *   BENCH_SIZES=10k npx tsx bench/cli.ts       # quick run (or: npx tsx bench/cli.ts 10k)
 *   BENCH_BASELINE_BUDGET_S=60                 # seconds per baseline recipe before extrapolating
 *   BENCH_RUNS=1                               # runs of each of our recipes per mode (median)
 *
 * Always on a private redis-server. Prints a table per size and writes bench/RESULTS-cli.md.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import * as lib from './lib.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const JUST = join(ROOT, 'node_modules/.bin/just');

interface Recipe {
  name: string;
  /** Done-when ratio for this recipe (null: shown, not judged); baseline: whether the gateway-style script models it. */
  target: number | null;
  baseline: boolean;
}

interface OurRun {
  ms: number;
  firstRowMs: number | null;
  peakRssKiB: number;
}

const RECIPES: Recipe[] = [
  { name: 'oauth-stats', baseline: true, target: null },
  { name: 'oauth-list-registrations', baseline: true, target: 10 },
  { name: 'oauth-list-tokens', baseline: true, target: 10 },
  { name: 'oauth-show-all', baseline: true, target: 10 },
  { name: 'oauth-purge-expired-dry', baseline: true, target: 10 },
  { name: 'oauth-backup', baseline: true, target: 20 },
  { name: 'test-cleanup-show', baseline: false, target: null },
  { name: 'oauth-backup-list', baseline: false, target: null },
];

// ------------------------------------------------------------------ the gateway-style baseline

/** The gateway scripts' Python and redis-py (Debian 12's python3-redis 4.3.4, as gateway-data.md checked them). */
const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';

function checkPython(): void {
  const probe = spawnSync(PYTHON, ['-c', 'import redis.asyncio'], { stdio: 'ignore' });
  if (probe.status !== 0)
    throw new Error(`${PYTHON} cannot import redis.asyncio: apt-get install python3-redis (or set BENCH_PYTHON to a Python with redis-py)`);
}

/**
 * bench/gateway-baseline.py, process start to exit like ours; when its budget ran out, the per-key
 * part is extrapolated to every key it found (the rest, start-up and KEYS, counted as measured).
 */
async function runBaseline(url: string, recipe: Recipe, budgetMs: number): Promise<{ ms: number; extrapolated: boolean } | null> {
  if (!recipe.baseline) return null;
  const script = fileURLToPath(new URL('./gateway-baseline.py', import.meta.url));
  const started = performance.now();
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn(PYTHON, [script, recipe.name, url, String(budgetMs / 1000)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`gateway baseline ${recipe.name} exited with ${code}`))));
  });
  const wall = performance.now() - started;
  const { work, done, found } = JSON.parse(out.trim().split('\n').pop() as string) as { work: number; done: number; found: number };
  if (done >= found) return { ms: wall, extrapolated: false };
  return { ms: wall - work * 1000 + (work * 1000 * found) / Math.max(1, done), extrapolated: true };
}

// ------------------------------------------------------------------ ours, as an operator runs it

// Reports wall time and the peak RSS of the process tree it waited for (KiB) on stderr.
const WRAPPER = `
import resource, subprocess, sys, time
t = time.monotonic()
with open(sys.argv[1], 'wb') as out:
    p = subprocess.Popen(sys.argv[2:], stdout=subprocess.PIPE)
    for chunk in iter(lambda: p.stdout.read1(65536), b''):
        out.write(chunk)
        sys.stdout.buffer.write(chunk[:1] and b'.' * chunk.count(b'\\n'))
        sys.stdout.flush()
    code = p.wait()
print(f"RUN {code} {(time.monotonic() - t) * 1000:.1f} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}", file=sys.stderr)
`;

/** The last line of each listing's output when it is whole. */
const COMPLETE: Record<string, RegExp> = {
  'oauth-list-tokens': /^Total tokens: \d+/,
  'oauth-show-all': /^Total tokens: \d+/,
  'oauth-list-registrations': /^(Total registrations: \d+|ACTIVE: )/,
};

async function runOurs(recipe: Recipe, env: NodeJS.ProcessEnv, outFile: string): Promise<OurRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('python3', ['-c', WRAPPER, outFile, JUST, recipe.name], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let firstRowMs: number | null = null;
    let err = '';
    // The wrapper echoes one dot per line of the recipe's output, as it arrives.
    child.stdout.on('data', (chunk: Buffer) => {
      lines += chunk.length;
      if (firstRowMs === null && lines >= 3) firstRowMs = performance.now() - started;
    });
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => {
      const run = /RUN (-?\d+) ([\d.]+) (\d+)/.exec(err);
      if (!run) return reject(new Error(`${recipe.name}: no figures from the wrapper: ${err.slice(-500)}`));
      const code = Number(run[1]);
      if (code !== 0) return reject(new Error(`${recipe.name} exited with ${code}: ${err.slice(-1000)}`));
      // A listing's last line is its total: without it the output was cut short, and the time means nothing.
      const summary = COMPLETE[recipe.name];
      if (summary && !summary.test(readFileSync(outFile, 'utf8').trimEnd().split('\n').pop() ?? ''))
        return reject(new Error(`${recipe.name}: its output (${outFile}) does not end with its total: cut short`));
      resolve({ ms: Number(run[2]), firstRowMs, peakRssKiB: Number(run[3]) });
    });
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] as number;
}

// ------------------------------------------------------------------ the run

interface Row {
  size: number;
  recipe: string;
  inProcess: OurRun;
  remote: OurRun;
  baseline: { ms: number; extrapolated: boolean } | null;
  target: number | null;
}

async function benchSize(size: number, budgetMs: number, runs: number): Promise<Row[]> {
  const bench = await lib.startBenchRedis();
  const work = mkdtempSync(join(tmpdir(), 'oauth-admin-bench-cli-'));
  const backups = join(work, 'backups');
  let service: lib.ServiceProcess | null = null;
  try {
    process.stdout.write(`\n== ${lib.formatCount(size)} tokens: seeding...`);
    const seed = await lib.seedGatewayData(bench.redis, bench.keys, { tokens: size, activeForSeconds: 6 * 3600 });
    process.stdout.write(` ${lib.formatCount(seed.counts.commands)} commands in ${lib.formatMs(seed.ms)} ms\n`);
    const base: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      REDIS_URL: bench.url,
      OAUTH_KEY_PREFIX: bench.prefixes.oauth,
      SESSION_KEY_PREFIX: bench.prefixes.session,
      ADMIN_KEY_PREFIX: bench.prefixes.admin,
      BACKUP_DIR: backups,
      NO_COLOR: '1',
    };
    const measure = async (recipe: Recipe, env: NodeJS.ProcessEnv, tag: string): Promise<OurRun> => {
      const results: OurRun[] = [];
      for (let i = 0; i < runs; i++) {
        const out = join(work, `${recipe.name}-${tag}-${i}.out`);
        results.push(await runOurs(recipe, env, out));
        // A backup is a file per run: keep the store of backups as it was.
        if (recipe.name === 'oauth-backup') for (const f of readdirSync(backups)) if (f !== keep) rmSync(join(backups, f), { force: true });
      }
      const ms = median(results.map((r) => r.ms));
      const chosen = results.find((r) => r.ms === ms) as OurRun;
      process.stdout.write(
        `   ${tag.padEnd(10)} ${recipe.name.padEnd(26)} ${lib.formatMs(ms).padStart(9)} ms  first row ${chosen.firstRowMs === null ? '-' : `${lib.formatMs(chosen.firstRowMs)} ms`}  peak RSS ${(Math.max(...results.map((r) => r.peakRssKiB)) / 1024).toFixed(1)} MiB\n`,
      );
      return { ...chosen, peakRssKiB: Math.max(...results.map((r) => r.peakRssKiB)) };
    };
    // One backup to list (and for backup-list to have something to read).
    let keep = '';
    await runOurs({ name: 'oauth-backup', baseline: false, target: null }, base, join(work, 'first-backup.out'));
    keep = readdirSync(backups)[0] ?? '';

    const inProcess = new Map<string, OurRun>();
    for (const recipe of RECIPES) inProcess.set(recipe.name, await measure(recipe, base, 'in-process'));

    process.stdout.write('   starting the service and waiting for its indexes...');
    const t = performance.now();
    service = await lib.startServiceProcess(bench, { BACKUP_DIR: backups, INDEX_CONFIGURE_NOTIFICATIONS: 'true' });
    for (;;) {
      const { body } = await service.post('{ indexStatus { ready } }');
      if (body.data?.indexStatus?.ready === true) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    process.stdout.write(` ready after ${lib.formatMs(performance.now() - t)} ms\n`);
    const remoteEnv = { ...base, ADMIN_URL: service.base, ADMIN_TOKEN: lib.BENCH_ADMIN_TOKEN };
    const remote = new Map<string, OurRun>();
    for (const recipe of RECIPES) remote.set(recipe.name, await measure(recipe, remoteEnv, 'remote'));
    await service.stop();
    service = null;

    const rows: Row[] = [];
    for (const recipe of RECIPES) {
      process.stdout.write(`   baseline   ${recipe.name.padEnd(26)}`);
      const baseline = await runBaseline(bench.url, recipe, budgetMs);
      process.stdout.write(baseline ? ` ${baseline.extrapolated ? '~' : ''}${lib.formatMs(baseline.ms)} ms\n` : ' -\n');
      rows.push({
        size,
        recipe: recipe.name,
        inProcess: inProcess.get(recipe.name) as OurRun,
        remote: remote.get(recipe.name) as OurRun,
        baseline,
        target: recipe.target,
      });
    }
    return rows;
  } finally {
    await service?.stop();
    await bench.stop();
    rmSync(work, { recursive: true, force: true });
  }
}

function ratio(baseline: { ms: number } | null, ours: OurRun): string {
  return baseline ? `${(baseline.ms / ours.ms).toFixed(1)}x` : '-';
}

function verdict(row: Row): string {
  if (row.target === null || !row.baseline) return '';
  const inProcess = row.baseline.ms / row.inProcess.ms;
  const remote = row.baseline.ms / row.remote.ms;
  return inProcess >= row.target && remote >= row.target ? `PASS (>= ${row.target}x)` : `FAIL (< ${row.target}x)`;
}

async function main(): Promise<void> {
  const sizes = lib.parseSizes(process.argv.slice(2), process.env.BENCH_SIZES, [100_000, 1_000_000]);
  const budgetMs = lib.envNumber('BENCH_BASELINE_BUDGET_S', 60) * 1000;
  const runs = lib.envNumber('BENCH_RUNS', 1);
  const machine = await lib.machineInfo();
  // The recipes run the compiled CLI: build it once, so no run pays for a build.
  checkPython();
  await runOurs({ name: 'cli-help', baseline: false, target: null }, { PATH: process.env.PATH ?? '' }, join(tmpdir(), 'oauth-admin-bench-cli-help.out'));
  const rows: Row[] = [];
  for (const size of sizes) rows.push(...(await benchSize(size, budgetMs, runs)));
  const headers = [
    'tokens',
    'recipe',
    'in-process',
    'first row',
    'peak RSS',
    'remote',
    'first row',
    'peak RSS',
    'baseline',
    'in-process ratio',
    'remote ratio',
    'verdict',
  ];
  const table = rows.map((r) => [
    lib.formatCount(r.size),
    r.recipe,
    `${lib.formatMs(r.inProcess.ms)} ms`,
    r.inProcess.firstRowMs === null ? '-' : `${lib.formatMs(r.inProcess.firstRowMs)} ms`,
    `${(r.inProcess.peakRssKiB / 1024).toFixed(1)} MiB`,
    `${lib.formatMs(r.remote.ms)} ms`,
    r.remote.firstRowMs === null ? '-' : `${lib.formatMs(r.remote.firstRowMs)} ms`,
    `${(r.remote.peakRssKiB / 1024).toFixed(1)} MiB`,
    r.baseline ? `${r.baseline.extrapolated ? '~' : ''}${lib.formatMs(r.baseline.ms)} ms` : '-',
    ratio(r.baseline, r.inProcess),
    ratio(r.baseline, r.remote),
    verdict(r),
  ]);
  const align: lib.Align[] = ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'];
  process.stdout.write(`\n${lib.textTable(headers, table, align)}\n`);
  const md = [
    '# Recipes as operators run them (bench/cli.ts)',
    '',
    `Run ${new Date().toISOString()}; baseline budget ${budgetMs / 1000} s per recipe (\`~\`: extrapolated from the keys done); ${runs} run(s) of ours per mode (median).`,
    'Times are process start to exit (`node_modules/.bin/just <recipe>`, output to a file); peak RSS is the largest process of the tree; first row: the third line of output.',
    "In-process: no service running (the CLI's default). Remote: `ADMIN_URL` to a running service whose indexes are ready.",
    '',
    lib.markdownTable(headers, table, align),
    '',
    lib.markdownTable(['machine', ''], lib.machineInfoRows(machine)),
    '',
  ].join('\n');
  writeFileSync(fileURLToPath(new URL('./RESULTS-cli.md', import.meta.url)), md);
  process.stdout.write('wrote bench/RESULTS-cli.md\n');
}

await main();
