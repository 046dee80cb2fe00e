/**
 * Issue 14, item 5: a backup killed mid-way leaves `.oauth-backup-*.partial` and
 * `.oauth-backup-tmp-*` behind; they must not stay forever (the partial file is the backup's
 * plaintext, the scratch runs held refresh tokens in clear). They are removed at start and before
 * each backup once stale; a running backup's own files (kept fresh) are left alone, and its
 * scratch runs are never readable.
 */
import { mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { BackupDir } from '../../src/backups/files.js';
import { writeBackup } from '../../src/backups/writer.js';
import { ADMIN, storesClosedAfterEach } from '../helpers/store.js';
import { until } from '../helpers/wait.js';

const store = storesClosedAfterEach();
const admin = { role: 'admin' as const, name: 'test' };

/** What a backup killed an hour ago leaves: its partial file and its scratch directory with a run. */
function leaveKilledBackup(dir: string, tag: string, agoMs = 3_600_000): string[] {
  const partial = join(dir, `.oauth-backup-${tag.padEnd(16, '0').slice(0, 16)}.partial`);
  const scratch = join(dir, `.oauth-backup-tmp-${tag}`);
  writeFileSync(partial, '{\n  "codes": {', { mode: 0o600 });
  mkdirSync(scratch, { mode: 0o700 });
  writeFileSync(join(scratch, 'refresh_tokens-00000.run'), 'refresh-token-in-clear-0123456789', { mode: 0o600 });
  const then = new Date(Date.now() - agoMs);
  for (const path of [join(scratch, 'refresh_tokens-00000.run'), scratch, partial]) utimesSync(path, then, then);
  return [partial, scratch];
}

const listed = (dir: string) =>
  readdirSync(dir)
    .filter((n) => n.startsWith('.oauth-backup-'))
    .sort();

describe('files left by a killed backup (issue 14, item 5)', () => {
  it("are removed before the next backup; a running backup's fresh files are not", async () => {
    const s = await store();
    await s.redis.set(s.keys.refresh('rt-one'), '{"username": "alice", "client_id": "c", "created_at": 1}', 'EX', 3600);
    leaveKilledBackup(s.backupDir, 'aaaa1111');
    // Another process's backup in progress: its files are fresh.
    const [livePartial, liveScratch] = leaveKilledBackup(s.backupDir, 'bbbb2222', 0);
    expect(listed(s.backupDir)).toHaveLength(4);
    await s.services.backups.create(admin);
    expect(listed(s.backupDir)).toEqual(['.oauth-backup-bbbb222200000000.partial', '.oauth-backup-tmp-bbbb2222']);
    expect(readFileSync(livePartial as string, 'utf8')).toBe('{\n  "codes": {');
    expect(readdirSync(liveScratch as string)).toEqual(['refresh_tokens-00000.run']);
    // The backup itself is there, and nothing of its own is left.
    expect(readdirSync(s.backupDir).filter((n) => !n.startsWith('.'))).toHaveLength(1);
  });

  it('are removed when the service starts', async () => {
    const s = await store();
    leaveKilledBackup(s.backupDir, 'cccc3333');
    const config = parseConfig({
      REDIS_URL: inject('redisUrl'),
      OAUTH_KEY_PREFIX: s.keys.prefixes.oauth,
      SESSION_KEY_PREFIX: s.keys.prefixes.session,
      ADMIN_KEY_PREFIX: s.keys.prefixes.admin,
      ADMIN_TOKEN: ADMIN,
      BACKUP_DIR: s.backupDir,
      PORT: '0',
      METRICS_PORT: '0',
    });
    const lines: Record<string, unknown>[] = [];
    const running = await startServer(config, createLogger({ level: 'info', sink: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) }));
    try {
      await until('the leftovers to be removed', async () => listed(s.backupDir).length === 0);
      const line = await until('the log line', async () => lines.find((l) => /left by an interrupted backup/.test(String(l.msg))));
      expect(line).toMatchObject({ removed: 2 });
    } finally {
      await running.shutdown('test');
    }
  });

  it("a backup's scratch runs are never readable, with or without BACKUP_ENCRYPTION_KEY", async () => {
    const s = await store();
    const secret = 'refresh-token-that-must-not-sit-in-clear-0123';
    for (let i = 0; i < 200; i++) await s.redis.set(s.keys.refresh(`${secret}-${i}`), '{"username": "alice", "client_id": "c", "created_at": 1}', 'EX', 3600);
    const dir = new BackupDir(s.backupDir);
    let runsSeen = 0;
    await writeBackup({
      redis: s.redis,
      keys: s.keys,
      dir,
      // A tiny sort budget: the names go through run files on disk.
      sortBudgetBytes: 1024,
      checkpoint: async () => {
        for (const entry of readdirSync(s.backupDir).filter((n) => n.startsWith('.oauth-backup-tmp-'))) {
          for (const run of readdirSync(join(s.backupDir, entry))) {
            runsSeen++;
            expect(readFileSync(join(s.backupDir, entry, run)).toString('latin1')).not.toContain(secret);
          }
        }
      },
    });
    expect(runsSeen).toBeGreaterThan(0);
  });
});
