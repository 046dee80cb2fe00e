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
  private token: string | null = null;

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
    this.token = token;
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
    }
    if (!this.indexer.following) {
      // (Re)start following changes, e.g. once Redis is reachable; what happened meanwhile is
      // caught up by a reconcile. Where CONFIG forbids notifications, reconcile alone keeps up.
      if ((await this.indexer.follow()) === null) this.lastReconcile = 0;
    }
    if (this.indexer.takeMissedEvents()) this.lastReconcile = 0;
    if (this.indexer.following) await this.indexer.store.markLive(this.options.leaseMs * 2);
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

  /** Whether reads use the indexes: built, and kept current by a process following the changes. */
  ready(): Promise<boolean> {
    return this.indexer.store.usable();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.renewTimer) clearTimeout(this.renewTimer);
    const wasLeader = this.indexer.status(null).leader;
    const wasFollowing = this.indexer.following && wasLeader;
    await this.indexer.unfollow();
    // Readers scan until another process follows the changes again.
    if (wasFollowing) await this.indexer.store.clearLive().catch(() => {});
    // Hand over at once instead of when the lease runs out.
    if (wasLeader && this.token) {
      this.indexer.setLeader(false);
      await runScript(this.redis, 'releaseLock', [this.lockKey], [this.token]).catch(() => {});
    }
  }
}
