import { z } from 'zod';
import type { ClientUpdateResult as UpdateShape, CredentialRotation as RotationShape } from '../clients-tokens/client-lifecycle.js';
import { builder } from './builder.js';
import { OAuthClient } from './client.js';

const CLIENT_ID = z.string().min(1, 'clientId must not be empty').max(512);

const UpdateClientInput = builder.inputType('UpdateClientInput', {
  description:
    "RFC 7592 metadata to set on a client, named as `OAuthClient`'s fields. A field left out (or null) stays as it is; at least one is needed. Stored as the gateway's own `PUT /register/{id}` stores it (see semantics).",
  fields: (t) => ({
    clientName: t.string({ description: '`client_name` (1-512 characters).' }),
    redirectUris: t.stringList({
      description:
        "Replaces `redirect_uris` (1-50 URIs, the gateway's rule: `http://` only for localhost, 127.0.0.1 or [::1]; any other URI needs a scheme). Removing a registered URI is two-step.",
    }),
    clientUri: t.string({ description: '`client_uri`.' }),
    logoUri: t.string({ description: '`logo_uri`.' }),
    tosUri: t.string({ description: '`tos_uri`.' }),
    policyUri: t.string({ description: '`policy_uri`.' }),
    contacts: t.stringList({ description: 'Replaces `contacts` (up to 20).' }),
    scope: t.string({ description: '`scope`, space-separated.' }),
  }),
});

const ClientUpdateResult = builder.objectRef<UpdateShape>('ClientUpdateResult').implement({
  description:
    'The outcome of `updateClient`. When the update removes registered redirect URIs and no `confirmToken` was sent, `executed` is false: nothing changed, and `confirmToken` must be sent back (same client, same input, within 5 minutes) to run it.',
  fields: (t) => ({
    clientId: t.exposeString('clientId', { description: 'The client.' }),
    executed: t.exposeBoolean('executed', { description: 'Whether the record was written (false for a plan).' }),
    confirmToken: t.exposeString('confirmToken', { nullable: true, description: 'Single-use token that confirms this plan; null once executed.' }),
    removedRedirectUris: t.exposeStringList('removedRedirectUris', { description: 'Registered redirect URIs the update removes (or removed).' }),
    client: t.field({ type: OAuthClient, description: 'The client after the update (for a plan: as it is now).', resolve: (r) => r.client }),
  }),
});

const ClientCredentialRotation = builder.objectRef<RotationShape>('ClientCredentialRotation').implement({
  description:
    'The outcome of a credential rotation. Two-step: the first call changes nothing and returns `effect` and a `confirmToken`; the same call with that token (within 5 minutes) rotates and returns `newValue` once.',
  fields: (t) => ({
    clientId: t.exposeString('clientId', { description: 'The client.' }),
    executed: t.exposeBoolean('executed', { description: 'Whether the credential was replaced (false for a plan).' }),
    confirmToken: t.exposeString('confirmToken', { nullable: true, description: 'Single-use token that confirms this plan; null once executed.' }),
    newValue: t.exposeString('newValue', {
      nullable: true,
      description: 'The new credential, returned this once (it is never logged or audited); null for a plan.',
    }),
    effect: t.exposeString('effect', { description: 'What the rotation locks out and what it does not.' }),
  }),
});

builder.mutationFields((t) => ({
  updateClient: t.field({
    type: ClientUpdateResult,
    description:
      "Sets a client's RFC 7592 metadata in place, byte-compatible with the gateway (its `GET /register/{id}` returns the new values); the key's TTL is kept. Two-step when it removes a registered redirect URI. NOT_FOUND when the client does not exist, CONFLICT when its record is not in the gateway's format.",
    authScopes: { admin: true },
    args: {
      clientId: t.arg.string({ required: true, validate: CLIENT_ID }),
      input: t.arg({ type: UpdateClientInput, required: true }),
      confirmToken: t.arg.string({ description: 'The token from the plan.' }),
    },
    resolve: (_root, { clientId, input, confirmToken }, ctx) => ctx.services.clients.updateClient(ctx.principal, clientId, input, confirmToken),
  }),
  rotateClientSecret: t.field({
    type: ClientCredentialRotation,
    description:
      "Replaces the client's `client_secret` with a new random one (as the gateway makes them). Two-step. The gateway checks the secret only when a request sends one: see `effect` and semantics.",
    authScopes: { admin: true },
    args: { clientId: t.arg.string({ required: true, validate: CLIENT_ID }), confirmToken: t.arg.string({ description: 'The token from the plan.' }) },
    resolve: (_root, { clientId, confirmToken }, ctx) => ctx.services.clients.rotateClientSecret(ctx.principal, clientId, confirmToken),
  }),
  rotateRegistrationAccessToken: t.field({
    type: ClientCredentialRotation,
    description: "Replaces the client's RFC 7592 `registration_access_token` with a new random one (`reg-...`). Two-step.",
    authScopes: { admin: true },
    args: { clientId: t.arg.string({ required: true, validate: CLIENT_ID }), confirmToken: t.arg.string({ description: 'The token from the plan.' }) },
    resolve: (_root, { clientId, confirmToken }, ctx) => ctx.services.clients.rotateRegistrationAccessToken(ctx.principal, clientId, confirmToken),
  }),
  setClientExpiry: t.field({
    type: OAuthClient,
    description:
      "Sets when the client expires: `client_secret_expires_at` and the key's expiry together, to the same second (Redis then drops the registration, as it does at the end of `CLIENT_LIFETIME`). `expiresAt` must be in the future.",
    authScopes: { admin: true },
    args: {
      clientId: t.arg.string({ required: true, validate: CLIENT_ID }),
      expiresAt: t.arg({ type: 'DateTime', required: true, description: 'The new expiry (whole seconds; milliseconds are dropped).' }),
    },
    resolve: (_root, { clientId, expiresAt }, ctx) => ctx.services.clients.setClientExpiry(ctx.principal, clientId, expiresAt),
  }),
}));
