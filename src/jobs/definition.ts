/**
 * What a job kind declares (JobDefinition) and what its work sees (JobContext); the runner
 * (runner.ts) owns everything else: the lock, the job record, progress, cancel, the audit entry of
 * every ending and the clock. Also the job record as the API shows it.
 */
import { AdminError } from '../errors.js';
import type { AuditOutcome } from '../audit/audit-log.js';
import type { DeletionCounts } from './counts.js';

export { type DeletionCounts, zeroCounts, addCounts } from './counts.js';

export type JobStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
export type JobKind = 'PURGE_EXPIRED' | 'CLEANUP_TEST_CLIENTS' | 'CREATE_BACKUP' | 'RESTORE_BACKUP' | 'RECONCILE_INDEXES';

export interface JobProgress {
  phase: string;
  scanned: number;
  total: number | null;
  matched: number;
  deleted: number;
}

/** Per-category outcome of a restore. */
export interface CategoryCounts {
  category: string;
  restored: number;
  overwritten: number;
  unchanged: number;
  skippedExpired: number;
}

/** A job's record, as stored in Redis and shown by the API (the same shape for every kind). */
export interface JobState {
  id: string;
  kind: JobKind;
  status: JobStatus;
  dryRun: boolean;
  actor: string;
  progress: JobProgress;
  counts: DeletionCounts;
  categories: CategoryCounts[];
  /** The backup a job wrote or read, when it has one. */
  backupName: string | null;
  error: string | null;
  createdAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  heartbeatAt: number;
}

export const TERMINAL: ReadonlySet<JobStatus> = new Set(['SUCCEEDED', 'FAILED', 'CANCELLED']);

/**
 * What a kind's progress reports and result put in its record: progress fields, and the fields
 * the record shows for some kinds (counts, a restore's categories, a backup's name).
 */
export interface JobReport extends Partial<JobProgress> {
  counts?: Partial<DeletionCounts>;
  categories?: CategoryCounts[];
  backupName?: string | null;
}

/** Thrown inside a job's work when it was asked to stop; the runner marks the job CANCELLED. */
export class JobCancelled extends Error {}

/**
 * Thrown inside a job's work when its input turns out unusable (a backup file that fails its
 * checks): the job FAILED with this message, audited REFUSED.
 */
export class JobRefused extends AdminError {
  constructor(message: string) {
    super('BAD_USER_INPUT', message);
  }
}

/** What every job's input says: who started it and whether it only counts. */
export interface JobInput {
  actor: string;
  dryRun: boolean;
}

/** What a job's work sees: typed progress reports, the safe points where it may be cancelled, the runner's clock. */
export interface JobContext<Progress extends JobReport = JobReport> {
  readonly id: string;
  readonly dryRun: boolean;
  /** Aborted once a cancel is seen (a checkpoint, or a cancel asked in this process). */
  readonly signal: AbortSignal;
  /** The runner's clock (epoch ms). */
  now(): number;
  /** Update progress; persisted and published at most a few times a second. */
  progress(update: Progress): Promise<void>;
  /** A safe point: throws JobCancelled when a cancel was requested. */
  checkpoint(): Promise<void>;
}

/** How a job ended, for its audit entry. */
export interface JobEnding<Result> {
  outcome: AuditOutcome;
  /** The work's result when it succeeded. */
  result: Result | null;
  /** The job's record at the end; null when it never started. */
  record: Readonly<JobState> | null;
}

/** How a kind is audited. Every ending writes one entry: success, failure, cancel, refusal. */
export interface JobAudit<Subject extends JobInput, Result = unknown> {
  action(subject: Subject): string;
  /** The entry's target and counts: names and numbers only, never a secret. */
  describe(subject: Subject, ending: JobEnding<Result>): { target?: string | null; counts?: DeletionCounts | null };
  /**
   * A job that could not start (its lock held, Redis failing): REFUSED whatever the cause,
   * `by-cause` (REFUSED for an AdminError, else FAILED), or no entry (null).
   */
  notStarted: 'REFUSED' | 'by-cause' | null;
}

/** One job kind: its name, its lock, its audit, its progress and result types and its work. */
export interface JobDefinition<Input extends JobInput, Progress extends JobReport, Result> {
  readonly kind: JobKind;
  /** Jobs under one lock name run one at a time (a second is refused: CONFLICT); null: no lock. */
  readonly lock: string | null;
  readonly audit: JobAudit<Input, Result>;
  /** What the record shows of the result (applied before the audit entry and the final state). */
  show?(result: Result): JobReport;
  work(input: Input, ctx: JobContext<Progress>): Promise<Result>;
}
