import type { Principal } from '../context.js';
import { AdminError } from '../errors.js';
import { removeMembers, unlinkMany } from '../redis/batch.js';
import { isTestClientName } from '../redis/codecs.js';
import type { RedisClient } from '../redis/connection.js';
import type { IndexReader } from './index-gate.js';
import type { Keys } from '../redis/keys.js';
import type { Repositories } from '../redis/repositories.js';
import type { AuditLog } from './audit.js';
import type { Confirmations } from './confirm.js';
import { type DeletionCounts, JobCancelled, type JobRunner, type JobState, addCounts, describeJobError, zeroCounts } from './jobs.js';
import { type Lifetimes, accessTokenStatus, isLeftoverRefresh } from './status.js';
import { type SweepPlan, type SweepSource, Sweeper, purgeCandidates } from './sweep.js';

export interface DeleteResult {
  executed: boolean;
  confirmToken: string | null;
  counts: DeletionCounts;
}

export interface CascadePreview {
  clientId: string;
  counts: DeletionCounts;
  sampleTokenJtis: string[];
  sampleUsernames: string[];
}

/** Everything that belongs to a set of clients: what a cascade removes besides the client keys. */
function clientDataPlan(clientIds: ReadonlySet<string>): SweepPlan {
  const owned = (r: { record: { clientId: string | null } | null }) => r.record?.clientId != null && clientIds.has(r.record.clientId);
  return { tokens: owned, refreshTokens: owned, codes: owned, states: owned };
}

const total = (c: DeletionCounts) => Object.values(c).reduce((sum, n) => sum + n, 0);

/**
 * Deleting, purging and test cleanup, with semantics.md's "Deleting" table as the rules. Every
 * operation is a sweep plan; bulk ones are two-step or dry-runnable, and every executed one is
 * audited.
 */
export class DeletionService {
  private readonly sweeper: Sweeper;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly repos: Repositories,
    private readonly lifetimes: Lifetimes,
    private readonly now: () => number,
    private readonly confirmations: Confirmations,
    private readonly audit: AuditLog,
    private readonly jobs: JobRunner,
    /** The derived indexes: a purge takes its candidates from them when they are complete and current. */
    private readonly index: IndexReader | null = null,
  ) {
    this.sweeper = new Sweeper(redis, keys, repos);
  }

  /** Runs a mutation body and writes its audit entry, whatever the outcome. */
  private async audited<T extends { counts?: DeletionCounts | null; executed?: boolean }>(
    who: Principal,
    action: string,
    target: string | null,
    dryRun: boolean,
    body: () => Promise<T>,
  ): Promise<T> {
    let result: T;
    try {
      result = await body();
    } catch (error) {
      const refused = error instanceof AdminError;
      await this.audit
        .record({ action, actor: who.name, target, dryRun, outcome: refused ? 'REFUSED' : 'FAILED', error: describeJobError(error) });
      throw error;
    }
    // The deletion happened: a failed audit write (Redis full, say) must not report it as failed;
    // `record` then writes the entry to the error log instead (it never throws).
    await this.audit
      .record({ action, actor: who.name, target, dryRun, outcome: result.executed === false ? 'PLANNED' : 'SUCCEEDED', counts: result.counts ?? null });
    return result;
  }

  /**
   * Deletes a client key; with `cascade`, its data too. A cascade for a client id that is no longer
   * registered still removes what is left under that id (orphans: the tokens, refresh tokens,
   * codes and states a plain delete left behind); `counts.clients` is then 0. NOT_FOUND only when
   * there is nothing at all.
   */
  async deleteClient(who: Principal, clientId: string, cascade: boolean): Promise<DeleteResult> {
    return this.audited(who, cascade ? 'deleteClient(cascade)' : 'deleteClient', clientId, false, async () => {
      const counts = zeroCounts();
      counts.clients = await unlinkMany(this.redis, [this.keys.client(clientId)]);
      if (cascade) addCounts(counts, (await this.sweeper.run(clientDataPlan(new Set([clientId])), { dryRun: false })).counts);
      if (total(counts) === 0) {
        throw new AdminError('NOT_FOUND', `client ${JSON.stringify(clientId)} does not exist${cascade ? ' and nothing is stored under its id' : ''}`);
      }
      return { executed: true, confirmToken: null, counts };
    });
  }

  /** What `deleteClient(cascade: true)` would remove (orphans of an unregistered id too), without removing anything. */
  async previewClientCascade(clientId: string): Promise<CascadePreview | null> {
    const registered = (await this.repos.clients.get(clientId)) !== null;
    const { counts, samples } = await this.sweeper.run(clientDataPlan(new Set([clientId])), { dryRun: true });
    counts.clients = registered ? 1 : 0;
    if (total(counts) === 0) return null;
    return { clientId, counts, sampleTokenJtis: samples.accessTokens, sampleUsernames: samples.usernames };
  }

  async deleteToken(who: Principal, jti: string): Promise<DeleteResult> {
    return this.audited(who, 'deleteToken', jti, false, async () => {
      const token = await this.repos.tokens.get(jti);
      const counts = zeroCounts();
      counts.accessTokens = await unlinkMany(this.redis, [this.keys.token(jti)]);
      if (counts.accessTokens === 0) throw new AdminError('NOT_FOUND', `token ${JSON.stringify(jti)} does not exist`);
      const username = token?.record?.username;
      if (username != null) {
        const [removal] = (await removeMembers(this.redis, new Map([[this.keys.userTokens(username), [jti]]]), false)).values();
        counts.userIndexEntries = removal?.present ?? 0;
        if (removal && removal.before > 0 && removal.after === 0) counts.userIndexes = 1;
      }
      return { executed: true, confirmToken: null, counts };
    });
  }

  /** Two-step: without a token, the plan and a token; with it, the deletion. */
  private async twoStep(who: Principal, operation: string, params: Record<string, unknown>, confirmToken: string | null | undefined, plan: () => Promise<SweepPlan>): Promise<DeleteResult> {
    return this.audited(who, operation, null, !confirmToken, async () => {
      if (!confirmToken) {
        const { counts } = await this.sweeper.run(await plan(), { dryRun: true });
        return { executed: false, confirmToken: await this.confirmations.issue(operation, params), counts };
      }
      await this.confirmations.consume(confirmToken, operation, params);
      const { counts } = await this.sweeper.run(await plan(), { dryRun: false });
      return { executed: true, confirmToken: null, counts };
    });
  }

  deleteAllClients(who: Principal, cascade: boolean, confirmToken?: string | null): Promise<DeleteResult> {
    return this.twoStep(who, 'deleteAllClients', { cascade }, confirmToken, async () => {
      if (!cascade) return { clients: () => true };
      // The clients as they are now: a client registered after the plan is left alone.
      const ids = new Set(await this.repos.clients.ids());
      return { clients: (c) => ids.has(c.id), ...clientDataPlan(ids) };
    });
  }

  deleteAllTokens(who: Principal, confirmToken?: string | null): Promise<DeleteResult> {
    return this.twoStep(who, 'deleteAllTokens', {}, confirmToken, async () => ({ tokens: () => true, refreshTokens: () => true, allIndexes: true }));
  }

  /** Log a user out everywhere: access tokens, refresh tokens, unredeemed codes and the index key. */
  async deleteUserTokens(who: Principal, username: string, dryRun: boolean): Promise<DeleteResult> {
    return this.audited(who, 'deleteUserTokens', username, dryRun, async () => {
      const [index] = await this.repos.userIndexes.getMany([username]);
      const indexed = new Set(index?.jtis ?? []);
      const mine = (r: { record: { username: string | null } | null }) => r.record?.username === username;
      const plan: SweepPlan = {
        tokens: (t) => mine(t) || indexed.has(t.id),
        refreshTokens: mine,
        codes: mine,
        indexesOf: [username],
      };
      const { counts } = await this.sweeper.run(plan, { dryRun });
      const total = counts.accessTokens + counts.refreshTokens + counts.authCodes + counts.userIndexes;
      if (total === 0 && !index) throw new AdminError('NOT_FOUND', `user ${JSON.stringify(username)} has no tokens, refresh tokens, codes or index`);
      return { executed: !dryRun, confirmToken: null, counts };
    });
  }

  /**
   * semantics.md "purge expired", as a job (one maintenance job at a time). Every key expired (or
   * left over) when the job starts is gone when it succeeds: the candidates come from the indexes
   * only when a barrier proves them complete and current, else from a pass over every key; each is
   * judged from its primary key, and a key judged by its missing TTL is removed only if it still
   * has none (never a refresh token the gateway would honour).
   */
  purgeExpired(who: Principal, dryRun: boolean): Promise<JobState> {
    const now = this.now();
    const plan: SweepPlan = {
      tokens: (t) => accessTokenStatus(t.record, now) === 'EXPIRED',
      refreshTokens: (r, ttl) => isLeftoverRefresh(r.record, ttl, this.lifetimes, now),
      codes: (c, ttl) => c.record !== null && ttl === null,
      states: (s, ttl) => s.record !== null && ttl === null,
      onlyWithoutTtl: true,
      staleIndexEntries: true,
    };
    const source = async () =>
      this.index && (await this.index.fresh()) ? purgeCandidates(this.index.store, this.redis, this.keys, now, this.lifetimes.refreshTokenSeconds) : undefined;
    return this.maintenanceJob(who, 'PURGE_EXPIRED', 'purgeExpired', dryRun, async () => plan, source);
  }

  /** Every test client (`TEST ` names), completely. */
  cleanupTestClients(who: Principal, dryRun: boolean): Promise<JobState> {
    return this.maintenanceJob(who, 'CLEANUP_TEST_CLIENTS', 'cleanupTestClients', dryRun, async () => {
      const ids = new Set<string>();
      for await (const batch of this.repos.clients.scan()) for (const c of batch) if (isTestClientName(c.record?.clientName ?? null)) ids.add(c.id);
      return { clients: (c) => ids.has(c.id), ...clientDataPlan(ids) };
    });
  }

  private async maintenanceJob(
    who: Principal,
    kind: 'PURGE_EXPIRED' | 'CLEANUP_TEST_CLIENTS',
    action: string,
    dryRun: boolean,
    plan: () => Promise<SweepPlan>,
    source: () => Promise<SweepSource | undefined> = async () => undefined,
  ): Promise<JobState> {
    try {
      return await this.jobs.start({ kind, dryRun, actor: who.name, exclusive: 'maintenance' }, async (ctx) => {
        try {
          const result = await this.sweeper.run(
            await plan(),
            {
              dryRun,
              progress: (p, counts) => {
                Object.assign(ctx.state.counts, counts);
                return ctx.progress(p);
              },
              checkpoint: () => ctx.checkpoint(),
            },
            await source(),
          );
          Object.assign(ctx.state.counts, result.counts);
          await this.audit.record({ action, actor: who.name, dryRun, outcome: 'SUCCEEDED', counts: result.counts, jobId: ctx.id });
        } catch (error) {
          const cancelled = error instanceof JobCancelled;
          await this.audit
            .record({ action, actor: who.name, dryRun, outcome: cancelled ? 'CANCELLED' : 'FAILED', counts: ctx.state.counts, jobId: ctx.id, error: cancelled ? null : describeJobError(error) });
          throw error;
        }
      });
    } catch (error) {
      await this.audit.record({ action, actor: who.name, dryRun, outcome: 'REFUSED', error: describeJobError(error) });
      throw error;
    }
  }
}
