import type { Context } from '../context.js';
import type { StoredClient } from '../clients-tokens/queries.js';
import { isTestClientName } from '../redis/codecs.js';
import { z } from 'zod';
import { builder } from './builder.js';
import { DeleteResult, DeletionCounts } from './deletion.js';
import { adminOnly, keyExpiresAt } from './shared.js';
import { listConnection } from './pagination.js';
import { listingOrder } from '../clients-tokens/queries.js';
import { fromEpochSeconds } from './scalars.js';

export const OAuthClient = builder.loadableNodeRef('OAuthClient', {
  id: { resolve: (c) => c.id },
  load: (ids: string[], ctx: Context) => ctx.view.clientsById(ids) as Promise<StoredClient[]>,
});

OAuthClient.implement({
  description:
    'An RFC 7591 client registration, stored by the gateway at `oauth:client:{clientId}`. A record that does not parse still appears, with `parseError` set and its other fields null.',
  fields: (t) => ({
    clientId: t.string({ description: 'The client id (the key suffix).', resolve: (c) => c.id }),
    clientName: t.string({
      nullable: true,
      description: 'Name given at registration (`Unnamed Client` by default).',
      resolve: (c) => c.record?.clientName ?? null,
    }),
    clientSecret: t.string({
      nullable: true,
      description: 'The client secret. Null for viewers: secrets are withheld from the viewer token.',
      ...adminOnly,
      resolve: (c) => c.record?.clientSecret ?? null,
    }),
    registrationAccessToken: t.string({
      nullable: true,
      description: 'The RFC 7592 registration access token. Null for viewers.',
      ...adminOnly,
      resolve: (c) => c.record?.registrationAccessToken ?? null,
    }),
    clientSecretExpiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the secret expires; null when it never does (`client_secret_expires_at` = 0).',
      resolve: (c) => (c.record?.clientSecretExpiresAt ? fromEpochSeconds(c.record.clientSecretExpiresAt) : null),
    }),
    redirectUris: t.stringList({
      nullable: true,
      description: 'Registered redirect URIs (stored by the gateway as a JSON string; decoded here).',
      resolve: (c) => c.record?.redirectUris ?? null,
    }),
    grantTypes: t.stringList({
      nullable: true,
      description: 'Grant types (always authorization_code and refresh_token on this gateway).',
      resolve: (c) => c.record?.grantTypes ?? null,
    }),
    responseTypes: t.stringList({ nullable: true, description: 'Response types.', resolve: (c) => c.record?.responseTypes ?? null }),
    scope: t.string({ nullable: true, description: 'Space-separated scopes the client registered.', resolve: (c) => c.record?.scope ?? null }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: '`client_id_issued_at` (or `created_at` on older records).',
      resolve: (c) => fromEpochSeconds(c.record?.createdAt),
    }),
    clientUri: t.string({ nullable: true, description: 'RFC 7591 `client_uri`, when set by an RFC 7592 update.', resolve: (c) => c.record?.clientUri ?? null }),
    logoUri: t.string({ nullable: true, description: 'RFC 7591 `logo_uri`.', resolve: (c) => c.record?.logoUri ?? null }),
    tosUri: t.string({ nullable: true, description: 'RFC 7591 `tos_uri`.', resolve: (c) => c.record?.tosUri ?? null }),
    policyUri: t.string({ nullable: true, description: 'RFC 7591 `policy_uri`.', resolve: (c) => c.record?.policyUri ?? null }),
    contacts: t.stringList({ nullable: true, description: 'RFC 7591 `contacts`.', resolve: (c) => c.record?.contacts ?? null }),
    isTestClient: t.boolean({
      description: 'True when the name starts with `TEST ` (case-sensitive, with the space): what test cleanup removes.',
      resolve: (c) => isTestClientName(c.record?.clientName ?? null),
    }),
    parseError: t.string({
      nullable: true,
      description: 'Why the stored value could not be read (not JSON, not an object, wrong Redis type); null for a good record.',
      resolve: (c) => c.parseError,
    }),
    keyExpiresAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When Redis will drop the key (its TTL as a point in time); null when the key has no TTL.',
      resolve: keyExpiresAt,
    }),
  }),
});

export const OAuthClientConnection = builder.connectionObject(
  { type: OAuthClient, name: 'OAuthClientConnection', description: 'A page of client registrations, with the total across all pages.' },
  { description: 'One of client registrations, with its cursor.' },
);

const ClientFilter = builder.inputType('ClientFilter', {
  description: 'Narrows a client listing.',
  fields: (t) => ({
    testOnly: t.boolean({ description: 'true: only test clients (`TEST ` names); false: only the others.' }),
    nameContains: t.string({ description: 'Case-insensitive substring of the client name.' }),
  }),
});

builder.queryFields((t) => ({
  clients: t.connection(
    {
      type: OAuthClient,
      description: 'Every client registration, sorted by client id, corrupt ones included.',
      args: { filter: t.arg({ type: ClientFilter }) },
      resolve: async (_root, args, ctx) => {
        const filter = args.filter ?? {};
        return listConnection(
          args,
          (at, first) => ctx.view.pageClients(filter, at, first),
          () => ctx.view.listClients(filter),
          listingOrder.client,
        );
      },
    },
    OAuthClientConnection,
  ),
  client: t.field({
    type: OAuthClient,
    nullable: true,
    description: 'One client by id; null when it does not exist.',
    args: { clientId: t.arg.string({ required: true }) },
    resolve: async (_root, { clientId }, ctx) => ctx.view.client(clientId),
  }),
}));

const CascadePreview = builder.objectRef<import('../clients-tokens/deletion.js').CascadePreview>('ClientDeletionPreview').implement({
  description: 'What deleting a client completely would remove.',
  fields: (t) => ({
    clientId: t.exposeString('clientId', { description: 'The client.' }),
    counts: t.field({ type: DeletionCounts, description: 'Records that would be removed.', resolve: (p) => p.counts }),
    sampleTokenJtis: t.exposeStringList('sampleTokenJtis', { description: 'Up to 10 of the access tokens.' }),
    sampleUsernames: t.exposeStringList('sampleUsernames', { description: 'Up to 10 of the users who would lose tokens.' }),
  }),
});

builder.queryField('clientDeletionPreview', (t) =>
  t.field({
    type: CascadePreview,
    nullable: true,
    description: 'What `deleteClient(cascade: true)` would remove; null when the client does not exist. Changes nothing.',
    args: { clientId: t.arg.string({ required: true }) },
    resolve: (_root, { clientId }, ctx) => ctx.services.deletion.previewClientCascade(clientId),
  }),
);

builder.mutationFields((t) => ({
  deleteClient: t.field({
    type: DeleteResult,
    description:
      "Deletes a client registration. With `cascade`, also every access token, refresh token, code and state of the client, and the deleted tokens' jtis from their users' indexes. NOT_FOUND when the client does not exist.",
    authScopes: { admin: true },
    args: {
      clientId: t.arg.string({ required: true, validate: z.string().min(1, 'clientId must not be empty').max(512) }),
      cascade: t.arg.boolean({ defaultValue: false, description: "Delete all the client's data too." }),
    },
    resolve: (_root, { clientId, cascade }, ctx) => ctx.services.deletion.deleteClient(ctx.principal, clientId, cascade ?? false),
  }),
  deleteAllClients: t.field({
    type: DeleteResult,
    description:
      "Deletes every client registration (with `cascade`, each one's data too). Two-step: call without `confirmToken` for the plan, then again with it.",
    authScopes: { admin: true },
    args: {
      cascade: t.arg.boolean({ defaultValue: false, description: "Delete each client's data too." }),
      confirmToken: t.arg.string({ description: 'The token from the plan.' }),
    },
    resolve: (_root, { cascade, confirmToken }, ctx) => ctx.services.deletion.deleteAllClients(ctx.principal, cascade ?? false, confirmToken),
  }),
}));
