import type { Principal } from '../principal.js';
import { AdminError } from '../errors.js';
import { removeMembers, unlinkMany } from '../redis/batch.js';
import type { RedisClient } from '../redis/connection.js';
import type { IndexReader } from '../indexes/gate.js';
import type { Keys } from '../redis/keys.js';
import type { Repositories } from '../redis/repositories.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Confirmations } from '../confirm.js';
import { type DeletionCounts, type JobDefinition, type JobInput, type JobRunner, type JobState, addCounts, zeroCounts } from '../jobs/runner.js';
import { type PurgeInput, type SweepProgress, cleanupTestClientsJob, purgeExpiredJob } from '../purge/jobs.js';
import type { Lifetimes } from './status.js';
import { type SweepPlan, type SweepResult, Sweeper, clientDataPlan } from './sweep.js';

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

const total = (c: DeletionCounts) => Object.values(c).reduce((sum, n) => sum + n, 0);

/**
 * Deleting, purging and test cleanup, with semantics.md's "Deleting" table as the rules. Every
 * operation is a sweep plan; bulk ones are two-step or dry-runnable, and every executed one is
 * audited (purge and cleanup are jobs: purge/jobs.ts, audited by the job runner).
 */
export class DeletionService {
  private readonly sweeper: Sweeper;
  private readonly purgeJob: JobDefinition<PurgeInput, SweepProgress, SweepResult>;
  private readonly cleanupJob: JobDefinition<JobInput, SweepProgress, SweepResult>;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly repos: Repositories,
    lifetimes: Lifetimes,
    private readonly now: () => number,
    private readonly confirmations: Confirmations,
    private readonly audit: AuditLog,
    private readonly jobs: JobRunner,
    /** The derived indexes: a purge takes its candidates from them when they are complete and current. */
    index: IndexReader | null = null,
  ) {
    this.sweeper = new Sweeper(redis, keys, repos);
    const deps = { redis, keys, repos, lifetimes, sweeper: this.sweeper, index };
    this.purgeJob = purgeExpiredJob(deps);
    this.cleanupJob = cleanupTestClientsJob(deps);
  }

  /**
   * Deletes a client key; with `cascade`, its data too. A cascade for a client id that is no longer
   * registered still removes what is left under that id (orphans: the tokens, refresh tokens,
   * codes and states a plain delete left behind); `counts.clients` is then 0. NOT_FOUND only when
   * there is nothing at all.
   */
  async deleteClient(who: Principal, clientId: string, cascade: boolean): Promise<DeleteResult> {
    return this.audit.around({ action: cascade ? 'deleteClient(cascade)' : 'deleteClient', actor: who.name, target: clientId, dryRun: false }, async () => {
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
    return this.audit.around({ action: 'deleteToken', actor: who.name, target: jti, dryRun: false }, async () => {
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
  private async twoStep(
    who: Principal,
    operation: string,
    params: Record<string, unknown>,
    confirmToken: string | null | undefined,
    plan: () => Promise<SweepPlan>,
  ): Promise<DeleteResult> {
    return this.audit.around({ action: operation, actor: who.name, target: null, dryRun: !confirmToken }, async () => {
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
    return this.audit.around({ action: 'deleteUserTokens', actor: who.name, target: username, dryRun }, async () => {
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

  /** semantics.md "purge expired", as a job (purge/jobs.ts). */
  purgeExpired(who: Principal, dryRun: boolean): Promise<JobState> {
    return this.jobs.start(this.purgeJob, { actor: who.name, dryRun, now: this.now() });
  }

  /** Every test client (`TEST ` names), completely, as a job (purge/jobs.ts). */
  cleanupTestClients(who: Principal, dryRun: boolean): Promise<JobState> {
    return this.jobs.start(this.cleanupJob, { actor: who.name, dryRun });
  }
}
