import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, storeEnv } from '../helpers/cli.js';
import { seedScenario } from '../helpers/scenario.js';
import { type TestStore, openStore } from '../helpers/store.js';

const KEY = 'test-backup-encryption-key-0123456789abcdef';

describe('restoring a plaintext backup while BACKUP_ENCRYPTION_KEY is set, from the recipes', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openStore();
    await seedScenario(store);
  });
  afterEach(() => store.close());

  it('is refused with one line naming --allow-unencrypted, and runs with it', async () => {
    const plain = storeEnv(store, { BACKUP_DIR: store.backupDir, OAUTH_ADMIN_ENV_FILE: '/nonexistent/.env' });
    expect((await cli(['backup'], plain)).code).toBe(0);
    const keyed = { ...plain, BACKUP_ENCRYPTION_KEY: KEY };
    const refused = await cli(['restore', '--dry-run'], keyed);
    expect(refused.code).toBe(1);
    expect(refused.err.split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(/is not encrypted, but BACKUP_ENCRYPTION_KEY is set.*--allow-unencrypted/);
    const allowed = await cli(['restore', '--dry-run', '--allow-unencrypted'], keyed);
    expect({ code: allowed.code, err: allowed.err }).toEqual({ code: 0, err: '' });
    expect(allowed.out).toContain('dry run: restoring');
  });
});
