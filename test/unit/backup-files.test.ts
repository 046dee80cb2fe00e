import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BackupDir } from '../../src/services/backup/files.js';
import { RunWriter } from '../../src/services/backup/spill.js';

const root = mkdtempSync(join(tmpdir(), 'oauth-admin-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the backup directory', () => {
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

describe('the external sort', () => {
  it('merges runs in Python key order, keeping only the last read of a key SCAN returned twice', async () => {
    for (const encrypt of [false, true]) {
      const dir = mkdtempSync(join(root, 'runs-'));
      const writer = new RunWriter(dir, 'tokens', 64, encrypt); // a tiny budget: many runs
      const keys = ['m', 'b', '😀', 'z', '\ue000', 'a', 'b', 'é', 'm'];
      for (const [i, key] of keys.entries()) {
        writer.add(key, `text-${i}`);
        if (writer.held >= 64) await writer.flush();
      }
      const out: [string, string][] = [];
      for (const _pass of [1, 2]) {
        out.length = 0;
        for await (const batch of writer.merged()) {
          for (const r of batch) out.push([r.buf.toString('utf8', r.k0, r.k1), r.buf.toString('latin1', r.b0, r.b1)]);
        }
      }
      expect(out).toEqual([
        ['a', 'text-5'],
        ['b', 'text-6'],
        ['m', 'text-8'],
        ['z', 'text-3'],
        ['é', 'text-7'],
        ['\ue000', 'text-4'],
        ['😀', 'text-2'],
      ]);
      if (encrypt) {
        const run = readdirSync(dir).find((n) => n.endsWith('.run'))!;
        expect(readFileSync(join(dir, run)).includes(Buffer.from('text-'))).toBe(false);
      }
      await writer.remove();
    }
  });
});
