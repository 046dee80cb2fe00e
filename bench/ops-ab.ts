/**
 * The purge, backup, restore and read paths of several source trees on the same data: seeded
 * once, and every operation in a child process of its own (so no tree runs where another tree's
 * code was loaded and warmed: in one shared process the later-loaded tree's restore measured 20 %
 * slower in every round, and not at all in processes of their own) on a fresh private
 * redis-server started from a snapshot of that data, the trees taken in turn (ABAB..., then BABA... in the next round) so a
 * shared machine's drift falls on every tree alike. For checking that a change keeps these within
 * a few percent of their figures before it, which the separate benches (purge.ts, backup.ts,
 * read.ts: one tree, rounds minutes apart) cannot tell.
 *
 *   npx tsx bench/ops-ab.ts 641cd8d .                                             # a commit against this working tree
 *   BENCH_OPS_TOKENS=10000 BENCH_OPS_ROUNDS=1 npx tsx bench/ops-ab.ts 641cd8d .   # quick run
 *
 * A tree is `.` (this one, uncommitted changes included), a directory holding a checkout of this
 * repository, or a git revision (checked out into a temporary worktree, removed after). Each tree's
 * own `bench/lib.ts` builds its app (`createBenchApp`) and index leader; the data, the Redis
 * servers and the figures come from this tree's. Per tree and round:
 *
 * - purge: `purgeExpired(dryRun: false)` through the app, from the request until its job ended,
 *   on a store that was never indexed (nothing under the admin prefix: a pass over every key);
 * - purge (indexes): the same with the tree's own index leader running in the same process
 *   (`startIndexLeader`, built untimed before the purge), as a service that keeps its indexes;
 * - backup: `createBackup` (it returns once the file is complete), BACKUP_DIR a temporary folder;
 * - restore: `restoreBackup` of that file, MERGE into a fresh empty redis-server, until its job ended;
 * - read: p50 of `token(jti)` (200 runs after 200 warm-up runs, random ids, the same ids for every
 *   tree in a round) and of `stats` (20 runs after 2; no indexes, so it walks the store), as read.ts.
 *
 * Each app answers one query, untimed, before it is measured. A purge must delete the same keys in
 * every run (else the run fails); other results that differ are reported. Prints per operation the
 * median of the rounds with the range, the ratio to the first tree's median, every round's figure,
 * and whether each later tree stays within 10 % of the first (ratio of medians <= 1.10).
 *
 * BENCH_OPS_TOKENS (100000), BENCH_OPS_ROUNDS (5), BENCH_OPS (the steps to run, comma-separated, default all:
 * purge, purge-indexes, backup (with its restore), read).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { JobState } from '../src/jobs/definition.js';
import {
  type BenchApp,
  type BenchRedis,
  type BenchTree,
  type SeedResult,
  STATS_QUERY,
  createRng,
  envNumber,
  formatBytes,
  formatCount,
  formatMs,
  measure,
  saveSnapshot,
  seedGatewayData,
  startBenchRedis,
  median,
  textTable,
  tokenByJti,
  treeOf,
} from './lib.js';

type Lib = typeof import('./lib.js');

// Plain strings (not graphql()/gql): codegen scans bench/ and these need no generated types.
const WARMUP = `query OpsAbWarmup { jobs(first: 1) { edges { node { id status } } } }`;
const PURGE = `mutation OpsAbPurge { purgeExpired(dryRun: false) { id status } }`;
const BACKUP = `mutation OpsAbBackup { createBackup(note: "bench/ops-ab.ts") { name sizeBytes counts { total } } }`;
const RESTORE = `mutation OpsAbRestore($name: String!) { restoreBackup(name: $name, mode: MERGE, dryRun: false) { executed job { id } } }`;
// read.ts's token(jti) query.
const TOKEN = `query OpsAbToken($jti: String!) {
  token(jti: $jti) { jti username clientId scope status issuedAt expiresAt client { clientId clientName } user { username } }
}`;

/** Active tokens outlive every run (the runs start from one snapshot over many minutes). */
const ACTIVE_FOR_SECONDS = 6 * 3600;
const WITHIN = 1.1;

interface Side {
  tree: BenchTree;
  /** Operation → wall time (ms) of each round. */
  ms: Map<string, number[]>;
}

/** What a child process runs with: the tree's own bench/lib.ts, and the data. */
interface Run {
  label: string;
  lib: Lib;
}

interface Data {
  seed: SeedResult;
  /** The seed, as JSON, for the child processes. */
  seedFile: string;
  /** The seeded store (saveSnapshot); every operation starts a fresh redis-server from it. */
  snapshot: string;
  /** Where each backup run gets a BACKUP_DIR of its own. */
  work: string;
}

interface Outcome {
  op: string;
  ms: number;
  /** What the run did: the same in every run of the operation, or the runs did not do the same work. */
  result: string;
  /** Shown, not compared. */
  detail?: string;
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

const time = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${formatMs(ms)} ms`);

/** `fn` on a fresh private redis-server (from the snapshot, or empty), stopped afterwards. */
async function onFreshRedis<T>(snapshot: string | null, fn: (bench: BenchRedis) => Promise<T>): Promise<T> {
  const bench = await startBenchRedis(snapshot ? { snapshot } : {});
  try {
    return await fn(bench);
  } finally {
    await bench.stop();
  }
}

/** `fn` on an app that has answered one query (as a server has before an operator acts); disposed of after. */
async function withApp<T>(app: BenchApp, fn: (app: BenchApp) => Promise<T>): Promise<T> {
  try {
    await app.query(WARMUP);
    return await fn(app);
  } finally {
    await app.app.dispose();
  }
}

/**
 * The tree's app with BACKUP_DIR `<dir>/backups`: createBenchApp takes no backup option in either
 * tree, and the backup service resolves its default `./backups` against the working directory
 * when it is built.
 */
function appWithBackupsIn(run: Run, bench: BenchRedis, dir: string): BenchApp {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return run.lib.createBenchApp(bench);
  } finally {
    process.chdir(cwd);
  }
}

function succeeded(run: Run, op: string, state: JobState | null): JobState {
  if (state?.status !== 'SUCCEEDED')
    throw new Error(`${run.label}: ${op} ended ${state?.status ?? 'without a job record'}${state?.error ? `: ${state.error}` : ''}`);
  return state;
}

async function purge(run: Run, data: Data, indexes: boolean): Promise<Outcome[]> {
  const op = indexes ? 'purge (indexes)' : 'purge';
  return onFreshRedis(data.snapshot, async (bench) => {
    if (indexes) await run.lib.startIndexLeader(bench);
    return withApp(run.lib.createBenchApp(bench), async (app) => {
      const t0 = performance.now();
      const { purgeExpired } = await app.query<{ purgeExpired: { id: string } }>(PURGE);
      const { counts: c, progress } = succeeded(run, op, await app.services.jobs.wait(purgeExpired.id));
      const ms = performance.now() - t0;
      const keys = c.accessTokens + c.refreshTokens + c.authCodes + c.authStates + c.clients + c.userIndexes;
      const each = Object.entries(c).map(([name, n]) => `${name} ${formatCount(n)}`);
      return [{ op, ms, result: `${formatCount(keys)} keys deleted (${each.join(', ')})`, detail: `${formatCount(progress.scanned)} keys examined` }];
    });
  });
}

async function backupAndRestore(run: Run, data: Data): Promise<Outcome[]> {
  const dir = mkdtempSync(join(data.work, 'backups-'));
  try {
    const backup = await onFreshRedis(data.snapshot, (bench) =>
      withApp(appWithBackupsIn(run, bench, dir), async (app) => {
        const t0 = performance.now();
        const { createBackup: b } = await app.query<{ createBackup: { name: string; sizeBytes: number; counts: { total: number } | null } }>(BACKUP);
        const ms = performance.now() - t0;
        if (!existsSync(join(dir, 'backups', b.name))) throw new Error(`${run.label}: backup ${b.name} is not in ${dir}/backups`);
        return { name: b.name, outcome: { op: 'backup', ms, result: `${formatCount(b.counts?.total ?? 0)} keys`, detail: formatBytes(b.sizeBytes) } };
      }),
    );
    const restore = await onFreshRedis(null, (bench) =>
      withApp(appWithBackupsIn(run, bench, dir), async (app) => {
        const t0 = performance.now();
        const { restoreBackup: r } = await app.query<{ restoreBackup: { job: { id: string } | null } }>(RESTORE, { name: backup.name });
        if (!r.job) throw new Error(`${run.label}: restoreBackup started no job`);
        const { categories } = succeeded(run, 'restore', await app.services.jobs.wait(r.job.id));
        const ms = performance.now() - t0;
        const written = categories.reduce((n, c) => n + c.restored + c.overwritten + c.unchanged, 0);
        const skipped = categories.reduce((n, c) => n + c.skippedExpired, 0);
        return { op: 'restore', ms, result: `${formatCount(written)} keys written, ${formatCount(skipped)} expired skipped` };
      }),
    );
    return [backup.outcome, restore];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function read(run: Run, data: Data, round: number): Promise<Outcome[]> {
  return onFreshRedis(data.snapshot, (bench) =>
    withApp(run.lib.createBenchApp(bench), async (app) => {
      const rng = createRng(round);
      const token = await measure(
        async () => {
          const variables = tokenByJti.variables(data.seed, rng);
          tokenByJti.check(await app.query(TOKEN, variables), variables);
        },
        { warmup: 200, iterations: 200 },
      );
      let stats = '';
      const statsMs = await measure(async () => void (stats = JSON.stringify((await app.query<{ stats: unknown }>(STATS_QUERY)).stats)), {
        warmup: 2,
        iterations: 20,
      });
      return [
        { op: 'read: token(jti) p50', ms: median(token), result: `${token.length} runs` },
        { op: 'read: stats p50', ms: median(statsMs), result: stats },
      ];
    }),
  );
}

type Step = (run: Run, data: Data, round: number) => Promise<Outcome[]>;

/** The steps by the name BENCH_OPS picks them with (backup includes the restore of what it wrote). */
const STEPS: Record<string, Step> = {
  purge: (run, data) => purge(run, data, false),
  'purge-indexes': (run, data) => purge(run, data, true),
  backup: backupAndRestore,
  read,
};

/** BENCH_OPS (comma-separated step names), or every step. */
function chosenSteps(): string[] {
  const names = process.env.BENCH_OPS?.split(',').map((n) => n.trim()) ?? Object.keys(STEPS);
  for (const name of names) if (!STEPS[name]) throw new Error(`BENCH_OPS: no step ${JSON.stringify(name)} (steps: ${Object.keys(STEPS).join(', ')})`);
  return names;
}

const SELF = fileURLToPath(import.meta.url);
const CHILD = '--child';

/**
 * One step of one tree in a process of its own (this file with `--child`, under the same loader),
 * so no tree runs in a process another tree's code has already warmed, filled or left timers in.
 * Its outcomes come back as the last line on stdout, JSON; its log lines go to stderr.
 */
function inChild(side: Side, data: Data, step: string, round: number): Promise<Outcome[]> {
  const args = [...process.execArgv, SELF, CHILD, side.tree.dir, side.tree.label, step, String(round), data.snapshot, data.seedFile, data.work];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code !== 0) reject(new Error(`${side.tree.label}: ${step} (round ${round}) exited with ${code}`));
      // The last line: anything the tree's code printed before it is not ours to parse.
      else resolve(JSON.parse(out.trim().split('\n').at(-1) ?? '') as Outcome[]);
    });
  });
}

/** The child's side of inChild. */
async function childMain(args: string[]): Promise<void> {
  const [dir, label, step, round, snapshot, seedFile, work] = args as [string, string, string, string, string, string, string];
  const lib = (await import(pathToFileURL(join(dir, 'bench', 'lib.ts')).href)) as Lib;
  const seed = JSON.parse(readFileSync(seedFile, 'utf8')) as SeedResult;
  const outcomes = await (STEPS[step] as Step)({ label, lib }, { seed, seedFile, snapshot, work }, Number(round));
  process.stdout.write(`${JSON.stringify(outcomes)}\n`);
}

async function seedSnapshot(tokens: number, work: string): Promise<Data & { keys: number }> {
  const snapshot = join(work, 'seeded.rdb');
  return onFreshRedis(null, async (bench) => {
    const seed = await seedGatewayData(bench.redis, bench.keys, { tokens, seed: tokens, activeForSeconds: ACTIVE_FOR_SECONDS });
    await saveSnapshot(bench, snapshot);
    const seedFile = join(work, 'seed.json');
    writeFileSync(seedFile, JSON.stringify(seed));
    return { seed, seedFile, snapshot, work, keys: await bench.redis.dbsize() };
  });
}

function report(sides: Side[], results: Map<string, string>, differences: string[], rounds: number): string {
  const first = sides[0] as Side;
  const ops = [...first.ms.keys()];
  const range = (values: number[]) => `${time(median(values))} (${time(Math.min(...values))}–${time(Math.max(...values))})`;
  const ratio = (side: Side, op: string) => median(side.ms.get(op) ?? []) / median(first.ms.get(op) ?? []);
  const headers = ['operation', ...sides.flatMap((s, i) => (i === 0 ? [s.tree.label] : [s.tree.label, `vs ${first.tree.label}`]))];
  const rows = ops.map((op) => [
    op,
    ...sides.flatMap((s, i) => (i === 0 ? [range(s.ms.get(op) ?? [])] : [range(s.ms.get(op) ?? []), `${ratio(s, op).toFixed(2)}x`])),
  ]);
  const roundHeaders = ['operation', 'tree', ...Array.from({ length: rounds }, (_, r) => `round ${r + 1}`)];
  const roundRows = ops.flatMap((op) => sides.map((s) => [op, s.tree.label, ...(s.ms.get(op) ?? []).map(time)]));
  const verdicts = ops.flatMap((op) =>
    sides.slice(1).map((s) => {
      const r = ratio(s, op);
      return `${op}: ${s.tree.label} / ${first.tree.label} = ${r.toFixed(3)}x, ${r <= WITHIN ? 'within 10%' : 'NOT within 10%'}`;
    }),
  );
  return [
    '',
    `median wall time of ${rounds} round${rounds === 1 ? '' : 's'} (lowest–highest); vs: ratio of the medians`,
    textTable(headers, rows, ['left', ...headers.slice(1).map(() => 'right' as const)]),
    '',
    textTable(roundHeaders, roundRows, ['left', 'left', ...roundHeaders.slice(2).map(() => 'right' as const)]),
    '',
    'what every run did:',
    ...[...results].map(([op, result]) => `  ${op}: ${result.length > 300 ? `${result.slice(0, 300)}...` : result}`),
    ...differences.map((d) => `  DIFFERS: ${d}`),
    '',
    ...verdicts,
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length < 2) throw new Error('usage: npx tsx bench/ops-ab.ts TREE TREE [TREE ...]   (TREE: ., a directory, or a git revision)');
  const tokens = Math.floor(envNumber('BENCH_OPS_TOKENS', 100_000));
  const rounds = Math.max(1, Math.floor(envNumber('BENCH_OPS_ROUNDS', 5)));
  const trees: BenchTree[] = [];
  const work = mkdtempSync(join(tmpdir(), 'oauth-admin-ops-ab-'));
  const removeWork = () => rmSync(work, { recursive: true, force: true });
  process.once('exit', removeWork);
  try {
    const steps = chosenSteps();
    for (const arg of args) trees.push(treeOf(arg, join('bench', 'lib.ts')));
    const sides: Side[] = [];
    for (const tree of trees) sides.push({ tree, ms: new Map() });
    const data = await seedSnapshot(tokens, work);
    const c = data.seed.counts;
    log(
      `ops-ab: ${trees.length} trees, ${rounds} round${rounds === 1 ? '' : 's'}; ${formatCount(c.tokens)} tokens (${formatCount(c.expiredTokens)} expired), ` +
        `${formatCount(c.refreshTokens)} refresh tokens, ${formatCount(data.keys)} keys in all, seeded in ${(data.seed.ms / 1000).toFixed(1)} s. ` +
        "purge: a store never indexed; purge (indexes): the tree's own index leader in the purge's process; every run a child process",
    );
    const results = new Map<string, string>();
    const by = new Map<string, string>();
    const differences: string[] = [];
    for (let round = 1; round <= rounds; round++) {
      for (const step of steps) {
        for (const side of round % 2 === 1 ? sides : [...sides].reverse()) {
          for (const o of await inChild(side, data, step, round)) {
            const where = `${side.tree.label}, round ${round}`;
            log(`  [${round}/${rounds}] ${o.op}, ${side.tree.label}: ${time(o.ms)}${o.detail ? ` (${o.detail})` : ''}`);
            side.ms.set(o.op, [...(side.ms.get(o.op) ?? []), o.ms]);
            const expected = results.get(o.op);
            if (expected === undefined) {
              results.set(o.op, o.result);
              by.set(o.op, where);
            } else if (o.result !== expected) {
              const text = `${o.op}: ${where}: ${o.result}; ${by.get(o.op)}: ${expected}`;
              if (o.op.startsWith('purge')) throw new Error(`the purges did not delete the same keys: ${text}`);
              differences.push(text);
              log(`  DIFFERS: ${text}`);
            }
          }
        }
      }
    }
    console.log(report(sides, results, differences, rounds));
  } finally {
    removeWork();
    process.off('exit', removeWork);
    for (const tree of trees) tree.cleanup?.();
  }
}

(process.argv[2] === CHILD ? childMain(process.argv.slice(3)) : main()).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`ops-ab: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
