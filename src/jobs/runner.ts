import { randomUUID } from 'node:crypto';
import { AdminError } from '../errors.js';
import type { RedisClient } from '../redis/connection.js';
import { describeJobError } from '../audit/describe-error.js';
import type { Keys } from '../redis/keys.js';
import { runScript } from '../redis/scripts.js';
import type { AuditLog, AuditOutcome } from '../audit/audit-log.js';
import type { JobEvents } from './events.js';
import {
  type JobAudit,
  JobCancelled,
  type JobContext,
  type JobDefinition,
  type JobInput,
  JobRefused,
  type JobReport,
  type JobState,
  TERMINAL,
  zeroCounts,
} from './definition.js';

export * from './definition.js';

/** How a job ended, for an observer (the metrics): its kind, its outcome, and how long it ran (null: it never started). */
export interface JobEnding {
  kind: JobState['kind'];
  outcome: Exclude<AuditOutcome, 'PLANNED'>;
  durationMs: number | null;
}

export type JobObserver = (ending: JobEnding) => void;

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

/** Copies a report into a record: progress fields, then the kind's own fields. */
function apply(state: JobState, report: JobReport): void {
  const { counts, categories, backupName, ...progress } = report;
  Object.assign(state.progress, progress);
  if (counts) Object.assign(state.counts, counts);
  if (categories) state.categories = categories;
  if (backupName !== undefined) state.backupName = backupName;
}

const endings: Record<Exclude<AuditOutcome, 'PLANNED'>, { status: JobState['status']; phase: string }> = {
  SUCCEEDED: { status: 'SUCCEEDED', phase: 'done' },
  FAILED: { status: 'FAILED', phase: 'failed' },
  REFUSED: { status: 'FAILED', phase: 'failed' },
  CANCELLED: { status: 'CANCELLED', phase: 'cancelled' },
};

/**
 * The one runner for every long operation, each kind a JobDefinition. Job state lives in Redis
 * (so a client that disconnects can come back, and any service process can answer for it),
 * updates go out on the job events, a lock with expiry keeps exclusive jobs (purge, cleanup,
 * restore; reconcile) one at a time across processes, and every ending is audited here.
 */
export class JobRunner {
  private readonly retentionMs: number;
  private readonly publishIntervalMs: number;
  private readonly staleAfterMs: number;
  private readonly lockTtlMs: number;
  private readonly now: () => number;
  private readonly running = new Map<string, Promise<JobState>>();
  private readonly aborts = new Map<string, AbortController>();
  private readonly observers = new Set<JobObserver>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly events: JobEvents,
    private readonly audit: AuditLog,
    options: JobRunnerOptions = {},
  ) {
    this.retentionMs = options.retentionMs ?? 7 * 24 * 3600 * 1000;
    this.publishIntervalMs = options.publishIntervalMs ?? 250;
    this.staleAfterMs = options.staleAfterMs ?? 60_000;
    this.lockTtlMs = options.lockTtlMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** Calls `observer` with every ending of a job this process starts (or refuses to start); returns the way to stop. */
  observe(observer: JobObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  /** How many jobs this process is running now. */
  get runningCount(): number {
    return this.running.size;
  }

  private ended(ending: JobEnding): void {
    // An observer's failure is its own: it never changes a job's ending.
    for (const observer of this.observers) {
      try {
        observer(ending);
      } catch {
        // ignored
      }
    }
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
   * Starts a job of this kind in the background and returns its first state. Under a lock, a
   * second job is refused (CONFLICT) while the first runs; a job that cannot start is audited as
   * its definition says.
   */
  async start<I extends JobInput, P extends JobReport, R>(definition: JobDefinition<I, P, R>, input: I): Promise<JobState> {
    const now = this.now();
    const state: JobState = {
      id: randomUUID(),
      kind: definition.kind,
      status: 'RUNNING',
      dryRun: input.dryRun,
      actor: input.actor,
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
    const lockKey = definition.lock ? this.lockKey(definition.lock) : null;
    try {
      if (lockKey) await this.acquire(lockKey, definition.lock as string, state.id);
      await this.save(state);
    } catch (error) {
      this.ended({ kind: definition.kind, outcome: error instanceof AdminError ? 'REFUSED' : 'FAILED', durationMs: null });
      await this.refused(definition.audit, input, error);
      throw error;
    }
    const controller = new AbortController();
    this.aborts.set(state.id, controller);
    const done = this.run(definition, input, state, lockKey, controller);
    this.running.set(state.id, done);
    void done.finally(() => {
      this.running.delete(state.id);
      this.aborts.delete(state.id);
    });
    return { ...state };
  }

  private async acquire(lockKey: string, name: string, id: string): Promise<void> {
    const acquired = await this.redis.set(lockKey, id, 'PX', this.lockTtlMs, 'NX');
    if (acquired === 'OK') return;
    const holder = await this.redis.get(lockKey);
    throw new AdminError('CONFLICT', `another ${name} job is running (job ${holder ?? 'unknown'}); wait for it or cancel it`, { runningJobId: holder });
  }

  /**
   * Audits a job that never started: refused by the runner (its lock held) or by its caller (an
   * input checked before the job), as the kind's audit says.
   */
  async refused<S extends JobInput, R>(audit: JobAudit<S, R>, subject: S, error: unknown): Promise<void> {
    if (audit.notStarted === null) return;
    const outcome: AuditOutcome = audit.notStarted === 'REFUSED' || error instanceof AdminError ? 'REFUSED' : 'FAILED';
    const { target } = audit.describe(subject, { outcome, result: null, record: null });
    await this.audit.record({
      action: audit.action(subject),
      actor: subject.actor,
      target: target ?? null,
      dryRun: subject.dryRun,
      outcome,
      error: describeJobError(error),
    });
  }

  /** Audits a two-step job's plan (its dry run ran as job `jobId`; a confirmation token executes it). */
  async planned<S extends JobInput, R>(audit: JobAudit<S, R>, subject: S, jobId: string): Promise<void> {
    const { target } = audit.describe(subject, { outcome: 'PLANNED', result: null, record: null });
    await this.audit.record({ action: audit.action(subject), actor: subject.actor, target: target ?? null, dryRun: subject.dryRun, outcome: 'PLANNED', jobId });
  }

  /** The job's life once started: its work, then its audit entry and its final state, whatever the ending. */
  private async run<I extends JobInput, P extends JobReport, R>(
    definition: JobDefinition<I, P, R>,
    input: I,
    state: JobState,
    lockKey: string | null,
    controller: AbortController,
  ): Promise<JobState> {
    const ctx = this.context<P>(state, lockKey, controller);
    let outcome: Exclude<AuditOutcome, 'PLANNED'> = 'SUCCEEDED';
    let result: R | null = null;
    let error: string | null = null;
    try {
      await ctx.publish(true);
      result = await definition.work(input, ctx);
      if (definition.show) apply(state, definition.show(result));
    } catch (failure) {
      outcome = failure instanceof JobCancelled ? 'CANCELLED' : failure instanceof JobRefused ? 'REFUSED' : 'FAILED';
      error = outcome === 'CANCELLED' ? null : describeJobError(failure);
    }
    // The entry is written before the final state, so whoever sees the job end finds its entry.
    const { target, counts } = definition.audit.describe(input, { outcome, result, record: state });
    await this.audit.record({
      action: definition.audit.action(input),
      actor: input.actor,
      target: target ?? null,
      dryRun: input.dryRun,
      outcome,
      counts: counts ?? null,
      jobId: state.id,
      error,
    });
    state.status = endings[outcome].status;
    state.progress.phase = endings[outcome].phase;
    state.error = error;
    state.finishedAt = this.now();
    this.ended({ kind: definition.kind, outcome, durationMs: state.finishedAt - (state.startedAt ?? state.createdAt) });
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

  /** What the work sees, and the runner's own `publish`. */
  private context<P extends JobReport>(
    state: JobState,
    lockKey: string | null,
    controller: AbortController,
  ): JobContext<P> & { publish(force: boolean): Promise<void> } {
    let lastPublish = 0;
    let lastBeat = this.now();
    const publish = async (force: boolean) => {
      const now = this.now();
      if (!force && now - lastPublish < this.publishIntervalMs) return;
      lastPublish = now;
      state.heartbeatAt = now;
      await this.save(state);
    };
    return {
      id: state.id,
      dryRun: state.dryRun,
      signal: controller.signal,
      now: this.now,
      publish,
      progress: async (update) => {
        apply(state, update);
        await publish(false);
      },
      checkpoint: async () => {
        if (this.now() - lastBeat > this.lockTtlMs / 3) {
          lastBeat = this.now();
          if (lockKey) await runScript(this.redis, 'renewLock', [lockKey], [state.id, this.lockTtlMs]);
        }
        if (controller.signal.aborted || (await this.redis.exists(this.cancelKey(state.id))) === 1) {
          controller.abort(new JobCancelled());
          throw new JobCancelled();
        }
        await publish(false);
      },
    };
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
    this.aborts.get(id)?.abort(new JobCancelled());
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
    await Promise.allSettled(
      [...this.running.keys()].map(async (id) => {
        await this.redis.set(this.cancelKey(id), '1', 'PX', this.retentionMs);
        this.aborts.get(id)?.abort(new JobCancelled());
      }),
    );
  }
}
