import { z } from 'zod';
import { builder } from './builder.js';
import { DeleteResult } from './deletion.js';
import { OAuthClient, OAuthClientConnection } from './client.js';
import { AccessToken, AccessTokenConnection, TokenStatusEnum, ownedTokens } from './token.js';
import { listConnection, paginate } from './pagination.js';
import { dryRunOpenToViewer } from './shared.js';

interface UserShape {
  username: string;
}

/** A node with its own batch load, not a loadable ref: no field returns a username to be loaded (see AccessToken). */
export const User = builder.objectRef<UserShape>('User');

builder.node(User, {
  id: { resolve: (u) => u.username },
  loadMany: async (usernames, ctx) => {
    const known = new Set(await ctx.view.usernames());
    return usernames.map((username) => (known.has(username) ? { username } : null));
  },
  description: 'A user the gateway knows: a username found on an access token, a refresh token or a user token index (`oauth:user_tokens:{username}`).',
  fields: (t) => ({
    username: t.string({ description: 'GitHub login.', resolve: (u) => u.username }),
    indexedTokenCount: t.int({
      description: "How many jtis the gateway's user token index holds (it is never pruned by the gateway).",
      resolve: async (u, _a, ctx) => (await ctx.view.userIndex(u.username))?.jtis.length ?? 0,
    }),
    staleIndexEntries: t.stringList({
      description: "Jtis in the user's index whose token key no longer exists (purge removes them).",
      resolve: (u, _a, ctx) => ctx.view.staleIndexEntries(u.username),
    }),
  }),
});

export const UserConnection = builder.connectionObject(
  { type: User, name: 'UserConnection', description: 'A page of users, with the total across all pages.' },
  { description: 'One of users, with its cursor.' },
);

builder.queryFields((t) => ({
  users: t.connection(
    {
      type: User,
      description: 'Every known user, sorted by username.',
      resolve: async (_root, args, ctx) =>
        listConnection(
          args,
          (at, first) => ctx.view.pageUsers(at, first),
          async () => (await ctx.view.usernames()).map((username) => ({ username })),
          (u) => u.username,
        ),
    },
    UserConnection,
  ),
  user: t.field({
    type: User,
    nullable: true,
    description: 'One user by username; null when no token, refresh token or index mentions it.',
    args: { username: t.arg.string({ required: true }) },
    resolve: async (_root, { username }, ctx) => ((await ctx.view.userExists(username)) ? { username } : null),
  }),
}));

builder.objectFields(User, (t) => ({
  tokens: t.connection(
    {
      type: AccessToken,
      description: 'Access tokens issued to this user.',
      args: { status: t.arg({ type: TokenStatusEnum, description: 'Only tokens with this status.' }) },
      resolve: (u, args, ctx) => ownedTokens({ username: u.username }, args, ctx),
    },
    AccessTokenConnection,
  ),
  clients: t.connection(
    {
      type: OAuthClient,
      description: 'Clients this user holds access or refresh tokens for (registered ones only).',
      resolve: async (u, args, ctx) => {
        const ids = new Set(await ctx.view.clientIdsOfUser(u.username));
        return paginate(
          (await ctx.view.clients()).filter((c) => ids.has(c.id)),
          args,
          (c) => c.id,
        );
      },
    },
    OAuthClientConnection,
  ),
}));

builder.objectFields(OAuthClient, (t) => ({
  users: t.connection(
    {
      type: User,
      description: 'Users holding access or refresh tokens of this client.',
      resolve: async (client, args, ctx) =>
        paginate(
          (await ctx.view.usernamesOfClient(client.id)).map((username) => ({ username })),
          args,
          (u) => u.username,
        ),
    },
    UserConnection,
  ),
}));

builder.objectField(AccessToken, 'user', (t) =>
  t.field({
    type: User,
    nullable: true,
    description: 'The user the token was issued to; null when the record names none.',
    resolve: (tok) => (tok.record?.username != null ? { username: tok.record.username } : null),
  }),
);

builder.mutationField('deleteUserTokens', (t) =>
  t.field({
    type: DeleteResult,
    description:
      'Logs a user out everywhere: deletes their access tokens, refresh tokens and unredeemed authorization codes, and their token index. NOT_FOUND when the gateway knows nothing of the user. The dry run is open to the viewer token.',
    authScopes: dryRunOpenToViewer,
    args: {
      username: t.arg.string({ required: true, validate: z.string().min(1, 'username must not be empty').max(512) }),
      dryRun: t.arg.boolean({ required: true, description: 'Only count; change nothing.' }),
    },
    resolve: (_root, { username, dryRun }, ctx) => ctx.services.deletion.deleteUserTokens(ctx.principal, username, dryRun),
  }),
);
