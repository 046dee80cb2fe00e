/**
 * The live store under the backed-up prefixes: what REPLACE deletes (counted for its plan, then
 * deleted) and what a diff scans. Never our own keys or anything outside the prefixes.
 */
import { scanKeys, unlinkMany } from '../redis/batch.js';
import type { RedisClient } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import { type DeletionCounts, zeroCounts } from '../jobs/runner.js';
import { categorizer } from './categories.js';
import type { Category } from './format.js';

const DELETION_FIELD: Partial<Record<Category, keyof DeletionCounts>> = {
  registrations: 'clients',
  tokens: 'accessTokens',
  refresh_tokens: 'refreshTokens',
  codes: 'authCodes',
  states: 'authStates',
  user_tokens: 'userIndexes',
};

/** SCAN patterns covering the OAuth and session prefixes (one when the session prefix is inside the other). */
export function prefixPatterns(keys: Keys): string[] {
  const { oauth, session } = keys.prefixes;
  return session.startsWith(oauth) ? [keys.allOAuthPattern()] : [keys.allOAuthPattern(), keys.sessionPattern()];
}

/**
 * Keys under the prefixes now, by kind: what REPLACE deletes before writing. (Not deduplicated:
 * while Redis rehashes, SCAN may count a key twice; this is a plan, not a tally.)
 */
export async function countUnderPrefixes(redis: RedisClient, keys: Keys): Promise<DeletionCounts> {
  const counts = zeroCounts();
  const categoryOf = categorizer(keys);
  for (const pattern of prefixPatterns(keys)) {
    for await (const batch of scanKeys(redis, pattern)) {
      for (const key of batch) {
        const place = categoryOf(key);
        const field = place ? DELETION_FIELD[place.category] : undefined;
        if (field) counts[field] += 1;
      }
    }
  }
  return counts;
}

/** Deletes every key under the OAuth and session prefixes (never our own keys or anything else). */
export async function clearPrefixes(redis: RedisClient, keys: Keys, checkpoint: () => Promise<void>): Promise<void> {
  const categoryOf = categorizer(keys);
  for (const pattern of prefixPatterns(keys)) {
    for await (const batch of scanKeys(redis, pattern)) {
      const mine = batch.filter((key) => categoryOf(key) !== null);
      if (mine.length > 0) await unlinkMany(redis, mine);
      await checkpoint();
    }
  }
}
