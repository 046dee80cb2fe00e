import type { Context } from '../context.js';
import type { StoredToken } from '../clients-tokens/queries.js';
import { z } from 'zod';
import { builder } from './builder.js';
import { DeleteResult } from './deletion.js';
import { keyExpiresAt } from './shared.js';
import { OAuthClient } from './client.js';
import { type PageArgs, listConnection, paginate, relationConnection } from './pagination.js';
import type { TokenStatus } from '../clients-tokens/status.js';
import { listingOrder } from '../clients-tokens/queries.js';
import { fromEpochSeconds } from './scalars.js';

export const TokenStatusEnum = builder.enumType('TokenStatus', {
  description: 'ACTIVE while the expiry is later than now; EXPIRED once it is not (even if the key is still in Redis).',
  values: {
    ACTIVE: { value: 'ACTIVE', description: 'Expiry is in the future.' },
    EXPIRED: { value: 'EXPIRED', description: 'Expiry has passed.' },
  } as const,
});

export const TokenFormatEnum = builder.enumType('TokenRecordFormat', {
  description: 'How an access-token record is stored.',
  values: {
    JSON: { value: 'JSON', description: "The gateway's JSON record (claims plus created_at and expires_at)." },
    JWT: { value: 'JWT', description: 'A compact JWT stored as the value (manual writes; the gateway never does this).' },
  } as const,
});

/**
 * A node with its own batch load for `node(id:)` and `nodes(ids:)`, not a loadable ref: no field
 * returns a jti to be loaded, and the dataloader plugin makes a loader per request for every field
 * of a loadable type, used or not.
 */
export const AccessToken = builder.objectRef<StoredToken>('AccessToken');

builder.node(AccessToken, {
  id: { resolve: (t) => t.id },
  loadMany: (ids, ctx) => ctx.view.tokensById(ids),
  description: 'An access-token record at `oauth:token:{jti}`. The JWT itself is not stored; this is what the gateway checks on every request.',
  fields: (t) => ({
    jti: t.string({ description: 'The token id (the key suffix, the JWT `jti`).', resolve: (tok) => tok.id }),
    username: t.string({ nullable: true, description: 'GitHub login of the user the token was issued to.', resolve: (tok) => tok.record?.username ?? null }),
    subject: t.string({ nullable: true, description: 'The `sub` claim (GitHub numeric id, as a string).', resolve: (tok) => tok.record?.sub ?? null }),
    email: t.string({ nullable: true, description: 'Email at issue time; null when GitHub hid it.', resolve: (tok) => tok.record?.email ?? null }),
    name: t.string({ nullable: true, description: 'Display name at issue time.', resolve: (tok) => tok.record?.name ?? null }),
    clientId: t.string({ nullable: true, description: 'The client the token was issued to.', resolve: (tok) => tok.record?.clientId ?? null }),
    scope: t.string({ nullable: true, description: 'Granted scopes.', resolve: (tok) => tok.record?.scope ?? null }),
    issuedAt: t.field({ type: 'DateTime', nullable: true, description: '`iat`, else `created_at`.', resolve: (tok) => fromEpochSeconds(tok.record?.issuedAt) }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: '`exp`, else `expires_at`.',
      resolve: (tok) => fromEpochSeconds(tok.record?.expiresAt),
    }),
    status: t.field({
      type: TokenStatusEnum,
      nullable: true,
      description: "ACTIVE or EXPIRED by the record's expiry; null for a corrupt record or one without an expiry.",
      resolve: (tok, _a, ctx) => ctx.view.tokenStatus(tok),
    }),
    expiresInSeconds: t.int({
      nullable: true,
      description: 'Seconds until expiry (negative once expired).',
      resolve: (tok, _a, ctx) => {
        if (tok.record?.expiresAt == null) return null;
        const seconds = Math.floor(tok.record.expiresAt - ctx.view.now() / 1000);
        // A hand-written `exp` can be absurd (year 60000): GraphQL's Int is 32-bit, so say nothing rather than fail.
        return seconds >= -2147483648 && seconds <= 2147483647 ? seconds : null;
      },
    }),
    format: t.field({
      type: TokenFormatEnum,
      nullable: true,
      description: "JSON (the gateway's format) or JWT.",
      resolve: (tok) => tok.record?.format ?? null,
    }),
    parseError: t.string({ nullable: true, description: 'Why the stored value could not be read; null for a good record.', resolve: (tok) => tok.parseError }),
    keyExpiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When Redis will drop the key; null when it has no TTL (such a key outlives its expiry until purged).',
      resolve: keyExpiresAt,
    }),
    client: t.field({
      type: OAuthClient,
      nullable: true,
      description: 'The client registration; null for an orphan token (its client is gone).',
      resolve: (tok) => tok.record?.clientId ?? null,
    }),
  }),
});

export const AccessTokenConnection = builder.connectionObject(
  { type: AccessToken, name: 'AccessTokenConnection', description: 'A page of access tokens, with the total across all pages.' },
  { description: 'One of access tokens, with its cursor.' },
);

const TokenFilter = builder.inputType('TokenFilter', {
  description: 'Narrows a token listing; all given conditions must hold.',
  fields: (t) => ({
    status: t.field({ type: TokenStatusEnum, description: 'ACTIVE or EXPIRED.' }),
    clientId: t.string({ description: 'Tokens of this client.' }),
    username: t.string({ description: 'Tokens of this user.' }),
  }),
});

builder.queryFields((t) => ({
  tokens: t.connection(
    {
      type: AccessToken,
      description:
        'Access tokens, corrupt ones included (unless a filter excludes them). Sorted by jti with a client or user filter; else in the order the indexes page in (a hash of the jti, then the jti), so each page reads only its own tokens.',
      args: { filter: t.arg({ type: TokenFilter }) },
      resolve: async (_root, args, ctx) => {
        const filter = args.filter ?? {};
        // One owner's tokens come from its own index entries (or the request's scan): a short list.
        if (filter.clientId != null || filter.username != null) return paginate(await ctx.view.listTokens(filter), args, (tok) => tok.id);
        return listConnection(
          args,
          (at, first) => ctx.view.pageTokens(filter, at, first),
          () => ctx.view.listTokens(filter),
          listingOrder.token,
        );
      },
    },
    AccessTokenConnection,
  ),
  token: t.field({
    type: AccessToken,
    nullable: true,
    description: 'One access token by jti; null when it does not exist (revoked, purged or expired out of Redis).',
    args: { jti: t.arg.string({ required: true }) },
    resolve: (_root, { jti }, ctx) => ctx.view.token(jti),
  }),
}));

/** The tokens a client or a user owns, filtered by status: one resolver for both relations. */
export function ownedTokens(owner: { clientId?: string; username?: string }, args: PageArgs & { status?: TokenStatus | null }, ctx: Context) {
  const query = { ...owner, status: args.status ?? null };
  return relationConnection(
    args,
    () => ctx.view.listTokens(query),
    (tok) => tok.id,
    () => ctx.view.countTokens(query),
  );
}

builder.objectField(OAuthClient, 'tokens', (t) =>
  t.connection(
    {
      type: AccessToken,
      description: 'Access tokens issued to this client.',
      args: { status: t.arg({ type: TokenStatusEnum, description: 'Only tokens with this status.' }) },
      resolve: (client, args, ctx) => ownedTokens({ clientId: client.id }, args, ctx),
    },
    AccessTokenConnection,
  ),
);

builder.mutationFields((t) => ({
  deleteToken: t.field({
    type: DeleteResult,
    description: "Revokes one access token: deletes its key and its jti from the user's index. NOT_FOUND when it does not exist.",
    authScopes: { admin: true },
    args: { jti: t.arg.string({ required: true, validate: z.string().min(1, 'jti must not be empty').max(512) }) },
    resolve: (_root, { jti }, ctx) => ctx.services.deletion.deleteToken(ctx.principal, jti),
  }),
  deleteAllTokens: t.field({
    type: DeleteResult,
    description:
      'Deletes every access token, every refresh token (one left behind could mint new access) and every user index. Two-step: call without `confirmToken` for the plan, then again with it.',
    authScopes: { admin: true },
    args: { confirmToken: t.arg.string({ description: 'The token from the plan.' }) },
    resolve: (_root, { confirmToken }, ctx) => ctx.services.deletion.deleteAllTokens(ctx.principal, confirmToken),
  }),
}));
