import type { TokenInspection } from '../clients-tokens/token-check.js';
import { builder } from './builder.js';
import { AccessToken } from './token.js';
import { fromEpochSeconds } from './scalars.js';

const VerdictEnum = builder.enumType('TokenVerdict', {
  description: 'What the gateway would make of a bearer token.',
  values: {
    VALID: { description: 'Signature, issuer and expiry check out and the Redis record exists.' },
    EXPIRED: { description: 'Genuine, but `exp` has passed.' },
    REVOKED: { description: 'Genuine and unexpired, but `oauth:token:{jti}` is gone (revoked or purged).' },
    FORGED: { description: 'The signature does not verify with the configured key (or `alg` is wrong or `none`).' },
    MALFORMED: { description: 'Not a JWT, or missing/invalid claims (issuer, exp, jti).' },
    NO_KEY: { description: 'The service has no verification key configured (JWT_PRIVATE_KEY_B64 or GATEWAY_JWT_SECRET).' },
  } as const,
});

const Inspection = builder.objectRef<TokenInspection>('TokenInspection').implement({
  description: 'The verdict on a bearer token. Claims are shown only as far as they could be read; the token itself is never echoed.',
  fields: (t) => ({
    verdict: t.field({ type: VerdictEnum, description: 'The verdict.', resolve: (i) => i.verdict }),
    reason: t.exposeString('reason', { description: 'Why, in a sentence.' }),
    jti: t.string({ nullable: true, description: 'The `jti` claim.', resolve: (i) => i.jti ?? null }),
    subject: t.string({ nullable: true, description: 'The `sub` claim.', resolve: (i) => i.subject ?? null }),
    username: t.string({ nullable: true, description: 'The `username` claim.', resolve: (i) => i.username ?? null }),
    clientId: t.string({ nullable: true, description: 'The `client_id` claim.', resolve: (i) => i.clientId ?? null }),
    issuer: t.string({ nullable: true, description: 'The `iss` claim.', resolve: (i) => i.issuer ?? null }),
    issuedAt: t.field({ type: 'DateTime', nullable: true, description: '`iat`.', resolve: (i) => fromEpochSeconds(i.issuedAt) }),
    expiresAt: t.field({ type: 'DateTime', nullable: true, description: '`exp`.', resolve: (i) => fromEpochSeconds(i.expiresAt) }),
    secondsLeft: t.int({ nullable: true, description: 'Seconds until `exp` (negative once expired).', resolve: (i) => i.secondsLeft ?? null }),
    record: t.field({
      type: AccessToken,
      nullable: true,
      description: 'The stored record behind the token, when it exists.',
      resolve: (i, _a, ctx) => (i.jti ? ctx.view.token(i.jti) : null),
    }),
  }),
});

builder.queryField('inspectToken', (t) =>
  t.field({
    type: Inspection,
    description:
      "Checks a bearer token as the gateway's /verify does: signature (RS256 or HS256 key from the configuration), issuer `https://auth.{BASE_DOMAIN}`, expiry, and that its Redis record still exists.",
    args: { token: t.arg.string({ required: true, description: 'The compact JWT.' }) },
    resolve: (_root, { token }, ctx) => ctx.services.inspector.inspect(token),
  }),
);
