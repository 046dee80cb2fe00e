import DataLoader from 'dataloader';
import type { IndexReader } from '../indexes/gate.js';
import {
  type IdSource,
  IndexTokenSource,
  type ListPage,
  type ListPosition,
  type ListingSnapshots,
  SnapshotSource,
  collectSorted,
  readPage,
  type SortedIds,
} from './listing.js';
import { jtiOfOrder, tokenOrder } from '../indexes/store.js';
import type { Repositories, UserIndex } from '../redis/repositories.js';
import { fingerprint } from '../redis/fingerprint.js';
import { type Lifetimes, type TokenStatus, accessTokenStatus, outlivesLifetime, refreshTokenStatus } from './status.js';

import {
  type ClientQuery,
  type StoredClient,
  type StoredCode,
  type StoredRefreshToken,
  type StoredState,
  type StoredToken,
  type TokenQuery,
  byFingerprint,
  byId,
  clientMatches,
  drain,
  groupBy,
  ownedBy,
  uniqueSorted,
} from './queries.js';

/**
 * A request's view of the store for listings and relations. Each kind is read at most once per
 * request (SCAN + MGET in batches) and every relation is answered from that one read, so a nested
 * query costs the same number of Redis commands however many parents it has.
 */
export class StoreView {
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(
    private readonly repos: Repositories,
    private readonly lifetimes: Lifetimes,
    readonly now: () => number,
    private readonly readTtls: (keys: readonly string[]) => Promise<number[]>,
    /** The derived indexes; used only while they are complete and current (IndexGate), else the view scans. */
    private readonly indexes: IndexReader | null = null,
    /** The process's listing snapshots (listing.ts); none: every page takes its own. */
    private readonly snapshots: ListingSnapshots | null = null,
  ) {}

  private indexReady(): Promise<boolean> {
    return this.once('indexReady', async () => (this.indexes ? this.indexes.fresh() : false));
  }

  /**
   * Tokens of many clients (or users) from the indexes: one command for every owner's jtis, one
   * batched read of the records. The index only says where to look: each record is read from its
   * primary key and kept only if it still belongs to the owner.
   */
  private ownedTokens(kind: 'client' | 'user'): DataLoader<string, StoredToken[]> {
    return new DataLoader<string, StoredToken[]>(async (owners) => {
      const store = (this.indexes as IndexReader).store;
      const idLists = kind === 'client' ? await store.clientTokenIds(owners) : await store.userTokenIds(owners);
      const all = [...new Set(idLists.flat())];
      const records = new Map((await this.repos.tokens.getMany(all)).filter((t): t is StoredToken => t !== null).map((t) => [t.id, t]));
      return owners.map((owner, i) =>
        uniqueSorted(
          (idLists[i] ?? [])
            .map((jti) => records.get(jti))
            .filter((t): t is StoredToken => t !== undefined && (kind === 'client' ? t.record?.clientId : t.record?.username) === owner),
        ),
      );
    });
  }

  private tokenCountLoader(kind: 'client' | 'user'): DataLoader<string, { all: number; active: number; expired: number }> {
    return new DataLoader((owners) => (this.indexes as IndexReader).store.tokenCounts(kind, owners, this.now() / 1000));
  }

  /**
   * How many access tokens one client or user holds (with `status`, of that status): from the
   * indexes' sorted sets when they are current (batched across the request, no record read),
   * else by listing them.
   */
  async countTokens(query: TokenQuery): Promise<number> {
    const owner =
      query.clientId != null
        ? ({ kind: 'client', name: query.clientId } as const)
        : query.username != null
          ? ({ kind: 'user', name: query.username } as const)
          : null;
    if (owner === null || !(await this.indexReady())) return (await this.listTokens(query)).length;
    const loader = owner.kind === 'client' ? (this.clientCounts ??= this.tokenCountLoader('client')) : (this.userCounts ??= this.tokenCountLoader('user'));
    const counts = await loader.load(owner.name);
    return query.status === 'ACTIVE' ? counts.active : query.status === 'EXPIRED' ? counts.expired : counts.all;
  }

  private clientCounts?: DataLoader<string, { all: number; active: number; expired: number }>;
  private userCounts?: DataLoader<string, { all: number; active: number; expired: number }>;

  // The loaders are made on first use: most requests (a token by jti) need none of them.
  private byClientLoader?: DataLoader<string, StoredToken[]>;
  private byUserLoader?: DataLoader<string, StoredToken[]>;
  private ttlLoader?: DataLoader<string, number | null>;
  private userIndexLoader?: DataLoader<string, UserIndex | null>;
  private tokenExistsLoader?: DataLoader<string, boolean>;

  /** A key's remaining lifetime in ms (null without expiry), batched across the request. */
  /** Records by id, read now (null where a key is gone): the relations' and loaders' reads. */
  clientsById(ids: readonly string[]): Promise<(StoredClient | null)[]> {
    return this.repos.clients.getMany(ids);
  }
  client(clientId: string): Promise<StoredClient | null> {
    return this.repos.clients.get(clientId);
  }
  tokensById(jtis: readonly string[]): Promise<(StoredToken | null)[]> {
    return this.repos.tokens.getMany(jtis);
  }
  token(jti: string): Promise<StoredToken | null> {
    return this.repos.tokens.get(jti);
  }

  keyTtl(key: string): Promise<number | null> {
    this.ttlLoader ??= new DataLoader<string, number | null>(async (keys) => (await this.readTtls(keys)).map((ms) => (ms >= 0 ? ms : null)));
    return this.ttlLoader.load(key);
  }

  private once<T>(name: string, load: () => Promise<T>): Promise<T> {
    let p = this.memo.get(name) as Promise<T> | undefined;
    if (!p) {
      p = load();
      this.memo.set(name, p);
    }
    return p;
  }

  clients(): Promise<StoredClient[]> {
    return this.once('clients', async () => uniqueSorted(await drain(this.repos.clients.scan())));
  }
  tokens(): Promise<StoredToken[]> {
    return this.once('tokens', async () => uniqueSorted(await drain(this.repos.tokens.scan())));
  }
  refreshTokens(): Promise<StoredRefreshToken[]> {
    return this.once('refresh', async () => uniqueSorted(await drain(this.repos.refreshTokens.scan()), byFingerprint));
  }
  states(): Promise<StoredState[]> {
    return this.once('states', async () => uniqueSorted(await drain(this.repos.states.scan())));
  }
  codes(): Promise<StoredCode[]> {
    return this.once('codes', async () => uniqueSorted(await drain(this.repos.codes.scan()), byFingerprint));
  }
  userIndexes(): Promise<UserIndex[]> {
    return this.once('userIndexes', async () => {
      const all = await drain(this.repos.userIndexes.scan());
      const seen = new Map(all.map((u) => [u.username, u]));
      return [...seen.values()].sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0));
    });
  }

  tokenStatus(token: StoredToken): TokenStatus | null {
    return accessTokenStatus(token.record, this.now());
  }
  /** EXPIRED only for a leftover (no TTL, past its lifetime): a key with a TTL is honoured by the gateway. */
  async refreshStatus(token: StoredRefreshToken): Promise<TokenStatus | null> {
    const status = refreshTokenStatus(token.record, await this.keyTtl(token.key), this.lifetimes, this.now());
    return status === null ? null : status === 'LEFTOVER' ? 'EXPIRED' : 'ACTIVE';
  }
  /** A live key past created_at + lifetime: the gateway still accepts it. */
  async refreshOutlives(token: StoredRefreshToken): Promise<boolean> {
    return outlivesLifetime(token.record, await this.keyTtl(token.key), this.lifetimes, this.now());
  }

  async listClients(query: ClientQuery = {}): Promise<StoredClient[]> {
    return (await this.clients()).filter(clientMatches(query));
  }

  async listTokens(query: TokenQuery = {}): Promise<StoredToken[]> {
    return (await this.tokenBase(query)).filter(this.tokenMatches(query));
  }

  async listRefreshTokens(query: TokenQuery = {}): Promise<StoredRefreshToken[]> {
    const all = (await this.refreshTokens()).filter(ownedBy(query));
    if (query.status == null) return all;
    const statuses = await Promise.all(all.map((t) => this.refreshStatus(t)));
    return all.filter((_, i) => statuses[i] === query.status);
  }

  async listStates(query: { clientId?: string | null } = {}): Promise<StoredState[]> {
    return (await this.states()).filter(ownedBy(query));
  }

  async listCodes(query: { clientId?: string | null; username?: string | null } = {}): Promise<StoredCode[]> {
    return (await this.codes()).filter(ownedBy(query));
  }

  private tokenMatches(query: TokenQuery): (t: StoredToken) => boolean {
    return (t) => (query.status == null || this.tokenStatus(t) === query.status) && ownedBy(query)(t);
  }

  // ---------------------------------------------------------------- listings page by page

  /**
   * One forward page of a whole-store listing (listing.ts): from the indexes where they page
   * (access tokens) and are current, else from this listing's snapshot (taken by the first page,
   * or again when this process no longer has it). Only the page's records are read.
   */
  private async pageOf<T>(
    kind: string,
    position: ListPosition | null,
    first: number,
    scan: () => Promise<SortedIds>,
    load: (ids: string[]) => Promise<(T | null)[]>,
    accept: (node: T) => boolean | Promise<boolean>,
    fromIndex: (() => IdSource) | null = null,
  ): Promise<ListPage<T>> {
    if (fromIndex && (await this.indexReady())) return { ...(await readPage(fromIndex(), position?.order ?? null, first, load, accept)), snapshot: null };
    const kept = position?.snapshot ? this.snapshots?.get(position.snapshot, kind) : null;
    if (kept) return { ...(await readPage(kept, position?.order ?? null, first, load, accept)), snapshot: position?.snapshot ?? null };
    const sorted = await scan();
    const snapshot = this.snapshots?.put(kind, sorted) ?? null;
    const page = await readPage(new SnapshotSource(sorted), position?.order ?? null, first, load, accept);
    if (!page.hasNextPage && snapshot !== null) this.snapshots?.drop(snapshot);
    return { ...page, snapshot: page.hasNextPage ? snapshot : null };
  }

  pageTokens(query: TokenQuery, position: ListPosition | null, first: number): Promise<ListPage<StoredToken>> {
    return this.pageOf(
      'token',
      position,
      first,
      () => collectSorted(this.repos.tokens.idBatches(), tokenOrder, jtiOfOrder),
      (ids) => this.repos.tokens.getMany(ids),
      this.tokenMatches(query),
      () => new IndexTokenSource((this.indexes as IndexReader).store),
    );
  }

  pageClients(query: ClientQuery, position: ListPosition | null, first: number): Promise<ListPage<StoredClient>> {
    // The registered ids: from the indexes when they are current (one hash), else one SCAN.
    const ids = async () => ((await this.indexReady()) ? [await (this.indexes as IndexReader).store.registeredClientIds()] : this.repos.clients.idBatches());
    return this.pageOf(
      'client',
      position,
      first,
      async () => collectSorted(await ids(), byId, byId),
      (ids) => this.repos.clients.getMany(ids),
      clientMatches(query),
    );
  }

  pageRefreshTokens(query: TokenQuery, position: ListPosition | null, first: number): Promise<ListPage<StoredRefreshToken>> {
    return this.pageOf(
      'refresh',
      position,
      first,
      () => collectSorted(this.repos.refreshTokens.idBatches(), fingerprint, null),
      (ids) => this.repos.refreshTokens.getMany(ids),
      async (t) => ownedBy(query)(t) && (query.status == null || (await this.refreshStatus(t)) === query.status),
    );
  }

  pageStates(query: { clientId?: string | null }, position: ListPosition | null, first: number): Promise<ListPage<StoredState>> {
    return this.pageOf(
      'state',
      position,
      first,
      () => collectSorted(this.repos.states.idBatches(), fingerprint, null),
      (ids) => this.repos.states.getMany(ids),
      ownedBy(query),
    );
  }

  pageCodes(query: { clientId?: string | null; username?: string | null }, position: ListPosition | null, first: number): Promise<ListPage<StoredCode>> {
    return this.pageOf(
      'code',
      position,
      first,
      () => collectSorted(this.repos.codes.idBatches(), fingerprint, null),
      (ids) => this.repos.codes.getMany(ids),
      ownedBy(query),
    );
  }

  pageUsers(position: ListPosition | null, first: number): Promise<ListPage<{ username: string }>> {
    return this.pageOf(
      'user',
      position,
      first,
      async () => collectSorted([await this.usernames()], byId, byId),
      // A user exists while anything mentions it: with the indexes, checked per page; without,
      // as the snapshot found it (checking would scan the store again for every page).
      async (names) => {
        if (!(await this.indexReady())) return names.map((username) => ({ username }));
        const exists = await (this.indexes as IndexReader).store.usersExist(names);
        return names.map((username, i) => (exists[i] ? { username } : null));
      },
      () => true,
    );
  }

  private async tokenBase(query: TokenQuery): Promise<StoredToken[]> {
    if (query.clientId == null && query.username == null) return this.tokens();
    if (await this.indexReady()) {
      if (query.clientId != null) return (this.byClientLoader ??= this.ownedTokens('client')).load(query.clientId);
      return (this.byUserLoader ??= this.ownedTokens('user')).load(query.username as string);
    }
    const grouped = await this.tokenGroups();
    return (query.clientId != null ? grouped.byClient.get(query.clientId) : grouped.byUser.get(query.username as string)) ?? [];
  }

  private tokenGroups(): Promise<{ byClient: Map<string, StoredToken[]>; byUser: Map<string, StoredToken[]> }> {
    return this.once('tokenGroups', async () => {
      const tokens = await this.tokens();
      return {
        byClient: groupBy(tokens, (t) => t.record?.clientId ?? null),
        byUser: groupBy(tokens, (t) => t.record?.username ?? null),
      };
    });
  }

  /**
   * Every username the gateway knows: from access tokens, refresh tokens and user-index keys
   * (semantics.md's `userCount`), sorted.
   */
  usernames(): Promise<string[]> {
    return this.once('usernames', async () => {
      if (await this.indexReady()) return (await (this.indexes as IndexReader).store.usernames()).sort();
      const [tokens, refresh, indexes] = await Promise.all([this.tokens(), this.refreshTokens(), this.userIndexes()]);
      const names = new Set<string>();
      for (const t of tokens) if (t.record?.username != null) names.add(t.record.username);
      for (const r of refresh) if (r.record?.username != null) names.add(r.record.username);
      for (const u of indexes) names.add(u.username);
      return [...names].sort();
    });
  }

  async userExists(username: string): Promise<boolean> {
    if (await this.indexReady()) return (this.indexes as IndexReader).store.userExists(username);
    return (await this.usernames()).includes(username);
  }

  /** Distinct client ids a user holds tokens or refresh tokens for, sorted. */
  async clientIdsOfUser(username: string): Promise<string[]> {
    const [tokens, refresh] = await Promise.all([this.listTokens({ username }), this.listRefreshTokens({ username })]);
    const ids = new Set<string>();
    for (const t of [...tokens, ...refresh]) if (t.record?.clientId != null) ids.add(t.record.clientId);
    return [...ids].sort();
  }

  /** Distinct usernames holding tokens or refresh tokens of a client, sorted. */
  async usernamesOfClient(clientId: string): Promise<string[]> {
    const [tokens, refresh] = await Promise.all([this.listTokens({ clientId }), this.listRefreshTokens({ clientId })]);
    const names = new Set<string>();
    for (const t of [...tokens, ...refresh]) if (t.record?.username != null) names.add(t.record.username);
    return [...names].sort();
  }

  /** One user's token index (batched across the request), null when the user has none. */
  userIndex(username: string): Promise<UserIndex | null> {
    this.userIndexLoader ??= new DataLoader<string, UserIndex | null>((usernames) => this.repos.userIndexes.getMany(usernames));
    return this.userIndexLoader.load(username);
  }

  /** Jtis in a user's index whose token key no longer exists: existence of that user's jtis only, batched. */
  async staleIndexEntries(username: string): Promise<string[]> {
    const index = await this.userIndex(username);
    if (!index) return [];
    this.tokenExistsLoader ??= new DataLoader<string, boolean>((jtis) => this.repos.tokens.exist(jtis));
    const exists = await this.tokenExistsLoader.loadMany(index.jtis);
    return index.jtis.filter((_, i) => exists[i] !== true).sort();
  }
}
