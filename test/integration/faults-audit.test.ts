/**
 * Issue 14, items 3 and 4: Redis full (maxmemory, noeviction). A deletion still runs (UNLINK needs
 * no memory, and deleting is how an operator makes room) but its audit entry cannot be appended:
 * the entry must not vanish silently. And `createBackup` must answer 503 UNAVAILABLE with the
 * reason, not "Unexpected error." (the job's MULTI aborts with EXECABORT).
 */
import { describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { createRedis } from '../../src/redis/connection.js';
import { accessTokenValue } from '../../src/redis/gateway-format.js';
import { Keys } from '../../src/redis/keys.js';
import { createServices } from '../../src/services.js';
import { faultRedis } from '../helpers/fault-redis.js';
import { ADMIN } from '../helpers/store.js';
import { until } from '../helpers/wait.js';

// These tests bring their own redis-server to fill; the cluster pass would only repeat them.
const inCluster = inject('redisUrl').startsWith('redis+cluster://');

const PREFIXES = { oauth: 'oauth:', session: 'redis:session:', admin: 'oauth-admin:' };

describe.skipIf(inCluster)('faults: Redis full, the audit trail and createBackup (issue 14, items 3 and 4)', () => {
  it('a deletion whose audit entry cannot be written is logged at error with the whole entry; createBackup answers 503 UNAVAILABLE', async () => {
    const server = await faultRedis({ extraArgs: ['--maxmemory', '4mb', '--maxmemory-policy', 'noeviction'] });
    const lines: Record<string, any>[] = [];
    const logger = createLogger({ level: 'debug', sink: (line) => lines.push(JSON.parse(line) as Record<string, any>) });
    const redis = createRedis(server.url, {
      name: 'oauth-admin-fault-test',
      commandTimeoutMs: 1000,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      maxReconnectDelayMs: 100,
    });
    redis.on('error', () => {});
    const services = createServices(redis, { prefixes: PREFIXES, lifetimes: { refreshTokenSeconds: 2592000 }, logger });
    const app = createApp({ services, auth: { adminToken: ADMIN, anonymousAdmin: false }, logger: createLogger({ level: 'silent' }) });
    const post = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await app.fetch('http://t/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] } };
    };
    try {
      await until('the connection', async () => redis.status === 'ready');
      const keys = new Keys(PREFIXES);
      const now = Math.floor(Date.now() / 1000);
      await redis.set(keys.token('jti-doomed'), accessTokenValue({ username: 'alice', clientId: 'client_x', createdAt: now, expiresAt: now + 3600 }));
      const filler = server.client();
      const blob = 'x'.repeat(20_000);
      let full = false;
      for (let i = 0; i < 1000 && !full; i++)
        full = await filler.set(`filler:${i}`, blob).then(
          () => false,
          (error: Error) => /^OOM /.test(error.message),
        );
      expect(full).toBe(true);

      // Item 3: the token is deleted; the audit entry that could not be appended is in the log.
      const deleted = await post('mutation { deleteToken(jti: "jti-doomed") { executed counts { accessTokens } } }');
      expect(deleted.body.errors, JSON.stringify(deleted.body)).toBeUndefined();
      expect(deleted.body.data.deleteToken.counts.accessTokens).toBe(1);
      expect(await redis.exists(keys.token('jti-doomed'))).toBe(0);
      const line = lines.find((l) => l.level === 'error' && /audit entry/.test(String(l.msg)));
      expect(line, JSON.stringify(lines.slice(-5))).toBeDefined();
      expect(line).toMatchObject({ entry: { action: 'deleteToken', actor: 'admin-token', target: 'jti-doomed', outcome: 'SUCCEEDED', dryRun: false } });
      expect(String(line?.msg)).toMatch(/OOM|out of memory/);

      // Item 4: createBackup while Redis is full.
      const backup = await post('mutation { createBackup { name } }');
      expect(backup.status, JSON.stringify(backup.body)).toBe(503);
      expect(backup.body.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
      expect(backup.body.errors?.[0]?.message).toMatch(/out of memory \(maxmemory\)/);
      filler.disconnect();
    } finally {
      await services.indexes.stop();
      redis.disconnect();
      await server.stop();
    }
  });
});
