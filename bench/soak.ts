/**
 * Soak: the real service process, compiled and run as `npm start` runs it (lib.ts `compiledBench`,
 * `SERVICE_NODE_FLAGS`; default hardening settings)
 * on 127.0.0.1, under a bounded mix of reads over real HTTP while purges and backups run, for a
 * few minutes. Prints requests, failed requests (must be 0), latency p50/p99 and the server's RSS
 * over time (must stay flat); exits 1 when either check fails.
 *
 *   npm run soak                        # 180 s
 *   SOAK_SECONDS=30 npm run soak        # shorter
 *   SOAK_TOKENS=20000 SOAK_CONCURRENCY=8 SOAK_RATE_LIMIT=0 …
 *
 * Loopback only: the server binds 127.0.0.1 and every request goes there; the loop stops by itself.
 * Redis: a private redis-server (or BENCH_REDIS_URL under a random prefix, deleted afterwards).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { accessTokenValue } from '../src/redis/gateway-format.js';
import {
  type ServiceProcess,
  createRng,
  envNumber,
  formatBytes,
  machineInfo,
  machineInfoRows,
  percentile,
  pick,
  seedGatewayData,
  startBenchRedis,
  startServiceProcess,
  textTable,
} from './lib.js';
import { processMemory } from './memory.js';

const SECONDS = envNumber('SOAK_SECONDS', 180);
const TOKENS = envNumber('SOAK_TOKENS', 20_000);
const CONCURRENCY = envNumber('SOAK_CONCURRENCY', 8);
/** Requests per second per token for the server's rate limiter (its default is 500; 0 turns it off). */
const RATE_LIMIT = process.env.SOAK_RATE_LIMIT ?? '100000';
/** RSS may grow by this share between the middle and the end of the run (after warm-up). */
const RSS_TOLERANCE = 0.15;

const QUERIES = {
  token: 'query SoakToken($jti: String!) { token(jti: $jti) { jti username status expiresAt client { clientName } } }',
  clientTokens:
    'query SoakClientTokens($clientId: String!) { client(clientId: $clientId) { clientId tokens(first: 10) { totalCount edges { node { jti status } } } } }',
  users:
    'query SoakUsers($after: String) { users(first: 20, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { username tokens(first: 5) { totalCount } } } } }',
  stats: 'query SoakStats { stats { registrations activeTokens expiredTokens refreshTokens userCount orphanTokens staleIndexEntries } }',
} as const;
type Op = keyof typeof QUERIES;
const MIX: Op[] = ['token', 'token', 'token', 'token', 'clientTokens', 'clientTokens', 'clientTokens', 'users', 'users', 'stats'];

async function main(): Promise<void> {
  const bench = await startBenchRedis({ url: process.env.BENCH_REDIS_URL });
  const backupDir = mkdtempSync(join(tmpdir(), 'oauth-admin-soak-backups-'));
  let server: ServiceProcess | null = null;
  try {
    process.stdout.write(`seeding ${TOKENS} tokens… `);
    const seed = await seedGatewayData(bench.redis, bench.keys, { tokens: TOKENS, seed: 7 });
    process.stdout.write(`done in ${(seed.ms / 1000).toFixed(1)} s\n`);

    let logLines = 0;
    let errorLines = 0;
    server = await startServiceProcess(
      bench,
      { BACKUP_DIR: backupDir, LOG_LEVEL: 'info', RATE_LIMIT_PER_SECOND: RATE_LIMIT },
      {
        onLine: (line) => {
          logLines += 1;
          if (line.includes('"level":"error"')) errorLines += 1;
        },
      },
    );
    const service = server;
    const pid = service.pid;

    const post = async (
      query: string,
      variables: Record<string, unknown> = {},
    ): Promise<{ ok: boolean; data: Record<string, any> | null; error: string | null }> => {
      const { status, body } = await service.post(query, { variables });
      if (status !== 200 || body.errors) return { ok: false, data: body.data ?? null, error: `HTTP ${status}: ${body.errors?.[0]?.message ?? ''}` };
      return { ok: true, data: body.data ?? null, error: null };
    };

    const started = performance.now();
    const endAt = started + SECONDS * 1000;
    const latencies: Record<Op, number[]> = { token: [], clientTokens: [], users: [], stats: [] };
    const failures: string[] = [];
    let requests = 0;
    const rss: { at: number; bytes: number }[] = [{ at: 0, bytes: processMemory(pid, 'VmRSS') }];
    const sampler = setInterval(() => rss.push({ at: (performance.now() - started) / 1000, bytes: processMemory(pid, 'VmRSS') }), 5000);

    // Maintenance beside the reads: the gateway keeps expiring tokens, we keep purging and backing up.
    const maintenance = { purges: 0, purgedTokens: 0, backups: 0, failures: [] as string[] };
    const maintain = (async () => {
      let round = 0;
      while (performance.now() < endAt - 3000) {
        round += 1;
        const now = Math.floor(Date.now() / 1000);
        const pipeline = bench.redis.pipeline();
        for (let i = 0; i < 2000; i++) {
          pipeline.set(
            bench.keys.token(`soak-${round}-${i}`),
            accessTokenValue({
              username: `soak-user-${i % 40}`,
              clientId: seed.clientIds[i % seed.clientIds.length] as string,
              createdAt: now - 90_000,
              expiresAt: now - 60,
            }),
          );
        }
        await pipeline.exec();
        const purge = await post('mutation SoakPurge { purgeExpired(dryRun: false) { id } }');
        if (!purge.ok) maintenance.failures.push(`purge: ${purge.error}`);
        else {
          const id = purge.data?.purgeExpired.id as string;
          for (;;) {
            const job = await post('query SoakJob($id: ID!) { job(id: $id) { status error counts { accessTokens } } }', { id });
            const state = job.data?.job as { status: string; error: string | null; counts: { accessTokens: number } } | undefined;
            if (!job.ok || !state) {
              maintenance.failures.push(`job: ${job.error}`);
              break;
            }
            if (state.status === 'RUNNING') {
              await new Promise((r) => setTimeout(r, 200));
              continue;
            }
            if (state.status !== 'SUCCEEDED') maintenance.failures.push(`purge ${state.status}: ${state.error}`);
            maintenance.purges += 1;
            maintenance.purgedTokens += state.counts.accessTokens;
            break;
          }
        }
        const backup = await post('mutation SoakBackup { createBackup(note: "soak") { name } }');
        if (!backup.ok) maintenance.failures.push(`backup: ${backup.error}`);
        else maintenance.backups += 1;
        // Keep the disk bounded: the two newest backups stay.
        const files = readdirSync(backupDir)
          .filter((f) => f.endsWith('.json'))
          .sort();
        for (const old of files.slice(0, -2)) rmSync(join(backupDir, old), { force: true });
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();

    const rng = createRng(11);
    const worker = async () => {
      let usersCursor: string | null = null;
      while (performance.now() < endAt) {
        const op = pick(rng, MIX);
        const variables: Record<string, unknown> =
          op === 'token'
            ? { jti: pick(rng, seed.activeJtis) }
            : op === 'clientTokens'
              ? { clientId: pick(rng, seed.clientIdsWithTokens) }
              : op === 'users'
                ? { after: usersCursor }
                : {};
        const t0 = performance.now();
        const result = await post(QUERIES[op], variables).catch((error: unknown) => ({ ok: false, data: null, error: String(error) }));
        latencies[op].push(performance.now() - t0);
        requests += 1;
        if (!result.ok) failures.push(`${op}: ${result.error}`);
        if (op === 'users') {
          // Walk the user list page by page, from the start again at its end.
          const page = (result.data?.users as { pageInfo: { hasNextPage: boolean; endCursor: string | null } } | undefined)?.pageInfo;
          usersCursor = page?.hasNextPage ? page.endCursor : null;
        }
      }
    };
    const progress = setInterval(() => {
      const elapsed = (performance.now() - started) / 1000;
      process.stdout.write(
        `  ${elapsed.toFixed(0)} s: ${requests} requests, ${failures.length} failed, ${maintenance.purges} purges, ${maintenance.backups} backups, RSS ${formatBytes(rss[rss.length - 1]?.bytes ?? 0)}\n`,
      );
    }, 15_000);
    await Promise.all(Array.from({ length: CONCURRENCY }, () => worker()));
    await maintain;
    clearInterval(progress);
    clearInterval(sampler);
    rss.push({ at: (performance.now() - started) / 1000, bytes: processMemory(pid, 'VmRSS') });
    const elapsed = (performance.now() - started) / 1000;

    // ------------------------------------------------------------------ report
    const all = Object.values(latencies)
      .flat()
      .sort((a, b) => a - b);
    const rows = (Object.keys(latencies) as Op[]).map((op) => {
      const sorted = [...latencies[op]].sort((a, b) => a - b);
      return [op, String(sorted.length), percentile(sorted, 50).toFixed(1), percentile(sorted, 99).toFixed(1), (sorted[sorted.length - 1] ?? 0).toFixed(1)];
    });
    rows.push(['all', String(all.length), percentile(all, 50).toFixed(1), percentile(all, 99).toFixed(1), (all[all.length - 1] ?? 0).toFixed(1)]);
    const warm = rss.filter((s) => s.at >= Math.min(20, elapsed / 4));
    const mid = warm[Math.floor(warm.length / 2)] ?? rss[0];
    const end = rss[rss.length - 1];
    const maxRss = Math.max(...rss.map((s) => s.bytes));
    const growth = mid && end ? (end.bytes - mid.bytes) / mid.bytes : 0;
    const memoryStable = growth <= RSS_TOLERANCE;

    const info = await machineInfo(bench.redis);
    console.log(
      `\nsoak: ${elapsed.toFixed(0)} s, ${CONCURRENCY} concurrent readers, ${TOKENS} tokens, rate limit ${RATE_LIMIT}/s per token, NODE_ENV=production`,
    );
    console.log(textTable(['', ''], machineInfoRows(info)));
    console.log(`\nrequests: ${requests} (${(requests / elapsed).toFixed(0)}/s)   failed requests: ${failures.length}`);
    console.log(textTable(['query', 'requests', 'p50 ms', 'p99 ms', 'max ms'], rows, ['left', 'right', 'right', 'right', 'right']));
    console.log(
      `\nmaintenance meanwhile: ${maintenance.purges} purges (${maintenance.purgedTokens} expired tokens removed), ${maintenance.backups} backups, ${maintenance.failures.length} failures`,
    );
    console.log(
      `\nserver RSS: start ${formatBytes(rss[0]?.bytes ?? 0)}, mid ${formatBytes(mid?.bytes ?? 0)} (${mid?.at.toFixed(0)} s), end ${formatBytes(end?.bytes ?? 0)}, max ${formatBytes(maxRss)}; mid→end ${(growth * 100).toFixed(1)} % (${memoryStable ? 'stable' : `GREW more than ${RSS_TOLERANCE * 100} %`})`,
    );
    console.log(`server log: ${logLines} lines, ${errorLines} at error level`);
    for (const f of [...failures.slice(0, 5), ...maintenance.failures.slice(0, 5)]) console.log(`  failure: ${f}`);
    process.exitCode = failures.length === 0 && maintenance.failures.length === 0 && memoryStable ? 0 : 1;
  } finally {
    if (server) await Promise.race([server.stop(), new Promise((r) => setTimeout(r, 15_000))]);
    rmSync(backupDir, { recursive: true, force: true });
    await bench.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`soak: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
