/**
 * The reader's categories: each entry checked (zod, its data decoded), counted, hashed as the
 * writer laid it out (layout.ts), and gathered into the caller's next batch.
 */
import { createHash, type Hash } from 'node:crypto';
import { CATEGORIES, type Category, type Entry, EntrySchema, entryExpiry, entryItems, zodMessage } from './format.js';
import type { StreamEvent } from './json-stream.js';
import { CATEGORY_OPEN, NAME_SEPARATOR, categoryClose, entryLead } from './layout.js';
import { entryLabel, fail, parseJson } from './read-errors.js';
import type { BackupSummary, ReadEntry, ReadOptions } from './read-types.js';

type MemberEvent = Extract<StreamEvent, { kind: 'member' }>;

export const zeroCounts = () => Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;

export class CategoryReader {
  /** Each category's SHA-256 over its bytes as written. */
  readonly hashes = new Map<Category, Hash>();
  /** Entries read since the last batch was taken. */
  batch: ReadEntry[] = [];
  /** Something only our writer puts in a file (an entry's `expires_at_ms` or `encoding`, `other`). */
  oursOnly: string | null = null;

  constructor(
    private readonly summary: BackupSummary,
    private readonly options: ReadOptions,
  ) {}

  /** The entries read since the last call. */
  takeBatch(): ReadEntry[] {
    const out = this.batch;
    this.batch = [];
    return out;
  }

  /** One event inside a category's object; `seen`: the categories met so far at this level. */
  event(ev: StreamEvent, seen: Set<string>): void {
    const category = ev.key as Category;
    if (ev.kind === 'open') {
      if (ev.array) fail(`"${category}" must be an object mapping names to entries, not an array`);
      if (seen.has(category)) fail(`"${category}" appears twice`);
      seen.add(category);
      this.hashes.set(category, createHash('sha256').update(CATEGORY_OPEN));
    } else if (ev.kind === 'member') this.member(category, ev);
    else if (ev.kind === 'close') this.hashes.get(category)?.update(categoryClose(this.summary.counts[category]));
    else if (ev.kind === 'value') fail(`"${category}" must be an object mapping names to entries`);
  }

  private member(category: Category, ev: MemberEvent): void {
    this.summary.counts[category]++;
    if (this.options.headerOnly) return;
    const id = ev.name as string;
    const entry = this.parse(category, id, ev.raw);
    let items: (string | Buffer)[];
    try {
      items = entryItems(entry);
    } catch (error) {
      return fail(`${entryLabel(category, id)}: ${(error as Error).message}`);
    }
    this.noteOurs(category, entry);
    if (!this.options.trusted) this.hash(category, ev);
    if (this.options.onEntries && (!this.options.categories || this.options.categories.has(category))) {
      this.batch.push({ category, id, entry, items, expiresAtMs: this.expiry(entry) });
    }
  }

  private parse(category: Category, id: string, raw: Buffer): Entry {
    const parsed = EntrySchema.safeParse(parseJson(raw, entryLabel(category, id)));
    if (!parsed.success) fail(`${entryLabel(category, id)} is not a backup entry (${zodMessage(parsed.error)})`);
    return parsed.data;
  }

  private noteOurs(category: Category, entry: Entry): void {
    if (this.oursOnly !== null) return;
    if (entry.expires_at_ms !== undefined) this.oursOnly = 'entries with "expires_at_ms"';
    else if (entry.encoding !== undefined) this.oursOnly = 'entries with "encoding"';
    else if (category === 'other') this.oursOnly = 'an "other" category';
  }

  /** The category's bytes as our writer lays them out. */
  private hash(category: Category, ev: MemberEvent): void {
    const hash = this.hashes.get(category)!;
    hash.update(entryLead(this.summary.counts[category] - 1));
    hash.update(ev.rawName as Buffer);
    hash.update(NAME_SEPARATOR);
    hash.update(ev.raw);
  }

  private expiry(entry: Entry): number | null {
    if (entry.expires_at_ms === undefined && entry.ttl <= 0) return null;
    const fileTime = this.options.fileTimeMs ?? this.summary.timestampMs;
    if (fileTime === null && entry.expires_at_ms === undefined) fail("the file's timestamp is needed before its entries (read the header first)");
    return entryExpiry(entry, fileTime ?? 0);
  }
}
