/**
 * Backups and restores (semantics.md "Backups" and "Restoring"): the service the GraphQL schema
 * calls, composed of its parts: the files in BACKUP_DIR (catalog.ts: listing, verification), their
 * contents (contents.ts), the comparison with the store (diff.ts), writing backups (create.ts,
 * the safety backup included) and restoring (restoring.ts). Creating a backup and restoring one
 * are jobs (jobs.ts: progress, cancel, one restore at a time with the other maintenance jobs);
 * every executed mutation is audited; REPLACE is two-step and writes a safety backup before it
 * deletes anything.
 */
import type { Principal } from '../principal.js';
import type { Confirmations } from '../confirm.js';
import type { AccessTokenRecord, ClientRecord } from '../redis/codecs.js';
import type { RedisClient } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import type { CategoryCounts, JobDefinition, JobRunner } from '../jobs/runner.js';
import { silentLogger } from '../logger.js';
import { BackupCatalog } from './catalog.js';
import { BackupContents } from './contents.js';
import { BackupWriter, createBackup } from './create.js';
import { BackupDiffer } from './diff.js';
import { BackupDir } from './files.js';
import type { Category, Manifest } from './format.js';
import { type BackupJobDeps, type BackupProgress, type CreateBackupInput, createBackupJob, restoreBackupJob } from './jobs.js';
import { deadOnArrival } from './restore.js';
import { BackupRestorer } from './restoring.js';
import { SharedWork } from './shared-work.js';
import { clearPrefixes, countUnderPrefixes } from './store-prefixes.js';
import type { BackupDiff, BackupInfo, BackupPage, BackupRecord, BackupServiceOptions, BackupUser, RestoreArgs, RestoreOutcome } from './types.js';
import type { WrittenBackup } from './writer.js';

export { CATEGORIES, type Category } from './format.js';
export { checkBackupName } from './files.js';
export type { RestoreMode } from './jobs.js';
export type {
  BackupDiff,
  BackupInfo,
  BackupPage,
  BackupRecord,
  BackupServiceOptions,
  BackupUser,
  DiffCategory,
  DiffEntry,
  DiffStatus,
  RestoreArgs,
  RestoreOutcome,
  UnsupportedKeys,
} from './types.js';

export class BackupService {
  readonly dir: BackupDir;
  /**
   * The reads a caller can ask for at will (a viewer too), shared, bounded and cancellable
   * (shared-work.ts): comparing a backup with the store, one at a time; reading a whole file
   * (`parseError`, contents), two at a time.
   */
  readonly work = {
    diff: new SharedWork('comparisons of a backup with the store (Backup.diff)', 1, 4),
    files: new SharedWork('whole-file reads of backups (Backup.parseError, clients, tokens, users)', 2, 16),
  };
  private readonly catalog: BackupCatalog;
  private readonly contents: BackupContents;
  private readonly differ: BackupDiffer;
  private readonly writer: BackupWriter;
  private readonly restorer: BackupRestorer;
  private readonly createJob: JobDefinition<CreateBackupInput, BackupProgress, WrittenBackup>;

  constructor(
    redis: RedisClient,
    keys: Keys,
    private readonly jobs: JobRunner,
    confirmations: Confirmations,
    options: BackupServiceOptions,
  ) {
    const { encryptionKey } = options;
    const logger = options.logger ?? silentLogger;
    this.dir = new BackupDir(options.dir);
    this.catalog = new BackupCatalog(this.dir, encryptionKey, this.work.files);
    this.contents = new BackupContents(this.catalog, encryptionKey, this.work.files);
    // What a restore (or a diff) skips though its key would live, judged now.
    const dead = () => (options.lifetimes ? deadOnArrival(options.lifetimes, (options.now ?? Date.now)()) : null);
    this.differ = new BackupDiffer(redis, keys, this.catalog, encryptionKey, this.work.diff, dead);
    this.writer = new BackupWriter(redis, keys, this.catalog, { encryptionKey, sortBudgetBytes: options.sortBudgetBytes, logger });
    const deps: BackupJobDeps = {
      redis,
      keys,
      encryptionKey,
      logger,
      write: (note, progress, checkpoint) => this.writer.write(note, progress, checkpoint),
      dead,
      countUnderPrefixes: () => countUnderPrefixes(redis, keys),
      clearPrefixes: (checkpoint) => clearPrefixes(redis, keys, checkpoint),
    };
    this.createJob = createBackupJob(deps);
    const restoreJob = restoreBackupJob(deps);
    this.restorer = new BackupRestorer(redis, jobs, confirmations, restoreJob, this.catalog, encryptionKey, options.settleMs ?? 10_000);
  }

  // ------------------------------------------------------------------ the files (catalog.ts)

  /** Every backup file, newest first; unreadable ones are listed with `headerError`. */
  list(): Promise<BackupInfo[]> {
    return this.catalog.list();
  }

  /** One backup by name; null when there is no such file. Refuses unsafe names. */
  get(name: string): Promise<BackupInfo | null> {
    return this.catalog.get(name);
  }

  /** The whole file checked: null when it is good, else why not (cached until the file changes). */
  verify(name: string, signal?: AbortSignal): Promise<string | null> {
    return this.catalog.verify(name, signal);
  }

  /** The newest backup's name; NOT_FOUND when there is none. */
  latest(): Promise<string> {
    return this.catalog.latest();
  }

  // ------------------------------------------------------------------ creating (create.ts)

  /** Writes a backup as a job (progress, cancel) and waits for it; returns the new backup. */
  create(who: Principal, note?: string): Promise<BackupInfo> {
    return createBackup(this.jobs, this.createJob, this.catalog, who, note);
  }

  /** Removes what backups that never finished left in BACKUP_DIR, once stale; never throws. */
  removeLeftovers(): Promise<number> {
    return this.writer.removeLeftovers();
  }

  // ------------------------------------------------------------------ restoring (restoring.ts)

  /** MERGE (default) or two-step REPLACE, or a dry run of either (restoring.ts). */
  restore(who: Principal, args: RestoreArgs): Promise<RestoreOutcome> {
    return this.restorer.restore(who, args);
  }

  // ------------------------------------------------------------------ contents (contents.ts) and diff (diff.ts)

  /** One page of a category, in key order: entries after `after`, at most `first`. */
  page<T>(
    name: string,
    category: Category,
    decode: (raw: string) => { record: T | null; parseError: string | null },
    first: number,
    after: string | null,
    signal?: AbortSignal,
  ): Promise<BackupPage<BackupRecord<T>>> {
    return this.contents.page(name, category, decode, first, after, signal);
  }

  clients(name: string, first: number, after: string | null, signal?: AbortSignal): Promise<BackupPage<BackupRecord<ClientRecord>>> {
    return this.contents.clients(name, first, after, signal);
  }

  tokens(name: string, first: number, after: string | null, signal?: AbortSignal): Promise<BackupPage<BackupRecord<AccessTokenRecord>>> {
    return this.contents.tokens(name, first, after, signal);
  }

  /** Users the backup knows (from access tokens, refresh tokens and user indexes), sorted. */
  users(name: string, signal?: AbortSignal): Promise<BackupUser[]> {
    return this.contents.users(name, signal);
  }

  /** The backup against the live store (diff.ts), shared by callers asking meanwhile. */
  diff(name: string, limit = 100, signal?: AbortSignal): Promise<BackupDiff> {
    return this.differ.diff(name, limit, signal);
  }
}

export type { CategoryCounts, Manifest };
