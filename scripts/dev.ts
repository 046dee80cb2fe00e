/**
 * `npm run dev` / `just dev`: the service with reload on change. When REDIS_URL is unset and no
 * Redis answers on 127.0.0.1:6379, starts a private `redis-server` with its data in `.data/redis`
 * and says so. `--demo` fills an empty store with gateway-format demo data.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { DEFAULT_REDIS_URL, loadConfig } from '../src/config.js';
import { seedDemo } from '../src/cli/demo.js';
import { Keys } from '../src/redis/keys.js';

async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

async function privateRedis(): Promise<{ url: string; child: ChildProcess }> {
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    throw new Error(`no Redis answers at ${DEFAULT_REDIS_URL} and redis-server is not installed (apt-get install redis-server, or set REDIS_URL)`);
  }
  let port = 6379;
  while (!(await portIsFree(port))) port += 1;
  const dir = resolve('.data/redis');
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '60 1', '--appendonly', 'no', '--notify-keyspace-events', 'Kg$sx'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !(await answers(url)); i++) await new Promise((r) => setTimeout(r, 50));
  console.log(`dev: started a private redis-server on ${url} (data in ${dir}); it stops with this process`);
  return { url, child };
}

const USAGE =
  'usage: just dev [--demo]   (npm run dev -- [--demo])\n\nThe service with reload; a private redis-server when none answers.\n\noptions:\n  --demo      fill an empty store with gateway-format demo data\n  -h, --help  show this help and do nothing else';

/** `--demo`, `--help`; anything else is a usage error (exit 2) before anything starts. */
function options(): { demo: boolean } | null {
  try {
    const { values } = parseArgs({
      args: process.argv.slice(2),
      options: { demo: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      console.log(USAGE);
      return null;
    }
    return { demo: values.demo === true };
  } catch (error) {
    console.error(`error: dev: ${error instanceof Error ? (error.message.split('.')[0] ?? error.message) : String(error)}; see --help`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const wanted = options();
  if (!wanted) return;
  const config = loadConfig();
  let redisUrl = config.REDIS_URL ?? DEFAULT_REDIS_URL;
  let redisChild: ChildProcess | null = null;
  if (!config.REDIS_URL && !(await answers(redisUrl))) {
    const started = await privateRedis();
    redisUrl = started.url;
    redisChild = started.child;
  }
  if (wanted.demo) {
    const redis = new Redis(redisUrl);
    try {
      const keys = new Keys({ oauth: config.OAUTH_KEY_PREFIX, session: config.SESSION_KEY_PREFIX, admin: config.ADMIN_KEY_PREFIX });
      const seeded = await seedDemo(redis, keys, false);
      console.log(`dev: demo data written (${seeded.clients} clients, ${seeded.tokens} access tokens)`);
    } catch (error) {
      console.log(`dev: demo data not written: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      redis.disconnect();
    }
  }
  const server = spawn(process.execPath, ['--import', 'tsx', '--watch', 'src/server.ts'], { stdio: 'inherit', env: { ...process.env, REDIS_URL: redisUrl } });
  const stop = () => {
    server.kill('SIGTERM');
    redisChild?.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  server.once('exit', (code) => {
    redisChild?.kill('SIGTERM');
    process.exit(code ?? 0);
  });
}

main().catch((error: unknown) => {
  console.error(`error: dev: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
