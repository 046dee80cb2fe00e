import type { Redis } from 'ioredis';
import { AdminError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type RedisClient, keyHolders } from '../redis/connection.js';
import { type Keys, prefixPattern } from '../redis/keys.js';
import { missingNotifyFlags } from '../indexes/follower.js';
import { type IndexedOwner, indexedOwner } from '../indexes/owners.js';
import { fingerprint } from '../redis/fingerprint.js';
import { type GatewayEvent, type GatewayEventFilter, gatewayEvent } from './event.js';
import { type Notification, OwnerMemory, type WatchedKind, type WatchedOp } from './owners.js';
import { EventSubscriber } from './subscriber.js';

export interface GatewayEventOptions {
  /** Events one subscriber may have waiting; beyond, it is told it lagged (LAGGED, with the count). */
  bufferSize: number;
  /** Notifications waiting for their record to be read; beyond, they are dropped and every subscriber told. */
  maxQueue: number;
  /** Records whose owner (client, user) this process remembers, for their deletion or expiry. */
  memory: number;
  /** Whether the service may `CONFIG SET notify-keyspace-events` (as for the index follower). */
  configureNotifications: boolean;
}

export const DEFAULT_GATEWAY_EVENTS: GatewayEventOptions = { bufferSize: 1000, maxQueue: 20_000, memory: 200_000, configureNotifications: false };

const WATCHED = new Set<string>(['client', 'token', 'refresh', 'code']);
const OPS = new Set<string>(['set', 'del', 'expired']);
/** A notification waiting its turn, with the reads it needs already asked for. */
interface Pending {
  notification: Notification;
  /** A `set`: the record written. */
  value: Promise<string | null> | null;
  /** A removal of a token or refresh token this process does not remember: what the indexes say. */
  indexed: Promise<IndexedOwner | null> | null;
}

/** Notifications taken off the queue at a time. */
const BATCH = 500;
/** How long subscribing on every node may take before the subscribers are told it failed. */
const START_TIMEOUT_MS = 10_000;

/**
 * The gateway's writes as events, for the `gatewayEvents` subscription. Each service process
 * follows the keyspace notifications itself (on every node that holds keys), only while someone
 * subscribes to it: no leader, no republishing, so any process serves any subscriber. The index
 * follower is a separate subscription on its own connections and is not touched. Notifications
 * are handled in the order they arrive; a `set` is resolved by reading the record (who it
 * concerns), a deletion or expiry by what this process remembers of it (OwnerMemory), else by what
 * the derived indexes hold (tokens, refresh tokens). Both reads are sent the moment the
 * notification arrives: the record, or the index entry, may be gone soon after.
 */
export class GatewayEventFeed {
  private readonly subscribers = new Set<EventSubscriber>();
  private readonly memory: OwnerMemory;
  private open: Redis[] = [];
  private starting: Promise<number> | null = null;
  /** Bumped by every stop: handlers and loops of an earlier run do nothing. */
  private run = 0;
  private queue: Pending[] = [];
  private looping = false;
  private readFailures = 0;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly options: GatewayEventOptions,
    private readonly logger: Logger | null = null,
    private readonly now: () => number = Date.now,
  ) {
    this.memory = new OwnerMemory(options.memory, now);
  }

  /**
   * The events the filter accepts, from the moment the notifications are followed (the first
   * event, WATCHING, says so) until the consumer stops reading or the feed closes. Fails with
   * UNAVAILABLE when notifications cannot be followed.
   */
  subscribe(filter: GatewayEventFilter = {}): AsyncGenerator<GatewayEvent> {
    const subscriber = new EventSubscriber(filter, this.options.bufferSize, this.now);
    this.subscribers.add(subscriber);
    const events = subscriber.events(() => this.leave(subscriber));
    this.starting ??= this.start(this.run);
    this.starting.then(
      (nodes) => subscriber.push(gatewayEvent('WATCHING', this.now(), { detail: `following the keyspace notifications of ${nodes} Redis node(s)` })),
      (error: unknown) => subscriber.end(new AdminError('UNAVAILABLE', `gateway events unavailable: ${messageOf(error)}`)),
    );
    return events;
  }

  /** The connections that receive the notifications (tests cut them on purpose). */
  get connections(): readonly Redis[] {
    return this.open;
  }

  /** Subscribers right now (tests, status). */
  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Ends every stream and stops following (the process is stopping). */
  async close(): Promise<void> {
    for (const s of [...this.subscribers]) s.end();
    this.subscribers.clear();
    this.stop();
  }

  private leave(subscriber: EventSubscriber): void {
    this.subscribers.delete(subscriber);
    if (this.subscribers.size === 0) this.stop();
  }

  private stop(): void {
    this.run += 1;
    this.starting = null;
    for (const c of this.open.splice(0)) c.disconnect();
    this.queue = [];
    // What it remembered may be stale by the next start (writes nobody followed).
    this.memory.clear();
  }

  private broadcast(event: GatewayEvent): void {
    for (const s of this.subscribers) s.push(event);
  }

  /** Subscribes on every node that holds keys; resolves with their number, or fails (then the subscribers end). */
  private async start(run: number): Promise<number> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not accept the subscription within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
      timer.unref();
    });
    try {
      return await Promise.race([this.subscribeAll(run), timeout]);
    } catch (error) {
      // Its subscribers end with the error; the last one leaving stops the run (and closes what it opened).
      if (run === this.run) this.starting = null;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  private async subscribeAll(run: number): Promise<number> {
    const nodes = await keyHolders(this.redis);
    for (const node of nodes) {
      await this.checkFlags(node);
      await this.follow(node, run);
    }
    if (run !== this.run) throw new Error('stopped');
    return nodes.length;
  }

  private async checkFlags(node: Redis): Promise<void> {
    // Managed Redis often forbids CONFIG: then subscribe anyway.
    const current = await node.config('GET', 'notify-keyspace-events').then(
      (reply) => String((reply as string[])[1] ?? ''),
      () => null,
    );
    const missing = current === null ? [] : missingNotifyFlags(current);
    if (missing.length === 0) return;
    if (!this.options.configureNotifications) {
      throw new Error(`notify-keyspace-events is "${current}", lacking ${missing.join('')} (set it on the server, or INDEX_CONFIGURE_NOTIFICATIONS=yes)`);
    }
    await node.config('SET', 'notify-keyspace-events', `${current}${missing.join('')}`);
  }

  private async follow(node: Redis, run: number): Promise<void> {
    if (run !== this.run) throw new Error('stopped');
    const connection = node.duplicate({
      enableOfflineQueue: true,
      lazyConnect: false,
      connectionName: 'oauth-admin-gateway-events',
      autoResubscribe: false,
      maxRetriesPerRequest: null,
      // A cluster's node connections leave reconnecting to the cluster (none of their own): this one reconnects itself.
      retryStrategy: (times: number) => Math.min(times * 200, 2000),
    });
    connection.on('error', () => {});
    // Known at once, so a stop closes it even while it waits for Redis.
    this.open.push(connection);
    const channel = `__keyspace@*__:${prefixPattern(this.keys.prefixes.oauth)}`;
    connection.on('pmessage', (_pattern: string, source: string, op: string) => {
      if (run === this.run) this.notice(source.slice(source.indexOf(':') + 1), op);
    });
    await connection.psubscribe(channel);
    // Every 'ready' from now on is a reconnection: what was sent meanwhile is lost, and said so.
    connection.on('ready', () => {
      if (run !== this.run) return;
      this.broadcast(gatewayEvent('LAGGED', this.now(), { detail: 'the connection to Redis was lost and is back: events of the gap are missing' }));
      connection.psubscribe(channel).catch((error: unknown) => this.logger?.warn('gateway events: could not subscribe again', { error: messageOf(error) }));
    });
  }

  private notice(key: string, op: string): void {
    if (!OPS.has(op)) return;
    const c = this.keys.classify(key);
    if (!c || !WATCHED.has(c.kind)) return;
    const notification: Notification = { kind: c.kind as WatchedKind, id: c.id, op: op as WatchedOp, at: this.now() };
    // Read now, not when the loop gets there: the record may be deleted right after (a code), and
    // the leader's index follower removes a deleted token's entry soon.
    const removal = op !== 'set' && (c.kind === 'token' || c.kind === 'refresh') && !this.memory.knows(notification);
    this.queue.push({ notification, value: op === 'set' ? this.read(key) : null, indexed: removal ? this.indexed(notification) : null });
    if (this.queue.length > this.options.maxQueue) {
      const dropped = this.queue.length;
      this.queue = [];
      this.logger?.warn('gateway events: more notifications waiting than the bound; dropped', { dropped, maxQueue: this.options.maxQueue });
      this.broadcast(
        gatewayEvent('LAGGED', this.now(), { missed: dropped, detail: `the gateway wrote faster than this process could follow: ${dropped} changes dropped` }),
      );
      return;
    }
    this.kick();
  }

  private kick(): void {
    if (this.looping) return;
    this.looping = true;
    const run = this.run;
    setImmediate(() => {
      this.loop(run)
        .catch((error: unknown) => this.logger?.error('gateway events loop failed', { error: messageOf(error) }))
        .finally(() => {
          this.looping = false;
          if (this.queue.length > 0 && run === this.run) this.kick();
        });
    });
  }

  private async loop(run: number): Promise<void> {
    while (this.queue.length > 0 && run === this.run) {
      const batch = this.queue.splice(0, BATCH);
      for (const { notification, value, indexed } of batch) {
        const raw = value ? await value : null;
        const owner = indexed ? await indexed : null;
        if (run !== this.run) return;
        this.broadcast(this.memory.eventOf(notification, raw, owner));
      }
    }
  }

  /** What the derived indexes hold of a removed record (null when they know nothing, or on a failure). */
  private indexed(n: Notification): Promise<IndexedOwner | null> {
    const record = n.kind === 'token' ? { jti: n.id } : { fingerprint: fingerprint(n.id) };
    return indexedOwner(this.redis, this.keys, record).catch(() => null);
  }

  /** The record behind a `set`, asked for at once (it may be gone soon); on a failure none (the event then names no owner). */
  private read(key: string): Promise<string | null> {
    return this.redis.get(key).catch((error: unknown) => {
      this.readFailures += 1;
      if (this.readFailures === 1 || this.readFailures % 100 === 0)
        this.logger?.warn('gateway events: could not read written records; their events name no owner', {
          failures: this.readFailures,
          error: messageOf(error),
        });
      return null;
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}
