/** Counts of records per kind, shared by deletions, jobs and the audit log (no imports: a leaf). */

/** What a deletion removed (or, in a dry run, would remove), per kind of record. */
export interface DeletionCounts {
  clients: number;
  accessTokens: number;
  refreshTokens: number;
  authCodes: number;
  authStates: number;
  userIndexEntries: number;
  /** Whole user-index keys removed (left empty, or deleted with all tokens). */
  userIndexes: number;
}

export const zeroCounts = (): DeletionCounts => ({
  clients: 0,
  accessTokens: 0,
  refreshTokens: 0,
  authCodes: 0,
  authStates: 0,
  userIndexEntries: 0,
  userIndexes: 0,
});

export function addCounts(into: DeletionCounts, more: Partial<DeletionCounts>): DeletionCounts {
  for (const [k, v] of Object.entries(more) as [keyof DeletionCounts, number][]) into[k] += v;
  return into;
}
