/**
 * Where the GraphQL server's CPU per request goes, layer by layer, under the same load in one
 * process: `token(jti) { client { clientName } user { username } }` with random jtis (autocannon
 * in a child process, as index.ts), served by four handlers on the same Redis and data, load windows
 * taken in turn (ABCD, DCBA, ...):
 *
 *   bare    node:http + ioredis, no GraphQL (index.ts's bare handler; the throughput target's 1x)
 *   plain   the same transport, the same reads as resolvers of a plain graphql-js schema, compiled
 *           with graphql-jit: what GraphQL execution itself costs
 *   schema  the same transport, the app's Pothos schema compiled with graphql-jit, with the app's
 *           context (createContext): what the schema, its plugins (scope-auth, dataloader) and the
 *           domain reads cost beyond plain
 *   app     what `npm start` serves: createNodeHandler(createApp(...)), the one plugin chain
 *           (admission, cached parse and validation, context, limits, graphql-jit, masking, log)
 *
 * Prints the server's CPU per request (the process's CPU over a window / requests served), median
 * over the windows, and each layer's against bare. Issue 16's target is about throughput
 * (GraphQL >= 0.5x the bare handler's req/s, index.ts), which on a machine where the load
 * generator and Redis share the cores comes down to roughly CPU per request at most twice bare's.
 *
 *   npx tsx bench/load-layers.ts
 *
 * BENCH_AB_TOKENS (10000), BENCH_AB_WINDOWS (6 per layer), BENCH_AB_S (3 s after a 1 s warm-up),
 * BENCH_CONNECTIONS (50).
 */
import { parse } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { GraphQLSchema } from 'graphql';
import { createContext } from '../src/context.js';
import { createNodeHandler } from '../src/http/fast-path.js';
import { schema } from '../src/schema/index.js';
import {
  type BenchRedis,
  TOKEN_RELATIONS_QUERY,
  type WindowFigures,
  createBenchApp,
  envNumber,
  listenOnLoopback,
  loadInTurn,
  seedGatewayData,
  startBenchRedis,
  median,
  textTable,
  tokenRelationsBodies,
} from './lib.js';
import { bareHandler, floorSchema, jsonHandler } from './reference-servers.js';

function compiled(on: GraphQLSchema): CompiledQuery {
  const query = compileQuery(on, parse(TOKEN_RELATIONS_QUERY));
  if (!isCompiledQuery(query)) throw new Error(`graphql-jit could not compile the query: ${JSON.stringify(query.errors)}`);
  return query;
}

async function main(): Promise<void> {
  let bench: BenchRedis | null = null;
  try {
    bench = await startBenchRedis();
    const seed = await seedGatewayData(bench.redis, bench.keys, { tokens: envNumber('BENCH_AB_TOKENS', 10_000), activeForSeconds: 6 * 3600 });
    const bodies = tokenRelationsBodies(seed.jtis);
    const app = createBenchApp(bench);
    const plain = compiled(floorSchema(bench.redis, bench.keys));
    const pothos = compiled(schema);
    const principal = { role: 'admin', name: 'bench' } as const;
    const handlers = {
      bare: bareHandler(bench.redis, bench.keys),
      plain: jsonHandler(async (variables) => JSON.stringify(await plain.query(undefined, {}, variables))),
      schema: jsonHandler(async (variables) => JSON.stringify(await pothos.query(undefined, createContext(app.services, principal), variables))),
      app: createNodeHandler(app.app),
    };
    const layers = [];
    for (const [name, handler] of Object.entries(handlers)) layers.push({ label: name, server: await listenOnLoopback(handler, '/graphql') });
    const figures = await loadInTurn(
      'load-layers',
      layers.map((l) => ({ label: l.label, url: l.server.url })),
      bodies,
      6,
    );
    const bare = median((figures[0] as WindowFigures).cpu);
    let previous = 0;
    console.log(
      textTable(
        ['layer', 'CPU µs/req (median)', 'vs bare', 'added by the layer', 'CPU µs/req by window'],
        layers.map((l, i) => {
          const cpu = (figures[i] as WindowFigures).cpu;
          const m = median(cpu);
          const added = previous === 0 ? '-' : `${(m - previous).toFixed(0)} µs`;
          previous = m;
          return [l.label, m.toFixed(0), `${(m / bare).toFixed(2)}x`, added, cpu.map((c) => c.toFixed(0)).join(' ')];
        }),
      ),
    );
    for (const l of layers) await l.server.close();
  } finally {
    await bench?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`load-layers: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
