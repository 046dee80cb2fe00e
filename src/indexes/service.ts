import type { Principal } from '../principal.js';
import { CONFIG_DEFAULTS } from '../config.js';
import type { Logger } from '../logger.js';
import type { RedisClient } from '../redis/connection.js';
import type { IndexStore } from './store.js';
import { keyHolders } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import { runScript } from '../redis/scripts.js';
import { Follower, missingNotifyFlags } from './follower.js';
import { IndexGate, type IndexReader } from './gate.js';
import type { Indexer, ReconcileCounts, ReconcileProgress } from './indexer.js';
import type { JobContext, JobDefinition, JobInput, JobRunner, JobState } from '../jobs/runner.js';

export interface IndexingOptions {
  /** How often the leader rebuilds the indexes from the primary keys (0: only at start and when needed). */
  reconcileEveryMs: number;
  /** The leader lock's lifetime; it is renewed at a third of it. */
  leaseMs: number;
  /** How long a reader waits for the index to catch up (a barrier) before it scans the store instead. */
  maxLagMs: number;
  /** More changes queued than this (a restore of a million keys): the follower stops queuing and a reconcile runs. */
  maxPending: number;
  /** Whether the service may `CONFIG SET notify-keyspace-events` on the server. */
  configureNotifications: boolean;
  /** The follower has work and applied nothing for this long: it is restarted (and the index reconciled). */
  watchdogMs: number;
}

export const DEFAULT_INDEXING: IndexingOptions = {
  reconcileEveryMs: CONFIG_DEFAULTS.INDEX_RECONCILE_EVERY_SECONDS * 1000,
  leaseMs: 15_000,
  maxLagMs: CONFIG_DEFAULTS.INDEX_MAX_LAG_MS,
  maxPending: CONFIG_DEFAULTS.INDEX_MAX_PENDING,
  configureNotifications: false,
  watchdogMs: 30_000,
};

/** A reconcile job's input: whether this process leads (follows the changes), and the breaks seen so far. */
interface ReconcileInput extends JobInput {
  leading: boolean;
  breaksAtStart: number;
}

export interface IndexStatus {
  notifications: boolean;
  notificationsProblem: string | null;
  leader: boolean;
  /** This process answers from the indexes now (complete, followed, and its last barrier came back in time). */
  ready: boolean;
  /** A leader says the indexes are complete and follows the changes. */
  complete: boolean;
  readyAt: number | null;
  pending: number;
  oldestPendingMs: number;
  lastAppliedAt: number | null;
  lastReconcileAt: number | null;
  lastReconcileRepaired: number | null;
  overflows: number;
  followerRestarts: number;
}

/**
 * Runs the index follower in exactly one service process: the one holding the `indexer` lock
 * follows the keyspace notifications and reconciles at start, whenever the chain of notifications
 * broke (a flood, a reconnection, a failing batch, a stall), and on a schedule. It says the
 * indexes are complete (`live`) only after its own reconcile finished with nothing broken since,
 * and clears that at once when something breaks. Every process reads through the gate.
 */
export class IndexService implements IndexReader {
  readonly follower: Follower;
  readonly gate: IndexGate;
  private renewTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private token: string | null = null;
  private leader = false;
  /** This leader's reconcile finished and nothing broke since. */
  private complete = false;
  /** Bumped by every break: a reconcile that saw one while it ran does not make the indexes complete. */
  private breaks = 0;
  private reconcileDue = true;
  private lastReconcileAt = 0;
  private lastReconcile: { at: number; repaired: number } | null = null;
  private reconciling = false;
  private beating: Promise<boolean> | null = null;
  /** The leader's own probe runs before the indexes are complete: its barrier must be answered. */
  private probing = false;
  private overflows = 0;
  private followerRestarts = 0;
  private lastProblem: string | null = null;
  /** Notifications did not arrive after a start: the next attempt waits until then. */
  private retryFollowAt = 0;
  private readonly reconcileJob: JobDefinition<ReconcileInput, ReconcileProgress, ReconcileCounts>;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    readonly indexer: Indexer,
    private readonly jobs: JobRunner,
    private readonly options: IndexingOptions,
    private readonly logger: Logger | null = null,
  ) {
    this.follower = new Follower(
      redis,
      keys,
      options,
      (changed) => indexer.applyChanges(changed),
      (reason) => this.broken(reason),
      () => this.complete || this.probing,
      logger,
    );
    this.gate = new IndexGate(redis, keys, indexer.store, options.maxLagMs, logger);
    this.reconcileJob = {
      kind: 'RECONCILE_INDEXES',
      lock: 'reconcile',
      audit: {
        action: () => 'reconcileIndexes',
        describe: ({ dryRun }, { result }) => ({ target: result ? `${result.changed} index entries ${dryRun ? 'would change' : 'changed'}` : null }),
        notStarted: null,
      },
      show: (result) => ({ matched: result.changed }),
      work: (input, ctx) => this.runReconcile(input, ctx),
    };
  }

  private get lockKey(): string {
    return this.keys.admin('lock', 'indexer');
  }

  get store(): IndexStore {
    return this.indexer.store;
  }

  /** Whether readers may answer from the indexes now (see IndexGate). */
  fresh(): Promise<boolean> {
    return this.gate.fresh();
  }

  /** Starts competing for leadership; call once per process. */
  start(token: string): void {
    this.token = token;
    const tick = async () => {
      if (this.stopped) return;
      // A beat that failed (Redis not connected yet, or away) is tried again soon, not a third of a lease later.
      const ok = await this.wake();
      if (!this.stopped) this.renewTimer = setTimeout(() => void tick(), ok ? Math.max(200, Math.floor(this.options.leaseMs / 3)) : 500);
    };
    void tick();
  }

  /** One beat now (at most one at a time); a break calls it so that the repair starts at once. */
  private wake(): Promise<boolean> {
    this.beating ??= this.beat()
      .then(
        () => true,
        (error: unknown) => {
          this.logger?.debug('index beat failed (Redis away?)', { error: String(error) });
          return false;
        },
      )
      .finally(() => {
        this.beating = null;
      });
    return this.beating;
  }

  /** The chain of notifications broke: the indexes are incomplete until a reconcile has run. */
  private broken(reason: string): void {
    this.breaks += 1;
    if (reason.startsWith('flood')) this.overflows += 1;
    this.reconcileDue = true;
    if (this.complete) this.logger?.warn('derived indexes incomplete until a reconcile finishes', { reason });
    this.complete = false;
    if (this.leader) {
      this.indexer.store.clearLive().catch((error: unknown) => this.logger?.warn('could not clear the index live mark', { error: String(error) }));
      if (!this.stopped) setImmediate(() => void this.wake());
    }
  }

  private async beat(): Promise<void> {
    if (this.stopped || !this.token) return;
    if (!(await this.holdLease(this.token))) return;
    if (await this.indexer.store.takeDirty()) this.broken('a reconcile ran outside this follower');
    if (!this.follower.isFollowing) {
      if (Date.now() < this.retryFollowAt) return;
      const problem = await this.follower.start();
      // Said once per problem, not at every beat.
      if (problem !== this.lastProblem && problem !== null) this.logger?.warn('derived indexes not followed: reads scan the store', { problem });
      this.lastProblem = problem;
      if (problem !== null) return;
    }
    await this.watchdog();
    const scheduled = this.options.reconcileEveryMs > 0 && Date.now() - this.lastReconcileAt > this.options.reconcileEveryMs;
    if ((this.reconcileDue || scheduled) && !this.reconciling) {
      this.lastReconcileAt = Date.now();
      await this.reconcile({ role: 'admin', name: 'indexer' }, false).catch((error: unknown) => {
        this.logger?.debug('index reconcile not started', { error: String(error) });
      });
    }
    if (this.complete && this.follower.isFollowing) await this.indexer.store.markLive(this.token, this.options.leaseMs * 2);
  }

  /** Takes or renews the lease; losing it stops the follower. */
  private async holdLease(token: string): Promise<boolean> {
    if (this.leader) {
      if (Number(await runScript(this.redis, 'renewLock', [this.lockKey], [token, this.options.leaseMs])) === 1) return true;
      this.logger?.warn('lost the index leadership lease');
      this.leader = false;
      this.complete = false;
      await this.follower.stop();
      return false;
    }
    if ((await this.redis.set(this.lockKey, token, 'PX', this.options.leaseMs, 'NX')) !== 'OK') return false;
    this.leader = true;
    this.complete = false;
    this.reconcileDue = true;
    // A previous leader's word does not hold for us: incomplete until our own reconcile.
    await this.indexer.store.clearLive();
    return true;
  }

  /**
   * Notices a follower that stopped applying changes, or whose notifications stopped arriving
   * (its own barrier never comes back: the server's flags were changed, the subscription died):
   * says so in the log, restores the flags when allowed, and restarts it.
   */
  private async watchdog(): Promise<void> {
    let reason: string | null = null;
    if (this.follower.stalled(this.options.watchdogMs)) reason = `no change applied for ${this.options.watchdogMs} ms`;
    // A barrier that waits behind queued changes only says the follower is busy (readers scan
    // meanwhile); one that never arrives while nothing is queued says the notifications stopped.
    else if (this.complete && this.follower.status().pending === 0 && !(await this.probe()) && this.follower.status().pending === 0)
      reason = (await this.diagnose()).reason;
    if (reason === null) return;
    this.followerRestarts += 1;
    this.logger?.warn('index follower restarted', { reason });
    await this.follower.stop();
    this.broken(`follower restarted: ${reason}`);
    const problem = await this.follower.start();
    if (problem !== null) this.logger?.warn('derived indexes not followed: reads scan the store', { problem });
  }

  /** The leader's own barrier round (answered even before the indexes are complete). */
  private async probe(): Promise<boolean> {
    this.probing = true;
    try {
      return await this.gate.probe();
    } finally {
      this.probing = false;
    }
  }

  /** Why notifications do not arrive; `flagsMissing` when the server's flags say so (CONFIG readable). */
  private async diagnose(): Promise<{ reason: string; flagsMissing: boolean }> {
    try {
      for (const node of await keyHolders(this.redis)) {
        const [, current = ''] = (await node.config('GET', 'notify-keyspace-events')) as [string, string];
        const missing = missingNotifyFlags(current);
        if (missing.length > 0) return { reason: `the server's notify-keyspace-events lost ${missing.join('')}`, flagsMissing: true };
      }
    } catch {
      // CONFIG may be forbidden: the barrier alone tells.
    }
    return { reason: `its barrier did not come back within ${this.options.maxLagMs} ms`, flagsMissing: false };
  }

  /** Rebuilds the indexes from the primary keys as a job (one at a time); a dry run counts what would change. */
  async reconcile(who: Principal, dryRun: boolean): Promise<JobState> {
    return this.jobs.start(this.reconcileJob, { actor: who.name, dryRun, leading: this.leader && this.follower.isFollowing, breaksAtStart: this.breaks });
  }

  /** The reconcile job's work: the leader's (following the changes) may make the indexes complete. */
  private async runReconcile(input: ReconcileInput, ctx: JobContext<ReconcileProgress>): Promise<ReconcileCounts> {
    const { dryRun, leading } = input;
    this.reconciling = true;
    try {
      if (leading) this.reconcileDue = false;
      if (!dryRun && leading) this.follower.track();
      if (!dryRun && !leading) await this.indexer.store.markDirty();
      const result = await this.indexer.reconcile({ dryRun, job: ctx });
      // What the follower applied meanwhile goes through it once more, after the reconcile's writes.
      if (!dryRun && leading) await this.follower.replay();
      if (!dryRun) await this.finished(result.changed, leading && this.breaks === input.breaksAtStart);
      return result;
    } catch (error) {
      if (leading && !dryRun) this.reconcileDue = true;
      throw error;
    } finally {
      if (leading) this.follower.untrack();
      this.reconciling = false;
    }
  }

  /** A reconcile ended: record it; the leader's, with nothing broken meanwhile, makes the indexes complete. */
  private async finished(repaired: number, continuous: boolean): Promise<void> {
    const breaks = this.breaks;
    const at = Date.now();
    this.lastReconcile = { at, repaired };
    await this.indexer.store.markReady(at);
    if (repaired > 0) this.logger?.info('index reconcile repaired entries', { repaired });
    if (!continuous || !this.leader || !this.follower.isFollowing || !this.token) {
      if (this.leader) this.reconcileDue = true;
      return;
    }
    // Notifications must really arrive (CONFIG may be unreadable, the flags wrong): one probe.
    if (!(await this.probe())) {
      // The next beat starts the follower again: with flags it can read, that costs one CONFIG GET
      // (and restores them when allowed: a restarted Redis forgets a CONFIG SET) until they are
      // right. When it cannot tell why, a new attempt (a whole reconcile) waits a minute.
      const { reason, flagsMissing } = await this.diagnose();
      const backOff = !flagsMissing && !this.options.configureNotifications;
      const problem = `no keyspace notification arrives (${reason}): reads scan the store; ${backOff ? 'trying again in a minute' : 'starting the follower again'}`;
      this.logger?.warn('derived indexes not followed', { problem });
      if (backOff) this.retryFollowAt = Date.now() + 60_000;
      this.reconcileDue = true;
      await this.follower.stop(problem);
      return;
    }
    if (this.breaks !== breaks) return;
    this.complete = true;
    await this.indexer.store.markLive(this.token, this.options.leaseMs * 2);
  }

  async status(): Promise<IndexStatus & { memoryBytes: number | null }> {
    // `ready` is what a read would do now: the same barrier (shared with concurrent reads).
    const [readyAt, live, ready] = await Promise.all([this.indexer.store.readyAt(), this.indexer.store.isLive(), this.gate.fresh()]);
    const f = this.follower.status();
    return {
      notifications: f.following,
      notificationsProblem: f.problem,
      leader: this.leader,
      ready,
      complete: live,
      readyAt,
      pending: f.pending,
      oldestPendingMs: f.oldestPendingMs,
      lastAppliedAt: f.lastAppliedAt,
      lastReconcileAt: this.lastReconcile?.at ?? null,
      lastReconcileRepaired: this.lastReconcile?.repaired ?? null,
      overflows: this.overflows,
      followerRestarts: this.followerRestarts,
      memoryBytes: null,
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.renewTimer) clearTimeout(this.renewTimer);
    await this.beating;
    const wasLeader = this.leader;
    this.leader = false;
    this.complete = false;
    await this.follower.stop();
    if (wasLeader && this.token) {
      // Readers scan until another process has reconciled; hand over at once instead of when the lease runs out.
      await this.indexer.store.clearLive().catch(() => {});
      await runScript(this.redis, 'releaseLock', [this.lockKey], [this.token]).catch(() => {});
    }
  }
}
