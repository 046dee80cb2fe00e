import { basename, dirname, resolve } from 'node:path';
import type { CommandContext } from './commands.js';
import { followJob } from './commands.js';
import { consent } from './confirm.js';
import { type Column, countsLines, date, table } from './format.js';
import * as ops from './operations.js';
import { CliError } from './transport.js';

const json = (ctx: CommandContext, value: unknown) => ctx.io.out(JSON.stringify(value, null, 2));

/** What a backup left out because the format cannot hold it (sorted sets, streams): one line, or none. */
function leftOut(backup: { unsupportedKeys?: { total: number; types: string[] } | null }): string | null {
  const u = backup.unsupportedKeys;
  if (!u || u.total === 0) return null;
  return `⚠️  ${u.total} key${u.total === 1 ? '' : 's'} left out (${u.types.join(', ') || 'unsupported types'}): the backup format cannot hold ${u.total === 1 ? 'its type' : 'their types'}; a restore will not bring ${u.total === 1 ? 'it' : 'them'} back`;
}
const size = (bytes: number) =>
  bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MiB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${bytes} B`;

/**
 * A backup name from what an operator typed: a bare name, or a path to a file inside BACKUP_DIR
 * (`backups/oauth-backup-….json`). Anything else is refused: restores read only BACKUP_DIR.
 */
function backupName(ctx: CommandContext, given: string): string {
  if (!given.includes('/')) return given;
  if (!ctx.config.ADMIN_URL && dirname(resolve(given)) === resolve(ctx.config.BACKUP_DIR)) return basename(given);
  throw new CliError(`${given}: give a file name in BACKUP_DIR (${ctx.config.BACKUP_DIR}); copy other files there first`, 'USAGE');
}

async function latestName(ctx: CommandContext): Promise<string> {
  const { backups } = await ctx.transport.request(ops.BackupsQuery, { first: 1 });
  const newest = backups.edges[0]?.node;
  if (!newest)
    throw new CliError(`no backups in ${ctx.config.ADMIN_URL ? "the service's BACKUP_DIR" : ctx.config.BACKUP_DIR}: run \`just oauth-backup\` first`);
  return newest.name;
}

export async function backupCommand(ctx: CommandContext): Promise<void> {
  const since = Date.now() - 1000;
  const created = ctx.transport.request(ops.CreateBackupMutation, { note: ctx.values.note ?? null });
  // The backup runs as a job; on a terminal, show its progress while the mutation waits for it.
  const watching = !ctx.json && process.stderr.isTTY ? watchNewJob(ctx, 'CREATE_BACKUP', since, created) : Promise.resolve();
  const { createBackup: backup } = await created;
  await watching;
  if (ctx.json) return json(ctx, backup);
  const c = backup.counts;
  ctx.io.out(
    `✅ backup written: ${backup.name} (${size(backup.sizeBytes)}${backup.encrypted ? ', encrypted' : ''})\n` +
      `  registrations ${c?.registrations ?? 0}, tokens ${c?.tokens ?? 0}, refresh tokens ${c?.refreshTokens ?? 0}, user indexes ${c?.userTokens ?? 0}, states ${c?.states ?? 0}, codes ${c?.codes ?? 0}, sessions ${c?.sessions ?? 0}`,
  );
  const warning = leftOut(backup);
  if (warning) ctx.io.err(warning);
}

/** Follows the newest job of a kind started after `since` until `done` settles (best effort). */
async function watchNewJob(ctx: CommandContext, kind: string, since: number, done: Promise<unknown>): Promise<void> {
  let finished = false;
  void done
    .finally(() => {
      finished = true;
    })
    .catch(() => {});
  for (let i = 0; i < 50 && !finished; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const { jobs } = await ctx.transport.request(ops.RecentJobsQuery).catch(() => ({ jobs: { edges: [] } }));
    const job = jobs.edges.map((e) => e.node).find((j) => j.kind === kind && Date.parse(j.createdAt) >= since);
    if (job) {
      await followJob({ ...ctx, json: false }, job.id).catch(() => {});
      return;
    }
  }
}

export async function backupListCommand(ctx: CommandContext): Promise<void> {
  const { backups } = await ctx.transport.request(ops.BackupsQuery, { first: 500 });
  const rows = backups.edges.map((e) => e.node);
  if (ctx.json) return json(ctx, rows);
  if (rows.length === 0) return ctx.io.out('No backups yet: run `just oauth-backup`.');
  const columns: Column<(typeof rows)[number]>[] = [
    { header: 'NAME', value: (b) => b.name, full: true },
    { header: 'TAKEN', value: (b) => date(b.createdAt), full: true },
    { header: 'SIZE', value: (b) => size(b.sizeBytes), full: true },
    { header: 'CLIENTS', value: (b) => String(b.counts?.registrations ?? '-') },
    { header: 'TOKENS', value: (b) => String(b.counts?.tokens ?? '-') },
    { header: 'REFRESH', value: (b) => String(b.counts?.refreshTokens ?? '-') },
    { header: 'FORMAT', value: (b) => `${b.format ?? '?'}${b.encrypted ? ' (encrypted)' : ''}` },
    { header: 'PROBLEM', value: (b) => b.parseError ?? '' },
  ];
  ctx.io.out(table(rows, columns));
  ctx.io.out(`\n${rows.length} backup(s), newest first`);
}

export async function backupViewCommand(ctx: CommandContext): Promise<void> {
  const name = ctx.args[0] ? backupName(ctx, ctx.args[0]) : await latestName(ctx);
  const { backup } = await ctx.transport.request(ops.BackupViewQuery, { name });
  if (!backup) throw new CliError(`backup ${JSON.stringify(name)} does not exist`, 'NOT_FOUND');
  if (ctx.json) {
    json(ctx, backup);
    if (backup.parseError) throw new CliError(`backup ${backup.name} cannot be used: ${backup.parseError}`, 'BAD_BACKUP');
    return;
  }
  ctx.io.out(
    `📦 ${backup.name}  taken ${date(backup.createdAt)}  ${size(backup.sizeBytes)}  ${backup.format ?? ''}${backup.encrypted ? ' encrypted' : ''}${backup.note ? `  (${backup.note})` : ''}`,
  );
  // An unreadable file is a failure (exit 1), not a warning: a script must not take it for a good backup.
  if (backup.parseError) throw new CliError(`backup ${backup.name} cannot be used: ${backup.parseError}`, 'BAD_BACKUP');
  const c = backup.counts;
  if (c)
    ctx.io.out(
      `registrations ${c.registrations}, tokens ${c.tokens}, refresh tokens ${c.refreshTokens}, user indexes ${c.userTokens}, states ${c.states}, codes ${c.codes}, sessions ${c.sessions}`,
    );
  const warning = leftOut(backup);
  if (warning) ctx.io.out(warning);
  const clients = backup.clients.edges.map((e) => e.node);
  ctx.io.out(`\nRegistrations (${backup.clients.totalCount}):`);
  ctx.io.out(
    table(clients, [
      { header: 'CLIENT ID', value: (r) => r.clientId, full: true },
      { header: 'NAME', value: (r) => (r.parseError ? `(corrupt: ${r.parseError})` : (r.clientName ?? '')) },
      { header: 'REDIRECT URIS', value: (r) => (r.redirectUris ?? []).join(', ') },
      { header: 'CREATED', value: (r) => date(r.createdAt), full: true },
    ]),
  );
  const tokens = backup.tokens.edges.map((e) => e.node);
  ctx.io.out(`\nTokens (${backup.tokens.totalCount}):`);
  ctx.io.out(
    table(tokens, [
      { header: 'JTI', value: (t) => t.jti, full: true },
      { header: 'STATUS', value: (t) => t.status ?? 'CORRUPT', full: true },
      { header: 'USER', value: (t) => t.username ?? '' },
      { header: 'CLIENT ID', value: (t) => t.clientId ?? '', full: true },
      { header: 'ISSUED', value: (t) => date(t.issuedAt), full: true },
      { header: 'EXPIRES', value: (t) => date(t.expiresAt), full: true },
    ]),
  );
  const users = backup.users.edges.map((e) => e.node);
  ctx.io.out(`\nUsers (${backup.users.totalCount}): ${users.map((u) => `${u.username} (${u.tokenCount} tokens, ${u.refreshTokenCount} refresh)`).join(', ')}`);
  if (backup.clients.totalCount > clients.length || backup.tokens.totalCount > tokens.length)
    ctx.io.out('(lists cut at 500: use --json with the GraphQL API for the rest)');
}

/** oauth-restore, -file, -dry and -clear: MERGE by default, REPLACE two-step with consent. */
export async function restoreCommand(ctx: CommandContext, file: string | null): Promise<void> {
  const replace = ctx.flags.has('replace');
  const dryRun = ctx.flags.has('dry-run');
  const name = file ? backupName(ctx, file) : await latestName(ctx);
  const mode = replace ? 'REPLACE' : 'MERGE';
  const allowUnencrypted = ctx.flags.has('allow-unencrypted');
  let result = (await ctx.transport.request(ops.RestoreMutation, { name, mode, dryRun, confirmToken: null, allowUnencrypted })).restoreBackup;
  if (replace && !dryRun && !result.executed) {
    const plan = result.job ? await followJob({ ...ctx, json: true }, result.job.id) : null;
    if (!ctx.json && plan) {
      ctx.io.out(`Plan: replace everything under the prefix with ${name}:\n${countsLines(plan.counts)}`);
      for (const c of plan.categories)
        ctx.io.out(`  ${c.category}: restore ${c.restored}, overwrite ${c.overwritten}, unchanged ${c.unchanged}, skip expired ${c.skippedExpired}`);
    }
    if (!result.confirmToken) throw new CliError('the service returned no confirm token');
    await consent(`Replace ALL OAuth data with backup ${name} (a safety backup is written first)`, ctx.terminal, ctx.env.OAUTH_ADMIN_CONFIRM);
    result = (await ctx.transport.request(ops.RestoreMutation, { name, mode, dryRun: false, confirmToken: result.confirmToken, allowUnencrypted }))
      .restoreBackup;
  }
  if (!result.job) throw new CliError('the restore started no job');
  const final = await followJob(ctx, result.job.id);
  if (ctx.json) return json(ctx, { ...result, job: final });
  ctx.io.out(
    `${dryRun ? 'ℹ️  dry run: restoring' : '✅ restored'} ${name} (${mode})${result.safetyBackup ? `; safety backup: ${result.safetyBackup.name}` : ''}`,
  );
  for (const c of final.categories)
    ctx.io.out(
      `  ${c.category.padEnd(15)} restored ${c.restored}, overwritten ${c.overwritten}, unchanged ${c.unchanged}, skipped as expired ${c.skippedExpired}`,
    );
}
