import { randomUUID } from 'node:crypto';
import { AdminError } from '../errors.js';
import type { RedisClient } from '../redis/connection.js';
import { classifyRedisFailure, redisCause } from '../redis/failures.js';
import type { Keys } from '../redis/keys.js';
import { runScript } from '../redis/scripts.js';
import type { JobEvents } from './events.js';

export type JobStatus = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
export type JobKind = 'PURGE_EXPIRED' | 'CLEANUP_TEST_CLIENTS' | 'CREATE_BACKUP' | 'RESTORE_BACKUP' | 'RECONCILE_INDEXES';

/** What a deletion removed (or, in a dry run, would remove), per kind of record. */
export interface DeletionCounts {
  clients: number;
  accessTokens: number;
  refreshTokens: number;
  authCodes: number;
  authStates: number;
  userIndexEntries: number;
  /** Whole user-index keys removed (left empty, or deleted with all tokens). */
  userIndexes: number;
}

export const zeroCounts = (): DeletionCounts => ({
  clients: 0, accessTokens: 0, refreshTokens: 0, authCodes: 0, authStates: 0, userIndexEntries: 0, userIndexes: 0,
});

export function addCounts(into: DeletionCounts, more: Partial<DeletionCounts>): DeletionCounts {
  for (const [k, v] of Object.entries(more) as [keyof DeletionCounts, number][]) into[k] += v;
  return into;
}

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

/** Thrown inside a job's work when it was asked to stop; the runner marks the job CANCELLED. */
export class JobCancelled extends Error {}

/** What a job's work sees: progress reporting and the safe points where it may be cancelled. */
export interface JobContext {
  readonly id: string;
  readonly dryRun: boolean;
  readonly state: JobState;
  /** Update progress; persisted and published at most a few times a second. */
  progress(update: Partial<JobProgress>): Promise<void>;
  /** A safe point: throws JobCancelled when a cancel was requested. */
  checkpoint(): Promise<void>;
}

export interface JobRunnerOptions {
  /** How long finished jobs stay readable. */
  retentionMs?: number;
  /** Minimum time between two published progress updates. */
  publishIntervalMs?: number;
  /** A RUNNING job whose heartbeat is older than this belonged to a process that died. */
  staleAfterMs?: number;
  lockTtlMs?: number;
  now?: () => number;
}


/**
 * The one runner for every long operation. Job state lives in Redis (so a client that
 * disconnects can come back, and any service process can answer for it), updates go out on the
 * job events, and a lock with expiry keeps exclusive jobs (purge, cleanup, restore) one at a time
 * across processes.
 */
export class JobRunner {
  private readonly retentionMs: number;
  private readonly publishIntervalMs: number;
  private readonly staleAfterMs: number;
  private readonly lockTtlMs: number;
  private readonly now: () => number;
  private readonly running = new Map<string, Promise<JobState>>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly events: JobEvents,
    options: JobRunnerOptions = {},
  ) {
    this.retentionMs = options.retentionMs ?? 7 * 24 * 3600 * 1000;
    this.publishIntervalMs = options.publishIntervalMs ?? 250;
    this.staleAfterMs = options.staleAfterMs ?? 60_000;
    this.lockTtlMs = options.lockTtlMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  private jobKey(id: string): string {
    return this.keys.admin('job', id);
  }
  private cancelKey(id: string): string {
    return this.keys.admin('job', id, 'cancel');
  }
  private lockKey(name: string): string {
    return this.keys.admin('lock', name);
  }

  /**
   * Starts a job in the background and returns its first state. With `exclusive`, a second job
   * under the same lock is refused (CONFLICT) while the first runs.
   */
  async start(
    spec: { kind: JobKind; dryRun: boolean; actor: string; exclusive?: string },
    work: (ctx: JobContext) => Promise<void>,
  ): Promise<JobState> {
    const now = Date.now();
    const state: JobState = {
      id: randomUUID(),
      kind: spec.kind,
      status: 'RUNNING',
      dryRun: spec.dryRun,
      actor: spec.actor,
      progress: { phase: 'starting', scanned: 0, total: null, matched: 0, deleted: 0 },
      counts: zeroCounts(),
      categories: [],
      backupName: null,
      error: null,
      createdAt: now,
      startedAt: now,
      finishedAt: null,
      heartbeatAt: now,
    };
    const lockKey = spec.exclusive ? this.lockKey(spec.exclusive) : null;
    if (lockKey) {
      const acquired = await this.redis.set(lockKey, state.id, 'PX', this.lockTtlMs, 'NX');
      if (acquired !== 'OK') {
        const holder = await this.redis.get(lockKey);
        throw new AdminError('CONFLICT', `another ${spec.exclusive} job is running (job ${holder ?? 'unknown'}); wait for it or cancel it`, { runningJobId: holder });
      }
    }
    await this.save(state);
    const done = this.run(state, work, lockKey);
    this.running.set(state.id, done);
    void done.finally(() => this.running.delete(state.id));
    return { ...state };
  }

  private async run(state: JobState, work: (ctx: JobContext) => Promise<void>, lockKey: string | null): Promise<JobState> {
    let lastPublish = 0;
    let lastBeat = Date.now();
    const publish = async (force: boolean) => {
      const now = Date.now();
      if (!force && now - lastPublish < this.publishIntervalMs) return;
      lastPublish = now;
      state.heartbeatAt = now;
      await this.save(state);
    };
    const ctx: JobContext = {
      id: state.id,
      dryRun: state.dryRun,
      state,
      progress: async (update) => {
        Object.assign(state.progress, update);
        await publish(false);
      },
      checkpoint: async () => {
        if (Date.now() - lastBeat > this.lockTtlMs / 3) {
          lastBeat = Date.now();
          if (lockKey) await runScript(this.redis, 'renewLock', [lockKey], [state.id, this.lockTtlMs]);
        }
        if ((await this.redis.exists(this.cancelKey(state.id))) === 1) throw new JobCancelled();
        await publish(false);
      },
    };
    try {
      await publish(true);
      await work(ctx);
      state.status = 'SUCCEEDED';
      state.progress.phase = 'done';
    } catch (error) {
      state.status = error instanceof JobCancelled ? 'CANCELLED' : 'FAILED';
      state.progress.phase = error instanceof JobCancelled ? 'cancelled' : 'failed';
      state.error = error instanceof JobCancelled ? null : describeJobError(error);
    }
    state.finishedAt = Date.now();
    try {
      await this.save(state);
      if (lockKey) await runScript(this.redis, 'releaseLock', [lockKey], [state.id]);
    } catch {
      // Redis went away at the very end (often the reason the job failed): the lock expires by
      // itself; keep trying to record the final state so readers do not see RUNNING until it goes stale.
      void this.saveWhenBack(state);
    }
    return { ...state };
  }

  private async saveWhenBack(state: JobState, attempts = 20): Promise<void> {
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(500 * attempt, 5000)).unref());
      try {
        await this.save(state);
        return;
      } catch {
        // still away
      }
    }
  }

  private async save(state: JobState): Promise<void> {
    const snapshot = { ...state, progress: { ...state.progress }, counts: { ...state.counts }, categories: state.categories.map((c) => ({ ...c })) };
    await this.redis
      .multi()
      .set(this.jobKey(state.id), JSON.stringify(snapshot), 'PX', this.retentionMs)
      .zadd(this.keys.admin('jobs'), state.createdAt, state.id)
      .exec();
    this.events.publish('job', state.id, snapshot);
  }

  /** A job's state; a RUNNING job whose process stopped beating is reported FAILED. */
  async get(id: string): Promise<JobState | null> {
    const raw = await this.redis.get(this.jobKey(id));
    if (!raw) return null;
    const state = JSON.parse(raw) as JobState;
    if (!TERMINAL.has(state.status) && this.now() - state.heartbeatAt > this.staleAfterMs && !this.running.has(id)) {
      state.status = 'FAILED';
      state.error = 'the service process running this job stopped before it finished';
      state.finishedAt = state.heartbeatAt;
    }
    return state;
  }

  /** Jobs newest first (ids whose state has expired are dropped from the index as they are met). */
  async list(): Promise<JobState[]> {
    const ids = await this.redis.zrevrange(this.keys.admin('jobs'), 0, 999);
    const states = await Promise.all(ids.map((id) => this.get(id)));
    const gone = ids.filter((_, i) => states[i] === null);
    if (gone.length > 0) await this.redis.zrem(this.keys.admin('jobs'), ...gone);
    return states.filter((s): s is JobState => s !== null);
  }

  /** Asks a job to stop at its next safe point; returns its state. */
  async cancel(id: string): Promise<JobState> {
    const state = await this.get(id);
    if (!state) throw new AdminError('NOT_FOUND', `job ${JSON.stringify(id)} does not exist`);
    if (TERMINAL.has(state.status)) return state;
    await this.redis.set(this.cancelKey(id), '1', 'PX', this.retentionMs);
    return state;
  }

  /** Resolves with the final state of a job started by this process (tests, the in-process CLI). */
  async wait(id: string): Promise<JobState | null> {
    return (await this.running.get(id)) ?? this.get(id);
  }

  /**
   * The job's current state, then every update until it ends: subscribe first, so no update
   * falls between reading the state and listening.
   */
  async *follow(id: string): AsyncGenerator<JobState> {
    const updates = this.events.subscribe('job', id);
    const iterator = updates[Symbol.asyncIterator]();
    try {
      const current = await this.get(id);
      if (!current) throw new AdminError('NOT_FOUND', `job ${JSON.stringify(id)} does not exist`);
      yield current;
      if (TERMINAL.has(current.status)) return;
      let last = current;
      while (true) {
        const timeout = new Promise<'tick'>((resolve) => setTimeout(() => resolve('tick'), this.staleAfterMs).unref());
        const next = await Promise.race([iterator.next(), timeout]);
        if (next === 'tick') {
          const polled = await this.get(id);
          if (!polled) return;
          if (polled.status !== last.status || TERMINAL.has(polled.status)) yield polled;
          if (TERMINAL.has(polled.status)) return;
          continue;
        }
        if (next.done) return;
        last = next.value;
        yield last;
        if (TERMINAL.has(last.status)) return;
      }
    } finally {
      await iterator.return?.();
    }
  }

  /** Waits for jobs this process runs, for a graceful shutdown. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.running.values()]);
  }

  /** Requests cancellation of every job this process runs (SIGTERM). */
  async cancelAll(): Promise<void> {
    await Promise.allSettled([...this.running.keys()].map((id) => this.redis.set(this.cancelKey(id), '1', 'PX', this.retentionMs)));
  }
}

/** A job failure in words an operator can act on, never with stored values in it. */
export function describeJobError(error: unknown): string {
  if (error instanceof AdminError) return error.message;
  const kind = classifyRedisFailure(error);
  const cause = redisCause(error);
  const first = cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : '';
  if (kind === 'unreachable') return `Redis connection lost: ${first}`;
  if (kind === 'timeout') return `Redis did not answer in time: ${first}`;
  if (kind === 'refused') return `Redis refused the command: ${first.split(' ')[0]}${/^OOM/.test(first) ? ' (out of memory: maxmemory)' : ''}`;
  // A file system refusal (BACKUP_DIR not a directory, read-only, full): its code and system call
  // say what to fix; the message (which names the path) is not repeated.
  const system = error as { code?: unknown; syscall?: unknown };
  if (typeof system.code === 'string' && /^E[A-Z]+$/.test(system.code) && typeof system.syscall === 'string') {
    return `the file system refused: ${system.code} (${system.syscall})`;
  }
  return `internal error: ${error instanceof Error ? error.name : 'Error'}`;
}
