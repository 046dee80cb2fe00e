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
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, ...extraArgs],
    { stdio: 'ignore' },
  );
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
  servers: RedisServer[];
  stop(): Promise<void>;
}

/**
 * A local three-master Redis Cluster: three `redis-server --cluster-enabled yes` on free ports,
 * joined with `redis-cli --cluster create`, waited on until every slot is served.
 */
export async function startRedisCluster(masters = 3): Promise<RedisCluster> {
  const servers: RedisServer[] = [];
  for (let i = 0; i < masters; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-admin-cluster-'));
    servers.push(await startRedisServer(['--cluster-enabled', 'yes', '--cluster-config-file', join(dir, 'nodes.conf'), '--cluster-node-timeout', '2000']));
  }
  const addresses = servers.map((s) => `127.0.0.1:${s.port}`);
  const { spawnSync } = await import('node:child_process');
  const created = spawnSync('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'], { encoding: 'utf8' });
  if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stderr || created.stdout}`);
  for (let i = 0; i < 200; i++) {
    const states = await Promise.all(
      servers.map(async (s) => {
        const probe = new Redis(s.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
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
  return {
    url: `redis+cluster://${addresses.join(',')}`,
    servers,
    stop: async () => {
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
