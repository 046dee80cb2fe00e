import type { Context } from '../context.js';

/** For fields that hold a secret: the admin gets the value, a viewer gets null (never an error that could echo it). */
export const adminOnly = { authScopes: { admin: true }, unauthorizedResolver: () => null } as const;

/** A key's TTL as the point in time Redis drops it; null when the key has no TTL. */
export async function keyExpiresAt(record: { key: string }, _args: unknown, ctx: Context): Promise<Date | null> {
  const ttl = await ctx.view.keyTtl(record.key);
  return ttl === null ? null : new Date(ctx.view.now() + ttl);
}

/**
 * For mutations with a dry run: the dry run changes no gateway data, so the viewer may run it
 * (semantics: "Who may do what"); the real run is the admin's.
 */
export const dryRunOpenToViewer = (_root: unknown, args: { dryRun?: boolean | null }) => (args.dryRun === true ? { viewer: true } : { admin: true });
