/**
 * Backup and restore throughput and memory: seeds N access tokens in the gateway's format (with
 * clients, refresh tokens and user indexes, bench/lib.ts), then measures in the same run
 *
 * - our backup (`createBackup`) and our restore (`restoreBackup`, MERGE into an emptied store), each in a fresh child process so its peak memory is its own: wall time,
 *   keys/s, peak RSS and peak heap (sampled every 20 ms, and the kernel's max RSS). The worker
 *   calls the backup service (what the mutations call) without loading the GraphQL app, whose
 *   own footprint (~125 MiB RSS for Yoga, Pothos and the schema) would only blur the figures;
 * - a gateway-style baseline, as `backup_oauth_data.py` / `restore_oauth_data.py` do it: SCAN
 *   (COUNT 100) per pattern, then TYPE, TTL and GET per key, one awaited round trip each, the
 *   whole dict in memory and `json.dump`ed at the end; and SET then EXPIRE per key for the
 *   restore. Per-key round trips scale linearly, so on big stores the baseline runs on the first
 *   BENCH_BASELINE_KEYS keys (default 150000; 0 = all) and its time is extrapolated (marked `~`).
 *
 *   npx tsx bench/backup.ts                       # 100000 and 1000000 tokens
 *   BENCH_SIZES=10000 npx tsx bench/backup.ts     # quick run (or: npx tsx bench/backup.ts 10k)
 *   BENCH_REPEAT=1 …                              # rounds per size (default 2; best time counts)
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
import { createServices } from '../src/services/index.js';
// Types only: the worker must not load bench/lib.ts (it pulls in the GraphQL app, ~125 MiB).
import type { MachineInfo } from './lib.js';

type Lib = typeof import('./lib.js');
let lib: Lib;

const PREFIXES = { oauth: 'oauth:', session: 'redis:session:', admin: 'oauth-admin:' };
/** The gateway's REFRESH_TOKEN_LIFETIME (bench/lib.ts GATEWAY_LIFETIMES.refresh). */
const REFRESH_LIFETIME = 2592000;

// ------------------------------------------------------------------------------ worker (child process)

interface WorkerResult {
  ms: number;
  keys: number;
  peakRss: number;
  peakHeap: number;
  maxRss: number;
  startRss: number;
  detail: Record<string, unknown>;
}

async function worker(op: 'backup' | 'restore', url: string, dir: string, name?: string): Promise<void> {
  const redis = createRedis(url, { name: 'oauth-admin-bench-worker', commandTimeoutMs: 120_000 });
  const services = createServices(redis, { prefixes: PREFIXES, lifetimes: { refreshTokenSeconds: REFRESH_LIFETIME }, backup: { dir } });
  const who = { role: 'admin' as const, name: 'bench' };
  await redis.ping();
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const started = performance.now();
  let detail: Record<string, unknown>;
  let keys: number;
  if (op === 'backup') {
    const info = await services.backups.create(who);
    detail = { name: info.name, sizeBytes: info.sizeBytes };
    keys = Object.values(info.counts ?? {}).reduce((a, b) => a + b, 0);
  } else {
    const outcome = await services.backups.restore(who, { name: name ?? null, mode: 'MERGE', dryRun: false });
    const final = await services.jobs.wait(outcome.job!.id);
    if (final?.status !== 'SUCCEEDED') throw new Error(`restore ended ${final?.status}: ${final?.error}`);
    const sums = final.categories.reduce(
      (a, c) => ({ written: a.written + c.restored + c.overwritten + c.unchanged, skipped: a.skipped + c.skippedExpired }),
      { written: 0, skipped: 0 },
    );
    detail = { ...sums, categories: final.categories };
    keys = sums.written + sums.skipped;
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  const result: WorkerResult = { ms, keys, peakRss, peakHeap, maxRss: process.resourceUsage().maxRSS * 1024, startRss, detail };
  process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
  redis.disconnect();
}

function runWorker(op: 'backup' | 'restore', url: string, dir: string, name?: string): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--worker', op, url, dir, ...(name ? [name] : [])], {
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
async function baselineBackup(redis: Redis, maxKeys: number, file: string): Promise<{ ms: number; keys: number; entries: [string, { type: string; ttl: number; value: string }][] }> {
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

interface SizeResult {
  size: number;
  keys: number;
  seedMs: number;
  backup: WorkerResult;
  restore: WorkerResult;
  fileBytes: number;
  baseBackup: { ms: number; keys: number; fullMs: number; sampled: boolean };
  baseRestore: { ms: number; keys: number; fullMs: number; sampled: boolean };
}

const keysPerSecond = (keys: number, ms: number) => (ms > 0 ? Math.round((keys / ms) * 1000) : 0);

async function runSize(size: number, baselineMax: number, repeat: number): Promise<SizeResult> {
  const { startBenchRedis, seedGatewayData, formatCount, formatMs, formatBytes } = lib;
  const bench = await startBenchRedis();
  const dir = mkdtempSync(join(tmpdir(), 'oauth-admin-bench-backups-'));
  try {
    const redis = bench.redis as Redis;
    process.stdout.write(`\n== ${formatCount(size)} tokens: seeding...`);
    const seeded = await seedGatewayData(redis, bench.keys, { tokens: size });
    const seedMs = seeded.ms;
    const keys = await redis.dbsize();
    process.stdout.write(` ${formatCount(keys)} keys in ${(seedMs / 1000).toFixed(1)} s\n`);

    // Each measurement `repeat` times, interleaved (the machine may be shared): the best wall
    // time of each counts, and the highest peak memory.
    let baseBackup: SizeResult['baseBackup'] | null = null;
    let baseRestore: SizeResult['baseRestore'] | null = null;
    let backup: WorkerResult | null = null;
    let restore: WorkerResult | null = null;
    let fileBytes = 0;
    const best = (a: WorkerResult | null, b: WorkerResult): WorkerResult =>
      a === null ? b : { ...(b.ms < a.ms ? b : a), peakRss: Math.max(a.peakRss, b.peakRss), peakHeap: Math.max(a.peakHeap, b.peakHeap), maxRss: Math.max(a.maxRss, b.maxRss) };
    for (let round = 1; round <= repeat; round++) {
      const tag = repeat > 1 ? ` [${round}/${repeat}]` : '';
      process.stdout.write(`   baseline backup (gateway-style)${tag}...`);
      const limit = baselineMax > 0 ? Math.min(baselineMax, keys) : keys;
      const base = await baselineBackup(redis, limit, join(dir, 'baseline.json'));
      const bb = { ms: base.ms, keys: base.keys, fullMs: (base.ms / base.keys) * keys, sampled: base.keys < keys };
      if (!baseBackup || bb.ms < baseBackup.ms) baseBackup = bb;
      process.stdout.write(` ${formatCount(base.keys)} keys in ${formatMs(base.ms)} ms\n`);

      process.stdout.write(`   our backup${tag}...`);
      const b = await runWorker('backup', bench.url, dir);
      backup = best(backup, b);
      process.stdout.write(` ${formatCount(b.keys)} keys in ${formatMs(b.ms)} ms, peak RSS ${formatBytes(b.peakRss)}\n`);
      const name = String(b.detail.name);
      fileBytes = Number(b.detail.sizeBytes);

      process.stdout.write(`   baseline restore (gateway-style)${tag}...`);
      const baseR = await baselineRestore(redis, base.entries);
      base.entries.length = 0;
      const br = { ms: baseR.ms, keys: baseR.keys, fullMs: (baseR.ms / Math.max(1, baseR.keys)) * keys, sampled: baseR.keys < keys };
      if (!baseRestore || br.ms < baseRestore.ms) baseRestore = br;
      process.stdout.write(` ${formatCount(baseR.keys)} keys in ${formatMs(baseR.ms)} ms\n`);

      await redis.flushdb(); // a private server: restore into an empty store
      process.stdout.write(`   our restore (MERGE into an empty store)${tag}...`);
      const r = await runWorker('restore', bench.url, dir, name);
      restore = best(restore, r);
      process.stdout.write(` ${formatCount(r.keys)} keys in ${formatMs(r.ms)} ms, peak RSS ${formatBytes(r.peakRss)}\n`);
      const after = await redis.eval("return #redis.call('KEYS', 'oauth:*') + #redis.call('KEYS', 'redis:session:*')", 0);
      const written = Number(r.detail.written);
      // Keys whose expiry falls during the run (short-lived refresh tokens) may be gone already.
      if (Number(after) > written || written - Number(after) > written / 1000) throw new Error(`restore check: ${after} keys under the prefixes, ${written} restored`);
    }
    if (!baseBackup || !baseRestore || !backup || !restore) throw new Error('no rounds ran');
    return { size, keys, seedMs, backup, restore, fileBytes, baseBackup, baseRestore };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await bench.stop();
  }
}

function report(results: SizeResult[], info: MachineInfo, baselineMax: number): { text: string; markdown: string } {
  const { formatCount, formatBytes, markdownTable, machineInfoRows, textTable } = lib;
  const headers = ['tokens', 'keys', 'operation', 'wall', 'keys/s', 'peak RSS', 'peak heap', 'vs baseline'];
  const align = ['right', 'right', 'left', 'right', 'right', 'right', 'right', 'right'] as const;
  const rows: string[][] = [];
  for (const r of results) {
    const t = formatCount(r.size);
    const k = formatCount(r.keys);
    const bb = r.baseBackup;
    const br = r.baseRestore;
    rows.push([t, k, 'backup (ours)', `${(r.backup.ms / 1000).toFixed(2)} s`, formatCount(keysPerSecond(r.backup.keys, r.backup.ms)), formatBytes(r.backup.peakRss), formatBytes(r.backup.peakHeap), `${(bb.fullMs / r.backup.ms).toFixed(1)}x faster`]);
    rows.push([t, k, 'backup (gateway-style)', `${bb.sampled ? '~' : ''}${(bb.fullMs / 1000).toFixed(1)} s`, formatCount(keysPerSecond(bb.keys, bb.ms)), '-', '-', bb.sampled ? `measured on ${formatCount(bb.keys)} keys` : '']);
    rows.push([t, k, 'restore (ours, MERGE)', `${(r.restore.ms / 1000).toFixed(2)} s`, formatCount(keysPerSecond(r.restore.keys, r.restore.ms)), formatBytes(r.restore.peakRss), formatBytes(r.restore.peakHeap), `${(br.fullMs / r.restore.ms).toFixed(1)}x faster`]);
    rows.push([t, k, 'restore (gateway-style)', `${br.sampled ? '~' : ''}${(br.fullMs / 1000).toFixed(1)} s`, formatCount(keysPerSecond(br.keys, br.ms)), '-', '-', br.sampled ? `measured on ${formatCount(br.keys)} keys` : '']);
  }
  const details = results.map(
    (r) =>
      `- ${formatCount(r.size)} tokens: ${formatCount(r.keys)} keys (seeded in ${(r.seedMs / 1000).toFixed(1)} s), backup file ${formatBytes(r.fileBytes)}; ` +
      `process RSS before the operation ${formatBytes(r.backup.startRss)} (backup) / ${formatBytes(r.restore.startRss)} (restore); kernel max RSS ${formatBytes(r.backup.maxRss)} / ${formatBytes(r.restore.maxRss)}; ` +
      `restore wrote ${formatCount(Number(r.restore.detail.written))} keys, skipped ${formatCount(Number(r.restore.detail.skipped))} expired.`,
  );
  const text = textTable(headers, rows, align);
  const markdown = [
    '# Backup and restore benchmark',
    '',
    'Generated by `npx tsx bench/backup.ts` (`BENCH_SIZES=10000` for a quick run). Each of our operations runs in a fresh child process',
    'that calls the backup service (what `createBackup` / `restoreBackup` call; the GraphQL app is not loaded), so its peak memory is its own:',
    'peak RSS and peak V8 heap are sampled every 20 ms; "RSS before" is the process with the service loaded and connected, before the operation.',
    'The gateway-style baseline does what `backup_oauth_data.py` / `restore_oauth_data.py` do: SCAN (COUNT 100) per pattern, then TYPE, TTL and',
    'GET per key, one awaited round trip each (restore: SET then EXPIRE per key).',
    baselineMax > 0 ? `Per-key round trips scale linearly, so the baseline ran on at most ${formatCount(baselineMax)} keys and its full time is extrapolated (\`~\`).` : '',
    'Every measurement ran in interleaved rounds (BENCH_REPEAT); the best wall time of each is shown, with the highest peak memory of any round.',
    'Read the ratio with care on a shared or small machine: our side is CPU-bound (it slows down when other processes compete for the cores),',
    'the baseline is round-trip-bound (its per-key latency moves with scheduling and CPU power states), so the two react differently to load.',
    'Peak RSS includes the process as it was before the operation (Node, the loaded service, its connection); see "RSS before" below.',
    '',
    markdownTable(['', ''], machineInfoRows(info)),
    '',
    markdownTable(headers, rows, align),
    '',
    ...details,
    '',
    'Targets (issue 4): at 1M tokens, backup at least 20x faster than the baseline; peak memory under 250 MB for backup and restore.',
    '',
  ].join('\n');
  return { text, markdown };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--worker') {
    await worker(process.argv[3] as 'backup' | 'restore', process.argv[4] as string, process.argv[5] as string, process.argv[6]);
    return;
  }
  lib = await import('./lib.js');
  const { parseSizes, startBenchRedis, machineInfo } = lib;
  const sizes = parseSizes(process.argv.slice(2), process.env.BENCH_SIZES, [100_000, 1_000_000]);
  const baselineMax = process.env.BENCH_BASELINE_KEYS === undefined ? 150_000 : Number(process.env.BENCH_BASELINE_KEYS);
  const repeat = Math.max(1, Math.floor(lib.envNumber('BENCH_REPEAT', 2)));
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
  const { text, markdown } = report(results, info!, baselineMax);
  console.log(`\n${text}\n`);
  writeFileSync(new URL('./RESULTS-backup.md', import.meta.url), markdown);
  console.log('wrote bench/RESULTS-backup.md');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
