import { describe, expect, it } from 'vitest';
import { scanKeys } from '../../src/redis/batch.js';
import { seedVariety } from '../helpers/backup.js';
import { type TestStore, storesClosedAfterEach } from '../helpers/store.js';

// The executed restore writes strings with one `SET key value [PXAT ms] GET` per key in batched
// scripts on a connection of its own, and sets, lists and hashes with the comparing script; its
// tally must be the dry run's, whatever the store holds under the backup's keys.

const store = storesClosedAfterEach();
const admin = { role: 'admin' as const, name: 'test' };

async function restore(s: TestStore, name: string, dryRun: boolean) {
  const outcome = await s.services.backups.restore(admin, { name, dryRun });
  const job = await s.services.jobs.wait(outcome.job!.id);
  expect(job?.status, job?.error ?? '').toBe('SUCCEEDED');
  return job!;
}

const byCategory = (job: { categories: { category: string }[] }) => Object.fromEntries(job.categories.map((c) => [c.category, c]));

describe('an executed restore, batch by batch', () => {
  it('counts as its dry run does, replaces a key of another type with the backup\u2019s value and expiry, and leaves a second run unchanged', async () => {
    const s = await store();
    await seedVariety(s);
    const tokens: string[] = [];
    for await (const batch of scanKeys(s.redis, `${s.keys.prefixes.oauth}token:*`)) tokens.push(...batch);
    const withTtl: string[] = [];
    for (const key of tokens.sort()) if ((await s.redis.type(key)) === 'string' && (await s.redis.pttl(key)) > 0) withTtl.push(key);
    expect(withTtl.length).toBeGreaterThanOrEqual(2);
    const [asHash, changed] = withTtl as [string, string];
    const expiry = Number(await s.redis.call('PEXPIRETIME', asHash));
    const value = await s.redis.get(asHash);
    const client = s.keys.client('binary');
    const binary = await s.redis.getBuffer(client);
    const hashy = `${s.keys.prefixes.oauth}hashy`;
    const backup = await s.services.backups.create(admin);

    // The store moves on: a token key now holds a hash, another token changed, the binary client
    // is gone, the hash under the prefix became a string.
    await s.redis.unlink(asHash);
    await s.redis.hset(asHash, 'not', 'a string');
    await s.redis.set(changed, '{"changed": true}', 'EX', 500);
    await s.redis.unlink(client);
    await s.redis.unlink(hashy);
    await s.redis.set(hashy, 'a string now');

    const planned = byCategory(await restore(s, backup.name, true));
    const executed = byCategory(await restore(s, backup.name, false));
    expect(executed).toEqual(planned);
    expect(executed.tokens).toMatchObject({ restored: 0, overwritten: 2 });
    expect(executed.registrations).toMatchObject({ restored: 1 });
    expect(executed.other).toMatchObject({ overwritten: 1 });

    expect(await s.redis.type(asHash)).toBe('string');
    expect(await s.redis.get(asHash)).toBe(value);
    expect(Number(await s.redis.call('PEXPIRETIME', asHash))).toBe(expiry);
    expect((await s.redis.getBuffer(client))?.equals(binary!)).toBe(true);
    expect(await s.redis.pttl(client)).toBeGreaterThan(0);
    expect(await s.redis.hgetall(hashy)).toEqual({ b: '2', a: '\u00e9' });

    // Everything is as in the backup now: a second run changes nothing and says so.
    const again = await restore(s, backup.name, false);
    for (const row of again.categories) expect(row, row.category).toMatchObject({ restored: 0, overwritten: 0 });
    expect(again.categories.reduce((n, c) => n + c.unchanged, 0)).toBeGreaterThan(10);
  });
});
