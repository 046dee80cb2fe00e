/**
 * Issue 14, item 2, re-measured: can viewers exhaust the service with `Backup.diff`?
 *
 * A private redis-server is seeded with gateway-format data and a backup of it is written (about
 * BENCH_ENTRIES entries, default 1,000,000; written by this process, so the service's memory is
 * its own), a few hundred keys then change so the diff has something to find, and the real
 * service is started as `npm start` runs it (compiled, SERVICE_NODE_FLAGS, NODE_ENV=production,
 * admin and viewer tokens) on 127.0.0.1 over that data. Once its derived indexes are ready:
 *
 * 1. idle: `stats` (every field, as the viewer) one request after another, p50/p95;
 * 2. BENCH_DIFFS (6) parallel viewer requests for `backup(name) { diff(limit: 1) { ... } }`, the
 *    clients waiting for their answers, while `stats` keeps being asked one request after another:
 *    its p50/p95 meanwhile, the diffs' wall time, how many computations the service ran, and the
 *    service's RSS (VmRSS sampled every 100 ms; VmHWM, the kernel's high-water mark, at the end);
 * 3. the same six diffs from clients that give up after BENCH_GIVE_UP_S (5 s): how long the
 *    service keeps burning CPU after they left (it should stop at once);
 * 4. one request with three `diff` aliases (refused by the cost limit now).
 *
 * Pass: `stats` p50 during the diffs within 3x of idle, peak RSS under 400 MB (decimal), CPU
 * after the clients gave up under 2 s. Prints the figures and writes bench/RESULTS-diff-exhaustion.md.
 *
 *   npx tsx bench/diff-exhaustion.ts
 *   BENCH_ENTRIES=100000 npx tsx bench/diff-exhaustion.ts     # quick run
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BackupDir } from '../src/backups/files.js';
import { writeBackup } from '../src/backups/writer.js';
import {
  STATS_QUERY,
  type ServiceProcess,
  envNumber,
  formatBytes,
  formatCount,
  machineInfo,
  machineInfoRows,
  markdownTable,
  seedGatewayData,
  startBenchRedis,
  startServiceProcess,
  summarize,
  textTable,
} from './lib.js';
import { processMemory } from './memory.js';

const ENTRIES = envNumber('BENCH_ENTRIES', 1_000_000);
const DIFFS = envNumber('BENCH_DIFFS', 6);
const GIVE_UP_S = envNumber('BENCH_GIVE_UP_S', 5);
const VIEWER_TOKEN = 'bench-viewer-token-0123456789abcdef';
const MB = 1_000_000;
const RSS_LIMIT = 400 * MB;
/** Entries per seeded access token: the token, a refresh token for a third, clients (1/20) and user indexes (1/50). */
const ENTRIES_PER_TOKEN = 1 + 1 / 3 + 1 / 20 + 1 / 50;

/** CPU seconds (user + system) the process has used. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const bench = await startBenchRedis();
  const backupDir = mkdtempSync(join(tmpdir(), 'oauth-admin-bench-diff-'));
  let server: ServiceProcess | null = null;
  try {
    const tokens = Math.round(ENTRIES / ENTRIES_PER_TOKEN);
    process.stdout.write(`seeding ${formatCount(tokens)} tokens (about ${formatCount(ENTRIES)} keys)… `);
    const seed = await seedGatewayData(bench.redis, bench.keys, { tokens, seed: 14, activeForSeconds: 6 * 3600 });
    process.stdout.write(`${formatCount(await bench.redis.dbsize())} keys in ${(seed.ms / 1000).toFixed(0)} s\n`);

    process.stdout.write('writing the backup (in this process)… ');
    const t0 = performance.now();
    const backup = await writeBackup({ redis: bench.redis, keys: bench.keys, dir: new BackupDir(backupDir) });
    const entries = Object.values(backup.counts).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `${backup.name}: ${formatCount(entries)} entries, ${formatBytes(backup.sizeBytes)} in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`,
    );
    // The store moves on after the backup: a few keys the diff reports.
    const pipeline = bench.redis.pipeline();
    for (let i = 0; i < 300; i++) pipeline.set(bench.keys.token(`after-backup-${i}`), '{"username": "late", "client_id": "c"}', 'EX', 3600);
    for (const jti of seed.jtis.slice(0, 200)) pipeline.del(bench.keys.token(jti));
    await pipeline.exec();

    const lines: string[] = [];
    server = await startServiceProcess(
      bench,
      { VIEWER_TOKEN, BACKUP_DIR: backupDir, LOG_LEVEL: 'warn', RATE_LIMIT_PER_SECOND: '100000', INDEX_CONFIGURE_NOTIFICATIONS: 'true' },
      { onLine: (line) => lines.push(line) },
    );
    const service = server;
    const pid = service.pid;
    const post = (query: string, token = VIEWER_TOKEN, signal?: AbortSignal) => service.post(query, { token, ...(signal ? { signal } : {}) });
    process.stdout.write('service up; waiting for its derived indexes… ');
    const indexStart = performance.now();
    for (;;) {
      const status = await post('{ indexStatus { ready } }').catch(() => null);
      if (status?.body.data?.indexStatus?.ready) break;
      if (performance.now() - indexStart > 600_000) throw new Error('the indexes were not ready within 10 minutes');
      await sleep(500);
    }
    process.stdout.write(`ready in ${((performance.now() - indexStart) / 1000).toFixed(0)} s\n`);

    const statsOnce = async (): Promise<number> => {
      const started = performance.now();
      const answer = await post(STATS_QUERY);
      if (answer.body.errors) throw new Error(`stats failed: ${JSON.stringify(answer.body.errors)}`);
      return performance.now() - started;
    };
    // Warm up, then idle.
    for (let i = 0; i < 30; i++) await statsOnce();
    const idle: number[] = [];
    for (let i = 0; i < 200; i++) {
      idle.push(await statsOnce());
      await sleep(10);
    }
    const idleStats = summarize(idle);
    const idleRss = processMemory(pid, 'VmRSS');
    process.stdout.write(`idle: stats p50 ${idleStats.p50.toFixed(1)} ms, p95 ${idleStats.p95.toFixed(1)} ms; RSS ${formatBytes(idleRss)}\n`);

    // ---------------------------------------------------------------- 2. six diffs, waited for
    const diffQuery = `{ backup(name: ${JSON.stringify(backup.name)}) { diff(limit: 1) { truncated categories { category onlyInBackup onlyInStore different same expiredInBackup } entries { category status fingerprint } } } }`;
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(processMemory(pid, 'VmRSS')), 100);
    const during: number[] = [];
    let diffsDone = false;
    const cpuBefore = cpuSeconds(pid);
    const diffStart = performance.now();
    process.stdout.write(`${DIFFS} parallel viewer diffs… `);
    const diffs = Promise.all(Array.from({ length: DIFFS }, () => post(diffQuery))).finally(() => {
      diffsDone = true;
    });
    while (!diffsDone) {
      during.push(await statsOnce());
      await sleep(10);
    }
    const answers = await diffs;
    const diffMs = performance.now() - diffStart;
    const diffCpu = cpuSeconds(pid) - cpuBefore;
    clearInterval(sampler);
    const failed = answers.filter((a) => a.body.errors);
    if (failed.length > 0) throw new Error(`diff failed: ${JSON.stringify(failed[0]!.body.errors)}`);
    const tokensRow = (answers[0]!.body.data!.backup.diff.categories as { category: string; onlyInStore: number; onlyInBackup: number; same: number }[]).find(
      (c) => c.category === 'tokens',
    );
    const duringStats = summarize(during);
    const peakRss = Math.max(...rss, idleRss);
    process.stdout.write(
      `${(diffMs / 1000).toFixed(1)} s (tokens: ${tokensRow?.onlyInStore} only in the store, ${tokensRow?.onlyInBackup} only in the backup, ${formatCount(tokensRow?.same ?? 0)} same)\n`,
    );

    // ---------------------------------------------------------------- 3. six diffs, given up on
    process.stdout.write(`${DIFFS} diffs whose clients give up after ${GIVE_UP_S} s… `);
    const gaveUp = await Promise.all(
      Array.from({ length: DIFFS }, () =>
        post(diffQuery, VIEWER_TOKEN, AbortSignal.timeout(GIVE_UP_S * 1000)).then(
          () => 'answered',
          () => 'gave up',
        ),
      ),
    );
    const leftAt = cpuSeconds(pid);
    await sleep(5000);
    const cpuAfterLeaving = cpuSeconds(pid) - leftAt;
    const afterLeaving: number[] = [];
    for (let i = 0; i < 50; i++) afterLeaving.push(await statsOnce());
    process.stdout.write(
      `${gaveUp.filter((g) => g === 'gave up').length} gave up; CPU in the 5 s after: ${cpuAfterLeaving.toFixed(2)} s; stats p50 then ${summarize(afterLeaving).p50.toFixed(1)} ms\n`,
    );

    // ---------------------------------------------------------------- 4. three aliases
    const aliases = await post(
      `{ ${['a', 'b', 'c'].map((a) => `${a}: backup(name: ${JSON.stringify(backup.name)}) { diff(limit: 1) { truncated } }`).join(' ')} }`,
    );
    const aliasOutcome = aliases.body.errors ? `${aliases.status} ${aliases.body.errors[0]?.extensions?.code}` : 'answered';
    process.stdout.write(`one request with three diff aliases: ${aliasOutcome}\n`);

    const hwm = processMemory(pid, 'VmHWM');
    const ratio = duringStats.p50 / idleStats.p50;
    const checks = {
      stats: ratio <= 3,
      rss: peakRss < RSS_LIMIT && hwm < RSS_LIMIT,
      cancel: cpuAfterLeaving < 2,
    };
    const rows: string[][] = [
      ['backup entries', formatCount(entries)],
      ['backup file', formatBytes(backup.sizeBytes)],
      ['stats p50 / p95, idle', `${idleStats.p50.toFixed(1)} / ${idleStats.p95.toFixed(1)} ms (n=${idleStats.n})`],
      [`stats p50 / p95, during ${DIFFS} diffs`, `${duringStats.p50.toFixed(1)} / ${duringStats.p95.toFixed(1)} ms (n=${duringStats.n})`],
      ['stats p50 during / idle', `${ratio.toFixed(2)}x (limit 3x: ${checks.stats ? 'PASS' : 'FAIL'})`],
      [`${DIFFS} parallel diffs, wall time`, `${(diffMs / 1000).toFixed(1)} s`],
      ['service CPU during the diffs (one shared computation)', `${diffCpu.toFixed(1)} s in ${(diffMs / 1000).toFixed(1)} s`],
      ['service RSS idle', `${formatBytes(idleRss)} (${(idleRss / MB).toFixed(0)} MB)`],
      ['service RSS peak during the diffs (100 ms samples)', `${formatBytes(peakRss)} (${(peakRss / MB).toFixed(0)} MB)`],
      [
        'service VmHWM at the end (whole run, index reconcile included)',
        `${formatBytes(hwm)} (${(hwm / MB).toFixed(0)} MB) (limit 400 MB: ${checks.rss ? 'PASS' : 'FAIL'})`,
      ],
      [`CPU in the 5 s after ${DIFFS} clients gave up (${GIVE_UP_S} s)`, `${cpuAfterLeaving.toFixed(2)} s (limit 2 s: ${checks.cancel ? 'PASS' : 'FAIL'})`],
      ['one request with three diff aliases', aliasOutcome],
    ];
    console.log(`\n${textTable(['measure', 'value'], rows)}`);
    const info = await machineInfo(bench.redis);
    const markdown = [
      '# Backup.diff exhaustion (issue 14, item 2)',
      '',
      'Written by `npx tsx bench/diff-exhaustion.ts` (see its head for what is measured). The service is the compiled',
      '`src/server.ts` with `SERVICE_NODE_FLAGS` and `NODE_ENV=production`, over a private redis-server; the backup is',
      "written by the bench before the service starts, so the service's memory is its own.",
      '',
      markdownTable(['measure', 'value'], rows),
      '',
      markdownTable(['machine', ''], machineInfoRows(info)),
      '',
    ].join('\n');
    writeFileSync(new URL('./RESULTS-diff-exhaustion.md', import.meta.url), markdown);
    const errorLines = lines.filter((l) => l.includes('"level":"error"'));
    if (errorLines.length > 0) console.log(`service error lines: ${errorLines.length}; first: ${errorLines[0]?.slice(0, 300)}`);
    if (!checks.stats || !checks.rss || !checks.cancel) process.exitCode = 1;
  } finally {
    await server?.stop();
    rmSync(backupDir, { recursive: true, force: true });
    await bench.stop();
  }
}

await main();
