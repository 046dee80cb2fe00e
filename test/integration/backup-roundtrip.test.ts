import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { graphql } from '../../src/generated/index.js';
import { unlinkMany } from '../../src/redis/batch.js';
import { parseLenient } from '../../src/backups/pyjson.js';
import { readKeys, writeBackup } from '../../src/backups/writer.js';
import { GATEWAY_RESTORE_READER, PYTHON, prefixState, python, seedVariety } from '../helpers/backup.js';
import { execute, expectData } from '../helpers/execute.js';
import { type TestStore, storesClosedAfterEach } from '../helpers/store.js';

const CreateBackup = graphql(`
  mutation BackupCreate($note: String) {
    createBackup(note: $note) {
      name createdAt sizeBytes encrypted format note parseError sha256 redisVersion
      counts { registrations tokens refreshTokens userTokens states codes sessions other total }
    }
  }
`);

const Restore = graphql(`
  mutation BackupRestore($name: String, $mode: RestoreMode, $dryRun: Boolean!, $confirmToken: String) {
    restoreBackup(name: $name, mode: $mode, dryRun: $dryRun, confirmToken: $confirmToken) {
      executed confirmToken
      backup { name }
      safetyBackup { name note }
      job {
        id status dryRun error backupName
        counts { clients accessTokens refreshTokens authCodes authStates userIndexes }
        categories { category restored overwritten unchanged skippedExpired }
      }
    }
  }
`);

const store = storesClosedAfterEach();

async function clearPrefixes(s: TestStore): Promise<void> {
  const state = await prefixState(s.redis, s.keys);
  await unlinkMany(s.redis, [...state.keys()]);
}

describe('a backup of ours', () => {
  it('round-trips every key under the prefixes byte for byte, with the same absolute expiry', async () => {
    const s = await store();
    const { outside } = await seedVariety(s);
    const before = await prefixState(s.redis, s.keys);
    expect(before.size).toBeGreaterThan(15);

    const created = expectData(await execute(s, CreateBackup, { note: 'round trip' })).createBackup;
    expect(created.name).toMatch(/^oauth-backup-\d{8}-\d{6}(-\d+)?\.json$/);
    expect(created.format).toBe('OAUTH_ADMIN');
    expect(created.encrypted).toBe(false);
    expect(created.parseError).toBeNull();
    expect(created.note).toBe('round trip');
    expect(created.counts).toMatchObject({
      registrations: 4,
      tokens: 6,
      refreshTokens: 2,
      userTokens: 2,
      states: 1,
      codes: 1,
      sessions: 1,
      other: 3,
      total: before.size,
    });
    const path = join(s.backupDir, created.name);
    expect(statSync(path).mode & 0o777).toBe(0o600);

    await clearPrefixes(s);
    const restored = expectData(await execute(s, Restore, { name: created.name, dryRun: false })).restoreBackup;
    expect(restored.executed).toBe(true);
    const job = await s.services.jobs.wait(restored.job!.id);
    expect(job?.status, job?.error ?? '').toBe('SUCCEEDED');
    expect(job?.categories.reduce((n, c) => n + c.restored, 0)).toBe(before.size);

    const after = await prefixState(s.redis, s.keys);
    expect(after).toEqual(before);
    expect(await s.redis.get(outside)).toBe('not ours');
  });

  it('is exactly what Python json.dump(indent=2, sort_keys=True) writes, and the gateway restore script reads what it needs', async () => {
    const s = await store();
    await seedVariety(s);
    const created = expectData(await execute(s, CreateBackup, {})).createBackup;
    const path = join(s.backupDir, created.name);
    const raw = readFileSync(path, 'utf8');
    expect(raw.endsWith('}')).toBe(true);
    expect(/[^\x00-\x7f]/.test(raw)).toBe(false);
    // Python writes NaN in `parsed` for a value holding NaN (as the gateway's script would).
    const file = parseLenient(raw) as Record<string, any>;

    // The layout the gateway's scripts read (reference/gateway-data.md §3.2).
    expect(Object.keys(file)).toEqual([
      'codes',
      'manifest',
      'metadata',
      'other',
      'refresh_tokens',
      'registrations',
      'sessions',
      'states',
      'timestamp',
      'tokens',
      'user_tokens',
    ]);
    expect(file.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{6})?\+00:00$/);
    expect(file.metadata).toEqual({ total_refresh_tokens: 2, total_registrations: 4, total_sessions: 1, total_tokens: 6 });
    const token = file.tokens['49NC_kbNyJMLYgA4HbXzug'];
    expect(Object.keys(token)).toEqual(['expires_at_ms', 'parsed', 'ttl', 'type', 'value']);
    expect(token.type).toBe('string');
    expect(token.ttl).toBeGreaterThan(86000);
    expect(token.expires_at_ms).toBe(Number(await s.redis.call('PEXPIRETIME', s.keys.token('49NC_kbNyJMLYgA4HbXzug'))));
    expect(file.tokens['4gZFbt-tgsdSjpXhcAb92g'].ttl).toBe(-1);
    expect(file.tokens['4gZFbt-tgsdSjpXhcAb92g'].expires_at_ms).toBeUndefined();
    expect(file.tokens['corrupt-not-json']).toEqual({ ttl: -1, type: 'string', value: 'this is {not json' });
    expect(file.user_tokens.alice.type).toBe('set');
    expect(JSON.parse(file.user_tokens.alice.value).sort()).toEqual(['49NC_kbNyJMLYgA4HbXzug', 'kDUJmV-Ua39KzJLYrLNOvA']);
    expect(file.sessions).toHaveProperty([`${s.namespace}redis:session:sess1:state`]);
    expect(file.registrations.binary).toMatchObject({ encoding: 'base64', value: Buffer.from([0xff, 0xfe, 0x00, 0x41, 0xc3]).toString('base64') });
    expect(file.other).toHaveProperty(['hashy']);
    expect(file.manifest).toMatchObject({ format: 'oauth-admin-backup', format_version: 1, encrypted: false, counts: { tokens: 6 } });
    expect(file.manifest.sha256).toMatch(/^[0-9a-f]{64}$/);

    if (!PYTHON) return;
    // Byte for byte what Python writes for the same data.
    expect(python('import json,sys; raw=open(sys.argv[1]).read(); print(json.dumps(json.loads(raw), indent=2, sort_keys=True) == raw)', path).trim()).toBe(
      'True',
    );
    // The gateway's restore: every value and ttl it would write matches the store (prefix aside).
    const { listing, commands } = JSON.parse(python(GATEWAY_RESTORE_READER, path)) as {
      listing: { metadata: Record<string, number> };
      commands: (string | number)[][];
    };
    expect(listing.metadata.total_tokens).toBe(6);
    const ns = s.namespace;
    const sets = commands.filter((c) => c[0] === 'SET');
    expect(sets.find((c) => c[1] === 'oauth:token:49NC_kbNyJMLYgA4HbXzug')?.[2]).toBe(await s.redis.get(s.keys.token('49NC_kbNyJMLYgA4HbXzug')));
    expect(sets.find((c) => c[1] === `${ns}redis:session:sess1:state`)?.[2]).toBe('{"x": 1}');
    const sadd = commands.find((c) => c[0] === 'SADD' && c[1] === 'oauth:user_tokens:alice')!;
    expect(sadd.slice(2).sort()).toEqual(['49NC_kbNyJMLYgA4HbXzug', 'kDUJmV-Ua39KzJLYrLNOvA']);
    const expire = commands.find((c) => c[0] === 'EXPIRE' && c[1] === 'oauth:token:49NC_kbNyJMLYgA4HbXzug')!;
    expect(Number(expire[2])).toBeGreaterThan(86000);
    expect(commands.some((c) => c[0] === 'EXPIRE' && c[1] === 'oauth:token:4gZFbt-tgsdSjpXhcAb92g')).toBe(false);
  });

  it('writes the same categories whatever its sort budget (names sorted across many runs), and counts keys the format cannot hold', async () => {
    const s = await store();
    await seedVariety(s);
    for (let i = 0; i < 300; i++) await s.redis.set(s.keys.token(`bulk-${(i * 7919) % 300}-${'x'.repeat(i % 13)}`), `{"n": ${i}}`);
    // A sorted set among the tokens and a stream among the codes: after the manifest in the file.
    await s.redis.zadd(s.keys.token('a-zset'), 1, 'm');
    await s.redis.xadd(s.keys.code('a-stream'), '*', 'f', 'v');
    const write = (sortBudgetBytes?: number) =>
      writeBackup({ redis: s.redis, keys: s.keys, dir: s.services.backups.dir, ...(sortBudgetBytes ? { sortBudgetBytes } : {}) });
    const tiny = await write(2000);
    const usual = await write();
    expect(tiny.counts).toEqual(usual.counts);
    expect(tiny.counts.tokens).toBe(6 + 300);
    expect(tiny.manifest.unsupported_keys).toBe(2);
    for (const name of [tiny.name, usual.name]) expect(await s.services.backups.verify(name)).toBeNull();
    // The same entries in the same order; only `ttl` (seconds left when read) may differ.
    const categories = (name: string) => {
      const file = parseLenient(readFileSync(join(s.backupDir, name), 'utf8')) as Record<string, Record<string, Record<string, unknown>>>;
      const out: [string, string[], unknown[]][] = [];
      for (const c of ['codes', 'other', 'refresh_tokens', 'registrations', 'sessions', 'states', 'tokens', 'user_tokens']) {
        const entries = file[c] ?? {};
        out.push([c, Object.keys(entries), Object.values(entries).map(({ ttl: _ttl, ...rest }) => rest)]);
      }
      return out;
    };
    const ours = categories(tiny.name);
    expect(ours).toEqual(categories(usual.name));
    const names = ours.find(([c]) => c === 'tokens')![1];
    expect(names).toEqual([...names].sort());
    expect(names).not.toContain('a-zset');
  });

  it('never overwrites: two backups in the same second get -1', async () => {
    const s = await store();
    await seedVariety(s);
    const names: string[] = [];
    for (let i = 0; i < 3; i++) names.push((await s.services.backups.create({ role: 'admin', name: 'test' })).name);
    expect(new Set(names).size).toBe(3);
    const list = await s.services.backups.list();
    expect(list.map((b) => b.name)).toEqual([...names].reverse());
  });

  it('leaves no partial file behind, under a final name or any other, when writing fails', async () => {
    const s = await store();
    await seedVariety(s);
    for (const failIn of ['scanning', 'writing']) {
      const error = await writeBackup({
        redis: s.redis,
        keys: s.keys,
        dir: s.services.backups.dir,
        progress: (p) => {
          if (p.phase === failIn) throw new Error(`disk full in ${failIn}`);
        },
      }).catch((e: unknown) => e);
      expect((error as Error).message).toBe(`disk full in ${failIn}`);
      expect(readdirSync(s.backupDir)).toEqual([]);
    }
  });

  it('reads keys atomically per batch: a key gone before the read is left out (never "value": null), every type comes with its expiry', async () => {
    const s = await store();
    const k = (name: string) => `${s.keys.prefixes.oauth}${name}`;
    await s.redis.set(k('str'), Buffer.from([0xff, 0x00]), 'PXAT', 4102444800000);
    await s.redis.sadd(k('set'), 'a', 'b');
    await s.redis.rpush(k('list'), 'x', 'y', 'x');
    await s.redis.hset(k('hash'), 'f', 'v');
    await s.redis.pexpireat(k('hash'), 4102444800123);
    await s.redis.zadd(k('zset'), 1, 'm');
    const read = await readKeys(s.redis, [k('str'), k('gone'), k('set'), k('list'), k('hash'), k('zset')]);
    const byKey = new Map(read.map((r) => [r.key.slice(s.keys.prefixes.oauth.length), r]));
    expect([...byKey.keys()]).toEqual(['str', 'set', 'list', 'hash', 'zset']);
    expect(byKey.get('str')).toMatchObject({ type: 'string', expiresAtMs: 4102444800000 });
    expect(byKey.get('str')!.items[0]).toEqual(Buffer.from([0xff, 0x00]));
    expect(byKey.get('set')!.items.map(String).sort()).toEqual(['a', 'b']);
    expect(byKey.get('list')!.items.map(String)).toEqual(['x', 'y', 'x']);
    expect(byKey.get('hash')).toMatchObject({ type: 'hash', expiresAtMs: 4102444800123 });
    expect(byKey.get('zset')!.type).toBe('unsupported');
  });
});
