/**
 * External sort for backup entries. A category's entries arrive in SCAN order and are copied
 * into an arena buffer (outside the JavaScript heap, shared by the categories and reused, so
 * memory stays at the budget); when the budget is reached each category's entries are sorted in
 * Python's `sort_keys` order (code points; merged by key bytes, as UTF-8 byte order is code point
 * order) and written as a run file through a small staging buffer. The runs are then merged back
 * in order (two small read buffers per run); SCAN repeats meet in the merge and only the last read
 * survives, so no set of seen keys is ever held in memory. With encryption on, run
 * files are encrypted (AES-256-CTR) with a key that exists only in memory, so a crash leaves
 * nothing readable behind.
 *
 * Record: u32 key bytes, key (UTF-8), u32 body bytes, body (the caller's text, one byte per
 * character; a backup's: the member exactly as the file holds it, `"<key as JSON>": <entry>`).
 */
import type { FileHandle } from 'node:fs/promises';
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { constants } from 'node:fs';
import { ctrStream, ephemeralCipher } from './crypto.js';
import { pyCompare } from './pyjson.js';

const HIGH = /[\ud800-\uffff]/;

/** A merged record: positions in a read buffer of the key's bytes and of the member's body. */
export class SpillRecord {
  constructor(
    readonly buf: Buffer,
    readonly k0: number,
    readonly k1: number,
    readonly b0: number,
    readonly b1: number,
  ) {}

  copyBody(out: { range(b: Buffer, start: number, end: number): void }): void {
    out.range(this.buf, this.b0, this.b1);
  }
}

/** Byte order of two keys: `x[a0, a1)` and `y[b0, b1)`. */
function compareKeys(x: Buffer, a0: number, a1: number, y: Buffer, b0: number, b1: number): number {
  const n = Math.min(a1 - a0, b1 - b0);
  for (let i = 0; i < n; i++) {
    const d = x[a0 + i]! - y[b0 + i]!;
    if (d !== 0) return d;
  }
  return a1 - a0 - (b1 - b0);
}

type Secret = { key: Buffer; iv: Buffer } | null;

/** Per run being merged, twice (a store of millions of keys makes dozens of runs). */
const READ_BYTES = 32 * 1024;
const STAGE_BYTES = 1024 * 1024;

/**
 * Memory for entries waiting to be sorted: one buffer, allocated once and reused after each run
 * is written, so memory stays what the budget says. The writers of one backup share one.
 */
export class SortArena {
  buf: Buffer;
  used = 0;
  private staging: Buffer | null = null;

  constructor(readonly budgetBytes: number) {
    // A batch may go a little over the budget before the caller writes the runs.
    this.buf = Buffer.allocUnsafe(budgetBytes + Math.min(budgetBytes, 2 * 1024 * 1024));
  }

  /** A staging buffer for writing runs (one flush at a time per arena). */
  stage(): Buffer {
    return (this.staging ??= Buffer.allocUnsafe(STAGE_BYTES));
  }

  /** Lets the memory go once every run is written. */
  release(): void {
    this.buf = Buffer.alloc(0);
    this.staging = null;
    this.used = 0;
  }

  /** Whether the runs should be written now. */
  get full(): boolean {
    return this.used >= this.budgetBytes;
  }

  /** Room for `n` more bytes (an entry larger than what is left: a larger buffer). */
  room(n: number): Buffer {
    if (this.used + n > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.used + n));
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    return this.buf;
  }
}

export class RunWriter {
  private offsets: number[] = [];
  /** Bytes of this writer's entries in the arena. */
  private bytes = 0;
  /** Entries added (SCAN repeats included). */
  count = 0;
  private sortKeys: string[] = [];
  /** Whether a key has a character where UTF-16 order and code point order differ. */
  private high = false;
  private readonly runs: { path: string; secret: Secret }[] = [];
  private seq = 0;
  private readonly arena: SortArena;
  private readonly ownArena: boolean;

  /**
   * Sorted runs of one category. With its own arena (`budgetBytes`), `flush` makes room again;
   * with a shared one, the owner flushes every writer and then empties it.
   */
  constructor(
    private readonly dir: string,
    private readonly tag: string,
    budgetBytes: number,
    private readonly encrypt: boolean,
    arena?: SortArena,
  ) {
    this.arena = arena ?? new SortArena(budgetBytes);
    this.ownArena = arena === undefined;
  }

  /** Bytes this writer holds in memory now. */
  get held(): number {
    return this.bytes;
  }

  /**
   * Copies an entry (its key, and its body: text of one-byte characters) into the arena
   * (synchronous: millions of calls). The caller writes the runs (`flush`) when the arena is full.
   */
  add(key: string, body: string): void {
    this.count++;
    const arena = this.arena;
    const a = arena.room(8 + 3 * key.length + body.length);
    const from = arena.used;
    this.offsets.push(from);
    const k = a.write(key, from + 4, 'utf8');
    a.writeUInt32LE(k, from);
    this.sortKeys.push(key);
    if (!this.high && HIGH.test(key)) this.high = true;
    const at = from + 4 + k;
    const n = a.write(body, at + 4, 'latin1');
    a.writeUInt32LE(n, at);
    arena.used = at + 4 + n;
    this.bytes += arena.used - from;
  }

  /** Writes what this writer holds as a sorted run file. */
  async flush(): Promise<void> {
    const count = this.offsets.length;
    if (count === 0) return;
    // Each key once, its latest read (SCAN may return a key twice): a repeat in another run meets
    // this one in the merge. Then the keys in order: UTF-16 order (the native sort, no comparator
    // calls) is Python's unless a key has a character where the two differ.
    const latest = new Map<string, number>();
    const keys = this.sortKeys;
    for (let i = 0; i < count; i++) latest.set(keys[i]!, i);
    const sorted = [...latest.keys()];
    if (this.high) sorted.sort(pyCompare);
    else sorted.sort();
    const order = sorted.map((key) => latest.get(key)!);
    // Records in sorted order through a small staging buffer (not a second arena-sized copy).
    const secret = this.encrypt ? ephemeralCipher() : null;
    const cipher = secret ? ctrStream(secret) : null;
    const path = join(this.dir, `${this.tag}-${String(this.seq++).padStart(5, '0')}.run`);
    const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      const stage = this.arena.stage();
      let staged = 0;
      let position = 0;
      const a = this.arena.buf;
      const offsets = this.offsets;
      const put = async (bytes: Buffer) => {
        const data = cipher ? cipher.update(bytes) : bytes;
        let off = 0;
        while (off < data.length) off += (await handle.write(data, off, data.length - off, position + off)).bytesWritten;
        position += data.length;
      };
      for (const i of order) {
        const start = offsets[i]!;
        const k = a.readUInt32LE(start);
        const end = start + 8 + k + a.readUInt32LE(start + 4 + k);
        if (end - start > STAGE_BYTES - staged) {
          if (staged > 0) await put(stage.subarray(0, staged));
          staged = 0;
          if (end - start > STAGE_BYTES) {
            await put(a.subarray(start, end));
            continue;
          }
        }
        staged += a.copy(stage, staged, start, end);
      }
      if (staged > 0) await put(stage.subarray(0, staged));
    } finally {
      await handle.close();
    }
    this.runs.push({ path, secret });
    this.offsets = [];
    this.sortKeys = [];
    this.high = false;
    this.bytes = 0;
    if (this.ownArena) this.arena.used = 0;
  }

  /**
   * Every entry in key order, each key once (the latest read wins), in batches. A batch's records
   * are views into the readers' buffers: valid until the next batch is asked for. Can run more
   * than once.
   */
  async *merged(): AsyncGenerator<SpillRecord[]> {
    await this.flush();
    const readers = await Promise.all(this.runs.map((r, i) => RunReader.open(r.path, r.secret, i)));
    try {
      const heap = new ReaderHeap();
      for (const r of readers) if (await r.load()) heap.push(r);
      let batch: SpillRecord[] = [];
      while (heap.size > 0) {
        const top = heap.pop();
        const { buf, k0, k1, b0, b1 } = top;
        if (!top.next()) {
          // The reader needs more of its file. Its buffer is about to be refilled: the batch
          // (views into it) goes out first. The record just taken stays readable (two buffers).
          if (batch.length > 0) {
            yield batch;
            batch = [];
          }
          if (await top.load()) heap.push(top);
        } else heap.push(top);
        // Equal keys come out oldest run first, each run in read order: a later read replaces it.
        if (heap.size > 0 && heap.peek().keyEquals(buf, k0, k1)) continue;
        batch.push(new SpillRecord(buf, k0, k1, b0, b1));
        if (batch.length >= 1000) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      await Promise.all(readers.map((r) => r.close()));
    }
  }

  async remove(): Promise<void> {
    await Promise.all(this.runs.map((r) => unlink(r.path).catch(() => {})));
  }
}

/**
 * Reads a run file record by record through two buffers used in turn, so the record before a
 * refill stays readable after it.
 */
class RunReader {
  /** The current record: its buffer, key bytes [k0, k1), body bytes [b0, b1). */
  buf: Buffer;
  k0 = 0;
  k1 = 0;
  b0 = 0;
  b1 = 0;
  private spare: Buffer;
  /** Bytes of `buf` read from the file, and where the next record starts. */
  private end = 0;
  private at = 0;
  private position = 0;
  private eof = false;

  private constructor(
    private readonly handle: FileHandle,
    private readonly decipher: ReturnType<typeof ctrStream> | null,
    readonly index: number,
  ) {
    this.buf = Buffer.allocUnsafe(READ_BYTES);
    this.spare = Buffer.allocUnsafe(READ_BYTES);
  }

  static async open(path: string, secret: Secret, index: number): Promise<RunReader> {
    return new RunReader(await open(path, 'r'), secret ? ctrStream(secret) : null, index);
  }

  /** Makes the next record current if it is in the buffer; false when the file must be read (`load`). */
  next(): boolean {
    const b = this.buf;
    const at = this.at;
    const left = this.end - at;
    if (left < 4) return false;
    const k = b.readUInt32LE(at);
    if (left < 8 + k) return false;
    const n = b.readUInt32LE(at + 4 + k);
    if (left < 8 + k + n) return false;
    this.k0 = at + 4;
    this.k1 = at + 4 + k;
    this.b0 = at + 8 + k;
    this.b1 = this.at = at + 8 + k + n;
    return true;
  }

  /** Reads on until the next record is current; false at the end of the file. */
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

  /** Moves what is left of the buffer (the start of a record) to the start of the other one and reads behind it. */
  private async fill(): Promise<void> {
    const b = this.buf;
    const at = this.at;
    const left = this.end - at;
    // The size of that record, as far as its header tells (always more than `left`).
    let need = 4;
    if (left >= 4) {
      const k = b.readUInt32LE(at);
      need = left < 8 + k ? 8 + k : 8 + k + b.readUInt32LE(at + 4 + k);
    }
    const size = need > READ_BYTES / 2 ? need + READ_BYTES : READ_BYTES;
    const next = this.spare.length >= size ? this.spare : Buffer.allocUnsafe(size);
    b.copy(next, 0, at, this.end);
    const { bytesRead } = await this.handle.read(next, left, next.length - left, this.position);
    this.position += bytesRead;
    if (bytesRead === 0) this.eof = true;
    else if (this.decipher) this.decipher.update(next.subarray(left, left + bytesRead)).copy(next, left);
    this.spare = b;
    this.buf = next;
    this.at = 0;
    this.end = left + bytesRead;
  }

  keyEquals(buf: Buffer, k0: number, k1: number): boolean {
    return compareKeys(this.buf, this.k0, this.k1, buf, k0, k1) === 0;
  }

  compare(other: RunReader): number {
    return compareKeys(this.buf, this.k0, this.k1, other.buf, other.k0, other.k1) || this.index - other.index;
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => {});
  }
}

/** A binary min-heap of readers by current key, ties by run index (older runs first). */
class ReaderHeap {
  private items: RunReader[] = [];

  get size(): number {
    return this.items.length;
  }

  private less(a: RunReader, b: RunReader): boolean {
    return a.compare(b) < 0;
  }

  peek(): RunReader {
    return this.items[0]!;
  }

  push(r: RunReader): void {
    const items = this.items;
    items.push(r);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(items[i]!, items[parent]!)) break;
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
        if (l < items.length && this.less(items[l]!, items[m]!)) m = l;
        if (r < items.length && this.less(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
}
