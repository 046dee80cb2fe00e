import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { inBatches } from '../../src/redis/batch.js';
import { createRedis } from '../../src/redis/connection.js';
import { accessTokenValue } from '../../src/redis/gateway-format.js';
import { Keys } from '../../src/redis/keys.js';
import { createServices } from '../../src/services.js';
import { startRedisServer } from '../helpers/redis-server.js';

const prefixes = { oauth: 'oauth:', session: 'redis:session:', admin: 'oauth-admin:' };
const admin = { role: 'admin' as const, name: 'test' };
const work = mkdtempSync(join(tmpdir(), 'oauth-admin-backup-fault-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Its own private server, killed on purpose: once is enough (not again in the cluster project).
describe.skipIf(inject('redisUrl').startsWith('redis+cluster://'))('a Redis that disappears in the middle of a backup', () => {
  it('fails the job with a clear reason and leaves no file under a backup name', async () => {
    const server = await startRedisServer();
    const keys = new Keys(prefixes);
    const redis = createRedis(server.url, { name: 'oauth-admin-backup-fault', maxRetriesPerRequest: 1, commandTimeoutMs: 1000 });
    redis.on('error', () => {});
    try {
      const now = Math.floor(Date.now() / 1000);
      const tokenKeys = Array.from({ length: 60_000 }, (_, i) => keys.token(`bk${i}`));
      await inBatches(redis, tokenKeys, async (group) => {
        const pipeline = redis.pipeline();
        for (const key of group) pipeline.set(key, accessTokenValue({ username: 'u', clientId: 'c', createdAt: now, expiresAt: now + 3600 }), 'EX', 3600);
        await pipeline.exec();
        return group;
      });
      const backupDir = join(work, 'backups');
      const services = createServices(redis, { prefixes, lifetimes: { refreshTokenSeconds: 2592000 }, backup: { dir: backupDir } });
      const watcher = new Redis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
      watcher.on('error', () => {});
      const started = services.backups.create(admin).then(
        () => null,
        (error: Error) => error,
      );
      // Kill the server once the backup has read part of the keyspace (the job reports progress).
      let killed = false;
      for (let i = 0; i < 5000 && !killed; i++) {
        const [job] = await services.jobs.list().catch(() => []);
        if (job && job.progress.scanned > 5000) {
          server.process.kill('SIGKILL');
          killed = true;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      watcher.disconnect();
      expect(killed, 'the backup never got under way').toBe(true);
      const error = await started;
      expect(error?.message).toMatch(/the backup failed: Redis (connection lost|did not answer)/);
      const names = (() => {
        try {
          return readdirSync(backupDir);
        } catch {
          return [];
        }
      })();
      // Not under a backup name, and no temporary or spill file left behind either.
      expect(names).toEqual([]);
    } finally {
      redis.disconnect();
      await server.stop();
    }
  }, 60_000);
});
