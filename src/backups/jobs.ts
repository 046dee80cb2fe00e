/**
 * Creating a backup and restoring one, as job kinds (semantics.md "Backups" and "Restoring"). A
 * restore shares the `maintenance` lock with purge and cleanup; creating one takes no lock.
 */
import type { FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { AdminError } from '../errors.js';
import type { RedisClient } from '../redis/connection.js';
import { isRedisGone } from '../redis/failures.js';
import type { Keys } from '../redis/keys.js';
import type { Logger } from '../logger.js';
import {
  type DeletionCounts,
  type JobAudit,
  JobCancelled,
  type JobContext,
  type JobDefinition,
  type JobInput,
  JobRefused,
  type JobReport,
} from '../jobs/runner.js';
import { describeJobError } from '../audit/describe-error.js';
import { BackupKeyError } from './crypto.js';
import { BackupNotFound } from './files.js';
import { BackupFormatError, type BackupSummary, readBackup } from './reader.js';
import { RestoreBatcher, type deadOnArrival, reportedCounts } from './restore.js';
import type { WrittenBackup } from './writer.js';

export type RestoreMode = 'MERGE' | 'REPLACE';

/** What the backup jobs use of the backup service. */
export interface BackupJobDeps {
  redis: RedisClient;
  keys: Keys;
  encryptionKey: string | undefined;
  logger: Logger;
  /** Writes a backup into BACKUP_DIR. */
  write(note: string | undefined, progress: (p: { phase: string; scanned: number }) => Promise<void>, checkpoint: () => Promise<void>): Promise<WrittenBackup>;
  /** What a restore skips though its key would live, judged now. */
  dead(): ReturnType<typeof deadOnArrival> | null;
  /** Keys under the prefixes now, by kind: what REPLACE deletes before writing. */
  countUnderPrefixes(): Promise<DeletionCounts>;
  /** Deletes every key under the OAuth and session prefixes. */
  clearPrefixes(checkpoint: () => Promise<void>): Promise<void>;
}

/** A backup's progress, as its job shows it. */
export interface BackupProgress {
  phase: string;
  scanned: number;
  matched?: number;
  deleted?: number;
}

export interface CreateBackupInput extends JobInput {
  note?: string | undefined;
}

/** Writes a backup; audited `createBackup` with the new file's name. */
export function createBackupJob(deps: BackupJobDeps): JobDefinition<CreateBackupInput, BackupProgress, WrittenBackup> {
  return {
    kind: 'CREATE_BACKUP',
    lock: null,
    audit: { action: () => 'createBackup', describe: (_input, { result }) => ({ target: result?.name ?? null }), notStarted: 'REFUSED' },
    show: (written) => ({ backupName: written.name }),
    work: async (input, ctx) => {
      const progress = (p: { phase: string; scanned: number }) => ctx.progress({ phase: p.phase, scanned: p.scanned, matched: p.scanned, deleted: 0 });
      const written = await deps.write(input.note, progress, () => ctx.checkpoint());
      const leftOut = Object.values(written.unsupported.byCategory).reduce((a, b) => a + (b ?? 0), 0);
      if (leftOut > 0) {
        // Counted and typed, never named: a sorted set under the refresh prefix is named like a token.
        deps.logger.warn('the backup left out keys of a type the backup format cannot hold (sorted sets, streams, ...): a restore will not bring them back', {
          backup: written.name,
          leftOut,
          types: written.unsupported.types,
          byCategory: written.unsupported.byCategory,
        });
      }
      return written;
    },
  };
}

/** What a restore's audit entry names: also a restore refused before its job (no file chosen yet: null). */
export interface RestoreSubject extends JobInput {
  name: string | null;
  mode: RestoreMode;
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {});
  return { promise, resolve, reject };
}

/** A restore's input: the file, open and checked by its header (the job closes it). */
export interface RestoreInput extends RestoreSubject {
  name: string;
  handle: FileHandle;
  stats: Stats;
  head: BackupSummary;
  /** Settles once the file is fully validated (and, for REPLACE, the safety backup written): rejected with the reason when it is refused. */
  ready: Deferred<void>;
  /** REPLACE: the safety backup's name, once written. */
  out: { safetyName: string | null };
}

/** `restoreBackup(MERGE|REPLACE)` with the backup's name; an executed or planned REPLACE with what it deletes. */
export const restoreAudit: JobAudit<RestoreSubject, void> = {
  action: ({ mode }) => `restoreBackup(${mode})`,
  describe: ({ name, mode }, { outcome, record }) => ({
    target: name,
    counts: outcome === 'SUCCEEDED' && mode === 'REPLACE' ? (record?.counts ?? null) : null,
  }),
  notStarted: 'by-cause',
};

/** A restore reports progress, its categories, what REPLACE deletes and its backup's name. */
type RestoreProgress = JobReport;

/** Restores a backup file: the whole file checked first, then (unless a dry run) written. */
export function restoreBackupJob(deps: BackupJobDeps): JobDefinition<RestoreInput, RestoreProgress, void> {
  return {
    kind: 'RESTORE_BACKUP',
    lock: 'maintenance',
    audit: restoreAudit,
    work: (input, ctx) => new RestoreRun(deps, input, ctx).run(),
  };
}

/** One restore job's work. */
class RestoreRun {
  private phase = 'starting';
  private validated = false;
  private writer: RestoreBatcher | null = null;
  private readonly total: number;

  constructor(
    private readonly deps: BackupJobDeps,
    private readonly input: RestoreInput,
    private readonly ctx: JobContext<RestoreProgress>,
  ) {
    this.total = Object.values(input.head.counts).reduce((a, b) => a + b, 0);
  }

  private step(report: RestoreProgress): Promise<void> {
    if (report.phase) this.phase = report.phase;
    return this.ctx.progress(report);
  }

  async run(): Promise<void> {
    const { input } = this;
    try {
      await this.step({ backupName: input.name });
      const planned = await this.validate();
      if (input.dryRun) {
        input.ready.resolve();
        await this.step({ phase: 'planned', matched: planned });
        return;
      }
      if (input.mode === 'REPLACE') {
        await this.step({ phase: 'safety backup', scanned: 0 });
        const safety = await this.deps.write(
          `safety backup before REPLACE restore of ${input.name}`,
          (p) => this.step({ phase: 'safety backup', scanned: p.scanned }),
          () => this.ctx.checkpoint(),
        );
        input.out.safetyName = safety.name;
        input.ready.resolve();
        await this.step({ phase: 'clearing', scanned: 0 });
        await this.deps.clearPrefixes(() => this.ctx.checkpoint());
      } else input.ready.resolve();
      await this.write();
    } catch (error) {
      input.ready.reject(error);
      throw this.failure(error);
    } finally {
      await input.handle.close().catch(() => {});
    }
  }

  /**
   * Pass 1: the whole file checked before anything is written (and, for a plan or dry run,
   * compared with the store); returns how many keys a restore would write.
   */
  private async validate(): Promise<number> {
    const { input, deps } = this;
    const compare = input.dryRun || input.mode === 'REPLACE';
    const planner = compare ? new RestoreBatcher(deps.redis, deps.keys, input.head.manifest, false, undefined, deps.dead()) : null;
    let scanned = 0;
    await this.step({ phase: 'validating', scanned: 0, total: this.total, matched: 0, deleted: 0 });
    await readBackup(input.handle, {
      encryptionKey: deps.encryptionKey,
      fileTimeMs: input.head.timestampMs,
      onEntries: async (batch) => {
        if (planner) await planner.add(batch);
        scanned += batch.length;
        await this.step({ scanned, matched: planner?.written ?? 0 });
        await this.ctx.checkpoint();
      },
    });
    await planner?.flush();
    this.validated = true;
    const categories = planner ? reportedCounts(planner.counts) : undefined;
    const counts = input.mode === 'REPLACE' ? await deps.countUnderPrefixes() : undefined;
    await this.step({ ...(categories ? { categories } : {}), ...(counts ? { counts } : {}) });
    return planner?.written ?? 0;
  }

  /** Pass 2: write. The same open file: it must not have changed since it was checked. */
  private async write(): Promise<void> {
    const { input, deps } = this;
    const now = await input.handle.stat();
    if (now.size !== input.stats.size || now.mtimeMs !== input.stats.mtimeMs)
      throw new AdminError('CONFLICT', `backup ${JSON.stringify(input.name)} changed while it was being restored`);
    const writer = new RestoreBatcher(deps.redis, deps.keys, input.head.manifest, true, undefined, deps.dead());
    this.writer = writer;
    await this.step({ phase: 'writing', scanned: 0, matched: 0, deleted: 0 });
    await readBackup(input.handle, {
      encryptionKey: deps.encryptionKey,
      fileTimeMs: input.head.timestampMs,
      trusted: true,
      onEntries: async (batch) => {
        await writer.add(batch);
        await this.step({ scanned: writer.processed, deleted: writer.written });
        await this.ctx.checkpoint();
      },
    });
    await writer.flush();
    await this.step({
      phase: 'done',
      scanned: writer.processed,
      deleted: writer.written,
      ...(input.mode === 'MERGE' ? { categories: reportedCounts(writer.counts) } : {}),
    });
  }

  /** The error the job ends with: a refused file in words, a lost connection with what was written. */
  private failure(error: unknown): unknown {
    if (error instanceof JobCancelled) return error;
    if (!this.validated && isRefusal(error)) return new JobRefused(describeRefusal(this.input.name, error));
    if (!isRedisGone(error)) return error;
    return new AdminError(
      'UNAVAILABLE',
      `Redis connection lost during the restore (${this.phase}; ${this.writer?.written ?? 0} of ${this.total} keys written): ${describeJobError(error).replace(/^Redis connection lost: /, '')}. ` +
        'Each key written so far has its value and expiry (written together); run the restore again to finish.',
    );
  }
}

/** An operator-facing error for a file that cannot be used. */
export function unusable(name: string, error: unknown): never {
  if (error instanceof AdminError) throw error;
  if (error instanceof BackupNotFound) throw new AdminError('NOT_FOUND', error.message);
  if (error instanceof BackupKeyError) throw new AdminError('BAD_USER_INPUT', `backup ${JSON.stringify(name)}: ${error.message}`);
  if (error instanceof BackupFormatError) throw new AdminError('BAD_USER_INPUT', `backup ${JSON.stringify(name)} is not usable: ${error.message}`);
  if (error instanceof Error && /chunk \d+ (failed authentication|is too short)/.test(error.message)) {
    throw new AdminError('BAD_USER_INPUT', `backup ${JSON.stringify(name)} is not usable: ${error.message}`);
  }
  throw error;
}

/** A file the restore refuses (as opposed to Redis or the disk failing). */
function isRefusal(error: unknown): boolean {
  return (
    error instanceof BackupFormatError ||
    error instanceof BackupKeyError ||
    (error instanceof AdminError && error.code === 'BAD_USER_INPUT') ||
    (error instanceof Error && /chunk \d+ (failed authentication|is too short)/.test(error.message))
  );
}

/** Why a file was refused, in words (never with stored values). */
function describeRefusal(name: string, error: unknown): string {
  try {
    unusable(name, error);
  } catch (mapped) {
    if (mapped instanceof AdminError) return mapped.message;
  }
  return describeJobError(error);
}
