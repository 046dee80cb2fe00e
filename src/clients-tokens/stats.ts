import { BATCH_SIZE } from '../redis/batch.js';
import { isTestClientName } from '../redis/codecs.js';
import { ahead } from '../redis/ahead.js';
import type { IndexReader } from '../indexes/gate.js';
import type { Repositories } from '../redis/repositories.js';
import { type Lifetimes, accessTokenStatus, isLeftover, isLeftoverRefresh } from './status.js';

/** Ids per read: a few batches, so a window's reads are pipelined and memory stays bounded. */
const WINDOW = 4 * BATCH_SIZE;

async function* windowsOf(ids: Iterable<string>): AsyncGenerator<string[]> {
  let window: string[] = [];
  for (const id of ids) {
    if (window.push(id) < WINDOW) continue;
    yield window;
    window = [];
  }
  if (window.length > 0) yield window;
}

/** The records of these ids, a window at a time, the next read while this one is counted; keys gone by then left out. */
async function* found<T>(ids: Iterable<string>, read: (window: string[]) => Promise<(T | null)[]>): AsyncGenerator<T[]> {
  for await (const batch of ahead(windowsOf(ids), read, 1)) yield batch.filter((r): r is T => r !== null);
}

/** semantics.md "Statistics", plus the corrupt and leftover counts an operator also asks for. */
export interface OAuthStats {
  registrations: number;
  corruptRegistrations: number;
  testRegistrations: number;
  activeTokens: number;
  expiredTokens: number;
  corruptTokens: number;
  refreshTokens: number;
  expiredRefreshTokens: number;
  authStates: number;
  authCodes: number;
  leftoverStates: number;
  leftoverCodes: number;
  userIndexes: number;
  staleIndexEntries: number;
  userCount: number;
  usersWithActiveTokens: number;
  orphanTokens: number;
}

/** A scan's running figures and the usernames seen so far. */
interface Tally {
  s: OAuthStats;
  nowMs: number;
  users: Set<string>;
  activeUsers: Set<string>;
}

function emptyStats(): OAuthStats {
  return {
    registrations: 0,
    corruptRegistrations: 0,
    testRegistrations: 0,
    activeTokens: 0,
    expiredTokens: 0,
    corruptTokens: 0,
    refreshTokens: 0,
    expiredRefreshTokens: 0,
    authStates: 0,
    authCodes: 0,
    leftoverStates: 0,
    leftoverCodes: 0,
    userIndexes: 0,
    staleIndexEntries: 0,
    userCount: 0,
    usersWithActiveTokens: 0,
    orphanTokens: 0,
  };
}

/**
 * Computes the statistics from one pass over the keyspace, then the records read by id a window at a
 * time: memory holds ids and usernames, never all the records.
 */
export class StatsService {
  constructor(
    private readonly repos: Repositories,
    private readonly lifetimes: Lifetimes,
    private readonly now: () => number,
    private readonly indexes: IndexReader | null = null,
  ) {}

  async compute(): Promise<OAuthStats> {
    if (this.indexes && (await this.indexes.fresh())) {
      return (await this.indexes.store.readStats(this.now() / 1000, this.lifetimes.refreshTokenSeconds)) as unknown as OAuthStats;
    }
    return this.scan();
  }

  /**
   * The figures from the derived indexes' counters when they are ready now, or null: never a scan
   * (the metrics ask for them on every scrape).
   */
  async indexed(): Promise<OAuthStats | null> {
    if (!this.indexes || !(await this.indexes.fresh())) return null;
    return (await this.indexes.store.readStats(this.now() / 1000, this.lifetimes.refreshTokenSeconds)) as unknown as OAuthStats;
  }

  /** The same figures by reading every key (before the indexes exist, and to check them). */
  async scan(): Promise<OAuthStats> {
    const tally: Tally = { s: emptyStats(), nowMs: this.now(), users: new Set(), activeUsers: new Set() };
    // One pass over the keyspace finds every kind's ids; the records are then read by id.
    const ids = await this.repos.idsByKind(['client', 'token', 'refresh', 'state', 'code', 'user_tokens']);
    // Counted as read: a key deleted between the scan and the read is not counted.
    const clientIds = await this.countClients(tally, ids.client);
    await this.countTokens(tally, ids.token, clientIds);
    await this.countRefreshTokens(tally, ids.refresh);
    await this.countFlows(tally, ids.state, ids.code);
    await this.countUserIndexes(tally, ids.user_tokens, ids.token);
    tally.s.userCount = tally.users.size;
    tally.s.usersWithActiveTokens = tally.activeUsers.size;
    return tally.s;
  }

  private async countClients({ s }: Tally, ids: Set<string>): Promise<Set<string>> {
    const clientIds = new Set<string>();
    for await (const batch of found(ids, (w) => this.repos.clients.getMany(w))) {
      for (const c of batch) {
        clientIds.add(c.id);
        s.registrations += 1;
        if (c.parseError !== null) s.corruptRegistrations += 1;
        else if (isTestClientName(c.record?.clientName ?? null)) s.testRegistrations += 1;
      }
    }
    return clientIds;
  }

  private async countTokens({ s, nowMs, users, activeUsers }: Tally, ids: Set<string>, clientIds: Set<string>): Promise<void> {
    for await (const batch of found(ids, (w) => this.repos.tokens.getMany(w))) {
      for (const t of batch) {
        if (t.record === null) {
          s.corruptTokens += 1;
          continue;
        }
        const status = accessTokenStatus(t.record, nowMs);
        if (status === 'ACTIVE') s.activeTokens += 1;
        if (status === 'EXPIRED') s.expiredTokens += 1;
        const username = t.record.username;
        if (username !== null) {
          users.add(username);
          if (status === 'ACTIVE') activeUsers.add(username);
        }
        if (t.record.clientId === null || !clientIds.has(t.record.clientId)) s.orphanTokens += 1;
      }
    }
  }

  private async countRefreshTokens({ s, nowMs, users }: Tally, ids: Set<string>): Promise<void> {
    for await (const batch of found(ids, (w) => this.repos.refreshTokens.getMany(w))) {
      s.refreshTokens += batch.length;
      for (const r of batch) if (r.record?.username != null) users.add(r.record.username);
      // Leftovers: past their lifetime (judged without a TTL first) and, read now, without a TTL.
      const past = batch.filter((r) => isLeftoverRefresh(r.record, null, this.lifetimes, nowMs));
      const ttls = await this.repos.refreshTokens.ttls(past.map((r) => r.id));
      s.expiredRefreshTokens += past.filter((r, i) => isLeftoverRefresh(r.record, ttls[i] ?? null, this.lifetimes, nowMs)).length;
    }
  }

  /** CSRF states and codes: counted from the scan, leftovers (no TTL) read as TTLs. */
  private async countFlows({ s }: Tally, states: Set<string>, codes: Set<string>): Promise<void> {
    s.authStates = states.size;
    s.leftoverStates = (await this.repos.states.ttls([...states])).filter(isLeftover).length;
    s.authCodes = codes.size;
    s.leftoverCodes = (await this.repos.codes.ttls([...codes])).filter(isLeftover).length;
  }

  /**
   * A stale entry is a jti whose token key does not exist: the scan saw every one that does, so
   * no per-entry round trip is needed.
   */
  private async countUserIndexes({ s, users }: Tally, ids: Set<string>, tokenIds: Set<string>): Promise<void> {
    const seenIndexes = new Set<string>();
    for await (const batch of found(ids, (w) => this.repos.userIndexes.getMany(w))) {
      for (const u of batch) {
        seenIndexes.add(u.username);
        users.add(u.username);
        for (const jti of u.jtis) if (!tokenIds.has(jti)) s.staleIndexEntries += 1;
      }
    }
    s.userIndexes = seenIndexes.size;
  }
}
