import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import type { Context } from '../context.js';
import { AdminError } from '../errors.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { admin: boolean; viewer: boolean };
  Connection: { totalCount: number | (() => Promise<number>) };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | number };
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, RelayPlugin, DataloaderPlugin, ErrorsPlugin, ValidationPlugin],
  // Who may do what: admission lets in only the admin and the viewer, before parsing, and the
  // viewer may run every query and subscription, so those declare no scope (a check per request
  // that could never refuse, and scope-auth's per-request cache with it, cost 10-15% of a small
  // read's CPU). What the viewer may not do is declared where it is: `admin` (or
  // `dryRunOpenToViewer`) on every mutation, `adminOnly` on every secret (test/unit/schema.test.ts).
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      admin: ctx.principal.role === 'admin',
      viewer: ctx.principal.role === 'admin' || ctx.principal.role === 'viewer',
    }),
    unauthorizedError: (_parent, ctx, info) => {
      const message = 'this operation needs the admin token';
      // A mutation the role check refuses is on record (aggregated per caller and mutation, so
      // repeating it cannot flood the trail); its arguments are not (they may hold a confirm token).
      if (info.parentType.name === 'Mutation') {
        void ctx.services.audit.refused({ action: info.fieldName, actor: ctx.principal.name, dryRun: false, outcome: 'REFUSED', error: message });
      }
      return new AdminError('FORBIDDEN', message);
    },
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    nodeTypeOptions: { description: 'An object with a global id: pass it to `node(id:)` to fetch it again.' },
    pageInfoTypeOptions: { description: 'Where a page sits: pass `endCursor` as `after` for the next one.' },
    nodeQueryOptions: { description: 'Any object by its global id; null when it no longer exists.' },
    nodesQueryOptions: { description: 'Several objects by global id, in the order asked.' },
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
  errors: { defaultTypes: [] },
  validation: {
    validationError: (result) =>
      new AdminError(
        'BAD_USER_INPUT',
        result.issues
          .map((i) => `${(i.path ?? []).map((p) => (typeof p === 'object' ? String(p.key) : String(p))).join('.') || 'input'}: ${i.message}`)
          .join('; '),
      ),
  },
});

builder.queryType({ description: "Read the gateway's OAuth data: clients, tokens, users and flows, as linked types." });

builder.globalConnectionField('totalCount', (t) =>
  t.int({
    description: 'How many records match, across all pages.',
    resolve: (parent) => (typeof parent.totalCount === 'function' ? parent.totalCount() : parent.totalCount),
  }),
);

builder.mutationType({ description: "Change the gateway's data. Admin token only; every executed mutation is audited." });
builder.subscriptionType({ description: 'Live updates over Server-Sent Events.' });
