/**
 * The two maintenance sweeps as job kinds (semantics.md "Deleting"): purge of what expired, and
 * removal of every test client. One maintenance job at a time (the `maintenance` lock, shared
 * with restores); each is a sweep whose progress and counts go straight to the job.
 */
import { isTestClientName } from '../redis/codecs.js';
import type { RedisClient } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import type { Repositories } from '../redis/repositories.js';
import type { IndexReader } from '../indexes/gate.js';
import type { DeletionCounts, JobAudit, JobDefinition, JobInput, JobKind } from '../jobs/runner.js';
import { type Lifetimes, accessTokenStatus, isLeftoverRefresh } from '../clients-tokens/status.js';
import { type SweepPlan, type SweepResult, type SweepSource, type Sweeper, clientDataPlan, purgeCandidates } from '../clients-tokens/sweep.js';

/** A sweep's progress as its job shows it. */
export interface SweepProgress {
  phase: string;
  scanned: number;
  matched: number;
  deleted: number;
  counts: DeletionCounts;
}

/** A purge's input: `now` is the store's clock, judging what has expired. */
export interface PurgeInput extends JobInput {
  now: number;
}

export interface MaintenanceDeps {
  redis: RedisClient;
  keys: Keys;
  repos: Repositories;
  lifetimes: Lifetimes;
  sweeper: Sweeper;
  /** The derived indexes: a purge takes its candidates from them when they are complete and current. */
  index: IndexReader | null;
}

/** Audited under `action`, with the counts removed (so far, when it did not succeed). */
function sweepAudit(action: string): JobAudit<JobInput, SweepResult> {
  return {
    action: () => action,
    describe: (_input, { outcome, result, record }) => ({ counts: outcome === 'REFUSED' ? null : (result?.counts ?? record?.counts ?? null) }),
    notStarted: 'REFUSED',
  };
}

/** A sweep as a job of this kind: the plan and where to look, decided when the job starts. */
function sweepJob<I extends JobInput>(
  kind: JobKind,
  action: string,
  sweeper: Sweeper,
  plan: (input: I) => Promise<SweepPlan>,
  source: (input: I) => Promise<SweepSource | undefined> = async () => undefined,
): JobDefinition<I, SweepProgress, SweepResult> {
  return {
    kind,
    lock: 'maintenance',
    audit: sweepAudit(action),
    show: (result) => ({ counts: result.counts }),
    work: async (input, ctx) =>
      sweeper.run(
        await plan(input),
        { dryRun: input.dryRun, progress: (p, counts) => ctx.progress({ ...p, counts }), checkpoint: () => ctx.checkpoint() },
        await source(input),
      ),
  };
}

/**
 * semantics.md "purge expired". Every key expired (or left over) when the job starts is gone
 * when it succeeds: the candidates come from the indexes only when a barrier proves them complete
 * and current, else from a pass over every key; each is judged from its primary key, and a key
 * judged by its missing TTL is removed only if it still has none (never a refresh token the
 * gateway would honour).
 */
export function purgeExpiredJob(deps: MaintenanceDeps): JobDefinition<PurgeInput, SweepProgress, SweepResult> {
  const { lifetimes, index } = deps;
  return sweepJob<PurgeInput>(
    'PURGE_EXPIRED',
    'purgeExpired',
    deps.sweeper,
    async ({ now }) => ({
      tokens: (t) => accessTokenStatus(t.record, now) === 'EXPIRED',
      refreshTokens: (r, ttl) => isLeftoverRefresh(r.record, ttl, lifetimes, now),
      codes: (c, ttl) => c.record !== null && ttl === null,
      states: (s, ttl) => s.record !== null && ttl === null,
      onlyWithoutTtl: true,
      staleIndexEntries: true,
    }),
    async ({ now }) => (index && (await index.fresh()) ? purgeCandidates(index.store, deps.redis, deps.keys, now, lifetimes.refreshTokenSeconds) : undefined),
  );
}

/** Every test client (`TEST ` names), completely. */
export function cleanupTestClientsJob(deps: MaintenanceDeps): JobDefinition<JobInput, SweepProgress, SweepResult> {
  return sweepJob<JobInput>('CLEANUP_TEST_CLIENTS', 'cleanupTestClients', deps.sweeper, async () => {
    const ids = new Set<string>();
    for await (const batch of deps.repos.clients.scan()) for (const c of batch) if (isTestClientName(c.record?.clientName ?? null)) ids.add(c.id);
    return { clients: (c) => ids.has(c.id), ...clientDataPlan(ids) };
  });
}
