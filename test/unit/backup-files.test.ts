import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupDir } from '../../src/backups/files.js';
import { NameSorter, SortBudget, sortNames } from '../../src/backups/spill.js';

const root = mkdtempSync(join(tmpdir(), 'oauth-admin-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the backup directory', () => {
  it('removes what unfinished backups left once stale, and a running backup keeps its own files fresh (issue 14, item 5)', async () => {
    const dir = new BackupDir(join(root, 'leftovers'));
    await dir.ensure();
    const old = new Date(Date.now() - 10 * 60_000);
    const partial = join(dir.path, '.oauth-backup-0123456789abcdef.partial');
    const scratch = join(dir.path, '.oauth-backup-tmp-Ab12Cd');
    const running = join(dir.path, '.oauth-backup-fedcba9876543210.partial');
    writeFileSync(partial, 'x');
    mkdirSync(scratch);
    writeFileSync(running, 'y');
    // Neither a backup nor hidden files of anyone else's are ever touched.
    writeFileSync(join(dir.path, 'oauth-backup-20200101-000000.json'), '{}');
    writeFileSync(join(dir.path, '.oauth-backup-notes'), 'mine');
    for (const path of [partial, scratch, running, join(dir.path, 'oauth-backup-20200101-000000.json'), join(dir.path, '.oauth-backup-notes')])
      utimesSync(path, old, old);
    const stop = dir.keepFresh(() => [running, null], 20);
    await new Promise((r) => setTimeout(r, 100));
    stop();
    expect(await dir.removeLeftovers(60_000)).toBe(2);
    expect(readdirSync(dir.path).sort()).toEqual(['.oauth-backup-fedcba9876543210.partial', '.oauth-backup-notes', 'oauth-backup-20200101-000000.json']);
  });

  it('publishes a finished file under the first free name, never over an existing one', async () => {
    const dir = new BackupDir(join(root, 'a'));
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      const temp = await dir.tempFile();
      await temp.handle.write(`backup ${i}`);
      await temp.handle.close();
      expect(temp.path.split('/').pop()).toMatch(/^\.oauth-backup-[0-9a-f]+\.partial$/);
      expect(statSync(temp.path).mode & 0o777).toBe(0o600);
      names.push(await dir.publish(temp.path, 'oauth-backup-20261126-153429'));
    }
    expect(names).toEqual(['oauth-backup-20261126-153429.json', 'oauth-backup-20261126-153429-1.json', 'oauth-backup-20261126-153429-2.json']);
    expect(readFileSync(join(dir.path, names[0]!), 'utf8')).toBe('backup 0');
    expect(readdirSync(dir.path).sort()).toEqual([...names].sort());
    expect(statSync(dir.path).mode & 0o777).toBe(0o700);
    expect((await dir.list()).map((f) => f.name)).toEqual([...names].reverse());
  });

  it('lists nothing for a missing directory and ignores files that are not backups', async () => {
    expect(await new BackupDir(join(root, 'missing')).list()).toEqual([]);
    const dir = new BackupDir(join(root, 'b'));
    await dir.ensure();
    writeFileSync(join(dir.path, 'notes.txt'), 'x');
    writeFileSync(join(dir.path, '.oauth-backup-1234.partial'), 'x');
    writeFileSync(join(dir.path, 'oauth-backup-20261126-153429.json'), '{}');
    expect((await dir.list()).map((f) => f.name)).toEqual(['oauth-backup-20261126-153429.json']);
  });

  it('refuses a symbolic link', async () => {
    const dir = new BackupDir(join(root, 'c'));
    await dir.ensure();
    const { symlinkSync } = await import('node:fs');
    symlinkSync('/etc/hostname', join(dir.path, 'oauth-backup-20261126-153429.json'));
    await expect(dir.openForRead('oauth-backup-20261126-153429.json')).rejects.toThrow(/symbolic link/);
  });
});

describe('the external sort of names', () => {
  it('sorts by number what it can and as strings what it must, always in string order', () => {
    // Short names, shared prefixes, NUL and characters above 255 in the first four places.
    const char = fc.constantFrom('a', 'b', 'z', '\u0000', '\u0001', '\u00ff', '\u0100', 'é', '\ue000');
    const name = fc.array(char, { maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(fc.array(fc.oneof(name, fc.string({ maxLength: 8 })), { maxLength: 60 }), (names) => {
        const ours = [...names];
        sortNames(ours);
        expect(ours).toEqual([...names].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('merges runs in Python key order, each name once however often SCAN returned it', async () => {
    for (const encrypt of [false, true]) {
      const dir = mkdtempSync(join(root, 'runs-'));
      const budget = new SortBudget(100); // a tiny budget: many runs
      const sorter = new NameSorter(dir, 'tokens', encrypt, budget);
      const names = ['m', 'b', '😀', 'z', '\ue000', 'a', 'b', 'é', 'm', 'secret-name-m'];
      for (const name of names) {
        sorter.add(name);
        if (budget.full) {
          await sorter.flush();
          budget.held = 0;
        }
      }
      expect(readdirSync(dir).filter((n) => n.endsWith('.run')).length).toBeGreaterThan(2);
      for (const _pass of [1, 2]) {
        const out: string[] = [];
        for await (const batch of sorter.merged(3)) {
          expect(batch.length).toBeLessThanOrEqual(3);
          out.push(...batch);
        }
        expect(out).toEqual(['a', 'b', 'm', 'secret-name-m', 'z', 'é', '\ue000', '😀']);
      }
      if (encrypt) {
        for (const run of readdirSync(dir).filter((n) => n.endsWith('.run')))
          expect(readFileSync(join(dir, run)).includes(Buffer.from('secret-name'))).toBe(false);
      }
      await sorter.remove();
    }
  });
});
