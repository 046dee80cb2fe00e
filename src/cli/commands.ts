import type { Config } from '../config.js';
import type { CliJobProgressSubscription } from '../generated/graphql.js';
import { type Column, ProgressBar, countsLines, date, duration, jsonArrayWriter, statsBox, table, tableWriter, type Counts } from './format.js';
import type { Terminal } from './confirm.js';
import { consent } from './confirm.js';
import * as ops from './operations.js';
import { UsageError } from './args.js';
import { CliError, type Transport } from './transport.js';

export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** Resolves once what was written has been taken by the reader (absent: nothing to wait for). */
  drain?(): Promise<void>;
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
  /** Every value of each repeatable option given (`--redirect-uri A --redirect-uri B`). */
  lists: Record<string, string[]>;
  /** Positional arguments, as many as the command takes (checked before it runs). */
  args: string[];
  io: Output;
  terminal: Terminal;
}

const PAGE = 2000;

type Page<T> = { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };

/**
 * A listing's nodes a page at a time, each page as soon as it arrives; the next page is asked for
 * before this one is handed on, so the service reads it while this one is printed.
 */
async function* pages<T>(fetchPage: (after: string | null) => Promise<Page<T>>): AsyncGenerator<T[]> {
  let next: Promise<Page<T>> | null = fetchPage(null);
  try {
    while (next) {
      const page: Page<T> = await next;
      const after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      next = after ? fetchPage(after) : null;
      yield page.edges.map((e) => e.node);
    }
  } finally {
    // A consumer that stops early (an error while printing) leaves no request to fail unheard.
    next?.catch(() => {});
  }
}

/** Writes a page, then waits until the reader has taken it (a slow pipe holds the listing back). */
async function writePage<T>(ctx: CommandContext, writer: { write(rows: T[]): void }, rows: T[]): Promise<void> {
  writer.write(rows);
  await ctx.io.drain?.();
}

async function collect<T>(batches: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const batch of batches) out.push(...batch);
  return out;
}

const printJson = (ctx: CommandContext, value: unknown) => ctx.io.out(JSON.stringify(value, null, 2));

function needArg(ctx: CommandContext, name: string): string {
  const value = ctx.args[0];
  if (!value) throw new UsageError(`missing ${name}`);
  return value;
}

// ------------------------------------------------------------------ listings
// Listings print each page as it arrives: the service reads only that page's records
// (a snapshot of the ids, or the indexes, keeps the listing one pass over the store).

type ClientRow = ClientPage['clients']['edges'][number]['node'];
type ClientPage = Awaited<ReturnType<typeof clientPage>>;
function clientPage(ctx: CommandContext, after: string | null, filter: { testOnly?: boolean }, counts: boolean) {
  return ctx.transport.request(ops.ClientsQuery, { first: PAGE, after, filter, counts });
}

/**
 * Registrations, a page at a time. Each one's active-token count comes from the derived indexes
 * when they are current (a running service keeps them); without them a count would read every
 * token, so the listing goes without (the column says `-`, and a line says why).
 */
async function clientPages(ctx: CommandContext, filter: { testOnly?: boolean } = {}): Promise<{ counts: boolean; batches: AsyncGenerator<ClientRow[]> }> {
  const counts = (await ctx.transport.request(ops.IndexReadyQuery)).indexStatus.ready;
  return { counts, batches: pages(async (after) => (await clientPage(ctx, after, filter, counts)).clients) };
}

const clientColumns: Column<ClientRow>[] = [
  { header: 'CLIENT ID', value: (c) => c.clientId, full: true },
  { header: 'NAME', value: (c) => (c.parseError ? `(corrupt: ${c.parseError})` : (c.clientName ?? '')) },
  { header: 'SCOPE', value: (c) => c.scope ?? '' },
  { header: 'REDIRECT URIS', value: (c) => (c.redirectUris ?? []).join(', ') },
  { header: 'CREATED', value: (c) => date(c.createdAt), full: true },
  { header: 'ACTIVE', value: (c) => (c.activeTokens ? String(c.activeTokens.totalCount) : '-') },
];

const NO_COUNTS = 'ACTIVE: - (the derived indexes are not current: a running service keeps them; counting without them would read every token)';

export async function listRegistrations(ctx: CommandContext): Promise<void> {
  const { counts, batches } = await clientPages(ctx);
  const writer = ctx.json ? jsonArrayWriter(ctx.io.out) : tableWriter(clientColumns, ctx.io.out);
  let total = 0;
  for await (const batch of batches) {
    await writePage(ctx, writer, batch);
    total += batch.length;
  }
  writer.end();
  if (ctx.json) return;
  ctx.io.out(`\nTotal registrations: ${total}`);
  if (!counts) ctx.io.out(NO_COUNTS);
}

type TokenRow = TokenPage['tokens']['edges'][number]['node'];
type TokenPage = Awaited<ReturnType<typeof tokenPage>>;
function tokenPage(ctx: CommandContext, after: string | null, status: 'ACTIVE' | 'EXPIRED' | null) {
  return ctx.transport.request(ops.TokensQuery, { first: PAGE, after, filter: status ? { status } : null });
}

function tokenPages(ctx: CommandContext, status: 'ACTIVE' | 'EXPIRED' | null): AsyncGenerator<TokenRow[]> {
  return pages(async (after) => (await tokenPage(ctx, after, status)).tokens);
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

function tokenStatusFlag(ctx: CommandContext): 'ACTIVE' | 'EXPIRED' | null {
  if (ctx.flags.has('active') && ctx.flags.has('expired')) throw new UsageError('list-tokens: give --active or --expired, not both');
  return ctx.flags.has('active') ? 'ACTIVE' : ctx.flags.has('expired') ? 'EXPIRED' : null;
}

export async function listTokens(ctx: CommandContext): Promise<void> {
  const status = tokenStatusFlag(ctx);
  const writer = ctx.json ? jsonArrayWriter(ctx.io.out) : tableWriter(tokenColumns, ctx.io.out);
  let total = 0;
  let active = 0;
  let expired = 0;
  for await (const batch of tokenPages(ctx, status)) {
    await writePage(ctx, writer, batch);
    total += batch.length;
    for (const t of batch) {
      if (t.status === 'ACTIVE') active++;
      else if (t.status === 'EXPIRED') expired++;
    }
  }
  writer.end();
  if (ctx.json) return;
  ctx.io.out(`\nTotal tokens: ${total} (${active} active, ${expired} expired${total - active - expired ? `, ${total - active - expired} unreadable` : ''})`);
}

export async function stats(ctx: CommandContext): Promise<void> {
  const { stats: s } = await ctx.transport.request(ops.StatsQuery);
  if (ctx.json) return printJson(ctx, s);
  ctx.io.out(statsBox(s as unknown as Record<string, number>));
}

export async function showAll(ctx: CommandContext): Promise<void> {
  if (!ctx.json) {
    await stats(ctx);
    ctx.io.out('\nRegistrations:');
    await listRegistrations(ctx);
    ctx.io.out('\nTokens:');
    return listTokens(ctx);
  }
  // { "stats": …, "registrations": […], "tokens": […] }, as JSON.stringify would lay it out, streamed.
  const { stats: s } = await ctx.transport.request(ops.StatsQuery);
  ctx.io.out(`{\n  "stats": ${JSON.stringify(s, null, 2).replace(/\n/g, '\n  ')},`);
  const registrations = jsonArrayWriter(ctx.io.out, '  ', '"registrations": ', ',');
  for await (const batch of (await clientPages(ctx)).batches) await writePage(ctx, registrations, batch);
  registrations.end();
  const tokens = jsonArrayWriter(ctx.io.out, '  ', '"tokens": ');
  for await (const batch of tokenPages(ctx, null)) await writePage(ctx, tokens, batch);
  tokens.end();
  ctx.io.out('}');
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
  return twoStep(
    ctx,
    cascade ? 'Delete ALL client registrations and their data' : 'Delete ALL client registrations',
    async (confirmToken) => (await ctx.transport.request(ops.DeleteAllClientsMutation, { cascade, confirmToken })).deleteAllClients,
  );
}

export function deleteAllTokens(ctx: CommandContext): Promise<void> {
  return twoStep(
    ctx,
    'Delete ALL access tokens, refresh tokens and user indexes',
    async (confirmToken) => (await ctx.transport.request(ops.DeleteAllTokensMutation, { confirmToken })).deleteAllTokens,
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
  const clients = await collect((await clientPages(ctx, { testOnly: true })).batches);
  const { cleanupTestClients: job } = await ctx.transport.request(ops.CleanupMutation, { dryRun });
  const final = await followJob(ctx, job.id);
  if (ctx.json) return printJson(ctx, { testClients: clients, job: final });
  if (clients.length > 0)
    ctx.io.out(
      table(
        clients,
        clientColumns.filter((c) => c.header !== 'REDIRECT URIS'),
      ),
    );
  ctx.io.out(
    `\n${dryRun ? `ℹ️  ${clients.length} test client(s); cleanup would remove` : `✅ removed ${final.counts.clients} test client(s) completely`}\n${countsLines(final.counts)}`,
  );
}
