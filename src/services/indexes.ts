import type { Principal } from '../context.js';
import type { RedisClient } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import { runScript } from '../redis/scripts.js';
import type { AuditLog } from './audit.js';
import type { Indexer, IndexerStatus } from './indexer.js';
import { JobCancelled, type JobRunner, type JobState, describeJobError } from './jobs.js';

export interface IndexingOptions {
  /** How often the leader rebuilds the indexes from the primary keys (0: only at start and on demand). */
  reconcileEveryMs: number;
  /** The leader lock's lifetime; it is renewed at a third of it. */
  leaseMs: number;
}

/**
 * Runs the indexer in exactly one service process: the one holding the `indexer` lock follows
 * the keyspace notifications and reconciles at start and on a schedule. Another process takes
 * over (and reconciles, since it may have missed events) when the lock lapses.
 */
export class IndexService {
  private renewTimer: NodeJS.Timeout | null = null;
  private lastReconcile = 0;
  private stopped = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    readonly indexer: Indexer,
    private readonly jobs: JobRunner,
    private readonly audit: AuditLog,
    private readonly options: IndexingOptions,
  ) {}

  private get lockKey(): string {
    return this.keys.admin('lock', 'indexer');
  }

  /** Starts competing for leadership; call once per process. */
  start(token: string): void {
    const tick = async () => {
      if (this.stopped) return;
      try {
        await this.beat(token);
      } catch {
        // Redis away: try again next beat.
      }
      if (!this.stopped) this.renewTimer = setTimeout(() => void tick(), Math.max(200, Math.floor(this.options.leaseMs / 3)));
    };
    void tick();
  }

  private async beat(token: string): Promise<void> {
    const leader = this.indexer.status(null).leader;
    if (leader) {
      const renewed = await runScript(this.redis, 'renewLock', [this.lockKey], [token, this.options.leaseMs]);
      if (Number(renewed) !== 1) {
        this.indexer.setLeader(false);
        await this.indexer.unfollow();
        return;
      }
    } else {
      if ((await this.redis.set(this.lockKey, token, 'PX', this.options.leaseMs, 'NX')) !== 'OK') return;
      this.indexer.setLeader(true);
      await this.indexer.follow();
      this.lastReconcile = 0;
    }
    const due = this.lastReconcile === 0 || (this.options.reconcileEveryMs > 0 && Date.now() - this.lastReconcile > this.options.reconcileEveryMs);
    if (due) {
      this.lastReconcile = Date.now();
      await this.reconcile({ role: 'admin', name: 'indexer' }, false).catch(() => {});
    }
  }

  /** Rebuilds the indexes from the primary keys as a job (one at a time); a dry run counts what would change. */
  async reconcile(who: Principal, dryRun: boolean): Promise<JobState> {
    return this.jobs.start({ kind: 'RECONCILE_INDEXES', dryRun, actor: who.name, exclusive: 'reconcile' }, async (ctx) => {
      try {
        const result = await this.indexer.reconcile({ dryRun, job: ctx });
        ctx.state.progress.matched = result.changed;
        await this.audit.record({ action: 'reconcileIndexes', actor: who.name, dryRun, outcome: 'SUCCEEDED', target: `${result.changed} index entries ${dryRun ? 'would change' : 'changed'}`, jobId: ctx.id });
      } catch (error) {
        const cancelled = error instanceof JobCancelled;
        await this.audit.record({ action: 'reconcileIndexes', actor: who.name, dryRun, outcome: cancelled ? 'CANCELLED' : 'FAILED', jobId: ctx.id, error: cancelled ? null : describeJobError(error) }).catch(() => {});
        throw error;
      }
    });
  }

  async status(): Promise<IndexerStatus & { memoryBytes: number | null }> {
    const readyAt = await this.indexer.store.readyAt();
    return { ...this.indexer.status(readyAt), memoryBytes: null };
  }

  /** Whether reads may use the indexes: a reconcile has completed. */
  async ready(): Promise<boolean> {
    return (await this.indexer.store.readyAt()) !== null;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.renewTimer) clearTimeout(this.renewTimer);
    await this.indexer.unfollow();
  }
}
