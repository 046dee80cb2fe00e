import type { Config } from '../config.js';
import type { CliJobProgressSubscription } from '../generated/graphql.js';
import { type Column, ProgressBar, countsLines, date, duration, statsBox, table, type Counts } from './format.js';
import type { Terminal } from './confirm.js';
import { consent } from './confirm.js';
import * as ops from './operations.js';
import { UsageError } from './args.js';
import { CliError, type Transport } from './transport.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export interface CommandContext {
  transport: Transport;
  config: Config;
  env: NodeJS.ProcessEnv;
  json: boolean;
  /** Boolean options given (`dry-run`, `json`, ...), already checked against the command's own. */
  flags: Set<string>;
  /** String options given (`--note TEXT`). */
  values: Record<string, string>;
  /** Positional arguments, as many as the command takes (checked before it runs). */
  args: string[];
  io: Output;
  terminal: Terminal;
}

const PAGE = 500;

async function allPages<T>(fetchPage: (after: string | null) => Promise<{ edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }>): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetchPage(after);
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return out;
    after = page.pageInfo.endCursor;
  }
}

const printJson = (ctx: CommandContext, value: unknown) => ctx.io.out(JSON.stringify(value, null, 2));

function needArg(ctx: CommandContext, name: string): string {
  const value = ctx.args[0];
  if (!value) throw new UsageError(`missing ${name}`);
  return value;
}

// ------------------------------------------------------------------ listings

type ClientRow = Awaited<ReturnType<typeof fetchClients>>[number];
async function fetchClients(ctx: CommandContext, filter: { testOnly?: boolean } = {}) {
  return allPages(async (after) => (await ctx.transport.request(ops.ClientsQuery, { first: PAGE, after, filter })).clients);
}

const clientColumns: Column<ClientRow>[] = [
  { header: 'CLIENT ID', value: (c) => c.clientId, full: true },
  { header: 'NAME', value: (c) => (c.parseError ? `(corrupt: ${c.parseError})` : (c.clientName ?? '')) },
  { header: 'SCOPE', value: (c) => c.scope ?? '' },
  { header: 'REDIRECT URIS', value: (c) => (c.redirectUris ?? []).join(', ') },
  { header: 'CREATED', value: (c) => date(c.createdAt), full: true },
  { header: 'ACTIVE', value: (c) => String(c.activeTokens.totalCount) },
];

export async function listRegistrations(ctx: CommandContext): Promise<void> {
  const clients = await fetchClients(ctx);
  if (ctx.json) return printJson(ctx, clients);
  ctx.io.out(table(clients, clientColumns));
  ctx.io.out(`\nTotal registrations: ${clients.length}`);
}

type TokenRow = Awaited<ReturnType<typeof fetchTokens>>[number];
async function fetchTokens(ctx: CommandContext, status: 'ACTIVE' | 'EXPIRED' | null) {
  return allPages(async (after) => (await ctx.transport.request(ops.TokensQuery, { first: PAGE, after, filter: status ? { status } : null })).tokens);
}

const tokenColumns: Column<TokenRow>[] = [
  { header: 'JTI', value: (t) => t.jti, full: true },
  { header: 'STATUS', value: (t) => t.status ?? (t.parseError ? 'CORRUPT' : 'UNKNOWN'), full: true },
  { header: 'USER', value: (t) => t.username ?? '' },
  { header: 'CLIENT ID', value: (t) => t.clientId ?? '', full: true },
  { header: 'CLIENT NAME', value: (t) => (t.clientId && !t.client ? '(orphan)' : (t.client?.clientName ?? '')) },
  { header: 'SCOPE', value: (t) => t.scope ?? '' },
  { header: 'ISSUED', value: (t) => date(t.issuedAt), full: true },
  { header: 'EXPIRES', value: (t) => date(t.expiresAt), full: true },
  { header: 'KEY TTL', value: (t) => (t.keyExpiresAt ? duration(Math.round((Date.parse(t.keyExpiresAt) - Date.now()) / 1000)) : 'none') },
];

export async function listTokens(ctx: CommandContext): Promise<void> {
  if (ctx.flags.has('active') && ctx.flags.has('expired')) throw new UsageError('list-tokens: give --active or --expired, not both');
  const status = ctx.flags.has('active') ? 'ACTIVE' : ctx.flags.has('expired') ? 'EXPIRED' : null;
  const tokens = await fetchTokens(ctx, status);
  if (ctx.json) return printJson(ctx, tokens);
  ctx.io.out(table(tokens, tokenColumns));
  const active = tokens.filter((t) => t.status === 'ACTIVE').length;
  const expired = tokens.filter((t) => t.status === 'EXPIRED').length;
  ctx.io.out(`\nTotal tokens: ${tokens.length} (${active} active, ${expired} expired${tokens.length - active - expired ? `, ${tokens.length - active - expired} unreadable` : ''})`);
}

export async function stats(ctx: CommandContext): Promise<void> {
  const { stats: s } = await ctx.transport.request(ops.StatsQuery);
  if (ctx.json) return printJson(ctx, s);
  ctx.io.out(statsBox(s as unknown as Record<string, number>));
}

export async function showAll(ctx: CommandContext): Promise<void> {
  if (ctx.json) {
    const [{ stats: s }, clients, tokens] = await Promise.all([ctx.transport.request(ops.StatsQuery), fetchClients(ctx), fetchTokens(ctx, null)]);
    return printJson(ctx, { stats: s, registrations: clients, tokens });
  }
  await stats(ctx);
  ctx.io.out('\nRegistrations:');
  await listRegistrations(ctx);
  ctx.io.out('\nTokens:');
  await listTokens(ctx);
}

// ------------------------------------------------------------------ deletions

function reportDeletion(ctx: CommandContext, title: string, result: { executed: boolean; counts: Counts }): void {
  if (ctx.json) return printJson(ctx, result);
  ctx.io.out(`${result.executed ? '✅' : 'ℹ️ '} ${title}\n${countsLines(result.counts)}`);
}

export async function deleteRegistration(ctx: CommandContext, cascade: boolean): Promise<void> {
  const clientId = needArg(ctx, 'CLIENT_ID');
  const { deleteClient } = await ctx.transport.request(ops.DeleteClientMutation, { clientId, cascade });
  const title = !cascade
    ? `deleted registration ${clientId}`
    : deleteClient.counts.clients === 0
      ? `client ${clientId} was not registered; deleted the data left behind under its id (orphans)`
      : `deleted client ${clientId} and all its data`;
  reportDeletion(ctx, title, deleteClient);
}

export async function deleteToken(ctx: CommandContext): Promise<void> {
  const jti = needArg(ctx, 'JTI');
  const { deleteToken: result } = await ctx.transport.request(ops.DeleteTokenMutation, { jti });
  reportDeletion(ctx, `deleted token ${jti}`, result);
}

/** Plan, consent, then the same call with the plan's confirm token. */
async function twoStep(
  ctx: CommandContext,
  what: string,
  call: (confirmToken: string | null) => Promise<{ executed: boolean; confirmToken?: string | null; counts: Counts }>,
): Promise<void> {
  const plan = await call(null);
  if (!ctx.json) ctx.io.out(`Plan: ${what} would remove\n${countsLines(plan.counts)}`);
  if (!plan.confirmToken) throw new CliError('the service returned no confirm token');
  await consent(`${what}: this cannot be undone.`, ctx.terminal, ctx.env.OAUTH_ADMIN_CONFIRM);
  reportDeletion(ctx, what, await call(plan.confirmToken));
}

export function deleteAllRegistrations(ctx: CommandContext): Promise<void> {
  const cascade = ctx.flags.has('cascade');
  return twoStep(ctx, cascade ? 'Delete ALL client registrations and their data' : 'Delete ALL client registrations', async (confirmToken) =>
    (await ctx.transport.request(ops.DeleteAllClientsMutation, { cascade, confirmToken })).deleteAllClients,
  );
}

export function deleteAllTokens(ctx: CommandContext): Promise<void> {
  return twoStep(ctx, 'Delete ALL access tokens, refresh tokens and user indexes', async (confirmToken) =>
    (await ctx.transport.request(ops.DeleteAllTokensMutation, { confirmToken })).deleteAllTokens,
  );
}

export async function revokeUser(ctx: CommandContext): Promise<void> {
  const username = needArg(ctx, 'USERNAME');
  const dryRun = ctx.flags.has('dry-run');
  const { deleteUserTokens } = await ctx.transport.request(ops.DeleteUserTokensMutation, { username, dryRun });
  reportDeletion(ctx, dryRun ? `dry run: revoking ${username} would remove` : `revoked every token of ${username}`, deleteUserTokens);
}

// ------------------------------------------------------------------ jobs

export type JobUpdate = CliJobProgressSubscription['jobProgress'];

/** Follows a job's progress to its end; fails (non-zero exit) unless it succeeded. */
export async function followJob(ctx: CommandContext, id: string): Promise<JobUpdate> {
  const bar = ctx.json ? null : new ProgressBar();
  let final: JobUpdate | null = null;
  try {
    for await (const { jobProgress } of ctx.transport.subscribe(ops.JobProgressSubscription, { id })) {
      bar?.update(jobProgress.progress);
      final = jobProgress;
    }
  } finally {
    bar?.end();
  }
  if (!final) throw new CliError(`job ${id} sent no state`);
  if (final.status !== 'SUCCEEDED') throw new CliError(`job ${id} ${final.status.toLowerCase()}${final.error ? `: ${final.error}` : ''}`, final.status);
  return final;
}

export async function purgeExpired(ctx: CommandContext, dryRun: boolean): Promise<void> {
  const { purgeExpired: job } = await ctx.transport.request(ops.PurgeMutation, { dryRun });
  const final = await followJob(ctx, job.id);
  if (ctx.json) return printJson(ctx, final);
  ctx.io.out(`${dryRun ? 'ℹ️  dry run: a purge would remove' : '✅ purged'}\n${countsLines(final.counts)}`);
}

export async function testCleanup(ctx: CommandContext, dryRun: boolean): Promise<void> {
  const clients = await fetchClients(ctx, { testOnly: true });
  const { cleanupTestClients: job } = await ctx.transport.request(ops.CleanupMutation, { dryRun });
  const final = await followJob(ctx, job.id);
  if (ctx.json) return printJson(ctx, { testClients: clients, job: final });
  if (clients.length > 0) ctx.io.out(table(clients, clientColumns.filter((c) => c.header !== 'REDIRECT URIS')));
  ctx.io.out(`\n${dryRun ? `ℹ️  ${clients.length} test client(s); cleanup would remove` : `✅ removed ${final.counts.clients} test client(s) completely`}\n${countsLines(final.counts)}`);
}
