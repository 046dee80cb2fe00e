import type { RedisClient } from '../redis/connection.js';
import { scanKeys } from '../redis/batch.js';
import { type Keys, prefixPattern } from '../redis/keys.js';
import { type ScriptName, runScript } from '../redis/scripts.js';

/** Meta buckets (tokens and refresh tokens together): each stays a small hash in Redis's compact encoding up to about 2M records. */
const BUCKETS = 16384;
/**
 * Users whose expired tokens one purge batch takes (about ten tokens each in a gateway store): few
 * enough that a batch's records die young (peak memory at 1M tokens), enough to keep round trips few.
 */
const USERS_PER_BATCH = 50;

function bucketOf(id: string): number {
  // FNV-1a: stable across processes and versions, cheap.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

/**
 * An access token's place in listings: its meta bucket, then its jti. The order the index can
 * page through a bucket at a time (tokenIdsOfBuckets); a scan sorts by it too.
 */
export function tokenOrder(jti: string): string {
  // join() makes one flat string; a template makes a rope of three, which a listing's snapshot of a
  // million tokens would hold (and flatten again while sorting): ~45 MB more heap at 1M.
  return [bucketOf(jti).toString(16).padStart(4, '0'), jti].join(':');
}

export function jtiOfOrder(order: string): string {
  return order.slice(5);
}

/** The bucket a token order key starts with. */
export function bucketOfOrder(order: string): number {
  return Number.parseInt(order.slice(0, 4), 16);
}

/** The jtis among a meta bucket's fields (refresh tokens' are `#…`; a jti that starts with `#` or `!` is stored `!`-prefixed). */
function jtisOfFields(fields: readonly string[]): string[] {
  return fields.filter((f) => !f.startsWith('#')).map((f) => (f.startsWith('!') ? f.slice(1) : f));
}

/** What the index should say about one primary key (`present: false` once it is gone). */
export interface TokenEntry {
  jti: string;
  present: boolean;
  exp: number | null;
  clientId: string | null;
  username: string | null;
  corrupt: boolean;
}

export interface RefreshEntry {
  fingerprint: string;
  present: boolean;
  createdAt: number | null;
  username: string | null;
  corrupt: boolean;
  /** The token itself, only when its key has no TTL (it may become a leftover); else null. */
  noTtl: string | null;
}

export interface ClientEntry {
  clientId: string;
  present: boolean;
  flag: 'ok' | 'test' | 'corrupt';
}

export interface FlowEntry {
  id: string;
  present: boolean;
  leftover: boolean;
}

export interface UserIndexEntry {
  username: string;
  present: boolean;
  /** Jtis of the gateway's user index whose token key is gone. */
  stale: string[];
}

const text = (value: string | number | null): string => (value === null ? '' : String(value));
const flag = (on: boolean): string => (on ? '1' : '0');

/**
 * The derived indexes' storage (layout in index-scripts.ts): token and refresh-token meta, tokens
 * by client and by user, expiry histograms and the counters behind `stats`. Everything sits under
 * our admin hash tag, so the scripts update several structures atomically, on a cluster too.
 * Every sync takes `dryRun`: then nothing changes and the result counts what would.
 */
export class IndexStore {
  readonly prefix: string;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {
    this.prefix = keys.indexPrefix();
  }

  private async run(script: ScriptName, calls: { key: string; args: (string | number)[] }[]): Promise<number> {
    let changed = 0;
    for (let i = 0; i < calls.length; i += 1000) {
      const pipeline = this.redis.pipeline();
      for (const call of calls.slice(i, i + 1000)) runScript(pipeline, script, [call.key], [this.prefix, ...call.args]);
      for (const [error, value] of (await pipeline.exec()) ?? []) {
        if (error) throw error;
        changed += Number(value);
      }
    }
    return changed;
  }

  private bucket(id: string): string {
    return this.keys.index(`m:${bucketOf(id)}`);
  }

  /** A token's field in its meta bucket: the jti, kept apart from refresh tokens' `#` fields. */
  static tokenField(jti: string): string {
    return jti.startsWith('#') || jti.startsWith('!') ? `!${jti}` : jti;
  }

  syncTokens(entries: TokenEntry[], dryRun = false): Promise<number> {
    return this.run(
      'ixSyncToken',
      entries.map((e) => ({
        key: this.bucket(e.jti),
        args: [IndexStore.tokenField(e.jti), flag(e.present), text(e.exp), text(e.clientId), text(e.username), flag(e.corrupt), flag(dryRun), e.jti],
      })),
    );
  }

  /** `olderThan`: drop (absent entries) only what was last synced before that reconcile generation. */
  syncRefresh(entries: RefreshEntry[], dryRun = false, olderThan: number | null = null): Promise<number> {
    return this.run(
      'ixSyncRefresh',
      entries.map((e) => ({
        key: this.bucket(e.fingerprint),
        args: [e.fingerprint, flag(e.present), text(e.createdAt), text(e.username), flag(e.corrupt), flag(dryRun), text(e.noTtl), text(olderThan)],
      })),
    );
  }

  syncClients(entries: ClientEntry[], dryRun = false): Promise<number> {
    return this.run(
      'ixSyncClient',
      entries.map((e) => ({ key: this.keys.index('cn'), args: [e.clientId, flag(e.present), e.flag, flag(dryRun)] })),
    );
  }

  syncFlows(kind: 'state' | 'code', entries: FlowEntry[], dryRun = false, olderThan: number | null = null): Promise<number> {
    const hash = this.keys.index(kind === 'state' ? 'st' : 'cd');
    const counter = kind === 'state' ? 'leftoverStates' : 'leftoverCodes';
    return this.run(
      'ixSyncFlow',
      entries.map((e) => ({ key: hash, args: [e.id, flag(e.present), flag(e.leftover), counter, flag(dryRun), text(olderThan)] })),
    );
  }

  /**
   * Starts a reconcile generation: refresh, state and code entries synced from now on carry it,
   * so the reconcile can drop exactly those it did not see (see index-scripts.ts, `gen`).
   */
  async nextGeneration(): Promise<number> {
    return Number(await this.redis.hincrby(this.keys.index('n'), 'gen', 1));
  }

  syncUserIndexes(entries: UserIndexEntry[], dryRun = false): Promise<number> {
    return this.run(
      'ixSyncUserIndex',
      entries.map((e) => ({
        key: this.keys.index('uidx'),
        args: [e.username, flag(e.present), `${e.stale.length}|${JSON.stringify([...e.stale].sort())}`, flag(dryRun)],
      })),
    );
  }

  /** The usernames the index recorded for these tokens (null: none, or not indexed). */
  async tokenOwners(jtis: string[]): Promise<(string | null)[]> {
    if (jtis.length === 0) return [];
    const owners = (await runScript(
      this.redis,
      'ixTokenOwners',
      [this.keys.index('n')],
      [this.prefix, ...jtis.flatMap((jti) => [bucketOf(jti), IndexStore.tokenField(jti)])],
    )) as (string | null)[];
    return owners.map((o) => (typeof o === 'string' ? o : null));
  }

  /** Every id the index knows for a kind, in batches (to find entries whose primary key is gone). */
  async *indexedIds(kind: 'token' | 'refresh' | 'client' | 'state' | 'code' | 'user_index'): AsyncGenerator<string[]> {
    if (kind === 'token' || kind === 'refresh') {
      for (let b = 0; b < BUCKETS; b += 256) {
        const pipeline = this.redis.pipeline();
        for (let i = b; i < Math.min(BUCKETS, b + 256); i++) pipeline.hkeys(this.keys.index(`m:${i}`));
        const fields = ((await pipeline.exec()) ?? []).flatMap(([, v]) => (Array.isArray(v) ? (v as string[]) : []));
        const ids = kind === 'token' ? jtisOfFields(fields) : fields.filter((f) => f.startsWith('#')).map((f) => f.slice(1));
        if (ids.length > 0) yield ids;
      }
      return;
    }
    const hash = { client: 'ci', state: 'st', code: 'cd', user_index: 'uidx' }[kind];
    const ids = await this.redis.hkeys(this.keys.index(hash));
    for (let i = 0; i < ids.length; i += 1000) yield ids.slice(i, i + 1000);
  }

  static readonly BUCKETS = BUCKETS;

  /** The jtis of the meta buckets `from` to `from + count - 1` (one pipeline), each bucket's sorted. */
  async tokenIdsOfBuckets(from: number, count: number): Promise<string[][]> {
    const pipeline = this.redis.pipeline();
    const end = Math.min(BUCKETS, from + count);
    for (let i = from; i < end; i++) pipeline.hkeys(this.keys.index(`m:${i}`));
    return ((await pipeline.exec()) ?? []).map(([error, value]) => {
      if (error) throw error;
      return jtisOfFields(value as string[]).sort();
    });
  }

  /** The client ids whose registration key exists (flagged ok, test or corrupt), from the interned names. */
  async registeredClientIds(): Promise<string[]> {
    const values = await this.redis.hvals(this.keys.index('cn'));
    // `flag|clientId`; an empty flag: a client id only tokens name.
    return values.flatMap((v) => (v.indexOf('|') > 0 ? [v.slice(v.indexOf('|') + 1)] : []));
  }

  /** The jtis indexed under each client (one command for all of them). */
  async clientTokenIds(clientIds: readonly string[]): Promise<string[][]> {
    return (await runScript(this.redis, 'ixMembersOf', [this.keys.index('n')], [this.prefix, 'c', ...clientIds])) as string[][];
  }

  /** How many tokens each client or user holds: all, active and expired at `nowSeconds` (one command). */
  async tokenCounts(kind: 'client' | 'user', owners: readonly string[], nowSeconds: number): Promise<{ all: number; active: number; expired: number }[]> {
    const rows = (await runScript(
      this.redis,
      'ixCountsOf',
      [this.keys.index('n')],
      [this.prefix, kind === 'client' ? 'c' : 'u', nowSeconds, ...owners],
    )) as number[][];
    return rows.map(([all = 0, active = 0, expired = 0]) => ({ all, active, expired }));
  }

  /** The jtis indexed under each user (one command for all of them). */
  async userTokenIds(usernames: readonly string[]): Promise<string[][]> {
    return (await runScript(this.redis, 'ixMembersOf', [this.keys.index('n')], [this.prefix, 'u', ...usernames])) as string[][];
  }

  /**
   * Jtis whose recorded expiry is at or before `nowSeconds`, in batches: the candidates of a
   * purge (each still to be read from its primary key and judged there).
   */
  async *expiredTokenIds(nowSeconds: number): AsyncGenerator<string[]> {
    // Every user's sorted set (uid 0: tokens without a user), each read by score: a batch holds
    // whole users, so each gateway user index is touched once.
    const uids = ['0', ...(await this.redis.hkeys(this.keys.index('un')))];
    for (let i = 0; i < uids.length; i += USERS_PER_BATCH) {
      const jtis = (await runScript(
        this.redis,
        'ixExpiredOf',
        [this.keys.index('n')],
        [this.prefix, nowSeconds, ...uids.slice(i, i + USERS_PER_BATCH)],
      )) as string[];
      if (jtis.length > 0) yield jtis;
    }
  }

  /**
   * Refresh tokens whose key has no TTL and whose created_at + lifetime is at or before now (the
   * leftovers of semantics.md): the refresh candidates of a purge, as tokens.
   */
  async leftoverRefresh(nowSeconds: number, lifetimeSeconds: number): Promise<string[]> {
    const out: string[] = [];
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(this.keys.index('ro'), cursor, 'COUNT', 1000);
      cursor = next;
      for (let i = 1; i < flat.length; i += 2) {
        const value = flat[i] as string;
        const bar = value.indexOf('|');
        if (Number(value.slice(0, bar)) + lifetimeSeconds <= nowSeconds) out.push(value.slice(bar + 1));
      }
    } while (cursor !== '0');
    return out;
  }

  /** Gateway user indexes holding jtis whose token key is gone, with those jtis, in batches. */
  async *staleEntries(): AsyncGenerator<{ username: string; jtis: string[] }[]> {
    let cursor = '0';
    do {
      const [next, flat] = await this.redis.hscan(this.keys.index('uidx'), cursor, 'COUNT', 1000);
      cursor = next;
      const batch: { username: string; jtis: string[] }[] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const value = flat[i + 1] as string;
        const bar = value.indexOf('|');
        if (value.slice(0, bar) !== '0') batch.push({ username: flat[i] as string, jtis: JSON.parse(value.slice(bar + 1)) as string[] });
      }
      if (batch.length > 0) yield batch;
    } while (cursor !== '0');
  }

  async userExists(username: string): Promise<boolean> {
    return (await this.redis.hexists(this.keys.index('ui'), username)) === 1;
  }

  /** Whether each user is known to the index (one command for all of them). */
  async usersExist(usernames: readonly string[]): Promise<boolean[]> {
    if (usernames.length === 0) return [];
    return (await this.redis.hmget(this.keys.index('ui'), ...usernames)).map((id) => id !== null);
  }

  usernames(): Promise<string[]> {
    return this.redis.hkeys(this.keys.index('ui'));
  }

  async readStats(nowSeconds: number, refreshLifetime: number): Promise<Record<string, number>> {
    const flat = (await runScript(this.redis, 'ixReadStats', [this.keys.index('n')], [this.prefix, Math.floor(nowSeconds), refreshLifetime])) as (
      string | number
    )[];
    const out: Record<string, number> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = Number(flat[i + 1]);
    return out;
  }

  /** When the last complete reconcile finished (epoch ms), or null before the first one. */
  async readyAt(): Promise<number | null> {
    const value = await this.redis.get(this.keys.index('ready'));
    return value ? Number(value) : null;
  }

  async markReady(at: number): Promise<void> {
    await this.redis.set(this.keys.index('ready'), String(at));
  }

  /**
   * Said by the leader while the indexes are complete (its own reconcile finished, and nothing
   * broke the chain of notifications since) and it follows the changes; it lapses with the leader.
   */
  async markLive(leader: string, forMs: number): Promise<void> {
    await this.redis.set(this.keys.index('live'), leader, 'PX', forMs);
  }

  async clearLive(): Promise<void> {
    await this.redis.del(this.keys.index('live'));
  }

  /**
   * Said by a reconcile that runs outside the leader's follower (another process, or one not
   * following): its writes may race the follower's, so the indexes are incomplete until the
   * leader's own reconcile. The leader takes the mark at its next beat.
   */
  async markDirty(): Promise<void> {
    await this.redis.set(this.keys.index('dirty'), '1');
    await this.clearLive();
  }

  async takeDirty(): Promise<boolean> {
    return (await this.redis.getdel(this.keys.index('dirty'))) !== null;
  }

  /**
   * Whether some leader says the indexes are complete and followed. Readers still prove they are
   * current with a barrier (indexes/gate.ts) before they answer from them.
   */
  async isLive(): Promise<boolean> {
    return (await this.redis.exists(this.keys.index('live'))) === 1;
  }

  /** Bytes the index keys take (MEMORY USAGE of each), for the memory figure. */
  async memoryBytes(): Promise<{ keys: number; bytes: number }> {
    let keys = 0;
    let bytes = 0;
    for await (const batch of scanKeys(this.redis, prefixPattern(this.prefix))) {
      const pipeline = this.redis.pipeline();
      for (const key of batch) pipeline.memory('USAGE', key);
      for (const [, v] of (await pipeline.exec()) ?? []) {
        keys += 1;
        bytes += Number(v ?? 0);
      }
    }
    return { keys, bytes };
  }
}
