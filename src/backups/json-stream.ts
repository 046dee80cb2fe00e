/**
 * An incremental parser for backup files, fed one chunk at a time, that never holds more than
 * one entry: it walks the root object and, for the root members named by `streamed`, the members
 * of that object or array, and hands back each of those members as its exact bytes (plus the
 * decoded key). Everything deeper is only delimited here (strings skipped with `indexOf`) and
 * parsed by the caller with `JSON.parse`, which also does the strict validation. Whatever comes in
 * broken (bad structure, trailing data, a file that ends early) throws a JsonStreamError that
 * names the byte offset.
 */

export type StreamEvent =
  /** A root member read whole (e.g. `timestamp`, `metadata`). */
  | { kind: 'value'; key: string; raw: Buffer }
  /** A streamed root member starts: an object (members have names) or an array. */
  | { kind: 'open'; key: string; array: boolean }
  /** One member of a streamed root member: `name`/`rawName` (with its quotes) for objects, null in arrays. */
  | { kind: 'member'; key: string; name: string | null; rawName: Buffer | null; raw: Buffer }
  | { kind: 'close'; key: string };

export class JsonStreamError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly truncated = false,
  ) {
    super(message);
  }
}

const enum S {
  RootStart,
  RootKeyOrEnd,
  RootKey,
  Key,
  RootColon,
  RootValue,
  RootAfter,
  MemberKeyOrEnd,
  MemberKey,
  MemberColon,
  MemberValue,
  ElemOrEnd,
  MemberAfter,
  Capture,
  Done,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export class BackupJsonParser {
  private state = S.RootStart;
  private offset = 0;
  /** 0 at the root, 1 inside a streamed root member. */
  private level = 0;
  private rootKey = '';
  private memberName: string | null = null;
  private memberRawName: Buffer | null = null;
  private inArray = false;
  private rootMembers = 0;
  private streamMembers = 0;
  // capture state (keys and values)
  private pieces: Buffer[] = [];
  private capStart = 0;
  private capDepth = 0;
  private capInString = false;
  private capEscaped = false;
  private capScalar = false;
  private capIsKey = false;
  /** Whether the current chunk's part of the open capture is already in `pieces`. */
  private capSaved = false;
  private events: StreamEvent[] = [];

  constructor(private readonly streamed: (rootKey: string) => boolean) {}

  /** Parses one chunk; returns the events it completed. */
  push(chunk: Buffer): StreamEvent[] {
    this.events = [];
    let i = 0;
    const len = chunk.length;
    if (this.state === S.Capture || this.state === S.Key) this.capStart = 0;
    this.capSaved = false;
    while (i < len) {
      const c = chunk[i] as number;
      switch (this.state) {
        case S.Capture:
        case S.Key: {
          const end = this.scanCapture(chunk, i);
          if (end < 0) {
            this.pieces.push(chunk.subarray(this.capStart));
            this.capSaved = true;
            i = len;
            break;
          }
          const raw = this.takeCapture(chunk, end);
          i = end;
          this.finishCapture(raw, this.offset + end);
          break;
        }
        case S.Done:
          if (!isWs(c)) this.fail('data after the end of the JSON document', i);
          i++;
          break;
        default:
          if (isWs(c)) {
            i++;
            break;
          }
          this.structural(c, chunk, i);
          i++;
          break;
      }
    }
    // A value that started in the last byte of the chunk: keep what there is of it.
    if (!this.capSaved && (this.state === S.Capture || this.state === S.Key)) this.pieces.push(chunk.subarray(this.capStart));
    this.offset += len;
    return this.events;
  }

  /** The input is complete: throws unless the document was. */
  end(): void {
    if (this.state !== S.Done) {
      throw new JsonStreamError(
        this.state === S.RootStart ? 'the file is empty' : `the file ends early at byte ${this.offset} (truncated?)`,
        this.offset,
        true,
      );
    }
  }

  private fail(message: string, i: number, truncated = false): never {
    const at = this.offset + i;
    throw new JsonStreamError(`${message} at byte ${at}`, at, truncated);
  }

  /** A byte outside keys and captured values: the root object's or a streamed member's punctuation. */
  private structural(c: number, chunk: Buffer, i: number): void {
    const ch = String.fromCharCode(c);
    if (this.state >= S.MemberKeyOrEnd) this.streamStructural(ch, chunk, i);
    else this.rootStructural(ch, chunk, i);
  }

  /** The root object's punctuation: `{`, member names, `:`, where a value starts, `,` and `}`. */
  private rootStructural(ch: string, chunk: Buffer, i: number): void {
    switch (this.state) {
      case S.RootStart:
        if (ch !== '{') this.fail('a backup file must be a JSON object', i);
        this.state = S.RootKeyOrEnd;
        return;
      case S.RootKeyOrEnd:
        if (ch === '}') {
          this.state = S.Done;
          return;
        }
      // falls through
      case S.RootKey:
        if (ch !== '"') this.fail(`expected a member name, found ${JSON.stringify(ch)}`, i);
        this.startCapture(chunk, i, true);
        return;
      case S.RootColon:
        if (ch !== ':') this.fail(`expected ':', found ${JSON.stringify(ch)}`, i);
        this.state = S.RootValue;
        return;
      case S.RootValue:
        this.rootMembers++;
        if ((ch === '{' || ch === '[') && this.streamed(this.rootKey)) {
          this.level = 1;
          this.inArray = ch === '[';
          this.streamMembers = 0;
          this.events.push({ kind: 'open', key: this.rootKey, array: this.inArray });
          this.state = this.inArray ? S.ElemOrEnd : S.MemberKeyOrEnd;
          return;
        }
        this.startCapture(chunk, i, false);
        return;
      case S.RootAfter:
        if (ch === ',') this.state = S.RootKey;
        else if (ch === '}') this.state = S.Done;
        else this.fail(`expected ',' or '}', found ${JSON.stringify(ch)}`, i);
        return;
      default:
        this.fail('internal parser state error', i);
    }
  }

  /** A streamed member's punctuation (an object's or an array's): names, `:`, where a value starts, `,` and its end. */
  private streamStructural(ch: string, chunk: Buffer, i: number): void {
    switch (this.state) {
      case S.MemberKeyOrEnd:
        if (ch === '}') {
          this.closeStream();
          return;
        }
      // falls through
      case S.MemberKey:
        if (ch !== '"') this.fail(`expected a member name, found ${JSON.stringify(ch)}`, i);
        this.startCapture(chunk, i, true);
        return;
      case S.MemberColon:
        if (ch !== ':') this.fail(`expected ':', found ${JSON.stringify(ch)}`, i);
        this.state = S.MemberValue;
        return;
      case S.ElemOrEnd:
        if (ch === ']') {
          this.closeStream();
          return;
        }
      // falls through
      case S.MemberValue:
        this.startCapture(chunk, i, false);
        return;
      case S.MemberAfter:
        if (ch === ',') this.state = this.inArray ? S.MemberValue : S.MemberKey;
        else if (ch === (this.inArray ? ']' : '}')) this.closeStream();
        else this.fail(`expected ',' or '${this.inArray ? ']' : '}'}', found ${JSON.stringify(ch)}`, i);
        return;
      default:
        this.fail('internal parser state error', i);
    }
  }

  private closeStream(): void {
    this.events.push({ kind: 'close', key: this.rootKey });
    this.level = 0;
    this.state = S.RootAfter;
  }

  private startCapture(chunk: Buffer, i: number, isKey: boolean): void {
    const c = chunk[i] as number;
    this.pieces = [];
    this.capSaved = false;
    this.capStart = i;
    this.capIsKey = isKey;
    this.capDepth = 0;
    this.capEscaped = false;
    this.capScalar = false;
    this.capInString = false;
    // The opening character is consumed by the caller; its effect is set here.
    if (c === QUOTE) {
      this.capInString = true;
    } else if (c === 0x7b || c === 0x5b) {
      this.capDepth = 1;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39) || c === 0x74 || c === 0x66 || c === 0x6e || c === 0x4e || c === 0x49) {
      this.capScalar = true;
    } else {
      this.fail(`unexpected ${JSON.stringify(String.fromCharCode(c))}`, i);
    }
    this.state = isKey ? S.Key : S.Capture;
  }

  /**
   * Scans a captured value from `i`; returns the index just past its end, or -1 when the chunk
   * ends first (the state carries over to the next chunk).
   */
  private scanCapture(buf: Buffer, start: number): number {
    let i = start;
    const len = buf.length;
    if (this.capScalar) {
      while (i < len) {
        const c = buf[i] as number;
        if (c === 0x2c || c === 0x7d || c === 0x5d || isWs(c)) return i;
        i++;
      }
      return -1;
    }
    while (i < len) {
      if (this.capInString) {
        if (this.capEscaped) {
          this.capEscaped = false;
          i++;
          continue;
        }
        const q = buf.indexOf(QUOTE, i);
        if (q < 0) {
          let k = len - 1;
          while (k >= i && buf[k] === BACKSLASH) k--;
          this.capEscaped = (len - 1 - k) % 2 === 1;
          return -1;
        }
        let k = q - 1;
        while (k >= i && buf[k] === BACKSLASH) k--;
        i = q + 1;
        if ((q - 1 - k) % 2 === 1) continue; // an escaped quote
        this.capInString = false;
        if (this.capDepth === 0) return i;
        continue;
      }
      const c = buf[i] as number;
      i++;
      if (c === QUOTE) this.capInString = true;
      else if (c === 0x7b || c === 0x5b) this.capDepth++;
      else if (c === 0x7d || c === 0x5d) {
        this.capDepth--;
        if (this.capDepth === 0) return i;
        if (this.capDepth < 0) this.fail('unbalanced brackets', i - 1);
      } else if (this.capDepth === 0 && !isWs(c)) {
        this.fail(`unexpected ${JSON.stringify(String.fromCharCode(c))}`, i - 1);
      }
    }
    return -1;
  }

  private takeCapture(chunk: Buffer, end: number): Buffer {
    const tail = chunk.subarray(this.capStart, end);
    if (this.pieces.length === 0) return tail;
    const raw = Buffer.concat([...this.pieces, tail]);
    this.pieces = [];
    return raw;
  }

  private finishCapture(raw: Buffer, at: number): void {
    if (this.capIsKey) {
      let name: string;
      try {
        name = JSON.parse(raw.toString('utf8')) as string;
      } catch {
        throw new JsonStreamError(`invalid member name ending at byte ${at}`, at);
      }
      if (this.level === 0) {
        this.rootKey = name;
        this.state = S.RootColon;
      } else {
        this.memberName = name;
        this.memberRawName = raw;
        this.state = S.MemberColon;
      }
      return;
    }
    if (this.level === 0) {
      this.events.push({ kind: 'value', key: this.rootKey, raw });
      this.state = S.RootAfter;
      return;
    }
    this.streamMembers++;
    this.events.push({
      kind: 'member',
      key: this.rootKey,
      name: this.inArray ? null : this.memberName,
      rawName: this.inArray ? null : this.memberRawName,
      raw,
    });
    this.state = S.MemberAfter;
  }
}
