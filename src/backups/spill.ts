/**
 * External sort of the names a backup holds, per category. Names arrive in SCAN order and are
 * held as they are until the sorters of one backup together hold their budget (`SortBudget`);
 * then each category's names are sorted in Python's `sort_keys` order (code points), repeats
 * dropped, and written as a run file through a small staging buffer. The runs are merged back in
 * order (by the names' UTF-8 bytes, which is code point order; a small read buffer per run);
 * a name SCAN returned twice meets its repeat in the merge and comes out once, so no set of seen
 * names is ever held in memory. With encryption on, run files are encrypted (AES-256-CTR) with a
 * key that exists only in memory, so a crash leaves nothing readable behind.
 *
 * Run record: u32 (little-endian) byte length, the name in UTF-8.
 */
import { constants } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ctrStream, ephemeralCipher } from './crypto.js';
import { pyCompare } from './pyjson.js';

/** A character where UTF-16 order (JavaScript's) and code point order (Python's) differ. */
const HIGH = /[\ud800-\uffff]/;

/** Per run being merged (a store of millions of keys makes a dozen runs). */
const READ_BYTES = 64 * 1024;
const STAGE_BYTES = 1024 * 1024;
/** What a held name costs beyond its characters (string header, its key, the array slot), roughly. */
const NAME_OVERHEAD = 48;

type Secret = { key: Buffer; iv: Buffer } | null;

/** The memory the sorters of one backup share: when it is spent, every sorter writes a run. */
export class SortBudget {
  held = 0;

  constructor(readonly bytes: number) {}

  get full(): boolean {
    return this.held >= this.bytes;
  }
}

export class NameSorter {
  private names: string[] = [];
  /** Whether a held name has a character where UTF-16 order and code point order differ. */
  private high = false;
  private readonly runs: { path: string; secret: Secret }[] = [];
  private seq = 0;
  /** Names added (SCAN repeats included). */
  count = 0;

  constructor(
    private readonly dir: string,
    private readonly tag: string,
    private readonly encrypt: boolean,
    private readonly budget: SortBudget,
  ) {}

  /** Holds a name (synchronous: millions of calls). The owner of the budget flushes when it is full. */
  add(name: string): void {
    this.count++;
    this.names.push(name);
    this.budget.held += NAME_OVERHEAD + name.length;
    if (!this.high && HIGH.test(name)) this.high = true;
  }

  /** Writes the names held as a sorted run file, each once, and lets them go. */
  async flush(): Promise<void> {
    const names = this.names;
    if (names.length === 0) return;
    this.names = [];
    // UTF-16 order is Python's unless a name has a character where the two differ.
    if (this.high) names.sort(pyCompare);
    else sortNames(names);
    this.high = false;
    const secret = this.encrypt ? ephemeralCipher() : null;
    const cipher = secret ? ctrStream(secret) : null;
    const path = join(this.dir, `${this.tag}-${String(this.seq++).padStart(5, '0')}.run`);
    const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    this.runs.push({ path, secret });
    try {
      let stage = Buffer.allocUnsafe(STAGE_BYTES);
      let staged = 0;
      let position = 0;
      const put = async (bytes: Buffer) => {
        const data = cipher ? cipher.update(bytes) : bytes;
        let off = 0;
        while (off < data.length) off += (await handle.write(data, off, data.length - off, position + off)).bytesWritten;
        position += data.length;
      };
      let previous: string | null = null;
      for (const name of names) {
        if (name === previous) continue;
        previous = name;
        const most = 4 + 3 * name.length;
        if (most > stage.length - staged) {
          if (staged > 0) await put(stage.subarray(0, staged));
          staged = 0;
          if (most > stage.length) stage = Buffer.allocUnsafe(most);
        }
        const n = stage.write(name, staged + 4, 'utf8');
        stage.writeUInt32LE(n, staged);
        staged += 4 + n;
      }
      if (staged > 0) await put(stage.subarray(0, staged));
    } finally {
      await handle.close();
    }
  }

  /** Every name in order, each once, in batches of up to `batch`. Can run more than once. */
  async *merged(batch = 1000): AsyncGenerator<string[]> {
    await this.flush();
    const readers = await Promise.all(this.runs.map((r) => RunReader.open(r.path, r.secret)));
    try {
      const heap = new ReaderHeap();
      for (const r of readers) if (await r.load()) heap.push(r);
      let out: string[] = [];
      let last: string | null = null;
      while (heap.size > 0) {
        const top = heap.pop();
        const name = top.buf.toString('utf8', top.k0, top.k1);
        if (!top.next()) {
          if (await top.load()) heap.push(top);
        } else heap.push(top);
        if (name === last) continue;
        last = name;
        out.push(name);
        if (out.length >= batch) {
          yield out;
          out = [];
        }
      }
      if (out.length > 0) yield out;
    } finally {
      await Promise.all(readers.map((r) => r.close()));
    }
  }

  async remove(): Promise<void> {
    await Promise.all(this.runs.map((r) => unlink(r.path).catch(() => {})));
  }
}

/** Names that fit a numeric sort key: 2^21 (the index's bits). */
const MAX_KEYED = 1 << 21;

/**
 * Sorts names in UTF-16 order, in place. Most names (random ids) differ in their first four
 * characters, so each is sorted by a number: those characters (one byte each) above its index,
 * 32 + 21 bits, exact in a double, in one native typed-array sort with no comparator calls. Names
 * with the same first four characters are then sorted among themselves as strings. Names a number
 * cannot order (a character 0 or above 255 in the first four, or too many names) take the
 * native string sort.
 */
export function sortNames(names: string[]): void {
  const n = names.length;
  if (n < 2) return;
  if (n > MAX_KEYED) {
    names.sort();
    return;
  }
  const keyed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const name = names[i]!;
    let prefix = 0;
    for (let j = 0; j < 4; j++) {
      // A missing character sorts first (as 0); a real 0 would tie with it, so it cannot be keyed.
      const c = j < name.length ? name.charCodeAt(j) : 0;
      if ((c === 0 && j < name.length) || c > 255) {
        names.sort();
        return;
      }
      prefix = prefix * 256 + c;
    }
    keyed[i] = prefix * MAX_KEYED + i;
  }
  keyed.sort();
  const sorted = new Array<string>(n);
  for (let i = 0; i < n; i++) sorted[i] = names[keyed[i]! % MAX_KEYED]!;
  // Runs of the same four-character prefix: sorted as strings.
  for (let i = 0; i < n;) {
    const prefix = Math.floor(keyed[i]! / MAX_KEYED);
    let j = i + 1;
    while (j < n && Math.floor(keyed[j]! / MAX_KEYED) === prefix) j++;
    if (j - i > 1) {
      const tie = sorted.slice(i, j).sort();
      for (let k = 0; k < tie.length; k++) sorted[i + k] = tie[k]!;
    }
    i = j;
  }
  for (let i = 0; i < n; i++) names[i] = sorted[i]!;
}

/** Byte order of two names: `x[a0, a1)` and `y[b0, b1)`. */
function compareBytes(x: Buffer, a0: number, a1: number, y: Buffer, b0: number, b1: number): number {
  const n = Math.min(a1 - a0, b1 - b0);
  for (let i = 0; i < n; i++) {
    const d = x[a0 + i]! - y[b0 + i]!;
    if (d !== 0) return d;
  }
  return a1 - a0 - (b1 - b0);
}

/** Reads a run file name by name through one buffer (the current name is decoded before a refill). */
class RunReader {
  /** The current name: its buffer and bytes [k0, k1). */
  buf: Buffer;
  k0 = 0;
  k1 = 0;
  /** Bytes of `buf` read from the file, and where the next record starts. */
  private end = 0;
  private at = 0;
  private position = 0;
  private eof = false;

  private constructor(
    private readonly handle: FileHandle,
    private readonly decipher: ReturnType<typeof ctrStream> | null,
  ) {
    this.buf = Buffer.allocUnsafe(READ_BYTES);
  }

  static async open(path: string, secret: Secret): Promise<RunReader> {
    return new RunReader(await open(path, 'r'), secret ? ctrStream(secret) : null);
  }

  /** Makes the next name current if it is in the buffer; false when the file must be read (`load`). */
  next(): boolean {
    const at = this.at;
    const left = this.end - at;
    if (left < 4) return false;
    const k = this.buf.readUInt32LE(at);
    if (left < 4 + k) return false;
    this.k0 = at + 4;
    this.k1 = this.at = at + 4 + k;
    return true;
  }

  /** Reads on until the next name is current; false at the end of the file. */
  async load(): Promise<boolean> {
    while (!this.next()) {
      if (this.eof) {
        if (this.at < this.end) throw new Error('a temporary backup run file is damaged');
        return false;
      }
      await this.fill();
    }
    return true;
  }

  /** Moves what is left of the buffer (the start of a record) to its start and reads behind it. */
  private async fill(): Promise<void> {
    const at = this.at;
    const left = this.end - at;
    const need = left >= 4 ? 4 + this.buf.readUInt32LE(at) : 4;
    if (need > this.buf.length) {
      const bigger = Buffer.allocUnsafe(need + READ_BYTES);
      this.buf.copy(bigger, 0, at, this.end);
      this.buf = bigger;
    } else this.buf.copyWithin(0, at, this.end);
    const next = this.buf;
    const { bytesRead } = await this.handle.read(next, left, next.length - left, this.position);
    this.position += bytesRead;
    if (bytesRead === 0) this.eof = true;
    else if (this.decipher) this.decipher.update(next.subarray(left, left + bytesRead)).copy(next, left);
    this.at = 0;
    this.end = left + bytesRead;
  }

  compare(other: RunReader): number {
    return compareBytes(this.buf, this.k0, this.k1, other.buf, other.k0, other.k1);
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => {});
  }
}

/** A binary min-heap of readers by current name. */
class ReaderHeap {
  private items: RunReader[] = [];

  get size(): number {
    return this.items.length;
  }

  push(r: RunReader): void {
    const items = this.items;
    items.push(r);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[i]!.compare(items[parent]!) >= 0) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }

  pop(): RunReader {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && items[l]!.compare(items[m]!) < 0) m = l;
        if (r < items.length && items[r]!.compare(items[m]!) < 0) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}
