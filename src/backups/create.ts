/**
 * Writing backups into BACKUP_DIR: `create` (the `createBackup` job, waited for), and the writes
 * the jobs make (a created backup, a REPLACE's safety backup), each after removing what killed
 * backups left behind.
 */
import type { Principal } from '../principal.js';
import { AdminError } from '../errors.js';
import type { RedisClient } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import type { JobDefinition, JobRunner } from '../jobs/runner.js';
import type { Logger } from '../logger.js';
import type { BackupCatalog } from './catalog.js';
import type { BackupProgress, CreateBackupInput } from './jobs.js';
import type { BackupInfo } from './types.js';
import { type WrittenBackup, writeBackup } from './writer.js';

export interface BackupWriterOptions {
  encryptionKey: string | undefined;
  sortBudgetBytes?: number | undefined;
  logger: Logger;
}

/** Writes backup files for the jobs; cleans up after killed ones. */
export class BackupWriter {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly catalog: BackupCatalog,
    private readonly options: BackupWriterOptions,
  ) {}

  /**
   * Removes the files backups that never finished left in BACKUP_DIR (a killed process), once
   * stale; at start and before each backup. Never throws: a failure is logged.
   */
  async removeLeftovers(): Promise<number> {
    const { dir } = this.catalog;
    try {
      const removed = await dir.removeLeftovers();
      if (removed > 0)
        this.options.logger.warn('removed files left by an interrupted backup (a temporary file or scratch directory)', { dir: dir.path, removed });
      return removed;
    } catch (error) {
      this.options.logger.warn('could not look for files left by an interrupted backup', { dir: dir.path, err: error });
      return 0;
    }
  }

  /** One backup file (a created backup, or a REPLACE's safety backup). */
  async write(
    note: string | undefined,
    progress?: (p: { phase: string; scanned: number }) => Promise<void>,
    checkpoint?: () => Promise<void>,
  ): Promise<WrittenBackup> {
    await this.removeLeftovers();
    return writeBackup({
      redis: this.redis,
      keys: this.keys,
      dir: this.catalog.dir,
      encryptionKey: this.options.encryptionKey,
      ...(note ? { note } : {}),
      ...(this.options.sortBudgetBytes ? { sortBudgetBytes: this.options.sortBudgetBytes } : {}),
      ...(progress ? { progress } : {}),
      ...(checkpoint ? { checkpoint } : {}),
    });
  }
}

/** Writes a backup as a job (progress, cancel) and waits for it; returns the new backup. */
export async function createBackup(
  jobs: JobRunner,
  job: JobDefinition<CreateBackupInput, BackupProgress, WrittenBackup>,
  catalog: BackupCatalog,
  who: Principal,
  note?: string,
): Promise<BackupInfo> {
  const started = await jobs.start(job, { actor: who.name, dryRun: false, note });
  const final = await jobs.wait(started.id);
  const name = final?.status === 'SUCCEEDED' ? final.backupName : null;
  if (name === null) {
    throw new AdminError('UNAVAILABLE', `the backup failed: ${final?.error ?? final?.status ?? 'unknown error'}`, { jobId: started.id });
  }
  const info = await catalog.get(name);
  if (!info) throw new AdminError('UNAVAILABLE', 'the backup was written but is gone from BACKUP_DIR');
  // We wrote and checked it: no need to read it all again for `parseError`.
  await catalog.markVerified(info.name);
  return info;
}
