import { type AuditEntry as EntryShape, auditSortKey } from '../services/audit.js';
import { builder } from './builder.js';
import { DeletionCounts } from './deletion.js';
import { paginate } from './pagination.js';

const AuditEntry = builder.objectRef<EntryShape>('AuditEntry').implement({
  description: 'One executed (or refused) mutation: who, what, when, with what outcome. Never holds a secret.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The stream entry id.' }),
    action: t.exposeString('action', { description: 'The operation (`deleteClient(cascade)`, `purgeExpired`, ...).' }),
    actor: t.exposeString('actor', { description: 'Who: `admin-token`, `local-dev`, `cli`.' }),
    at: t.field({ type: 'DateTime', description: 'When.', resolve: (e) => new Date(e.at) }),
    dryRun: t.exposeBoolean('dryRun', { description: 'Whether it only counted (or planned).' }),
    outcome: t.exposeString('outcome', { description: 'SUCCEEDED, PLANNED (first step of a two-step), REFUSED, FAILED or CANCELLED.' }),
    target: t.exposeString('target', { nullable: true, description: 'What it acted on (client id, jti, username, backup name).' }),
    counts: t.field({ type: DeletionCounts, nullable: true, description: 'What it removed or would remove.', resolve: (e) => e.counts }),
    jobId: t.exposeString('jobId', { nullable: true, description: 'The job, for job operations.' }),
    error: t.exposeString('error', { nullable: true, description: 'Why it was refused or failed.' }),
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
      description: 'The audit trail of mutations, newest first (the last 10,000 are kept).',
      authScopes: { viewer: true },
      resolve: async (_root, args, ctx) => paginate(await ctx.services.audit.list(), args, auditSortKey, 'desc'),
    },
    AuditEntryConnection,
  ),
);
