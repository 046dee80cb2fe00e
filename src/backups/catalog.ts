/**
 * The backups in BACKUP_DIR: listing them with what their headers say (cached per file version),
 * checking a whole file (`verify`, cached likewise), and opening one with its header checked for
 * the readers of its contents.
 */
import type { Stats } from 'node:fs';
import { type FileHandle, stat } from 'node:fs/promises';
import { AdminError } from '../errors.js';
import { BackupKeyError } from './crypto.js';
import { type BackupDir, BackupNotFound, checkBackupName } from './files.js';
import { type Category, timeFromName } from './format.js';
import { unusable } from './jobs.js';
import { BackupFormatError, type BackupSummary, readBackup } from './reader.js';
import { Pacer, type SharedWork } from './shared-work.js';
import type { BackupInfo } from './types.js';

/** A file's size, time and inode: tells one version of it from the next. */
export const signature = (s: Stats) => `${s.size}:${s.mtimeMs}:${s.ino}`;

function emptyInfo(name: string, stats: Stats): BackupInfo {
  return {
    name,
    sizeBytes: stats.size,
    modifiedAt: stats.mtimeMs,
    createdAt: timeFromName(name),
    format: null,
    encrypted: false,
    counts: null,
    redisVersion: null,
    sha256: null,
    note: null,
    headerError: null,
    unsupported: null,
  };
}

/** What the header says, into `info`. */
function fromHeader(info: BackupInfo, summary: BackupSummary): void {
  info.format = summary.format;
  info.encrypted = summary.encrypted;
  info.counts = summary.counts;
  info.createdAt = summary.timestampMs ?? info.createdAt;
  info.redisVersion = summary.manifest?.redis_version ?? null;
  info.sha256 = summary.manifest?.sha256 ?? null;
  info.note = summary.manifest?.note ?? null;
  const manifest = summary.manifest;
  if (manifest) {
    const total = manifest.unsupported_keys ?? 0;
    info.unsupported = {
      total,
      byCategory: manifest.unsupported ? (manifest.unsupported as Partial<Record<Category, number>>) : total === 0 ? {} : null,
      types: manifest.unsupported_types ?? [],
    };
  }
}

export class BackupCatalog {
  private readonly headers = new Map<string, { sig: string; info: BackupInfo; summary: BackupSummary | null }>();
  private readonly verified = new Map<string, { sig: string; error: string | null }>();

  constructor(
    readonly dir: BackupDir,
    private readonly encryptionKey: string | undefined,
    /** Whole-file reads, shared and bounded (BackupService.work.files). */
    private readonly files: SharedWork,
  ) {}

  /** Every backup file, newest first; unreadable ones are listed with `headerError`. */
  async list(): Promise<BackupInfo[]> {
    const files = await this.dir.list();
    const out: BackupInfo[] = [];
    for (const f of files) out.push(await this.describe(f.name, f.stats));
    return out;
  }

  /** One backup by name; null when there is no such file. Refuses unsafe names. */
  async get(name: string): Promise<BackupInfo | null> {
    checkBackupName(name);
    let handle: FileHandle;
    try {
      handle = await this.dir.openForRead(name);
    } catch (error) {
      if (error instanceof BackupNotFound) return null;
      throw error;
    }
    try {
      return await this.describe(name, await handle.stat(), handle);
    } finally {
      await handle.close();
    }
  }

  /** A file as listed, from its header (read through `open` when given). */
  async describe(name: string, stats: Stats, open?: FileHandle): Promise<BackupInfo> {
    const sig = signature(stats);
    const cached = this.headers.get(name);
    if (cached && cached.sig === sig) return cached.info;
    const info = emptyInfo(name, stats);
    let summary: BackupSummary | null = null;
    try {
      const handle = open ?? (await this.dir.openForRead(name));
      try {
        summary = await readBackup(handle, { headerOnly: true });
      } finally {
        if (!open) await handle.close();
      }
      fromHeader(info, summary);
    } catch (error) {
      if (error instanceof BackupNotFound) throw error;
      info.headerError =
        error instanceof BackupFormatError || error instanceof BackupKeyError ? error.message : `cannot read the file: ${(error as Error).message}`;
    }
    this.headers.set(name, { sig, info, summary });
    return info;
  }

  /**
   * Reads and checks the whole file (structure, every entry, checksums, encryption); null when it
   * is good, else why not. Cached until the file changes.
   */
  async verify(name: string, signal?: AbortSignal): Promise<string | null> {
    let sig: string | null = null;
    try {
      sig = signature(await stat(this.dir.pathOf(name)));
    } catch {
      // missing or unreadable: the read below says how
    }
    const cached = this.verified.get(name);
    if (cached && sig !== null && cached.sig === sig) return cached.error;
    return this.files.run(`verify\u0000${name}\u0000${sig}`, signal, (own) => this.verifyNow(name, own));
  }

  private async verifyNow(name: string, signal: AbortSignal): Promise<string | null> {
    let handle: FileHandle;
    try {
      handle = await this.dir.openForRead(name);
    } catch (error) {
      if (error instanceof BackupNotFound) return error.message;
      throw error;
    }
    try {
      const sig = signature(await handle.stat());
      const cached = this.verified.get(name);
      if (cached && cached.sig === sig) return cached.error;
      const error = await this.check(handle, signal);
      this.verified.set(name, { sig, error });
      return error;
    } finally {
      await handle.close();
    }
  }

  /** The whole file read and checked: null when good, else why not. */
  private async check(handle: FileHandle, signal: AbortSignal): Promise<string | null> {
    try {
      const header = await readBackup(handle, { headerOnly: true });
      if (header.encrypted && !this.encryptionKey) {
        return 'the backup is encrypted and BACKUP_ENCRYPTION_KEY is not set: this service cannot read or restore it';
      }
      await readBackup(handle, { encryptionKey: this.encryptionKey, fileTimeMs: header.timestampMs, pause: new Pacer(signal).pause });
      return null;
    } catch (e) {
      if (e instanceof BackupFormatError || e instanceof BackupKeyError) return e.message;
      if (e instanceof Error && /chunk \d+/.test(e.message)) return e.message;
      throw e;
    }
  }

  /** A file this service just wrote and checked: no need to read it all again for `parseError`. */
  async markVerified(name: string): Promise<void> {
    this.verified.set(name, { sig: signature(await stat(this.dir.pathOf(name))), error: null });
  }

  /** The newest backup's name; NOT_FOUND when there is none. */
  async latest(): Promise<string> {
    const [newest] = await this.dir.list();
    if (!newest) throw new AdminError('NOT_FOUND', 'there is no backup in BACKUP_DIR yet: create one first');
    return newest.name;
  }

  /** The file's size, time and inode, to tell one version of it from the next (null when it cannot be read). */
  async signatureOf(name: string): Promise<string | null> {
    try {
      return signature(await stat(this.dir.pathOf(name)));
    } catch {
      return null;
    }
  }

  /** Opens a file and reads its header for `body`; any failure as an operator-facing error (jobs.ts `unusable`). */
  async withFile<T>(name: string, body: (handle: FileHandle, head: BackupSummary) => Promise<T>): Promise<T> {
    const handle = await this.dir.openForRead(name).catch((e: unknown) => unusable(name, e));
    try {
      let head: BackupSummary;
      try {
        head = await readBackup(handle, { headerOnly: true });
        if (head.encrypted && !this.encryptionKey) throw new BackupKeyError('this backup is encrypted: set BACKUP_ENCRYPTION_KEY to read its contents');
      } catch (error) {
        return unusable(name, error);
      }
      return await body(handle, head);
    } catch (error) {
      return unusable(name, error);
    } finally {
      await handle.close();
    }
  }
}
