import type { UpdateClientInput } from '../generated/graphql.js';
import { UsageError } from './args.js';
import type { CommandContext } from './commands.js';
import { consent } from './confirm.js';
import * as ops from './operations.js';
import { CliError } from './transport.js';

/** The client lifecycle recipes: update a client's metadata, rotate its secret or registration access token. */

/** `--option` to the UpdateClientInput field it sets (single values). */
const SINGLE: Record<string, keyof UpdateClientInput> = {
  name: 'clientName',
  scope: 'scope',
  'client-uri': 'clientUri',
  'logo-uri': 'logoUri',
  'tos-uri': 'tosUri',
  'policy-uri': 'policyUri',
};

/** What the options ask to change; a usage error when they ask for nothing. */
export function updateInput(ctx: Pick<CommandContext, 'values' | 'lists'>): UpdateClientInput {
  const input: UpdateClientInput = {};
  for (const [option, field] of Object.entries(SINGLE)) {
    const value = ctx.values[option];
    if (value !== undefined) (input as Record<string, unknown>)[field] = value;
  }
  const redirectUris = ctx.lists['redirect-uri'];
  if (redirectUris) input.redirectUris = redirectUris;
  const contacts = ctx.lists.contact;
  if (contacts) input.contacts = contacts;
  if (Object.keys(input).length === 0) throw new UsageError('client-update: nothing to change (give --name, --redirect-uri, --scope, ...; see --help)');
  return input;
}

function needClientId(ctx: CommandContext): string {
  const clientId = ctx.args[0];
  if (!clientId) throw new UsageError('missing CLIENT_ID');
  return clientId;
}

type Updated = Awaited<ReturnType<typeof sendUpdate>>;
async function sendUpdate(ctx: CommandContext, clientId: string, input: UpdateClientInput, confirmToken: string | null) {
  return (await ctx.transport.request(ops.UpdateClientMutation, { clientId, input, confirmToken })).updateClient;
}

function printClient(ctx: CommandContext, client: Updated['client']): void {
  const rows: [string, string | null | undefined][] = [
    ['name', client.clientName],
    ['scope', client.scope],
    ['redirect URIs', client.redirectUris?.join(', ')],
    ['client URI', client.clientUri],
    ['logo URI', client.logoUri],
    ['terms URI', client.tosUri],
    ['policy URI', client.policyUri],
    ['contacts', client.contacts?.join(', ')],
    ['key expires', client.keyExpiresAt ?? 'never (no TTL)'],
  ];
  for (const [label, value] of rows) if (value) ctx.io.out(`  ${`${label}:`.padEnd(15)} ${value}`);
}

/** Update; when it removes registered redirect URIs, the plan, consent, then the confirmed call. */
export async function updateClientCommand(ctx: CommandContext): Promise<void> {
  const clientId = needClientId(ctx);
  const input = updateInput(ctx);
  let result = await sendUpdate(ctx, clientId, input, null);
  if (!result.executed) {
    if (!ctx.json) ctx.io.out(`Plan: the update removes redirect URI(s) of ${clientId}:\n${result.removedRedirectUris.map((u) => `  - ${u}`).join('\n')}`);
    if (!result.confirmToken) throw new CliError('the service returned no confirm token');
    await consent(
      `Update ${clientId}: the client can no longer start an authorization with a removed redirect URI.`,
      ctx.terminal,
      ctx.env.OAUTH_ADMIN_CONFIRM,
    );
    result = await sendUpdate(ctx, clientId, input, result.confirmToken);
  }
  if (ctx.json) return ctx.io.out(JSON.stringify(result, null, 2));
  ctx.io.out(`✅ updated client ${clientId} (its key's TTL is unchanged)`);
  printClient(ctx, result.client);
}

type Rotation = { clientId: string; executed: boolean; confirmToken?: string | null; newValue?: string | null; effect: string };

const ROTATIONS = {
  secret: {
    label: 'client secret',
    send: async (ctx: CommandContext, clientId: string, confirmToken: string | null): Promise<Rotation> =>
      (await ctx.transport.request(ops.RotateClientSecretMutation, { clientId, confirmToken })).rotateClientSecret,
  },
  registration: {
    label: 'registration access token',
    send: async (ctx: CommandContext, clientId: string, confirmToken: string | null): Promise<Rotation> =>
      (await ctx.transport.request(ops.RotateRegistrationTokenMutation, { clientId, confirmToken })).rotateRegistrationAccessToken,
  },
} as const;

/** Plan (what it locks out), consent, then the rotation; the new value is printed this once. */
export async function rotateCommand(ctx: CommandContext, kind: keyof typeof ROTATIONS): Promise<void> {
  const clientId = needClientId(ctx);
  const { label, send } = ROTATIONS[kind];
  const plan = await send(ctx, clientId, null);
  if (!ctx.json) ctx.io.out(`Plan: rotate the ${label} of ${clientId}.\n${plan.effect}`);
  if (!plan.confirmToken) throw new CliError('the service returned no confirm token');
  await consent(`Rotate the ${label} of ${clientId}: the old one stops working.`, ctx.terminal, ctx.env.OAUTH_ADMIN_CONFIRM);
  const done = await send(ctx, clientId, plan.confirmToken);
  if (!done.newValue) throw new CliError('the service returned no new value');
  if (ctx.json) return ctx.io.out(JSON.stringify({ clientId, executed: done.executed, newValue: done.newValue }, null, 2));
  ctx.io.out(`✅ new ${label} for ${clientId} (shown this once: hand it to the client now):\n${done.newValue}`);
}
