import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export interface RedisServer {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a throwaway `redis-server` (no persistence) on a free loopback port and waits for PONG
 * (within `readyWithinMs`: a server loading a large snapshot answers LOADING until it is done).
 */
export async function startRedisServer(extraArgs: string[] = [], options: { readyWithinMs?: number } = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'oauth-admin-redis-'));
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...extraArgs], {
    stdio: 'ignore',
  });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (e) => reject(new Error(`cannot start redis-server (is it installed?): ${e.message}`)));
    child.once('exit', (code) => reject(new Error(`redis-server exited with code ${code}`)));
  });
  const url = `redis://127.0.0.1:${port}`;
  const ready = (async () => {
    const attempts = Math.ceil((options.readyWithinMs ?? 5000) / 50);
    for (let i = 0; i < attempts; i++) {
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => {});
      try {
        await probe.connect();
        await probe.ping();
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      } finally {
        probe.disconnect();
      }
    }
    throw new Error(`redis-server did not answer within ${Math.round((options.readyWithinMs ?? 5000) / 1000)} s`);
  })();
  await Promise.race([ready, failed]);
  failed.catch(() => {});
  return {
    url,
    port,
    process: child,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RedisCluster {
  url: string;
  /** The masters' ports, in the order they joined. */
  ports: number[];
  stop(): Promise<void>;
}

/** One cluster node: where it listens, how to run `redis-cli` beside it, how to stop it. */
interface ClusterNode {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const CLUSTER_NODE_ARGS = ['--cluster-enabled', 'yes', '--cluster-node-timeout', '2000'];

/**
 * A local three-master Redis Cluster: three `redis-server --cluster-enabled yes` on free ports (binaries
 * here; containers in startTestRedisCluster), joined with `redis-cli --cluster create` (`createCluster`
 * runs it), waited on until every slot is served.
 */
async function joinCluster(nodes: ClusterNode[], createCluster: (args: string[]) => Promise<{ status: number; output: string }>): Promise<RedisCluster> {
  const addresses = nodes.map((n) => `127.0.0.1:${n.port}`);
  const stopAll = async () => {
    await Promise.all(nodes.map((n) => n.stop()));
  };
  const created = await createCluster(['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes']);
  if (created.status !== 0) {
    await stopAll();
    throw new Error(`redis-cli --cluster create failed: ${created.output}`);
  }
  for (let i = 0; i < 200; i++) {
    const states = await Promise.all(
      nodes.map(async (n) => {
        const probe = new Redis(n.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        probe.on('error', () => {});
        try {
          await probe.connect();
          return /cluster_state:ok/.test(await probe.cluster('INFO'));
        } catch {
          return false;
        } finally {
          probe.disconnect();
        }
      }),
    );
    if (states.every(Boolean)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `redis+cluster://${addresses.join(',')}`, ports: nodes.map((n) => n.port), stop: stopAll };
}

export async function startRedisCluster(masters = 3): Promise<RedisCluster> {
  const nodes: ClusterNode[] = [];
  for (let i = 0; i < masters; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-admin-cluster-'));
    const server = await startRedisServer([...CLUSTER_NODE_ARGS, '--cluster-config-file', join(dir, 'nodes.conf')]);
    nodes.push({
      url: server.url,
      port: server.port,
      stop: async () => {
        await server.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    });
  }
  const { spawnSync } = await import('node:child_process');
  return joinCluster(nodes, async (args) => {
    const run = spawnSync('redis-cli', args, { encoding: 'utf8' });
    return { status: run.status ?? 1, output: run.stderr || run.stdout || String(run.error ?? '') };
  });
}

// ── The suite's Redis: a container when a Docker engine answers, a binary otherwise ──────────────

/** Where the suite's shared Redis comes from: `container` (testcontainers) or `binary` (redis-server). */
export type RedisSource = 'container' | 'binary';

export interface TestRedis {
  url: string;
  source: RedisSource;
  stop(): Promise<void>;
}

const CHOICE = Symbol.for('oauth-admin.test-redis-choice');
type Choice = { source: RedisSource; detail: string };

/**
 * Decides once per process (both projects' global setups ask) where the suite's Redis comes from,
 * and says so once. TEST_REDIS:
 *   auto (default)  a container when a Docker engine answers and holds the image, else a binary
 *   container       a container, or fail (CI, where the engine is up)
 *   binary          a `redis-server` binary, whatever engine there is
 */
export function chooseRedisSource(): Promise<Choice> {
  const store = globalThis as unknown as Record<symbol, Promise<Choice> | undefined>;
  const existing = store[CHOICE];
  if (existing) return existing;
  const choice = (async (): Promise<Choice> => {
    const wanted = (process.env.TEST_REDIS ?? 'auto').trim().toLowerCase() || 'auto';
    if (wanted !== 'auto' && wanted !== 'container' && wanted !== 'binary') {
      throw new Error(`TEST_REDIS=${wanted}: expected auto, container or binary`);
    }
    if (wanted === 'binary') return { source: 'binary', detail: 'TEST_REDIS=binary' };
    const { checkContainerEngine } = await import('./redis-container.js');
    const engine = await checkContainerEngine();
    if (engine.ok) return { source: 'container', detail: engine.detail };
    if (wanted === 'container') throw new Error(`TEST_REDIS=container, but ${engine.detail}`);
    return { source: 'binary', detail: engine.detail };
  })();
  store[CHOICE] = choice;
  void choice.then(
    ({ source, detail }) => {
      const how = source === 'container' ? 'containers through testcontainers' : 'redis-server binaries';
      console.log(`[test redis] the suite's Redis: ${how} (${detail})`);
    },
    () => {},
  );
  return choice;
}

/** The single Redis of a test run (test/global-setup.ts), from the source chooseRedisSource picks. */
export async function startTestRedis(): Promise<TestRedis> {
  const { source } = await chooseRedisSource();
  if (source === 'binary') {
    const server = await startRedisServer();
    return { url: server.url, source, stop: () => server.stop() };
  }
  const { startRedisContainer } = await import('./redis-container.js');
  // The same server as the binary path's: no persistence, loopback only.
  const redis = await startRedisContainer(await freePort(), ['--save', '', '--appendonly', 'no']);
  return { url: redis.url, source, stop: () => redis.stop() };
}

/** The cluster of a test run (test/global-setup-cluster.ts): three containers or three binaries. */
export async function startTestRedisCluster(masters = 3): Promise<TestRedis> {
  const { source } = await chooseRedisSource();
  if (source === 'binary') {
    const cluster = await startRedisCluster(masters);
    return { url: cluster.url, source, stop: () => cluster.stop() };
  }
  const { startRedisContainer } = await import('./redis-container.js');
  const containers: Awaited<ReturnType<typeof startRedisContainer>>[] = [];
  try {
    for (let i = 0; i < masters; i++) {
      // nodes.conf goes to the container's working directory (the image's /data).
      containers.push(
        await startRedisContainer(await freePort(), ['--save', '', '--appendonly', 'no', ...CLUSTER_NODE_ARGS, '--cluster-config-file', 'nodes.conf']),
      );
    }
  } catch (error) {
    await Promise.all(containers.map((c) => c.stop()));
    throw error;
  }
  // redis-cli from the image itself: the container path needs no Redis tools on the host.
  const first = containers[0]!.container;
  const cluster = await joinCluster(containers, async (args) => {
    const run = await first.exec(['redis-cli', ...args]);
    return { status: run.exitCode, output: run.output };
  });
  return { url: cluster.url, source, stop: () => cluster.stop() };
}
