/**
 * The measured side of bench/backup.ts, in a process of its own: one backup or restore through the
 * backup service (what `createBackup` / `restoreBackup` call), with its wall time and peak memory.
 * bench/backup.ts compiles this file the way `npm start` compiles the service (bench/lib.ts
 * `compiledBench`) and runs it with Node and the service's flags (lib.ts `SERVICE_NODE_FLAGS`), as the product runs. It loads only the service
 * layer (not bench/lib.ts, not the GraphQL app).
 *
 *   node bench/.build/backup-worker.js backup|restore <redis url> <backup dir> [name]
 */
import { performance } from 'node:perf_hooks';
import { createRedis } from '../src/redis/connection.js';
import { createServices } from '../src/services.js';
import { rssHighWater } from './memory.js';

const PREFIXES = { oauth: 'oauth:', session: 'redis:session:', admin: 'oauth-admin:' };
/** The gateway's REFRESH_TOKEN_LIFETIME (bench/lib.ts GATEWAY_LIFETIMES.refresh). */
const REFRESH_LIFETIME = 2592000;

export interface WorkerResult {
  ms: number;
  keys: number;
  peakRss: number;
  peakHeap: number;
  /** The kernel's RSS high-water mark of this process (memory.ts rssHighWater). */
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
    const sums = final.categories.reduce((a, c) => ({ written: a.written + c.restored + c.overwritten + c.unchanged, skipped: a.skipped + c.skippedExpired }), {
      written: 0,
      skipped: 0,
    });
    detail = { ...sums, categories: final.categories };
    keys = sums.written + sums.skipped;
  }
  const ms = performance.now() - started;
  clearInterval(sampler);
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
  const result: WorkerResult = { ms, keys, peakRss, peakHeap, maxRss: rssHighWater(), startRss, detail };
  process.stdout.write(`\nRESULT ${JSON.stringify(result)}\n`);
  redis.disconnect();
}

const [op, url, dir, name] = process.argv.slice(2);
worker(op as 'backup' | 'restore', url as string, dir as string, name).catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
