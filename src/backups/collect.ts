/**
 * The writer's first stage: one SCAN pass (batches of BATCH_SIZE, the next page asked for while
 * this one is sorted) over both prefixes collects the key names only, each into its category's
 * external sort (spill.ts: one budget for all categories, small sorted runs on disk), so the names
 * come back in Python's `sort_keys` order with SCAN repeats dropped, without holding the store's
 * key list in memory.
 */
import { ahead } from '../redis/ahead.js';
import { BATCH_SIZE, scanKeys } from '../redis/batch.js';
import type { RedisClient } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import { categorizer } from './categories.js';
import { CATEGORIES, type Category } from './format.js';
import { NameSorter, SortBudget } from './spill.js';

/** Every category's names, sorted (or ready to merge), and how many keys the SCAN returned. */
export interface CollectedNames {
  sorters: Map<Category, NameSorter>;
  scanned: number;
}

/** Collects the names; `afterPage` (progress, cancel) gets the running count after each page. */
export async function collectNames(
  redis: RedisClient,
  keys: Keys,
  scratch: string,
  budgetBytes: number,
  afterPage: (scanned: number) => Promise<void>,
): Promise<CollectedNames> {
  // One budget for all categories: when it is spent, every category's names become a sorted run.
  const held = new SortBudget(budgetBytes);
  // The runs hold key names, refresh tokens and codes among them: always encrypted, under a key
  // that exists only in memory, so a killed backup leaves nothing readable behind.
  const sorters = new Map<Category, NameSorter>(CATEGORIES.map((c) => [c, new NameSorter(scratch, c, true, held)]));
  const flushAll = async () => {
    for (const sorter of sorters.values()) await sorter.flush();
    held.held = 0;
  };
  let scanned = 0;
  const categoryOf = categorizer(keys);
  for await (const page of ahead(scanKeys(redis, keys.oauthAndSessionPattern(), BATCH_SIZE), async (page) => page, 2)) {
    for (const key of page) {
      const place = categoryOf(key);
      if (place) sorters.get(place.category)!.add(place.id);
    }
    scanned += page.length;
    if (held.full) await flushAll();
    await afterPage(scanned);
  }
  await flushAll();
  return { sorters, scanned };
}
