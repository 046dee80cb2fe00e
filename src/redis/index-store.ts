import type { RedisClient } from './connection.js';
import { scanKeys } from './batch.js';
import type { Keys } from './keys.js';
import { type ScriptName, runScript } from './scripts.js';

/** Meta buckets per kind: each stays a small hash in Redis's compact encoding up to about 1.5M records. */
const BUCKETS = 16384;

function bucketOf(id: string): number {
  // FNV-1a: stable across processes and versions, cheap.
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
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
  clientId: string | null;
  username: string | null;
  corrupt: boolean;
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
  stale: number;
}

/** Index fields are joined with `|`: escape it (and `%`) in values taken from the store. */
const field = (value: string | number | null): string => (value === null ? '' : String(value).replace(/%/g, '%25').replace(/\|/g, '%7C'));

/**
 * The derived indexes' storage: token and refresh-token meta, tokens by client and by user,
 * expiry histograms and the counters behind `stats`. Everything sits under our admin hash tag,
 * so the scripts update several structures atomically, on a cluster too.
 */
export class IndexStore {
  readonly prefix: string;

  constructor(
    private readonly redis: RedisClient,
    keys: Keys,
  ) {
    // The layout's version is in the name: a new layout starts empty and is built by reconcile.
    this.prefix = `${keys.admin('ix2')}:`;
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

  /** Token meta value as the script stores it (used to compare in dry runs). */
  static tokenMeta(e: TokenEntry): string | null {
    return e.present ? [field(e.exp), field(e.clientId), field(e.username), e.corrupt ? '1' : '0'].join('|') : null;
  }
  static refreshMeta(e: RefreshEntry): string | null {
    return e.present ? [field(e.createdAt), field(e.clientId), field(e.username), e.corrupt ? '1' : '0'].join('|') : null;
  }

  private tokenBucket(jti: string): string {
    return `${this.prefix}t:${bucketOf(jti)}`;
  }
  private refreshBucket(fp: string): string {
    return `${this.prefix}r:${bucketOf(fp)}`;
  }

  syncTokens(entries: TokenEntry[]): Promise<number> {
    return this.run(
      'ixSyncToken',
      entries.map((e) => ({ key: this.tokenBucket(e.jti), args: [e.jti, e.present ? '1' : '0', field(e.exp), field(e.clientId), field(e.username), e.corrupt ? '1' : '0'] })),
    );
  }

  syncRefresh(entries: RefreshEntry[]): Promise<number> {
    return this.run(
      'ixSyncRefresh',
      entries.map((e) => ({ key: this.refreshBucket(e.fingerprint), args: [e.fingerprint, e.present ? '1' : '0', field(e.createdAt), field(e.clientId), field(e.username), e.corrupt ? '1' : '0'] })),
    );
  }

  syncClients(entries: ClientEntry[]): Promise<number> {
    return this.run('ixSyncClient', entries.map((e) => ({ key: `${this.prefix}clients`, args: [e.clientId, e.present ? '1' : '0', e.flag] })));
  }

  syncFlows(kind: 'state' | 'code', entries: FlowEntry[]): Promise<number> {
    const hash = `${this.prefix}${kind === 'state' ? 'st' : 'cd'}`;
    const counter = kind === 'state' ? 'leftoverStates' : 'leftoverCodes';
    return this.run('ixSyncFlow', entries.map((e) => ({ key: hash, args: [e.id, e.present ? '1' : '0', e.leftover ? '1' : '0', counter] })));
  }

  syncUserIndexes(entries: UserIndexEntry[]): Promise<number> {
    return this.run('ixSyncUserIndex', entries.map((e) => ({ key: `${this.prefix}uidx`, args: [e.username, e.present ? '1' : '0', String(e.stale)] })));
  }

  /** What the index holds now for these tokens (meta strings), for dry runs and reconcile. */
  async tokenMetas(jtis: string[]): Promise<(string | null)[]> {
    const pipeline = this.redis.pipeline();
    for (const jti of jtis) pipeline.hget(this.tokenBucket(jti), jti);
    return ((await pipeline.exec()) ?? []).map(([, v]) => (typeof v === 'string' ? v : null));
  }

  async refreshMetas(fingerprints: string[]): Promise<(string | null)[]> {
    const pipeline = this.redis.pipeline();
    for (const fp of fingerprints) pipeline.hget(this.refreshBucket(fp), fp);
    return ((await pipeline.exec()) ?? []).map(([, v]) => (typeof v === 'string' ? v : null));
  }

  /** Every id the index knows for a kind, in batches (to find entries whose primary key is gone). */
  async *indexedIds(kind: 'token' | 'refresh' | 'client' | 'state' | 'code' | 'user_index'): AsyncGenerator<string[]> {
    if (kind === 'token' || kind === 'refresh') {
      for (let b = 0; b < BUCKETS; b += 256) {
        const pipeline = this.redis.pipeline();
        for (let i = b; i < Math.min(BUCKETS, b + 256); i++) pipeline.hkeys(`${this.prefix}${kind === 'token' ? 't' : 'r'}:${i}`);
        const ids = ((await pipeline.exec()) ?? []).flatMap(([, v]) => (Array.isArray(v) ? (v as string[]) : []));
        if (ids.length > 0) yield ids;
      }
      return;
    }
    const hash = { client: 'clients', state: 'st', code: 'cd', user_index: 'uidx' }[kind];
    const ids = await this.redis.hkeys(`${this.prefix}${hash}`);
    for (let i = 0; i < ids.length; i += 1000) yield ids.slice(i, i + 1000);
  }

  async hashValues(kind: 'client' | 'state' | 'code' | 'user_index', ids: string[]): Promise<(string | null)[]> {
    if (ids.length === 0) return [];
    const hash = { client: 'clients', state: 'st', code: 'cd', user_index: 'uidx' }[kind];
    return this.redis.hmget(`${this.prefix}${hash}`, ...ids);
  }

  /** The jtis indexed under each client (one command for all of them). */
  async clientTokenIds(clientIds: readonly string[]): Promise<string[][]> {
    return (await runScript(this.redis, 'ixMembersOf', [`${this.prefix}n`], [this.prefix, 'c', ...clientIds])) as string[][];
  }

  /** The jtis indexed under each user (one command for all of them). */
  async userTokenIds(usernames: readonly string[]): Promise<string[][]> {
    return (await runScript(this.redis, 'ixMembersOf', [`${this.prefix}n`], [this.prefix, 'u', ...usernames])) as string[][];
  }

  async userExists(username: string): Promise<boolean> {
    return (await this.redis.hexists(`${this.prefix}users`, username)) === 1;
  }

  usernames(): Promise<string[]> {
    return this.redis.hkeys(`${this.prefix}users`);
  }

  async readStats(nowSeconds: number, refreshLifetime: number): Promise<Record<string, number>> {
    const flat = (await runScript(this.redis, 'ixReadStats', [`${this.prefix}n`], [this.prefix, Math.floor(nowSeconds), refreshLifetime])) as (string | number)[];
    const out: Record<string, number> = {};
    for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = Number(flat[i + 1]);
    return out;
  }

  /** When the last full reconcile finished (epoch ms), or null before the first one. */
  async readyAt(): Promise<number | null> {
    const value = await this.redis.get(`${this.prefix}ready`);
    return value ? Number(value) : null;
  }

  async markReady(at: number): Promise<void> {
    await this.redis.set(`${this.prefix}ready`, String(at));
  }

  /** Said by the process that follows the keyspace notifications, for as long as it does. */
  async markLive(forMs: number): Promise<void> {
    await this.redis.set(`${this.prefix}live`, '1', 'PX', forMs);
  }

  async clearLive(): Promise<void> {
    await this.redis.del(`${this.prefix}live`);
  }

  /**
   * Whether reads may use the indexes: built by a reconcile and kept current by a process that
   * follows the changes. Otherwise readers scan, which is slower but never stale.
   */
  async usable(): Promise<boolean> {
    const [ready, live] = await this.redis.mget(`${this.prefix}ready`, `${this.prefix}live`);
    return ready !== null && live !== null;
  }

  /** Bytes the index keys take (MEMORY USAGE of each), for the memory figure. */
  async memoryBytes(): Promise<{ keys: number; bytes: number }> {
    let keys = 0;
    let bytes = 0;
    for await (const batch of scanKeys(this.redis, `${this.prefix.replace(/[*?[\]\\]/g, (c) => `\\${c}`)}*`)) {
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
