import { existMany, readPttls, readSets, readStrings, scanKeys } from '../redis/batch.js';
import { decodeAccessToken, decodeClient, decodeRefreshToken, isTestClientName } from '../redis/codecs.js';
import type { RedisClient } from '../redis/connection.js';
import { type ClientEntry, type FlowEntry, IndexStore, type RefreshEntry, type TokenEntry, type UserIndexEntry } from './store.js';
import type { Keys, RecordKind } from '../redis/keys.js';
import { fingerprint } from '../redis/fingerprint.js';
import type { JobContext } from '../jobs/runner.js';

/** A reconcile's progress, as its job shows it. */
export interface ReconcileProgress {
  phase: string;
  scanned: number;
  matched: number;
  deleted: number;
}

export interface ReconcileCounts {
  scanned: number;
  /** Index entries that were (or in a dry run would be) added, changed or removed. */
  changed: number;
}

/**
 * Keeps the derived indexes in step with the gateway's keys: syncs the index entries of changed
 * keys (the follower's batches) and rebuilds them from the primary keys (reconcile). Every sync
 * reads the primary key as it is now, so a change may be applied twice or late without harm.
 */
export class Indexer {
  readonly store: IndexStore;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
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
      const values = await readStrings(
        this.redis,
        ids.map((id) => this.keys.client(id)),
      );
      const entries: ClientEntry[] = ids.map((clientId, i) => {
        const raw = values[i];
        if (raw == null) return { clientId, present: false, flag: 'ok' };
        const d = decodeClient(raw);
        return { clientId, present: true, flag: d.record === null ? 'corrupt' : isTestClientName(d.record.clientName) ? 'test' : 'ok' };
      });
      return this.store.syncClients(entries, dryRun);
    }
    if (kind === 'state' || kind === 'code') {
      const ttls = await readPttls(
        this.redis,
        ids.map((id) => this.keys.record(kind, id)),
      );
      // Codes are secrets: the index names them by fingerprint.
      const entries: FlowEntry[] = ids.map((id, i) => ({
        id: kind === 'code' ? fingerprint(id) : id,
        present: (ttls[i] ?? -2) !== -2,
        leftover: ttls[i] === -1,
      }));
      return this.store.syncFlows(kind, entries, dryRun);
    }
    return this.store.syncUserIndexes(await this.userIndexEntries(ids), dryRun);
  }

  private async tokenEntries(jtis: string[]): Promise<TokenEntry[]> {
    const values = await readStrings(
      this.redis,
      jtis.map((jti) => this.keys.token(jti)),
    );
    return jtis.map((jti, i) => {
      const raw = values[i];
      if (raw == null) return { jti, present: false, exp: null, clientId: null, username: null, corrupt: false };
      const { record } = decodeAccessToken(raw);
      return {
        jti,
        present: true,
        exp: record?.expiresAt ?? null,
        clientId: record?.clientId ?? null,
        username: record?.username ?? null,
        corrupt: record === null,
      };
    });
  }

  private async refreshEntries(tokens: string[]): Promise<RefreshEntry[]> {
    const keys = tokens.map((t) => this.keys.refresh(t));
    const [values, ttls] = await Promise.all([readStrings(this.redis, keys), readPttls(this.redis, keys)]);
    return tokens.map((token, i) => {
      const raw = values[i];
      const fp = fingerprint(token);
      if (raw == null) return { fingerprint: fp, present: false, createdAt: null, username: null, corrupt: false, noTtl: null };
      const { record } = decodeRefreshToken(raw);
      // Only a key without a TTL can become a leftover (semantics.md): the index lists those.
      return {
        fingerprint: fp,
        present: true,
        createdAt: record?.createdAt ?? null,
        username: record?.username ?? null,
        corrupt: record === null,
        noTtl: ttls[i] === -1 ? token : null,
      };
    });
  }

  private async userIndexEntries(usernames: string[]): Promise<UserIndexEntry[]> {
    const members = await readSets(
      this.redis,
      usernames.map((u) => this.keys.userTokens(u)),
    );
    const jtis = members.flat();
    const exists = await existMany(
      this.redis,
      jtis.map((jti) => this.keys.token(jti)),
    );
    const missing = new Set(jtis.filter((_, i) => !exists[i]));
    return usernames.map((username, i) => {
      const set = members[i] ?? [];
      return { username, present: set.length > 0, stale: set.filter((jti) => missing.has(jti)) };
    });
  }

  /**
   * Applies a batch of changed keys (the follower's). A token change can make user-index entries
   * stale or live again: the indexes of the token's owner before (from the index) and after (from
   * the record) are synced too. Returns the user-index keys it synced besides `keys`.
   */
  async applyChanges(keys: string[]): Promise<string[]> {
    const tokenJtis = keys.map((k) => this.keys.idOf('token', k)).filter((j): j is string => j !== null);
    const users = new Set<string>();
    if (tokenJtis.length > 0) {
      for (const owner of await this.store.tokenOwners(tokenJtis)) if (owner) users.add(owner);
      const entries = await this.tokenEntries(tokenJtis);
      for (const e of entries) if (e.username) users.add(e.username);
      await this.store.syncTokens(entries);
    }
    await this.syncKeys(keys.filter((key) => this.keys.idOf('token', key) === null));
    if (users.size > 0) await this.syncIds('user_tokens', [...users], false);
    return [...users].map((u) => this.keys.userTokens(u));
  }

  /**
   * Rebuilds the indexes from the primary keys: syncs every key under the prefix, then removes
   * the entries whose key is gone. An entry synced while the reconcile runs is never dropped (see
   * dropUnseen and dropVanished); a key the follower applied while the reconcile ran may still be
   * overwritten with what the reconcile read before, so the leader applies those keys once more
   * afterwards (IndexService.reconcile). In a dry run, counts what would change.
   */
  async reconcile(options: { dryRun: boolean; job?: JobContext<ReconcileProgress> }): Promise<ReconcileCounts> {
    const counts: ReconcileCounts = { scanned: 0, changed: 0 };
    const progress = async (phase: string) => {
      await options.job?.progress({ phase, scanned: counts.scanned, matched: counts.changed, deleted: options.dryRun ? 0 : counts.changed });
      await options.job?.checkpoint();
    };
    // Entries synced from here on carry this generation; older ones the scan did not see are gone.
    const generation = options.dryRun ? null : await this.store.nextGeneration();
    const seen = options.dryRun ? { refresh: new Set<string>(), state: new Set<string>(), code: new Set<string>() } : null;
    const kinds: RecordKind[] = ['client', 'token', 'refresh', 'state', 'code', 'user_tokens'];
    for (const kind of kinds) {
      for await (const batch of scanKeys(this.redis, this.keys.pattern(kind))) {
        counts.scanned += batch.length;
        const ids = batch.map((key) => this.keys.idOf(kind, key) as string);
        if (seen && (kind === 'refresh' || kind === 'state' || kind === 'code')) for (const id of ids) seen[kind].add(kind === 'state' ? id : fingerprint(id));
        counts.changed += await this.syncIds(kind, ids, options.dryRun);
        await progress(`${kind} keys`);
      }
    }
    counts.changed += await this.dropVanished('token', options.dryRun);
    counts.changed += await this.dropVanished('client', options.dryRun);
    counts.changed += await this.dropVanished('user_tokens', options.dryRun);
    counts.changed += await this.dropUnseen(generation, seen);
    await progress('done');
    return counts;
  }

  /** Which primary keys of these ids exist now. */
  private async existing(kind: 'token' | 'client' | 'user_tokens', ids: string[]): Promise<boolean[]> {
    return existMany(
      this.redis,
      ids.map((id) => this.keys.record(kind, id)),
    );
  }

  /**
   * Removes the entries of tokens, clients and user indexes whose primary key is gone. A key can
   * come back between the read and the removal (a restore, a user's first token after their last
   * one went), and the follower may have indexed it meanwhile: what was removed is read again and
   * synced from what it holds then.
   */
  private async dropVanished(kind: 'token' | 'client' | 'user_tokens', dryRun: boolean): Promise<number> {
    let changed = 0;
    for await (const ids of this.store.indexedIds(kind === 'user_tokens' ? 'user_index' : kind)) {
      const exists = await this.existing(kind, ids);
      const gone = ids.filter((_, i) => !exists[i]);
      if (gone.length === 0) continue;
      // A token gone from the gateway's user index makes its jti there stale: resync its owner's.
      const owners = kind === 'token' && !dryRun ? (await this.store.tokenOwners(gone)).filter((o): o is string => o !== null) : [];
      if (kind === 'token')
        changed += await this.store.syncTokens(
          gone.map((jti) => ({ jti, present: false, exp: null, clientId: null, username: null, corrupt: false })),
          dryRun,
        );
      else if (kind === 'client')
        changed += await this.store.syncClients(
          gone.map((clientId) => ({ clientId, present: false, flag: 'ok' })),
          dryRun,
        );
      else
        changed += await this.store.syncUserIndexes(
          gone.map((username) => ({ username, present: false, stale: [] })),
          dryRun,
        );
      if (dryRun) continue;
      if (owners.length > 0) await this.syncIds('user_tokens', [...new Set(owners)], false);
      const back = await this.existing(kind, gone);
      const returned = gone.filter((_, i) => back[i]);
      if (returned.length > 0) await this.syncIds(kind, returned, false);
    }
    return changed;
  }

  /**
   * Refresh tokens, states and codes (indexed by fingerprint: there is no key to read again)
   * that the scan did not see: those last synced before this reconcile's generation. The removal
   * checks the generation atomically, so an entry the follower synced meanwhile stays. A dry run
   * compares with the fingerprints the scan saw.
   */
  private async dropUnseen(generation: number | null, seen: Record<'refresh' | 'state' | 'code', Set<string>> | null): Promise<number> {
    let changed = 0;
    const dryRun = generation === null;
    for (const kind of ['refresh', 'state', 'code'] as const) {
      for await (const ids of this.store.indexedIds(kind)) {
        const candidates = seen ? ids.filter((id) => !seen[kind].has(id)) : ids;
        if (candidates.length === 0) continue;
        if (kind === 'refresh') {
          changed += await this.store.syncRefresh(
            candidates.map((fp) => ({ fingerprint: fp, present: false, createdAt: null, username: null, corrupt: false, noTtl: null })),
            dryRun,
            generation,
          );
        } else {
          changed += await this.store.syncFlows(
            kind,
            candidates.map((id) => ({ id, present: false, leftover: false })),
            dryRun,
            generation,
          );
        }
      }
    }
    return changed;
  }
}
