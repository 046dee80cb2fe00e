import { Cluster, type Redis } from 'ioredis';
import { existMany, readPttls, readSets, readStrings, scanKeys } from '../redis/batch.js';
import { decodeAccessToken, decodeClient, decodeRefreshToken, isTestClientName } from '../redis/codecs.js';
import { type RedisClient, keyHolders } from '../redis/connection.js';
import { type ClientEntry, type FlowEntry, IndexStore, type RefreshEntry, type TokenEntry, type UserIndexEntry } from '../redis/index-store.js';
import { type Keys, type RecordKind, prefixPattern } from '../redis/keys.js';
import { fingerprint } from './fingerprint.js';
import { type Lifetimes, refreshTokenExpiresAt } from './status.js';
import type { JobContext } from './jobs.js';

export interface IndexerStatus {
  /** Whether Redis tells us about changes (keyspace notifications) in this process. */
  notifications: boolean;
  /** Why not, when it does not. */
  notificationsProblem: string | null;
  /** Whether this process maintains the indexes (one process does, by lock). */
  leader: boolean;
  /** When the last full reconcile finished; null before the first. */
  readyAt: number | null;
  /** Keys waiting to be synced. */
  pending: number;
}

export interface ReconcileCounts {
  scanned: number;
  /** Index entries that were (or in a dry run would be) added, changed or removed. */
  changed: number;
}

/** The keyspace notification classes we need: K(eyspace) g(eneric: del, expire, rename) $ (strings) s (sets) x (expired). */
const NEEDED_FLAGS = ['K', 'g', '$', 's', 'x'];

/**
 * Keeps the derived indexes in step with the gateway's keys. The gateway writes without knowing
 * about them, so they follow the data through keyspace notifications (when the server allows
 * them) and a reconcile that rebuilds them from the primary keys. Every sync reads the primary
 * key as it is now, so events may repeat or arrive late without harm.
 */
export class Indexer {
  readonly store: IndexStore;
  private readonly pending = new Set<string>();
  private flushing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private subscribers: Redis[] = [];
  private notifications = false;
  private notificationsProblem: string | null = 'not started';
  private leader = false;
  private missedEvents = false;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly lifetimes: Lifetimes,
    private readonly now: () => number,
  ) {
    this.store = new IndexStore(redis, keys);
  }

  /** Syncs the index entries of these primary keys with what the keys hold now. */
  async syncKeys(keys: string[]): Promise<number> {
    const byKind = new Map<RecordKind, string[]>();
    for (const key of keys) {
      const c = this.keys.classify(key);
      if (!c) continue;
      const list = byKind.get(c.kind);
      if (list) list.push(c.id);
      else byKind.set(c.kind, [c.id]);
    }
    let changed = 0;
    for (const [kind, ids] of byKind) changed += await this.syncIds(kind, ids, false);
    return changed;
  }

  /** The index entries these ids should have; applies them unless `dryRun` (then counts the differences). */
  private async syncIds(kind: RecordKind, ids: string[], dryRun: boolean): Promise<number> {
    if (ids.length === 0) return 0;
    if (kind === 'token') return this.store.syncTokens(await this.tokenEntries(ids), dryRun);
    if (kind === 'refresh') return this.store.syncRefresh(await this.refreshEntries(ids), dryRun);
    if (kind === 'client') {
      const values = await readStrings(this.redis, ids.map((id) => this.keys.client(id)));
      const entries: ClientEntry[] = ids.map((clientId, i) => {
        const raw = values[i];
        if (raw == null) return { clientId, present: false, flag: 'ok' };
        const d = decodeClient(raw);
        return { clientId, present: true, flag: d.record === null ? 'corrupt' : isTestClientName(d.record.clientName) ? 'test' : 'ok' };
      });
      return this.store.syncClients(entries, dryRun);
    }
    if (kind === 'state' || kind === 'code') {
      const ttls = await readPttls(this.redis, ids.map((id) => this.keys.record(kind, id)));
      // Codes are secrets: the index names them by fingerprint.
      const entries: FlowEntry[] = ids.map((id, i) => ({ id: kind === 'code' ? fingerprint(id) : id, present: (ttls[i] ?? -2) !== -2, leftover: ttls[i] === -1 }));
      return this.store.syncFlows(kind, entries, dryRun);
    }
    return this.store.syncUserIndexes(await this.userIndexEntries(ids), dryRun);
  }

  private async tokenEntries(jtis: string[]): Promise<TokenEntry[]> {
    const values = await readStrings(this.redis, jtis.map((jti) => this.keys.token(jti)));
    return jtis.map((jti, i) => {
      const raw = values[i];
      if (raw == null) return { jti, present: false, exp: null, clientId: null, username: null, corrupt: false };
      const { record } = decodeAccessToken(raw);
      return { jti, present: true, exp: record?.expiresAt ?? null, clientId: record?.clientId ?? null, username: record?.username ?? null, corrupt: record === null };
    });
  }

  private async refreshEntries(tokens: string[]): Promise<RefreshEntry[]> {
    const keys = tokens.map((t) => this.keys.refresh(t));
    const [values, ttls] = await Promise.all([readStrings(this.redis, keys), readPttls(this.redis, keys)]);
    const now = this.now();
    return tokens.map((token, i) => {
      const raw = values[i];
      const fp = fingerprint(token);
      if (raw == null) return { fingerprint: fp, present: false, createdAt: null, username: null, corrupt: false, outliving: null };
      const { record } = decodeRefreshToken(raw);
      const expiresAt = refreshTokenExpiresAt(record, this.lifetimes);
      const ttl = ttls[i] ?? -2;
      // A key Redis keeps past the token's expiry: no TTL, or one ending later than the gateway's
      // SETEX leaves it (created_at is whole seconds, so up to a second after, plus the write's delay).
      const outlives = expiresAt !== null && (ttl === -1 || now + ttl > expiresAt * 1000 + 2000);
      return { fingerprint: fp, present: true, createdAt: record?.createdAt ?? null, username: record?.username ?? null, corrupt: record === null, outliving: outlives ? token : null };
    });
  }

  private async userIndexEntries(usernames: string[]): Promise<UserIndexEntry[]> {
    const members = await readSets(this.redis, usernames.map((u) => this.keys.userTokens(u)));
    const jtis = members.flat();
    const exists = await existMany(this.redis, jtis.map((jti) => this.keys.token(jti)));
    const missing = new Set(jtis.filter((_, i) => !exists[i]));
    return usernames.map((username, i) => {
      const set = members[i] ?? [];
      return { username, present: set.length > 0, stale: set.filter((jti) => missing.has(jti)) };
    });
  }

  /**
   * Rebuilds the indexes from the primary keys: syncs every key under the prefix, then every
   * index entry whose key is gone. In a dry run, counts what would change.
   */
  async reconcile(options: { dryRun: boolean; job?: JobContext }): Promise<ReconcileCounts> {
    const counts: ReconcileCounts = { scanned: 0, changed: 0 };
    const progress = async (phase: string) => {
      await options.job?.progress({ phase, scanned: counts.scanned, matched: counts.changed, deleted: options.dryRun ? 0 : counts.changed });
      await options.job?.checkpoint();
    };
    const kinds: RecordKind[] = ['client', 'token', 'refresh', 'state', 'code', 'user_tokens'];
    for (const kind of kinds) {
      for await (const batch of scanKeys(this.redis, this.keys.pattern(kind))) {
        counts.scanned += batch.length;
        counts.changed += await this.syncIds(kind, batch.map((key) => this.keys.idOf(kind, key) as string), options.dryRun);
        await progress(`${kind} keys`);
      }
    }
    // Entries whose primary key no longer exists.
    counts.changed += await this.dropVanished('token', options.dryRun, (ids) => readStrings(this.redis, ids.map((id) => this.keys.token(id))));
    counts.changed += await this.dropVanished('client', options.dryRun, (ids) => readStrings(this.redis, ids.map((id) => this.keys.client(id))));
    counts.changed += await this.dropVanished('user_index', options.dryRun, async (ids) => (await readSets(this.redis, ids.map((u) => this.keys.userTokens(u)))).map((m) => (m.length ? 'x' : null)));
    // Refresh tokens and codes are indexed by fingerprint: what is not seen in the scan above is gone.
    counts.changed += await this.dropUnseen(options.dryRun);
    await progress('done');
    if (!options.dryRun) await this.store.markReady(Date.now());
    return counts;
  }

  private async dropVanished(kind: 'token' | 'client' | 'user_index', dryRun: boolean, read: (ids: string[]) => Promise<(string | null)[]>): Promise<number> {
    let changed = 0;
    for await (const ids of this.store.indexedIds(kind)) {
      const values = await read(ids);
      const gone = ids.filter((_, i) => values[i] == null);
      if (gone.length === 0) continue;
      if (kind === 'token') changed += await this.store.syncTokens(gone.map((jti) => ({ jti, present: false, exp: null, clientId: null, username: null, corrupt: false })), dryRun);
      else if (kind === 'client') changed += await this.store.syncClients(gone.map((clientId) => ({ clientId, present: false, flag: 'ok' })), dryRun);
      else changed += await this.store.syncUserIndexes(gone.map((username) => ({ username, present: false, stale: [] })), dryRun);
    }
    return changed;
  }

  private async dropUnseen(dryRun: boolean): Promise<number> {
    let changed = 0;
    for (const kind of ['refresh', 'state', 'code'] as const) {
      const live = new Set<string>();
      for await (const batch of scanKeys(this.redis, this.keys.pattern(kind))) {
        for (const key of batch) {
          const id = this.keys.idOf(kind, key) as string;
          live.add(kind === 'state' ? id : fingerprint(id));
        }
      }
      for await (const ids of this.store.indexedIds(kind)) {
        const gone = ids.filter((id) => !live.has(id));
        if (gone.length === 0) continue;
        if (kind === 'refresh') changed += await this.store.syncRefresh(gone.map((fp) => ({ fingerprint: fp, present: false, createdAt: null, username: null, corrupt: false, outliving: null })), dryRun);
        else changed += await this.store.syncFlows(kind, gone.map((id) => ({ id, present: false, leftover: false })), dryRun);
      }
    }
    return changed;
  }

  // ------------------------------------------------------------------ notifications

  /**
   * Starts following changes: enables the keyspace notifications we need when the server allows
   * it (CONFIG SET), and subscribes on every server that holds keys. Returns the problem, if any.
   */
  async follow(): Promise<string | null> {
    if (this.notifications) return null;
    try {
      for (const node of await keyHolders(this.redis)) {
        const [, current = ''] = (await node.config('GET', 'notify-keyspace-events')) as [string, string];
        const has = (flag: string) => current.includes(flag) || (current.includes('A') && flag !== 'K' && flag !== 'E');
        const missing = NEEDED_FLAGS.filter((f) => !has(f));
        if (missing.length > 0) await node.config('SET', 'notify-keyspace-events', `${current}${missing.join('')}`);
        // Its own connection, which waits for Redis (the server's main one fails fast instead).
        const subscriber = node.duplicate({ enableOfflineQueue: true, lazyConnect: false });
        subscriber.on('error', () => {});
        await subscriber.psubscribe(`__keyspace@*__:${prefixPattern(this.keys.prefixes.oauth)}`);
        // After a reconnection, events sent while it was away are lost: ask for a catch-up.
        let connectedOnce = false;
        subscriber.on('ready', () => {
          if (connectedOnce) this.missedEvents = true;
          connectedOnce = true;
        });
        subscriber.on('pmessage', (_pattern: string, channel: string) => {
          const key = channel.slice(channel.indexOf(':') + 1);
          this.enqueue(key);
        });
        this.subscribers.push(subscriber);
      }
      this.notifications = true;
      this.notificationsProblem = null;
    } catch (error) {
      this.notifications = false;
      this.notificationsProblem = `keyspace notifications unavailable (${error instanceof Error ? error.message.split('\n')[0] : String(error)}): indexes follow the data only through reconcile`;
      await this.unfollow();
    }
    return this.notificationsProblem;
  }

  async unfollow(): Promise<void> {
    const subs = this.subscribers;
    this.subscribers = [];
    for (const s of subs) s.disconnect();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.notifications = false;
    await this.flushing;
  }

  private enqueue(key: string): void {
    this.pending.add(key);
    if (!this.timer) this.timer = setTimeout(() => void this.flush(), 20);
  }

  /** Applies every pending change; resolves when the queue is empty. */
  async flush(): Promise<void> {
    this.timer = null;
    if (this.flushing) return this.flushing;
    this.flushing = (async () => {
      try {
        while (this.pending.size > 0) {
          const batch: string[] = [];
          for (const key of this.pending) {
            batch.push(key);
            if (batch.length === 1000) break;
          }
          for (const key of batch) this.pending.delete(key);
          const tokenJtis = batch.map((k) => this.keys.idOf('token', k)).filter((j): j is string => j !== null);
          // A token change can make user-index entries stale or live again: resync the indexes of
          // the token's owner before (from the index) and after (from the record).
          const users = new Set<string>();
          if (tokenJtis.length > 0) {
            for (const owner of await this.store.tokenOwners(tokenJtis)) if (owner) users.add(owner);
            const entries = await this.tokenEntries(tokenJtis);
            for (const e of entries) if (e.username) users.add(e.username);
            await this.store.syncTokens(entries);
          }
          await this.syncKeys(batch.filter((key) => this.keys.idOf('token', key) === null));
          if (users.size > 0) await this.syncIds('user_tokens', [...users], false);
        }
      } catch {
        // Redis is away: the next reconcile repairs whatever was missed.
      } finally {
        this.flushing = null;
      }
    })();
    return this.flushing;
  }

  get following(): boolean {
    return this.notifications;
  }

  /** True once after a subscription reconnected (events may have been missed). */
  takeMissedEvents(): boolean {
    const missed = this.missedEvents;
    this.missedEvents = false;
    return missed;
  }

  status(readyAt: number | null): IndexerStatus {
    return { notifications: this.notifications, notificationsProblem: this.notificationsProblem, leader: this.leader, readyAt, pending: this.pending.size };
  }

  setLeader(leader: boolean): void {
    this.leader = leader;
  }

  get isCluster(): boolean {
    return this.redis instanceof Cluster;
  }
}
