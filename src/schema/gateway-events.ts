import { GATEWAY_EVENT_KINDS, type GatewayEvent as EventShape, type GatewayEventKind } from '../gateway-events/event.js';
import { builder } from './builder.js';

const KIND_DESCRIPTIONS: Record<GatewayEventKind, string> = {
  WATCHING: 'First event of every stream: from here on, every write of the gateway is reported (`detail` says on how many Redis nodes).',
  LAGGED:
    'Events are missing here: this subscriber read too slowly (`missed` counts what it lost), the service could not keep up, or its connection to Redis was cut (`missed` null). `detail` says which.',
  CLIENT_REGISTERED: 'A client registration was written that this process had not seen (POST /register, or a restore of a recent one).',
  CLIENT_UPDATED: 'A known client registration was written again (RFC 7592 PUT, an admin change).',
  CLIENT_DELETED: 'A client registration key was deleted (RFC 7592 DELETE, an admin deletion).',
  CLIENT_EXPIRED: 'A client registration key expired (CLIENT_LIFETIME).',
  ACCESS_TOKEN_ISSUED: 'An access token was minted (authorization-code or refresh grant).',
  ACCESS_TOKEN_REVOKED: 'An access token key was deleted before its expiry (/revoke, an admin deletion).',
  ACCESS_TOKEN_EXPIRED: 'An access token key expired, or was deleted once its expiry had passed (a purge).',
  REFRESH_TOKEN_ISSUED: 'A refresh token was written (authorization-code grant).',
  REFRESH_TOKEN_DELETED: 'A refresh token key was deleted (/revoke, an admin deletion or purge).',
  REFRESH_TOKEN_EXPIRED: 'A refresh token key expired.',
  CODE_ISSUED: 'An authorization code was written (/callback).',
  CODE_REDEEMED: 'An authorization code key was deleted: redeemed at /token (an admin deletion looks the same).',
  CODE_EXPIRED: 'An authorization code key expired unused.',
};

export const GatewayEventKindEnum = builder.enumType('GatewayEventKind', {
  description: 'What a gateway event reports.',
  values: Object.fromEntries(GATEWAY_EVENT_KINDS.map((k) => [k, { description: KIND_DESCRIPTIONS[k] }])) as Record<GatewayEventKind, { description: string }>,
});

const GatewayEvent = builder.objectRef<EventShape>('GatewayEvent').implement({
  description:
    'One thing the gateway did, seen through its Redis writes. Records are named by their public handle: a client by id, an access token by jti, a refresh token or a code by its fingerprint (never the value).',
  fields: (t) => ({
    kind: t.field({ type: GatewayEventKindEnum, description: 'What happened.', resolve: (e) => e.kind }),
    at: t.field({ type: 'DateTime', description: 'When this service process received the notification.', resolve: (e) => new Date(e.at) }),
    clientId: t.exposeString('clientId', {
      nullable: true,
      description:
        'The client concerned; null when unknown (a removal of a record this process did not see written and the derived indexes do not hold, a record gone before it was read, a corrupt record).',
    }),
    username: t.exposeString('username', { nullable: true, description: 'The user concerned; null for clients and when unknown.' }),
    jti: t.exposeString('jti', { nullable: true, description: "The access token's id (ACCESS_TOKEN_* events)." }),
    fingerprint: t.exposeString('fingerprint', {
      nullable: true,
      description: "The refresh token's or code's fingerprint (REFRESH_TOKEN_* and CODE_* events).",
    }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: "The access token's expiry, when known.",
      resolve: (e) => (e.expiresAt === null ? null : new Date(e.expiresAt * 1000)),
    }),
    missed: t.exposeInt('missed', { nullable: true, description: 'LAGGED: how many events were lost; null when that cannot be known.' }),
    detail: t.exposeString('detail', { nullable: true, description: 'LAGGED and WATCHING: what happened, in words.' }),
  }),
});

const GatewayEventFilter = builder.inputType('GatewayEventFilter', {
  description: 'Which gateway events to receive (all given conditions must hold). WATCHING and LAGGED always come through.',
  fields: (t) => ({
    clientId: t.string({ description: 'Only events concerning this client.' }),
    username: t.string({ description: 'Only events concerning this user.' }),
    kinds: t.field({ type: [GatewayEventKindEnum], description: 'Only these kinds.' }),
  }),
});

builder.subscriptionField('gatewayEvents', (t) =>
  t.field({
    type: GatewayEvent,
    description:
      "The gateway's writes as they happen: client registrations, access and refresh tokens, codes (a refresh grant's read of its refresh token is not seen; its new access token is). Starts with WATCHING; a subscriber that reads too slowly gets LAGGED with the number it missed. Ends with the service.",
    args: { filter: t.arg({ type: GatewayEventFilter, required: false }) },
    subscribe: (_root, { filter }, ctx) =>
      ctx.services.gatewayEvents.subscribe({ clientId: filter?.clientId ?? null, username: filter?.username ?? null, kinds: filter?.kinds ?? null }),
    resolve: (event) => event,
  }),
);
