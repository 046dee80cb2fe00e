import { type Logger, silentLogger } from '../logger.js';
import type { RedisClient } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import { describeRedisFailure } from '../security/redis-errors.js';
import type { DeletionCounts } from './jobs.js';

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
}

/** Entries kept; older ones are trimmed as new ones arrive. */
export const AUDIT_CAPACITY = 10_000;

/** How long `record` waits before each new attempt when Redis refuses or fails the append. */
const RETRY_DELAYS_MS = [50, 200, 500];

/** The audit trail: a capped Redis stream under our own prefix. */
export class AuditLog {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly logger: Logger = silentLogger,
    private readonly retryDelaysMs: readonly number[] = RETRY_DELAYS_MS,
  ) {}

  private get key(): string {
    return this.keys.admin('audit');
  }

  /**
   * Appends an entry; never throws. When Redis cannot take it (full, gone, too slow) after a few
   * attempts, the whole entry goes to the log at `error` level instead, so an operation that ran
   * (a deletion frees memory, so it runs while Redis is full) is never left without a record.
   * Resolves with whether the entry reached the stream.
   */
  async record(input: AuditInput): Promise<boolean> {
    let failure: unknown = null;
    for (let attempt = 0; attempt <= this.retryDelaysMs.length; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, this.retryDelaysMs[attempt - 1]).unref());
      try {
        await this.append(input);
        return true;
      } catch (error) {
        failure = error;
      }
    }
    const reason = describeRedisFailure(failure) ?? (failure instanceof Error ? `${failure.name}: ${failure.message.split('\n')[0]}` : 'unknown error');
    this.logger.error(`audit entry not written to Redis (${reason}): it is recorded in this line instead`, {
      entry: { at: new Date().toISOString(), action: input.action, actor: input.actor, dryRun: input.dryRun, outcome: input.outcome, target: input.target ?? null, counts: input.counts ?? null, jobId: input.jobId ?? null, error: input.error ?? null },
    });
    return false;
  }

  private async append(input: AuditInput): Promise<void> {
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
    await this.redis.xadd(this.key, 'MAXLEN', '~', AUDIT_CAPACITY, '*', ...Object.entries(fields).flat());
  }

  /** Every entry, newest first. */
  async list(): Promise<AuditEntry[]> {
    const raw = await this.redis.xrevrange(this.key, '+', '-', 'COUNT', AUDIT_CAPACITY * 2);
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
      };
    });
  }
}

/** Sort key that orders stream ids numerically as strings (newest-first pagination). */
export function auditSortKey(entry: { id: string }): string {
  const [ms, seq] = entry.id.split('-');
  return `${(ms ?? '0').padStart(15, '0')}-${(seq ?? '0').padStart(10, '0')}`;
}
