import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type FaultRedis, faultRedis } from '../helpers/fault-redis.js';
import { CI_SCALE, type World, describeRun, openWorld, runSequence, trafficCommands } from '../helpers/gateway-traffic.js';

/**
 * Issue 12, model-based: random gateway-like traffic in the gateway's exact formats (register,
 * RFC 7592 delete, issue with short and long lifetimes, refresh grant, revoke, key expiry,
 * restore --clear floods, bulk loads, refresh tokens with and without TTL and past their lifetime,
 * states and codes with and without TTL, corrupt values, bursts, Redis restarts where the server is
 * our own), with checks at quiet points and real purges in between.
 *
 * The bound: at every quiet point (nothing writes; short TTLs due have expired), `fresh()` must be
 * true within 20 s, and then, at one frozen instant, the index's stats, `stats.scan()`, the API's
 * `stats`, `client.tokens` / `user.tokens` and a purge dry run's counts must EQUAL an independent
 * full scan of the raw keys (test/helpers/gateway-traffic.ts computeTruth). A real purge, started
 * without waiting for the index, must remove exactly what the truth says and report it.
 *
 * CI: a fixed seed (test/setup/fast-check.ts; FC_SEED=<n> to explore), 3 runs of 30-50 steps.
 * FC_SHRINK=1 shrinks a failure (slow: every try replays against Redis). Longer: npm run soak:index.
 */

const inCluster = inject('redisUrl').startsWith('redis+cluster://');

describe('index model: gateway traffic against the derived indexes', () => {
  // Single project: a private server of our own, so the traffic may restart it (its AOF keeps the
  // data; `everysec` may lose the last second of writes, index and data alike, as a crash does).
  let server: FaultRedis | null = null;
  beforeAll(async () => {
    if (!inCluster) server = await faultRedis({ persistent: true, extraArgs: ['--appendfsync', 'everysec'] });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('at every quiet point the index, the scan, the API and a purge dry run equal a full scan of the store', async () => {
    const open = (): Promise<World> => openWorld({ url: server?.url ?? inject('redisUrl'), restart: server ? () => (server as FaultRedis).restart() : null });
    const ran: World[] = [];
    try {
      await fc.assert(
        fc.asyncProperty(trafficCommands(30, 50), async (cmds) => {
          await runSequence(open, CI_SCALE, cmds, (w) => ran.push(w));
        }),
        { numRuns: 3, endOnFailure: !process.env.FC_SHRINK },
      );
    } finally {
      for (const [i, w] of ran.entries()) console.log(`index model run ${i + 1}: ${describeRun(w)}`);
    }
    expect(ran.length).toBe(3);
  }, 300_000);
});
