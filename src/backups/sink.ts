import type { Hash } from 'node:crypto';

/**
 * Bytes on their way out, gathered in one growing buffer (no per-entry garbage) and handed to
 * `drain` a megabyte or so at a time.
 */
export class ByteSink {
  /** The bytes gathered are `buf[0, used)`; a renderer may write behind them after `room` (render.ts). */
  buf: Buffer;
  used = 0;
  private tap: Hash | null = null;
  private tapFrom = 0;

  /** `out` gets a view of the buffer, valid until it settles (copy what you keep). */
  constructor(
    private readonly out: (bytes: Buffer) => Promise<void> | void,
    initialBytes = 2 * 1024 * 1024,
  ) {
    this.buf = Buffer.allocUnsafe(initialBytes);
  }

  /** From now on, every byte gathered also goes into `hash` (until `endTap`). */
  startTap(hash: Hash): void {
    this.tap = hash;
    this.tapFrom = this.used;
  }

  endTap(): void {
    this.tap?.update(this.buf.subarray(this.tapFrom, this.used));
    this.tap = null;
  }

  /** Makes room for `n` more bytes behind `used`. */
  room(n: number): void {
    if (this.used + n <= this.buf.length) return;
    let size = this.buf.length;
    while (this.used + n > size) size *= 2;
    const bigger = Buffer.allocUnsafe(size);
    this.buf.copy(bigger, 0, 0, this.used);
    this.buf = bigger;
  }

  text(s: string): void {
    this.room(s.length);
    this.used += this.buf.write(s, this.used, 'latin1');
  }

  /** Hands over what is gathered once it is at least `min` bytes. */
  async drain(min = 1024 * 1024): Promise<void> {
    if (this.used === 0 || this.used < min) return;
    if (this.tap) this.tap.update(this.buf.subarray(this.tapFrom, this.used));
    this.tapFrom = 0;
    await this.out(this.buf.subarray(0, this.used));
    this.used = 0;
  }
}
