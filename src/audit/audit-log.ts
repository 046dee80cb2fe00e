import { type Logger, silentLogger } from '../logger.js';
import type { RedisClient } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import { describeRedisFailure } from '../redis/redis-errors.js';
import { Repeats } from './repeats.js';
import type { DeletionCounts } from '../jobs/counts.js';
import { AdminError } from '../errors.js';
import { describeJobError } from './describe-error.js';

export type AuditOutcome = 'SUCCEEDED' | 'FAILED' | 'REFUSED' | 'PLANNED' | 'CANCELLED';

export interface AuditInput {
  action: string;
  actor: string;
  dryRun: boolean;
  outcome: AuditOutcome;
  /** What was acted on: a client id, a jti, a username, a backup name. Never a secret. */
  target?: string | null;
  counts?: DeletionCounts | null;
  jobId?: string | null;
  error?: string | null;
}

export interface AuditEntry extends Required<AuditInput> {
  /** The stream entry id (`<ms>-<seq>`): unique and ordered. */
  id: string;
  at: number;
  /** How many refusals the entry stands for: 1, or for an aggregated entry the repeats after the first. */
  attempts: number;
}

/** Entries kept per stream; older ones are trimmed as new ones arrive. */
export const AUDIT_CAPACITY = 10_000;

/** How long `record` waits before each new attempt when Redis refuses or fails the append. */
const RETRY_DELAYS_MS = [50, 200, 500];

export interface AuditOptions {
  /** Entries kept in each of the two streams (default 10,000). */
  capacity?: number;
  /** Repeated refusals (same kind, same caller) within this window become one entry (default 10 s). */
  refusalWindowMs?: number;
  /** Kinds of refusal aggregated at once before they share one bucket (default 10,000). */
  maxTracked?: number;
  retryDelaysMs?: readonly number[];
}

/**
 * The audit trail: two capped Redis streams under our own prefix.
 *
 * - `audit`: mutations a caller was allowed to run (the admin's, the viewer's dry runs), whatever
 *   their outcome. Only a valid token can add to it.
 * - `audit:refusals`: refused access, failed authentication (anonymous) and mutations refused by
 *   the role check. Aggregated per caller and kind: the first in a window is written at once, the
 *   rest of the window becomes one entry with `attempts` when it ends.
 *
 * So no one without a token can push the record of mutations out, and a caller repeating a refusal
 * adds at most two entries per window. `list` reads both, newest first.
 */
export class AuditLog {
  private readonly capacity: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly repeats: Repeats<AuditInput>;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly logger: Logger = silentLogger,
    options: AuditOptions = {},
  ) {
    this.capacity = options.capacity ?? AUDIT_CAPACITY;
    this.retryDelaysMs = options.retryDelaysMs ?? RETRY_DELAYS_MS;
    this.repeats = new Repeats<AuditInput>(
      options.refusalWindowMs ?? 10_000,
      (sample, more) => void this.write(this.refusalsKey, { ...sample }, more),
      options.maxTracked ?? 10_000,
    );
  }

  private get key(): string {
    return this.keys.admin('audit');
  }

  private get refusalsKey(): string {
    return this.keys.admin('audit', 'refusals');
  }

  /**
   * Appends an entry for a mutation; never throws. When Redis cannot take it (full, gone, too
   * slow) after a few attempts, the whole entry goes to the log at `error` level instead, so an
   * operation that ran (a deletion frees memory, so it runs while Redis is full) is never left
   * without a record. Resolves with whether the entry reached the stream.
   */
  record(input: AuditInput): Promise<boolean> {
    return this.write(this.key, input, 1);
  }

  /**
   * A refused access (failed authentication, a mutation the role check refused), aggregated: the
   * first of its kind (action, actor, target, reason) in a window is written now; repeats are
   * counted and written as one entry when the window ends. Never throws.
   */
  async refused(input: AuditInput): Promise<void> {
    const kind = JSON.stringify([input.action, input.actor, input.target ?? null, input.error ?? null]);
    if (this.repeats.take(kind, input)) await this.write(this.refusalsKey, input, 1);
  }

  /**
   * Runs an admin action that is not a job (jobs are recorded by the job runner) and records how
   * it ended: SUCCEEDED (PLANNED when it only planned), REFUSED (an AdminError), FAILED.
   */
  async around<T extends { counts?: DeletionCounts | null; executed?: boolean }>(
    entry: { action: string; actor: string; target: string | null; dryRun: boolean },
    body: () => Promise<T>,
  ): Promise<T> {
    let result: T;
    try {
      result = await body();
    } catch (error) {
      await this.record({ ...entry, outcome: error instanceof AdminError ? 'REFUSED' : 'FAILED', error: describeJobError(error) });
      throw error;
    }
    // The action happened: a failed audit write (Redis full, say) must not report it as failed;
    // `record` then writes the entry to the error log instead (it never throws).
    await this.record({ ...entry, outcome: result.executed === false ? 'PLANNED' : 'SUCCEEDED', counts: result.counts ?? null });
    return result;
  }

  /** Writes the aggregated refusals now (shutdown, tests) instead of when their windows end. */
  flushRefusals(): void {
    this.repeats.flush(true);
  }

  private async write(stream: string, input: AuditInput, attempts: number): Promise<boolean> {
    let failure: unknown = null;
    for (let attempt = 0; attempt <= this.retryDelaysMs.length; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, this.retryDelaysMs[attempt - 1]).unref());
      try {
        await this.append(stream, input, attempts);
        return true;
      } catch (error) {
        failure = error;
      }
    }
    const reason = describeRedisFailure(failure) ?? (failure instanceof Error ? `${failure.name}: ${failure.message.split('\n')[0]}` : 'unknown error');
    this.logger.error(`audit entry not written to Redis (${reason}): it is recorded in this line instead`, {
      entry: {
        at: new Date().toISOString(),
        action: input.action,
        actor: input.actor,
        dryRun: input.dryRun,
        outcome: input.outcome,
        target: input.target ?? null,
        counts: input.counts ?? null,
        jobId: input.jobId ?? null,
        error: input.error ?? null,
        ...(attempts !== 1 ? { attempts } : {}),
      },
    });
    return false;
  }

  private async append(stream: string, input: AuditInput, attempts: number): Promise<void> {
    const fields: Record<string, string> = {
      action: input.action,
      actor: input.actor,
      dryRun: input.dryRun ? '1' : '0',
      outcome: input.outcome,
    };
    if (input.target) fields.target = input.target;
    if (input.counts) fields.counts = JSON.stringify(input.counts);
    if (input.jobId) fields.jobId = input.jobId;
    if (input.error) fields.error = input.error;
    if (attempts !== 1) fields.attempts = String(attempts);
    await this.redis.xadd(stream, 'MAXLEN', '~', this.capacity, '*', ...Object.entries(fields).flat());
  }

  /** Every entry of both streams, newest first. */
  async list(): Promise<AuditEntry[]> {
    const [mutations, refusals] = await Promise.all([this.read(this.key), this.read(this.refusalsKey)]);
    return [...mutations, ...refusals].sort((a, b) => (auditSortKey(a) < auditSortKey(b) ? 1 : -1));
  }

  private async read(stream: string): Promise<AuditEntry[]> {
    const raw = await this.redis.xrevrange(stream, '+', '-', 'COUNT', this.capacity * 2);
    return raw.map(([id, flat]) => {
      const f: Record<string, string> = {};
      for (let i = 0; i + 1 < flat.length; i += 2) f[flat[i] as string] = flat[i + 1] as string;
      return {
        id,
        at: Number(id.split('-')[0]),
        action: f.action ?? 'unknown',
        actor: f.actor ?? 'unknown',
        dryRun: f.dryRun === '1',
        outcome: (f.outcome ?? 'SUCCEEDED') as AuditOutcome,
        target: f.target ?? null,
        counts: f.counts ? (JSON.parse(f.counts) as DeletionCounts) : null,
        jobId: f.jobId ?? null,
        error: f.error ?? null,
        attempts: f.attempts ? Number(f.attempts) : 1,
      };
    });
  }
}

/** Sort key that orders stream ids numerically as strings (newest-first pagination). */
export function auditSortKey(entry: { id: string }): string {
  const [ms, seq] = entry.id.split('-');
  return `${(ms ?? '0').padStart(15, '0')}-${(seq ?? '0').padStart(10, '0')}`;
}
