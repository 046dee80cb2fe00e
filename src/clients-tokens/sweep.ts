import { cardinalities, existMany, readPttls, readSets, removeMembers, scanKeys, unlinkMany, unlinkPersistent } from '../redis/batch.js';
import type { RedisClient } from '../redis/connection.js';
import type { IndexStore } from '../indexes/store.js';
import type { Keys, RecordKind } from '../redis/keys.js';
import type { RecordRepository, Repositories, StoredRecord } from '../redis/repositories.js';
import { ahead } from '../redis/ahead.js';
import { type DeletionCounts, zeroCounts } from '../jobs/runner.js';
import type { StoredClient, StoredCode, StoredRefreshToken, StoredState, StoredToken } from './queries.js';

/**
 * What a sweep removes: a predicate per record kind (absent: that kind is left alone) and what
 * happens to user indexes. Every deletion of the service (one client's cascade, test cleanup,
 * delete-all, revoke by user, purge) is a sweep, so a dry run walks exactly the path the real
 * run takes and reports the same counts.
 */
export interface SweepPlan {
  clients?: (c: StoredClient) => boolean;
  tokens?: (t: StoredToken) => boolean;
  /** `ttlMs` null: the key has no TTL. */
  refreshTokens?: (r: StoredRefreshToken, ttlMs: number | null) => boolean;
  codes?: (c: StoredCode, ttlMs: number | null) => boolean;
  states?: (s: StoredState, ttlMs: number | null) => boolean;
  /**
   * Refresh tokens, codes and states were chosen for having no TTL: remove each only if it still
   * has none when the removal runs (a purge never removes a key the gateway would honour).
   */
  onlyWithoutTtl?: boolean;
  /** Purge: afterwards remove index entries whose token no longer exists. */
  staleIndexEntries?: boolean;
  /** Delete every user-index key whole. */
  allIndexes?: boolean;
  /** Delete these users' index keys whole. */
  indexesOf?: string[];
}

/** Everything that belongs to a set of clients: what a cascade removes besides the client keys. */
export function clientDataPlan(clientIds: ReadonlySet<string>): SweepPlan {
  const owned = (r: { record: { clientId: string | null } | null }) => r.record?.clientId != null && clientIds.has(r.record.clientId);
  return { tokens: owned, refreshTokens: owned, codes: owned, states: owned };
}

export interface SweepHooks {
  dryRun: boolean;
  /** Called after every batch with the running totals. */
  progress?: (p: { phase: string; scanned: number; matched: number; deleted: number }, counts: DeletionCounts) => Promise<void>;
  /** A safe point between batches (cancellation). */
  checkpoint?: () => Promise<void>;
}

/**
 * Where a sweep looks, when something better than a pass over every key knows: the derived
 * indexes name a purge's candidates. Each candidate is still read from its primary key and judged
 * by the plan there, so a source only narrows the search, it never decides.
 */
export interface SweepSource {
  /** Batches of primary keys to consider. */
  keys(): AsyncGenerator<string[]>;
  /** Users whose gateway index holds jtis whose token key is gone, with those jtis. */
  staleEntries(): AsyncGenerator<{ username: string; jtis: string[] }[]>;
}

/**
 * A purge's candidates from the indexes: tokens whose recorded expiry has passed; refresh tokens
 * without a TTL whose lifetime has passed (a key with a TTL is the gateway's until Redis drops
 * it); codes and states by scanning their own pattern, only when the index counts a
 * leftover one (codes are named by fingerprint in the index). Stale user-index entries are the
 * ones the indexer recorded; a jti that sits in another user's index than its token's owner (the
 * gateway never writes that) turns stale when the purge deletes the token, and the next purge
 * removes it once the indexer has seen it.
 */
export function purgeCandidates(index: IndexStore, redis: RedisClient, keys: Keys, nowMs: number, refreshLifetimeSeconds: number): SweepSource {
  return {
    async *keys() {
      for await (const jtis of index.expiredTokenIds(Math.ceil(nowMs / 1000))) yield jtis.map((jti) => keys.token(jti));
      const refresh = await index.leftoverRefresh(nowMs / 1000, refreshLifetimeSeconds);
      for (let i = 0; i < refresh.length; i += 1000) yield refresh.slice(i, i + 1000).map((token) => keys.refresh(token));
      const stats = await index.readStats(nowMs / 1000, refreshLifetimeSeconds);
      if ((stats.leftoverCodes ?? 0) > 0) yield* scanKeys(redis, keys.pattern('code'));
      if ((stats.leftoverStates ?? 0) > 0) yield* scanKeys(redis, keys.pattern('state'));
    },
    staleEntries: () => index.staleEntries(),
  };
}

export interface SweepResult {
  counts: DeletionCounts;
  /** A few ids of what matched (secret-keyed kinds excluded), for previews. */
  samples: { clients: string[]; accessTokens: string[]; usernames: string[] };
}

const SAMPLE_SIZE = 10;

type Decide<T> = ((r: StoredRecord<T>, ttlMs: number | null) => boolean) | undefined;

/** State of one sweep run. */
class Run {
  readonly counts = zeroCounts();
  readonly samples: SweepResult['samples'] = { clients: [], accessTokens: [], usernames: [] };
  readonly totals = { scanned: 0, matched: 0, deleted: 0 };
  /** Dry run: per index key, entries the token phase would remove and the set's size. */
  readonly indexHits = new Map<string, { present: number; before: number }>();
  /** Dry run with a stale pass: tokens the plan matched, with their usernames (they still exist). */
  readonly matchedTokens = new Map<string, string | null>();
  /** User-index keys seen in the pass, for the stale pass. */
  readonly userIndexes: string[] = [];
  /** User-index keys the stale pass looked at (dry run: their emptied count is settled there). */
  readonly visited = new Set<string>();

  constructor(readonly hooks: SweepHooks) {}

  async report(phase: string): Promise<void> {
    await this.hooks.progress?.({ phase, ...this.totals }, this.counts);
    await this.hooks.checkpoint?.();
  }
}

export class Sweeper {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly repos: Repositories,
  ) {}

  /**
   * One pass over every key under the prefix (or over what `source` names); each batch is split by
   * kind and decided in bulk.
   */
  async run(plan: SweepPlan, hooks: SweepHooks, source?: SweepSource): Promise<SweepResult> {
    const run = new Run(hooks);
    const wholeIndexes = new Set(plan.indexesOf ?? []);
    const wanted = new Set<RecordKind>();
    if (plan.clients) wanted.add('client');
    if (plan.tokens) wanted.add('token');
    if (plan.refreshTokens) wanted.add('refresh');
    if (plan.codes) wanted.add('code');
    if (plan.states) wanted.add('state');
    const collectIndexes = Boolean(plan.staleIndexEntries || plan.allIndexes);

    // The next batch is read while this one is decided.
    const batches = source ? source.keys() : scanKeys(this.redis, this.keys.allOAuthPattern());
    for await (const batch of ahead(batches, async (keys) => keys, 1)) {
      run.totals.scanned += batch.length;
      const byKind = new Map<RecordKind, string[]>();
      for (const key of batch) {
        const c = this.keys.classify(key);
        if (!c) continue;
        if (c.kind === 'user_tokens') {
          if (collectIndexes) run.userIndexes.push(c.id);
          continue;
        }
        if (!wanted.has(c.kind)) continue;
        const ids = byKind.get(c.kind);
        if (ids) ids.push(c.id);
        else byKind.set(c.kind, [c.id]);
      }
      await this.decide(run, byKind.get('client'), this.repos.clients, plan.clients, 'clients', false, (matched) => {
        run.samples.clients.push(...matched.slice(0, SAMPLE_SIZE - run.samples.clients.length).map((c) => c.id));
      });
      await this.decide(run, byKind.get('token'), this.repos.tokens, plan.tokens, 'accessTokens', false, (matched) =>
        this.tokensRemoved(
          run,
          plan,
          wholeIndexes,
          matched.map((t) => ({ id: t.id, username: t.record?.username ?? null })),
        ),
      );
      const persistent = plan.onlyWithoutTtl === true;
      await this.decide(run, byKind.get('refresh'), this.repos.refreshTokens, plan.refreshTokens, 'refreshTokens', true, undefined, persistent);
      await this.decide(run, byKind.get('code'), this.repos.codes, plan.codes as Decide<unknown>, 'authCodes', true, undefined, persistent);
      await this.decide(run, byKind.get('state'), this.repos.states, plan.states as Decide<unknown>, 'authStates', true, undefined, persistent);
      await run.report('keys');
    }

    if (plan.staleIndexEntries) {
      await this.sweepStaleEntries(run, source ? source.staleEntries() : this.everyIndex(run));
    }
    if (hooks.dryRun) {
      for (const [key, hit] of run.indexHits) if (!run.visited.has(key) && hit.before > 0 && hit.present === hit.before) run.counts.userIndexes += 1;
    }

    if (plan.allIndexes || wholeIndexes.size > 0) {
      const usernames = plan.allIndexes ? [...new Set(run.userIndexes)] : [...wholeIndexes];
      const keys = usernames.map((u) => this.keys.userTokens(u));
      const sizes = await cardinalities(this.redis, keys);
      const existing = keys.filter((_, i) => (sizes[i] ?? 0) > 0);
      run.counts.userIndexEntries += sizes.reduce((a, b) => a + b, 0);
      run.counts.userIndexes += hooks.dryRun ? existing.length : await unlinkMany(this.redis, existing);
      run.totals.matched += existing.length;
      if (!hooks.dryRun) run.totals.deleted += existing.length;
      await run.report('user indexes');
    }
    return { counts: run.counts, samples: run.samples };
  }

  /** Reads a kind's records of one batch, applies the predicate and removes (or counts) the matches. */
  private async decide<T>(
    run: Run,
    ids: string[] | undefined,
    repo: RecordRepository<T>,
    predicate: Decide<T>,
    field: keyof DeletionCounts,
    withTtl: boolean,
    after?: (matched: StoredRecord<T>[]) => Promise<void> | void,
    persistentOnly = false,
  ): Promise<void> {
    if (!predicate || !ids || ids.length === 0) return;
    const records = (await repo.getMany(ids)).filter((r): r is StoredRecord<T> => r !== null);
    const ttls = withTtl
      ? await readPttls(
          this.redis,
          records.map((r) => r.key),
        )
      : [];
    const matched = records.filter((r, i) => predicate(r, withTtl ? ((ttls[i] as number) >= 0 ? (ttls[i] as number) : null) : null));
    if (matched.length === 0) return;
    run.totals.matched += matched.length;
    const keys = matched.map((r) => r.key);
    const removed = run.hooks.dryRun ? matched.length : persistentOnly ? await unlinkPersistent(this.redis, keys) : await unlinkMany(this.redis, keys);
    run.counts[field] += removed;
    if (!run.hooks.dryRun) run.totals.deleted += removed;
    await after?.(matched);
  }

  /** Removes deleted tokens' jtis from their users' indexes (a dry run counts, and remembers them for the stale pass). */
  private async tokensRemoved(run: Run, plan: SweepPlan, wholeIndexes: Set<string>, matched: { id: string; username: string | null }[]): Promise<void> {
    run.samples.accessTokens.push(...matched.slice(0, SAMPLE_SIZE - run.samples.accessTokens.length).map((t) => t.id));
    const removals = new Map<string, string[]>();
    for (const t of matched) {
      const username = t.username;
      if (run.hooks.dryRun && plan.staleIndexEntries) run.matchedTokens.set(t.id, username);
      if (username === null) continue;
      if (!run.samples.usernames.includes(username) && run.samples.usernames.length < SAMPLE_SIZE) run.samples.usernames.push(username);
      if (plan.allIndexes || wholeIndexes.has(username)) continue;
      const key = this.keys.userTokens(username);
      const list = removals.get(key);
      if (list) list.push(t.id);
      else removals.set(key, [t.id]);
    }
    for (const [key, r] of await removeMembers(this.redis, removals, run.hooks.dryRun)) {
      run.counts.userIndexEntries += r.present;
      if (run.hooks.dryRun) {
        const prev = run.indexHits.get(key);
        run.indexHits.set(key, { present: (prev?.present ?? 0) + r.present, before: r.before });
      } else if (r.before > 0 && r.after === 0) run.counts.userIndexes += 1;
    }
  }

  /** Every user index the pass saw, each to be read whole. */
  private async *everyIndex(run: Run): AsyncGenerator<{ username: string; jtis: string[] | null }[]> {
    const usernames = [...new Set(run.userIndexes)];
    for (let i = 0; i < usernames.length; i += 1000) yield usernames.slice(i, i + 1000).map((username) => ({ username, jtis: null }));
  }

  /**
   * Entries whose token key is gone, among the given users' jtis (null: every member of their
   * index). In a dry run the tokens the plan would delete still exist, so they count as gone too,
   * except those the token pass already counted in their own index.
   */
  private async sweepStaleEntries(run: Run, users: AsyncIterable<{ username: string; jtis: string[] | null }[]>): Promise<void> {
    for await (const batch of users) {
      const keys = batch.map((u) => this.keys.userTokens(u.username));
      const whole = batch.map((u, n) => (u.jtis === null ? (keys[n] as string) : null));
      const read = await readSets(
        this.redis,
        whole.filter((k): k is string => k !== null),
      );
      const members = batch.map((u) => u.jtis ?? (read.shift() as string[]));
      // Set sizes, for "this index ends up empty" in a dry run.
      const sizes = run.hooks.dryRun ? await cardinalities(this.redis, keys) : [];
      const exists = await existMany(
        this.redis,
        members.flat().map((jti) => this.keys.token(jti)),
      );
      const removals = new Map<string, string[]>();
      let offset = 0;
      batch.forEach(({ username }, n) => {
        const key = keys[n] as string;
        const jtis = members[n] ?? [];
        const stale = jtis.filter((jti, j) => {
          if (!exists[offset + j]) return true;
          return run.hooks.dryRun && run.matchedTokens.has(jti) && run.matchedTokens.get(jti) !== username;
        });
        offset += jtis.length;
        if (run.hooks.dryRun) {
          run.visited.add(key);
          const already = run.indexHits.get(key)?.present ?? 0;
          const size = sizes[n] ?? 0;
          run.counts.userIndexEntries += stale.length;
          run.totals.matched += stale.length;
          if (size > 0 && already + stale.length === size) run.counts.userIndexes += 1;
        } else if (stale.length > 0) {
          removals.set(key, stale);
        }
      });
      if (!run.hooks.dryRun) {
        for (const r of (await removeMembers(this.redis, removals, false)).values()) {
          run.counts.userIndexEntries += r.present;
          run.totals.matched += r.present;
          run.totals.deleted += r.present;
          if (r.before > 0 && r.after === 0) run.counts.userIndexes += 1;
        }
      }
      await run.report('user indexes');
    }
  }
}
