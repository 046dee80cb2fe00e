import type { IndexerStatus } from '../services/indexer.js';
import { builder } from './builder.js';
import { Job } from './job.js';

const IndexStatus = builder.objectRef<IndexerStatus & { memoryBytes: number | null }>('IndexStatus').implement({
  description:
    'The derived indexes behind relation queries (client.tokens, user.tokens) and `stats`. They follow the gateway\'s writes through keyspace notifications and are rebuilt by reconcile; records are always read from their primary keys.',
  fields: (t) => ({
    ready: t.boolean({ description: 'A reconcile has built them (relation queries and stats use them while a process follows the changes; otherwise they scan).', resolve: (s) => s.readyAt !== null }),
    readyAt: t.field({ type: 'DateTime', nullable: true, description: 'When the last full reconcile finished.', resolve: (s) => (s.readyAt ? new Date(s.readyAt) : null) }),
    notifications: t.exposeBoolean('notifications', { description: 'Whether this process receives keyspace notifications (false on a server that forbids CONFIG SET and has them off).' }),
    notificationsProblem: t.exposeString('notificationsProblem', { nullable: true, description: 'Why notifications are not followed, when they are not.' }),
    leader: t.exposeBoolean('leader', { description: 'Whether this service process maintains the indexes (one process does).' }),
    pending: t.exposeInt('pending', { description: 'Changed keys waiting to be applied.' }),
  }),
});

builder.queryField('indexStatus', (t) =>
  t.field({
    type: IndexStatus,
    description: 'State of the derived indexes.',
    authScopes: { viewer: true },
    resolve: (_root, _args, ctx) => ctx.services.indexes.status(),
  }),
);

builder.mutationField('reconcileIndexes', (t) =>
  t.field({
    type: Job,
    description: 'Rebuilds the derived indexes from the primary keys (runs at start and on a schedule too). A dry run reports how many index entries would change.',
    authScopes: { admin: true },
    args: { dryRun: t.arg.boolean({ required: true, description: 'Only count; change nothing.' }) },
    resolve: (_root, { dryRun }, ctx) => ctx.services.indexes.reconcile(ctx.principal, dryRun),
  }),
);
