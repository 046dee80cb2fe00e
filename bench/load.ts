/**
 * The load generator, run as a child process by bench/index.ts so it never shares an event loop
 * with the server it measures:
 *
 *   node --import tsx bench/load.ts <config.json> <out.json>
 *
 * The config names the URL, connections, seconds, the bearer token and a pool of request bodies;
 * every request takes a body from the pool at random (autocannon `requests[].setupRequest`). A
 * response counts as a mismatch unless it contains `expect` and no `"errors"`. Writes autocannon's
 * figures (req/s, latency percentiles in ms, errors) to the out file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadConfig {
  url: string;
  connections: number;
  durationS: number;
  warmupS: number;
  token: string;
  bodies: string[];
  /** A substring every good response has. */
  expect: string;
}

export interface LoadResult {
  requests: number;
  durationS: number;
  reqPerSec: number;
  /** autocannon's per-second request counts: mean and standard deviation. */
  reqPerSecMean: number;
  reqPerSecStddev: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}

async function main(): Promise<void> {
  const [configPath, outPath] = process.argv.slice(2);
  if (!configPath || !outPath) throw new Error('usage: load.ts <config.json> <out.json>');
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as LoadConfig;
  const bodies = config.bodies;
  if (bodies.length === 0) throw new Error('no request bodies');
  const result = await autocannon({
    url: config.url,
    connections: config.connections,
    duration: config.durationS,
    timeout: 10,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${config.token}` },
    requests: [
      {
        setupRequest: (request) => {
          request.body = bodies[Math.floor(Math.random() * bodies.length)] as string;
          return request;
        },
      },
    ],
    verifyBody: (body) => body.includes(config.expect) && !body.includes('"errors"'),
    ...(config.warmupS > 0 ? { warmup: { connections: config.connections, duration: config.warmupS } } : {}),
  });
  const out: LoadResult = {
    requests: result.requests.total,
    durationS: result.duration,
    reqPerSec: result.requests.total / result.duration,
    reqPerSecMean: result.requests.average,
    reqPerSecStddev: result.requests.stddev,
    latency: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    mismatches: result.mismatches,
  };
  writeFileSync(outPath, JSON.stringify(out));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`load generator failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
