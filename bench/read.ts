/**
 * Read latency: seeds N access tokens in the gateway's format, then times `token(jti)`,
 * `client.tokens(first: 10)`, `user.tokens(first: 10)` and `stats` through `app.fetch` (bearer
 * auth, parsing, validation, execution, serialisation; no socket).
 *
 *   npx tsx bench/read.ts                      # 10000 and 100000 tokens (npm run bench runs bench/index.ts)
 *   BENCH_SIZES=1000 npx tsx bench/read.ts     # quick run (or: npx tsx bench/read.ts 1000,5k)
 *   BENCH_REDIS_URL=redis://host:6379 …        # use that Redis under a random prefix, deleted afterwards
 *   BENCH_BUDGET_S=60                          # cap on timed seconds per heavy query and size
 *
 * Prints a table per size and writes the same as markdown to bench/RESULTS-read.md.
 */
import { writeFileSync } from 'node:fs';
import {
  type BenchApp,
  BenchQueryError,
  type MachineInfo,
  type SeedResult,
  type Summary,
  commandCounter,
  createBenchApp,
  createRng,
  envNumber,
  formatBytes,
  formatCount,
  formatMs,
  machineInfo,
  machineInfoRows,
  markdownTable,
  measure,
  parseSizes,
  pick,
  seedGatewayData,
  startBenchRedis,
  summarize,
  textTable,
  usedMemory,
  type QueryCase,
  STATS_QUERY,
  type Stats,
  tokenByJti,
} from './lib.js';

// Plain strings (not graphql()/gql): codegen scans bench/ and these need no generated types.
const TOKEN = `query BenchToken($jti: String!) {
  token(jti: $jti) { jti username clientId scope status issuedAt expiresAt client { clientId clientName } user { username } }
}`;
const CLIENT_TOKENS = `query BenchClientTokens($clientId: String!) {
  client(clientId: $clientId) {
    clientId clientName
    tokens(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { node { jti username status expiresAt } } }
  }
}`;
const USER_TOKENS = `query BenchUserTokens($username: String!) {
  user(username: $username) {
    username
    tokens(first: 10) { totalCount pageInfo { hasNextPage endCursor } edges { node { jti clientId status expiresAt } } }
  }
}`;

const heavyBudgetMs = envNumber('BENCH_BUDGET_S', 60) * 1000;

const CASES: QueryCase[] = [
  {
    name: 'token(jti)',
    query: TOKEN,
    warmup: 200,
    iterations: 200,
    ...tokenByJti,
  },
  {
    name: 'client.tokens(first: 10)',
    query: CLIENT_TOKENS,
    warmup: 3,
    iterations: 30,
    variables: (seed, rng) => ({ clientId: pick(rng, seed.clientIdsWithTokens) }),
    check: (data, vars) => {
      const client = data.client as { tokens: { totalCount: number; edges: unknown[] } } | null;
      if (!client || client.tokens.totalCount < 1 || client.tokens.edges.length < 1) {
        throw new BenchQueryError(`client(${String(vars.clientId)}).tokens came back empty: ${JSON.stringify(client)}`);
      }
    },
  },
  {
    name: 'user.tokens(first: 10)',
    query: USER_TOKENS,
    warmup: 3,
    iterations: 30,
    variables: (seed, rng) => ({ username: pick(rng, seed.usernamesWithTokens) }),
    check: (data, vars) => {
      const user = data.user as { tokens: { totalCount: number; edges: unknown[] } } | null;
      if (!user || user.tokens.totalCount < 1 || user.tokens.edges.length < 1) {
        throw new BenchQueryError(`user(${String(vars.username)}).tokens came back empty: ${JSON.stringify(user)}`);
      }
    },
  },
  {
    name: 'stats',
    query: STATS_QUERY,
    warmup: 2,
    iterations: 30,
    variables: () => ({}),
    check: () => {},
  },
];

interface CaseResult {
  name: string;
  summary: Summary;
  /** Median Redis commands per request (pipelined ones counted one by one); null on a cluster. */
  commands: number | null;
}

interface SizeResult {
  size: number;
  seed: SeedResult;
  usedMemory: number;
  memoryDelta: number;
  results: CaseResult[];
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

/** The seeded shape must be what `stats` sees, or the figures are of something else. */
function checkStats(stats: Stats, seed: SeedResult): void {
  const c = seed.counts;
  const expected: Stats = {
    registrations: c.clients,
    corruptRegistrations: 0,
    testRegistrations: c.testClients,
    activeTokens: c.activeTokens,
    expiredTokens: c.expiredTokens,
    corruptTokens: 0,
    refreshTokens: c.refreshTokens,
    expiredRefreshTokens: c.expiredRefreshTokens,
    staleIndexEntries: c.staleIndexEntries,
    orphanTokens: 0,
  };
  const wrong = Object.entries(expected).filter(([k, v]) => stats[k] !== v);
  if (wrong.length > 0) {
    throw new BenchQueryError(`stats disagree with the seeded data: ${wrong.map(([k, v]) => `${k}=${stats[k]} (seeded ${v})`).join(', ')}`);
  }
}

async function runCase(bench: BenchApp, counter: ReturnType<typeof commandCounter>, seed: SeedResult, c: QueryCase, size: number): Promise<CaseResult> {
  const rng = createRng(size ^ c.name.length);
  const counts: number[] = [];
  const heavy = c.iterations < 100;
  const samples = await measure(
    async () => {
      const variables = c.variables(seed, rng);
      c.check(await bench.query(c.query, variables), variables);
    },
    {
      warmup: c.warmup,
      iterations: c.iterations,
      ...(heavy ? { budgetMs: heavyBudgetMs } : {}),
      before: () => counter?.reset(),
      after: (ms, i) => {
        if (counter) counts.push(counter.count);
        if (heavy && (i + 1) % 10 === 0) log(`    ${c.name}: ${i + 1} runs, last ${formatMs(ms)} ms`);
      },
    },
  );
  const sortedCounts = counts.sort((a, b) => a - b);
  return { name: c.name, summary: summarize(samples), commands: counter ? (sortedCounts[Math.floor(sortedCounts.length / 2)] ?? null) : null };
}

async function runSize(size: number, redisUrl: string | undefined, machine: { info?: MachineInfo }): Promise<SizeResult> {
  const bench = await startBenchRedis({ url: redisUrl });
  try {
    machine.info ??= await machineInfo(bench.redis);
    log(`\n== ${formatCount(size)} tokens (${bench.isPrivate ? `private redis-server at ${bench.url}` : `${bench.url}, prefix ${bench.prefixes.oauth}`})`);
    const before = await usedMemory(bench.redis);
    const seed = await seedGatewayData(bench.redis, bench.keys, {
      tokens: size,
      seed: size,
      onProgress: (sent) => {
        if (sent % 100_000 === 0) log(`  seeding: ${formatCount(sent)} commands`);
      },
    });
    const after = await usedMemory(bench.redis);
    const c = seed.counts;
    log(
      `  seeded in ${(seed.ms / 1000).toFixed(2)} s (${formatCount(c.commands)} commands, ${formatCount(Math.round(c.commands / (seed.ms / 1000)))}/s): ` +
        `${formatCount(c.clients)} clients (${c.testClients} TEST), ${formatCount(c.users)} users, ${formatCount(c.tokens)} tokens ` +
        `(${formatCount(c.expiredTokens)} expired, ${formatCount(c.expiredWithoutTtl)} of them without TTL), ` +
        `${formatCount(c.refreshTokens)} refresh tokens, ${formatCount(c.staleIndexEntries)} stale index entries`,
    );
    log(`  used_memory ${formatBytes(after)} (+${formatBytes(after - before)} for the seeded data)`);

    const app = createBenchApp(bench);
    checkStats(await app.query<{ stats: Stats }>(STATS_QUERY).then((d) => d.stats), seed);
    const counter = commandCounter(bench.redis);
    const results: CaseResult[] = [];
    for (const c of CASES) {
      log(`  ${c.name}...`);
      const result = await runCase(app, counter, seed, c, size);
      log(`    p50 ${formatMs(result.summary.p50)} ms, p95 ${formatMs(result.summary.p95)} ms (${result.summary.n} runs)`);
      results.push(result);
    }
    return { size, seed, usedMemory: after, memoryDelta: after - before, results };
  } finally {
    await bench.stop();
  }
}

const HEADERS = ['query', 'runs', 'p50 ms', 'p95 ms', 'mean ms', 'min ms', 'max ms', 'Redis cmds/req'];
const ALIGN = ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] as const;

function rowsOf(r: SizeResult): string[][] {
  return r.results.map((x) => [
    x.name,
    String(x.summary.n),
    formatMs(x.summary.p50),
    formatMs(x.summary.p95),
    formatMs(x.summary.mean),
    formatMs(x.summary.min),
    formatMs(x.summary.max),
    x.commands === null ? '-' : formatCount(x.commands),
  ]);
}

function shapeLine(r: SizeResult): string {
  const c = r.seed.counts;
  return (
    `${formatCount(c.tokens)} tokens (${formatCount(c.activeTokens)} active, ${formatCount(c.expiredTokens)} expired of which ${formatCount(c.expiredWithoutTtl)} without TTL), ` +
    `${formatCount(c.clients)} clients (${c.testClients} TEST), ${formatCount(c.users)} users, ${formatCount(c.refreshTokens)} refresh tokens, ` +
    `${formatCount(c.staleIndexEntries)} stale index entries. Seeded in ${(r.seed.ms / 1000).toFixed(2)} s ` +
    `(${formatCount(c.commands)} commands in pipelines of 1000). used_memory after seeding: ${formatBytes(r.usedMemory)} ` +
    `(+${formatBytes(r.memoryDelta)}).`
  );
}

function markdown(info: MachineInfo, results: SizeResult[], redisUrl: string | undefined): string {
  const parts = [
    '# Read latency (`bench/read.ts`)',
    '',
    'Generated by `npx tsx bench/read.ts` (overwritten on each run). Every request goes through `app.fetch`',
    'in-process with the admin bearer token: auth, parsing, validation, execution and serialisation',
    `are counted; no socket. Redis: ${redisUrl ? 'BENCH_REDIS_URL under a random prefix' : 'a private `redis-server` (no persistence) on loopback, one per size'}.`,
    'Ids are picked at random for every run; warm-up runs are not timed, and a whole 1,000-token',
    'round runs first, unreported, so the first size does not pay for JIT. Percentiles interpolate',
    'linearly between ranks. "Redis cmds/req" is the median number of commands one request sends',
    '(each command of a pipeline counted; MGET of up to 1000 keys is one command).',
    '',
    markdownTable(['', ''], machineInfoRows(info)),
    '',
  ];
  for (const r of results) {
    parts.push(`## ${formatCount(r.size)} tokens`, '', shapeLine(r), '', markdownTable(HEADERS, rowsOf(r), ALIGN), '');
  }
  if (results.length > 1) {
    parts.push(
      '## p50 / p95 by size (ms)',
      '',
      markdownTable(['query', ...results.map((r) => `${formatCount(r.size)} tokens`)], summaryRows(results), ['left', ...results.map(() => 'right' as const)]),
      '',
    );
  }
  parts.push('## Queries', '', ...[TOKEN, CLIENT_TOKENS, USER_TOKENS, STATS_QUERY].flatMap((q) => ['```graphql', q, '```', '']));
  return parts.join('\n');
}

function summaryRows(results: SizeResult[]): string[][] {
  return CASES.map((c) => [
    c.name,
    ...results.map((r) => {
      const s = r.results.find((x) => x.name === c.name)?.summary;
      return s ? `${formatMs(s.p50)} / ${formatMs(s.p95)}` : '-';
    }),
  ]);
}

async function main(): Promise<void> {
  const sizes = parseSizes(process.argv.slice(2), process.env.BENCH_SIZES, [10_000, 100_000]);
  const redisUrl = process.env.BENCH_REDIS_URL?.trim() || undefined;
  const machine: { info?: MachineInfo } = {};
  // The first size measured in a process showed a fatter token(jti) tail (p95 3.4 ms against
  // 1.1 ms for the same size measured again): JIT and first-use costs. A small untimed round first.
  log('process warm-up: 1,000 tokens, not reported');
  await runSize(1000, redisUrl, machine);
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await runSize(size, redisUrl, machine));
  const info = machine.info as MachineInfo;

  const out: string[] = [
    '',
    'oauth-admin read latency (in-process app.fetch, admin token)',
    textTable(['', ''], machineInfoRows(info)).split('\n').slice(2).join('\n'),
  ];
  for (const r of results) out.push('', `-- ${formatCount(r.size)} tokens`, shapeLine(r), textTable(HEADERS, rowsOf(r), ALIGN));
  if (results.length > 1) {
    out.push(
      '',
      '-- p50 / p95 by size (ms)',
      textTable(['query', ...results.map((r) => `${formatCount(r.size)} tokens`)], summaryRows(results), ['left', ...results.map(() => 'right' as const)]),
    );
  }
  console.log(out.join('\n'));
  const file = new URL('./RESULTS-read.md', import.meta.url);
  writeFileSync(file, markdown(info, results, redisUrl));
  console.log(`\nwrote ${file.pathname}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(
      `\nbench failed: ${error instanceof BenchQueryError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    process.exit(1);
  },
);
