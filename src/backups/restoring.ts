/**
 * `restoreBackup`: MERGE (default) or two-step REPLACE, or a dry run of either, as the restore job
 * (jobs.ts). Refusals before the job starts are audited here; from its start on, the runner
 * records the outcome.
 */
import type { FileHandle } from 'node:fs/promises';
import type { Principal } from '../principal.js';
import type { Confirmations } from '../confirm.js';
import { AdminError, badInput } from '../errors.js';
import type { RedisClient } from '../redis/connection.js';
import type { JobDefinition, JobReport, JobRunner } from '../jobs/runner.js';
import type { BackupCatalog } from './catalog.js';
import { BackupKeyError } from './crypto.js';
import { checkBackupName } from './files.js';
import { type RestoreInput, type RestoreMode, deferred, restoreAudit, unusable } from './jobs.js';
import { type BackupSummary, readBackup } from './reader.js';
import { redisServerVersion, versionAtLeast } from './store-read.js';
import type { BackupInfo, RestoreArgs, RestoreOutcome } from './types.js';

/** How many older backups a refused `name: null` restore checks for one to suggest instead. */
const NEWEST_ALTERNATIVES = 3;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** One restore request, as resolved: which file, how, and whether it only plans. */
interface Request {
  who: Principal;
  args: RestoreArgs;
  name: string;
  mode: RestoreMode;
  /** A REPLACE without its confirmToken: a dry run that hands out the token. */
  plan: boolean;
  dryRun: boolean;
}

/** A started restore job: settles `ready` once the file is checked (and a safety backup written). */
interface StartedRestore {
  jobId: string;
  ready: Promise<void>;
  out: RestoreInput['out'];
}

type Params = Record<string, unknown>;

export class BackupRestorer {
  constructor(
    private readonly redis: RedisClient,
    private readonly jobs: JobRunner,
    private readonly confirmations: Confirmations,
    private readonly job: JobDefinition<RestoreInput, JobReport, void>,
    private readonly catalog: BackupCatalog,
    private readonly encryptionKey: string | undefined,
    /** How long `restore` waits for a started job to finish before returning it still running. */
    private readonly settleMs: number,
  ) {}

  /**
   * MERGE (default) or two-step REPLACE, or a dry run of either. Returns once the whole file is
   * checked (and for REPLACE the safety backup written), with the job; a refused file throws.
   */
  async restore(who: Principal, args: RestoreArgs): Promise<RestoreOutcome> {
    const mode: RestoreMode = args.mode ?? 'MERGE';
    const plan = mode === 'REPLACE' && !args.confirmToken && !args.dryRun;
    const dryRun = args.dryRun || plan;
    // From the job's start on (also when it cannot start), the runner records the outcome.
    const state = { jobStarted: false, resolved: null as string | null };
    try {
      if (args.name != null) checkBackupName(args.name);
      if (args.dryRun && args.confirmToken) throw badInput('confirmToken executes a planned REPLACE: call without dryRun to use it');
      const name = args.name ?? (await this.catalog.latest());
      state.resolved = name;
      return await this.restoreFile({ who, args, name, mode, plan, dryRun }, state);
    } catch (caught) {
      let error = caught;
      const { resolved } = state;
      if (args.name == null && resolved !== null && error instanceof AdminError && error.code === 'BAD_USER_INPUT')
        error = await this.newestRefused(resolved, error);
      if (!state.jobStarted) await this.jobs.refused(restoreAudit, { actor: who.name, dryRun, mode, name: args.name ?? resolved }, error);
      throw error;
    }
  }

  /** Opens and checks the file, then hands it to the restore job. */
  private async restoreFile(request: Request, state: { jobStarted: boolean }): Promise<RestoreOutcome> {
    const { who, args, name, mode, dryRun } = request;
    const handle = await this.catalog.dir.openForRead(name).catch((e: unknown) => unusable(name, e));
    let owned = true;
    try {
      const stats = await handle.stat();
      const backup = await this.catalog.describe(name, stats, handle);
      const head = await this.checkFile(handle, name, args);
      const params = { name, mode, size: stats.size, mtimeMs: stats.mtimeMs, ...(args.allowUnencrypted ? { allowUnencrypted: true } : {}) };
      if (mode === 'REPLACE' && args.confirmToken) await this.confirmations.consume(args.confirmToken, 'restoreBackup', params);
      owned = false;
      state.jobStarted = true;
      const run = await this.startRestore({ actor: who.name, dryRun, name, mode, handle, stats, head });
      return await this.outcome(request, run, params, backup);
    } finally {
      if (owned) await handle.close();
    }
  }

  /** The file's header, the key it needs, whether a clear file may be restored, and the server's version. */
  private async checkFile(handle: FileHandle, name: string, args: RestoreArgs): Promise<BackupSummary> {
    let head: BackupSummary;
    try {
      head = await readBackup(handle, { headerOnly: true });
      if (head.encrypted && !this.encryptionKey) throw new BackupKeyError('this backup is encrypted: set BACKUP_ENCRYPTION_KEY to the key it was made with');
    } catch (error) {
      return unusable(name, error);
    }
    if (this.encryptionKey && !head.encrypted && !args.allowUnencrypted) {
      // Nothing authenticates a clear file: with a key set, backups are expected encrypted, and
      // a clear one may have been put in BACKUP_DIR by anyone who can write there.
      throw badInput(
        `backup ${JSON.stringify(name)} is not encrypted, but BACKUP_ENCRYPTION_KEY is set: nothing proves who wrote it (anyone who can write BACKUP_DIR could have). Check where it comes from, then pass allowUnencrypted: true to restore it (the recipes: --allow-unencrypted)`,
      );
    }
    const version = await redisServerVersion(this.redis);
    if (!versionAtLeast(version, 6, 2)) throw new AdminError('UNAVAILABLE', `restores need Redis 6.2 or newer (SET ... PXAT); this server is ${version}`);
    return head;
  }

  /** Waits for the file to be checked, hands out a plan's token, and waits a little for the job to end. */
  private async outcome(request: Request, run: StartedRestore, params: Params, backup: BackupInfo): Promise<RestoreOutcome> {
    const { who, name, mode, plan, dryRun } = request;
    await run.ready.catch(async (error: unknown) => {
      await this.jobs.wait(run.jobId); // the job (and its lock) ends before the refusal is reported
      return unusable(name, error);
    });
    const confirmToken = plan ? await this.confirmations.issue('restoreBackup', params) : null;
    if (plan) await this.jobs.planned(restoreAudit, { actor: who.name, dryRun: true, mode, name }, run.jobId);
    const final = await Promise.race([this.jobs.wait(run.jobId), sleep(this.settleMs).then(() => null)]);
    const job = final ?? (await this.jobs.get(run.jobId));
    const safety = run.out.safetyName ? await this.catalog.get(run.out.safetyName) : null;
    return { executed: !dryRun, confirmToken, job, backup, safetyBackup: safety };
  }

  /**
   * `name: null` picked the newest backup and it was refused: the refusal, and which file to
   * pass instead (the newest that checks out, among the next few), so a corrupt newest file does
   * not leave the operator guessing.
   */
  private async newestRefused(newest: string, refusal: AdminError): Promise<AdminError> {
    let alternative: string | null = null;
    let looked = 0;
    for (const file of await this.catalog.dir.list().catch(() => [])) {
      if (file.name === newest) continue;
      if (++looked > NEWEST_ALTERNATIVES) break;
      if ((await this.catalog.verify(file.name).catch(() => 'unreadable')) === null) {
        alternative = file.name;
        break;
      }
    }
    const hint = alternative
      ? `pass name: ${JSON.stringify(alternative)} to restore the newest backup that checks out`
      : `no other of the ${NEWEST_ALTERNATIVES} newest backups checks out either: see backups { name parseError } and pass a name`;
    return new AdminError(
      'BAD_USER_INPUT',
      `the newest backup, ${JSON.stringify(newest)} (name: null picks it), cannot be restored: ${refusal.message}. ${hint}`,
    );
  }

  /** Starts the restore job (jobs.ts); it owns the file from here, also when it cannot start. */
  private async startRestore(input: Omit<RestoreInput, 'ready' | 'out'>): Promise<StartedRestore> {
    const ready = deferred<void>();
    const out: RestoreInput['out'] = { safetyName: null };
    try {
      const job = await this.jobs.start(this.job, { ...input, ready, out });
      return { jobId: job.id, ready: ready.promise, out };
    } catch (error) {
      await input.handle.close().catch(() => {});
      throw error;
    }
  }
}
