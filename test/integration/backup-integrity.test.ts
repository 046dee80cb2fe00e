/**
 * Issue 14, item 10: whoever can write BACKUP_DIR must not get tampered data restored.
 * - one of our files with its manifest removed is not taken for the gateway's format;
 * - with BACKUP_ENCRYPTION_KEY set, a file that is not encrypted is refused unless the restore
 *   says `allowUnencrypted: true`;
 * - the scrypt parameters a file names are bounded (a file cannot make every read cost seconds).
 * And item 11's last point: a corrupt newest backup names a file to pass instead.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prefixState } from '../helpers/backup.js';
import { type TestStore, VIEWER, storesClosedAfterEach } from '../helpers/store.js';

const store = storesClosedAfterEach();
const KEY = 'backup-encryption-key-for-tests-0123456789';

async function gql(s: TestStore, query: string, variables: Record<string, unknown> = {}, token = 'test-admin-token-0123456789') {
  const response = await s.app.fetch('http://oauth-admin.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

const RESTORE = `mutation R($name: String, $dryRun: Boolean!, $mode: RestoreMode, $allowUnencrypted: Boolean) {
  restoreBackup(name: $name, dryRun: $dryRun, mode: $mode, allowUnencrypted: $allowUnencrypted) { executed job { id status error } }
}`;

async function seed(s: TestStore): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  await s.redis.set(s.keys.client('client_a'), JSON.stringify({ client_id: 'client_a', client_name: 'A', client_secret: 'secret-a' }), 'EX', 3600);
  await s.redis.set(s.keys.token('jti-a'), JSON.stringify({ username: 'alice', client_id: 'client_a', expires_at: now + 3600 }), 'EX', 3600);
}

describe('integrity of backup files (issue 14, item 10)', () => {
  it("one of ours without its manifest is refused, not restored as the gateway's format", async () => {
    const s = await store();
    await seed(s);
    const created = (await gql(s, 'mutation { createBackup { name } }')).data.createBackup.name as string;
    const file = JSON.parse(readFileSync(join(s.backupDir, created), 'utf8')) as Record<string, any>;
    delete file.manifest;
    const entry = file.registrations.client_a;
    entry.value = JSON.stringify({ client_id: 'client_a', client_name: 'A', client_secret: 'attacker-chosen', redirect_uris: ['https://evil.example/cb'] });
    delete entry.parsed;
    writeFileSync(join(s.backupDir, 'oauth-backup-20300101-000000.json'), JSON.stringify(file, null, 2));
    await s.redis.del(s.keys.client('client_a'));
    const before = await prefixState(s.redis, s.keys);
    const info = await gql(s, 'query { backup(name: "oauth-backup-20300101-000000.json") { format parseError } }');
    expect(info.data.backup.parseError).toMatch(/manifest/);
    for (const dryRun of [true, false]) {
      const answer = await gql(s, RESTORE, { name: 'oauth-backup-20300101-000000.json', dryRun });
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.message).toMatch(/no manifest/);
    }
    expect(await prefixState(s.redis, s.keys)).toEqual(before);
    // The gateway's own file still restores.
    copyFileSync(new URL('../fixtures/gateway-sample-backup.json', import.meta.url), join(s.backupDir, 'oauth-backup-20261126-153429.json'));
    const gateway = await gql(s, RESTORE, { name: 'oauth-backup-20261126-153429.json', dryRun: true });
    expect(gateway.errors).toBeUndefined();
  });

  it('with BACKUP_ENCRYPTION_KEY set, a file that is not encrypted is refused unless the restore allows it', async () => {
    const s = await store({ encryptionKey: KEY });
    await seed(s);
    copyFileSync(new URL('../fixtures/gateway-sample-backup.json', import.meta.url), join(s.backupDir, 'oauth-backup-20261126-153429.json'));
    const before = await prefixState(s.redis, s.keys);
    for (const variables of [{ dryRun: false }, { dryRun: true }, { dryRun: false, mode: 'REPLACE' }]) {
      const refused = await gql(s, RESTORE, { name: 'oauth-backup-20261126-153429.json', ...variables });
      expect(refused.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.message).toMatch(/not encrypted.*allowUnencrypted/);
    }
    expect(await prefixState(s.redis, s.keys)).toEqual(before);
    // The viewer's dry run is refused alike.
    expect((await gql(s, RESTORE, { name: 'oauth-backup-20261126-153429.json', dryRun: true }, VIEWER)).errors?.[0]?.message).toMatch(/not encrypted/);
    const allowed = await gql(s, RESTORE, { name: 'oauth-backup-20261126-153429.json', dryRun: false, allowUnencrypted: true });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.restoreBackup.job.status).toBe('SUCCEEDED');
    // Our own encrypted backups restore as before.
    const name = (await gql(s, 'mutation { createBackup { name encrypted } }')).data.createBackup.name as string;
    expect((await gql(s, RESTORE, { name, dryRun: false })).errors).toBeUndefined();
  });

  it('scrypt parameters beyond the bounds are refused at once, before any key derivation', async () => {
    const s = await store({ encryptionKey: KEY });
    await seed(s);
    const name = (await gql(s, 'mutation { createBackup { name } }')).data.createBackup.name as string;
    const file = JSON.parse(readFileSync(join(s.backupDir, name), 'utf8')) as Record<string, any>;
    for (const [i, kdf] of [{ p: 200 }, { n: 2 ** 22 }, { r: 64 }, { n: 3000 }].entries()) {
      const forged = structuredClone(file);
      Object.assign(forged.manifest.encryption.kdf, kdf);
      const forgedName = `oauth-backup-2031010${i}-000000.json`;
      writeFileSync(join(s.backupDir, forgedName), JSON.stringify(forged, null, 2));
      const started = performance.now();
      const parseError = (await gql(s, `query { backup(name: "${forgedName}") { parseError } }`)).data.backup.parseError as string;
      const restored = await gql(s, RESTORE, { name: forgedName, dryRun: true });
      expect(performance.now() - started, JSON.stringify(kdf)).toBeLessThan(1500);
      expect(parseError, JSON.stringify(kdf)).toMatch(/scrypt/);
      expect(restored.errors?.[0]?.message).toMatch(/scrypt/);
    }
  });
});

describe('a corrupt newest backup (issue 14, item 11)', () => {
  it('restoreBackup(name: null) says which file to pass instead', async () => {
    const s = await store();
    await seed(s);
    const good = (await gql(s, 'mutation { createBackup { name } }')).data.createBackup.name as string;
    for (const [newest, text] of [
      ['oauth-backup-20990101-000000.json', 'this is not a backup'],
      ['oauth-backup-20990101-000001.json', '{"timestamp": "2026-11-26T15:34:29+00:00", "tokens": {"x": {"value": 5, "ttl": -1}}}'],
    ] as const) {
      writeFileSync(join(s.backupDir, newest), text);
      const answer = await gql(s, RESTORE, { name: null, dryRun: true });
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.errors?.[0]?.message).toContain(newest);
      expect(answer.errors?.[0]?.message).toContain(`name: "${good}"`);
    }
  });
});
