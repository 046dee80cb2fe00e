import type { JobProgress as ProgressShape, JobState, CategoryCounts } from '../jobs/runner.js';
import { TERMINAL } from '../jobs/runner.js';
import { builder } from './builder.js';
import { DeletionCounts } from './deletion.js';
import { paginate } from './pagination.js';
import { dryRunOpenToViewer } from './shared.js';

export const JobStatusEnum = builder.enumType('JobStatus', {
  description: 'Where a job is in its life.',
  values: {
    RUNNING: { description: 'Working.' },
    SUCCEEDED: { description: 'Finished; `counts` is final.' },
    FAILED: { description: 'Stopped by an error; `error` says why. What was done before stays done.' },
    CANCELLED: { description: 'Stopped at a safe point on request.' },
  } as const,
});

export const JobKindEnum = builder.enumType('JobKind', {
  description: 'What a job does.',
  values: {
    PURGE_EXPIRED: { description: 'Purge of expired tokens, leftovers and stale index entries.' },
    CLEANUP_TEST_CLIENTS: { description: 'Removal of every `TEST ` client with all its data.' },
    CREATE_BACKUP: { description: 'A backup of everything under the prefix.' },
    RESTORE_BACKUP: { description: 'A restore from a backup file.' },
    RECONCILE_INDEXES: { description: 'A rebuild of the derived indexes from the primary keys.' },
  } as const,
});

const JobProgress = builder.objectRef<ProgressShape>('JobProgress').implement({
  description: 'How far a job is.',
  fields: (t) => ({
    phase: t.exposeString('phase', { description: 'What it is doing now (e.g. `access tokens`, `done`).' }),
    scanned: t.exposeInt('scanned', { description: 'Keys looked at so far.' }),
    total: t.exposeInt('total', { nullable: true, description: 'Keys to look at, when known in advance.' }),
    matched: t.exposeInt('matched', { description: 'Keys that matched (in a dry run: would be changed).' }),
    deleted: t.exposeInt('deleted', { description: 'Keys removed or written so far (0 in a dry run).' }),
  }),
});

const CategoryResult = builder.objectRef<CategoryCounts>('RestoreCategoryCounts').implement({
  description: "A restore's outcome for one backup category.",
  fields: (t) => ({
    category: t.exposeString('category', { description: 'registrations, tokens, refresh_tokens, user_tokens, states, codes or sessions.' }),
    restored: t.exposeInt('restored', { description: 'Keys written that did not exist.' }),
    overwritten: t.exposeInt('overwritten', { description: 'Keys written over a different value.' }),
    unchanged: t.exposeInt('unchanged', { description: 'Keys that already held the same value.' }),
    skippedExpired: t.exposeInt('skippedExpired', { description: 'Entries whose absolute expiry had passed: not restored.' }),
  }),
});

export const Job = builder.objectRef<JobState>('Job').implement({
  description:
    'A long operation (purge, cleanup, backup, restore). Its state lives in Redis: query it with `job(id)` or follow it with the `jobProgress` subscription.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The job id.' }),
    kind: t.field({ type: JobKindEnum, description: 'What the job does.', resolve: (j) => j.kind }),
    status: t.field({ type: JobStatusEnum, description: 'Where it is.', resolve: (j) => j.status }),
    dryRun: t.exposeBoolean('dryRun', { description: 'True when it only counts and changes nothing.' }),
    actor: t.exposeString('actor', { description: 'Who started it (`admin-token`, `local-dev`, `cli`).' }),
    progress: t.field({ type: JobProgress, description: 'How far it is.', resolve: (j) => j.progress }),
    counts: t.field({ type: DeletionCounts, description: 'What it removed (or would remove) so far; final once it ends.', resolve: (j) => j.counts }),
    categories: t.field({ type: [CategoryResult], description: 'Per-category outcome (restores).', resolve: (j) => j.categories }),
    backupName: t.exposeString('backupName', { nullable: true, description: 'The backup file it wrote or read.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why it failed.' }),
    finished: t.boolean({ description: 'True once the status is SUCCEEDED, FAILED or CANCELLED.', resolve: (j) => TERMINAL.has(j.status) }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was accepted.', resolve: (j) => new Date(j.createdAt) }),
    startedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it started.', resolve: (j) => (j.startedAt ? new Date(j.startedAt) : null) }),
    finishedAt: t.field({ type: 'DateTime', nullable: true, description: 'When it ended.', resolve: (j) => (j.finishedAt ? new Date(j.finishedAt) : null) }),
  }),
});

const JobConnection = builder.connectionObject(
  { type: Job, name: 'JobConnection', description: 'A page of jobs, newest first.' },
  { description: 'One job, with its cursor.' },
);

const jobKey = (j: JobState) => `${String(j.createdAt).padStart(15, '0')}:${j.id}`;

builder.queryFields((t) => ({
  job: t.field({
    type: Job,
    nullable: true,
    description: 'One job by id; null when unknown or older than the retention (7 days).',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.services.jobs.get(String(id)),
  }),
  jobs: t.connection(
    {
      type: Job,
      description: 'Recent jobs, newest first.',
      resolve: async (_root, args, ctx) => paginate(await ctx.services.jobs.list(), args, jobKey, 'desc'),
    },
    JobConnection,
  ),
}));

builder.mutationFields((t) => ({
  purgeExpired: t.field({
    type: Job,
    description:
      'Starts a purge: EXPIRED access tokens (and their index entries), expired refresh tokens, states and codes without a TTL, stale index entries and index keys left empty. Never a client, an ACTIVE token, a valid refresh token, a corrupt record or a key outside the prefix. One maintenance job runs at a time (CONFLICT otherwise). The dry run is open to the viewer token.',
    authScopes: dryRunOpenToViewer,
    args: { dryRun: t.arg.boolean({ required: true, description: 'Only count; change nothing.' }) },
    resolve: (_root, { dryRun }, ctx) => ctx.services.deletion.purgeExpired(ctx.principal, dryRun),
  }),
  cleanupTestClients: t.field({
    type: Job,
    description: 'Starts the removal of every test client (`TEST ` names) completely, as a cascade delete of each. The dry run is open to the viewer token.',
    authScopes: dryRunOpenToViewer,
    args: { dryRun: t.arg.boolean({ required: true, description: 'Only count; change nothing.' }) },
    resolve: (_root, { dryRun }, ctx) => ctx.services.deletion.cleanupTestClients(ctx.principal, dryRun),
  }),
  cancelJob: t.field({
    type: Job,
    description: 'Asks a running job to stop at its next safe point (between batches). What it did so far stays done.',
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => ctx.services.jobs.cancel(String(id)),
  }),
}));

builder.subscriptionField('jobProgress', (t) =>
  t.field({
    type: Job,
    description:
      "A job's current state at once (so a late subscriber still sees a finished job), then every update, a few per second at most; ends after the final status.",
    args: { id: t.arg.id({ required: true }) },
    subscribe: (_root, { id }, ctx) => ctx.services.jobs.follow(String(id)),
    resolve: (job) => job,
  }),
);
