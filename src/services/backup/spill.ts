/**
 * External sort for backup entries. A category's entries arrive in SCAN order and are copied
 * into an arena buffer (outside the JavaScript heap); when the budget is reached it is sorted in
 * Python's `sort_keys` order (code points; merged by key bytes, as UTF-8 byte order is code point
 * order) and written as a run file through a small staging buffer. The runs are then merged back in order; SCAN repeats meet in the merge and only the
 * last read survives, so no set of seen keys is ever held in memory. With encryption on, run
 * files are encrypted (AES-256-CTR) with a key that exists only in memory, so a crash leaves
 * nothing readable behind.
 *
 * Record: u32 key bytes, key (UTF-8), u32 body bytes, body: `"<key as JSON>": <rendered entry>`,
 * exactly the bytes the file holds for the member.
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

/** Byte order of two records' keys. */
function compareKeys(a: SpillRecord, b: SpillRecord): number {
  const x = a.buf;
  const y = b.buf;
  const n = Math.min(a.k1 - a.k0, b.k1 - b.k0);
  for (let i = 0; i < n; i++) {
    const d = x[a.k0 + i]! - y[b.k0 + i]!;
    if (d !== 0) return d;
  }
  return a.k1 - a.k0 - (b.k1 - b.k0);
}

type Secret = { key: Buffer; iv: Buffer } | null;

const READ_BYTES = 128 * 1024;
const STAGE_BYTES = 1024 * 1024;

export class RunWriter {
  private arena: Buffer;
  private used = 0;
  private offsets: number[] = [];
  /** Entries added (SCAN repeats included). */
  count = 0;
  private sortKeys: string[] = [];
  /** Whether a key has a character where UTF-16 order and code point order differ. */
  private high = false;
  private readonly runs: { path: string; secret: Secret }[] = [];
  private seq = 0;

  constructor(
    private readonly dir: string,
    private readonly tag: string,
    private readonly budgetBytes: number,
    private readonly encrypt: boolean,
  ) {
    this.arena = Buffer.allocUnsafe(Math.min(budgetBytes, 64 * 1024));
  }

  /** Bytes held in memory now. */
  get held(): number {
    return this.used;
  }

  /**
   * Copies an entry (`"keyJson": text`) into the arena (synchronous: millions of calls). The
   * caller writes a run (`flush`) when `held` reaches the budget.
   */
  add(key: string, keyJson: string, text: string): void {
    this.count++;
    const need = 10 + Buffer.byteLength(key, 'utf8') + keyJson.length + text.length;
    if (this.used + need > this.arena.length) {
      let size = this.arena.length;
      while (this.used + need > size) size *= 2;
      // About the budget (a batch may go a little over before the caller flushes).
      size = Math.max(Math.min(size, this.budgetBytes + (this.budgetBytes >> 3)), this.used + need);
      const bigger = Buffer.allocUnsafe(size);
      this.arena.copy(bigger, 0, 0, this.used);
      this.arena = bigger;
    }
    const a = this.arena;
    let at = this.used;
    this.offsets.push(at);
    const k = a.write(key, at + 4, 'utf8');
    a.writeUInt32LE(k, at);
    this.sortKeys.push(key);
    if (!this.high && HIGH.test(key)) this.high = true;
    at += 4 + k;
    let body = a.write(keyJson, at + 4, 'latin1');
    body += a.write(': ', at + 4 + body, 'latin1');
    body += a.write(text, at + 4 + body, 'latin1');
    a.writeUInt32LE(body, at);
    this.used = at + 4 + body;
  }

  async flush(): Promise<void> {
    const count = this.offsets.length;
    if (count === 0) return;
    const order = Array.from({ length: count }, (_, i) => i);
    const keys = this.sortKeys;
    // Stable: a later read of the same key stays later.
    if (this.high) order.sort((x, y) => pyCompare(keys[x]!, keys[y]!) || x - y);
    else order.sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : x - y));
    // Records in sorted order through a small staging buffer (not a second arena-sized copy).
    const secret = this.encrypt ? ephemeralCipher() : null;
    const cipher = secret ? ctrStream(secret) : null;
    const path = join(this.dir, `${this.tag}-${String(this.seq++).padStart(5, '0')}.run`);
    const handle = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
    try {
      const stage = Buffer.allocUnsafe(STAGE_BYTES);
      let staged = 0;
      let position = 0;
      const a = this.arena;
      const offsets = this.offsets;
      const put = async (bytes: Buffer) => {
        const data = cipher ? cipher.update(bytes) : bytes;
        let off = 0;
        while (off < data.length) off += (await handle.write(data, off, data.length - off, position + off)).bytesWritten;
        position += data.length;
      };
      for (const i of order) {
        const start = offsets[i]!;
        const end = i + 1 < count ? offsets[i + 1]! : this.used;
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
    this.used = 0;
  }

  /** Every entry in key order, each key once (the latest read wins), in batches. Can run more than once. */
  async *merged(): AsyncGenerator<SpillRecord[]> {
    await this.flush();
    this.arena = Buffer.allocUnsafe(0);
    const readers = await Promise.all(this.runs.map((r, i) => RunReader.open(r.path, r.secret, i)));
    try {
      const heap = new ReaderHeap();
      for (const r of readers) if (await r.ready()) heap.push(r);
      let batch: SpillRecord[] = [];
      while (heap.size > 0) {
        let top = heap.pop();
        let record = top.take();
        if (await top.ready()) heap.push(top);
        // Equal keys come out oldest run first, each run in read order: keep the last.
        while (heap.size > 0 && compareKeys(heap.peek().current!, record) === 0) {
          top = heap.pop();
          record = top.take();
          if (await top.ready()) heap.push(top);
        }
        batch.push(record);
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

class RunReader {
  current: SpillRecord | null = null;
  private buf = Buffer.alloc(0);
  private at = 0;
  private position = 0;
  private eof = false;

  private constructor(
    private readonly handle: FileHandle,
    private readonly decipher: ReturnType<typeof ctrStream> | null,
    readonly index: number,
  ) {}

  static async open(path: string, secret: Secret, index: number): Promise<RunReader> {
    return new RunReader(await open(path, 'r'), secret ? ctrStream(secret) : null, index);
  }

  /** Loads the next record into `current`; false at the end. */
  async ready(): Promise<boolean> {
    if (this.current) return true;
    for (;;) {
      const record = this.parse();
      if (record) {
        this.current = record;
        return true;
      }
      if (this.eof) return false;
      await this.fill();
    }
  }

  take(): SpillRecord {
    const e = this.current!;
    this.current = null;
    return e;
  }

  private parse(): SpillRecord | null {
    const b = this.buf;
    const at = this.at;
    const left = b.length - at;
    if (left < 4) return null;
    const k = b.readUInt32LE(at);
    if (left < 8 + k) return null;
    const n = b.readUInt32LE(at + 4 + k);
    if (left < 8 + k + n) return null;
    this.at = at + 8 + k + n;
    return new SpillRecord(b, at + 4, at + 4 + k, at + 8 + k, this.at);
  }

  private async fill(): Promise<void> {
    const chunk = Buffer.allocUnsafe(READ_BYTES);
    const { bytesRead } = await this.handle.read(chunk, 0, READ_BYTES, this.position);
    this.position += bytesRead;
    if (bytesRead === 0) {
      this.eof = true;
      if (this.at < this.buf.length) throw new Error('a temporary backup run file is damaged');
      return;
    }
    const plain = this.decipher ? this.decipher.update(chunk.subarray(0, bytesRead)) : chunk.subarray(0, bytesRead);
    this.buf = this.at < this.buf.length ? Buffer.concat([this.buf.subarray(this.at), plain]) : plain;
    this.at = 0;
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
    const c = compareKeys(a.current!, b.current!);
    return c < 0 || (c === 0 && a.index < b.index);
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
