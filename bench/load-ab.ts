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
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
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

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length < 2) throw new Error('usage: npx tsx bench/load-ab.ts TREE TREE [TREE ...]   (TREE: ., a directory, or a git revision)');
  const trees: BenchTree[] = [];
  let bench: BenchRedis | null = null;
  try {
    for (const arg of args) trees.push(treeOf(arg, join('src', 'http', 'fast-path.ts')));
    bench = await startBenchRedis();
    const seed = await seedGatewayData(bench.redis, bench.keys, { tokens: envNumber('BENCH_AB_TOKENS', 10_000), activeForSeconds: 6 * 3600 });
    const bodies = tokenRelationsBodies(seed.jtis);
    const servers = [];
    for (const tree of trees) {
      const lib = (await import(pathToFileURL(join(tree.dir, 'bench', 'lib.ts')).href)) as typeof import('./lib.js');
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
