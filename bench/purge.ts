/**
 * Purge throughput: seeds N access tokens (20 % expired) in the gateway's format, then measures
 *
 *   - ours: the `purgeExpired(dryRun: false)` mutation through `app.fetch` (admin bearer token),
 *     until its job ends (`services.jobs.wait(id)`);
 *   - a gateway-style baseline: what `scripts/purge_expired_tokens.py` does, in TypeScript with
 *     ioredis, one awaited round trip per command and no pipelining: `KEYS oauth:token:*`, then
 *     per key a GET, `(exp or expires_at or 0) < now` and a DEL; `KEYS` of refresh, code and state
 *     keys, then per key a TTL and, when `TTL <= 0`, a DEL; then its orphan user-index step (per
 *     index key: `KEYS oauth:token:*` again and a GET per token until one of that user's turns up).
 *
 * The data is seeded once per size and its derived indexes built (untimed); every run then gets a
 * fresh private `redis-server` started from a snapshot of exactly that data, and runs in its own
 * child process so one side's heap never counts against the other. BENCH_REPEAT interleaved rounds
 * (default 3) each run ours and the baseline back to back; the speedup is the median of the rounds'
 * ratios (the baseline is bound by round-trip latency, ours by CPU, so a shared machine's load
 * moves them differently). A child samples `process.memoryUsage()` every 50 ms and reports the
 * peak against its own pre-run level; the parent then checks what is left in Redis.
 *
 *   npx tsx bench/purge.ts                           # 100000 and 1000000 tokens
 *   BENCH_SIZES=10000 npx tsx bench/purge.ts         # quick run (or: npx tsx bench/purge.ts 10k)
 *   BENCH_BASELINE_BUDGET_S=600                      # the baseline stops here and is extrapolated
 *   BENCH_ORPHAN_BUDGET_S=60                         # time given to the baseline's O(users x tokens) orphan step (round 1)
 *   BENCH_REPEAT=3                                   # interleaved rounds of ours and the baseline
 *   BENCH_REDIS_URL=redis://host:6379                # that Redis under a random prefix (KEYS then walks it all;
 *                                                    # each run seeds again, one round)
 *   BENCH_CPU_PROF=dir                               # write a .cpuprofile of each child there
 *
 * Prints a table per size and writes the same as markdown to bench/RESULTS-purge.md.
 *
 * Only light modules are imported statically: this file is also the child (`--child ours|baseline`),
 * and the baseline child must not carry the app's modules in its memory figures.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Cluster } from 'ioredis';
import { type RedisClient, createRedis } from '../src/redis/connection.js';
import { type KeyPrefixes, prefixPattern } from '../src/redis/keys.js';
import type { BenchRedis, MachineInfo, SeedResult } from './lib.js';
import { rssHighWater } from './memory.js';

const SAMPLE_INTERVAL_MS = 50;
const MB = 1024 * 1024;

// Plain strings (not graphql()/gql): codegen scans bench/ and these need no generated types.
const PURGE = `mutation BenchPurge { purgeExpired(dryRun: false) { id status } }`;
const WARMUP = `query BenchWarmup { jobs(first: 1) { edges { node { id status } } } }`;

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

// ------------------------------------------------------------------------------------ memory

interface MemoryFigures {
  rss: number;
  heapUsed: number;
  external: number;
}

interface MemoryReport {
  /** Right before the run (after a GC). */
  before: MemoryFigures;
  /** Sampled maxima during the run (each field on its own). */
  peak: MemoryFigures;
  samples: number;
  /** The kernel's RSS high-water mark for the whole process (memory.ts `rssHighWater`), before and after the run. */
  maxRssBefore: number;
  maxRssAfter: number;
}

/** Samples `process.memoryUsage()` every `SAMPLE_INTERVAL_MS` from construction until `stop()`. */
class MemorySampler {
  private readonly before: MemoryFigures;
  private readonly peak: MemoryFigures;
  private readonly maxRssBefore: number;
  private samples = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(before?: MemoryFigures) {
    const now = process.memoryUsage();
    this.before = before ?? { rss: now.rss, heapUsed: now.heapUsed, external: now.external };
    this.peak = { rss: now.rss, heapUsed: now.heapUsed, external: now.external };
    this.maxRssBefore = rssHighWater();
    this.timer = setInterval(() => this.sample(), SAMPLE_INTERVAL_MS);
  }

  private sample(): void {
    const m = process.memoryUsage();
    this.samples += 1;
    if (m.rss > this.peak.rss) this.peak.rss = m.rss;
    if (m.heapUsed > this.peak.heapUsed) this.peak.heapUsed = m.heapUsed;
    if (m.external > this.peak.external) this.peak.external = m.external;
  }

  stop(): MemoryReport {
    this.sample();
    clearInterval(this.timer);
    return { before: { ...this.before }, peak: { ...this.peak }, samples: this.samples, maxRssBefore: this.maxRssBefore, maxRssAfter: rssHighWater() };
  }
}

/** A GC (children run with --expose-gc) and a moment for RSS to settle, so "before" is a floor. */
async function settle(): Promise<MemoryFigures> {
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 50));
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
}

// ------------------------------------------------------------------------------------ Redis commands

/** `INFO commandstats`: calls and server-side microseconds per command (pipelined or not, inside scripts too). */
async function commandStats(redis: RedisClient): Promise<Record<string, { calls: number; usec: number }>> {
  if (redis instanceof Cluster) return {};
  const text = await redis.info('commandstats');
  const out: Record<string, { calls: number; usec: number }> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/.exec(line);
    if (m) out[m[1] as string] = { calls: Number(m[2]), usec: Number(m[3]) };
  }
  return out;
}

function diffStats(
  after: Record<string, { calls: number; usec: number }>,
  before: Record<string, { calls: number; usec: number }>,
): { calls: Record<string, number>; usec: Record<string, number> } {
  const calls: Record<string, number> = {};
  const usec: Record<string, number> = {};
  for (const [name, a] of Object.entries(after)) {
    if (name === 'info') continue; // our own two INFO calls
    const d = a.calls - (before[name]?.calls ?? 0);
    if (d > 0) {
      calls[name] = d;
      usec[name] = a.usec - (before[name]?.usec ?? 0);
    }
  }
  return { calls, usec };
}

const sumValues = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);

// ------------------------------------------------------------------------------------ children

interface ChildArgs {
  kind: 'ours' | 'baseline';
  url: string;
  prefixes: KeyPrefixes;
  out: string;
  budgetMs: number;
  orphanBudgetMs: number;
}

interface JobSummary {
  status: string;
  error: string | null;
  counts: Record<string, number>;
  progress: { phase: string; scanned: number; matched: number; deleted: number };
}

interface OursResult {
  kind: 'ours';
  ms: number;
  job: JobSummary;
  /** Phase → ms, from the job's own updates (published at most every 250 ms, so approximate). */
  phases: { phase: string; ms: number; scanned: number }[];
  /** Calls per command, from the server. */
  commands: Record<string, number>;
  /** Server-side microseconds per command (a script's time counts under eval and under its commands). */
  commandUsec: Record<string, number>;
  memory: MemoryReport;
}

interface BaselineResult {
  kind: 'baseline';
  /** The per-key phases (tokens, then refresh/code/state keys), as measured (up to the budget). */
  perKey: {
    ms: number;
    truncated: boolean;
    /** Keys each phase's KEYS returned (counted after the budget ran out, untimed, for phases not reached). */
    totals: Record<string, number>;
    examined: Record<string, number>;
    deleted: Record<string, number>;
    commands: number;
    memory: MemoryReport;
  };
  orphan: {
    ran: boolean;
    /** Why it did not run, when it did not. */
    skipped: string | null;
    ms: number;
    cut: boolean;
    indexKeys: number;
    usersDone: number;
    /** ms of the users finished (the rate the extrapolation uses). */
    msForUsersDone: number;
    gets: number;
    removed: number;
    commands: number;
    memory: MemoryReport | null;
  };
}

type ChildResult = OursResult | BaselineResult;

function parseChildArgs(argv: readonly string[]): ChildArgs {
  const get = (name: string): string => {
    const at = argv.indexOf(name);
    const value = at >= 0 ? argv[at + 1] : undefined;
    if (value === undefined) throw new Error(`child: missing ${name}`);
    return value;
  };
  const kind = get('--child');
  if (kind !== 'ours' && kind !== 'baseline') throw new Error(`child: unknown kind ${kind}`);
  return {
    kind,
    url: get('--redis'),
    prefixes: JSON.parse(get('--prefixes')) as KeyPrefixes,
    out: get('--out'),
    budgetMs: Number(get('--budget-ms')),
    orphanBudgetMs: Number(get('--orphan-budget-ms')),
  };
}

async function childOurs(args: ChildArgs): Promise<OursResult> {
  const { createBenchApp } = await import('./lib.js');
  const redis = createRedis(args.url, { name: 'oauth-admin-bench-ours', commandTimeoutMs: 120_000 });
  redis.on('error', () => {});
  await redis.ping();
  const bench = createBenchApp({ redis, prefixes: args.prefixes });
  // The server is up and has answered before an operator purges: schema, Yoga and auth warmed.
  await bench.query(WARMUP);

  // Phase timeline from the job's own updates (wrapping this instance's publish, src untouched).
  const updates: { at: number; phase: string; scanned: number }[] = [];
  const events = bench.services.events;
  const publish = events.publish.bind(events);
  events.publish = ((...args: Parameters<typeof events.publish>) => {
    const state = args[2] as { progress?: { phase: string; scanned: number } } | undefined;
    if (state?.progress) updates.push({ at: performance.now(), phase: state.progress.phase, scanned: state.progress.scanned });
    publish(...args);
  }) as typeof events.publish;

  const before = await settle();
  const statsBefore = await commandStats(redis);
  const sampler = new MemorySampler(before);
  const t0 = performance.now();
  const data = await bench.query<{ purgeExpired: { id: string; status: string } }>(PURGE);
  const state = await bench.services.jobs.wait(data.purgeExpired.id);
  const ms = performance.now() - t0;
  const memory = sampler.stop();
  const { calls: commands, usec: commandUsec } = diffStats(await commandStats(redis), statsBefore);
  redis.disconnect();
  if (!state) throw new Error(`job ${data.purgeExpired.id} vanished`);

  const phases: OursResult['phases'] = [];
  let last = { at: t0, phase: 'request', scanned: 0 };
  for (const u of updates) {
    if (u.phase !== last.phase) {
      phases.push({ phase: last.phase, ms: u.at - last.at, scanned: u.scanned });
      last = u;
    }
  }
  phases.push({ phase: last.phase, ms: t0 + ms - last.at, scanned: state.progress.scanned });

  return {
    kind: 'ours',
    ms,
    job: {
      status: state.status,
      error: state.error,
      counts: { ...state.counts },
      progress: { phase: state.progress.phase, scanned: state.progress.scanned, matched: state.progress.matched, deleted: state.progress.deleted },
    },
    phases,
    commands,
    commandUsec,
    memory,
  };
}

/**
 * `check_token_expiry` of purge_expired_tokens.py: JSON (or a JWT's payload), then
 * `payload.get("exp", payload.get("expires_at", 0)) < int(time.time())`; anything that fails is
 * "not expired".
 */
function gatewayTokenExpired(data: string): boolean {
  try {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      const parts = data.split('.');
      if (parts.length !== 3) return false;
      payload = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8'));
    }
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return false;
    const o = payload as Record<string, unknown>;
    const expiresAt = 'exp' in o ? o.exp : 'expires_at' in o ? o.expires_at : 0;
    if (typeof expiresAt !== 'number') return false; // Python: None < int raises, caught → not expired
    return expiresAt < Math.floor(Date.now() / 1000);
  } catch {
    return false;
  }
}

async function childBaseline(args: ChildArgs): Promise<BaselineResult> {
  // One awaited round trip per command, as the gateway's scripts: no auto-pipelining (the service's default).
  const redis = createRedis(args.url, { name: 'oauth-admin-bench-baseline', commandTimeoutMs: 120_000, autoPipelining: false });
  redis.on('error', () => {});
  if (redis instanceof Cluster) throw new Error('the baseline runs KEYS on one server; use a single redis-server');
  await redis.ping();
  const p = args.prefixes.oauth;
  let commands = 0;
  // Untimed warm-up of the command path (JIT), as ours answers a query before it is timed.
  for (let i = 0; i < 2000; i++) await redis.get(`${p}bench-warmup-missing`);

  const before = await settle();
  const sampler = new MemorySampler(before);
  const t0 = performance.now();
  const deadline = t0 + args.budgetMs;
  let truncated = false;
  let stoppedAt = 0;
  const totals: Record<string, number> = {};
  const examined: Record<string, number> = {};
  const deleted: Record<string, number> = {};
  let seen = 0;
  const tick = () => {
    seen += 1;
    if (seen % 100_000 === 0) {
      const s = (performance.now() - t0) / 1000;
      log(`    baseline: ${seen.toLocaleString('en-US')} keys in ${s.toFixed(1)} s (${Math.round(seen / s).toLocaleString('en-US')}/s)`);
    }
  };
  const outOfTime = () => {
    if (performance.now() <= deadline) return false;
    truncated = true;
    stoppedAt = performance.now();
    return true;
  };

  // Access tokens: KEYS, then per key an awaited GET and, when expired, an awaited DEL.
  const tokenKeys = await redis.keys(`${p}token:*`);
  commands += 1;
  let tokenExamined = 0;
  let tokenDeleted = 0;
  for (const key of tokenKeys) {
    if (outOfTime()) break;
    const data = await redis.get(key);
    commands += 1;
    tokenExamined += 1;
    tick();
    if (data && gatewayTokenExpired(data)) {
      tokenDeleted += await redis.del(key);
      commands += 1;
    }
  }
  totals.token = tokenKeys.length;
  examined.token = tokenExamined;
  deleted.token = tokenDeleted;
  tokenKeys.length = 0;

  // Refresh tokens, codes, states: KEYS, then per key an awaited TTL and, when TTL <= 0, a DEL.
  for (const kind of ['refresh', 'code', 'state']) {
    const keys = await redis.keys(`${p}${kind}:*`);
    if (!truncated) commands += 1;
    let kindExamined = 0;
    let kindDeleted = 0;
    if (!truncated) {
      for (const key of keys) {
        if (outOfTime()) break;
        const ttl = await redis.ttl(key);
        commands += 1;
        kindExamined += 1;
        tick();
        if (ttl <= 0) {
          kindDeleted += await redis.del(key);
          commands += 1;
        }
      }
    }
    totals[kind] = keys.length;
    examined[kind] = kindExamined;
    deleted[kind] = kindDeleted;
  }
  const perKeyMs = (truncated ? stoppedAt : performance.now()) - t0;
  const perKeyMemory = sampler.stop();
  const totalDeleted = sumValues(deleted);

  // The orphan step: only after a real purge that deleted something, as the script does.
  const orphan: BaselineResult['orphan'] = {
    ran: false,
    skipped: null,
    ms: 0,
    cut: false,
    indexKeys: 0,
    usersDone: 0,
    msForUsersDone: 0,
    gets: 0,
    removed: 0,
    commands: 0,
    memory: null,
  };
  if (truncated) orphan.skipped = 'the per-key phases used up the budget';
  else if (totalDeleted === 0) orphan.skipped = 'nothing was deleted (the script skips it too)';
  else {
    orphan.ran = true;
    const orphanSampler = new MemorySampler(before);
    const start = performance.now();
    const orphanDeadline = Math.min(deadline, start + args.orphanBudgetMs);
    const indexKeys = await redis.keys(`${p}user_tokens:*`);
    orphan.commands += 1;
    orphan.indexKeys = indexKeys.length;
    users: for (const key of indexKeys) {
      if (performance.now() > orphanDeadline) {
        orphan.cut = true;
        break;
      }
      const username = key.split(':').at(-1);
      let hasActiveTokens = false;
      const allTokenKeys = await redis.keys(`${p}token:*`);
      orphan.commands += 1;
      for (let i = 0; i < allTokenKeys.length; i++) {
        if ((i & 1023) === 0 && performance.now() > orphanDeadline) {
          orphan.cut = true;
          break users;
        }
        const data = await redis.get(allTokenKeys[i] as string);
        orphan.commands += 1;
        orphan.gets += 1;
        if (data) {
          try {
            if ((JSON.parse(data) as { username?: unknown } | null)?.username === username) {
              hasActiveTokens = true;
              break;
            }
          } catch {
            // the script's bare except
          }
        }
      }
      if (!hasActiveTokens) {
        orphan.removed += await redis.del(key);
        orphan.commands += 1;
      }
      orphan.usersDone += 1;
      orphan.msForUsersDone = performance.now() - start;
      if (orphan.usersDone % 10 === 0)
        log(`    baseline orphan step: ${orphan.usersDone} of ${indexKeys.length} user indexes in ${(orphan.msForUsersDone / 1000).toFixed(1)} s`);
    }
    orphan.ms = performance.now() - start;
    orphan.memory = orphanSampler.stop();
  }
  redis.disconnect();
  return { kind: 'baseline', perKey: { ms: perKeyMs, truncated, totals, examined, deleted, commands, memory: perKeyMemory }, orphan };
}

async function childMain(): Promise<void> {
  const args = parseChildArgs(process.argv);
  const result = args.kind === 'ours' ? await childOurs(args) : await childBaseline(args);
  writeFileSync(args.out, JSON.stringify(result));
}

// ------------------------------------------------------------------------------------ parent

const selfPath = fileURLToPath(import.meta.url);
/** This file compiled as `npm start` compiles the service: the children run it with the service's Node flags. */
let compiled: Promise<string> | null = null;

/** Runs one measurement in a child process of its own; resolves with what it wrote. */
async function runChild(args: Omit<ChildArgs, 'out'>, hardLimitMs: number): Promise<ChildResult> {
  compiled ??= import('./lib.js').then((lib) => lib.compiledBench(selfPath));
  const entry = await compiled;
  const dir = mkdtempSync(join(tmpdir(), 'oauth-admin-purge-bench-'));
  const out = join(dir, 'result.json');
  const profDir = process.env.BENCH_CPU_PROF?.trim();
  const nodeArgs = [
    '--expose-gc',
    ...(await import('./lib.js')).SERVICE_NODE_FLAGS,
    ...(profDir ? ['--cpu-prof', `--cpu-prof-dir=${join(profDir, `${args.kind}-${Date.now()}`)}`] : []),
    entry,
    '--child',
    args.kind,
    '--redis',
    args.url,
    '--prefixes',
    JSON.stringify(args.prefixes),
    '--out',
    out,
    '--budget-ms',
    String(Math.round(args.budgetMs)),
    '--orphan-budget-ms',
    String(Math.round(args.orphanBudgetMs)),
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, { stdio: ['ignore', 'inherit', 'inherit'] });
    const killer = setTimeout(() => {
      log(`  ${args.kind} child exceeded ${Math.round(hardLimitMs / 1000)} s: stopping it (pid ${child.pid})`);
      child.kill('SIGKILL');
    }, hardLimitMs);
    child.once('error', (e) => {
      clearTimeout(killer);
      reject(e);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(killer);
      try {
        if (code !== 0) throw new Error(`${args.kind} child exited with ${signal ?? `code ${code}`}`);
        resolve(JSON.parse(readFileSync(out, 'utf8')) as ChildResult);
      } catch (error) {
        reject(error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

interface Check {
  what: string;
  ok: boolean;
  detail: string;
}

interface Leftovers {
  expiredTokensLeft: number;
  activeTokensMissing: number;
  refreshLeft: number;
  refreshWithoutTtlLeft: number;
  clientsLeft: number;
  indexKeysLeft: number;
  staleEntriesLeft: number;
  /**
   * Keys Redis expired by itself since it started (INFO stats `expired_keys`; null on a shared
   * server). Some refresh tokens of long-expired access tokens are seeded with seconds of TTL left.
   */
  expiredByRedis: number | null;
}

/** What is in Redis after a run, read independently of the service (EXISTS, SCAN, SMEMBERS, PTTL). */
async function leftovers(bench: BenchRedis, seed: SeedResult, expiredBefore: number): Promise<Leftovers> {
  const { existMany, readPttls, readSets, collectKeys } = await import('../src/redis/batch.js');
  const count = (xs: boolean[], want: boolean) => xs.reduce((n, x) => n + (x === want ? 1 : 0), 0);
  const expiredTokensLeft = count(
    await existMany(
      bench.redis,
      seed.expiredJtis.map((j) => bench.keys.token(j)),
    ),
    true,
  );
  const activeTokensMissing = count(
    await existMany(
      bench.redis,
      seed.activeJtis.map((j) => bench.keys.token(j)),
    ),
    false,
  );
  const refreshKeys = await collectKeys(bench.redis, bench.keys.pattern('refresh'));
  const refreshWithoutTtlLeft = (await readPttls(bench.redis, refreshKeys)).filter((t) => t === -1).length;
  const clientsLeft = (await collectKeys(bench.redis, bench.keys.pattern('client'))).length;
  const indexKeys = await collectKeys(bench.redis, bench.keys.pattern('user_tokens'));
  let staleEntriesLeft = 0;
  const sets = await readSets(bench.redis, indexKeys);
  for (let i = 0; i < sets.length; i += 200) {
    const members = sets.slice(i, i + 200).flat();
    staleEntriesLeft += count(
      await existMany(
        bench.redis,
        members.map((j) => bench.keys.token(j)),
      ),
      false,
    );
  }
  const { redisInfo } = await import('./lib.js');
  // `expiredBefore`: what the seeding server expired before its snapshot was taken; keys that
  // expired while they sat in the snapshot are dropped when it loads (and counted there).
  const expiredByRedis = bench.isPrivate
    ? expiredBefore +
      Number((await redisInfo(bench.redis, 'stats'))[0]?.expired_keys ?? Number.NaN) +
      Number((await redisInfo(bench.redis, 'persistence'))[0]?.rdb_last_load_keys_expired ?? 0)
    : null;
  return {
    expiredTokensLeft,
    activeTokensMissing,
    refreshLeft: refreshKeys.length,
    refreshWithoutTtlLeft,
    clientsLeft,
    indexKeysLeft: indexKeys.length,
    staleEntriesLeft,
    expiredByRedis,
  };
}

function checkEq(what: string, actual: number, expected: number): Check {
  return { what, ok: actual === expected, detail: `${fmt(actual)}${actual === expected ? '' : ` (expected ${fmt(expected)})`}` };
}

/**
 * Refresh tokens: every expired one (seeded without TTL) is gone, at least the seeded expired
 * ones were deleted, and deleted + left + expired by Redis itself = seeded (nothing else vanished).
 * A refresh token whose lifetime ends during the run may go either way (our rule and its TTL agree).
 */
function refreshChecks(deleted: number, seed: SeedResult, left: Leftovers): Check[] {
  const c = seed.counts;
  const byRedis = left.expiredByRedis;
  const checks: Check[] = [
    checkEq('expired refresh tokens left (no TTL)', left.refreshWithoutTtlLeft, 0),
    {
      what: 'refresh tokens deleted (>= seeded expired)',
      ok: deleted >= c.expiredRefreshTokens,
      detail: `${fmt(deleted)} (seeded expired ${fmt(c.expiredRefreshTokens)}${deleted > c.expiredRefreshTokens ? `; ${fmt(deleted - c.expiredRefreshTokens)} reached their lifetime during the run` : ''})`,
    },
  ];
  if (byRedis === null) {
    checks.push({
      what: 'refresh tokens left',
      ok: left.refreshLeft + deleted <= c.refreshTokens,
      detail: `${fmt(left.refreshLeft)} of ${fmt(c.refreshTokens)} (shared Redis: expiry by Redis not counted)`,
    });
  } else {
    // Redis's expired_keys counts every key it expired (our own job and lock keys too): the refresh
    // tokens missing from deleted + left must be at most that many.
    const missing = c.refreshTokens - deleted - left.refreshLeft;
    checks.push({
      what: 'refresh tokens: seeded - deleted - left, all expired by Redis',
      ok: missing >= 0 && missing <= byRedis,
      detail: `${fmt(c.refreshTokens)} - ${fmt(deleted)} - ${fmt(left.refreshLeft)} = ${fmt(missing)}; keys Redis expired: ${fmt(byRedis)}`,
    });
  }
  return checks;
}

function checksOurs(r: OursResult, seed: SeedResult, left: Leftovers): Check[] {
  const c = seed.counts;
  return [
    { what: 'job status', ok: r.job.status === 'SUCCEEDED', detail: r.job.status + (r.job.error ? ` (${r.job.error})` : '') },
    checkEq('access tokens deleted (= seeded expired)', r.job.counts.accessTokens ?? -1, c.expiredTokens),
    checkEq('active tokens removed', left.activeTokensMissing, 0),
    checkEq('expired tokens left', left.expiredTokensLeft, 0),
    ...refreshChecks(r.job.counts.refreshTokens ?? -1, seed, left),
    checkEq('clients left', left.clientsLeft, c.clients),
    checkEq('index entries removed (expired + stale)', r.job.counts.userIndexEntries ?? -1, c.expiredTokens + c.staleIndexEntries),
    checkEq('stale index entries left', left.staleEntriesLeft, 0),
  ];
}

function checksBaseline(r: BaselineResult, seed: SeedResult, left: Leftovers): Check[] {
  const c = seed.counts;
  const checks: Check[] = [checkEq('active tokens removed', left.activeTokensMissing, 0), checkEq('clients left', left.clientsLeft, c.clients)];
  if (r.perKey.truncated) {
    checks.push({ what: 'stopped by the budget', ok: true, detail: `${fmt(left.expiredTokensLeft)} expired tokens were not reached` });
    return checks;
  }
  checks.push(
    checkEq('access tokens deleted (= seeded expired)', r.perKey.deleted.token ?? -1, c.expiredTokens),
    checkEq('expired tokens left', left.expiredTokensLeft, 0),
    ...refreshChecks(r.perKey.deleted.refresh ?? -1, seed, left),
    // Not a failure: the gateway's script never prunes index entries (semantics.md's purge does).
    { what: 'stale index entries left (the script never prunes them)', ok: true, detail: fmt(left.staleEntriesLeft) },
  );
  return checks;
}

/** One interleaved round: our purge (with indexes) and the baseline, back to back on the same data. */
interface Round {
  ours: OursResult;
  oursChecks: Check[];
  baseline: BaselineResult;
  baselineChecks: Check[];
}

interface SizeResult {
  size: number;
  seed: SeedResult;
  /** Every round (the first one's runs are the ones the detail tables show). */
  rounds: Round[];
  /** The purge with the derived indexes built (as a running service keeps them): round 1. */
  ours: OursResult;
  oursChecks: Check[];
  /** Building those indexes beforehand (the reconcile job; not part of the purge). */
  indexBuild: { ms: number; keys: number };
  /** The same purge without indexes: a pass over every key. */
  oursScan: OursResult;
  oursScanChecks: Check[];
  /** Round 1's baseline (the only one that runs the script's orphan step). */
  baseline: BaselineResult;
  baselineChecks: Check[];
}

/** Active tokens outlive every round of a size (the runs restore one snapshot over several minutes). */
const ACTIVE_FOR_SECONDS = 3 * 3600;

async function seedFresh(size: number, redisUrl: string | undefined, label: string): Promise<{ bench: BenchRedis; seed: SeedResult }> {
  const { seedGatewayData, startBenchRedis } = await import('./lib.js');
  const bench = await startBenchRedis({ url: redisUrl });
  try {
    const seed = await seedGatewayData(bench.redis, bench.keys, {
      tokens: size,
      seed: size,
      activeForSeconds: ACTIVE_FOR_SECONDS,
      onProgress: (sent) => {
        if (sent % 500_000 === 0) log(`  seeding for ${label}: ${fmt(sent)} commands`);
      },
    });
    log(
      `  seeded for ${label} in ${(seed.ms / 1000).toFixed(1)} s (${bench.isPrivate ? `private redis-server at ${bench.url}` : `${bench.url}, prefix ${bench.prefixes.oauth}`})`,
    );
    return { bench, seed };
  } catch (error) {
    await bench.stop();
    throw error;
  }
}

/** Where each run's data comes from: a snapshot of the seeded store (private server), or a fresh seeding (shared server). */
interface DataSource {
  /** A store holding the seeded data (with the derived indexes built when `indexes`). */
  open(label: string, indexes: boolean): Promise<BenchRedis>;
  /** Keys the seeded server expired before the snapshot (gone from it, so from every run's data). */
  expiredBefore: number;
  close(): Promise<void>;
}

/** One child run on data from `source`, checked afterwards. */
async function measure(
  source: DataSource,
  seed: SeedResult,
  kind: 'ours' | 'baseline',
  label: string,
  indexes: boolean,
  budgetMs: number,
  orphanBudgetMs: number,
): Promise<{ result: ChildResult; checks: Check[] }> {
  const bench = await source.open(label, indexes);
  try {
    log(
      `  ${label}: ${kind === 'ours' ? 'purgeExpired(dryRun: false)' : `gateway-style purge (budget ${Math.round(budgetMs / 1000)} s, orphan step ${Math.round(orphanBudgetMs / 1000)} s)`} ...`,
    );
    const result = await runChild(
      { kind, url: bench.url, prefixes: bench.prefixes, budgetMs, orphanBudgetMs },
      kind === 'ours' ? 30 * 60_000 : budgetMs + 10 * 60_000,
    );
    const left = await leftovers(bench, seed, source.expiredBefore);
    let checks: Check[];
    if (result.kind === 'ours') {
      log(`  ${label}: ${(result.ms / 1000).toFixed(2)} s, peak RSS ${mb(result.memory.peak.rss)} (+${mb(result.memory.peak.rss - result.memory.before.rss)})`);
      checks = checksOurs(result, seed, left);
    } else {
      const est = baselineEstimate(result);
      log(
        `  ${label}: per-key phases ${(result.perKey.ms / 1000).toFixed(1)} s${result.perKey.truncated ? ` (stopped by the budget; estimated ${(est.perKeyMs / 1000).toFixed(0)} s)` : ''}`,
      );
      checks = checksBaseline(result, seed, left);
    }
    reportChecks(label, checks);
    return { result, checks };
  } finally {
    await bench.stop();
  }
}

async function runSize(
  size: number,
  redisUrl: string | undefined,
  budgetMs: number,
  orphanBudgetMs: number,
  repeat: number,
  machine: { info?: MachineInfo },
): Promise<SizeResult> {
  const lib = await import('./lib.js');
  log(`\n== ${fmt(size)} tokens`);
  // Seed once and build the derived indexes (the reconcile job, as a running service's leader
  // does; untimed). On a private server every run then starts from a snapshot of exactly that
  // data; on a shared server (BENCH_REDIS_URL) each run seeds again, one round only.
  const first = await seedFresh(size, redisUrl, 'the runs');
  const seed = first.seed;
  machine.info ??= await lib.machineInfo(first.bench.redis);
  log(`  ${shape(seed)}`);
  log('  building the derived indexes (reconcile job, untimed for the purge) ...');
  const indexBuild = await buildIndexes(first.bench);
  log(`  indexes built in ${(indexBuild.ms / 1000).toFixed(1)} s (${fmt(indexBuild.keys)} keys)`);
  let source: DataSource;
  let rounds = repeat;
  if (first.bench.isPrivate) {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-admin-purge-snapshot-'));
    const snapshot = join(dir, 'seeded.rdb');
    await lib.saveSnapshot(first.bench, snapshot);
    const expiredBefore = Number((await lib.redisInfo(first.bench.redis, 'stats'))[0]?.expired_keys ?? 0);
    await first.bench.stop();
    source = {
      open: async (label, indexes) => {
        const bench = await lib.startBenchRedis({ snapshot });
        // Without indexes: as on data the service has never indexed (nothing under our prefix).
        if (!indexes) await deleteAdminKeys(bench);
        else await lib.startIndexLeader(bench);
        log(`  ${label}: data from the snapshot${indexes ? ', indexes built' : ', no indexes'}`);
        return bench;
      },
      expiredBefore,
      close: async () => rmSync(dir, { recursive: true, force: true }),
    };
  } else {
    rounds = 1;
    let unused: BenchRedis | null = first.bench;
    source = {
      open: async (label, indexes) => {
        if (unused && indexes) {
          const bench = unused;
          unused = null;
          await lib.startIndexLeader(bench);
          return bench;
        }
        const again = await seedFresh(size, redisUrl, label);
        sameSeed(again.seed, seed);
        if (indexes) await lib.startIndexLeader(again.bench);
        return again.bench;
      },
      expiredBefore: 0,
      close: async () => {
        await unused?.stop();
      },
    };
  }
  try {
    const done: Round[] = [];
    for (let round = 1; round <= rounds; round++) {
      const tag = rounds > 1 ? ` [${round}/${rounds}]` : '';
      const ours = await measure(source, seed, 'ours', `ours (indexes)${tag}`, true, budgetMs, orphanBudgetMs);
      // The script's orphan step takes its whole budget every time: round 1 shows it.
      const baseline = await measure(source, seed, 'baseline', `baseline${tag}`, false, budgetMs, round === 1 ? orphanBudgetMs : 0);
      done.push({ ours: ours.result as OursResult, oursChecks: ours.checks, baseline: baseline.result as BaselineResult, baselineChecks: baseline.checks });
    }
    const scan = await measure(source, seed, 'ours', 'ours (scan)', false, budgetMs, orphanBudgetMs);
    const r1 = done[0] as Round;
    return {
      size,
      seed,
      rounds: done,
      ours: r1.ours,
      oursChecks: r1.oursChecks,
      indexBuild,
      oursScan: scan.result as OursResult,
      oursScanChecks: scan.checks,
      baseline: r1.baseline,
      baselineChecks: r1.baselineChecks,
    };
  } finally {
    await source.close();
  }
}

/** Removes everything under the admin prefix (derived indexes, jobs, the index's live mark). */
async function deleteAdminKeys(bench: BenchRedis): Promise<void> {
  const { deleteKeys } = await import('./lib.js');
  await deleteKeys(bench.redis, prefixPattern(bench.prefixes.admin));
}

function sameSeed(again: SeedResult, seed: SeedResult): void {
  if (again.jtis.length !== seed.jtis.length || again.jtis.some((j, i) => j !== seed.jtis[i])) {
    throw new Error('the reseed differs from the first seeding: the runs would not purge the same data');
  }
}

/**
 * Builds the derived indexes with a reconcile job (timed), as the service's leader does at start.
 * A purge takes its candidates from them only while a leader follows the changes (its barrier
 * must come back), so every run "with indexes" has a leader running beside the purge child
 * (`startIndexLeader` in the parent, which also applies the purge's deletions as they happen).
 */
async function buildIndexes(bench: BenchRedis): Promise<{ ms: number; keys: number }> {
  const { createBenchApp } = await import('./lib.js');
  const app = createBenchApp(bench);
  const started = performance.now();
  const job = await app.services.indexes.reconcile({ role: 'admin', name: 'bench' }, false);
  const done = await app.services.jobs.wait(job.id);
  if (done?.status !== 'SUCCEEDED') throw new Error(`reconcile ended ${done?.status ?? 'unknown'}: ${done?.error ?? ''}`);
  return { ms: performance.now() - started, keys: done.progress.scanned };
}

function reportChecks(label: string, checks: Check[]): void {
  for (const c of checks) log(`    ${c.ok ? 'ok  ' : 'FAIL'} ${label}: ${c.what}: ${c.detail}`);
}

// ------------------------------------------------------------------------------------ figures

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function mb(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MiB`;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  if (s >= 3600) return `${(s / 3600).toFixed(1)} h`;
  return s >= 100 ? `${s.toFixed(0)} s` : s >= 10 ? `${s.toFixed(1)} s` : `${s.toFixed(2)} s`;
}

function shape(seed: SeedResult): string {
  const c = seed.counts;
  return (
    `${fmt(c.tokens)} tokens (${fmt(c.activeTokens)} active, ${fmt(c.expiredTokens)} expired of which ${fmt(c.expiredWithoutTtl)} without TTL), ` +
    `${fmt(c.refreshTokens)} refresh tokens (${fmt(c.expiredRefreshTokens)} expired, stored without TTL), ${fmt(c.clients)} clients, ` +
    `${fmt(c.users)} users, ${fmt(c.staleIndexEntries)} stale index entries; seeded in ${(seed.ms / 1000).toFixed(1)} s ` +
    `(${fmt(c.commands)} commands in pipelines of 1000)`
  );
}

interface BaselineEstimate {
  /** Per-key phases: measured, or elapsed x (all keys / keys examined) when the budget stopped it. */
  perKeyMs: number;
  perKeyExtrapolated: boolean;
  keysTotal: number;
  keysExamined: number;
  keysDeleted: number;
  /** The orphan step: measured, or (ms per finished user) x index keys; null when unknown. */
  orphanMs: number | null;
  orphanExtrapolated: boolean;
}

function baselineEstimate(b: BaselineResult): BaselineEstimate {
  const keysTotal = sumValues(b.perKey.totals);
  const keysExamined = sumValues(b.perKey.examined);
  const perKeyExtrapolated = b.perKey.truncated;
  const perKeyMs = perKeyExtrapolated ? (b.perKey.ms * keysTotal) / Math.max(1, keysExamined) : b.perKey.ms;
  let orphanMs: number | null = null;
  let orphanExtrapolated = false;
  if (b.orphan.ran) {
    if (!b.orphan.cut) orphanMs = b.orphan.ms;
    else if (b.orphan.usersDone > 0) {
      orphanMs = (b.orphan.msForUsersDone / b.orphan.usersDone) * b.orphan.indexKeys;
      orphanExtrapolated = true;
    }
  }
  return { perKeyMs, perKeyExtrapolated, keysTotal, keysExamined, keysDeleted: sumValues(b.perKey.deleted), orphanMs, orphanExtrapolated };
}

function oursKeys(r: OursResult): { examined: number; deleted: number } {
  const c = r.job.counts;
  return {
    examined: r.job.progress.scanned,
    deleted: (c.accessTokens ?? 0) + (c.refreshTokens ?? 0) + (c.authCodes ?? 0) + (c.authStates ?? 0) + (c.userIndexes ?? 0),
  };
}

const HEADERS = [
  'run',
  'wall time',
  'keys examined',
  'examined/s',
  'keys deleted',
  'deleted/s',
  'Redis cmds',
  'peak RSS',
  'RSS +',
  'peak heapUsed',
  'heapUsed +',
];
const ALIGN = ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] as const;

function memoryCells(m: MemoryReport, base: MemoryFigures = m.before): string[] {
  return [mb(m.peak.rss), mb(Math.max(0, m.peak.rss - base.rss)), mb(m.peak.heapUsed), mb(Math.max(0, m.peak.heapUsed - base.heapUsed))];
}

function rowsOf(r: SizeResult): string[][] {
  const e = baselineEstimate(r.baseline);
  const b = r.baseline;
  const perKeyS = b.perKey.ms / 1000;
  const oursRow = (label: string, run: OursResult): string[] => {
    const k = oursKeys(run);
    return [
      label,
      seconds(run.ms),
      fmt(k.examined),
      fmt(k.examined / (run.ms / 1000)),
      fmt(k.deleted),
      fmt(k.deleted / (run.ms / 1000)),
      fmt(sumValues(run.commands)),
      ...memoryCells(run.memory),
    ];
  };
  const rows: string[][] = [
    oursRow('ours: purgeExpired job, candidates from the indexes', r.ours),
    oursRow('ours: purgeExpired job, no indexes (pass over every key)', r.oursScan),
    [
      `baseline: KEYS + GET/TTL + DEL per key${e.perKeyExtrapolated ? ' (stopped, extrapolated)' : ''}`,
      e.perKeyExtrapolated ? `~${seconds(e.perKeyMs)} (ran ${seconds(b.perKey.ms)})` : seconds(b.perKey.ms),
      e.perKeyExtrapolated ? `${fmt(e.keysExamined)} of ${fmt(e.keysTotal)}` : fmt(e.keysExamined),
      fmt(e.keysExamined / perKeyS),
      fmt(e.keysDeleted),
      fmt(e.keysDeleted / perKeyS),
      fmt(b.perKey.commands),
      ...memoryCells(b.perKey.memory),
    ],
  ];
  if (b.orphan.ran && b.orphan.memory) {
    const s = b.orphan.ms / 1000;
    rows.push([
      `baseline: orphan user-index step${b.orphan.cut ? ' (stopped, extrapolated)' : ''}`,
      e.orphanMs === null ? `> ${seconds(b.orphan.ms)}` : b.orphan.cut ? `~${seconds(e.orphanMs)} (ran ${seconds(b.orphan.ms)})` : seconds(b.orphan.ms),
      `${fmt(b.orphan.usersDone)} of ${fmt(b.orphan.indexKeys)} indexes (${fmt(b.orphan.gets)} GETs)`,
      fmt(b.orphan.usersDone / s),
      fmt(b.orphan.removed),
      fmt(b.orphan.removed / s),
      fmt(b.orphan.commands),
      ...memoryCells(b.orphan.memory, b.perKey.memory.before),
    ]);
  } else {
    rows.push([`baseline: orphan user-index step (not run: ${b.orphan.skipped ?? 'unknown'})`, '-', '-', '-', '-', '-', '-', '-', '-', '-', '-']);
  }
  return rows;
}

interface Verdict {
  /** Median over the rounds of baseline / ours, each round's two runs back to back. */
  speedup: number;
  speedupLow: number;
  speedupHigh: number;
  speedupExtrapolated: boolean;
  fullSpeedup: number | null;
  /** The highest of any round. */
  peakRss: number;
  peakRssDelta: number;
}

function roundSpeedup(r: Round): number {
  return baselineEstimate(r.baseline).perKeyMs / r.ours.ms;
}

function verdict(r: SizeResult): Verdict {
  const e = baselineEstimate(r.baseline);
  const ratios = r.rounds.map(roundSpeedup).sort((a, b) => a - b);
  const mid = ratios.length >> 1;
  const speedup = ratios.length % 2 === 1 ? (ratios[mid] as number) : ((ratios[mid - 1] as number) + (ratios[mid] as number)) / 2;
  const peak = (o: OursResult) => Math.max(o.memory.peak.rss, o.memory.maxRssAfter > o.memory.maxRssBefore ? o.memory.maxRssAfter : 0);
  return {
    speedup,
    speedupLow: ratios[0] as number,
    speedupHigh: ratios[ratios.length - 1] as number,
    speedupExtrapolated: r.rounds.some((x) => baselineEstimate(x.baseline).perKeyExtrapolated),
    fullSpeedup: e.orphanMs === null ? null : (e.perKeyMs + e.orphanMs) / r.ours.ms,
    peakRss: Math.max(...r.rounds.map((x) => peak(x.ours))),
    peakRssDelta: Math.max(...r.rounds.map((x) => x.ours.memory.peak.rss - x.ours.memory.before.rss)),
  };
}

/** `12.3x` or, over several rounds, `12.3x (10.1x-14.0x)`. */
function speedupText(v: Verdict, rounds: number): string {
  return `${v.speedup.toFixed(1)}x${rounds > 1 ? ` (${v.speedupLow.toFixed(1)}x-${v.speedupHigh.toFixed(1)}x)` : ''}`;
}

function detailLines(r: SizeResult): string[] {
  const o = r.ours;
  const b = r.baseline;
  const e = baselineEstimate(b);
  const v = verdict(r);
  const c = o.job.counts;
  const cmds = Object.entries(o.commands)
    .sort((a, b) => b[1] - a[1])
    .map(([n, k]) => `${n} ${fmt(k)} (${seconds((o.commandUsec[n] ?? 0) / 1000)})`)
    .join(', ');
  const lines = [
    `Indexes built before our first run by the reconcile job in ${seconds(r.indexBuild.ms)} (${fmt(r.indexBuild.keys)} keys): a running service builds them at start and keeps them current; that time is not part of the purge.`,
    `Speedup (baseline per-key phases / ours with indexes, each round's two runs back to back): median ${speedupText(v, r.rounds.length)}${v.speedupExtrapolated ? ' (baseline extrapolated)' : ''}` +
      (v.fullSpeedup === null
        ? ''
        : `; round 1 with the script's orphan step: ${v.fullSpeedup.toFixed(0)}x${e.orphanExtrapolated ? ' (orphan step extrapolated)' : ''}`),
    ...(r.rounds.length > 1
      ? [
          `Rounds (ours with indexes / baseline per-key phases = speedup): ${r.rounds
            .map(
              (x, i) =>
                `${i + 1}: ${seconds(x.ours.ms)} / ${baselineEstimate(x.baseline).perKeyExtrapolated ? '~' : ''}${seconds(baselineEstimate(x.baseline).perKeyMs)} = ${roundSpeedup(x).toFixed(1)}x, peak RSS ${mb(x.ours.memory.peak.rss)}`,
            )
            .join('; ')}. The tables above show round 1.`,
        ]
      : []),
    `Ours removed ${fmt(c.accessTokens ?? 0)} access tokens, ${fmt(c.refreshTokens ?? 0)} refresh tokens, ${fmt(c.authCodes ?? 0)} codes, ${fmt(c.authStates ?? 0)} states, ` +
      `${fmt(c.userIndexEntries ?? 0)} index entries and ${fmt(c.userIndexes ?? 0)} index keys left empty; the job scanned ${fmt(o.job.progress.scanned)} keys.`,
    `Ours, time by phase (from the job's updates, at most 4 a second, so +-250 ms; a phase that finds no keys never reports, so its walk counts under the phase before): ${o.phases.map((p) => `${p.phase} ${seconds(p.ms)}`).join(', ')}.`,
    `Ours, Redis commands (server-side INFO commandstats: calls, and Redis CPU time in brackets; commands run by a script also count under eval): ${cmds}.`,
    `Ours, memory: RSS ${mb(o.memory.before.rss)} before, peak ${mb(o.memory.peak.rss)}; heapUsed ${mb(o.memory.before.heapUsed)} before, peak ${mb(o.memory.peak.heapUsed)}; ` +
      `external peak ${mb(o.memory.peak.external)}; kernel RSS high-water mark (VmHWM) ${mb(o.memory.maxRssBefore)} before the run, ${mb(o.memory.maxRssAfter)} after (${fmt(o.memory.samples)} samples).`,
    `Baseline, memory in the per-key phases: RSS ${mb(b.perKey.memory.before.rss)} before, peak ${mb(b.perKey.memory.peak.rss)}; heapUsed peak ${mb(b.perKey.memory.peak.heapUsed)}; ` +
      `kernel RSS high-water mark (VmHWM) after ${mb(b.perKey.memory.maxRssAfter)}.` +
      (b.orphan.memory
        ? ` Orphan step: RSS peak ${mb(b.orphan.memory.peak.rss)}, heapUsed peak ${mb(b.orphan.memory.peak.heapUsed)} (each of its KEYS returns every token key).`
        : ''),
    `Baseline per phase: ${Object.keys(b.perKey.totals)
      .map((k) => `${k} ${fmt(b.perKey.examined[k] ?? 0)}/${fmt(b.perKey.totals[k] ?? 0)} examined, ${fmt(b.perKey.deleted[k] ?? 0)} deleted`)
      .join('; ')}.`,
  ];
  if (e.perKeyExtrapolated) {
    lines.push(
      `The baseline's per-key phases hit the budget after ${seconds(b.perKey.ms)} with ${fmt(e.keysExamined)} of ${fmt(e.keysTotal)} keys examined; ` +
        `its time is EXTRAPOLATED at that rate (${fmt(e.keysExamined / (b.perKey.ms / 1000))} keys/s) to ~${seconds(e.perKeyMs)}.`,
    );
  }
  if (b.orphan.ran && b.orphan.cut) {
    lines.push(
      e.orphanMs === null
        ? `The baseline's orphan step finished no user index in ${seconds(b.orphan.ms)}; not extrapolated.`
        : `The baseline's orphan step was stopped after ${seconds(b.orphan.ms)} with ${fmt(b.orphan.usersDone)} of ${fmt(b.orphan.indexKeys)} user indexes done; ` +
            `its time is EXTRAPOLATED at ${seconds(b.orphan.msForUsersDone / b.orphan.usersDone)} per index to ~${seconds(e.orphanMs)}.`,
    );
  }
  return lines;
}

function summaryRows(results: SizeResult[]): string[][] {
  return results.map((r) => {
    const v = verdict(r);
    const e = baselineEstimate(r.baseline);
    return [
      fmt(r.size),
      seconds(r.ours.ms),
      seconds(r.oursScan.ms),
      `${e.perKeyExtrapolated ? '~' : ''}${seconds(e.perKeyMs)}`,
      `${speedupText(v, r.rounds.length)}${v.speedupExtrapolated ? ' (extrapolated)' : ''}`,
      e.orphanMs === null ? '-' : `${e.orphanExtrapolated ? '~' : ''}${seconds(e.orphanMs)}`,
      mb(v.peakRss),
      mb(v.peakRssDelta),
      mb(r.baseline.perKey.memory.peak.rss),
      allChecks(r).every((c) => c.ok) ? 'ok' : 'FAILED',
    ];
  });
}

const SUMMARY_HEADERS = [
  'tokens',
  'ours (indexes, round 1)',
  'ours (no indexes)',
  'baseline (per-key, round 1)',
  'speedup (median, range)',
  'baseline orphan step',
  'ours peak RSS',
  'ours RSS +',
  'baseline peak RSS',
  'checks',
];

function allChecks(r: SizeResult): Check[] {
  return [...r.rounds.flatMap((x) => [...x.oursChecks, ...x.baselineChecks]), ...r.oursScanChecks];
}
const SUMMARY_ALIGN = ['right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'] as const;

function targetLines(results: SizeResult[]): string[] {
  const at1m = results.find((r) => r.size === 1_000_000);
  if (!at1m) return ['Targets (issue 3: at 1M tokens >= 20x the baseline, peak memory < 200 MB): not evaluated, 1,000,000 was not among the sizes.'];
  const v = verdict(at1m);
  const fast = v.speedup >= 20;
  // "200 MB" read strictly: 200,000,000 bytes (the tables print MiB).
  const small = v.peakRss < 200_000_000;
  return [
    `Target at 1M tokens, >= 20x the gateway-style baseline: ${fast ? (v.speedupLow >= 20 ? 'MET in every round' : 'MET by the median, not in every round') : 'NOT MET'} (median ${speedupText(v, at1m.rounds.length)}${v.speedupExtrapolated ? ', baseline extrapolated' : ''}; the baseline counted without its orphan step, so this is a lower bound).`,
    `Target at 1M tokens, peak memory < 200 MB (200,000,000 bytes = 190.7 MiB): ${small ? 'MET' : 'NOT MET'} (ours, highest of all rounds: peak RSS ${mb(v.peakRss)} = ${(v.peakRss / 1e6).toFixed(1)} MB (decimal) for the whole process, ${mb(v.peakRssDelta)} above its level before the purge; peak heapUsed ${mb(Math.max(...at1m.rounds.map((x) => x.ours.memory.peak.heapUsed)))}).`,
  ];
}

type Lib = typeof import('./lib.js');

function markdown(
  lib: Lib,
  results: SizeResult[],
  budgetMs: number,
  orphanBudgetMs: number,
  redisUrl: string | undefined,
  rowsMachine: [string, string][],
): string {
  const { markdownTable } = lib;
  const parts = [
    '# Purge throughput (`bench/purge.ts`)',
    '',
    'Generated by `npx tsx bench/purge.ts` (overwritten on each run). For each size the data is seeded',
    "in the gateway's format (`seedGatewayData`: 20 % of tokens expired, half of those without TTL; a",
    'refresh token for ~1/3 of tokens, the expired ones stored without TTL; N/50 users; 5 % stale index',
    `entries; active tokens have at least ${ACTIVE_FOR_SECONDS / 3600} h left), ${
      redisUrl
        ? 'into BENCH_REDIS_URL under a random prefix, and purged on freshly seeded identical data each time (same RNG seed; timestamps relative to the seeding time), one round'
        : "once into a private `redis-server`, its derived indexes built (untimed), and saved as a snapshot; every run starts a fresh private `redis-server` (no persistence, loopback) from that snapshot, so each purges exactly the same data. The runs go in interleaved rounds (BENCH_REPEAT): ours, then the baseline, back to back; the speedup is the median of the rounds' ratios, with the lowest and highest, because the baseline is bound by round-trip latency and ours by CPU, so the load of a shared machine moves them differently"
    }:`,
    '',
    '- **ours**: the mutation `purgeExpired(dryRun: false)` through `app.fetch` with the admin bearer token,',
    '  timed from the request until the job has ended (`services.jobs.wait(id)`). One GraphQL query runs',
    '  first, untimed (the server has answered requests before an operator purges). It runs in each round with',
    '  the derived indexes built (the parent runs the reconcile job while following keyspace notifications, as',
    "  the service's leader process does, then stops following and leaves the index marked live), so the purge",
    '  reads only its candidates (tokens whose indexed expiry has passed; refresh, code and state keys only when',
    '  the index counts an expired or leftover one; the stale jtis the index recorded), each judged from its',
    '  primary key; and once on the same data without indexes (nothing under our prefix), a pass over every key. The index upkeep for',
    "  what the purge deleted is the leader's work afterwards and is not timed. Memory targets: MB = 10^6 bytes; the tables print MiB.",
    "- **baseline**: what the gateway's `purge_expired_tokens.py` does, in TypeScript with ioredis, one",
    '  awaited round trip per command, no pipelining: `KEYS oauth:token:*`, then per key GET, decide',
    '  `(exp or expires_at or 0) < now`, DEL; `KEYS` of refresh, code and state keys, then per key TTL and,',
    '  when `TTL <= 0`, DEL. Its per-line `print` is left out (that only makes the baseline faster). The',
    '  "speedup" compares ours with these per-key phases only, a lower bound for the script.',
    "- **the script's orphan step** (after a purge that deleted something): per user index, `KEYS",
    "  oauth:token:*` again and a GET per token until one of that user's turns up, DEL of the index if none",
    `  does. It is O(users x tokens): it gets ${Math.round(orphanBudgetMs / 1000)} s (\`BENCH_ORPHAN_BUDGET_S\`, round 1 only) and is extrapolated from the`,
    '  indexes it finished. It removes nothing here (every user still has a token) and never prunes stale entries.',
    '',
    `Each run is a child process of its own (\`node --expose-gc bench/.build/purge.js --child ...\`: this file compiled as \`npm start\` compiles the service) that`,
    `samples \`process.memoryUsage()\` every ${SAMPLE_INTERVAL_MS} ms; "RSS +" and "heapUsed +" are the peaks minus the level right`,
    'before the run (after a GC); the level before is the process with the app loaded (compiled JavaScript, as `npm start`',
    'runs it) and no purge work yet. "Keys examined" is the job\'s `progress.scanned` for ours (access, refresh,',
    'code and state keys plus user-index keys) and the keys GET or TTL was sent for in the baseline; "keys',
    'deleted" counts whole keys (ours: tokens, refresh tokens, codes, states, emptied index keys; index entries',
    'removed with SREM are in the notes). "Redis cmds" for ours is the server\'s `INFO commandstats` difference',
    '(each command of a pipeline or script counted); for the baseline it equals its round trips. The baseline',
    `has a budget of ${Math.round(budgetMs / 1000)} s (\`BENCH_BASELINE_BUDGET_S\`); if it runs out, the run stops and its time is`,
    'extrapolated from the keys it examined, and the table says so. After every run the parent checks what is',
    'left in Redis with its own EXISTS/SCAN/SMEMBERS reads.',
    '',
    markdownTable(['', ''], rowsMachine),
    '',
    '## Summary',
    '',
    markdownTable(SUMMARY_HEADERS, summaryRows(results), SUMMARY_ALIGN),
    '',
    ...targetLines(results).map((l) => `- ${l}`),
    '',
  ];
  for (const r of results) {
    parts.push(
      `## ${fmt(r.size)} tokens`,
      '',
      `${shape(r.seed)}.`,
      '',
      markdownTable(HEADERS, rowsOf(r), ALIGN),
      '',
      ...detailLines(r).map((l) => `- ${l}`),
      '',
      'Checks after the runs:',
      '',
      ...r.rounds.flatMap((x, i) => [
        ...x.oursChecks.map((c) => `- round ${i + 1}, ours (indexes), ${c.what}: ${c.ok ? 'ok' : '**FAILED**'}, ${c.detail}`),
        ...x.baselineChecks.map((c) => `- round ${i + 1}, baseline, ${c.what}: ${c.ok ? 'ok' : '**FAILED**'}, ${c.detail}`),
      ]),
      ...r.oursScanChecks.map((c) => `- ours (no indexes), ${c.what}: ${c.ok ? 'ok' : '**FAILED**'}, ${c.detail}`),
      '',
    );
  }
  return parts.join('\n');
}

async function main(): Promise<void> {
  const lib = await import('./lib.js');
  const sizes = lib.parseSizes(process.argv.slice(2), process.env.BENCH_SIZES, [100_000, 1_000_000]);
  const redisUrl = process.env.BENCH_REDIS_URL?.trim() || undefined;
  const budgetMs = lib.envNumber('BENCH_BASELINE_BUDGET_S', 600) * 1000;
  const orphanBudgetMs = lib.envNumber('BENCH_ORPHAN_BUDGET_S', 60) * 1000;
  const repeat = Math.max(1, Math.floor(lib.envNumber('BENCH_REPEAT', 3)));
  const machine: { info?: MachineInfo } = {};
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await runSize(size, redisUrl, budgetMs, orphanBudgetMs, repeat, machine));
  const info = machine.info as MachineInfo;
  const rowsMachine = lib.machineInfoRows(info);

  const out: string[] = [
    '',
    'oauth-admin purge throughput: ours (purgeExpired job) against a gateway-style baseline',
    lib.textTable(['', ''], rowsMachine).split('\n').slice(2).join('\n'),
  ];
  for (const r of results) {
    out.push('', `-- ${fmt(r.size)} tokens`, shape(r.seed), lib.textTable(HEADERS, rowsOf(r), ALIGN), ...detailLines(r).map((l) => `  ${l}`));
  }
  out.push('', '-- summary', lib.textTable(SUMMARY_HEADERS, summaryRows(results), SUMMARY_ALIGN), '', ...targetLines(results));
  console.log(out.join('\n'));
  const file = new URL('./RESULTS-purge.md', import.meta.url);
  writeFileSync(file, markdown(lib, results, budgetMs, orphanBudgetMs, redisUrl, rowsMachine));
  console.log(`\nwrote ${file.pathname}`);
  const failed = results.some((r) => allChecks(r).some((c) => !c.ok));
  if (failed) throw new Error('some checks failed (see above): the figures are not of a correct purge');
}

const entry = process.argv.includes('--child') ? childMain : main;
entry().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`\nbench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
