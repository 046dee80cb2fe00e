/** What the backup service answers with, and what it is told (the GraphQL schema's shapes). */
import type { JobState } from '../jobs/runner.js';
import type { Lifetimes } from '../clients-tokens/status.js';
import type { Logger } from '../logger.js';
import type { Category } from './format.js';
import type { RestoreMode } from './jobs.js';

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
