import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../src/generated/index.js';
import { parsePyTimestamp } from '../../src/backups/format.js';
import { prefixState, sampleFile, seedVariety } from '../helpers/backup.js';
import { execute, expectData } from '../helpers/execute.js';
import { SAMPLE_TIME_MS, type TestStore, VIEWER, storesClosedAfterEach } from '../helpers/store.js';

const Restore = graphql(`
  mutation RestoreRun($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String) {
    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken) {
      executed confirmToken
      backup { name format }
      safetyBackup { name note }
      job {
        id status dryRun error backupName
        counts { clients accessTokens refreshTokens authCodes authStates userIndexes }
        categories { category restored overwritten unchanged skippedExpired }
      }
    }
  }
`);

const Backups = graphql(`
  query BackupList($first: Int, $after: String) {
    backups(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { name parseError format encrypted createdAt counts { total } } }
    }
  }
`);

const Detail = graphql(`
  query BackupDetail($name: String!) {
    backup(name: $name) {
      name parseError format encrypted
      counts { registrations tokens total }
      clients(first: 10) { totalCount edges { node { clientId clientName clientSecret registrationAccessToken isTestClient keyExpiresAt parseError } } }
      tokens(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { jti username clientId status keyExpiresAt parseError } } }
      users { totalCount edges { node { username tokenCount refreshTokenCount indexedTokenCount } } }
    }
  }
`);

const TokensAfter = graphql(`
  query BackupTokensAfter($name: String!, $after: String) {
    backup(name: $name) { tokens(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { jti } } } }
  }
`);

const Diff = graphql(`
  query BackupDiff($name: String!) {
    backup(name: $name) {
      diff { truncated categories { category onlyInBackup onlyInStore different same expiredInBackup } entries { category status name fingerprint } }
    }
  }
`);

const CreateBackup = graphql(`
  mutation BackupCreateSimple { createBackup { name parseError encrypted } }
`);

const store = storesClosedAfterEach();

const admin = { role: 'admin' as const, name: 'test' };

/** Runs a restore through GraphQL and waits for its job to end. */
async function restore(s: TestStore, variables: { name?: string | null; mode?: 'MERGE' | 'REPLACE'; dryRun: boolean; confirmToken?: string | null }) {
  const response = await execute(s, Restore, variables);
  if (response.body.errors) return { errors: response.body.errors, result: null, job: null };
  const result = response.body.data!.restoreBackup;
  const job = result.job ? await s.services.jobs.wait(result.job.id) : null;
  return { errors: null, result, job };
}

const category = <T extends { category: string }>(job: { categories: T[] } | null, name: string): T | undefined =>
  job?.categories.find((c) => c.category === name);

describe('restoring the gateway sample backup', () => {
  it('restores with absolute expiry (file timestamp + ttl): what has expired stays gone, sessions get their full name', async () => {
    const s = await store({ now: SAMPLE_TIME_MS });
    copyFileSync(new URL('../fixtures/gateway-sample-backup.json', import.meta.url), join(s.backupDir, 'oauth-backup-20261126-153429.json'));
    const file = JSON.parse(sampleFile().toString('utf8')) as Record<string, Record<string, { value: string; ttl: number; type: string }>>;
    const fileMs = parsePyTimestamp(file.timestamp as unknown as string)!;
    const before = Date.now();
    const { result, job, errors } = await restore(s, { name: null, dryRun: false });
    const after = Date.now();
    expect(errors).toBeNull();
    expect(result!.backup.format).toBe('GATEWAY');
    expect(job?.status, job?.error ?? '').toBe('SUCCEEDED');

    const kinds: Record<string, string> = {
      registrations: 'client',
      tokens: 'token',
      refresh_tokens: 'refresh',
      user_tokens: 'user_tokens',
      states: 'state',
      codes: 'code',
    };
    let skipped = 0;
    for (const [cat, kind] of Object.entries(kinds)) {
      let expectedSkipped = 0;
      for (const [id, entry] of Object.entries(file[cat]!)) {
        const key = s.keys.record(kind as 'client', id);
        const expiresAt = entry.ttl > 0 ? fileMs + entry.ttl * 1000 : null;
        if (expiresAt !== null && expiresAt > before - 2000 && expiresAt < after + 2000) continue; // expiring right now: either is right
        const expired = expiresAt !== null && expiresAt <= before;
        if (expired) {
          expectedSkipped++;
          expect(await s.redis.exists(key), `${key} expired at ${new Date(expiresAt).toISOString()}`).toBe(0);
          continue;
        }
        if (entry.type === 'set') expect((await s.redis.smembers(key)).sort()).toEqual((JSON.parse(entry.value) as string[]).sort());
        else expect(await s.redis.get(key)).toBe(entry.value);
        // Absolute: the original expiry, not the restore time plus the old TTL.
        expect(Number(await s.redis.call('PEXPIRETIME', key))).toBe(expiresAt ?? -1);
      }
      expect(category(job, cat)?.skippedExpired, cat).toBe(expectedSkipped);
      skipped += expectedSkipped;
    }
    // The sample's state (TTL 297 s at 15:34:29) had expired long before any test run.
    expect(await s.redis.exists(s.keys.state('dAyqhwwJc5GRkGkheFVbYzlmQ049BzI_8TCMg0jhRkM'))).toBe(0);
    expect(skipped).toBeGreaterThanOrEqual(1);
    expect(await s.redis.get(`${s.keys.prefixes.session}sess1:state`)).toBe('{"x": 1}');
    expect(await s.redis.exists('redis:session:sess1:state')).toBe(0);
  });

  it('lists its contents as linked types, with the store clock for status and secrets for admins only', async () => {
    const s = await store({ now: SAMPLE_TIME_MS });
    const name = 'oauth-backup-20261126-153429.json';
    writeFileSync(join(s.backupDir, name), sampleFile());
    const data = expectData(await execute(s, Detail, { name })).backup!;
    expect(data.format).toBe('GATEWAY');
    expect(data.parseError).toBeNull();
    expect(data.counts).toMatchObject({ registrations: 3, tokens: 3, total: 13 });
    expect(data.clients.totalCount).toBe(3);
    const test = data.clients.edges.find((e) => e.node.clientId === 'client_7pycEZkYab2d0ktIp4YXsA')!.node;
    expect(test).toMatchObject({
      clientName: 'TEST test_oauth_flow',
      isTestClient: true,
      clientSecret: 'vOnInQoOo9TakJSAPtik-2ry7Xq-yV2FpPz03n4Xr44',
      parseError: null,
    });
    expect(test.keyExpiresAt).toBe(new Date(SAMPLE_TIME_MS + 7775997_000).toISOString());
    expect(data.clients.edges.find((e) => e.node.clientId === 'client_TrQGsD7xHypvy1XQu1qt3g')?.node.clientName).toBe('Tëst ünïcode');
    expect(data.tokens.totalCount).toBe(3);
    expect(data.tokens.pageInfo.hasNextPage).toBe(true);
    expect(data.tokens.edges.map((e) => e.node.jti)).toEqual(['49NC_kbNyJMLYgA4HbXzug', '4gZFbt-tgsdSjpXhcAb92g']);
    expect(data.tokens.edges[0]!.node.status).toBe('ACTIVE');
    expect(data.tokens.edges[1]!.node.status).toBe('EXPIRED');
    const next = expectData(await execute(s, TokensAfter, { name, after: data.tokens.pageInfo.endCursor })).backup!.tokens;
    expect(next.edges.map((e) => e.node.jti)).toEqual(['kDUJmV-Ua39KzJLYrLNOvA']);
    expect(next.pageInfo.hasNextPage).toBe(false);
    expect(data.users.edges.map((e) => e.node)).toEqual([
      { username: 'alice', tokenCount: 2, refreshTokenCount: 2, indexedTokenCount: 2 },
      { username: 'bob', tokenCount: 1, refreshTokenCount: 0, indexedTokenCount: 1 },
    ]);

    const viewer = expectData(await execute(s, Detail, { name }, { token: VIEWER })).backup!;
    for (const e of viewer.clients.edges) {
      expect(e.node.clientSecret).toBeNull();
      expect(e.node.registrationAccessToken).toBeNull();
    }
  });
});

describe('dry run and MERGE', () => {
  it('a dry run on a non-empty store reports restored / overwritten / unchanged / skippedExpired and changes nothing', async () => {
    const s = await store();
    await seedVariety(s);
    const backup = await s.services.backups.create(admin);
    // The store moves on: one token changed, one client gone, a new token.
    await s.redis.set(s.keys.token('49NC_kbNyJMLYgA4HbXzug'), '{"changed": true}', 'EX', 500);
    await s.redis.del(s.keys.client('client_TrQGsD7xHypvy1XQu1qt3g'));
    await s.redis.set(s.keys.token('newer'), '{"new": 1}', 'EX', 500);
    const before = await prefixState(s.redis, s.keys);

    const { result, job } = await restore(s, { name: backup.name, dryRun: true });
    expect(result!.executed).toBe(false);
    expect(result!.confirmToken).toBeNull();
    expect(job).toMatchObject({ status: 'SUCCEEDED', dryRun: true });
    expect(category(job, 'tokens')).toEqual({ category: 'tokens', restored: 0, overwritten: 1, unchanged: 5, skippedExpired: 0 });
    expect(category(job, 'registrations')).toEqual({ category: 'registrations', restored: 1, overwritten: 0, unchanged: 3, skippedExpired: 0 });
    expect(await prefixState(s.redis, s.keys)).toEqual(before);

    // MERGE writes the backup's keys and leaves the others alone.
    const merged = await restore(s, { name: backup.name, dryRun: false });
    expect(merged.job?.status).toBe('SUCCEEDED');
    expect(category(merged.job, 'tokens')).toMatchObject({ overwritten: 1, unchanged: 5 });
    expect(await s.redis.get(s.keys.token('newer'))).toBe('{"new": 1}');
    expect(await s.redis.exists(s.keys.client('client_TrQGsD7xHypvy1XQu1qt3g'))).toBe(1);
    expect(await s.redis.get(s.keys.token('49NC_kbNyJMLYgA4HbXzug'))).toContain('"username": "alice"');
  });

  it('compares a backup with the live store (diff), hiding secret names from viewers', async () => {
    const s = await store();
    await seedVariety(s);
    const backup = await s.services.backups.create(admin);
    await s.redis.set(s.keys.token('49NC_kbNyJMLYgA4HbXzug'), '{"changed": true}', 'EX', 500);
    await s.redis.del(s.keys.refresh('2MSL1qgk_IUgyP3nA8kJo47W0b3ltz9BpaPjacCggkk'));
    await s.redis.set(s.keys.token('newer'), '{"new": 1}', 'EX', 500);
    const diff = expectData(await execute(s, Diff, { name: backup.name })).backup!.diff;
    const row = (c: string) => diff.categories.find((r) => r.category === c);
    expect(row('tokens')).toMatchObject({ onlyInBackup: 0, onlyInStore: 1, different: 1, same: 5 });
    expect(row('refresh_tokens')).toMatchObject({ onlyInBackup: 1, onlyInStore: 0, same: 1 });
    expect(diff.entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ category: 'tokens', status: 'ONLY_IN_STORE', name: 'newer' }),
        expect.objectContaining({ category: 'tokens', status: 'DIFFERENT', name: '49NC_kbNyJMLYgA4HbXzug' }),
        expect.objectContaining({ category: 'refresh_tokens', status: 'ONLY_IN_BACKUP', name: '2MSL1qgk_IUgyP3nA8kJo47W0b3ltz9BpaPjacCggkk' }),
      ]),
    );
    const viewer = expectData(await execute(s, Diff, { name: backup.name }, { token: VIEWER })).backup!.diff;
    const refresh = viewer.entries.find((e) => e.category === 'refresh_tokens')!;
    expect(refresh.name).toBeNull();
    expect(refresh.fingerprint).toHaveLength(22);
    expect(viewer.entries.find((e) => e.category === 'tokens' && e.status === 'ONLY_IN_STORE')?.name).toBe('newer');
  });
});

describe('REPLACE', () => {
  it('is two-step; with a valid token it writes a safety backup first, then the prefixes hold exactly the backup', async () => {
    const s = await store();
    const { outside } = await seedVariety(s);
    const backup = await s.services.backups.create(admin);
    const wanted = await prefixState(s.redis, s.keys);
    await s.redis.set(s.keys.token('49NC_kbNyJMLYgA4HbXzug'), '{"changed": true}', 'EX', 500);
    await s.redis.set(s.keys.token('extra'), '{"extra": 1}');
    await s.redis.set(`${s.keys.prefixes.session}extra`, 'x');
    const changed = await prefixState(s.redis, s.keys);

    // Without a token: the plan, nothing changes.
    const plan = await restore(s, { name: backup.name, mode: 'REPLACE', dryRun: false });
    expect(plan.result!.executed).toBe(false);
    expect(plan.result!.confirmToken).toEqual(expect.any(String));
    expect(plan.job).toMatchObject({ status: 'SUCCEEDED', dryRun: true });
    expect(plan.job!.counts).toMatchObject({ clients: 4, accessTokens: 7, refreshTokens: 2, userIndexes: 2 });
    expect(category(plan.job, 'tokens')).toMatchObject({ overwritten: 1, unchanged: 5 });
    expect(await prefixState(s.redis, s.keys)).toEqual(changed);

    // A forged token: refused, nothing changes.
    const forged = await restore(s, { name: backup.name, mode: 'REPLACE', dryRun: false, confirmToken: 'forged-token' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('CONFIRMATION_INVALID');
    expect(await prefixState(s.redis, s.keys)).toEqual(changed);

    // The token of the plan: executed.
    const done = await restore(s, { name: backup.name, mode: 'REPLACE', dryRun: false, confirmToken: plan.result!.confirmToken });
    expect(done.errors).toBeNull();
    expect(done.result!.executed).toBe(true);
    expect(done.job?.status, done.job?.error ?? '').toBe('SUCCEEDED');
    expect(done.result!.safetyBackup?.note).toContain('safety backup');
    expect(await prefixState(s.redis, s.keys)).toEqual(wanted);
    expect(await s.redis.get(outside)).toBe('not ours');
    expect(await s.redis.exists(s.keys.admin('audit'))).toBe(1);

    // The safety backup holds the data as it was just before.
    const safety = done.result!.safetyBackup!.name;
    const safetyFile = JSON.parse(readFileSync(join(s.backupDir, safety), 'utf8').replace(/: NaN/g, ': null')) as { tokens: Record<string, unknown> };
    expect(Object.keys(safetyFile.tokens)).toContain('extra');

    // A used token cannot be used again.
    const again = await restore(s, { name: backup.name, mode: 'REPLACE', dryRun: false, confirmToken: plan.result!.confirmToken });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFIRMATION_INVALID');
  });
});

describe('bad input', () => {
  it('refuses names that are not plain file names before touching the file system', async () => {
    const s = await store();
    writeFileSync(join(s.backupDir, '..', 'outside.json'), '{}');
    for (const name of ['../outside.json', '/etc/passwd.json', 'a/b.json', 'x\u0000.json', '..', join(s.backupDir, 'x.json')]) {
      const { errors } = await restore(s, { name, dryRun: true });
      expect(errors?.[0]?.extensions?.code, name).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.message, name).toMatch(/backup name/);
      const got = await execute(s, Detail, { name });
      expect(got.body.errors?.[0]?.extensions?.code, name).toBe('BAD_USER_INPUT');
    }
    const missing = await restore(s, { name: 'oauth-backup-20200101-000000.json', dryRun: true });
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(expectData(await execute(s, Detail, { name: 'oauth-backup-20200101-000000.json' })).backup).toBeNull();
  });

  it('refuses truncated, tampered and wrongly typed files with nothing written; the listing marks them', async () => {
    const s = await store();
    await seedVariety(s);
    const good = await s.services.backups.create(admin);
    const bytes = readFileSync(join(s.backupDir, good.name));
    const text = bytes.toString('latin1');
    const variants: Record<string, { content: string | Buffer; message: RegExp }> = {
      'oauth-backup-20200101-000001.json': { content: bytes.subarray(0, Math.floor(bytes.length * 0.7)), message: /incomplete|truncated/ },
      'oauth-backup-20200101-000002.json': {
        content: text.replace('\\"username\\": \\"alice\\"', '\\"username\\": \\"mallory\\"'),
        message: /checksum mismatch/,
      },
      'oauth-backup-20200101-000003.json': { content: text.replace(/"ttl": 86\d{3}/, '"ttl": 99999999'), message: /checksum mismatch/ },
      'oauth-backup-20200101-000004.json': {
        content: '{"timestamp": "2026-11-26T15:34:29+00:00", "tokens": {"x": {"value": 5, "type": "string", "ttl": -1}}}',
        message: /not a backup entry/,
      },
      'oauth-backup-20200101-000005.json': { content: 'not json at all', message: /JSON object/ },
      'oauth-backup-20200101-000006.json': { content: text.replace('"format_version": 1', '"format_version": 9'), message: /format version 9/ },
    };
    for (const [name, v] of Object.entries(variants)) writeFileSync(join(s.backupDir, name), v.content);
    await s.redis.set(s.keys.token('49NC_kbNyJMLYgA4HbXzug'), '{"changed": true}', 'EX', 500);
    const before = await prefixState(s.redis, s.keys);

    for (const [name, v] of Object.entries(variants)) {
      for (const mode of ['MERGE', 'REPLACE'] as const) {
        const { errors } = await restore(s, { name, mode, dryRun: false });
        expect(errors?.[0]?.extensions?.code, name).toBe('BAD_USER_INPUT');
        expect(errors?.[0]?.message, name).toMatch(v.message);
      }
    }
    expect(await prefixState(s.redis, s.keys)).toEqual(before);
    expect(readdirSync(s.backupDir).filter((n) => n.startsWith('.'))).toEqual([]);

    const list = expectData(await execute(s, Backups, { first: 50 })).backups;
    expect(list.totalCount).toBe(7);
    expect(list.edges[0]!.node).toMatchObject({ name: good.name, parseError: null, format: 'OAUTH_ADMIN' });
    for (const [name, v] of Object.entries(variants)) {
      const node = list.edges.find((e) => e.node.name === name)!.node;
      expect(node.parseError, name).toMatch(v.message);
    }
    const detail = await execute(s, Detail, { name: 'oauth-backup-20200101-000005.json' });
    const one = expectData(detail).backup!;
    expect(one.parseError).toMatch(/JSON object/);
    expect(one.counts).toBeNull();
    expect(one.clients.totalCount).toBe(0);
  });
});

describe('encryption (BACKUP_ENCRYPTION_KEY)', () => {
  it('encrypts the categories, restores with the key, refuses a wrong or missing key with a clear error', async () => {
    const s = await store({ encryptionKey: 'correct horse battery staple' });
    await seedVariety(s);
    const before = await prefixState(s.redis, s.keys);
    const created = expectData(await execute(s, CreateBackup, {})).createBackup;
    expect(created.encrypted).toBe(true);
    const raw = readFileSync(join(s.backupDir, created.name), 'utf8');
    expect(raw).not.toContain('N0gbV7rLzMtxlDrEQaVmaxAkBDATofyDhaFKyx0Qgy0');
    expect(raw).not.toContain('alice');
    const file = JSON.parse(raw) as {
      manifest: { encrypted: boolean; encryption: { kdf: { name: string } } };
      metadata: unknown;
      payload: string[];
      timestamp: string;
    };
    expect(Object.keys(file)).toEqual(['manifest', 'metadata', 'payload', 'timestamp']);
    expect(file.manifest.encrypted).toBe(true);
    expect(file.manifest.encryption.kdf.name).toBe('scrypt');

    await s.redis.set(s.keys.token('49NC_kbNyJMLYgA4HbXzug'), '{"changed": true}', 'EX', 500);
    const ok = await restore(s, { name: created.name, dryRun: false });
    expect(ok.job?.status, ok.job?.error ?? '').toBe('SUCCEEDED');
    expect(await prefixState(s.redis, s.keys)).toEqual(before);

    const wrong = await store({ encryptionKey: 'not the key' });
    const none = await store();
    for (const other of [wrong, none]) copyFileSync(join(s.backupDir, created.name), join(other.backupDir, created.name));
    const refusedWrong = await restore(wrong, { name: created.name, dryRun: true });
    expect(refusedWrong.errors?.[0]?.message).toMatch(/not the key this backup was encrypted with/);
    const refusedNone = await restore(none, { name: created.name, dryRun: true });
    expect(refusedNone.errors?.[0]?.message).toMatch(/encrypted: set BACKUP_ENCRYPTION_KEY/);
    const listed = expectData(await execute(none, Backups, {})).backups.edges[0]!.node;
    expect(listed.encrypted).toBe(true);
    expect(listed.parseError).toMatch(/encrypted and BACKUP_ENCRYPTION_KEY is not set/);

    // A flipped byte in the ciphertext: refused.
    const tampered = JSON.parse(raw) as typeof file;
    const chunk = Buffer.from(tampered.payload[0]!, 'base64');
    chunk[10]! ^= 1;
    tampered.payload[0] = chunk.toString('base64');
    writeFileSync(join(s.backupDir, 'oauth-backup-20200101-000000.json'), JSON.stringify(tampered));
    const refusedTampered = await restore(s, { name: 'oauth-backup-20200101-000000.json', dryRun: true });
    expect(refusedTampered.errors?.[0]?.message).toMatch(/failed authentication/);
  });
});

describe('who may do what', () => {
  it('viewers can list backups and dry-run a restore, but not create or restore them', async () => {
    const s = await store();
    const create = await execute(s, CreateBackup, {}, { token: VIEWER });
    expect(create.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(expectData(await execute(s, Backups, {}, { token: VIEWER })).backups.totalCount).toBe(0);
    // The refusal itself is on record (issue 14, item 9); nothing ran.
    expect((await s.services.audit.list()).filter((e) => e.action.startsWith('createBackup') && e.outcome !== 'REFUSED')).toEqual([]);
    await s.services.backups.create({ role: 'admin', name: 'admin-token' });
    for (const mode of ['MERGE', 'REPLACE'] as const) {
      const restored = await execute(s, Restore, { mode, dryRun: false }, { token: VIEWER });
      expect(restored.body.errors?.[0]?.extensions?.code, mode).toBe('FORBIDDEN');
    }
    // The dry run changes no gateway data: open to the viewer (semantics, "Who may do what").
    const dry = expectData(await execute(s, Restore, { dryRun: true }, { token: VIEWER })).restoreBackup;
    expect(dry).toMatchObject({ executed: false, confirmToken: null });
    const restores = (await s.services.audit.list()).filter((e) => e.action.startsWith('restoreBackup') && e.outcome !== 'REFUSED');
    expect(restores.every((e) => e.dryRun && e.actor === 'viewer-token')).toBe(true);
  });

  it('audits executed backups and restores', async () => {
    const s = await store();
    await seedVariety(s);
    const b = await s.services.backups.create(admin);
    await restore(s, { name: b.name, dryRun: false });
    await restore(s, { name: '../x.json', dryRun: false });
    const audit = await s.services.audit.list();
    expect(audit.map((e) => [e.action, e.outcome, e.target])).toEqual(
      expect.arrayContaining([
        ['createBackup', 'SUCCEEDED', b.name],
        ['restoreBackup(MERGE)', 'SUCCEEDED', b.name],
        ['restoreBackup(MERGE)', 'REFUSED', '../x.json'],
      ]),
    );
  });
});

describe('refresh tokens (semantics: never delete, nor bring back, against the gateway)', () => {
  it('skips a leftover refresh token (no TTL, past its lifetime) and restores one past its lifetime whose key has a TTL', async () => {
    const s = await store();
    const now = Math.floor(s.clock.now / 1000);
    const fortyDaysAgo = now - 40 * 86400;
    await s.writer.refreshToken('refresh_leftover', { username: 'lea', clientId: 'client_A', createdAt: fortyDaysAgo }, null);
    await s.writer.refreshToken('refresh_stretched', { username: 'lea', clientId: 'client_A', createdAt: fortyDaysAgo }, 3600);
    await s.writer.refreshToken('refresh_recent', { username: 'lea', clientId: 'client_A', createdAt: now - 60 }, null);
    const backup = await s.services.backups.create(admin);
    for (const t of ['refresh_leftover', 'refresh_stretched', 'refresh_recent']) await s.redis.unlink(s.keys.refresh(t));
    const { job } = await restore(s, { name: backup.name, dryRun: false });
    expect(job).toMatchObject({ status: 'SUCCEEDED' });
    expect(category(job, 'refresh_tokens')).toMatchObject({ restored: 2, skippedExpired: 1 });
    expect(await s.redis.exists(s.keys.refresh('refresh_leftover'))).toBe(0);
    expect(await s.redis.pttl(s.keys.refresh('refresh_stretched'))).toBeGreaterThan(3_500_000);
    expect(await s.redis.pttl(s.keys.refresh('refresh_recent'))).toBe(-1);
  });
});
