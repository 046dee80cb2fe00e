/**
 * Backups and restores (semantics.md "Backups" and "Restoring"): the service the GraphQL schema
 * calls. Creating a backup and restoring one are jobs (progress, cancel, one restore at a time
 * with the other maintenance jobs); every executed mutation is audited; REPLACE is two-step and
 * writes a safety backup before it deletes anything.
 */
import type { Stats } from 'node:fs';
import { type FileHandle, stat } from 'node:fs/promises';
import type { Principal } from '../principal.js';
import { AdminError, badInput } from '../errors.js';
import { scanKeys, unlinkMany } from '../redis/batch.js';
import { decodeAccessToken, decodeClient, decodeRefreshToken, type AccessTokenRecord, type ClientRecord } from '../redis/codecs.js';
import { type RedisClient, sideConnection } from '../redis/connection.js';
import { type Keys, prefixPattern } from '../redis/keys.js';
import type { Confirmations } from '../confirm.js';
import { type CategoryCounts, type DeletionCounts, type JobDefinition, type JobReport, type JobRunner, type JobState, zeroCounts } from '../jobs/runner.js';
import { BackupKeyError } from './crypto.js';
import { BackupDir, BackupNotFound, checkBackupName } from './files.js';
import { CATEGORIES, type Category, type Manifest, timeFromName } from './format.js';
import { pyCompare } from './pyjson.js';
import { BackupFormatError, type BackupSummary, type ReadEntry, readBackup } from './reader.js';
import { RestoreBatcher, deadOnArrival, restoreKey } from './restore.js';
import { HashedKeySet } from './key-set.js';
import { Pacer, SharedWork } from './shared-work.js';
import type { Lifetimes } from '../clients-tokens/status.js';
import { type Logger, silentLogger } from '../logger.js';
import { categorize, categorizer, redisServerVersion, versionAtLeast, type WrittenBackup, writeBackup } from './writer.js';
import {
  type BackupJobDeps,
  type BackupProgress,
  type CreateBackupInput,
  type RestoreInput,
  type RestoreMode,
  createBackupJob,
  deferred,
  restoreAudit,
  restoreBackupJob,
  unusable,
} from './jobs.js';

export { CATEGORIES, type Category } from './format.js';
export { checkBackupName } from './files.js';
export type { RestoreMode } from './jobs.js';


export interface BackupInfo {
  name: string;
  sizeBytes: number;
  modifiedAt: number;
  /** The backup's own timestamp (epoch ms); from the name when the file cannot be read. */
  createdAt: number | null;
  format: 'oauth-admin' | 'gateway' | null;
  encrypted: boolean;
  /** Entries per category; null when the header cannot be read. */
  counts: Record<Category, number> | null;
  redisVersion: string | null;
  sha256: string | null;
  note: string | null;
  /** Why the file's header cannot be read; the full check is `verify`. */
  headerError: string | null;
  /**
   * Keys under the prefixes the backup left out because the format cannot hold their Redis type
   * (from our manifest); null for the gateway's files, which do not say.
   */
  unsupported: UnsupportedKeys | null;
}

export interface UnsupportedKeys {
  total: number;
  /** Per category; null in files written before it was recorded. */
  byCategory: Partial<Record<Category, number>> | null;
  /** The Redis types met (`zset`, `stream`, ...). */
  types: string[];
}

export interface RestoreArgs {
  name?: string | null;
  mode?: RestoreMode | null;
  dryRun: boolean;
  confirmToken?: string | null;
  /** With BACKUP_ENCRYPTION_KEY set, restore a file that is not encrypted anyway. */
  allowUnencrypted?: boolean;
}

export interface RestoreOutcome {
  executed: boolean;
  confirmToken: string | null;
  job: JobState | null;
  backup: BackupInfo;
  /** REPLACE: the backup of the data as it was, written before anything was deleted. */
  safetyBackup: BackupInfo | null;
}

export interface BackupRecord<T> {
  /** The name in its category (client id, jti, username). */
  id: string;
  raw: string | null;
  record: T | null;
  parseError: string | null;
  /** Absolute expiry of the key in the backup (epoch ms), null without TTL. */
  expiresAtMs: number | null;
}

export interface BackupPage<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface BackupUser {
  username: string;
  /** Access tokens in the backup naming this user. */
  tokens: number;
  /** Jtis in the user's token index in the backup. */
  indexedTokens: number;
  refreshTokens: number;
}

export type DiffStatus = 'ONLY_IN_BACKUP' | 'ONLY_IN_STORE' | 'DIFFERENT';

export interface DiffEntry {
  category: Category;
  /** The name in its category (for sessions and `other`: as in the file). */
  id: string;
  status: DiffStatus;
}

export interface DiffCategory {
  category: Category;
  onlyInBackup: number;
  onlyInStore: number;
  different: number;
  same: number;
  expiredInBackup: number;
}

export interface BackupDiff {
  categories: DiffCategory[];
  entries: DiffEntry[];
  /** True when there were more differing keys than `limit`. */
  truncated: boolean;
}

export interface BackupServiceOptions {
  dir: string;
  encryptionKey?: string | undefined;
  /** How long restoreBackup waits for a started job to finish before returning it still running. */
  settleMs?: number;
  /** Memory for sorting a backup before it spills to disk (bytes). */
  sortBudgetBytes?: number;
  /** REFRESH_TOKEN_LIFETIME and the clock, to skip what nothing should use (restore.ts deadOnArrival). */
  lifetimes?: Lifetimes;
  now?: () => number;
  /** Where the service says what it did on its own (leftovers removed, keys a backup could not hold). */
  logger?: Logger;
}

const DELETION_FIELD: Partial<Record<Category, keyof DeletionCounts>> = {
  registrations: 'clients',
  tokens: 'accessTokens',
  refresh_tokens: 'refreshTokens',
  codes: 'authCodes',
  states: 'authStates',
  user_tokens: 'userIndexes',
};

/** How many older backups a refused `name: null` restore checks for one to suggest instead. */
const NEWEST_ALTERNATIVES = 3;
/** The most keys a diff lists (its `limit` is at most this); every caller gets its own first `limit`. */
const MAX_DIFF_ENTRIES = 1000;
/** Keys per comparison script while a diff runs beside requests (a restore uses 1000). */
const DIFF_BATCH_KEYS = 200;


const signature = (s: Stats) => `${s.size}:${s.mtimeMs}:${s.ino}`;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

export class BackupService {
  readonly dir: BackupDir;
  private readonly encryptionKey: string | undefined;
  private readonly settleMs: number;
  private readonly createJob: JobDefinition<CreateBackupInput, BackupProgress, WrittenBackup>;
  private readonly restoreJob: JobDefinition<RestoreInput, JobReport, void>;
  private readonly headers = new Map<string, { sig: string; info: BackupInfo; summary: BackupSummary | null }>();
  private readonly verified = new Map<string, { sig: string; error: string | null }>();
  /**
   * The reads a caller can ask for at will (a viewer too), shared, bounded and cancellable
   * (shared-work.ts): comparing a backup with the store, one at a time; reading a whole file
   * (`parseError`, contents), two at a time.
   */
  readonly work = {
    diff: new SharedWork('comparisons of a backup with the store (Backup.diff)', 1, 4),
    files: new SharedWork('whole-file reads of backups (Backup.parseError, clients, tokens, users)', 2, 16),
  };

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly jobs: JobRunner,
    private readonly confirmations: Confirmations,
    private readonly options: BackupServiceOptions,
  ) {
    this.dir = new BackupDir(options.dir);
    this.encryptionKey = options.encryptionKey;
    this.settleMs = options.settleMs ?? 10_000;
    const deps: BackupJobDeps = {
      redis,
      keys,
      encryptionKey: this.encryptionKey,
      logger: this.logger,
      write: (note, progress, checkpoint) => this.write(note, progress, checkpoint),
      dead: () => this.dead(),
      countUnderPrefixes: () => this.countUnderPrefixes(),
      clearPrefixes: (checkpoint) => this.clearPrefixes(checkpoint),
    };
    this.createJob = createBackupJob(deps);
    this.restoreJob = restoreBackupJob(deps);
  }

  /** What a restore skips though its key would live, judged now. */
  private dead(): ReturnType<typeof deadOnArrival> | null {
    return this.options.lifetimes ? deadOnArrival(this.options.lifetimes, (this.options.now ?? Date.now)()) : null;
  }

  // ------------------------------------------------------------------ reading the directory

  /** Every backup file, newest first; unreadable ones are listed with `headerError`. */
  async list(): Promise<BackupInfo[]> {
    const files = await this.dir.list();
    const out: BackupInfo[] = [];
    for (const f of files) out.push(await this.describe(f.name, f.stats));
    return out;
  }

  /** One backup by name; null when there is no such file. Refuses unsafe names. */
  async get(name: string): Promise<BackupInfo | null> {
    checkBackupName(name);
    let handle: FileHandle;
    try {
      handle = await this.dir.openForRead(name);
    } catch (error) {
      if (error instanceof BackupNotFound) return null;
      throw error;
    }
    try {
      return await this.describe(name, await handle.stat(), handle);
    } finally {
      await handle.close();
    }
  }

  private async describe(name: string, stats: Stats, open?: FileHandle): Promise<BackupInfo> {
    const sig = signature(stats);
    const cached = this.headers.get(name);
    if (cached && cached.sig === sig) return cached.info;
    const info: BackupInfo = {
      name,
      sizeBytes: stats.size,
      modifiedAt: stats.mtimeMs,
      createdAt: timeFromName(name),
      format: null,
      encrypted: false,
      counts: null,
      redisVersion: null,
      sha256: null,
      note: null,
      headerError: null,
      unsupported: null,
    };
    let summary: BackupSummary | null = null;
    try {
      const handle = open ?? (await this.dir.openForRead(name));
      try {
        summary = await readBackup(handle, { headerOnly: true });
      } finally {
        if (!open) await handle.close();
      }
      info.format = summary.format;
      info.encrypted = summary.encrypted;
      info.counts = summary.counts;
      info.createdAt = summary.timestampMs ?? info.createdAt;
      info.redisVersion = summary.manifest?.redis_version ?? null;
      info.sha256 = summary.manifest?.sha256 ?? null;
      info.note = summary.manifest?.note ?? null;
      const manifest = summary.manifest;
      if (manifest) {
        const total = manifest.unsupported_keys ?? 0;
        info.unsupported = {
          total,
          byCategory: manifest.unsupported ? (manifest.unsupported as Partial<Record<Category, number>>) : total === 0 ? {} : null,
          types: manifest.unsupported_types ?? [],
        };
      }
    } catch (error) {
      if (error instanceof BackupNotFound) throw error;
      info.headerError = error instanceof BackupFormatError || error instanceof BackupKeyError ? error.message : `cannot read the file: ${(error as Error).message}`;
    }
    this.headers.set(name, { sig, info, summary });
    return info;
  }

  /**
   * Reads and checks the whole file (structure, every entry, checksums, encryption); null when it
   * is good, else why not. Cached until the file changes.
   */
  async verify(name: string, signal?: AbortSignal): Promise<string | null> {
    let sig: string | null = null;
    try {
      sig = signature(await stat(this.dir.pathOf(name)));
    } catch {
      // missing or unreadable: the read below says how
    }
    const cached = this.verified.get(name);
    if (cached && sig !== null && cached.sig === sig) return cached.error;
    return this.work.files.run(`verify\u0000${name}\u0000${sig}`, signal, (own) => this.verifyNow(name, own));
  }

  private async verifyNow(name: string, signal: AbortSignal): Promise<string | null> {
    let handle: FileHandle;
    try {
      handle = await this.dir.openForRead(name);
    } catch (error) {
      if (error instanceof BackupNotFound) return error.message;
      throw error;
    }
    try {
      const sig = signature(await handle.stat());
      const cached = this.verified.get(name);
      if (cached && cached.sig === sig) return cached.error;
      let error: string | null = null;
      try {
        const header = await readBackup(handle, { headerOnly: true });
        if (header.encrypted && !this.encryptionKey) {
          error = 'the backup is encrypted and BACKUP_ENCRYPTION_KEY is not set: this service cannot read or restore it';
        } else {
          await readBackup(handle, { encryptionKey: this.encryptionKey, fileTimeMs: header.timestampMs, pause: new Pacer(signal).pause });
        }
      } catch (e) {
        if (e instanceof BackupFormatError || e instanceof BackupKeyError) error = e.message;
        else if (e instanceof Error && /chunk \d+/.test(e.message)) error = e.message;
        else throw e;
      }
      this.verified.set(name, { sig, error });
      return error;
    } finally {
      await handle.close();
    }
  }

  /** The newest backup's name; NOT_FOUND when there is none. */
  async latest(): Promise<string> {
    const [newest] = await this.dir.list();
    if (!newest) throw new AdminError('NOT_FOUND', 'there is no backup in BACKUP_DIR yet: create one first');
    return newest.name;
  }

  // ------------------------------------------------------------------ creating

  /** Writes a backup as a job (progress, cancel) and waits for it; returns the new backup. */
  async create(who: Principal, note?: string): Promise<BackupInfo> {
    const job = await this.jobs.start(this.createJob, { actor: who.name, dryRun: false, note });
    const final = await this.jobs.wait(job.id);
    const name = final?.status === 'SUCCEEDED' ? final.backupName : null;
    if (name === null) {
      throw new AdminError('UNAVAILABLE', `the backup failed: ${final?.error ?? final?.status ?? 'unknown error'}`, { jobId: job.id });
    }
    const info = await this.get(name);
    if (!info) throw new AdminError('UNAVAILABLE', 'the backup was written but is gone from BACKUP_DIR');
    // We wrote and checked it: no need to read it all again for `parseError`.
    this.verified.set(info.name, { sig: signature(await stat(this.dir.pathOf(info.name))), error: null });
    return info;
  }

  private get logger(): Logger {
    return this.options.logger ?? silentLogger;
  }

  /**
   * Removes the files backups that never finished left in BACKUP_DIR (a killed process), once
   * stale; at start and before each backup. Never throws: a failure is logged.
   */
  async removeLeftovers(): Promise<number> {
    try {
      const removed = await this.dir.removeLeftovers();
      if (removed > 0) this.logger.warn('removed files left by an interrupted backup (a temporary file or scratch directory)', { dir: this.dir.path, removed });
      return removed;
    } catch (error) {
      this.logger.warn('could not look for files left by an interrupted backup', { dir: this.dir.path, err: error });
      return 0;
    }
  }

  private async write(note: string | undefined, progress?: (p: { phase: string; scanned: number }) => Promise<void>, checkpoint?: () => Promise<void>) {
    await this.removeLeftovers();
    return writeBackup({
      redis: this.redis,
      keys: this.keys,
      dir: this.dir,
      encryptionKey: this.encryptionKey,
      ...(note ? { note } : {}),
      ...(this.options.sortBudgetBytes ? { sortBudgetBytes: this.options.sortBudgetBytes } : {}),
      ...(progress ? { progress } : {}),
      ...(checkpoint ? { checkpoint } : {}),
    });
  }

  // ------------------------------------------------------------------ restoring

  /**
   * MERGE (default) or two-step REPLACE, or a dry run of either. Returns once the whole file is
   * checked (and for REPLACE the safety backup written), with the job; a refused file throws.
   */
  async restore(who: Principal, args: RestoreArgs): Promise<RestoreOutcome> {
    const mode: RestoreMode = args.mode ?? 'MERGE';
    const plan = mode === 'REPLACE' && !args.confirmToken && !args.dryRun;
    const dryRun = args.dryRun || plan;
    // From the job's start on (also when it cannot start), the runner records the outcome.
    let jobStarted = false;
    let resolved: string | null = null;
    try {
      if (args.name != null) checkBackupName(args.name);
      if (args.dryRun && args.confirmToken) throw badInput('confirmToken executes a planned REPLACE: call without dryRun to use it');
      const name = args.name ?? (await this.latest());
      resolved = name;
      const handle = await this.dir.openForRead(name).catch((e: unknown) => unusable(name, e));
      let owned = true;
      try {
        const stats = await handle.stat();
        const backup = await this.describe(name, stats, handle);
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
        const params = { name, mode, size: stats.size, mtimeMs: stats.mtimeMs, ...(args.allowUnencrypted ? { allowUnencrypted: true } : {}) };
        if (mode === 'REPLACE' && args.confirmToken) await this.confirmations.consume(args.confirmToken, 'restoreBackup', params);
        owned = false;
        jobStarted = true;
        const run = await this.startRestore({ actor: who.name, dryRun, name, mode, handle, stats, head });
        await run.ready.catch(async (error: unknown) => {
          await this.jobs.wait(run.jobId); // the job (and its lock) ends before the refusal is reported
          return unusable(name, error);
        });
        const confirmToken = plan ? await this.confirmations.issue('restoreBackup', params) : null;
        if (plan) await this.jobs.planned(restoreAudit, { actor: who.name, dryRun: true, mode, name }, run.jobId);
        const final = await Promise.race([this.jobs.wait(run.jobId), sleep(this.settleMs).then(() => null)]);
        const job = final ?? (await this.jobs.get(run.jobId));
        const safety = run.out.safetyName ? await this.get(run.out.safetyName) : null;
        return { executed: !dryRun, confirmToken, job, backup, safetyBackup: safety };
      } finally {
        if (owned) await handle.close();
      }
    } catch (caught) {
      let error = caught;
      if (args.name == null && resolved !== null && error instanceof AdminError && error.code === 'BAD_USER_INPUT') error = await this.newestRefused(resolved, error);
      if (!jobStarted) await this.jobs.refused(restoreAudit, { actor: who.name, dryRun, mode, name: args.name ?? resolved }, error);
      throw error;
    }
  }

  /**
   * `name: null` picked the newest backup and it was refused: the refusal, and which file to
   * pass instead (the newest that checks out, among the next few), so a corrupt newest file does
   * not leave the operator guessing.
   */
  private async newestRefused(newest: string, refusal: AdminError): Promise<AdminError> {
    let alternative: string | null = null;
    let looked = 0;
    for (const file of await this.dir.list().catch(() => [])) {
      if (file.name === newest) continue;
      if (++looked > NEWEST_ALTERNATIVES) break;
      if ((await this.verify(file.name).catch(() => 'unreadable')) === null) {
        alternative = file.name;
        break;
      }
    }
    const hint = alternative
      ? `pass name: ${JSON.stringify(alternative)} to restore the newest backup that checks out`
      : `no other of the ${NEWEST_ALTERNATIVES} newest backups checks out either: see backups { name parseError } and pass a name`;
    return new AdminError('BAD_USER_INPUT', `the newest backup, ${JSON.stringify(newest)} (name: null picks it), cannot be restored: ${refusal.message}. ${hint}`);
  }

  /** Starts the restore job (backups/jobs.ts); it owns the file from here, also when it cannot start. */
  private async startRestore(input: Omit<RestoreInput, 'ready' | 'out'>): Promise<{ jobId: string; ready: Promise<void>; out: RestoreInput['out'] }> {
    const ready = deferred<void>();
    const out: RestoreInput['out'] = { safetyName: null };
    try {
      const job = await this.jobs.start(this.restoreJob, { ...input, ready, out });
      return { jobId: job.id, ready: ready.promise, out };
    } catch (error) {
      await input.handle.close().catch(() => {});
      throw error;
    }
  }

  /**
   * Keys under the prefixes now, by kind: what REPLACE deletes before writing. (Not deduplicated:
   * while Redis rehashes, SCAN may count a key twice; this is a plan, not a tally.)
   */
  private async countUnderPrefixes(): Promise<DeletionCounts> {
    const counts = zeroCounts();
    const categoryOf = categorizer(this.keys);
    for (const pattern of this.prefixPatterns()) {
      for await (const batch of scanKeys(this.redis, pattern)) {
        for (const key of batch) {
          const place = categoryOf(key);
          const field = place ? DELETION_FIELD[place.category] : undefined;
          if (field) counts[field] += 1;
        }
      }
    }
    return counts;
  }

  /** Deletes every key under the OAuth and session prefixes (never our own keys or anything else). */
  private async clearPrefixes(checkpoint: () => Promise<void>): Promise<void> {
    const categoryOf = categorizer(this.keys);
    for (const pattern of this.prefixPatterns()) {
      for await (const batch of scanKeys(this.redis, pattern)) {
        const mine = batch.filter((key) => categoryOf(key) !== null);
        if (mine.length > 0) await unlinkMany(this.redis, mine);
        await checkpoint();
      }
    }
  }

  private prefixPatterns(): string[] {
    const { oauth, session } = this.keys.prefixes;
    return session.startsWith(oauth) ? [prefixPattern(oauth)] : [prefixPattern(oauth), prefixPattern(session)];
  }

  // ------------------------------------------------------------------ contents (linked types)

  private async withFile<T>(name: string, body: (handle: FileHandle, head: BackupSummary) => Promise<T>): Promise<T> {
    const handle = await this.dir.openForRead(name).catch((e: unknown) => unusable(name, e));
    try {
      let head: BackupSummary;
      try {
        head = await readBackup(handle, { headerOnly: true });
        if (head.encrypted && !this.encryptionKey) throw new BackupKeyError('this backup is encrypted: set BACKUP_ENCRYPTION_KEY to read its contents');
      } catch (error) {
        return unusable(name, error);
      }
      return await body(handle, head);
    } catch (error) {
      return unusable(name, error);
    } finally {
      await handle.close();
    }
  }

  /**
   * One page of a category, in key order: entries after `after`, at most `first`. Our files are
   * sorted, so the read stops once the page is full; the gateway's are read to the end.
   */
  async page<T>(
    name: string,
    category: Category,
    decode: (raw: string) => { record: T | null; parseError: string | null },
    first: number,
    after: string | null,
    signal?: AbortSignal,
  ): Promise<BackupPage<BackupRecord<T>>> {
    const key = `page\u0000${name}\u0000${await this.signatureOf(name)}\u0000${category}\u0000${first}\u0000${after}`;
    return this.work.files.run(key, signal, (own) => this.readPage(name, category, decode, first, after, own));
  }

  private async readPage<T>(
    name: string,
    category: Category,
    decode: (raw: string) => { record: T | null; parseError: string | null },
    first: number,
    after: string | null,
    signal: AbortSignal,
  ): Promise<BackupPage<BackupRecord<T>>> {
    return this.withFile(name, async (handle, head) => {
      const sorted = head.format === 'oauth-admin';
      const picked: ReadEntry[] = [];
      let count = 0;
      await readBackup(handle, {
        encryptionKey: this.encryptionKey,
        fileTimeMs: head.timestampMs,
        categories: new Set([category]),
        pause: new Pacer(signal).pause,
        onEntries: (batch) => {
          for (const e of batch) {
            count++;
            if (after !== null && pyCompare(e.id, after) <= 0) continue;
            if (picked.length > first && pyCompare(e.id, picked[picked.length - 1]!.id) >= 0) continue;
            let i = picked.length;
            while (i > 0 && pyCompare(picked[i - 1]!.id, e.id) > 0) i--;
            picked.splice(i, 0, e);
            if (picked.length > first + 1) picked.pop();
          }
          return sorted && picked.length > first ? 'stop' : undefined;
        },
      });
      const totalCount = sorted ? head.counts[category] : count;
      const items = picked.slice(0, first).map((e) => {
        const raw = e.entry.type === 'string' && typeof e.items[0] === 'string' ? e.items[0] : null;
        const decoded = raw === null ? { record: null, parseError: `Redis ${e.entry.type}${e.entry.encoding ? ' (binary)' : ''}, expected a string` } : decode(raw);
        return { id: e.id, raw, record: decoded.record, parseError: decoded.parseError, expiresAtMs: e.expiresAtMs };
      });
      return { items, hasNextPage: picked.length > first, totalCount };
    });
  }

  clients(name: string, first: number, after: string | null, signal?: AbortSignal): Promise<BackupPage<BackupRecord<ClientRecord>>> {
    return this.page(name, 'registrations', decodeClient, first, after, signal);
  }

  tokens(name: string, first: number, after: string | null, signal?: AbortSignal): Promise<BackupPage<BackupRecord<AccessTokenRecord>>> {
    return this.page(name, 'tokens', decodeAccessToken, first, after, signal);
  }

  /** Users the backup knows (from access tokens, refresh tokens and user indexes), sorted. */
  async users(name: string, signal?: AbortSignal): Promise<BackupUser[]> {
    return this.work.files.run(`users\u0000${name}\u0000${await this.signatureOf(name)}`, signal, (own) => this.readUsers(name, own));
  }

  private async readUsers(name: string, signal: AbortSignal): Promise<BackupUser[]> {
    return this.withFile(name, async (handle, head) => {
      const users = new Map<string, BackupUser>();
      const user = (username: string) => {
        let u = users.get(username);
        if (!u) users.set(username, (u = { username, tokens: 0, indexedTokens: 0, refreshTokens: 0 }));
        return u;
      };
      await readBackup(handle, {
        encryptionKey: this.encryptionKey,
        fileTimeMs: head.timestampMs,
        categories: new Set<Category>(['tokens', 'refresh_tokens', 'user_tokens']),
        pause: new Pacer(signal).pause,
        onEntries: (batch) => {
          for (const e of batch) {
            const raw = typeof e.items[0] === 'string' ? e.items[0] : null;
            if (e.category === 'user_tokens') user(e.id).indexedTokens += e.entry.type === 'string' ? 0 : e.items.length;
            else if (raw !== null && e.entry.type === 'string') {
              const username = (e.category === 'tokens' ? decodeAccessToken(raw) : decodeRefreshToken(raw)).record?.username;
              if (username != null) user(username)[e.category === 'tokens' ? 'tokens' : 'refreshTokens'] += 1;
            }
          }
        },
      });
      return [...users.values()].sort((a, b) => pyCompare(a.username, b.username));
    });
  }

  /**
   * The backup against the live store: keys only in the backup (a restore would add them), only in
   * the store (REPLACE would delete them), and with different values. One computation per backup
   * at a time, shared by every caller asking meanwhile (each gets its own `limit` of it), one
   * backup at a time, stopped when every caller has gone (`work.diff`).
   */
  async diff(name: string, limit = 100, signal?: AbortSignal): Promise<BackupDiff> {
    const key = `${name}\u0000${await this.signatureOf(name)}`;
    const full = await this.work.diff.run(key, signal, (own) => this.compare(name, own));
    return { categories: full.categories, entries: full.entries.slice(0, limit), truncated: full.truncated || full.entries.length > limit };
  }

  /** The file's size, time and inode, to tell one version of it from the next (null when it cannot be read). */
  private async signatureOf(name: string): Promise<string | null> {
    try {
      return signature(await stat(this.dir.pathOf(name)));
    } catch {
      return null;
    }
  }

  /**
   * `diff` itself, listing up to MAX_DIFF_ENTRIES keys. Memory stays flat whatever the sizes: the
   * file is read in batches, and the backup's key names are held as 64-bit hashes (key-set.ts,
   * about 16 bytes a key). It gives the event loop back every few milliseconds and compares in
   * small batches, so requests keep their latency while it runs.
   */
  private async compare(name: string, signal: AbortSignal): Promise<BackupDiff> {
    return this.withFile(name, async (handle, head) => {
      const rows = new Map<Category, DiffCategory>(CATEGORIES.map((c) => [c, { category: c, onlyInBackup: 0, onlyInStore: 0, different: 0, same: 0, expiredInBackup: 0 }]));
      const entries: DiffEntry[] = [];
      let truncated = false;
      const note = (category: Category, id: string, status: DiffStatus) => {
        if (entries.length < MAX_DIFF_ENTRIES) entries.push({ category, id, status });
        else truncated = true;
      };
      const total = Object.values(head.counts).reduce((a, b) => a + b, 0);
      const inBackup = new HashedKeySet(total);
      // Its own connection: requests' commands must not queue behind its comparisons.
      const redis = await sideConnection(this.redis, 'oauth-admin-backup-diff');
      try {
      const compare = new RestoreBatcher(
        redis,
        this.keys,
        head.manifest,
        false,
        (t, status) => {
          const row = rows.get(t.category)!;
          if (status === 'restored') {
            row.onlyInBackup++;
            note(t.category, t.id, 'ONLY_IN_BACKUP');
          } else if (status === 'overwritten') {
            row.different++;
            note(t.category, t.id, 'DIFFERENT');
          } else if (status === 'unchanged') row.same++;
          else row.expiredInBackup++;
        },
        this.dead(),
        DIFF_BATCH_KEYS,
      );
      const pacer = new Pacer(signal);
      await readBackup(handle, {
        encryptionKey: this.encryptionKey,
        fileTimeMs: head.timestampMs,
        pause: pacer.pause,
        batchSize: DIFF_BATCH_KEYS,
        onEntries: async (batch) => {
          for (const e of batch) inBackup.add(restoreKey(this.keys, e.category, e.id, head.manifest));
          await compare.add(batch);
        },
      });
      await compare.flush();
      const seen = new HashedKeySet();
      for (const pattern of this.prefixPatterns()) {
        for await (const batch of scanKeys(redis, pattern)) {
          await pacer.pause();
          for (const key of batch) {
            if (inBackup.has(key) || seen.has(key)) continue;
            seen.add(key);
            const place = categorize(this.keys, key);
            if (!place) continue;
            rows.get(place.category)!.onlyInStore++;
            note(place.category, place.id, 'ONLY_IN_STORE');
          }
        }
      }
      const categories = [...rows.values()].filter((r) => r.category !== 'other' || r.onlyInBackup + r.onlyInStore + r.different + r.same + r.expiredInBackup > 0);
      return { categories, entries, truncated };
      } finally {
        redis.disconnect();
      }
    });
  }
}

export type { CategoryCounts, Manifest };
