/**
 * A burst of keys written at once (a restore of a million keys, a bulk load): the real service
 * process, compiled and run as `npm start` runs it, follows a private redis-server while the bench
 * writes BURST_KEYS gateway-format keys (access tokens with their user-index SADDs, refresh tokens,
 * half of the tokens already expired) as fast as pipelines take them. Side by side in one run:
 *
 *   - `bounded`: the service as shipped (INDEX_MAX_PENDING=100000): past the bound the follower stops
 *     queuing keys and a reconcile takes over;
 *   - `unbounded`: INDEX_MAX_PENDING far above the burst, i.e. every notification is queued, as the
 *     follower did before the bound existed.
 *
 * For each it prints the service's peak RSS (VmHWM, and the sampled RSS while the burst lands), the
 * time from the last write until `indexStatus.ready`, the follower's overflows, and every `stats`
 * field as the service answers it next to an independent full scan of the store (exact equality is
 * the bound). Loopback only; the loop ends by itself.
 *
 *   npx tsx bench/index-burst.ts                 # 1,000,000 keys, bounded and unbounded
 *   BURST_KEYS=200000 npx tsx bench/index-burst.ts
 *   BURST_COMPARE=0 npx tsx bench/index-burst.ts  # the bounded follower alone
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { accessTokenValue } from '../src/redis/gateway-format.js';
import { pyJsonDumps } from '../src/redis/python-json.js';
import {
  type BenchRedis,
  type ServiceProcess,
  createBenchApp,
  envNumber,
  formatBytes,
  formatCount,
  startBenchRedis,
  startServiceProcess,
  textTable,
} from './lib.js';
import { processMemory } from './memory.js';

const KEYS = envNumber('BURST_KEYS', 1_000_000);
const USERS = 5000;

interface Status {
  indexStatus: { ready: boolean; complete: boolean; pending: number; overflows: number; followerRestarts: number };
}

async function query<T>(service: ServiceProcess, q: string): Promise<T> {
  const { status, body } = await service.post(q);
  if (!body.data) throw new Error(body.errors?.[0]?.message ?? `HTTP ${status}`);
  return body.data as T;
}

async function waitReady(service: ServiceProcess, timeoutMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { indexStatus } = await query<Status>(service, '{ indexStatus { ready complete pending overflows followerRestarts } }');
    if (indexStatus.ready) return performance.now() - started;
    if (performance.now() - started > timeoutMs) throw new Error(`indexes not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Writes the burst as the gateway's restore would: SETEX tokens + SADD user indexes, refresh tokens. */
async function burst(bench: BenchRedis, label: string): Promise<number> {
  const now = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const tokens = Math.floor(KEYS * 0.8);
  let pipeline = bench.redis.pipeline();
  let queued = 0;
  const flush = async () => {
    await pipeline.exec();
    pipeline = bench.redis.pipeline();
    queued = 0;
  };
  for (let i = 0; i < KEYS; i++) {
    const user = `user${i % USERS}`;
    if (i < tokens) {
      const jti = `${label}t${i}`;
      const expired = i % 2 === 0;
      const expiresAt = expired ? now - 3600 : now + 86_400;
      // Expired ones as an old restore left them: no TTL (Redis would not drop them).
      const value = accessTokenValue({
        sub: String(i % USERS),
        username: user,
        email: null,
        name: null,
        scope: 'openid',
        clientId: `client_${i % 50}`,
        createdAt: expiresAt - 86_400,
        expiresAt,
      });
      if (expired) pipeline.set(bench.keys.token(jti), value);
      else pipeline.set(bench.keys.token(jti), value, 'EX', 86_400);
      pipeline.sadd(bench.keys.userTokens(user), jti);
    } else {
      const record = pyJsonDumps({ user_id: String(i % USERS), username: user, client_id: `client_${i % 50}`, scope: 'openid', created_at: now - 60 });
      pipeline.set(bench.keys.refresh(`${label}r${i}`), record, 'EX', 2_592_000);
    }
    if (++queued >= 2000) await flush();
  }
  await flush();
  return performance.now() - started;
}

async function run(bench: BenchRedis, maxPending: number, label: string): Promise<string[]> {
  const backupDir = mkdtempSync(join(tmpdir(), 'oauth-admin-burst-'));
  const service = await startServiceProcess(
    bench,
    { BACKUP_DIR: backupDir, INDEX_CONFIGURE_NOTIFICATIONS: 'yes', INDEX_MAX_PENDING: String(maxPending), RATE_LIMIT_PER_SECOND: '0', LOG_LEVEL: 'warn' },
    { onLine: (line) => line.includes('index') && console.log(`    service: ${line.slice(0, 220)}`) },
  );
  try {
    await waitReady(service, 120_000);
    const pid = service.pid;
    const before = processMemory(pid, 'VmRSS');
    let peakSampled = before;
    const sampler = setInterval(() => {
      peakSampled = Math.max(peakSampled, processMemory(pid, 'VmRSS'));
    }, 50);
    console.log(`  ${label}: writing ${formatCount(KEYS)} keys...`);
    const writeMs = await burst(bench, label);
    const afterWrite = performance.now();
    const readyMs = await waitReady(service, 30 * 60_000);
    clearInterval(sampler);
    const hwm = processMemory(pid, 'VmHWM');
    const { indexStatus } = await query<Status>(service, '{ indexStatus { ready complete pending overflows followerRestarts } }');
    const fields =
      'registrations corruptRegistrations testRegistrations activeTokens expiredTokens corruptTokens refreshTokens expiredRefreshTokens authStates authCodes userIndexes staleIndexEntries userCount usersWithActiveTokens orphanTokens';
    const served = (await query<{ stats: Record<string, number> }>(service, `{ stats { ${fields} } }`)).stats;
    // The truth: a full scan of the store by a services instance of the bench's own (no index).
    const scanned = (await createBenchApp(bench).services.stats.scan()) as unknown as Record<string, number>;
    const diffs = fields
      .split(' ')
      .filter((f) => served[f] !== scanned[f])
      .map((f) => `${f}: served ${served[f]}, scan ${scanned[f]}`);
    console.log(
      `    written in ${(writeMs / 1000).toFixed(1)} s; ready ${((performance.now() - afterWrite) / 1000).toFixed(1)} s after the last write (${(readyMs / 1000).toFixed(1)} s of polling)`,
    );
    console.log(`    stats: ${diffs.length === 0 ? 'every field equals a full scan' : `DIFFER: ${diffs.join('; ')}`}`);
    console.log(
      `    service RSS ${formatBytes(before)} before, ${formatBytes(peakSampled)} peak sampled, VmHWM ${formatBytes(hwm)}; overflows ${indexStatus.overflows}`,
    );
    return [
      label,
      formatCount(maxPending),
      formatBytes(before),
      formatBytes(peakSampled),
      formatBytes(hwm),
      `${((performance.now() - afterWrite) / 1000).toFixed(1)} s`,
      String(indexStatus.overflows),
      diffs.length === 0 ? 'equal' : `${diffs.length} differ`,
    ];
  } finally {
    await service.stop();
    rmSync(backupDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const rows: string[][] = [];
  // The unbounded follower queues every notification: at a million keys it takes many minutes to
  // catch up (and most of a GiB); BURST_COMPARE=0 runs the bounded one alone.
  const variants = [['bounded', 100_000] as const, ...(process.env.BURST_COMPARE === '0' ? [] : [['unbounded', KEYS * 10] as const])];
  for (const [label, maxPending] of variants) {
    const bench = await startBenchRedis();
    try {
      rows.push(await run(bench, maxPending, label));
    } finally {
      await bench.stop();
    }
  }
  console.log(
    `\nburst of ${formatCount(KEYS)} keys (${formatCount(Math.floor(KEYS * 0.8))} access tokens, half expired without TTL, + user-index SADDs; the rest refresh tokens)`,
  );
  console.log(
    textTable(['follower', 'INDEX_MAX_PENDING', 'RSS before', 'RSS peak (sampled)', 'VmHWM', 'ready after burst', 'overflows', 'stats vs scan'], rows, [
      'left',
      'right',
      'right',
      'right',
      'right',
      'right',
      'right',
      'left',
    ]),
  );
  if (rows.some((r) => r[7] !== 'equal')) process.exitCode = 1;
}

await main();
