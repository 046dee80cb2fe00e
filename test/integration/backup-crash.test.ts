import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { type RedisClient, createRedis } from '../../src/redis/connection.js';
import { Keys } from '../../src/redis/keys.js';
import { createServices } from '../../src/services.js';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.js';

const KEYS = 20_000;
const prefixes = { oauth: 'oauth:', session: 'redis:session:', admin: 'oauth-admin:' };
const keys = new Keys(prefixes);
const admin = { role: 'admin' as const, name: 'test' };

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** A redis-server that writes every command to its append-only file before answering, in `dir`. */
async function durableServer(dir: string): Promise<RedisServer> {
  const server = await startRedisServer(['--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always']);
  // A server killed by the test has already exited.
  cleanups.push(() => (server.process.exitCode === null && server.process.signalCode === null ? server.stop() : undefined));
  return server;
}

// The scenario runs on its own private servers: once is enough (not again in the cluster project).
const onCluster = inject('redisUrl').startsWith('redis+cluster://');

describe.skipIf(onCluster)('a Redis that disappears in the middle of a restore', () => {
  it('fails the job with a clear reason, and every key written so far has its expiry', async () => {
    const work = mkdtempSync(join(tmpdir(), 'oauth-admin-crash-'));
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));
    const dataDir = join(work, 'data');
    const backupDir = join(work, 'backups');
    mkdirSync(dataDir);

    // A backup of 30,000 tokens with expiries (and a few without).
    const source = await startRedisServer();
    cleanups.push(() => source.stop());
    const sourceRedis = createRedis(source.url);
    cleanups.push(() => sourceRedis.disconnect());
    const expiresAt = Date.now() + 3_600_000;
    const pipeline = sourceRedis.pipeline();
    for (let i = 0; i < KEYS; i++) {
      const value = `{"sub": "${i}", "username": "user${i % 100}", "expires_at": ${Math.floor(expiresAt / 1000)}}`;
      if (i % 1000 === 0) pipeline.set(keys.token(`jti${i}`), value);
      else pipeline.set(keys.token(`jti${i}`), value, 'PXAT', expiresAt + i);
    }
    await pipeline.exec();
    const sourceServices = createServices(sourceRedis, { prefixes, lifetimes: { refreshTokenSeconds: 2592000 }, backup: { dir: backupDir } });
    const backup = await sourceServices.backups.create(admin);

    // Restore into a durable server and kill it (SIGKILL: no goodbye) once writing is under way.
    const target = await durableServer(dataDir);
    const redis: RedisClient = createRedis(target.url, { name: 'oauth-admin-crash', maxRetriesPerRequest: 1, commandTimeoutMs: 1000 });
    redis.on('error', () => {});
    cleanups.push(() => redis.disconnect());
    const services = createServices(redis, { prefixes, lifetimes: { refreshTokenSeconds: 2592000 }, backup: { dir: backupDir } });
    const watcher = new Redis(target.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    watcher.on('error', () => {});
    const started = services.backups.restore(admin, { name: backup.name, dryRun: false });
    let killedAt = 0;
    for (let i = 0; i < 5000; i++) {
      const size = await watcher.dbsize().catch(() => 0);
      if (size > 2000) {
        target.process.kill('SIGKILL');
        killedAt = size;
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    watcher.disconnect();
    expect(killedAt, 'the restore never started writing').toBeGreaterThan(0);

    // The mutation returns the job once the file is validated; here it has ended (failed) by then.
    const outcome = await started;
    const final = outcome.job;
    expect(final?.status).toBe('FAILED');
    expect(final?.error).toMatch(/Redis connection lost during the restore/);

    // Bring the data back from the append-only file: every key is complete, with its expiry.
    const again = await durableServer(dataDir);
    const check = new Redis(again.url);
    cleanups.push(() => check.disconnect());
    let restored = 0;
    let cursor = '0';
    do {
      const [next, batch] = await check.scan(cursor, 'MATCH', 'oauth:token:*', 'COUNT', 1000);
      cursor = next;
      for (const key of batch) {
        restored++;
        const i = Number(key.slice('oauth:token:jti'.length));
        const expiry = Number(await check.call('PEXPIRETIME', key));
        if (i % 1000 === 0) expect(expiry, key).toBe(-1);
        else expect(expiry, key).toBe(expiresAt + i);
        expect(await check.get(key)).toContain(`"sub": "${i}"`);
      }
    } while (cursor !== '0');
    expect(restored).toBeGreaterThanOrEqual(2000);
    expect(restored).toBeLessThan(KEYS);
  });
});
