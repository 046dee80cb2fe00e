/**
 * Backup and restore throughput and memory: seeds N access tokens in the gateway's format (with
 * clients, refresh tokens and user indexes, bench/lib.ts), then measures in the same run
 *
 * - our backup (`createBackup`) and our restore (`restoreBackup`, MERGE into an emptied store), each
 *   in a fresh child process so its peak memory is its own: wall time, keys/s, peak RSS and peak
 *   heap (sampled every 20 ms, and the kernel's RSS high-water mark of the child, VmHWM). The worker (bench/backup-worker.ts)
 *   calls the backup service (what the mutations call) without loading the GraphQL app, whose own
 *   footprint would only blur the figures; it is compiled as `npm start` compiles the service and
 *   runs with Node and the service's flags, as the product runs;
 * - a gateway-style baseline, as `backup_oauth_data.py` / `restore_oauth_data.py` do it: SCAN
 *   (COUNT 100) per pattern, then TYPE, TTL and GET per key, one awaited round trip each, the
 *   whole dict in memory and `json.dump`ed at the end; and SET then EXPIRE per key for the
 *   restore. Per-key round trips scale linearly, so on big stores the baseline runs on the first
 *   BENCH_BASELINE_KEYS keys (default 150000; 0 = all) and its time is extrapolated (marked `~`).
 *
 * Method: BENCH_REPEAT interleaved rounds (default 3), each running baseline backup, our backup,
 * baseline restore, our restore back to back; a ratio compares the two sides of one round, and
 * the report shows medians with the range over the rounds (peak memory: the highest of any
 * round). Peak memory is given in MiB and in decimal MB, and checked against the issue's 250 MB
 * = 250,000,000 bytes.
 *
 *   npx tsx bench/backup.ts                       # 100000 and 1000000 tokens
 *   BENCH_SIZES=10000 npx tsx bench/backup.ts     # quick run (or: npx tsx bench/backup.ts 10k)
 *   BENCH_REPEAT=1 …                              # interleaved rounds per size (default 3; medians count)
 *
 * Always on a private redis-server (the bench flushes it between steps). Prints a table and
 * writes bench/RESULTS-backup.md.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Redis } from 'ioredis';
import { createRedis } from '../src/redis/connection.js';
import type { WorkerResult } from './backup-worker.js';
import * as lib from './lib.js';
import type { MachineInfo } from './lib.js';

/** bench/backup-worker.ts compiled as `npm start` compiles the service: the worker runs it with the service's Node flags. */
let compiledWorker: Promise<string> | null = null;

async function runWorker(op: 'backup' | 'restore', url: string, dir: string, name?: string): Promise<WorkerResult> {
  compiledWorker ??= lib.compiledBench(fileURLToPath(new URL('./backup-worker.ts', import.meta.url)));
  const entry = await compiledWorker;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...lib.SERVICE_NODE_FLAGS, entry, op, url, dir, ...(name ? [name] : [])], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`${op} worker exited with ${code}: ${out.slice(-2000)}`));
      else resolve(JSON.parse(line.slice(7)) as WorkerResult);
    });
  });
}

// ------------------------------------------------------------------------------ gateway-style baseline

const GATEWAY_PATTERNS = ['oauth:client:*', 'oauth:token:*', 'oauth:refresh:*', 'oauth:user_tokens:*', 'oauth:state:*', 'oauth:code:*', 'redis:session:*'];

/** backup_oauth_data.py's loop: SCAN COUNT 100, then TYPE, TTL and the value, each its own round trip. */
async function baselineBackup(
  redis: Redis,
  maxKeys: number,
  file: string,
): Promise<{ ms: number; keys: number; entries: [string, { type: string; ttl: number; value: string }][] }> {
  const started = performance.now();
  const data: Record<string, Record<string, unknown>> = {};
  const entries: [string, { type: string; ttl: number; value: string }][] = [];
  let keys = 0;
  outer: for (const pattern of GATEWAY_PATTERNS) {
    const category: Record<string, unknown> = {};
    data[pattern] = category;
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 100);
      cursor = next;
      for (const key of batch) {
        const type = await redis.type(key);
        const ttl = await redis.ttl(key);
        const value = type === 'set' ? JSON.stringify(await redis.smembers(key)) : ((await redis.get(key)) ?? '');
        const entry = { value, type, ttl: ttl > 0 ? ttl : -1 };
        let parsed: unknown;
        try {
          parsed = JSON.parse(value);
        } catch {
          parsed = undefined;
        }
        category[key.split(':').slice(2).join(':')] = parsed === undefined ? entry : { ...entry, parsed };
        entries.push([key, entry]);
        if (++keys >= maxKeys) break outer;
      }
    } while (cursor !== '0');
  }
  writeFileSync(file, JSON.stringify({ ...data, timestamp: new Date().toISOString() }, null, 2), { mode: 0o600 });
  return { ms: performance.now() - started, keys, entries };
}

/** restore_oauth_data.py's loop: SET, then EXPIRE, one round trip each. */
async function baselineRestore(redis: Redis, entries: [string, { type: string; ttl: number; value: string }][]): Promise<{ ms: number; keys: number }> {
  const started = performance.now();
  for (const [key, e] of entries) {
    if (e.type === 'set') {
      await redis.del(key);
      const members = JSON.parse(e.value) as string[];
      if (members.length > 0) await redis.sadd(key, ...members);
    } else await redis.set(key, e.value);
    if (e.ttl > 0) await redis.expire(key, e.ttl);
  }
  return { ms: performance.now() - started, keys: entries.length };
}

// ------------------------------------------------------------------------------ main

interface BaselineRun {
  ms: number;
  keys: number;
  /** `ms` scaled to every key of the store (per-key round trips scale linearly). */
  fullMs: number;
  sampled: boolean;
}

/** One interleaved round: each measurement once, the two sides of a comparison run back to back. */
interface Round {
  backup: WorkerResult;
  baseBackup: BaselineRun;
  restore: WorkerResult;
  baseRestore: BaselineRun;
}

interface SizeResult {
  size: number;
  keys: number;
  seedMs: number;
  fileBytes: number;
  rounds: Round[];
}

const keysPerSecond = (keys: number, ms: number) => (ms > 0 ? Math.round((keys / ms) * 1000) : 0);
const median = (values: readonly number[]) =>
  lib.percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
/** Decimal megabytes (the issue's "250 MB" is 250,000,000 bytes = 238.4 MiB). */
const MB = 1_000_000;
const formatMB = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

async function runSize(size: number, baselineMax: number, repeat: number): Promise<SizeResult> {
  const { startBenchRedis, seedGatewayData, formatCount, formatMs, formatBytes } = lib;
  const bench = await startBenchRedis();
  const dir = mkdtempSync(join(tmpdir(), 'oauth-admin-bench-backups-'));
  // The baseline waits for each reply before it sends the next command, as the gateway's scripts
  // do: its connection must not defer commands to pipeline them (the service's default).
  const baselineRedis = createRedis(bench.url, { name: 'oauth-admin-bench-baseline', commandTimeoutMs: 120_000, autoPipelining: false }) as Redis;
  baselineRedis.on('error', () => {});
  try {
    const redis = bench.redis as Redis;
    process.stdout.write(`\n== ${formatCount(size)} tokens: seeding...`);
    const seeded = await seedGatewayData(redis, bench.keys, { tokens: size });
    const seedMs = seeded.ms;
    const keys = await redis.dbsize();
    process.stdout.write(` ${formatCount(keys)} keys in ${(seedMs / 1000).toFixed(1)} s\n`);

    // Each measurement `repeat` times in interleaved rounds (the machine may be shared): a ratio
    // compares the two sides of one round, measured back to back under the same load.
    const rounds: Round[] = [];
    let fileBytes = 0;
    const limit = baselineMax > 0 ? Math.min(baselineMax, keys) : keys;
    const baselineRun = (ms: number, n: number): BaselineRun => ({ ms, keys: n, fullMs: (ms / Math.max(1, n)) * keys, sampled: n < keys });
    for (let round = 1; round <= repeat; round++) {
      const tag = repeat > 1 ? ` [${round}/${repeat}]` : '';
      process.stdout.write(`   baseline backup (gateway-style)${tag}...`);
      const base = await baselineBackup(baselineRedis, limit, join(dir, 'baseline.json'));
      const baseBackup = baselineRun(base.ms, base.keys);
      process.stdout.write(` ${formatCount(base.keys)} keys in ${formatMs(base.ms)} ms\n`);

      process.stdout.write(`   our backup${tag}...`);
      const backup = await runWorker('backup', bench.url, dir);
      process.stdout.write(` ${formatCount(backup.keys)} keys in ${formatMs(backup.ms)} ms, peak RSS ${formatBytes(backup.peakRss)}\n`);
      const name = String(backup.detail.name);
      fileBytes = Number(backup.detail.sizeBytes);

      process.stdout.write(`   baseline restore (gateway-style)${tag}...`);
      const baseR = await baselineRestore(baselineRedis, base.entries);
      base.entries.length = 0;
      const baseRestore = baselineRun(baseR.ms, baseR.keys);
      process.stdout.write(` ${formatCount(baseR.keys)} keys in ${formatMs(baseR.ms)} ms\n`);

      await redis.flushdb(); // a private server: restore into an empty store
      process.stdout.write(`   our restore (MERGE into an empty store)${tag}...`);
      const restore = await runWorker('restore', bench.url, dir, name);
      process.stdout.write(` ${formatCount(restore.keys)} keys in ${formatMs(restore.ms)} ms, peak RSS ${formatBytes(restore.peakRss)}\n`);
      const after = await redis.eval("return #redis.call('KEYS', 'oauth:*') + #redis.call('KEYS', 'redis:session:*')", 0);
      const written = Number(restore.detail.written);
      // Keys whose expiry falls during the run (short-lived refresh tokens) may be gone already.
      if (Number(after) > written || written - Number(after) > written / 1000)
        throw new Error(`restore check: ${after} keys under the prefixes, ${written} restored`);
      rmSync(join(dir, name), { force: true });
      rounds.push({ backup, baseBackup, restore, baseRestore });
    }
    return { size, keys, seedMs, fileBytes, rounds };
  } finally {
    baselineRedis.disconnect();
    rmSync(dir, { recursive: true, force: true });
    await bench.stop();
  }
}

/** Median, with the spread when there is more than one value. */
function spread(values: readonly number[], format: (v: number) => string): string {
  const m = format(median(values));
  if (values.length < 2) return m;
  return `${m} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
}

function report(results: SizeResult[], info: MachineInfo, baselineMax: number, repeat: number): { text: string; markdown: string } {
  const { formatCount, formatBytes, markdownTable, machineInfoRows, textTable } = lib;
  const headers = [
    'tokens',
    'keys',
    'operation',
    'wall (median, range)',
    'keys/s',
    'peak RSS',
    'peak RSS (MB)',
    'RSS before',
    'peak heap',
    'vs baseline (median, range)',
  ];
  const align = ['right', 'right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] as const;
  const rows: string[][] = [];
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const times = (v: number) => `${v.toFixed(1)}x`;
  const targets: string[] = [];
  for (const r of results) {
    const t = formatCount(r.size);
    const k = formatCount(r.keys);
    for (const op of ['backup', 'restore'] as const) {
      const ours = r.rounds.map((x) => x[op]);
      const base = r.rounds.map((x) => (op === 'backup' ? x.baseBackup : x.baseRestore));
      const ratios = r.rounds.map((x, i) => base[i]!.fullMs / x[op].ms);
      const peakRss = Math.max(...ours.map((w) => Math.max(w.peakRss, w.maxRss)));
      const wall = median(ours.map((w) => w.ms));
      rows.push([
        t,
        k,
        op === 'backup' ? 'backup (ours)' : 'restore (ours, MERGE)',
        spread(
          ours.map((w) => w.ms),
          seconds,
        ),
        formatCount(keysPerSecond(ours[0]!.keys, wall)),
        formatBytes(peakRss),
        formatMB(peakRss),
        formatBytes(Math.max(...ours.map((w) => w.startRss))),
        formatBytes(Math.max(...ours.map((w) => w.peakHeap))),
        `${spread(ratios, times)} faster`,
      ]);
      const sampled = base[0]!.sampled;
      rows.push([
        t,
        k,
        op === 'backup' ? 'backup (gateway-style)' : 'restore (gateway-style)',
        `${sampled ? '~' : ''}${spread(
          base.map((b) => b.fullMs),
          seconds,
        )}`,
        formatCount(keysPerSecond(base[0]!.keys, median(base.map((b) => b.ms)))),
        '-',
        '-',
        '-',
        '-',
        sampled ? `measured on ${formatCount(base[0]!.keys)} keys` : '',
      ]);
      if (r.size >= 1_000_000) {
        const worst = Math.min(...ratios);
        targets.push(
          `- ${op} at least 20x faster than the baseline: median ${times(median(ratios))}, lowest round ${times(worst)}: ${worst >= 20 ? 'met in every round' : median(ratios) >= 20 ? 'met by the median, not in every round' : 'NOT met'}.`,
        );
        targets.push(
          `- ${op} peak memory under 250 MB (250,000,000 bytes = 238.4 MiB): peak RSS ${formatMB(peakRss)} = ${formatBytes(peakRss)}: ${peakRss < 250 * MB ? 'met' : 'NOT met'}.`,
        );
      }
    }
  }
  const details = results.map(
    (r) =>
      `- ${formatCount(r.size)} tokens: ${formatCount(r.keys)} keys (seeded in ${(r.seedMs / 1000).toFixed(1)} s), backup file ${formatBytes(r.fileBytes)}; ` +
      `per round (backup, baseline backup ratio / restore, baseline restore ratio): ` +
      r.rounds
        .map(
          (x) =>
            `${seconds(x.backup.ms)} ${times(x.baseBackup.fullMs / x.backup.ms)}, peak ${formatBytes(x.backup.peakRss)} / ${seconds(x.restore.ms)} ${times(x.baseRestore.fullMs / x.restore.ms)}, peak ${formatBytes(x.restore.peakRss)}`,
        )
        .join('; ') +
      `; restore wrote ${formatCount(Number(r.rounds[0]!.restore.detail.written))} keys, skipped ${formatCount(Number(r.rounds[0]!.restore.detail.skipped))} expired.`,
  );
  const text = `${textTable(headers, rows, align)}${targets.length > 0 ? `\n\nTargets (issue 4, at 1M tokens):\n${targets.join('\n')}` : ''}`;
  const markdown = [
    '# Backup and restore benchmark',
    '',
    'Generated by `npx tsx bench/backup.ts` (`BENCH_SIZES=10000` for a quick run). Each of our operations runs in a fresh child process',
    'that calls the backup service (what `createBackup` / `restoreBackup` call; the GraphQL app is not loaded, which would add its own',
    `footprint), compiled as \`npm start\` compiles the service and run with Node and the service's flags (\`node ${lib.SERVICE_NODE_FLAGS.join(' ')} bench/.build/backup-worker.js\`,`,
    "as `npm start` runs the service), so its peak memory is its own: peak RSS (sampled every 20 ms, and the kernel's high-water mark of the process, VmHWM, whichever is higher) includes",
    'the process as it was before the operation ("RSS before": Node, the loaded service, its connection). The CLI\'s in-process backup',
    '(`just oauth-backup` without ADMIN_URL) still runs the sources under tsx, whose loader adds about 60 MiB to that.',
    "MiB = 1,048,576 bytes; MB = 1,000,000 bytes (the issue's unit).",
    'The gateway-style baseline does what `backup_oauth_data.py` / `restore_oauth_data.py` do: SCAN (COUNT 100) per pattern, then TYPE, TTL and',
    'GET per key, one awaited round trip each (restore: SET then EXPIRE per key).',
    baselineMax > 0
      ? `Per-key round trips scale linearly, so the baseline ran on the first ${formatCount(baselineMax)} keys SCAN returns (the same keys every round) and its full time is extrapolated (\`~\`).`
      : '',
    `Method: ${repeat} interleaved rounds per size (BENCH_REPEAT), each running the baseline backup, our backup, the baseline restore and our restore`,
    'back to back. A ratio compares the two sides of the same round (so both ran under the same load); the table shows the median over the',
    'rounds with the lowest and highest in brackets, and the highest peak memory of any round.',
    'Why the ratio moves: our side is CPU-bound (it slows down when other processes compete for the two cores), the baseline is bound by',
    'round-trip latency (which moves with scheduling and CPU power states), so the two react differently to the load of a shared machine.',
    '',
    markdownTable(['', ''], machineInfoRows(info)),
    '',
    markdownTable(headers, rows, align),
    '',
    ...details,
    '',
    'Targets (issue 4): at 1M tokens, backup and restore each at least 20x faster than the baseline; peak memory under 250 MB for both.',
    ...targets,
    '',
  ].join('\n');
  return { text, markdown };
}

async function main(): Promise<void> {
  const { parseSizes, startBenchRedis, machineInfo } = lib;
  const sizes = parseSizes(process.argv.slice(2), process.env.BENCH_SIZES, [100_000, 1_000_000]);
  const baselineMax = process.env.BENCH_BASELINE_KEYS === undefined ? 150_000 : Number(process.env.BENCH_BASELINE_KEYS);
  const repeat = Math.max(1, Math.floor(lib.envNumber('BENCH_REPEAT', 3)));
  const results: SizeResult[] = [];
  let info: MachineInfo | null = null;
  for (const size of sizes) {
    if (!info) {
      const probe = await startBenchRedis();
      info = await machineInfo(probe.redis);
      await probe.stop();
    }
    results.push(await runSize(size, baselineMax, repeat));
  }
  const { text, markdown } = report(results, info!, baselineMax, repeat);
  console.log(`\n${text}\n`);
  writeFileSync(new URL('./RESULTS-backup.md', import.meta.url), markdown);
  console.log('wrote bench/RESULTS-backup.md');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
