/**
 * The backup directory: safe names, private temporary files, and publishing a finished file
 * under its final name without ever overwriting one or showing a partial file under it.
 */
import { constants, type Stats } from 'node:fs';
import { link, lstat, mkdir, mkdtemp, open, readdir, rename, rm, stat, unlink, utimes } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { badInput } from '../errors.js';
import { BACKUP_NAME, backupSortKey, nameWithSequence } from './format.js';

/**
 * A plain file name inside the backup directory, checked before any file-system call: no path
 * separators, no `..`, no NUL, not absolute, not hidden, ending in `.json`.
 */
export function checkBackupName(name: string): string {
  const problem =
    name.length === 0
      ? 'is empty'
      : name.length > 255
        ? 'is too long'
        : name.includes('\0')
          ? 'contains a NUL character'
          : isAbsolute(name) || /^[A-Za-z]:/.test(name)
            ? 'is an absolute path'
            : name.includes('/') || name.includes('\\')
              ? 'contains a path separator'
              : name.includes('..')
                ? 'contains ".."'
                : name.startsWith('.')
                  ? 'starts with "."'
                  : !name.endsWith('.json')
                    ? 'does not end in .json'
                    : /[\x00-\x1f\x7f]/.test(name)
                      ? 'contains control characters'
                      : null;
  if (problem) throw badInput(`backup name ${problem}: give a plain file name inside BACKUP_DIR, e.g. oauth-backup-20261126-153429.json`);
  if (basename(name) !== name) throw badInput('backup name must be a plain file name inside BACKUP_DIR');
  return name;
}

export class BackupDir {
  readonly path: string;

  constructor(dir: string) {
    this.path = resolve(dir);
  }

  /** The path of a checked name; never outside the directory. */
  pathOf(name: string): string {
    const path = join(this.path, checkBackupName(name));
    if (resolve(path) !== path || !path.startsWith(this.path + '/')) throw badInput('backup name must stay inside BACKUP_DIR');
    return path;
  }

  async ensure(): Promise<void> {
    await mkdir(this.path, { recursive: true, mode: 0o700 });
  }

  /** A private scratch directory inside BACKUP_DIR (same file system, removed by the caller). */
  async scratch(): Promise<string> {
    await this.ensure();
    return mkdtemp(join(this.path, '.oauth-backup-tmp-'));
  }

  /** A new private temporary file for a backup being written (hidden, never matching the backup pattern). */
  async tempFile(): Promise<{ path: string; handle: import('node:fs/promises').FileHandle }> {
    await this.ensure();
    const path = join(this.path, `.oauth-backup-${randomBytes(8).toString('hex')}.partial`);
    const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    return { path, handle };
  }

  /**
   * Gives a finished, flushed temporary file its final name: the base name, else `-1`, `-2`, ...
   * `link` fails when the name exists, so a backup is never overwritten, and the file appears
   * complete or not at all. Then the directory entry is flushed too.
   */
  async publish(tempPath: string, base: string): Promise<string> {
    for (let seq = 0; seq < 10_000; seq++) {
      const name = nameWithSequence(base, seq);
      const target = join(this.path, name);
      try {
        await link(tempPath, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EXDEV') {
          // A file system without hard links: claim the name with O_EXCL... then rename over our own claim.
          try {
            const claim = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
            await claim.close();
          } catch (claimError) {
            if ((claimError as NodeJS.ErrnoException).code === 'EEXIST') continue;
            throw claimError;
          }
          await rename(tempPath, target);
          await this.syncDir();
          return name;
        }
        throw error;
      }
      await unlink(tempPath);
      await this.syncDir();
      return name;
    }
    throw new Error('too many backups in the same second');
  }

  async syncDir(): Promise<void> {
    const dir = await open(this.path, 'r');
    try {
      await dir.sync();
    } catch {
      // some file systems cannot fsync a directory; the data itself is already flushed
    } finally {
      await dir.close();
    }
  }

  /** Backup files (by the name pattern), newest first, with their stats; a missing directory is empty. */
  async list(): Promise<{ name: string; stats: Stats }[]> {
    let names: string[];
    try {
      names = await readdir(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const out: { name: string; stats: Stats }[] = [];
    for (const name of names.filter((n) => BACKUP_NAME.test(n))) {
      try {
        const stats = await stat(join(this.path, name));
        if (stats.isFile()) out.push({ name, stats });
      } catch {
        // removed while listing
      }
    }
    return out.sort((a, b) => (backupSortKey(a.name) < backupSortKey(b.name) ? 1 : -1));
  }

  /** Opens a backup for reading, refusing symlinks and anything but a regular file. */
  async openForRead(name: string): Promise<import('node:fs/promises').FileHandle> {
    const path = this.pathOf(name);
    let handle;
    try {
      handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new BackupNotFound(name);
      if (code === 'ELOOP') throw badInput(`backup ${JSON.stringify(name)} is a symbolic link; only regular files in BACKUP_DIR are read`);
      throw error;
    }
    const stats = await handle.stat();
    if (!stats.isFile()) {
      await handle.close();
      throw badInput(`backup ${JSON.stringify(name)} is not a regular file`);
    }
    return handle;
  }

  async remove(path: string): Promise<void> {
    await rm(path, { recursive: true, force: true });
  }

  /**
   * Removes what backups that never finished left behind (a killed process: its `.partial` file,
   * the backup's plaintext, and its scratch directory), once stale: not touched for `staleMs`.
   * A running backup touches its files every `LEFTOVER_HEARTBEAT_MS` (`keepFresh`), so another
   * process's backup in progress is never taken for a leftover. Returns how many were removed.
   */
  async removeLeftovers(staleMs = LEFTOVER_STALE_MS, now = Date.now()): Promise<number> {
    let names: string[];
    try {
      names = await readdir(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names.filter((n) => LEFTOVER.test(n))) {
      const path = join(this.path, name);
      try {
        const stats = await lstat(path);
        if (now - stats.mtimeMs < staleMs) continue;
        await rm(path, { recursive: true, force: true });
        removed++;
      } catch {
        // gone meanwhile (another process cleaned it)
      }
    }
    return removed;
  }

  /** Touches a running backup's files every `LEFTOVER_HEARTBEAT_MS` until the returned stop is called. */
  keepFresh(paths: () => (string | null)[], everyMs = LEFTOVER_HEARTBEAT_MS): () => void {
    const timer = setInterval(() => {
      const now = new Date();
      for (const path of paths()) if (path) void utimes(path, now, now).catch(() => {});
    }, everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}

/** What an unfinished backup leaves: its temporary file and its scratch directory. */
const LEFTOVER = /^\.oauth-backup-(?:[0-9a-f]{16}\.partial|tmp-[A-Za-z0-9]+)$/;
/** How often a running backup touches its files, and after how long untouched they are leftovers. */
export const LEFTOVER_HEARTBEAT_MS = 15_000;
export const LEFTOVER_STALE_MS = 120_000;

export class BackupNotFound extends Error {
  constructor(readonly backupName: string) {
    super(`backup ${JSON.stringify(backupName)} does not exist in BACKUP_DIR`);
  }
}
