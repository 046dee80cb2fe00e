/**
 * `npm run bench`: the scale benchmark of issue 6, in one run, per size (default 100k and 1M tokens):
 *
 *   1. seeds gateway-format data on a private redis-server, runs the index reconcile job (wall time,
 *      keys/s), then times `token(jti)`, `client.tokens(first: 10)`, `user.tokens(first: 10)` and
 *      `stats` with the indexes through `app.fetch`, with the ratio of each p50 to `token(jti)`'s
 *      (targets: relations ≤ 5x, stats ≤ 20x); at one size also with the index marked not ready
 *      (the scan path), and checks that both paths give the same answers;
 *   2. GraphQL throughput and p99 under load (autocannon in a child process, 50 connections, 3
 *      rounds of 4 s per server in alternating order, loopback) for
 *      `token(jti) { client { clientName } user { username } }` with random jtis, through
 *      `node:http` + the server's handler (`createNodeHandler(createApp(...))`, as `npm start` serves:
 *      a fast transport in front of Yoga that drives the app's one plugin chain for JSON POSTs,
 *      graphql-jit through @envelop/graphql-jit), beside a bare `node:http` + ioredis handler doing the same reads
 *      (target: GraphQL ≥ 0.5x bare, judged on the median of the per-round ratios) and graphql-yoga over a
 *      plain graphql-js schema doing the same reads (the cost of GraphQL itself, for reference);
 *   3. memory: Redis `used_memory` after seeding (data) and after the reconcile (data + index), and
 *      `IndexStore.memoryBytes()` (target: index < 30 % of data);
 *   4. writes everything to bench/RESULTS.md (after each size, so a failed size keeps the others).
 *
 *   npm run bench                          # 100k and 1M tokens
 *   BENCH_SIZES=10k npm run bench          # quick run (or: npx tsx bench/index.ts 10k,50k)
 *   BENCH_LOAD_S=4 BENCH_LOAD_ROUNDS=3     # load test: seconds per round (after 2 s warm-up), rounds per server
 *   BENCH_CONNECTIONS=50                   # load test connections
 *   BENCH_SCAN_AT=100k                     # size that also runs the scan path (default: the first; 0 = none)
 *   BENCH_BUDGET_S=30                      # cap on timed seconds per query and size
 *   BENCH_MAX_MINUTES=30                   # the whole run stops (and cleans up) after this
 *
 * Never touches a shared Redis: every size gets its own `redis-server` on a free port.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { execute, parse } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Redis } from 'ioredis';
import { createContext } from '../src/context.js';
import { createNodeHandler } from '../src/http/fast-path.js';
import { scanKeys } from '../src/redis/batch.js';
import { schema } from '../src/schema/index.js';
import { countCommands } from '../src/redis/connection.js';
import { prefixPattern } from '../src/redis/keys.js';
import type { LoadResult } from './load.js';
import { bareHandler, bareRead, yogaFloor, yogaFloorApp } from './reference-servers.js';
import {
  BENCH_ADMIN_TOKEN,
  type BenchApp,
  BenchQueryError,
  type BenchRedis,
  type LoopbackServer,
  type MachineInfo,
  type SeedResult,
  type Summary,
  createBenchApp,
  createRng,
  envNumber,
  formatBytes,
  formatCount,
  formatMs,
  listenOnLoopback,
  machineInfo,
  machineInfoRows,
  markdownTable,
  measure,
  parseSizes,
  pick,
  runLoad,
  seedGatewayData,
  startBenchRedis,
  summarize,
  textTable,
  usedMemory,
  type QueryCase as BaseQueryCase,
  STATS_QUERY,
  TOKEN_RELATIONS_QUERY,
  type Stats,
  tokenByJti,
} from './lib.js';

// Plain strings (not graphql()/gql): codegen scans bench/ and these need no generated types.
const TOKEN = `query BenchToken($jti: String!) { token(jti: $jti) { jti status } }`;
const TOKEN_RELATIONS = TOKEN_RELATIONS_QUERY;
const CLIENT_TOKENS = `query BenchClientTokens($clientId: String!) { client(clientId: $clientId) { tokens(first: 10) { totalCount edges { node { jti status } } } } }`;
const USER_TOKENS = `query BenchUserTokens($username: String!) { user(username: $username) { tokens(first: 10) { totalCount edges { node { jti status } } } } }`;

const TARGETS = { relation: 5, stats: 20, throughput: 0.5, memory: 0.3 } as const;

const budgetMs = envNumber('BENCH_BUDGET_S', 30) * 1000;
const loadSeconds = envNumber('BENCH_LOAD_S', 4);
const loadRounds = Math.max(1, Math.round(envNumber('BENCH_LOAD_ROUNDS', 3)));
const connections = envNumber('BENCH_CONNECTIONS', 50);
const maxMinutes = envNumber('BENCH_MAX_MINUTES', 30);

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

// ------------------------------------------------------------------------------------ cases

interface Page {
  totalCount: number;
  edges: { node: { jti: string; status: string | null } }[];
}

interface QueryCase extends BaseQueryCase {
  /** The ratio of this case's p50 to token(jti)'s must stay at or under this (none: not judged). */
  target: number | null;
}

function checkPage(page: Page | undefined, what: string): void {
  if (!page || page.totalCount < 1 || page.edges.length !== Math.min(10, page.totalCount) || page.edges.some((e) => e.node.status === null)) {
    throw new BenchQueryError(`${what} is not a full first page: ${JSON.stringify(page)}`);
  }
}

const CASES: QueryCase[] = [
  {
    name: 'token(jti)',
    query: TOKEN,
    warmup: 300,
    iterations: 1000,
    target: null,
    ...tokenByJti,
  },
  {
    name: 'token(jti) { client user }',
    query: TOKEN_RELATIONS,
    warmup: 100,
    iterations: 500,
    target: null,
    variables: (seed, rng) => ({ jti: pick(rng, seed.jtis) }),
    check: (data, vars) => {
      const token = data.token as { client: { clientName: string } | null; user: { username: string } | null } | null;
      if (!token?.client?.clientName || !token.user?.username) throw new BenchQueryError(`token(${String(vars.jti)}) relations: ${JSON.stringify(token)}`);
    },
  },
  {
    name: 'client.tokens(first: 10)',
    query: CLIENT_TOKENS,
    warmup: 50,
    iterations: 500,
    target: TARGETS.relation,
    variables: (seed, rng) => ({ clientId: pick(rng, seed.clientIdsWithTokens) }),
    check: (data, vars) => checkPage((data.client as { tokens: Page } | null)?.tokens, `client(${String(vars.clientId)}).tokens`),
  },
  {
    name: 'user.tokens(first: 10)',
    query: USER_TOKENS,
    warmup: 50,
    iterations: 500,
    target: TARGETS.relation,
    variables: (seed, rng) => ({ username: pick(rng, seed.usernamesWithTokens) }),
    check: (data, vars) => checkPage((data.user as { tokens: Page } | null)?.tokens, `user(${String(vars.username)}).tokens`),
  },
  {
    name: 'stats',
    query: STATS_QUERY,
    warmup: 5,
    iterations: 200,
    target: TARGETS.stats,
    variables: () => ({}),
    check: () => {},
  },
];

interface CaseResult {
  name: string;
  summary: Summary;
  /** Median time Redis spent executing one request's commands (SLOWLOG at 0 µs: a script counts once, with what it runs). */
  redisUs: number | null;
  /** Median Redis commands per request (each command of a pipeline counted). */
  commands: number;
  /** The commands of the median request, by name (e.g. `get 1, mget 1`). */
  commandNames: string;
}

/**
 * Redis' own execution time per request: SLOWLOG logs every command (threshold 0) with its duration;
 * scripts once, including what they run. Private server only; restored after each case.
 */
async function withSlowlog<T>(redis: Redis, run: (reset: () => Promise<void>, take: () => Promise<number>) => Promise<T>): Promise<T> {
  const [, threshold = '10000'] = (await redis.config('GET', 'slowlog-log-slower-than')) as [string, string];
  const [, maxLen = '128'] = (await redis.config('GET', 'slowlog-max-len')) as [string, string];
  await redis.config('SET', 'slowlog-max-len', '10000');
  await redis.config('SET', 'slowlog-log-slower-than', '0');
  try {
    const reset = async () => {
      await redis.slowlog('RESET');
    };
    // Skipped when summing: the SLOWLOG commands themselves, and the commands a script runs (logged
    // from the script's own client, address `?:0`; the script's entry already includes them).
    const take = async () => {
      const entries = (await redis.slowlog('GET', '-1')) as [number, number, number, string[], string, string][];
      return entries.filter((e) => e[4] !== '?:0' && !/^(slowlog|config)$/i.test(String(e[3]?.[0] ?? ''))).reduce((n, e) => n + Number(e[2]), 0);
    };
    return await run(reset, take);
  } finally {
    await redis.config('SET', 'slowlog-log-slower-than', threshold);
    await redis.config('SET', 'slowlog-max-len', maxLen);
    await redis.slowlog('RESET');
  }
}

async function runCase(
  bench: BenchApp,
  counter: ReturnType<typeof countCommands>,
  seed: SeedResult,
  c: QueryCase,
  options: { size: number; scan?: boolean },
): Promise<CaseResult> {
  const redis = bench.services.redis as Redis;
  const redisTimes: number[] = [];
  const rng = createRng(options.size ^ (c.name.length * 7919));
  const perRun: { count: number; names: string[] }[] = [];
  // The scan path takes seconds per request at 100k: a few runs are enough to see it.
  const warmup = options.scan ? Math.min(1, c.warmup) : c.warmup;
  const iterations = options.scan ? Math.min(c.iterations, 20) : c.iterations;
  const once = async () => {
    const variables = c.variables(seed, rng);
    c.check(await bench.query(c.query, variables), variables);
  };
  const samples = await measure(once, {
    warmup,
    iterations,
    budgetMs: options.scan ? Math.min(budgetMs, 15_000) : budgetMs,
    minIterations: options.scan ? 3 : Math.min(20, iterations),
    before: () => counter.reset(),
    after: (ms, i) => {
      perRun.push({ count: counter.count, names: [...counter.names] });
      if (options.scan && (i + 1) % 5 === 0) log(`    ${c.name} (scan): ${i + 1} runs, last ${formatMs(ms)} ms`);
    },
  });
  // Redis' share, in separate untimed runs (SLOWLOG at 0 µs slows every command a little).
  if (!options.scan) {
    await withSlowlog(redis, async (reset, take) => {
      for (let i = 0; i < Math.min(50, samples.length); i++) {
        await reset();
        await once();
        redisTimes.push(await take());
      }
    });
  }
  perRun.sort((a, b) => a.count - b.count);
  const median = perRun[Math.floor(perRun.length / 2)] ?? { count: 0, names: [] };
  const byName = new Map<string, number>();
  for (const n of median.names) byName.set(n, (byName.get(n) ?? 0) + 1);
  return {
    name: c.name,
    summary: summarize(samples),
    redisUs: redisTimes.length > 0 ? summarize(redisTimes).p50 : null,
    commands: median.count,
    commandNames: [...byName].map(([n, k]) => `${n} ${formatCount(k)}`).join(', '),
  };
}

/**
 * The seeded shape must be what `stats` says, or the figures are of something else. Refresh-token
 * counts are left out: the seeding gives some of them a TTL of seconds (created ~30 days ago), so a
 * few leave Redis during a long run (the live-scan comparison covers them).
 */
function statsMismatches(stats: Stats, seed: SeedResult): string[] {
  const c = seed.counts;
  const expected: Stats = {
    registrations: c.clients,
    corruptRegistrations: 0,
    testRegistrations: c.testClients,
    activeTokens: c.activeTokens,
    expiredTokens: c.expiredTokens,
    corruptTokens: 0,
    staleIndexEntries: c.staleIndexEntries,
    orphanTokens: 0,
    userIndexes: seed.usernamesWithTokens.length,
  };
  return Object.entries(expected)
    .filter(([k, v]) => stats[k] !== v)
    .map(([k, v]) => `${k}=${stats[k]} (seeded ${v})`);
}

// ------------------------------------------------------------------------------------ answers

/** Answers of a few relation queries, to compare the index path with the scan path. */
interface Answers {
  clients: Record<string, unknown>;
  users: Record<string, unknown>;
  stats: Stats;
}

async function answers(app: BenchApp, clientIds: string[], usernames: string[]): Promise<Answers> {
  const out: Answers = { clients: {}, users: {}, stats: {} };
  for (const clientId of clientIds) out.clients[clientId] = (await app.query(CLIENT_TOKENS, { clientId })).client;
  for (const username of usernames) out.users[username] = (await app.query(USER_TOKENS, { username })).user;
  out.stats = (await app.query<{ stats: Stats }>(STATS_QUERY)).stats;
  return out;
}

function answerDifferences(index: Answers, scan: Answers): string[] {
  const diffs: string[] = [];
  for (const [kind, a, b] of [
    ['client', index.clients, scan.clients],
    ['user', index.users, scan.users],
  ] as const) {
    for (const id of Object.keys(b)) {
      if (JSON.stringify(a[id]) !== JSON.stringify(b[id]))
        diffs.push(`${kind} ${id}: index ${JSON.stringify(a[id]).slice(0, 200)} vs scan ${JSON.stringify(b[id]).slice(0, 200)}`);
    }
  }
  for (const key of Object.keys(scan.stats)) {
    if (index.stats[key] !== scan.stats[key]) diffs.push(`stats.${key}: index ${index.stats[key]} vs scan ${scan.stats[key]}`);
  }
  return diffs;
}

// ------------------------------------------------------------------------------------ load

type ServerName = 'graphql' | 'bare' | 'floor';

interface ServerLoad {
  /** Rounds combined: requests and seconds summed; p50/p90/mean request-weighted; p99 and max the worst round's. */
  total: LoadResult;
  /** The round with the most requests per second: on a shared machine, interference only ever lowers a round. */
  best: LoadResult;
  rounds: LoadResult[];
  /** Redis commands per request the server answered (warm-up included), counted on its connection. */
  commandsPerRequest: number;
}

interface LoadPair {
  graphql: ServerLoad;
  bare: ServerLoad;
  floor: ServerLoad;
  rounds: number;
  secondsPerRound: number;
  loadAverage: number[];
}

/** GraphQL / bare req/s within each round (the two ran back to back), and their median: the judged figure. */
function pairedRatios(p: LoadPair): { ratios: number[]; median: number } {
  const ratios = p.graphql.rounds.map((g, i) => g.reqPerSec / (p.bare.rounds[i] as LoadResult).reqPerSec);
  const sorted = [...ratios].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { ratios, median };
}

function combine(rounds: LoadResult[]): LoadResult {
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const durationS = rounds.reduce((n, r) => n + r.durationS, 0);
  const weighted = (f: (r: LoadResult) => number) => rounds.reduce((n, r) => n + f(r) * r.requests, 0) / Math.max(1, requests);
  const sum = (f: (r: LoadResult) => number) => rounds.reduce((n, r) => n + f(r), 0);
  return {
    requests,
    durationS,
    reqPerSec: requests / durationS,
    reqPerSecMean: weighted((r) => r.reqPerSecMean),
    reqPerSecStddev: Math.max(...rounds.map((r) => r.reqPerSecStddev)),
    latency: {
      p50: weighted((r) => r.latency.p50),
      p90: weighted((r) => r.latency.p90),
      p99: Math.max(...rounds.map((r) => r.latency.p99)),
      max: Math.max(...rounds.map((r) => r.latency.max)),
      mean: weighted((r) => r.latency.mean),
    },
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    mismatches: sum((r) => r.mismatches),
  };
}

const SERVER_LABEL: Record<ServerName, string> = {
  graphql: 'GraphQL (node:http + createNodeHandler(createApp))',
  bare: 'bare node:http + ioredis',
  floor: 'reference: graphql-yoga + graphql-js, same reads',
};

/**
 * The three servers under the same load, in rounds ordered ABC CBA ... so drift on a shared
 * machine (other processes, thermal) falls on all of them alike.
 */
async function loadTest(bench: BenchRedis, app: BenchApp, appCounter: ReturnType<typeof countCommands>, seed: SeedResult, size: number): Promise<LoadPair> {
  const rng = createRng(size + 17);
  const bodies = Array.from({ length: Math.min(20_000, seed.jtis.length) }, () =>
    JSON.stringify({ query: TOKEN_RELATIONS, variables: { jti: pick(rng, seed.jtis) } }),
  );
  const secondsPerRound = loadSeconds;
  const hardLimitMs = (secondsPerRound + 3) * 1000 + 60_000;
  const config = { connections, durationS: secondsPerRound, warmupS: 2, token: BENCH_ADMIN_TOKEN, bodies, expect: '"clientName"' };

  const ownConnection = () => {
    const redis = (bench.redis as Redis).duplicate();
    redis.on('error', () => {});
    return redis;
  };
  const bareRedis = ownConnection();
  const floorRedis = ownConnection();
  const counters: Record<ServerName, { count: number; reset(): void }> = {
    graphql: appCounter,
    bare: countCommands(bareRedis),
    floor: countCommands(floorRedis),
  };
  const served: Record<ServerName, number> = { graphql: 0, bare: 0, floor: 0 };
  const commands: Record<ServerName, number> = { graphql: 0, bare: 0, floor: 0 };
  const counting =
    (name: ServerName, listener: RequestListener): RequestListener =>
    (req, res) => {
      served[name] += 1;
      listener(req, res);
    };
  // What src/server.ts listens with: Yoga behind the fast path (src/http/fast-path.ts).
  const handler = createNodeHandler(app.app);
  const servers: Record<ServerName, LoopbackServer> = {
    graphql: await listenOnLoopback(counting('graphql', handler), '/graphql'),
    bare: await listenOnLoopback(counting('bare', bareHandler(bareRedis, bench.keys)), '/graphql'),
    floor: await listenOnLoopback(counting('floor', yogaFloor(floorRedis, bench.keys)), '/graphql'),
  };
  const rounds: Record<ServerName, LoadResult[]> = { graphql: [], bare: [], floor: [] };
  try {
    // One request of each through the socket first: every listener answers as expected.
    for (const name of ['graphql', 'bare', 'floor'] as const) {
      const probe = await fetch(servers[name].url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_ADMIN_TOKEN}` },
        body: bodies[0],
      });
      const text = await probe.text();
      if (probe.status !== 200 || !text.includes('"clientName"') || text.includes('"errors"'))
        throw new BenchQueryError(`${SERVER_LABEL[name]} over HTTP: ${probe.status} ${text.slice(0, 300)}`);
    }
    log(`  load: ${connections} connections, ${loadRounds} round(s) of 2 s warm-up + ${secondsPerRound} s per server, order alternating`);
    for (let round = 0; round < loadRounds; round++) {
      const order: ServerName[] = round % 2 === 0 ? ['bare', 'floor', 'graphql'] : ['graphql', 'floor', 'bare'];
      for (const name of order) {
        counters[name].reset();
        const before = served[name];
        const r = await runLoad({ ...config, url: servers[name].url }, hardLimitMs);
        commands[name] += counters[name].count;
        rounds[name].push(r);
        log(
          `    round ${round + 1} ${SERVER_LABEL[name]}: ${formatCount(Math.round(r.reqPerSec))} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms (${formatCount(served[name] - before)} requests served)`,
        );
      }
    }
    const of = (name: ServerName): ServerLoad => ({
      total: combine(rounds[name]),
      best: rounds[name].reduce((a, b) => (b.reqPerSec > a.reqPerSec ? b : a)),
      rounds: rounds[name],
      commandsPerRequest: commands[name] / Math.max(1, served[name]),
    });
    log(
      `  fast transport: carried ${formatCount(handler.counts.fast)} of ${formatCount(served.graphql)} GraphQL requests through the app's chain, handed ${formatCount(handler.counts.handedOn)} on to Yoga's handler`,
    );
    return { graphql: of('graphql'), bare: of('bare'), floor: of('floor'), rounds: loadRounds, secondsPerRound, loadAverage: loadavg() };
  } finally {
    for (const server of Object.values(servers)) await server.close();
    bareRedis.disconnect();
    floorRedis.disconnect();
  }
}

/**
 * Index stats against a full scan of the primary keys, both at one frozen clock (a whole second,
 * so no record sits on a boundary between them). A key that expires during the scan may not be
 * reclaimed by Redis (nor its notification sent) until something touches it: up to three tries,
 * each after the previous scan touched every key and the indexer caught up.
 */
async function statsAgainstScan(bench: BenchRedis): Promise<string[]> {
  let diffs: string[] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const frozen = Math.floor(Date.now() / 1000) * 1000;
    const app = createBenchApp(bench, { now: () => frozen });
    const scan = (await app.services.stats.scan()) as unknown as Stats;
    await new Promise((r) => setTimeout(r, 300));
    // The query's own barrier waits until the leader's follower has applied every change before it.
    const index = (await app.query<{ stats: Stats }>(STATS_QUERY)).stats;
    diffs = Object.keys(scan)
      .filter((k) => index[k] !== scan[k])
      .map((k) => `${k}: index ${index[k]}, scan ${scan[k]}`);
    if (diffs.length === 0) break;
    log(`    stats check, try ${attempt + 1}: ${diffs.join(', ')}`);
  }
  return diffs;
}

interface CpuFigures {
  requests: number;
  /** Process CPU (user + system) per request in µs, sequential, in-process, no socket. */
  bare: number;
  floor: number;
  app: number;
  /** The app's schema through graphql-js `execute` alone (no yoga, no HTTP layer). */
  execute: number;
  /** The app's schema through the query graphql-jit compiled (what the fast path runs once a document is compiled). */
  jit: number;
}

/**
 * Where a request's CPU goes, without sockets and without load: the same token-relations read
 * done N times in a row by the bare function, graphql-yoga over a plain schema (`fetch`), the app
 * (`app.fetch`), and the app's schema through graphql-js `execute` alone.
 */
async function cpuPerRequest(bench: BenchRedis, app: BenchApp, seed: SeedResult, size: number): Promise<CpuFigures> {
  const rng = createRng(size + 29);
  const jtis = Array.from({ length: 2000 }, () => pick(rng, seed.jtis));
  const redis = bench.redis as Redis;
  const floor = yogaFloorApp(redis, bench.keys);
  const document = parse(TOKEN_RELATIONS);
  const compiled = compileQuery(schema, document);
  if (!isCompiledQuery(compiled)) throw new BenchQueryError(`graphql-jit could not compile the query: ${JSON.stringify(compiled.errors)}`);
  const post = (jti: string) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_ADMIN_TOKEN}` },
    body: JSON.stringify({ query: TOKEN_RELATIONS, variables: { jti } }),
  });
  const ok = (text: string) => {
    if (!text.includes('"clientName"') || text.includes('"errors"')) throw new BenchQueryError(`unexpected answer: ${text.slice(0, 300)}`);
  };
  const variants: Record<keyof Omit<CpuFigures, 'requests'>, (jti: string) => Promise<void>> = {
    bare: async (jti) => ok(await bareRead(redis, bench.keys, jti)),
    floor: async (jti) => ok(await (await floor.fetch('http://bench/graphql', post(jti))).text()),
    app: async (jti) => ok(await (await app.app.fetch('http://bench/graphql', post(jti))).text()),
    jit: async (jti) => {
      const result = await compiled.query(undefined, createContext(app.services, { role: 'admin', name: 'bench' }), { jti });
      ok(JSON.stringify(result));
    },
    execute: async (jti) =>
      ok(
        JSON.stringify(
          await execute({ schema, document, variableValues: { jti }, contextValue: createContext(app.services, { role: 'admin', name: 'bench' }) }),
        ),
      ),
  };
  const n = 5000;
  const out = { requests: n } as CpuFigures;
  for (const [name, run] of Object.entries(variants) as [keyof typeof variants, (jti: string) => Promise<void>][]) {
    for (let i = 0; i < 1000; i++) await run(jtis[i % jtis.length] as string);
    const before = process.cpuUsage();
    for (let i = 0; i < n; i++) await run(jtis[i % jtis.length] as string);
    const used = process.cpuUsage(before);
    out[name] = (used.user + used.system) / n;
  }
  log(
    `  CPU per request (in-process, sequential): bare ${out.bare.toFixed(0)} µs, yoga + graphql-js ${out.floor.toFixed(0)} µs, app ${out.app.toFixed(0)} µs, app schema via execute() ${out.execute.toFixed(0)} µs, via graphql-jit ${out.jit.toFixed(0)} µs`,
  );
  return out;
}

// ------------------------------------------------------------------------------------ one size

interface Reconcile {
  ms: number;
  scanned: number;
  changed: number;
  commands: number;
}

interface Memory {
  empty: number;
  afterSeed: number;
  afterReconcile: number;
  indexKeys: number;
  indexUsageBytes: number;
}

/** Index keys grouped by what they hold (the name after the index prefix, up to its first `:`). */
interface Family {
  family: string;
  keys: number;
  bytes: number;
  fields: number;
  encodings: Record<string, number>;
}

const FAMILY_MEANING: Record<string, string> = {
  m: 'meta buckets (hash: jti → cid|uid, # fingerprint → created|uid|outlives)',
  c: 'tokens by client (sorted set jti → expiry; cid 0: no client)',
  u: 'tokens by user (sorted set jti → expiry; uid 0: no user)',
  ci: 'client ids interned (hash clientId → cid)',
  cn: 'interned clients (hash cid → flag|clientId)',
  ui: 'usernames interned (hash username → uid)',
  un: 'interned users (hash uid → count|username)',
  thm: 'token expiry histogram, per minute (one hash per hour)',
  ths: 'token expiry histogram, per second (one hash per ten minutes)',
  rhm: 'refresh created-at histogram, per minute (one hash per hour)',
  rhs: 'refresh created-at histogram, per second (one hash per ten minutes)',
  thh: 'token expiry histogram, per hour',
  rhh: 'refresh created-at histogram, per hour',
  umax: 'latest expiry per user (sorted set)',
  uidx: 'gateway user indexes: stale count and stale jtis (hash)',
  ro: 'refresh tokens whose key outlives their expiry (hash)',
  st: 'states (hash id → leftover)',
  cd: 'codes (hash fingerprint → leftover)',
  n: 'counters (hash)',
};

async function indexFamilies(bench: BenchRedis, prefix: string): Promise<Family[]> {
  const families = new Map<string, Family>();
  const pattern = prefixPattern(prefix);
  for await (const batch of scanKeys(bench.redis, pattern)) {
    const pipeline = bench.redis.pipeline();
    for (const key of batch) {
      pipeline.memory('USAGE', key);
      pipeline.call('OBJECT', 'ENCODING', key);
      pipeline.type(key);
    }
    const replies = (await pipeline.exec()) ?? [];
    const sizes = bench.redis.pipeline();
    const types: string[] = [];
    batch.forEach((key, i) => {
      const type = String(replies[i * 3 + 2]?.[1] ?? 'none');
      types.push(type);
      if (type === 'hash') sizes.hlen(key);
      else if (type === 'set') sizes.scard(key);
      else if (type === 'zset') sizes.zcard(key);
      else sizes.exists(key);
    });
    const counts = (await sizes.exec()) ?? [];
    batch.forEach((key, i) => {
      const rest = key.slice(prefix.length);
      const at = rest.indexOf(':');
      const name = at < 0 ? rest : rest.slice(0, at);
      const f = families.get(name) ?? { family: name, keys: 0, bytes: 0, fields: 0, encodings: {} };
      f.keys += 1;
      f.bytes += Number(replies[i * 3]?.[1] ?? 0);
      f.fields += Number(counts[i]?.[1] ?? 0);
      const encoding = `${types[i]}/${String(replies[i * 3 + 1]?.[1] ?? '?')}`;
      f.encodings[encoding] = (f.encodings[encoding] ?? 0) + 1;
      families.set(name, f);
    });
  }
  return [...families.values()].sort((a, b) => b.bytes - a.bytes);
}

interface SizeResult {
  size: number;
  families: Family[];
  seed: SeedResult;
  reconcile: Reconcile;
  memory: Memory;
  results: CaseResult[];
  scanResults: CaseResult[] | null;
  /** Index path against scan path, same ids: differences (empty = identical); null when not compared. */
  answerDiffs: string[] | null;
  statsProblems: string[];
  /** Index stats against `StatsService.scan()` (every key read now): differences. */
  liveDiffs: string[];
  /** Why keyspace notifications could not be followed; null when they were. */
  notifications: string | null;
  load: LoadPair | null;
  cpu: CpuFigures | null;
}

let current: BenchRedis | null = null;

/** Waits until reads answer from the indexes; returns the follower's problem when it cannot follow. */
async function waitFresh(app: BenchApp): Promise<string | null> {
  for (;;) {
    if (await app.services.indexes.fresh()) return null;
    const status = await app.services.indexes.status();
    if (status.leader && status.notificationsProblem && status.notificationsProblem !== 'not started') return status.notificationsProblem;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function reconcile(app: BenchApp, counter: ReturnType<typeof countCommands>): Promise<Reconcile> {
  counter.reset();
  const started = performance.now();
  const job = await app.services.indexes.reconcile({ role: 'admin', name: 'bench' }, false);
  let last = 0;
  const ticker = setInterval(() => {
    void app.services.jobs.get(job.id).then(
      (s) => {
        if (s && s.progress.scanned !== last) {
          last = s.progress.scanned;
          log(`    reconcile: ${s.progress.phase}, ${formatCount(s.progress.scanned)} keys scanned, ${((performance.now() - started) / 1000).toFixed(0)} s`);
        }
      },
      () => {},
    );
  }, 10_000);
  try {
    const done = await app.services.jobs.wait(job.id);
    const ms = performance.now() - started;
    if (done?.status !== 'SUCCEEDED') throw new Error(`reconcile job ${job.id} ended ${done?.status ?? 'unknown'}: ${done?.error ?? ''}`);
    return { ms, scanned: done.progress.scanned, changed: done.progress.matched, commands: counter.count };
  } finally {
    clearInterval(ticker);
  }
}

async function runSize(size: number, options: { scan: boolean; load: boolean; quiet?: boolean }, machine: { info?: MachineInfo }): Promise<SizeResult> {
  const bench = await startBenchRedis();
  current = bench;
  try {
    machine.info ??= await machineInfo(bench.redis);
    if (!options.quiet) log(`\n== ${formatCount(size)} tokens (private redis-server at ${bench.url})`);
    const empty = await usedMemory(bench.redis);
    const seed = await seedGatewayData(bench.redis, bench.keys, {
      tokens: size,
      seed: size,
      onProgress: (sent) => {
        if (!options.quiet && sent % 500_000 === 0) log(`  seeding: ${formatCount(sent)} commands`);
      },
    });
    const afterSeed = await usedMemory(bench.redis);
    if (!options.quiet) log(`  seeded in ${(seed.ms / 1000).toFixed(1)} s: ${shapeLine(seed)}; used_memory +${formatBytes(afterSeed - empty)}`);

    const app = createBenchApp(bench);
    const counter = countCommands(bench.redis as Redis);
    if (!options.quiet) log('  reconcile (job)...');
    const rec = await reconcile(app, counter);
    if (!options.quiet)
      log(
        `    ${(rec.ms / 1000).toFixed(1)} s, ${formatCount(rec.scanned)} keys, ${formatCount(Math.round(rec.scanned / (rec.ms / 1000)))} keys/s, ${formatCount(rec.changed)} index entries written`,
      );
    // As a service process does: become the leader (follow the changes, reconcile again), and wait
    // until reads answer from the indexes (a barrier proves them current).
    app.services.indexes.start('bench-leader');
    const followProblem = await waitFresh(app);
    if (followProblem) log(`  !! ${followProblem}`);
    const afterReconcile = await usedMemory(bench.redis);
    const usage = await app.services.indexes.indexer.store.memoryBytes();
    const memory: Memory = { empty, afterSeed, afterReconcile, indexKeys: usage.keys, indexUsageBytes: usage.bytes };
    const families = await indexFamilies(bench, app.services.indexes.indexer.store.prefix);
    if (!options.quiet) {
      log(
        `  memory: data ${formatBytes(afterSeed - empty)}, index ${formatBytes(afterReconcile - afterSeed)} by used_memory, ${formatBytes(usage.bytes)} by MEMORY USAGE of ${formatCount(usage.keys)} keys`,
      );
    }

    const statsProblems = statsMismatches((await app.query<{ stats: Stats }>(STATS_QUERY)).stats, seed);
    if (statsProblems.length > 0) log(`  !! stats from the index disagree with the seeded data: ${statsProblems.join(', ')}`);
    const liveDiffs = await statsAgainstScan(bench);
    if (!options.quiet)
      log(
        liveDiffs.length === 0
          ? '  stats from the index = stats from a full scan, every field'
          : `  !! stats from the index differ from a full scan: ${liveDiffs.join(', ')}`,
      );

    const results: CaseResult[] = [];
    for (const c of CASES) {
      const r = await runCase(app, counter, seed, c, { size });
      if (!options.quiet)
        log(
          `  ${c.name}: p50 ${formatMs(r.summary.p50)} ms, p95 ${formatMs(r.summary.p95)} ms (${r.summary.n} runs, ${r.commands} Redis cmds: ${r.commandNames})`,
        );
      results.push(r);
    }

    const load = options.load ? await loadTest(bench, app, counter, seed, size) : null;
    const cpu = options.load ? await cpuPerRequest(bench, app, seed, size) : null;
    let scanResults: CaseResult[] | null = null;
    let answerDiffs: string[] | null = null;
    if (options.scan) {
      const rng = createRng(size + 5);
      const clientIds = Array.from({ length: 5 }, () => pick(rng, seed.clientIdsWithTokens));
      const usernames = Array.from({ length: 5 }, () => pick(rng, seed.usernamesWithTokens));
      const viaIndex = await answers(app, clientIds, usernames);
      // Without a leader the indexes are not complete: the same queries take the scan path.
      await app.services.indexes.stop();
      log('  index leader stopped: the same queries on the scan path...');
      {
        const viaScan = await answers(app, clientIds, usernames);
        answerDiffs = answerDifferences(viaIndex, viaScan);
        if (answerDiffs.length > 0) log(`  !! index and scan answers differ:\n    ${answerDiffs.join('\n    ')}`);
        scanResults = [];
        for (const c of CASES.filter((x) => x.name !== 'token(jti) { client user }')) {
          const r = await runCase(app, counter, seed, c, { size, scan: true });
          log(
            `  ${c.name} (scan): p50 ${formatMs(r.summary.p50)} ms, p95 ${formatMs(r.summary.p95)} ms (${r.summary.n} runs, ${formatCount(r.commands)} Redis cmds)`,
          );
          scanResults.push(r);
        }
      }
    }

    await app.services.indexes.stop();
    return {
      size,
      families,
      seed,
      reconcile: rec,
      memory,
      results,
      scanResults,
      answerDiffs,
      statsProblems,
      liveDiffs,
      notifications: followProblem,
      load,
      cpu,
    };
  } finally {
    current = null;
    await bench.stop();
  }
}

// ------------------------------------------------------------------------------------ report

function shapeLine(seed: SeedResult): string {
  const c = seed.counts;
  return (
    `${formatCount(c.tokens)} tokens (${formatCount(c.activeTokens)} active, ${formatCount(c.expiredTokens)} expired of which ${formatCount(c.expiredWithoutTtl)} without TTL), ` +
    `${formatCount(c.clients)} clients (${c.testClients} TEST), ${formatCount(c.users)} users, ${formatCount(c.refreshTokens)} refresh tokens, ` +
    `${formatCount(c.staleIndexEntries)} stale user-index entries`
  );
}

const ratio = (x: number) => `${x >= 10 ? x.toFixed(1) : x.toFixed(2)}x`;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

function p50Of(results: CaseResult[], name: string): number {
  return results.find((r) => r.name === name)?.summary.p50 ?? Number.NaN;
}

interface Verdicts {
  rows: [string, string, string, string][];
  allPass: boolean;
}

function verdictsOf(r: SizeResult): Verdicts {
  const rows: [string, string, string, string][] = [];
  const base = p50Of(r.results, 'token(jti)');
  for (const c of CASES) {
    if (c.target === null) continue;
    const x = p50Of(r.results, c.name) / base;
    rows.push([`${c.name} p50 / token(jti) p50`, ratio(x), `≤ ${c.target}x`, verdict(x <= c.target)]);
  }
  if (r.load) {
    const x = pairedRatios(r.load).median;
    rows.push(['GraphQL req/s / bare req/s (median of rounds)', ratio(x), `≥ ${TARGETS.throughput}x`, verdict(x >= TARGETS.throughput)]);
  }
  const m = memoryFigures(r);
  rows.push(['index / data memory (used_memory)', pct(m.ratioUsed), `< ${TARGETS.memory * 100} %`, verdict(m.ratioUsed < TARGETS.memory)]);
  rows.push(['index / data memory (MEMORY USAGE)', pct(m.ratioUsage), `< ${TARGETS.memory * 100} %`, verdict(m.ratioUsage < TARGETS.memory)]);
  if (r.statsProblems.length > 0) rows.push(['stats (index) = seeded shape', r.statsProblems.join('; '), 'equal', 'FAIL']);
  rows.push([
    'stats (index) = stats (full scan), every field',
    r.liveDiffs.length === 0 ? 'identical' : r.liveDiffs.join('; '),
    'identical',
    verdict(r.liveDiffs.length === 0),
  ]);
  if (r.answerDiffs)
    rows.push([
      'index answers = scan answers (5 clients, 5 users, stats)',
      r.answerDiffs.length === 0 ? 'identical' : `${r.answerDiffs.length} differ`,
      'identical',
      verdict(r.answerDiffs.length === 0),
    ]);
  return { rows, allPass: rows.every((x) => x[3] === 'PASS') };
}

function memoryFigures(r: SizeResult) {
  const m = r.memory;
  const data = m.afterSeed - m.empty;
  const indexUsed = m.afterReconcile - m.afterSeed;
  return {
    data,
    indexUsed,
    indexUsage: m.indexUsageBytes,
    ratioUsed: indexUsed / data,
    ratioUsage: m.indexUsageBytes / data,
    perTokenUsed: indexUsed / r.size,
    perTokenUsage: m.indexUsageBytes / r.size,
    dataPerToken: data / r.size,
  };
}

const LATENCY_HEADERS = ['query', 'runs', 'p50 ms', 'p95 ms', 'p50 / token(jti)', 'target', 'verdict', 'Redis exec µs/req', 'Redis cmds/req'];
const LATENCY_ALIGN = ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'right', 'right'] as const;

function latencyRows(r: SizeResult): string[][] {
  const base = p50Of(r.results, 'token(jti)');
  return r.results.map((x) => {
    const c = CASES.find((k) => k.name === x.name) as QueryCase;
    const q = x.summary.p50 / base;
    return [
      x.name,
      String(x.summary.n),
      formatMs(x.summary.p50),
      formatMs(x.summary.p95),
      x.name === 'token(jti)' ? '1x' : ratio(q),
      c.target === null ? '-' : `≤ ${c.target}x`,
      c.target === null ? '' : verdict(q <= c.target),
      x.redisUs === null ? '-' : formatMs(x.redisUs),
      `${formatCount(x.commands)} (${x.commandNames})`,
    ];
  });
}

const SCAN_HEADERS = ['query', 'scan p50 ms', 'scan p95 ms', 'scan runs', 'scan cmds/req', 'index p50 ms', 'index cmds/req', 'scan / index'];
const SCAN_ALIGN = ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] as const;

function scanRows(r: SizeResult): string[][] {
  return (r.scanResults ?? []).map((s) => {
    const idx = r.results.find((x) => x.name === s.name) as CaseResult;
    return [
      s.name,
      formatMs(s.summary.p50),
      formatMs(s.summary.p95),
      String(s.summary.n),
      formatCount(s.commands),
      formatMs(idx.summary.p50),
      formatCount(idx.commands),
      ratio(s.summary.p50 / idx.summary.p50),
    ];
  });
}

const LOAD_HEADERS = [
  'server',
  'req/s best round',
  'vs bare',
  'p50 ms',
  'p99 ms',
  'req/s all rounds',
  'vs bare',
  'p99 ms worst round',
  'requests',
  'errors / non-2xx / bad bodies',
  'Redis cmds/req',
  'req/s by round',
];
const LOAD_ALIGN = ['left', ...Array(11).fill('right')] as ('left' | 'right')[];

function loadRows(p: LoadPair): string[][] {
  const ms = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));
  const row = (name: ServerName) => {
    const { best, total } = p[name];
    return [
      SERVER_LABEL[name],
      formatCount(Math.round(best.reqPerSec)),
      ratio(best.reqPerSec / p.bare.best.reqPerSec),
      ms(best.latency.p50),
      ms(best.latency.p99),
      formatCount(Math.round(total.reqPerSec)),
      ratio(total.reqPerSec / p.bare.total.reqPerSec),
      ms(total.latency.p99),
      formatCount(total.requests),
      `${total.errors + total.timeouts} / ${total.non2xx} / ${total.mismatches}`,
      p[name].commandsPerRequest.toFixed(2),
      p[name].rounds.map((r) => formatCount(Math.round(r.reqPerSec))).join(' / '),
    ];
  };
  return [row('graphql'), row('bare'), row('floor')];
}

function memoryRows(r: SizeResult): string[][] {
  const m = memoryFigures(r);
  return [
    ['used_memory, empty server', formatBytes(r.memory.empty)],
    [
      'used_memory after seeding (data)',
      `${formatBytes(r.memory.afterSeed)} (data: +${formatBytes(m.data)}, ${formatCount(Math.round(m.dataPerToken))} B per token)`,
    ],
    [
      'used_memory after reconcile (data + index)',
      `${formatBytes(r.memory.afterReconcile)} (index: +${formatBytes(m.indexUsed)}, ${formatCount(Math.round(m.perTokenUsed))} B per token)`,
    ],
    [
      'IndexStore.memoryBytes()',
      `${formatBytes(m.indexUsage)} in ${formatCount(r.memory.indexKeys)} keys (${formatCount(Math.round(m.perTokenUsage))} B per token)`,
    ],
    ['index / data', `${pct(m.ratioUsed)} by used_memory, ${pct(m.ratioUsage)} by MEMORY USAGE (target < ${TARGETS.memory * 100} %)`],
  ];
}

function reconcileLine(r: SizeResult): string {
  const x = r.reconcile;
  return (
    `Reconcile (job \`reconcileIndexes(dryRun: false)\`, from an empty index): ${(x.ms / 1000).toFixed(1)} s wall, ` +
    `${formatCount(x.scanned)} keys scanned, ${formatCount(Math.round(x.scanned / (x.ms / 1000)))} keys/s, ` +
    `${formatCount(x.changed)} index entries written, ${formatCount(x.commands)} Redis commands sent (${(x.commands / Math.max(1, x.scanned)).toFixed(2)} per key).`
  );
}

function sizeSection(r: SizeResult, md: boolean): string[] {
  const table = md ? markdownTable : textTable;
  const h = (text: string) => (md ? `### ${text}` : `-- ${text}`);
  const out = [
    md ? `## ${formatCount(r.size)} tokens` : `== ${formatCount(r.size)} tokens`,
    '',
    `${shapeLine(r.seed)}. Seeded in ${(r.seed.ms / 1000).toFixed(1)} s (${formatCount(r.seed.counts.commands)} commands).`,
    '',
    reconcileLine(r),
    '',
    r.notifications
      ? `Keyspace notifications: NOT followed (${r.notifications}).`
      : 'Keyspace notifications followed during the run (as the leader process does), so keys that expire are dropped from the index.',
    '',
    h('Latency with the indexes (in-process `app.fetch`)'),
    '',
    table(LATENCY_HEADERS, latencyRows(r), LATENCY_ALIGN),
    '',
  ];
  if (r.scanResults) {
    out.push(h('Before / after: the same queries with the index marked not ready (scan path)'), '', table(SCAN_HEADERS, scanRows(r), SCAN_ALIGN), '');
    out.push(
      r.answerDiffs && r.answerDiffs.length > 0
        ? `Index and scan answers DIFFER: ${r.answerDiffs.join('; ')}`
        : 'Index and scan paths gave identical answers (5 clients, 5 users, every stats field).',
      '',
    );
  }
  if (r.load) {
    const l = r.load;
    const paired = pairedRatios(l);
    const x = paired.median;
    out.push(
      h(
        `Under load: \`token(jti) { client { clientName } user { username } }\`, ${connections} connections, ${l.rounds} x ${l.secondsPerRound} s per server, loopback`,
      ),
      '',
      table(LOAD_HEADERS, loadRows(l), LOAD_ALIGN),
      '',
      `GraphQL / bare throughput, median of the rounds' ratios (${paired.ratios.map(ratio).join(', ')}): ${ratio(x)} (target ≥ ${TARGETS.throughput}x): ${verdict(x >= TARGETS.throughput)}; ` +
        `best round against best round: ${ratio(l.graphql.best.reqPerSec / l.bare.best.reqPerSec)}; all rounds summed: ${ratio(l.graphql.total.reqPerSec / l.bare.total.reqPerSec)}. ` +
        `p99 in the best round: GraphQL ${l.graphql.best.latency.p99} ms, bare ${l.bare.best.latency.p99} ms. ` +
        `The reference row is graphql-yoga itself over the same reads (graphql-js schema, no Pothos, no app plugins): ${ratio(l.floor.best.reqPerSec / l.bare.best.reqPerSec)} of bare. ` +
        `Load average after the run: ${l.loadAverage.map((v) => v.toFixed(2)).join(' ')}.`,
      '',
    );
  }
  if (r.cpu) {
    const c = r.cpu;
    out.push(
      md
        ? `CPU per request of the same read, in-process and sequential (no socket, no load; process CPU / ${formatCount(c.requests)} requests):`
        : 'CPU per request, in-process, sequential:',
      '',
      table(
        ['path', 'CPU µs/req', 'vs bare'],
        [
          ['bare function (GET, parse, GET, parse, stringify)', c.bare.toFixed(0), '1x'],
          ['app schema through graphql-js execute() only', c.execute.toFixed(0), ratio(c.execute / c.bare)],
          ['app schema through graphql-jit (compiled query) only', c.jit.toFixed(0), ratio(c.jit / c.bare)],
          ['graphql-yoga fetch over a plain graphql-js schema', c.floor.toFixed(0), ratio(c.floor / c.bare)],
          ['app.fetch (createApp: yoga + Pothos schema + plugins)', c.app.toFixed(0), ratio(c.app / c.bare)],
        ],
        ['left', 'right', 'right'],
      ),
      '',
    );
  }
  out.push(h('Memory'), '', table(md ? ['', ''] : ['figure', 'value'], memoryRows(r)), '');
  out.push(
    md
      ? 'Index keys by family (MEMORY USAGE per key, summed; entries = HLEN/SCARD/ZCARD summed; encodings as `type/OBJECT ENCODING`: keys):'
      : 'index keys by family:',
    '',
    table(
      ['family', 'what', 'keys', 'entries', 'bytes', 'share', 'B per token', 'encodings'],
      r.families.map((f) => [
        f.family,
        FAMILY_MEANING[f.family] ?? '',
        formatCount(f.keys),
        formatCount(f.fields),
        formatBytes(f.bytes),
        pct(
          f.bytes /
            Math.max(
              1,
              r.families.reduce((n, x) => n + x.bytes, 0),
            ),
        ),
        formatCount(Math.round(f.bytes / r.size)),
        Object.entries(f.encodings)
          .map(([e, n]) => `${e}: ${formatCount(n)}`)
          .join(', '),
      ]),
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    '',
  );
  out.push(h('Targets'), '', table(['figure', 'value', 'target', 'verdict'], verdictsOf(r).rows), '');
  return out;
}

function summaryTable(results: SizeResult[], md: boolean): string {
  const table = md ? markdownTable : textTable;
  const names = verdictsOf(results[0] as SizeResult).rows.map((x) => x[0]);
  const rows = names.map((name) => [
    name,
    ...results.map((r) => {
      const row = verdictsOf(r).rows.find((x) => x[0] === name);
      return row ? `${row[1]} ${row[3]}` : '-';
    }),
  ]);
  const extra = [
    [
      'reconcile wall time',
      ...results.map((r) => `${(r.reconcile.ms / 1000).toFixed(1)} s (${formatCount(Math.round(r.reconcile.scanned / (r.reconcile.ms / 1000)))} keys/s)`),
    ],
    ...CASES.map((c) => [
      `${c.name} p50 / p95 ms`,
      ...results.map((r) => {
        const s = r.results.find((x) => x.name === c.name)?.summary;
        return s ? `${formatMs(s.p50)} / ${formatMs(s.p95)}` : '-';
      }),
    ]),
    ...(['graphql', 'bare', 'floor'] as const).map((name) => [
      `${SERVER_LABEL[name]}: req/s, p99 (best round)`,
      ...results.map((r) => (r.load ? `${formatCount(Math.round(r.load[name].best.reqPerSec))}, ${r.load[name].best.latency.p99} ms` : '-')),
    ]),
    [
      'index bytes per token (used_memory / MEMORY USAGE)',
      ...results.map((r) => {
        const m = memoryFigures(r);
        return `${formatCount(Math.round(m.perTokenUsed))} / ${formatCount(Math.round(m.perTokenUsage))}`;
      }),
    ],
  ];
  return table(['', ...results.map((r) => `${formatCount(r.size)} tokens`)], [...extra, ...rows], ['left', ...results.map(() => 'right' as const)]);
}

function markdown(info: MachineInfo, results: SizeResult[], pending: number[]): string {
  const parts = [
    '# Scale benchmark (`npm run bench`, `bench/index.ts`)',
    '',
    'Generated by `npm run bench` (overwritten on each run; sizes with `BENCH_SIZES`). Each size gets a',
    "private `redis-server` (no persistence) on loopback, seeded in the gateway's format by",
    '`bench/lib.ts` `seedGatewayData` (N/20 clients, N/50 users, 20 % of tokens expired, half of those',
    'without TTL, a refresh token for ~1/3, 5 % stale user-index entries). The indexes are then built by',
    'the reconcile job (`services.indexes.reconcile`, as the `reconcileIndexes` mutation runs it), with',
    'keyspace notifications followed from before the reconcile to the end, as the leader process does.',
    'Index stats are checked against the seeded shape and, every field, against `StatsService.scan()`',
    '(all primary keys read at that moment).',
    '',
    '- **Latency**: in-process `app.fetch` with the admin bearer token (auth, parsing, validation,',
    '  execution, serialisation; no socket), random ids on every run, untimed warm-up runs first, and a',
    '  small unreported round before the first size (JIT). Percentiles interpolate linearly between',
    '  ranks. "Redis cmds/req" is the median request\'s command count (each pipelined command counted).',
    '  "Redis exec µs/req" is the median time Redis itself spent on one request\'s commands, from SLOWLOG',
    '  at a 0 µs threshold in separate untimed runs (a script counts once, with everything it runs; SLOWLOG',
    '  itself adds a little).',
    '  Ratios are p50 / p50 of `token(jti) { jti status }`, the nodes the list queries return.',
    '- **Scan path**: the same queries after `DEL <index prefix>ready` (what a service sees before its',
    '  first reconcile), then the marker is restored; answers of both paths are compared.',
    "- **Load**: autocannon in a child process (so it never shares the server's event loop), POST with",
    `  a random jti from a pool of 20,000 per request; ${loadRounds} rounds per server of 2 s warm-up + ${loadSeconds} s,`,
    '  servers in alternating order (ABC CBA ...), so each round runs bare and GraphQL close together.',
    '  The machine may be shared (other processes beside the bench): the target is judged on the median',
    '  of the per-round GraphQL / bare ratios; best-round and all-rounds figures are shown too. GraphQL is',
    '  `node:http` `createServer(createNodeHandler(createApp(...)))`, what `npm start` serves: a fast',
    "  transport in front of Yoga that reads JSON POSTs itself and drives the app's one plugin chain",
    '  (`getResultForParams`: admission, cached parse and validation, context, cost limit, graphql-jit',
    "  from a document's second use, masking; then the result processing and request log hooks); anything",
    "  else goes to Yoga's node handler. Admin token, no rate limit (the bench app has none);",
    "  bare is `node:http` + its own ioredis connection (made like the service's, auto-pipelining on) doing GET token, JSON.parse, GET client,",
    '  JSON.parse and answering the same JSON. Every response is checked (`bad bodies`). Both servers',
    '  run in the bench process, one at a time; the cores are shared by server, load generator and Redis.',
    '  The reference row is graphql-yoga over a plain graphql-js schema of the same fields doing the bare',
    "  reads: the cost of GraphQL itself, without Pothos, the app's plugins or its repositories.",
    '  Below each load table, the process CPU per request of the same read done 5,000 times in a row',
    '  in-process (no socket, no load): bare function; the app schema through graphql-js `execute()`',
    "  (what the fast path runs on a document's first use) and through the query graphql-jit compiled",
    "  (what it runs from then on); yoga over the plain schema; and `app.fetch` (Yoga's whole pipeline,",
    '  what a request the fast path does not answer costs): where the time goes.',
    '- **Memory**: Redis `used_memory` of the empty server, after seeding (data) and after the',
    '  reconcile (data + index), and `IndexStore.memoryBytes()` (sum of MEMORY USAGE of the index keys;',
    '  sampled for large aggregates).',
    '',
    markdownTable(['', ''], machineInfoRows(info)),
    '',
  ];
  if (results.length > 0) parts.push('## Summary', '', summaryTable(results, true), '');
  if (pending.length > 0) parts.push(`_Not measured (run stopped or failed before them): ${pending.map(formatCount).join(', ')} tokens._`, '');
  for (const r of results) parts.push(...sizeSection(r, true));
  parts.push('## Queries', '', ...[TOKEN, TOKEN_RELATIONS, CLIENT_TOKENS, USER_TOKENS, STATS_QUERY].flatMap((q) => ['```graphql', q, '```', '']));
  return parts.join('\n');
}

// ------------------------------------------------------------------------------------ main

async function main(): Promise<void> {
  const sizes = parseSizes(process.argv.slice(2), process.env.BENCH_SIZES, [100_000, 1_000_000]);
  const scanAtRaw = process.env.BENCH_SCAN_AT?.trim();
  const scanAt = scanAtRaw === '0' || scanAtRaw === 'none' ? null : scanAtRaw ? (parseSizes([], scanAtRaw, [])[0] ?? null) : (sizes[0] ?? null);
  const started = performance.now();
  const watchdog = setTimeout(() => {
    log(`\nthe run exceeded BENCH_MAX_MINUTES=${maxMinutes}: stopping`);
    void (current?.stop() ?? Promise.resolve()).finally(() => process.exit(2));
  }, maxMinutes * 60_000);
  watchdog.unref();

  const machine: { info?: MachineInfo } = {};
  log('process warm-up: 2,000 tokens, not reported');
  await runSize(2000, { scan: false, load: false, quiet: true }, machine);
  // The working tree is what runs: say so when it differs from the commit.
  try {
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    if (dirty && machine.info) machine.info.commit += ` + uncommitted changes (${dirty.split('\n').length} files)`;
  } catch {
    // not a git checkout
  }
  const file = new URL('./RESULTS.md', import.meta.url);
  const results: SizeResult[] = [];
  for (let i = 0; i < sizes.length; i++) {
    const size = sizes[i] as number;
    results.push(await runSize(size, { scan: size === scanAt, load: true }, machine));
    writeFileSync(file, markdown(machine.info as MachineInfo, results, sizes.slice(i + 1)));
  }
  const info = machine.info as MachineInfo;
  const out = ['', 'oauth-admin scale benchmark', textTable(['', ''], machineInfoRows(info)).split('\n').slice(2).join('\n'), ''];
  for (const r of results) out.push(...sizeSection(r, false));
  out.push('== summary', '', summaryTable(results, false), '');
  const allPass = results.every((r) => verdictsOf(r).allPass);
  out.push(`targets: ${allPass ? 'all PASS' : 'some FAIL (see above)'}; total ${((performance.now() - started) / 60_000).toFixed(1)} min`);
  console.log(out.join('\n'));
  console.log(`\nwrote ${file.pathname}`);
}

main().then(
  () => process.exit(0),
  async (error: unknown) => {
    console.error(
      `\nbench failed: ${error instanceof BenchQueryError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    await current?.stop().catch(() => {});
    process.exit(1);
  },
);
