/**
 * One key as a member of its category, `"<name>": <entry>`, exactly as the gateway's
 * `json.dump(indent=2, sort_keys=True)` writes it (format.ts `renderEntry`, pyjson.ts
 * `renderParsed`).
 *
 * Nearly every key of a gateway store is a string holding a flat JSON object that the gateway
 * wrote with `json.dumps`, the keys of a kind always in the same order (a token, a refresh token).
 * An `EntryRenderer` learns those shapes: one pass over a value's bytes checks it against a shape
 * and finds its members; `parsed` is then its members' bytes in sorted key order, and `value` its
 * bytes with quotes and backslashes escaped, written straight into the output buffer.
 * A value that fits no shape takes the general path, the same output by construction (a shape
 * admits only what `renderParsed`'s flat path would copy unchanged: printable ASCII, strings
 * as `json.dumps` writes them, integers, true, false, null).
 */
import { isUtf8 } from 'node:buffer';
import { type EntryType, gatewayTtl } from './format.js';
import { ENTRY_CLOSE, ENTRY_FIELD, NAME_SEPARATOR, PARSED_DEPTH, PARSED_MEMBER, renderEntry } from './layout.js';
import { PRINTABLE, pyStr, renderParsed } from './pyjson.js';
import { ByteSink } from './sink.js';

/** A key as a backup reads it. */
export interface ReadKey {
  key: string;
  type: string;
  /** Remaining time to live (ms) when read, -1 without. */
  pttl: number;
  expiresAtMs: number;
  /** string: [value]; set and list: members; hash: field, value, ... */
  items: Buffer[];
  /** For `type: 'unsupported'`: the Redis type the format cannot hold (`zset`, `stream`, ...). */
  redisType?: string;
}

/** The rendered entry for one key (the general path), or null when its type is one the gateway format cannot hold. */
export function renderKey(r: ReadKey): string | null {
  const type = r.type;
  if (type === 'string') {
    const b = r.items[0] ?? Buffer.alloc(0);
    if (isUtf8(b)) {
      const value = b.toString('utf8');
      const expiresAtMs = r.pttl >= 0 ? r.expiresAtMs : null;
      const printable = PRINTABLE.test(value);
      return renderEntry(value, 'string', gatewayTtl(r.pttl), renderParsed(value, PARSED_DEPTH, printable), expiresAtMs, false, printable);
    }
  } else if (type !== 'set' && type !== 'list' && type !== 'hash') return null;
  let base64 = false;
  for (const b of r.items) if (!isUtf8(b)) base64 = true;
  const texts = r.items.map((b) => (base64 ? b.toString('base64') : b.toString('utf8')));
  let value: string;
  if (type === 'string') value = texts[0] ?? '';
  else if (type === 'hash') {
    const pairs: string[] = [];
    for (let i = 0; i + 1 < texts.length; i += 2) pairs.push(`${pyStr(texts[i]!)}: ${pyStr(texts[i + 1]!)}`);
    value = `{${pairs.join(', ')}}`;
  } else value = `[${texts.map(pyStr).join(', ')}]`;
  return renderEntry(value, type as EntryType, gatewayTtl(r.pttl), null, r.pttl >= 0 ? r.expiresAtMs : null, base64);
}

interface Shape {
  /** The bytes before each member's value, in the value's order: `{"a": `, then `, "b": `, ... */
  before: Buffer[];
  /** `parsed`, in sorted key order: the bytes before each member's value, and its position in the value. */
  sorted: { head: Buffer; member: number }[];
  /** Bytes of all `sorted` heads. */
  headBytes: number;
}

/** How many shapes a renderer keeps, how many it tries, and how many values it looks at to find them. */
const MAX_SHAPES = 8;
const MAX_TRIED = 64;
const MAX_LOOKS = 10_000;
const MAX_MEMBERS = 64;

const ascii = (text: string) => Buffer.from(text, 'latin1');
const WITH_EXPIRY = ascii(`${NAME_SEPARATOR}{${ENTRY_FIELD}"expires_at_ms": `);
const PARSED_AFTER_EXPIRY = ascii(`,${ENTRY_FIELD}"parsed": `);
const PARSED_FIRST = ascii(`${NAME_SEPARATOR}{${ENTRY_FIELD}"parsed": `);
const TTL = ascii(`${ENTRY_FIELD}},${ENTRY_FIELD}"ttl": `);
const VALUE = ascii(`,${ENTRY_FIELD}"type": "string",${ENTRY_FIELD}"value": "`);
const END = ascii(`"${ENTRY_CLOSE}`);
/** What marks an entry whose `parsed` is an object (a shape to learn). */
const PARSED_OBJECT = `${ENTRY_FIELD}"parsed": {\n`;

export class EntryRenderer {
  private readonly shapes: Shape[] = [];
  /** Key lists already tried. */
  private readonly tried = new Set<string>();
  private looks = MAX_LOOKS;
  /** Start and end of each member's value in the value being rendered. */
  private readonly at = new Int32Array(2 * MAX_MEMBERS);

  /**
   * Writes `<keyJson>: <entry>` to `out`; false (nothing written) when the key's type is one the
   * gateway format cannot hold.
   */
  write(out: ByteSink, keyJson: string, r: ReadKey): boolean {
    if (r.type === 'string' && r.items.length === 1 && this.shapes.length > 0 && this.fast(out, keyJson, r)) return true;
    const entry = renderKey(r);
    if (entry === null) return false;
    if (this.looks > 0 && r.type === 'string' && entry.includes(PARSED_OBJECT)) this.learn(r.items[0]!.toString('latin1'));
    out.text(keyJson);
    out.text(NAME_SEPARATOR);
    out.text(entry);
    return true;
  }

  /** `write` as a string (one byte per character), or null. */
  member(keyJson: string, r: ReadKey): string | null {
    const out = new ByteSink(() => {}, 1024);
    return this.write(out, keyJson, r) ? out.buf.toString('latin1', 0, out.used) : null;
  }

  /**
   * A value of a known shape, written from its bytes: `renderEntry` with `parsed` as the flat path
   * writes it (its members' texts in sorted key order) and `value` as `json.dumps` escapes it (the
   * shape admits only printable ASCII: quotes and backslashes are all there is to escape). No
   * string is made for it, so millions of entries leave no garbage behind.
   */
  private fast(out: ByteSink, keyJson: string, r: ReadKey): boolean {
    const v = r.items[0]!;
    const at = this.at;
    for (const shape of this.shapes) {
      if (!locate(v, shape.before, at)) continue;
      out.room(keyJson.length + 3 * v.length + shape.headBytes + 160);
      const b = out.buf;
      let u = out.used;
      for (let i = 0; i < keyJson.length; i++) b[u++] = keyJson.charCodeAt(i);
      if (r.pttl >= 0) {
        u = put(b, u, WITH_EXPIRY);
        u = putInt(b, u, r.expiresAtMs);
        u = put(b, u, PARSED_AFTER_EXPIRY);
      } else u = put(b, u, PARSED_FIRST);
      for (const { head, member } of shape.sorted) {
        u = put(b, u, head);
        for (let i = at[2 * member]!, end = at[2 * member + 1]!; i < end; i++) b[u++] = v[i]!;
      }
      u = put(b, u, TTL);
      u = putInt(b, u, gatewayTtl(r.pttl));
      u = put(b, u, VALUE);
      for (let i = 0; i < v.length; i++) {
        const c = v[i]!;
        if (c === 0x22 || c === 0x5c) b[u++] = 0x5c;
        b[u++] = c;
      }
      out.used = put(b, u, END);
      return true;
    }
    return false;
  }

  /** Learns the shape of a flat object value, when it has one the byte path can check. */
  private learn(value: string): void {
    this.looks--;
    if (this.shapes.length >= MAX_SHAPES || this.tried.size >= MAX_TRIED || !PRINTABLE.test(value)) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return;
    const keys = Object.keys(parsed);
    if (keys.length === 0 || keys.length > MAX_MEMBERS || keys.some((k) => /["\\]/.test(k))) return;
    const signature = JSON.stringify(keys);
    if (this.tried.has(signature)) return;
    this.tried.add(signature);
    const before = keys.map((k, i) => ascii(`${i === 0 ? '{' : ', '}"${k}": `));
    if (!locate(Buffer.from(value, 'latin1'), before, this.at)) return; // another layout (spacing, key order, escapes): the general path
    const sorted = keys.map((k, i) => ({ k, member: i })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    const heads = sorted.map(({ k, member }, i) => ({ head: ascii(`${i === 0 ? '{' : ','}${PARSED_MEMBER}"${k}": `), member }));
    this.shapes.push({ before, sorted: heads, headBytes: heads.reduce((n, h) => n + h.head.length, 0) });
  }
}

function put(b: Buffer, u: number, bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) b[u++] = bytes[i]!;
  return u;
}

/** An integer in decimal (a ttl, an epoch in milliseconds). */
function putInt(b: Buffer, u: number, n: number): number {
  if (n < 0) {
    b[u++] = 0x2d;
    n = -n;
  }
  let digits = 1;
  for (let x = n; x >= 10; x = Math.floor(x / 10)) digits++;
  for (let i = digits - 1, x = n; i >= 0; i--, x = Math.floor(x / 10)) b[u + i] = 0x30 + (x % 10);
  return u + digits;
}

/**
 * Finds the members of a flat object value of one shape, `{"a": V, "b": V}` exactly as
 * `json.dumps` writes it (`before` holds the bytes before each value), recording where each value
 * starts and ends in `at`; false when the value is anything else. A member's value must be what
 * `renderParsed`'s flat path copies unchanged: a string exactly as `json.dumps` writes it
 * (printable ASCII, short escapes, `\u` escapes only where Python makes them, lowercase), an
 * integer, true, false, null.
 */
function locate(v: Buffer, before: Buffer[], at: Int32Array): boolean {
  const n = v.length;
  let p = 0;
  for (let m = 0; m < before.length; m++) {
    const lit = before[m]!;
    if (p + lit.length > n) return false;
    for (let i = 0; i < lit.length; i++) if (v[p + i] !== lit[i]) return false;
    p += lit.length;
    at[2 * m] = p;
    p = flatValueEnd(v, p, n);
    if (p < 0) return false;
    at[2 * m + 1] = p;
  }
  return p === n - 1 && v[p] === 0x7d;
}

/** Where a flat member value starting at `p` ends, or -1. */
function flatValueEnd(v: Buffer, p: number, n: number): number {
  if (p >= n) return -1;
  const c = v[p]!;
  if (c === 0x22) {
    for (p++; p < n;) {
      const d = v[p]!;
      if (d === 0x22) return p + 1;
      if (d === 0x5c) {
        const e = v[p + 1];
        // \" \\ \n \r \t \b \f (Python never writes \/)
        if (e === 0x22 || e === 0x5c || e === 0x6e || e === 0x72 || e === 0x74 || e === 0x62 || e === 0x66) p += 2;
        else if (e === 0x75 && pythonUnicodeEscape(v, p + 2, n)) p += 6;
        else return -1;
      } else if (d < 0x20 || d > 0x7e) return -1;
      else p++;
    }
    return -1;
  }
  if (c === 0x30) return p + 1;
  if (c === 0x2d || (c >= 0x31 && c <= 0x39)) {
    if (c === 0x2d) {
      p++;
      if (p >= n || v[p]! < 0x31 || v[p]! > 0x39) return -1;
    }
    for (p++; p < n && v[p]! >= 0x30 && v[p]! <= 0x39;) p++;
    return p;
  }
  for (const word of WORDS) {
    if (c !== word[0] || p + word.length > n) continue;
    let i = 1;
    while (i < word.length && v[p + i] === word[i]) i++;
    if (i === word.length) return p + word.length;
  }
  return -1;
}

const WORDS = [ascii('true'), ascii('false'), ascii('null')];

/**
 * Whether the four characters at `p` are a `\u` escape as Python's `json.dumps` writes it:
 * lowercase hex, for a control character without a short escape, DEL, or anything above ASCII.
 */
function pythonUnicodeEscape(v: Buffer, p: number, n: number): boolean {
  if (p + 4 > n) return false;
  let code = 0;
  for (let i = 0; i < 4; i++) {
    const h = v[p + i]!;
    let digit: number;
    if (h >= 0x30 && h <= 0x39) digit = h - 0x30;
    else if (h >= 0x61 && h <= 0x66) digit = h - 0x61 + 10;
    else return false;
    code = code * 16 + digit;
  }
  if (code >= 0x7f) return true;
  return code < 0x20 && code !== 0x08 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d;
}
