import type { OAuthStats as StatsShape } from '../clients-tokens/stats.js';
import { builder } from './builder.js';

const FIELDS: Record<keyof StatsShape, string> = {
  registrations: 'Client keys, corrupt ones included (the seed box\'s "Client Registrations").',
  corruptRegistrations: 'Client keys whose value does not parse.',
  testRegistrations: 'Test clients (name starts with `TEST `).',
  activeTokens: 'Access tokens whose expiry is later than now (the seed box\'s "Active Tokens").',
  expiredTokens: 'Access-token keys whose expiry has passed (the seed box\'s "Expired Tokens").',
  corruptTokens: 'Access-token keys whose value does not parse (in neither active nor expired).',
  refreshTokens: 'Refresh-token keys.',
  expiredRefreshTokens:
    'Leftover refresh tokens: keys without a TTL whose created_at + REFRESH_TOKEN_LIFETIME has passed (purge removes them). A key with a TTL is never counted: the gateway honours it until Redis drops it.',
  authStates: 'Pending authorization (state) keys.',
  authCodes: 'Authorization code keys.',
  leftoverStates: 'State keys without a TTL (can never be used; purge removes them).',
  leftoverCodes: 'Code keys without a TTL (can never be used; purge removes them).',
  userIndexes: '`user_tokens` index keys.',
  staleIndexEntries: 'Jtis in user indexes whose token key no longer exists, summed over all indexes.',
  userCount: 'Distinct usernames across access tokens, refresh tokens and user indexes (the seed box\'s "User Count").',
  usersWithActiveTokens: 'Distinct usernames holding at least one ACTIVE access token.',
  orphanTokens: 'Access tokens whose client registration does not exist.',
};

export const OAuthStats = builder.objectRef<StatsShape>('OAuthStats').implement({
  description:
    "Counts over everything under the gateway's prefix, as the Statistics section of `docs/semantics.md` in the repository defines them. Computed from Redis on each request.",
  fields: (t) =>
    Object.fromEntries((Object.keys(FIELDS) as (keyof StatsShape)[]).map((name) => [name, t.exposeInt(name, { description: FIELDS[name] })])) as Record<
      keyof StatsShape,
      ReturnType<typeof t.exposeInt>
    >,
});

builder.queryField('stats', (t) =>
  t.field({
    type: OAuthStats,
    description: 'Statistics of the whole store.',
    resolve: (_root, _args, ctx) => ctx.services.stats.compute(),
  }),
);
