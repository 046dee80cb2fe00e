/**
 * A least-recently-used map keyed by query text, bounded in entries and in the total length of
 * the texts (a document's tree and compiled code grow with its text): the parser and validation
 * cache and the compiled queries both use it, so a caller sending many large distinct queries
 * cannot grow them without limit.
 */
export class DocumentCache<T> {
  private readonly entries = new Map<string, T>();
  private chars = 0;
  /** The most recently used text: a hit on it changes no order (the common case: one query sent many times). */
  private newest: string | undefined;

  constructor(
    readonly maxEntries: number,
    readonly maxChars: number = Number.POSITIVE_INFINITY,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The total length of the query texts held. */
  get characters(): number {
    return this.chars;
  }

  get(query: string): T | undefined {
    const found = this.entries.get(query);
    if (found !== undefined && query !== this.newest) {
      // Most recently used last: re-insert.
      this.entries.delete(query);
      this.entries.set(query, found);
      this.newest = query;
    }
    return found;
  }

  set(query: string, value: T): void {
    if (this.entries.delete(query)) this.chars -= query.length;
    this.entries.set(query, value);
    this.newest = query;
    this.chars += query.length;
    while (this.entries.size > this.maxEntries || (this.chars > this.maxChars && this.entries.size > 1)) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
  }
}
