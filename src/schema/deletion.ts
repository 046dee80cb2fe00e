import type { DeletionCounts as CountsShape } from '../jobs/runner.js';
import type { DeleteResult as ResultShape } from '../clients-tokens/deletion.js';
import { builder } from './builder.js';

const COUNT_FIELDS: Record<keyof CountsShape, string> = {
  clients: 'Client registrations.',
  accessTokens: 'Access-token keys.',
  refreshTokens: 'Refresh-token keys.',
  authCodes: 'Authorization-code keys.',
  authStates: 'Pending-authorization (state) keys.',
  userIndexEntries: 'Jtis removed from user token indexes.',
  userIndexes: 'Whole user-index keys removed (left empty, or deleted with all tokens).',
};

export const DeletionCounts = builder.objectRef<CountsShape>('DeletionCounts').implement({
  description: 'What an operation removed, or in a dry run or plan would remove, per kind of record.',
  fields: (t) =>
    Object.fromEntries(
      (Object.keys(COUNT_FIELDS) as (keyof CountsShape)[]).map((name) => [name, t.exposeInt(name, { description: COUNT_FIELDS[name] })]),
    ) as Record<keyof CountsShape, ReturnType<typeof t.exposeInt>>,
});

export const DeleteResult = builder.objectRef<ResultShape>('DeleteResult').implement({
  description:
    'The outcome of a deletion. For a two-step operation called without `confirmToken`, `executed` is false, `counts` is the plan and `confirmToken` must be sent back (same operation, same arguments, within 5 minutes) to run it.',
  fields: (t) => ({
    executed: t.exposeBoolean('executed', { description: 'Whether anything was deleted (false for a plan or a dry run).' }),
    confirmToken: t.exposeString('confirmToken', { nullable: true, description: 'Single-use token that confirms this plan; null once executed.' }),
    counts: t.field({ type: DeletionCounts, description: 'What was (or would be) removed.', resolve: (r) => r.counts }),
  }),
});
