/**
 * Issue 14, item 8: keys of a Redis type the backup format cannot hold (a sorted set, a stream)
 * under the prefixes are left out of a backup; that must be said: on the backup's GraphQL type,
 * in the CLI's output and in the log, not only as a count in the manifest.
 */
import { describe, expect, inject, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { addLogTap } from '../../src/logger.js';
import { type TestStore, VIEWER, storesClosedAfterEach } from '../helpers/store.js';

const store = storesClosedAfterEach();

async function gql(s: TestStore, query: string, token?: string) {
  const response = await s.app.fetch('http://oauth-admin.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? 'test-admin-token-0123456789'}` },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string }[] };
}

const LEFT_OUT = 'unsupportedKeys { total types counts { refreshTokens codes other total } }';

async function seedUnsupported(s: TestStore): Promise<void> {
  await s.redis.set(s.keys.client('client_ok'), '{"client_id": "client_ok"}');
  await s.redis.zadd(s.keys.refresh('zset-where-a-refresh-token-should-be'), 1, 'a');
  await s.redis.xadd(s.keys.code('stream-where-a-code-should-be'), '*', 'f', 'v');
  await s.redis.zadd(`${s.keys.prefixes.oauth}weird:ranking`, 2, 'b');
}

describe('keys a backup cannot hold (issue 14, item 8)', () => {
  it('are reported on the backup (to the viewer too) and in the log, per category and type', async () => {
    const s = await store();
    await seedUnsupported(s);
    const lines: Record<string, any>[] = [];
    const untap = addLogTap((line) => lines.push(JSON.parse(line) as Record<string, any>));
    try {
      const created = await gql(s, `mutation { createBackup { name counts { total } ${LEFT_OUT} } }`);
      expect(created.errors).toBeUndefined();
      const backup = created.data.createBackup;
      expect(backup.counts.total).toBe(1);
      expect(backup.unsupportedKeys).toEqual({ total: 3, types: ['stream', 'zset'], counts: { refreshTokens: 1, codes: 1, other: 1, total: 3 } });
      const viewed = await gql(s, `query { backup(name: ${JSON.stringify(backup.name)}) { ${LEFT_OUT} } }`, VIEWER);
      expect(viewed.data.backup.unsupportedKeys).toEqual(backup.unsupportedKeys);
      const line = lines.find((l) => /left out/.test(String(l.msg)));
      expect(line, JSON.stringify(lines.map((l) => l.msg))).toMatchObject({
        level: 'warn',
        backup: backup.name,
        leftOut: 3,
        types: ['stream', 'zset'],
        byCategory: { refresh_tokens: 1, codes: 1, other: 1 },
      });
      // Never the names: a sorted set under oauth:refresh: is named like a refresh token.
      expect(JSON.stringify(lines)).not.toContain('zset-where-a-refresh-token-should-be');
      expect(JSON.stringify(lines)).not.toContain('stream-where-a-code-should-be');
    } finally {
      untap();
    }
    // A backup without any has zero, and the gateway's own files say nothing (null).
    for (const key of [
      s.keys.refresh('zset-where-a-refresh-token-should-be'),
      s.keys.code('stream-where-a-code-should-be'),
      `${s.keys.prefixes.oauth}weird:ranking`,
    ])
      await s.redis.del(key);
    const clean = await gql(s, `mutation { createBackup { ${LEFT_OUT} } }`);
    expect(clean.data.createBackup.unsupportedKeys).toEqual({ total: 0, types: [], counts: { refreshTokens: 0, codes: 0, other: 0, total: 0 } });
  });

  it('are reported by the CLI when it writes a backup', async () => {
    const s = await store();
    await seedUnsupported(s);
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['backup'], {
      env: {
        PATH: process.env.PATH,
        REDIS_URL: inject('redisUrl'),
        OAUTH_KEY_PREFIX: s.keys.prefixes.oauth,
        SESSION_KEY_PREFIX: s.keys.prefixes.session,
        ADMIN_KEY_PREFIX: s.keys.prefixes.admin,
        BACKUP_DIR: s.backupDir,
      },
      terminal: { interactive: false, ask: async () => '' },
      io: { out: (text) => out.push(text), err: (text) => err.push(text) },
    });
    expect(code, err.join('\n')).toBe(0);
    expect([...out, ...err].join('\n')).toMatch(/3 keys left out.*(zset|stream)/);
  });
});
