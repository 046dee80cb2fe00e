import { type AuditEntry as EntryShape, auditSortKey } from '../audit/audit-log.js';
import { builder } from './builder.js';
import { DeletionCounts } from './deletion.js';
import { paginate } from './pagination.js';

const AuditEntry = builder.objectRef<EntryShape>('AuditEntry').implement({
  description:
    'One executed (or refused) mutation, or a refused access (failed authentication: action `authenticate`; a mutation the token may not run): who, what, when, with what outcome. Never holds a secret.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The stream entry id.' }),
    action: t.exposeString('action', { description: 'The operation (`deleteClient(cascade)`, `purgeExpired`, ...).' }),
    actor: t.exposeString('actor', { description: 'Who: `admin-token`, `viewer-token`, `local-dev`, `cli`, or `key:NAME` for a service key.' }),
    at: t.field({ type: 'DateTime', description: 'When.', resolve: (e) => new Date(e.at) }),
    dryRun: t.exposeBoolean('dryRun', { description: 'Whether it only counted (or planned).' }),
    outcome: t.exposeString('outcome', { description: 'SUCCEEDED, PLANNED (first step of a two-step), REFUSED, FAILED or CANCELLED.' }),
    target: t.exposeString('target', { nullable: true, description: 'What it acted on (client id, jti, username, backup name).' }),
    counts: t.field({ type: DeletionCounts, nullable: true, description: 'What it removed or would remove.', resolve: (e) => e.counts }),
    jobId: t.exposeString('jobId', { nullable: true, description: 'The job, for job operations.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why it was refused or failed.' }),
    attempts: t.exposeInt('attempts', {
      description:
        'How many refusals the entry stands for: 1, or, for the entry written when a window of repeated refusals ends (same caller, same kind: failed logins from one address, one mutation refused to one token), how many came after the first one, which has its own entry.',
    }),
  }),
});

const AuditEntryConnection = builder.connectionObject(
  { type: AuditEntry, name: 'AuditEntryConnection', description: 'A page of audit entries, newest first.' },
  { description: 'One audit entry, with its cursor.' },
);

builder.queryField('auditLog', (t) =>
  t.connection(
    {
      type: AuditEntry,
      description:
        'The audit trail, newest first: mutations (the last 10,000 kept) and, kept apart so they cannot push those out, refused accesses (the last 10,000; repeats from one caller aggregated per window, see `attempts`).',
      resolve: async (_root, args, ctx) => paginate(await ctx.services.audit.list(), args, auditSortKey, 'desc'),
    },
    AuditEntryConnection,
  ),
);
