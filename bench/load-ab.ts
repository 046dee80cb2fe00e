/**
 * The service's GraphQL handler of several source trees under the same load, in one process:
 * the same private Redis and data, short load windows taken in turn (ABBA...), so a shared
 * machine's drift falls on every tree alike. For telling a change of a few percent in per-request
 * cost, which `bench/index.ts`'s rounds (each server minutes apart) cannot.
 *
 *   npx tsx bench/load-ab.ts 06c7b1d .        # a commit against this working tree
 *   npx tsx bench/load-ab.ts /path/to/tree .  # another checkout against this one
 *
 * A tree is `.` (this one, uncommitted changes included), a directory holding a checkout of this
 * repository, or a git revision (checked out into a temporary worktree, removed after). Each tree's
 * own `bench/lib.ts` and `src/http/fast-path.ts` are loaded; dependencies come from this tree's
 * node_modules. Prints, per tree, the server's CPU per request (the process's CPU over a window /
 * requests served; only one tree is loaded at a time) and req/s, median over the windows.
 *
 * BENCH_AB_TOKENS (10000), BENCH_AB_WINDOWS (10), BENCH_AB_S (3 s after a 1 s warm-up),
 * BENCH_CONNECTIONS (50).
 *
 *   npx tsx bench/load-ab.ts --chain HEAD .   # the chain alone, no sockets: finer, for schema and plugin changes
 *
 * `--chain` leaves out the transport, the sockets and the load generator, whose noise hides a
 * change of 5-10% in the rest: each tree's app answers the same requests in this process through
 * `getResultForParams` (what the fast transport calls: admission, parse, validation, context,
 * limits, graphql-jit, masking), 50 in flight, in short rounds taken in turn. Prints the CPU per
 * request and, per pair of rounds, each tree's ratio to the first (median and interquartile range).
 * BENCH_AB_ROUNDS (40 per tree), BENCH_AB_REQUESTS (2000 per round).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  BENCH_ADMIN_TOKEN,
  type BenchRedis,
  type BenchTree,
  type WindowFigures,
  envNumber,
  listenOnLoopback,
  loadInTurn,
  seedGatewayData,
  startBenchRedis,
  median,
  textTable,
  tokenRelationsBodies,
  treeOf,
} from './lib.js';

type BenchLib = typeof import('./lib.js');
type ChainApp = ReturnType<BenchLib['createBenchApp']>['app'];

/** What a request looks like to the chain without a socket: the bench's token, a JSON answer accepted. */
const CHAIN_HEADERS = new Map([
  ['authorization', `Bearer ${BENCH_ADMIN_TOKEN}`],
  ['accept', 'application/json'],
  ['content-type', 'application/json'],
]);
const chainRequest = {
  method: 'POST',
  url: 'http://oauth-admin.bench/graphql',
  headers: { get: (name: string) => CHAIN_HEADERS.get(name.toLowerCase()) ?? null, has: (name: string) => CHAIN_HEADERS.has(name.toLowerCase()) },
} as unknown as Request;

/** CPU per request of `count` requests through an app's chain, 50 in flight; throws on any answer without the data. */
async function chainRound(app: ChainApp, bodies: readonly string[], count: number, offset: number): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const params = JSON.parse(bodies[(offset + next++) % bodies.length] as string) as { query: string; variables: Record<string, unknown> };
      const result = await app.getResultForParams(
        { params, request: chainRequest },
        { req: { socket: { remoteAddress: '127.0.0.1' } }, started: performance.now() },
      );
      const text = JSON.stringify(result);
      if (!text.includes('"clientName"') || text.includes('"errors"')) throw new Error(`a wrong answer: ${text.slice(0, 300)}`);
    }
  };
  const cpu0 = process.cpuUsage();
  await Promise.all(Array.from({ length: 50 }, worker));
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / count;
}

/** `--chain`: each tree's chain in rounds taken in turn (ABBA...); per tree its CPU per request and its per-pair ratio to the first. */
async function chainInTurn(trees: readonly BenchTree[], apps: readonly ChainApp[], bodies: readonly string[]): Promise<void> {
  const rounds = envNumber('BENCH_AB_ROUNDS', 40);
  const count = envNumber('BENCH_AB_REQUESTS', 2000);
  process.stderr.write(`load-ab --chain: ${apps.length} trees, ${rounds} rounds of ${count} requests each, 50 in flight\n`);
  for (const app of apps) await chainRound(app, bodies, 5 * count, 0);
  const cpu = apps.map((): number[] => []);
  const order = apps.map((_, i) => i);
  for (let r = 0; r < rounds; r++) {
    for (const i of r % 2 === 0 ? order : [...order].reverse()) (cpu[i] as number[]).push(await chainRound(apps[i] as ChainApp, bodies, count, r * count));
  }
  const first = cpu[0] as number[];
  const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))] as number;
  console.log(
    textTable(
      ['tree', 'CPU µs/req (median)', 'vs first, per pair of rounds: median', 'interquartile range'],
      trees.map((tree, i) => {
        const ratios = (cpu[i] as number[]).map((c, r) => c / (first[r] as number));
        return [
          tree.label,
          median(cpu[i] as number[]).toFixed(1),
          `${median(ratios).toFixed(3)}x`,
          `${quantile(ratios, 0.25).toFixed(3)}-${quantile(ratios, 0.75).toFixed(3)}`,
        ];
      }),
    ),
  );
}

async function main(): Promise<void> {
  const chain = process.argv[2] === '--chain';
  const args = process.argv.slice(chain ? 3 : 2);
  if (args.length < 2) throw new Error('usage: npx tsx bench/load-ab.ts [--chain] TREE TREE [TREE ...]   (TREE: ., a directory, or a git revision)');
  const trees: BenchTree[] = [];
  let bench: BenchRedis | null = null;
  try {
    for (const arg of args) trees.push(treeOf(arg, join('src', 'http', 'fast-path.ts')));
    bench = await startBenchRedis();
    const seed = await seedGatewayData(bench.redis, bench.keys, { tokens: envNumber('BENCH_AB_TOKENS', 10_000), activeForSeconds: 6 * 3600 });
    const bodies = tokenRelationsBodies(seed.jtis);
    if (chain) {
      const apps = [];
      for (const tree of trees) apps.push(((await import(pathToFileURL(join(tree.dir, 'bench', 'lib.ts')).href)) as BenchLib).createBenchApp(bench).app);
      await chainInTurn(trees, apps, bodies);
      return;
    }
    const servers = [];
    for (const tree of trees) {
      const lib = (await import(pathToFileURL(join(tree.dir, 'bench', 'lib.ts')).href)) as BenchLib;
      const transport = (await import(pathToFileURL(join(tree.dir, 'src', 'http', 'fast-path.ts')).href)) as typeof import('../src/http/fast-path.js');
      const app = lib.createBenchApp(bench);
      servers.push({ tree, server: await listenOnLoopback(transport.createNodeHandler(app.app), '/graphql') });
    }
    const figures = await loadInTurn(
      'load-ab',
      servers.map((s) => ({ label: s.tree.label, url: s.server.url })),
      bodies,
      10,
    );
    const first = figures[0] as WindowFigures;
    console.log(
      textTable(
        ['tree', 'CPU µs/req (median)', 'vs first', 'req/s (median)', 'vs first', 'CPU µs/req by window'],
        servers.map((s, i) => {
          const f = figures[i] as WindowFigures;
          return [
            s.tree.label,
            median(f.cpu).toFixed(0),
            `${(median(f.cpu) / median(first.cpu)).toFixed(2)}x`,
            Math.round(median(f.reqPerSec)).toLocaleString('en-US'),
            `${(median(f.reqPerSec) / median(first.reqPerSec)).toFixed(2)}x`,
            f.cpu.map((c) => c.toFixed(0)).join(' '),
          ];
        }),
      ),
    );
    for (const s of servers) await s.server.close();
  } finally {
    await bench?.stop();
    for (const tree of trees) tree.cleanup?.();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`load-ab: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
