import { describe, expect, it } from 'vitest';
import { ListingSnapshots, SnapshotSource, collectSorted, readPage } from '../../src/clients-tokens/listing.js';

const sorted = (ids: string[]) =>
  collectSorted(
    [ids],
    (id) => id,
    (id) => id,
  );

describe('listing pages', () => {
  it('reads every accepted record once, in order, whatever the page size and however few the filter accepts', async () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `id${String(i).padStart(4, '0')}`);
    const source = new SnapshotSource(await sorted([...ids].reverse()));
    const loads: number[] = [];
    const load = async (batch: string[]) => {
      loads.push(batch.length);
      // Some records vanished since the snapshot: the source still names them.
      return batch.map((id) => (id.endsWith('7') ? null : { id }));
    };
    for (const [first, accept] of [
      [1, () => true],
      [7, () => true],
      [500, () => true],
      [3, (r: { id: string }) => r.id.endsWith('00')],
    ] as const) {
      const seen: string[] = [];
      let pages = 0;
      let after: string | null = null;
      loads.length = 0;
      for (;;) {
        const page: Awaited<ReturnType<typeof readPage<{ id: string }>>> = await readPage(source, after, first, load, accept);
        expect(page.items.length).toBeLessThanOrEqual(first);
        seen.push(...page.items.map((i) => i.node.id));
        pages++;
        if (!page.hasNextPage) break;
        after = page.items.at(-1)?.order ?? null;
      }
      const expected = ids.filter((id) => !id.endsWith('7') && accept({ id }));
      expect(seen).toEqual(expected);
      // About one pass, never one per page: the store once, plus what each page reads past its last
      // record to know whether another follows (the next page reads that again; with a filter that
      // accepts few, the gap up to its next match).
      const read = loads.reduce((a, b) => a + b, 0);
      console.log(`first ${first}: ${seen.length} listed in ${pages} pages, ${read} records read for ${ids.length}`);
      expect(read).toBeLessThanOrEqual(2 * ids.length + pages * (first + 1));
    }
  });

  it('keeps snapshots by content, bounded in count and ids, and drops idle ones', async () => {
    let now = 0;
    const snapshots = new ListingSnapshots(3, 250, 1000, () => now);
    const a = snapshots.put('token', await sorted(['a', 'b', 'c']));
    // The same ids found again: the same name.
    expect(snapshots.put('token', await sorted(['c', 'b', 'a', 'a']))).toBe(a);
    expect(snapshots.ids).toBe(3);
    expect(snapshots.get(a, 'client')).toBeNull();
    expect(snapshots.get(a, 'token')?.size).toBe(3);
    const big = snapshots.put('token', await sorted(Array.from({ length: 248 }, (_, i) => `x${i}`)));
    // Over 250 ids together: the least recently used goes first, the newest stays.
    expect(snapshots.get(a, 'token')).toBeNull();
    expect(snapshots.get(big, 'token')?.size).toBe(248);
    const huge = snapshots.put('client', await sorted(Array.from({ length: 300 }, (_, i) => `y${i}`)));
    expect(snapshots.size).toBe(1);
    expect(snapshots.get(huge, 'client')?.size).toBe(300);
    now += 1001;
    expect(snapshots.get(huge, 'client')).toBeNull();
    expect(snapshots.ids).toBe(0);
  });
});
