import type { IndexStatus as Status } from '../indexes/service.js';
import { builder } from './builder.js';
import { Job } from './job.js';

const IndexStatus = builder.objectRef<Status & { memoryBytes: number | null }>('IndexStatus').implement({
  description:
    "The derived indexes behind relation queries (client.tokens, user.tokens), `stats` and purge candidates. They follow the gateway's writes through keyspace notifications and are rebuilt by reconcile; records are always read from their primary keys. A read uses them only when they are complete and a barrier proves they hold every change made before it (within INDEX_MAX_LAG_MS); otherwise it scans the store.",
  fields: (t) => ({
    ready: t.exposeBoolean('ready', {
      description:
        'Whether this process answers from the indexes now: complete, followed, and its last barrier came back in time. False: reads scan the store (slower, never stale).',
    }),
    complete: t.exposeBoolean('complete', {
      description:
        'Whether the leader says the indexes are complete: its own reconcile finished and nothing broke the chain of notifications since (a flood, a reconnection, a failing batch, a stalled follower).',
    }),
    readyAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When the last reconcile (in any process) finished.',
      resolve: (s) => (s.readyAt ? new Date(s.readyAt) : null),
    }),
    notifications: t.exposeBoolean('notifications', { description: 'Whether this process receives keyspace notifications (only the leader follows them).' }),
    notificationsProblem: t.exposeString('notificationsProblem', { nullable: true, description: 'Why notifications are not followed, when they are not.' }),
    leader: t.exposeBoolean('leader', { description: 'Whether this service process maintains the indexes (one process does).' }),
    pending: t.exposeInt('pending', { description: 'Changes queued in this process and not applied yet.' }),
    oldestPendingMs: t.exposeInt('oldestPendingMs', { description: 'Age of the oldest change not applied yet, in ms (0 when none waits).' }),
    lastAppliedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When this process last applied a change.',
      resolve: (s) => (s.lastAppliedAt ? new Date(s.lastAppliedAt) : null),
    }),
    lastReconcileAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When this process last finished a reconcile.',
      resolve: (s) => (s.lastReconcileAt ? new Date(s.lastReconcileAt) : null),
    }),
    lastReconcileRepaired: t.exposeInt('lastReconcileRepaired', { nullable: true, description: 'Index entries that reconcile added, changed or removed.' }),
    overflows: t.exposeInt('overflows', { description: 'Floods in this process: more changes queued than INDEX_MAX_PENDING, handed to a reconcile.' }),
    followerRestarts: t.exposeInt('followerRestarts', {
      description: "Times the watchdog restarted this process's follower (stalled, or its notifications stopped arriving).",
    }),
  }),
});

builder.queryField('indexStatus', (t) =>
  t.field({
    type: IndexStatus,
    description: 'State of the derived indexes, as this service process sees them.',
    resolve: (_root, _args, ctx) => ctx.services.indexes.status(),
  }),
);

builder.mutationField('reconcileIndexes', (t) =>
  t.field({
    type: Job,
    description:
      'Rebuilds the derived indexes from the primary keys (runs at start, whenever the chain of notifications broke, and on a schedule too). A dry run reports how many index entries would change.',
    authScopes: { admin: true },
    args: { dryRun: t.arg.boolean({ required: true, description: 'Only count; change nothing.' }) },
    resolve: (_root, { dryRun }, ctx) => ctx.services.indexes.reconcile(ctx.principal, dryRun),
  }),
);
