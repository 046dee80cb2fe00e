import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './redis-server.js';

/**
 * A private `redis-server` that a fault test can break: kill it (SIGKILL, like a crash), start it
 * again on the same port (with its append-only file, so keys and their expiries survive when
 * `persistent`), pause it (`CLIENT PAUSE`), or start it later on a port reserved now.
 */
export interface FaultRedis {
  url: string;
  port: number;
  readonly running: boolean;
  start(): Promise<void>;
  kill(): Promise<void>;
  restart(): Promise<void>;
  /** `CLIENT PAUSE ms ALL`: every client's commands wait until the pause ends. */
  pause(ms: number): Promise<void>;
  /** A short-lived plain client (no retries) for seeding and checks. */
  client(): Redis;
  stop(): Promise<void>;
}

export async function faultRedis(options: { persistent?: boolean; startNow?: boolean; extraArgs?: string[] } = {}): Promise<FaultRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'oauth-admin-fault-redis-'));
  const url = `redis://127.0.0.1:${port}`;
  const persistence = options.persistent ? ['--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no'];
  let child: ChildProcess | null = null;
  const clients: Redis[] = [];

  const waitReady = async () => {
    for (let i = 0; i < 200; i++) {
      const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => {});
      try {
        await probe.connect();
        const loading = (await probe.info('persistence')).includes('loading:1');
        if (!loading) return;
      } catch {
        // not yet
      } finally {
        probe.disconnect();
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`redis-server on ${port} did not answer within 5 s`);
  };

  const handle: FaultRedis = {
    url,
    port,
    get running() {
      return child !== null && child.exitCode === null && child.signalCode === null;
    },
    async start() {
      if (handle.running) return;
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', ...persistence, '--dir', dir, ...(options.extraArgs ?? [])], {
        stdio: 'ignore',
      });
      child.once('error', () => {});
      await waitReady();
    },
    async kill() {
      const c = child;
      if (!c || c.exitCode !== null || c.signalCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await exited;
    },
    async restart() {
      await handle.kill();
      await handle.start();
    },
    async pause(ms) {
      const c = handle.client();
      try {
        await c.call('CLIENT', 'PAUSE', String(ms), 'ALL');
      } finally {
        c.disconnect();
      }
    },
    client() {
      const c = new Redis(url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
      c.on('error', () => {});
      clients.push(c);
      return c;
    },
    async stop() {
      for (const c of clients) c.disconnect();
      await handle.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.startNow ?? true) await handle.start();
  return handle;
}
