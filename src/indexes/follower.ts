import type { Redis } from 'ioredis';
import { type RedisClient, keyHolders } from '../redis/connection.js';
import { type Keys, prefixPattern } from '../redis/keys.js';
import type { Logger } from '../logger.js';

/** The keyspace notification classes we need: K(eyspace) g(eneric: del, expire, rename) $ (strings) s (sets) x (expired). */
const NEEDED_FLAGS = ['K', 'g', '$', 's', 'x'];
/** Changed keys applied per batch. */
const BATCH = 1000;
/** A batch that fails is retried this many times (with a pause) before the follower gives up and asks for a reconcile. */
const ATTEMPTS = 3;

/** The flags of `notify-keyspace-events` we need that `current` lacks ('A' stands for every class). */
export function missingNotifyFlags(current: string): string[] {
  return NEEDED_FLAGS.filter((flag) => !(current.includes(flag) || (current.includes('A') && flag !== 'K' && flag !== 'E')));
}

interface Entry {
  /** A changed primary key, or a barrier key (then `node` is where to acknowledge it). */
  key: string;
  at: number;
  node: Redis | null;
}

export interface FollowerOptions {
  /** More changes queued than this: stop queuing keys one by one and ask for a reconcile. */
  maxPending: number;
  /** Whether the service may `CONFIG SET notify-keyspace-events` on the server. */
  configureNotifications: boolean;
}

export interface FollowerStatus {
  following: boolean;
  problem: string | null;
  pending: number;
  /** Age of the oldest change not yet applied (0 when none waits). */
  oldestPendingMs: number;
  /** When the last change (or barrier) was applied; null before the first. */
  lastAppliedAt: number | null;
}

/**
 * Follows the gateway's writes through keyspace notifications and applies them in the order they
 * arrive, with one worker loop: a strict FIFO of changed keys and barriers. A barrier (a key a
 * reader writes, indexes/gate.ts) is acknowledged (deleted) once every change queued before
 * it is applied (and only while the indexes are complete), which proves to the reader that the
 * index holds every write made before its barrier. Anything that breaks the chain of notifications (a flood past `maxPending`, a batch that
 * keeps failing, a reconnection, a stop) is reported through `onBreak`, so that the owner marks
 * the indexes incomplete and reconciles.
 */
export class Follower {
  private queue: Entry[] = [];
  private head = 0;
  private running = false;
  /** Bumped by every stop: a loop of an earlier run stops at its next step. */
  private run = 0;
  private subscribers: Redis[] = [];
  private following = false;
  private problem: string | null = 'not started';
  private lastAppliedAt: number | null = null;
  private waiters: { until: number; resolve: () => void }[] = [];
  /** Entries ever taken off the queue (applied or dropped): a waiter's mark is a count of these. */
  private taken = 0;
  /** Bumped when the queue is dropped, so a batch in flight does not advance the new queue. */
  private drops = 0;
  /** While a reconcile runs: every key applied (the reconcile may overwrite them with older reads). */
  private tracked: Set<string> | null = null;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly options: FollowerOptions,
    /** Applies changed keys; returns other keys it synced as a consequence (tracked like them). */
    private readonly apply: (keys: string[]) => Promise<string[]>,
    private readonly onBreak: (reason: string) => void,
    /**
     * Whether barriers may be acknowledged: only while the owner holds the indexes complete. After
     * a break (until a reconcile finishes) a barrier goes unanswered and its reader scans.
     */
    private readonly complete: () => boolean,
    private readonly logger: Logger | null,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Subscribes on every server that holds keys, after checking (and, when allowed, setting) the
   * notification flags. Returns the problem, or null when following.
   */
  async start(): Promise<string | null> {
    if (this.following) return null;
    const run = this.run;
    try {
      for (const node of await keyHolders(this.redis)) {
        // Managed Redis often forbids CONFIG: then subscribe anyway; the leader's barrier probe
        // tells whether notifications really arrive.
        const current = await node.config('GET', 'notify-keyspace-events').then(
          (reply) => String((reply as string[])[1] ?? ''),
          () => null,
        );
        const missing = current === null ? [] : missingNotifyFlags(current);
        if (missing.length > 0) {
          if (!this.options.configureNotifications) {
            throw new Error(
              `notify-keyspace-events is "${current}", lacking ${missing.join('')}; set it on the server (e.g. Kg$sx) or allow the service to (INDEX_CONFIGURE_NOTIFICATIONS=yes)`,
            );
          }
          await node.config('SET', 'notify-keyspace-events', `${current}${missing.join('')}`);
          this.logger?.info('enabled keyspace notifications', { flags: `${current}${missing.join('')}` });
        }
        this.subscribers.push(await this.subscribe(node, run));
      }
      if (run !== this.run) return 'stopped';
      this.following = true;
      this.problem = null;
    } catch (error) {
      this.problem = `keyspace notifications unavailable (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): reads scan the store`;
      await this.stop();
    }
    return this.problem;
  }

  private async subscribe(node: Redis, run: number): Promise<Redis> {
    // Its own connection, which waits for Redis (the service's main one fails fast instead).
    // ioredis would subscribe again by itself after a reconnection, without handling a failure (an
    // unhandled rejection): we do it here instead.
    const subscriber = node.duplicate({ enableOfflineQueue: true, lazyConnect: false, connectionName: 'oauth-admin-index-follower', autoResubscribe: false });
    subscriber.on('error', () => {});
    const dataChannel = `__keyspace@*__:${prefixPattern(this.keys.prefixes.oauth)}`;
    const barrierChannel = `__keyspace@*__:${this.keys.barrierPattern()}`;
    await subscriber.psubscribe(dataChannel, barrierChannel);
    // After a reconnection, events sent while it was away are lost: the chain is broken. (The
    // first connection's 'ready' came before the subscription answered, so every one from now on
    // is a reconnection.) A failed resubscription leaves the follower deaf: the leader's probe
    // after its reconcile notices, and restarts it.
    subscriber.on('ready', () => {
      if (run !== this.run) return;
      this.onBreak('the follower reconnected to Redis (notifications sent meanwhile are lost)');
      subscriber.psubscribe(dataChannel, barrierChannel).catch((error: unknown) => {
        this.logger?.warn('index follower could not subscribe again', { error: error instanceof Error ? error.message : String(error) });
      });
    });
    subscriber.on('pmessage', (pattern: string, channel: string, event: string) => {
      if (run !== this.run) return;
      const key = channel.slice(channel.indexOf(':') + 1);
      if (pattern === barrierChannel) {
        if (event === 'set') this.push({ key, at: this.now(), node });
      } else {
        this.push({ key, at: this.now(), node: null });
      }
    });
    return subscriber;
  }

  /** Unsubscribes and drops the queue (what it held is the next reconcile's); `problem` says why, for indexStatus. */
  async stop(problem: string | null = null): Promise<void> {
    this.run += 1;
    if (problem !== null) this.problem = problem;
    const subs = this.subscribers;
    this.subscribers = [];
    for (const s of subs) s.disconnect();
    if (this.following) this.onBreak('the follower stopped');
    this.following = false;
    this.dropQueue();
  }

  get isFollowing(): boolean {
    return this.following;
  }

  /** The connections that receive the notifications (tests break them on purpose). */
  get connections(): readonly Redis[] {
    return this.subscribers;
  }

  private push(entry: Entry): void {
    this.queue.push(entry);
    if (this.queue.length - this.head > this.options.maxPending) {
      const dropped = this.queue.length - this.head;
      this.dropQueue();
      this.logger?.warn('index follower: more changes queued than INDEX_MAX_PENDING; a reconcile takes over', { dropped, maxPending: this.options.maxPending });
      this.onBreak(`flood: ${dropped} changes queued (more than ${this.options.maxPending})`);
      return;
    }
    this.kick();
  }

  /** Everything queued is the next reconcile's: readers waiting on a dropped barrier time out and scan. */
  private dropQueue(): void {
    this.drops += 1;
    this.taken += this.queue.length - this.head;
    this.queue = [];
    this.head = 0;
    this.settleWaiters();
  }

  private kick(): void {
    if (this.running) return;
    // Set before the loop starts: nothing the loop does synchronously can leave it behind.
    this.running = true;
    const run = this.run;
    setImmediate(() => {
      this.loop(run)
        .catch((error: unknown) => this.logger?.error('index follower loop failed', { error: String(error) }))
        .finally(() => {
          this.running = false;
          // Changes that arrived after the loop's last look (or for a run started meanwhile).
          if (this.queue.length > this.head) this.kick();
        });
    });
  }

  private async loop(run: number): Promise<void> {
    while (this.queue.length > this.head && run === this.run) {
      const end = Math.min(this.queue.length, this.head + BATCH);
      const batch = this.queue.slice(this.head, end);
      const changed = [...new Set(batch.filter((e) => e.node === null).map((e) => e.key))];
      const drops = this.drops;
      if (!(await this.applyWithRetry(changed, run))) return;
      if (run !== this.run) return;
      if (drops !== this.drops) continue; // a flood dropped the queue meanwhile: the batch is the reconcile's
      this.head = end;
      this.taken += batch.length;
      if (this.head > 4096 && this.head * 2 > this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      this.lastAppliedAt = this.now();
      const barriers = this.complete() ? batch.filter((e) => e.node !== null) : [];
      // Acknowledged only now: every change queued before each barrier is applied.
      await Promise.all(barriers.map((b) => (b.node as Redis).unlink(b.key).catch(() => {})));
      this.settleWaiters();
    }
  }

  /** Applies one batch; retried with a pause, then handed to a reconcile (logged, never hidden). */
  private async applyWithRetry(keys: string[], run: number): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (keys.length > 0) {
          const also = await this.apply(keys);
          if (this.tracked) for (const key of [...keys, ...also]) this.tracked.add(key);
          if (this.tracked && this.tracked.size > this.options.maxPending) {
            this.tracked = null;
            this.onBreak(`flood: more than ${this.options.maxPending} keys changed while a reconcile ran`);
          }
        }
        return true;
      } catch (error) {
        if (run !== this.run) return false;
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        if (attempt >= ATTEMPTS) {
          this.logger?.error('index follower: a batch kept failing; a reconcile takes over', { keys: keys.length, attempts: attempt, error: message });
          this.dropQueue();
          this.onBreak(`a batch of ${keys.length} changes failed ${attempt} times (${message})`);
          return false;
        }
        this.logger?.warn('index follower: a batch failed; retrying', { keys: keys.length, attempt, error: message });
        await new Promise((r) => setTimeout(r, 200 * attempt));
      }
    }
  }

  private settleWaiters(): void {
    const still: typeof this.waiters = [];
    for (const w of this.waiters) {
      if (w.until <= this.taken) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
  }

  /**
   * A reconcile starts: remember every key applied from now on. `replay()` at its end queues them
   * again, behind everything else, so their last apply comes after the reconcile's writes (which
   * may hold older reads) and is serialized with every other apply.
   */
  track(): void {
    this.tracked = new Set();
  }

  /** Stops tracking (a reconcile that failed: the next one starts over). */
  untrack(): void {
    this.tracked = null;
  }

  /** Queues the tracked keys again and resolves once they are applied; false when tracking was lost (a flood). */
  async replay(): Promise<boolean> {
    const keys = this.tracked;
    this.tracked = null;
    if (!keys || !this.following) return false;
    for (const key of keys) this.push({ key, at: this.now(), node: null });
    await this.drained();
    return true;
  }

  /** Resolves once everything queued before the call is applied (or handed to a reconcile). */
  drained(): Promise<void> {
    const until = this.taken + (this.queue.length - this.head);
    if (until <= this.taken) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ until, resolve }));
  }

  /** True while the worker has work and has not applied anything for `ms` (the watchdog's question). */
  stalled(ms: number): boolean {
    if (this.queue.length === this.head) return false;
    const oldest = this.queue[this.head] as Entry;
    const since = Math.max(oldest.at, this.lastAppliedAt ?? 0);
    return this.now() - since > ms;
  }

  status(): FollowerStatus {
    const oldest = this.queue[this.head];
    return {
      following: this.following,
      problem: this.problem,
      pending: this.queue.length - this.head,
      oldestPendingMs: oldest ? Math.max(0, this.now() - oldest.at) : 0,
      lastAppliedAt: this.lastAppliedAt,
    };
  }
}
