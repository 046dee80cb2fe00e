import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { fingerprint } from '../redis/fingerprint.js';
import type { BackupDiff as DiffShape, BackupInfo, DiffCategory, DiffEntry, RestoreOutcome, UnsupportedKeys } from '../backups/index.js';
import { backupSortKey } from '../backups/format.js';
import { builder } from './builder.js';
import {
  BackupClient,
  BackupClientConnection,
  BackupToken,
  BackupTokenConnection,
  BackupUser,
  BackupUserConnection,
  backupConnection,
  unlessUnreadable,
} from './backup-contents.js';
import { Job } from './job.js';
import { paginate } from './pagination.js';
import { dryRunOpenToViewer } from './shared.js';

/**
 * Categories whose names are (or may be) secrets: a viewer gets a fingerprint only. Refresh
 * tokens, codes, sessions, CSRF states (the gateway's callback accepts them), and keys we do not
 * know (`other`).
 */
const SECRET_CATEGORIES = new Set(['refresh_tokens', 'codes', 'sessions', 'states', 'other']);

const BackupFormatEnum = builder.enumType('BackupFormat', {
  description: 'Who wrote a backup file.',
  values: {
    OAUTH_ADMIN: { value: 'oauth-admin', description: "This service: the gateway's layout plus absolute expiries and a manifest with checksums." },
    GATEWAY: { value: 'gateway', description: "The gateway's own backup script (no manifest; expiry is the file's timestamp plus each entry's ttl)." },
  } as const,
});

export const RestoreModeEnum = builder.enumType('RestoreMode', {
  description: 'How a restore treats what is already in the store.',
  values: {
    MERGE: { value: 'MERGE', description: "Write the backup's keys over what is there; leave every other key alone." },
    REPLACE: {
      value: 'REPLACE',
      description:
        "Two-step. Writes a safety backup of the current data, deletes every key under the OAuth and session prefixes, then writes the backup: afterwards the keys under the prefixes are exactly the backup's (minus expired ones). Keys outside the prefixes are untouched.",
    },
  } as const,
});

const BackupDiffStatusEnum = builder.enumType('BackupDiffStatus', {
  description: 'How a key differs between a backup and the live store.',
  values: {
    ONLY_IN_BACKUP: { description: 'In the backup (not expired), missing from the store: a restore would add it.' },
    ONLY_IN_STORE: { description: 'In the store, not in the backup: REPLACE would delete it.' },
    DIFFERENT: { description: 'In both with different values: a restore would overwrite it.' },
  } as const,
});

const BackupCounts = builder.objectRef<Record<string, number>>('BackupCounts').implement({
  description: 'Entries per category in a backup.',
  fields: (t) => ({
    registrations: t.int({ description: 'Client registrations.', resolve: (c) => c.registrations ?? 0 }),
    tokens: t.int({ description: 'Access-token records.', resolve: (c) => c.tokens ?? 0 }),
    refreshTokens: t.int({ description: 'Refresh tokens.', resolve: (c) => c.refresh_tokens ?? 0 }),
    userTokens: t.int({ description: 'User token indexes.', resolve: (c) => c.user_tokens ?? 0 }),
    states: t.int({ description: 'Pending authorizations.', resolve: (c) => c.states ?? 0 }),
    codes: t.int({ description: 'Authorization codes.', resolve: (c) => c.codes ?? 0 }),
    sessions: t.int({ description: 'Session keys (`redis:session:*`).', resolve: (c) => c.sessions ?? 0 }),
    other: t.int({ description: 'Other keys under the prefix (kept byte for byte).', resolve: (c) => c.other ?? 0 }),
    total: t.int({ description: 'All entries.', resolve: (c) => Object.values(c).reduce((a, b) => a + b, 0) }),
  }),
});

const BackupUnsupportedKeys = builder.objectRef<UnsupportedKeys>('BackupUnsupportedKeys').implement({
  description:
    "Keys under the prefixes a backup left out because the backup format (the gateway's) cannot hold their Redis type (a sorted set, a stream, ...): a restore will not bring them back. They are counted, never named.",
  fields: (t) => ({
    total: t.exposeInt('total', { description: 'Keys left out.' }),
    counts: t.field({
      type: BackupCounts,
      nullable: true,
      description: 'Per category (by where their names put them); null for files written before this was recorded.',
      resolve: (u) => (u.byCategory as Record<string, number> | null) ?? null,
    }),
    types: t.exposeStringList('types', { description: 'Their Redis types (`zset`, `stream`, ...), sorted.' }),
  }),
});

const BackupDiffCategory = builder.objectRef<DiffCategory>('BackupDiffCategory').implement({
  description: 'One category of a backup compared with the live store.',
  fields: (t) => ({
    category: t.exposeString('category', { description: 'registrations, tokens, refresh_tokens, user_tokens, states, codes, sessions or other.' }),
    onlyInBackup: t.exposeInt('onlyInBackup', { description: 'Keys the backup has (not expired) that the store lacks.' }),
    onlyInStore: t.exposeInt('onlyInStore', { description: 'Keys the store has that the backup lacks.' }),
    different: t.exposeInt('different', { description: 'Keys in both with different values.' }),
    same: t.exposeInt('same', { description: 'Keys in both with the same value.' }),
    expiredInBackup: t.exposeInt('expiredInBackup', { description: 'Backup entries whose expiry has passed (a restore skips them).' }),
  }),
});

const BackupDiffEntry = builder.objectRef<DiffEntry>('BackupDiffEntry').implement({
  description: 'One key that differs between a backup and the store.',
  fields: (t) => ({
    category: t.exposeString('category', { description: 'The backup category.' }),
    status: t.field({ type: BackupDiffStatusEnum, description: 'How it differs.', resolve: (e) => e.status }),
    name: t.string({
      nullable: true,
      description:
        "The key's name in its category (client id, jti, username, ...). Null for viewers when the name is or may be a secret (refresh tokens, codes, sessions, states, other keys).",
      resolve: (e, _a, ctx) => (SECRET_CATEGORIES.has(e.category) && ctx.principal.role !== 'admin' ? null : e.id),
    }),
    fingerprint: t.string({ description: 'A stable non-secret handle for the name (SHA-256, base64url, 22 characters).', resolve: (e) => fingerprint(e.id) }),
  }),
});

const BackupDiff = builder.objectRef<DiffShape>('BackupDiff').implement({
  description: 'A backup compared with the live store, key by key (values compared exactly; expiries not).',
  fields: (t) => ({
    categories: t.field({ type: [BackupDiffCategory], description: 'Counts per category.', resolve: (d) => d.categories }),
    entries: t.field({ type: [BackupDiffEntry], description: 'The differing keys, up to `limit`.', resolve: (d) => d.entries }),
    truncated: t.exposeBoolean('truncated', { description: 'True when more keys differ than `entries` lists.' }),
  }),
});

export const Backup = builder.objectRef<BackupInfo>('Backup').implement({
  description:
    'A backup file in BACKUP_DIR. Its contents (`clients`, `tokens`, `users`) are read from the file, and `diff` compares it with the live store. A file that cannot be read is still listed, with `parseError`.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The file name (`oauth-backup-YYYYMMDD-HHMMSS.json`, `-1`, `-2`, ... for the same second).' }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was taken (its `timestamp`; from the name when the file cannot be read).',
      resolve: (b) => (b.createdAt === null ? null : new Date(b.createdAt)),
    }),
    modifiedAt: t.field({ type: 'DateTime', description: "The file's modification time.", resolve: (b) => new Date(b.modifiedAt) }),
    sizeBytes: t.float({ description: 'File size in bytes (a Float: files can exceed 2 GiB).', resolve: (b) => b.sizeBytes }),
    format: t.field({ type: BackupFormatEnum, nullable: true, description: 'Who wrote it; null when the file cannot be read.', resolve: (b) => b.format }),
    encrypted: t.exposeBoolean('encrypted', { description: 'True when its data is encrypted (BACKUP_ENCRYPTION_KEY is needed to read or restore it).' }),
    counts: t.field({ type: BackupCounts, nullable: true, description: 'Entries per category; null when the file cannot be read.', resolve: (b) => b.counts }),
    redisVersion: t.exposeString('redisVersion', { nullable: true, description: 'The Redis server version it was taken from (ours only).' }),
    sha256: t.exposeString('sha256', { nullable: true, description: "The manifest's checksum over all categories (ours only)." }),
    note: t.exposeString('note', { nullable: true, description: 'Why it was taken, when recorded (e.g. the safety backup before a REPLACE).' }),
    unsupportedKeys: t.field({
      type: BackupUnsupportedKeys,
      nullable: true,
      description:
        "Keys the backup left out because the format cannot hold their type (0 when none); null for the gateway's files, which do not say, and for files that cannot be read.",
      resolve: (b) => b.unsupported,
    }),
    parseError: t.string({
      nullable: true,
      description:
        'Why the file cannot be used (not JSON, truncated, checksum mismatch, wrong entry types, wrong key); null when the whole file checks out. Checking reads the file once; the answer is cached until it changes.',
      resolve: async (b, _a, ctx) => b.headerError ?? (await ctx.services.backups.verify(b.name, ctx.signal())),
    }),
  }),
});

/** What a backup holds, read from the file, and how it compares with the store. */
builder.objectFields(Backup, (t) => ({
  clients: t.connection(
    {
      type: BackupClient,
      description: 'The client registrations in the backup, by client id. Empty when the file cannot be read (see `parseError`).',
      resolve: (b, args, ctx) =>
        backupConnection(
          args,
          (first, after) => ctx.services.backups.clients(b.name, first, after, ctx.signal()),
          (c) => c.id,
        ),
    },
    BackupClientConnection,
  ),
  tokens: t.connection(
    {
      type: BackupToken,
      description: 'The access tokens in the backup, by jti. Empty when the file cannot be read (see `parseError`).',
      resolve: (b, args, ctx) =>
        backupConnection(
          args,
          (first, after) => ctx.services.backups.tokens(b.name, first, after, ctx.signal()),
          (r) => r.id,
        ),
    },
    BackupTokenConnection,
  ),
  users: t.connection(
    {
      type: BackupUser,
      description: 'The users the backup knows, by username. Empty when the file cannot be read (see `parseError`).',
      resolve: async (b, args, ctx) => paginate(await unlessUnreadable(ctx.services.backups.users(b.name, ctx.signal()), []), args, (u) => u.username),
    },
    BackupUserConnection,
  ),
  diff: t.field({
    type: BackupDiff,
    description:
      'The backup compared with the live store now. Reads the whole file and scans the store, so it counts 40,000 toward GRAPHQL_MAX_COST (two per query with the default), runs one backup at a time (callers asking for the same backup meanwhile share the one comparison; more than a few waiting: UNAVAILABLE) and stops when every caller has gone. No categories when the file cannot be read (see `parseError`).',
    args: { limit: t.arg.int({ defaultValue: 100, description: 'How many differing keys to list (at most 1000).' }) },
    resolve: (b, { limit }, ctx: Context) => {
      const n = limit ?? 100;
      if (n < 0 || n > 1000) throw badInput('limit must be between 0 and 1000');
      return unlessUnreadable(ctx.services.backups.diff(b.name, n, ctx.signal()), { categories: [], entries: [], truncated: false });
    },
  }),
}));

const BackupConnection = builder.connectionObject(
  { type: Backup, name: 'BackupConnection', description: 'A page of backups, newest first.' },
  { description: 'One backup, with its cursor.' },
);

const RestoreResult = builder.objectRef<RestoreOutcome>('RestoreResult').implement({
  description:
    'The outcome of `restoreBackup`. For REPLACE without `confirmToken`, `executed` is false, `job` is the plan (a dry run: per-category counts, and in `counts` the keys that would be deleted first) and `confirmToken` must be sent back (same backup, within 5 minutes) to run it.',
  fields: (t) => ({
    executed: t.exposeBoolean('executed', { description: 'Whether the restore writes (false for a dry run or a plan).' }),
    confirmToken: t.exposeString('confirmToken', { nullable: true, description: 'Single-use token that confirms a REPLACE plan.' }),
    job: t.field({
      type: Job,
      nullable: true,
      description:
        'The restore job: per-category restored / overwritten / unchanged / skippedExpired in `categories`. Returned once the file is fully validated; follow it with `job(id)` or `jobProgress` if still running.',
      resolve: (r) => r.job,
    }),
    backup: t.field({ type: Backup, description: 'The backup restored (or planned, or dry-run).', resolve: (r) => r.backup }),
    safetyBackup: t.field({
      type: Backup,
      nullable: true,
      description: 'REPLACE: the backup of the data as it was, written before anything was deleted.',
      resolve: (r) => r.safetyBackup,
    }),
  }),
});

builder.queryFields((t) => ({
  backups: t.connection(
    {
      type: Backup,
      description: 'The backup files in BACKUP_DIR, newest first. Corrupt files are listed too, with `parseError`.',
      resolve: async (_root, args, ctx) => paginate(await ctx.services.backups.list(), args, (b) => backupSortKey(b.name), 'desc'),
    },
    BackupConnection,
  ),
  backup: t.field({
    type: Backup,
    nullable: true,
    description: 'One backup by file name; null when there is no such file. A name that is not a plain file name in BACKUP_DIR is refused.',
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, { name }, ctx) => ctx.services.backups.get(name),
  }),
}));

builder.mutationFields((t) => ({
  createBackup: t.field({
    type: Backup,
    description:
      'Backs up every key under the OAuth and session prefixes (corrupt ones too, byte for byte) to a new file in BACKUP_DIR, encrypted when BACKUP_ENCRYPTION_KEY is set. Runs as a job (progress on `jobs`) and returns when the file is complete.',
    authScopes: { admin: true },
    args: { note: t.arg.string({ description: 'Why the backup is taken; kept in its manifest.' }) },
    resolve: (_root, { note }, ctx) => ctx.services.backups.create(ctx.principal, note ?? undefined),
  }),
  restoreBackup: t.field({
    type: RestoreResult,
    description:
      'Restores a backup (name null: the newest). The whole file is validated before anything is written; each key gets back its absolute expiry and expired entries are skipped. MERGE writes over existing keys and leaves others; REPLACE is two-step (see RestoreMode). One restore or other maintenance job at a time. The dry run is open to the viewer token.',
    authScopes: dryRunOpenToViewer,
    args: {
      name: t.arg.string({ description: 'The backup file name; null for the newest.' }),
      mode: t.arg({ type: RestoreModeEnum, defaultValue: 'MERGE', description: 'MERGE or REPLACE.' }),
      dryRun: t.arg.boolean({ required: true, description: 'Only compare and count; change nothing.' }),
      confirmToken: t.arg.string({ description: 'REPLACE: the token from the plan.' }),
      allowUnencrypted: t.arg.boolean({
        defaultValue: false,
        description:
          "With BACKUP_ENCRYPTION_KEY set, restore a file that is not encrypted anyway (the gateway's own backups, ours from before the key was set). Without it such a file is refused: anyone who can write BACKUP_DIR could have put it there, and nothing authenticates it. No effect without the key.",
      }),
    },
    resolve: (_root, args, ctx) =>
      ctx.services.backups.restore(ctx.principal, {
        name: args.name,
        mode: args.mode ?? 'MERGE',
        dryRun: args.dryRun,
        confirmToken: args.confirmToken,
        allowUnencrypted: args.allowUnencrypted ?? false,
      }),
  }),
}));
