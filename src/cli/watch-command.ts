import { GATEWAY_EVENT_KINDS } from '../gateway-events/event.js';
import type { CliGatewayEventsSubscription, GatewayEventKind } from '../generated/graphql.js';
import { UsageError } from './args.js';
import type { CommandContext } from './commands.js';
import * as ops from './operations.js';
import { CliError } from './transport.js';

type Event = CliGatewayEventsSubscription['gatewayEvents'];

const KINDS: readonly GatewayEventKind[] = GATEWAY_EVENT_KINDS;

/** `--kind access-token-issued` or `ACCESS_TOKEN_ISSUED`, checked before anything runs. */
function kindsOf(given: string[] | undefined): GatewayEventKind[] | null {
  if (!given || given.length === 0) return null;
  return given.map((k) => {
    const kind = k.toUpperCase().replace(/-/g, '_') as GatewayEventKind;
    if (!KINDS.includes(kind)) throw new UsageError(`unknown event kind ${JSON.stringify(k)} (one of ${KINDS.slice(2).join(', ')})`);
    return kind;
  });
}

/** One line: time, kind, then what is known (`-` for an owner that is unknown). */
export function eventLine(e: Event): string {
  const parts = [e.at, e.kind.padEnd(21)];
  if (e.kind === 'WATCHING' || e.kind === 'LAGGED') {
    if (e.missed !== null && e.missed !== undefined) parts.push(`missed=${e.missed}`);
    parts.push(e.detail ?? '');
  } else {
    parts.push(`client=${e.clientId ?? '-'}`);
    if (!e.kind.startsWith('CLIENT_')) parts.push(`user=${e.username ?? '-'}`);
    if (e.jti) parts.push(`jti=${e.jti}`);
    if (e.fingerprint) parts.push(`fingerprint=${e.fingerprint}`);
    if (e.expiresAt && e.kind === 'ACCESS_TOKEN_ISSUED') parts.push(`expires=${e.expiresAt}`);
  }
  return parts.join(' ').trimEnd();
}

/**
 * Prints the gateway's events as they happen, a line each (`--json`: one JSON object per line),
 * until interrupted. Waits for the reader after each line: a reader that falls behind makes the
 * service drop events for this watcher, which it then reports as a LAGGED line.
 */
export async function watchEvents(ctx: CommandContext): Promise<void> {
  const filter = { clientId: ctx.values.client ?? null, username: ctx.values.user ?? null, kinds: kindsOf(ctx.lists.kind) };
  for await (const { gatewayEvents: event } of ctx.transport.subscribe(ops.GatewayEventsSubscription, { filter })) {
    ctx.io.out(ctx.json ? JSON.stringify(event) : eventLine(event));
    await ctx.io.drain?.();
  }
  throw new CliError(`${ctx.transport.description} ended the event stream (it is shutting down)`, 'UNAVAILABLE');
}
