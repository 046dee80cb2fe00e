import { cardinalities, readPttls, readStrings, removeMembers, unlinkMany } from '../redis/batch.js';
import { decodeAccessToken } from '../redis/codecs.js';
import type { RedisClient } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import type { RecordRepository, Repositories, StoredRecord } from '../redis/repositories.js';
import { type DeletionCounts, zeroCounts } from './jobs.js';
import type { StoredClient, StoredCode, StoredRefreshToken, StoredState, StoredToken } from './store-view.js';

/**
 * What a sweep removes: a predicate per record kind (absent: that kind is left alone) and what
 * happens to user indexes. Every deletion of the service (one client's cascade, test cleanup,
 * delete-all, revoke by user, purge) is a sweep, so a dry run walks exactly the path the real
 * run takes and reports the same counts.
 */
export interface SweepPlan {
  clients?: (c: StoredClient) => boolean;
  tokens?: (t: StoredToken) => boolean;
  refreshTokens?: (r: StoredRefreshToken) => boolean;
  /** `ttlMs` null: the key has no TTL. */
  codes?: (c: StoredCode, ttlMs: number | null) => boolean;
  states?: (s: StoredState, ttlMs: number | null) => boolean;
  /** Purge: afterwards remove index entries whose token no longer exists. */
  staleIndexEntries?: boolean;
  /** Delete every user-index key whole. */
  allIndexes?: boolean;
  /** Delete these users' index keys whole. */
  indexesOf?: string[];
}

export interface SweepHooks {
  dryRun: boolean;
  /** Called after every batch with the running totals. */
  progress?: (p: { phase: string; scanned: number; matched: number; deleted: number }, counts: DeletionCounts) => Promise<void>;
  /** A safe point between batches (cancellation). */
  checkpoint?: () => Promise<void>;
}

export interface SweepResult {
  counts: DeletionCounts;
  /** A few ids of what matched, per kind (secret-keyed kinds excluded), for previews. */
  samples: { clients: string[]; accessTokens: string[]; usernames: string[] };
}

const SAMPLE_SIZE = 10;

export class Sweeper {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly repos: Repositories,
  ) {}

  async run(plan: SweepPlan, hooks: SweepHooks): Promise<SweepResult> {
    const counts = zeroCounts();
    const samples: SweepResult['samples'] = { clients: [], accessTokens: [], usernames: [] };
    const totals = { scanned: 0, matched: 0, deleted: 0 };
    const report = async (phase: string) => {
      await hooks.progress?.({ phase, ...totals }, counts);
      await hooks.checkpoint?.();
    };
    const wholeIndexes = new Set(plan.indexesOf ?? []);
    /** Dry run: per index key, entries the token phase would remove and the set's size. */
    const indexHits = new Map<string, { present: number; before: number }>();

    const sweepKind = async <T>(
      phase: string,
      repo: RecordRepository<T>,
      decide: ((r: StoredRecord<T>, ttlMs: number | null) => boolean) | undefined,
      field: keyof DeletionCounts,
      withTtl: boolean,
      after?: (matched: StoredRecord<T>[]) => Promise<void>,
    ) => {
      if (!decide) return;
      for await (const batch of repo.scan()) {
        totals.scanned += batch.length;
        const ttls = withTtl ? await readPttls(this.redis, batch.map((r) => r.key)) : [];
        const matched = batch.filter((r, i) => decide(r, ttls.length ? ((ttls[i] as number) >= 0 ? (ttls[i] as number) : null) : null));
        totals.matched += matched.length;
        if (matched.length > 0) {
          const removed = hooks.dryRun ? matched.length : await unlinkMany(this.redis, matched.map((r) => r.key));
          counts[field] += removed;
          if (!hooks.dryRun) totals.deleted += removed;
          await after?.(matched);
        }
        await report(phase);
      }
    };

    await sweepKind('clients', this.repos.clients, plan.clients, 'clients', false, async (matched) => {
      samples.clients.push(...matched.slice(0, SAMPLE_SIZE - samples.clients.length).map((c) => c.id));
    });

    await sweepKind('access tokens', this.repos.tokens, plan.tokens, 'accessTokens', false, async (matched) => {
      samples.accessTokens.push(...matched.slice(0, SAMPLE_SIZE - samples.accessTokens.length).map((t) => t.id));
      const removals = new Map<string, string[]>();
      for (const t of matched) {
        const username = t.record?.username;
        if (username == null) continue;
        if (!samples.usernames.includes(username) && samples.usernames.length < SAMPLE_SIZE) samples.usernames.push(username);
        if (plan.allIndexes || wholeIndexes.has(username)) continue;
        const key = this.keys.userTokens(username);
        const list = removals.get(key);
        if (list) list.push(t.id);
        else removals.set(key, [t.id]);
      }
      const results = await removeMembers(this.redis, removals, hooks.dryRun);
      for (const [key, r] of results) {
        counts.userIndexEntries += r.present;
        if (hooks.dryRun) {
          const prev = indexHits.get(key);
          indexHits.set(key, { present: (prev?.present ?? 0) + r.present, before: r.before });
        } else if (r.before > 0 && r.after === 0) counts.userIndexes += 1;
      }
    });

    await sweepKind('refresh tokens', this.repos.refreshTokens, plan.refreshTokens, 'refreshTokens', false);
    await sweepKind('authorization codes', this.repos.codes, plan.codes, 'authCodes', true);
    await sweepKind('pending authorizations', this.repos.states, plan.states, 'authStates', true);

    if (plan.staleIndexEntries) {
      await this.sweepStaleEntries(plan, hooks, counts, indexHits, totals, report);
    } else if (hooks.dryRun) {
      for (const hit of indexHits.values()) if (hit.before > 0 && hit.present === hit.before) counts.userIndexes += 1;
    }

    if (plan.allIndexes || wholeIndexes.size > 0) {
      const usernames = plan.allIndexes ? await this.repos.userIndexes.usernames() : [...wholeIndexes];
      const keys = usernames.map((u) => this.keys.userTokens(u));
      const sizes = await cardinalities(this.redis, keys);
      const existing = keys.filter((_, i) => (sizes[i] ?? 0) > 0);
      counts.userIndexEntries += sizes.reduce((a, b) => a + b, 0);
      counts.userIndexes += hooks.dryRun ? existing.length : await unlinkMany(this.redis, existing);
      totals.matched += existing.length;
      if (!hooks.dryRun) totals.deleted += existing.length;
      await report('user indexes');
    }
    return { counts, samples };
  }

  /**
   * Entries whose token key is gone. In a dry run the tokens the plan would delete still exist,
   * so they count as gone too, except those the token phase already counted in their own index.
   */
  private async sweepStaleEntries(
    plan: SweepPlan,
    hooks: SweepHooks,
    counts: DeletionCounts,
    indexHits: Map<string, { present: number; before: number }>,
    totals: { scanned: number; matched: number; deleted: number },
    report: (phase: string) => Promise<void>,
  ): Promise<void> {
    for await (const batch of this.repos.userIndexes.scan()) {
      totals.scanned += batch.length;
      const removals = new Map<string, string[]>();
      // One batched read for every jti of every index in this batch.
      const allValues = await readStrings(this.redis, batch.flatMap((index) => index.jtis.map((jti) => this.keys.token(jti))));
      let offset = 0;
      for (const index of batch) {
        const values = allValues.slice(offset, offset + index.jtis.length);
        offset += index.jtis.length;
        const stale = index.jtis.filter((jti, i) => {
          const raw = values[i];
          if (raw === null || raw === undefined) return true;
          if (!hooks.dryRun || !plan.tokens) return false;
          const decoded = decodeAccessToken(raw);
          const token = { id: jti, key: this.keys.token(jti), raw, record: decoded.record, parseError: decoded.parseError };
          return plan.tokens(token) && decoded.record?.username !== index.username;
        });
        if (hooks.dryRun) {
          const already = indexHits.get(index.key)?.present ?? 0;
          counts.userIndexEntries += stale.length;
          if (index.jtis.length > 0 && already + stale.length === index.jtis.length) counts.userIndexes += 1;
          totals.matched += stale.length;
        } else if (stale.length > 0) {
          removals.set(index.key, stale);
        }
      }
      if (!hooks.dryRun) {
        for (const r of (await removeMembers(this.redis, removals, false)).values()) {
          counts.userIndexEntries += r.present;
          totals.matched += r.present;
          totals.deleted += r.present;
          if (r.before > 0 && r.after === 0) counts.userIndexes += 1;
        }
      }
      await report('user indexes');
    }
  }
}
