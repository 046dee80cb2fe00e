import { randomUUID } from 'node:crypto';
import { existMany, unlinkMany } from '../redis/batch.js';
import { type RedisClient, nodeTags } from '../redis/connection.js';
import type { IndexStore } from './store.js';
import type { Keys } from '../redis/keys.js';
import type { Logger } from '../logger.js';

/** What readers (stats, listings, purge) see of the indexes: the store, and whether to trust it now. */
export interface IndexReader {
  readonly store: IndexStore;
  fresh(): Promise<boolean>;
}

/** How long an unanswered barrier key lives (far longer than any wait; it only guards against litter). */
const BARRIER_TTL_MS = 60_000;

/**
 * Whether a reader may answer from the derived indexes right now. They must be complete (the
 * leader says so in the `live` key), and current: the reader writes a barrier key on every server
 * that holds keys and waits until the leader's follower deletes it, which it does only after
 * applying every change queued before it. Keyspace notifications of one server arrive in order,
 * so the index then holds every write made before the barrier. No answer within `maxLagMs`: the
 * index is behind, and the reader scans the store instead (for the next `maxLagMs` too, rather
 * than waiting again). Concurrent readers share one barrier, always one written after they asked.
 */
export class IndexGate {
  private next: Promise<boolean> | null = null;
  private behindUntil = 0;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly store: IndexStore,
    private readonly maxLagMs: number,
    private readonly logger: Logger | null,
  ) {}

  /** True when the indexes are complete and hold every change made before the call. */
  fresh(): Promise<boolean> {
    if (!this.next) {
      this.next = new Promise<boolean>((resolve) => {
        setImmediate(() => {
          this.next = null;
          resolve(this.round(false).catch(() => false));
        });
      });
    }
    return this.next;
  }

  /**
   * One barrier round now, without sharing, without the back-off and whatever `live` says: the
   * leader's own check that its follower receives and applies notifications.
   */
  probe(): Promise<boolean> {
    return this.round(true).catch(() => false);
  }

  private async round(probe: boolean): Promise<boolean> {
    const started = Date.now();
    if (!probe && started < this.behindUntil) return false;
    if (!probe && !(await this.store.isLive())) return false;
    const id = randomUUID();
    const barriers = (await nodeTags(this.redis)).map((tag) => this.keys.barrier(tag, id));
    await Promise.all(barriers.map((key) => this.redis.set(key, '1', 'PX', BARRIER_TTL_MS)));
    let waiting = barriers;
    for (let check = 1; ; check++) {
      await new Promise((r) => setTimeout(r, Math.min(check, 10)));
      const exists = await existMany(this.redis, waiting);
      waiting = waiting.filter((_, i) => exists[i]);
      if (waiting.length === 0) return true;
      const late = Date.now() - started >= this.maxLagMs;
      // The leader clears `live` when the chain of notifications breaks: no need to wait then.
      if (late || (!probe && check % 25 === 0 && !(await this.store.isLive()))) {
        await unlinkMany(this.redis, waiting).catch(() => 0);
        if (late && !probe) {
          this.behindUntil = Date.now() + this.maxLagMs;
          this.logger?.warn('derived indexes are behind: reads scan the store for now', { waitedMs: Date.now() - started, maxLagMs: this.maxLagMs });
        }
        return false;
      }
    }
  }
}
