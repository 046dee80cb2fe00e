/**
 * Index soak (issue 12): the model test's command generator (test/helpers/gateway-traffic.ts) for
 * a given time with random seeds, at soak scale (bulk loads of 5k-50k keys, restore --clear floods
 * of 2k-30k, Redis restarts), against a private redis-server it starts (AOF, so a restart keeps the
 * data; `everysec`, so a crash may lose the last second of writes, index and data alike). Each run
 * is a fresh service and namespace; at every quiet point the index, the scan, the API's stats,
 * client/user tokens and a purge dry run must equal a raw scan exactly, and real purges must remove
 * exactly what the truth says.
 *
 *   npm run soak:index                     # 30 minutes
 *   SOAK_MINUTES=5 npm run soak:index      # shorter
 *   SOAK_SEED=123 npm run soak:index       # replay one seed (one run)
 *   SOAK_COMMANDS=200                      # most steps per run (default 150; at least a third of it)
 *
 * Prints each run's seed, its steps by name, keys written and time; a divergence prints its seed,
 * the steps up to it and what differed. Exits 1 when any run diverged.
 */
import fc from 'fast-check';
import { Redis } from 'ioredis';
import { type FaultRedis, faultRedis } from '../test/helpers/fault-redis.js';
import { SOAK_SCALE, type World, describeRun, openWorld, runSequence, trafficCommands } from '../test/helpers/gateway-traffic.js';
import { envNumber, formatBytes } from './lib.js';

const MINUTES = envNumber('SOAK_MINUTES', 30);
const MAX_COMMANDS = envNumber('SOAK_COMMANDS', 150);
const FIXED_SEED = process.env.SOAK_SEED ? Number(process.env.SOAK_SEED) : null;
const MAX_PENDING = envNumber('SOAK_MAX_PENDING', 10_000);

// SOAK_DEBUG=1: ioredis keeps each command's call site, and a rejection names the commands it failed.
if (process.env.SOAK_DEBUG) {
  (Redis as unknown as { defaultOptions: { showFriendlyErrorStack: boolean } }).defaultOptions.showFriendlyErrorStack = true;
  const { default: Command } = (await import('ioredis/built/Command.js')) as unknown as { default: { prototype: { initPromise(): void } } };
  const init = Command.prototype.initPromise;
  Command.prototype.initPromise = function (this: { name: string; args: unknown[]; reject: (e: unknown) => void }) {
    init.call(this);
    const reject = this.reject;
    this.reject = (error: unknown) => {
      if (error instanceof Error) error.message += ` [${this.name} ${JSON.stringify(this.args).slice(0, 80)}]`;
      reject(error);
    };
  };
}

/** A rejection nobody handled (src/server.ts logs one as a bug; vitest fails the run): reported as a failure of the run. */
const unhandled: string[] = [];
process.on('unhandledRejection', (reason) => {
  unhandled.push(reason instanceof Error ? (reason.stack ?? reason.message) : String(reason));
});

async function main(): Promise<void> {
  let server: FaultRedis | null = await faultRedis({ persistent: true, extraArgs: ['--appendfsync', 'everysec'] });
  const stop = async () => {
    const s = server;
    server = null;
    await s?.stop();
  };
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    process.stderr.write(`\n${signal}: stopping the soak's redis-server...\n`);
    void stop().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const deadline = Date.now() + MINUTES * 60_000;
  const failures: { seed: number; message: string }[] = [];
  const totals = new Map<string, number>();
  let runs = 0;
  let keys = 0;
  process.stdout.write(
    `index soak: ${FIXED_SEED === null ? `${MINUTES} min of random seeds` : `seed ${FIXED_SEED}`}, up to ${MAX_COMMANDS} steps per run, redis-server on port ${server.port}, maxPending ${MAX_PENDING}\n`,
  );
  try {
    do {
      const seed = FIXED_SEED ?? Math.floor(Math.random() * 2 ** 31);
      const url = (server as FaultRedis).url;
      const restart = () => (server as FaultRedis).restart();
      let world: World | null = null;
      const started = Date.now();
      process.stdout.write(`run ${runs + 1} seed ${seed} ... `);
      const result = await fc.check(
        fc.asyncProperty(trafficCommands(Math.ceil(MAX_COMMANDS / 3), MAX_COMMANDS), async (cmds) => {
          await runSequence(
            () => openWorld({ url, restart, indexing: { maxPending: MAX_PENDING } }),
            SOAK_SCALE,
            cmds,
            (w) => (world = w),
          );
        }),
        { seed, numRuns: 1, endOnFailure: true },
      );
      runs += 1;
      const w = world as World | null;
      if (w) {
        keys += w.keysWritten;
        for (const [name, count] of w.counts) totals.set(name, (totals.get(name) ?? 0) + count);
      }
      const line = w ? describeRun(w) : `${((Date.now() - started) / 1000).toFixed(1)} s`;
      const lost = unhandled.splice(0);
      if (result.failed || lost.length > 0) {
        const message = result.failed
          ? `${result.counterexample ? `steps: ${String(result.counterexample[0])}\n` : ''}${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`
          : `${lost.length} unhandled rejection(s) (the server logs each as 'a bug: please report it'):\n${lost.slice(0, 3).join('\n')}`;
        failures.push({ seed, message });
        process.stdout.write(`DIVERGED: ${line}\n  seed ${seed} (replay: SOAK_SEED=${seed} npm run soak:index)\n  ${message.split('\n').join('\n  ')}\n`);
      } else {
        process.stdout.write(`ok: ${line}; rss ${formatBytes(process.memoryUsage().rss)}\n`);
      }
    } while (FIXED_SEED === null && Date.now() < deadline && !interrupted);
  } finally {
    await stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const steps = [...totals.values()].reduce((a, b) => a + b, 0);
  process.stdout.write(
    `\n${runs} runs, ${steps} steps (${[...totals]
      .sort((a, b) => b[1] - a[1])
      .map(([n, c]) => `${n} ${c}`)
      .join(', ')}), ${keys} keys written; ${failures.length} diverged${failures.length ? `: seeds ${failures.map((f) => f.seed).join(', ')}` : ''}\n`,
  );
  if (process.env.SOAK_DEBUG) {
    // What would keep the process alive: connections left open by a service that was stopped.
    const kinds = new Map<string, number>();
    for (const kind of process.getActiveResourcesInfo()) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    process.stdout.write(`still active: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
  }
  // Timers and connections of stopped services must not keep the soak running.
  process.exit(failures.length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
