/** What the gateway did, as its keyspace notifications tell it (docs: README "Live gateway events"). */
export const GATEWAY_EVENT_KINDS = [
  'WATCHING',
  'LAGGED',
  'CLIENT_REGISTERED',
  'CLIENT_UPDATED',
  'CLIENT_DELETED',
  'CLIENT_EXPIRED',
  'ACCESS_TOKEN_ISSUED',
  'ACCESS_TOKEN_REVOKED',
  'ACCESS_TOKEN_EXPIRED',
  'REFRESH_TOKEN_ISSUED',
  'REFRESH_TOKEN_DELETED',
  'REFRESH_TOKEN_EXPIRED',
  'CODE_ISSUED',
  'CODE_REDEEMED',
  'CODE_EXPIRED',
] as const;
export type GatewayEventKind = (typeof GATEWAY_EVENT_KINDS)[number];

/** Kinds every subscriber gets whatever its filter says: they are about the stream itself. */
const ABOUT_THE_STREAM: ReadonlySet<GatewayEventKind> = new Set(['WATCHING', 'LAGGED']);

/**
 * One event. It names records by their public handle only: a client by its id, an access token by
 * its jti, a refresh token or a code (whose keys are secrets) by their fingerprint.
 */
export interface GatewayEvent {
  kind: GatewayEventKind;
  /** Epoch ms when this process received the notification (or noticed the lag). */
  at: number;
  clientId: string | null;
  username: string | null;
  jti: string | null;
  fingerprint: string | null;
  /** Access tokens: the record's expiry (epoch seconds), when known. */
  expiresAt: number | null;
  /** LAGGED: how many events this subscriber missed (null when the count cannot be known). */
  missed: number | null;
  /** LAGGED and WATCHING: what happened, in words. */
  detail: string | null;
}

export interface GatewayEventFilter {
  clientId?: string | null;
  username?: string | null;
  kinds?: readonly GatewayEventKind[] | null;
}

export function gatewayEvent(kind: GatewayEventKind, at: number, fields: Partial<Omit<GatewayEvent, 'kind' | 'at'>> = {}): GatewayEvent {
  return { kind, at, clientId: null, username: null, jti: null, fingerprint: null, expiresAt: null, missed: null, detail: null, ...fields };
}

/** Whether a subscriber with this filter gets the event (an event whose owner is unknown matches no owner filter). */
export function matches(filter: GatewayEventFilter, event: GatewayEvent): boolean {
  if (ABOUT_THE_STREAM.has(event.kind)) return true;
  if (filter.kinds && filter.kinds.length > 0 && !filter.kinds.includes(event.kind)) return false;
  if (filter.clientId != null && filter.clientId !== event.clientId) return false;
  if (filter.username != null && filter.username !== event.username) return false;
  return true;
}
