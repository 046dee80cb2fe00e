/**
 * An encrypted backup's payload: the plaintext spooled to the scratch directory (encrypted under a
 * key that lives only in memory) while it is hashed, then sealed from the spool in AES-256-GCM
 * chunks bound to the manifest (crypto.ts), written as the `payload` array's elements.
 */
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import { CHUNK_BYTES, ctrStream, ephemeralCipher, sealChunk } from './crypto.js';
import { payloadChunk } from './layout.js';
import type { ByteSink } from './sink.js';

/** Writes all of `bytes` at `position.at` and moves it past them. */
export async function writeAll(handle: FileHandle, position: { at: number }, bytes: Buffer): Promise<void> {
  let off = 0;
  while (off < bytes.length) off += (await handle.write(bytes, off, bytes.length - off, position.at + off)).bytesWritten;
  position.at += bytes.length;
}

/** The encrypted payload: plaintext in, base64 AES-GCM chunks out as JSON array elements. */
export class Sealer {
  private pending: Buffer[] = [];
  private size = 0;
  private held: Buffer | null = null;
  private index = 0;

  constructor(
    private readonly out: ByteSink,
    private readonly key: Buffer,
    private readonly header: Buffer,
  ) {}

  async add(view: Buffer): Promise<void> {
    const bytes = Buffer.from(view); // the sink reuses its buffer
    this.pending.push(bytes);
    this.size += bytes.length;
    while (this.size >= CHUNK_BYTES) {
      const all = Buffer.concat(this.pending);
      this.pending = all.length > CHUNK_BYTES ? [all.subarray(CHUNK_BYTES)] : [];
      this.size = all.length - CHUNK_BYTES;
      await this.emit(all.subarray(0, CHUNK_BYTES));
    }
  }

  private async emit(chunk: Buffer): Promise<void> {
    if (this.held) await this.seal(this.held, false);
    this.held = chunk;
  }

  private async seal(plain: Buffer, last: boolean): Promise<void> {
    const sealed = sealChunk(this.key, this.header, this.index, last, plain);
    this.out.text(payloadChunk(this.index, sealed.toString('base64')));
    this.index++;
    await this.out.drain();
  }

  async end(): Promise<void> {
    const rest = Buffer.concat(this.pending);
    if (rest.length > 0) await this.emit(rest);
    if (this.held) await this.seal(this.held, true);
    this.held = null;
  }
}

/**
 * An encrypted backup's plaintext on its way to being sealed: a file in the scratch directory,
 * encrypted (AES-256-CTR) with a key that exists only in memory, so a crash leaves nothing
 * readable behind.
 */
export class Spool {
  private size = 0;

  private constructor(
    private readonly handle: FileHandle,
    private readonly secret: { key: Buffer; iv: Buffer },
    private readonly cipher: ReturnType<typeof ctrStream>,
  ) {}

  static async create(scratch: string): Promise<Spool> {
    const handle = await open(join(scratch, 'payload.spool'), constants.O_RDWR | constants.O_CREAT | constants.O_EXCL, 0o600);
    const secret = ephemeralCipher();
    return new Spool(handle, secret, ctrStream(secret));
  }

  async write(bytes: Buffer): Promise<void> {
    const position = { at: this.size };
    await writeAll(this.handle, position, this.cipher.update(bytes));
    this.size = position.at;
  }

  /** The plaintext again, a megabyte at a time (each chunk a fresh buffer). */
  async *chunks(): AsyncGenerator<Buffer> {
    const decipher = ctrStream(this.secret);
    for (let at = 0; at < this.size;) {
      const buf = Buffer.allocUnsafe(Math.min(1024 * 1024, this.size - at));
      const { bytesRead } = await this.handle.read(buf, 0, buf.length, at);
      if (bytesRead === 0) throw new Error('internal error: the backup spool file ended early');
      at += bytesRead;
      yield decipher.update(buf.subarray(0, bytesRead));
    }
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => {});
  }
}
