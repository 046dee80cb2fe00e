import { fingerprint } from '../redis/fingerprint.js';
import type { StoredCode, StoredRefreshToken, StoredState } from '../clients-tokens/queries.js';
import { builder } from './builder.js';
import { adminOnly, keyExpiresAt } from './shared.js';
import { OAuthClient } from './client.js';
import { listConnection, paginate } from './pagination.js';
import { fromEpochSeconds } from './scalars.js';
import { TokenStatusEnum } from './token.js';
import { User } from './user.js';

const byFingerprint = (r: { id: string }) => fingerprint(r.id);

export const RefreshToken = builder.objectRef<StoredRefreshToken>('RefreshToken').implement({
  description:
    'A refresh-token record at `oauth:refresh:{token}`. The key is the secret itself, so listings name it by `fingerprint`; the value is admin-only.',
  fields: (t) => ({
    fingerprint: t.string({ description: 'A stable, non-secret handle (SHA-256 of the token, base64url, 22 characters).', resolve: byFingerprint }),
    token: t.string({ nullable: true, description: 'The refresh token itself. Null for viewers.', ...adminOnly, resolve: (r) => r.id }),
    username: t.string({ nullable: true, description: 'The user it was issued to.', resolve: (r) => r.record?.username ?? null }),
    userId: t.string({ nullable: true, description: '`user_id` (the GitHub numeric id).', resolve: (r) => r.record?.userId ?? null }),
    clientId: t.string({ nullable: true, description: 'The client it was issued to.', resolve: (r) => r.record?.clientId ?? null }),
    scope: t.string({ nullable: true, description: 'Granted scopes.', resolve: (r) => r.record?.scope ?? null }),
    createdAt: t.field({ type: 'DateTime', nullable: true, description: '`created_at`.', resolve: (r) => fromEpochSeconds(r.record?.createdAt) }),
    expiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        '`created_at` + REFRESH_TOKEN_LIFETIME: the lifetime the gateway meant. The gateway honours the token for as long as its key exists, so a key with a TTL stays valid past this time (`outlivesLifetime`); a key without a TTL is a leftover from then on.',
      resolve: (r, _a, ctx) => fromEpochSeconds(r.record?.createdAt == null ? null : r.record.createdAt + ctx.services.lifetimes.refreshTokenSeconds),
    }),
    status: t.field({
      type: TokenStatusEnum,
      nullable: true,
      description:
        'ACTIVE while the gateway would accept it: its key has a TTL (Redis drops it in time), or `expiresAt` is still ahead. EXPIRED only for a leftover: no TTL and `expiresAt` passed (purge removes those, and `stats.expiredRefreshTokens` counts them). Null for a corrupt record.',
      resolve: (r, _a, ctx) => ctx.view.refreshStatus(r),
    }),
    outlivesLifetime: t.boolean({
      description:
        'True when `expiresAt` has passed but the key still has a TTL: the gateway keeps accepting it until Redis drops the key (its REFRESH_TOKEN_LIFETIME differs from ours, clocks differ, or a restore stretched the TTL). Never purged.',
      resolve: (r, _a, ctx) => ctx.view.refreshOutlives(r),
    }),
    resources: t.stringList({ nullable: true, description: 'RFC 8707 resources (newer gateway versions).', resolve: (r) => r.record?.resources ?? null }),
    parseError: t.string({ nullable: true, description: 'Why the stored value could not be read.', resolve: (r) => r.parseError }),
    keyExpiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When Redis will drop the key; null without a TTL.',
      resolve: keyExpiresAt,
    }),
    client: t.field({ type: OAuthClient, nullable: true, description: 'The client; null when it is gone.', resolve: (r) => r.record?.clientId ?? null }),
    user: t.field({
      type: User,
      nullable: true,
      description: 'The user.',
      resolve: (r) => (r.record?.username != null ? { username: r.record.username } : null),
    }),
  }),
});

export const AuthState = builder.objectRef<StoredState>('AuthState').implement({
  description:
    "A pending authorization (CSRF state) at `oauth:state:{state}`: created by /authorize, consumed by /callback, TTL 300 s. The state is a secret while it lives (the gateway's /callback accepts it with any GitHub code: whoever holds it can finish someone else's authorization with their own account), so listings name it by `fingerprint` and the value is admin-only.",
  fields: (t) => ({
    fingerprint: t.string({ description: 'A stable, non-secret handle (SHA-256 of the state, base64url, 22 characters).', resolve: byFingerprint }),
    state: t.string({ nullable: true, description: 'The server-side state (the key suffix). Null for viewers.', ...adminOnly, resolve: (s) => s.id }),
    clientState: t.string({ nullable: true, description: "The client's own `state` parameter.", resolve: (s) => s.record?.clientState ?? null }),
    clientId: t.string({ nullable: true, description: 'The client that started the authorization.', resolve: (s) => s.record?.clientId ?? null }),
    redirectUri: t.string({ nullable: true, description: 'Where the user goes back to.', resolve: (s) => s.record?.redirectUri ?? null }),
    scope: t.string({ nullable: true, description: 'Requested scopes.', resolve: (s) => s.record?.scope ?? null }),
    codeChallengeMethod: t.string({ nullable: true, description: 'PKCE method (S256).', resolve: (s) => s.record?.codeChallengeMethod ?? null }),
    hasCodeChallenge: t.boolean({ description: 'Whether the client sent a PKCE challenge.', resolve: (s) => s.record?.codeChallenge != null }),
    parseError: t.string({ nullable: true, description: 'Why the stored value could not be read.', resolve: (s) => s.parseError }),
    keyExpiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When Redis drops the key; null for a leftover.',
      resolve: keyExpiresAt,
    }),
    isLeftover: t.boolean({
      description: 'True when the key has no TTL: the gateway always sets one, so it can never be used (purge removes it).',
      resolve: async (s, _a, ctx) => (await ctx.view.keyTtl(s.key)) === null,
    }),
    client: t.field({ type: OAuthClient, nullable: true, description: 'The client; null when it is gone.', resolve: (s) => s.record?.clientId ?? null }),
  }),
});

export const AuthorizationCode = builder.objectRef<StoredCode>('AuthorizationCode').implement({
  description: 'An authorization code at `oauth:code:{code}`: issued by /callback, redeemed (and deleted) by /token. The code is a secret.',
  fields: (t) => ({
    fingerprint: t.string({ description: 'A stable, non-secret handle for the code.', resolve: byFingerprint }),
    code: t.string({ nullable: true, description: 'The code itself. Null for viewers.', ...adminOnly, resolve: (c) => c.id }),
    clientId: t.string({ nullable: true, description: 'The client the code was issued for.', resolve: (c) => c.record?.clientId ?? null }),
    redirectUri: t.string({ nullable: true, description: 'The redirect URI it must be redeemed with.', resolve: (c) => c.record?.redirectUri ?? null }),
    scope: t.string({ nullable: true, description: 'Granted scopes.', resolve: (c) => c.record?.scope ?? null }),
    clientState: t.string({ nullable: true, description: "The client's own `state` parameter.", resolve: (c) => c.record?.clientState ?? null }),
    codeChallengeMethod: t.string({ nullable: true, description: 'PKCE method.', resolve: (c) => c.record?.codeChallengeMethod ?? null }),
    hasCodeChallenge: t.boolean({ description: 'Whether the code is bound to a PKCE challenge.', resolve: (c) => c.record?.codeChallenge != null }),
    username: t.string({ nullable: true, description: 'The user who authorized.', resolve: (c) => c.record?.username ?? null }),
    userId: t.string({ nullable: true, description: "The user's GitHub id.", resolve: (c) => c.record?.userId ?? null }),
    parseError: t.string({ nullable: true, description: 'Why the stored value could not be read.', resolve: (c) => c.parseError }),
    keyExpiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When Redis drops the key (the gateway sets one year); null for a leftover.',
      resolve: keyExpiresAt,
    }),
    isLeftover: t.boolean({
      description: 'True when the key has no TTL (purge removes it).',
      resolve: async (c, _a, ctx) => (await ctx.view.keyTtl(c.key)) === null,
    }),
    client: t.field({ type: OAuthClient, nullable: true, description: 'The client; null when it is gone.', resolve: (c) => c.record?.clientId ?? null }),
    user: t.field({
      type: User,
      nullable: true,
      description: 'The user.',
      resolve: (c) => (c.record?.username != null ? { username: c.record.username } : null),
    }),
  }),
});

const RefreshTokenConnection = builder.connectionObject(
  { type: RefreshToken, name: 'RefreshTokenConnection', description: 'A page of refresh tokens, with the total across all pages.' },
  { description: 'One of refresh tokens, with its cursor.' },
);
const AuthStateConnection = builder.connectionObject(
  { type: AuthState, name: 'AuthStateConnection', description: 'A page of pending authorizations, with the total across all pages.' },
  { description: 'One of pending authorizations, with its cursor.' },
);
const AuthorizationCodeConnection = builder.connectionObject(
  { type: AuthorizationCode, name: 'AuthorizationCodeConnection', description: 'A page of authorization codes, with the total across all pages.' },
  { description: 'One of authorization codes, with its cursor.' },
);

const RefreshTokenFilter = builder.inputType('RefreshTokenFilter', {
  description: 'Narrows a refresh-token listing.',
  fields: (t) => ({
    status: t.field({
      type: TokenStatusEnum,
      description: 'ACTIVE (the gateway would accept it) or EXPIRED (a leftover: no TTL, past created_at + REFRESH_TOKEN_LIFETIME), as `RefreshToken.status`.',
    }),
    clientId: t.string({ description: 'Refresh tokens of this client.' }),
    username: t.string({ description: 'Refresh tokens of this user.' }),
  }),
});

builder.queryFields((t) => ({
  refreshTokens: t.connection(
    {
      type: RefreshToken,
      description: 'Refresh tokens, sorted by fingerprint.',
      args: { filter: t.arg({ type: RefreshTokenFilter }) },
      resolve: async (_root, args, ctx) => {
        const filter = args.filter ?? {};
        return listConnection(
          args,
          (at, first) => ctx.view.pageRefreshTokens(filter, at, first),
          () => ctx.view.listRefreshTokens(filter),
          byFingerprint,
        );
      },
    },
    RefreshTokenConnection,
  ),
  authStates: t.connection(
    {
      type: AuthState,
      description: 'Pending authorizations (CSRF states), sorted by fingerprint.',
      args: { clientId: t.arg.string({ description: "Only this client's." }) },
      resolve: async (_root, args, ctx) =>
        listConnection(
          args,
          (at, first) => ctx.view.pageStates({ clientId: args.clientId }, at, first),
          () => ctx.view.listStates({ clientId: args.clientId }),
          byFingerprint,
        ),
    },
    AuthStateConnection,
  ),
  authCodes: t.connection(
    {
      type: AuthorizationCode,
      description: 'Unredeemed authorization codes, sorted by fingerprint.',
      args: { clientId: t.arg.string({ description: "Only this client's." }), username: t.arg.string({ description: "Only this user's." }) },
      resolve: async (_root, args, ctx) => {
        const filter = { clientId: args.clientId, username: args.username };
        return listConnection(
          args,
          (at, first) => ctx.view.pageCodes(filter, at, first),
          () => ctx.view.listCodes(filter),
          byFingerprint,
        );
      },
    },
    AuthorizationCodeConnection,
  ),
}));

builder.objectFields(OAuthClient, (t) => ({
  refreshTokens: t.connection(
    {
      type: RefreshToken,
      description: 'Refresh tokens issued to this client.',
      args: { status: t.arg({ type: TokenStatusEnum, description: 'Only refresh tokens with this status.' }) },
      resolve: async (c, args, ctx) => paginate(await ctx.view.listRefreshTokens({ clientId: c.id, status: args.status }), args, byFingerprint),
    },
    RefreshTokenConnection,
  ),
  authStates: t.connection(
    {
      type: AuthState,
      description: 'Pending authorizations started by this client, sorted by fingerprint.',
      resolve: async (c, args, ctx) => paginate(await ctx.view.listStates({ clientId: c.id }), args, byFingerprint),
    },
    AuthStateConnection,
  ),
  authCodes: t.connection(
    {
      type: AuthorizationCode,
      description: 'Unredeemed codes issued for this client.',
      resolve: async (c, args, ctx) => paginate(await ctx.view.listCodes({ clientId: c.id }), args, byFingerprint),
    },
    AuthorizationCodeConnection,
  ),
}));

builder.objectFields(User, (t) => ({
  refreshTokens: t.connection(
    {
      type: RefreshToken,
      description: 'Refresh tokens issued to this user.',
      args: { status: t.arg({ type: TokenStatusEnum, description: 'Only refresh tokens with this status.' }) },
      resolve: async (u, args, ctx) => paginate(await ctx.view.listRefreshTokens({ username: u.username, status: args.status }), args, byFingerprint),
    },
    RefreshTokenConnection,
  ),
  authCodes: t.connection(
    {
      type: AuthorizationCode,
      description: 'Unredeemed codes this user authorized.',
      resolve: async (u, args, ctx) => paginate(await ctx.view.listCodes({ username: u.username }), args, byFingerprint),
    },
    AuthorizationCodeConnection,
  ),
}));
