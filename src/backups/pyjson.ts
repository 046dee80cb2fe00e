/**
 * Python `json` behaviour the backup file depends on, tuned for millions of values:
 *
 * - `pyStr`, `pyCompare` (pystr.ts): strings as `json.dumps` writes and `sort_keys=True` orders them;
 * - `renderParsed`: what the gateway's backup script writes as an entry's `parsed`:
 *   `json.loads(value)` re-dumped with `indent=2, sort_keys=True` at a given depth. Python keeps
 *   number literals exact (big ints, `1.0`, `1e+16`) and accepts `NaN`/`Infinity`, so values whose
 *   numbers JavaScript would change go through a small exact parser (exact-json.ts); the rest use `JSON.parse`.
 */
import { PyParseError, type PyValue, parseExact, renderExact, toPlain } from './exact-json.js';
import { PRINTABLE, pyCompare, pyStr } from './pystr.js';

export { pyFloat } from './exact-json.js';
export { PRINTABLE, pyCompare, pyStr, pyStrPrintable } from './pystr.js';

// ------------------------------------------------------------------------------ rendering

/** A JSON value (from JSON.parse or built in code) as `json.dump(indent=2, sort_keys=True)` writes it at `depth`. */
export function renderPlain(v: unknown, depth: number): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return pyStr(v);
    case 'number':
      return Object.is(v, -0) ? '0' : String(v);
    case 'boolean':
      return v ? 'true' : 'false';
    default:
      break;
  }
  const pad = '\n' + '  '.repeat(depth + 1);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${pad}${v.map((x) => renderPlain(x, depth + 1)).join(`,${pad}`)}\n${'  '.repeat(depth)}]`;
  }
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 0) return '{}';
  keys.sort(pyCompare);
  return `{${pad}${keys.map((k) => `${pyStr(k)}: ${renderPlain(o[k], depth + 1)}`).join(`,${pad}`)}\n${'  '.repeat(depth)}}`;
}

/** Numbers JSON.parse could change: floats, exponents, 16+ digit ints (a match inside a string is only a false alarm). */
const RISKY_NUMBER = /\d[.eE]|\d{16}/;
/** Cheap pre-check: JSON text starts with one of these (after whitespace). */
const JSONISH = /^[\s]*[-{["\dntfNI]/;

/**
 * The end of a string token starting at `i` (the index of its closing quote), or -1 unless the
 * token is exactly what Python's `json.dumps` (ensure_ascii) writes for its text: printable
 * ASCII, short escapes for `"`, `\\`, `\n`, `\r`, `\t`, `\b`, `\f`, and lowercase `\u` escapes only
 * for other control characters and everything above `~`. `plain` says whether it had no escapes.
 */
function canonicalString(text: string, i: number, out: { plain: boolean }): number {
  out.plain = true;
  let j = i + 1;
  for (;;) {
    const quote = text.indexOf('"', j);
    if (quote < 0) return -1;
    const slash = text.indexOf('\\', j);
    if (slash < 0 || slash > quote) return quote; // (the caller checked the whole text is printable ASCII)
    out.plain = false;
    const e = text.charCodeAt(slash + 1);
    if (e === 0x22 || e === 0x5c || e === 0x6e || e === 0x72 || e === 0x74 || e === 0x62 || e === 0x66) {
      j = slash + 2;
      continue;
    }
    if (e !== 0x75) return -1;
    const hex = text.slice(slash + 2, slash + 6);
    if (!/^[0-9a-f]{4}$/.test(hex)) return -1;
    const code = parseInt(hex, 16);
    if ((code >= 0x20 && code < 0x7f) || code === 8 || code === 9 || code === 10 || code === 12 || code === 13) return -1;
    j = slash + 6;
  }
}

const flag = { plain: true };

function skipWs(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
    else break;
  }
  return i;
}

/**
 * The common case fast: a flat JSON object (string, integer, true/false/null members) written
 * the way Python writes it. Its members' texts are then exactly what Python would write again,
 * so they are reused as they are, only sorted and indented. Null when the value is anything else.
 */
function renderFlat(value: string, depth: number, printable: boolean): string | null {
  if (!printable) return null;
  const n = value.length;
  let i = skipWs(value, 0);
  if (value.charCodeAt(i) !== 0x7b) return null;
  i++;
  i = skipWs(value, i);
  const keys: string[] = [];
  const texts: string[] = [];
  if (value.charCodeAt(i) === 0x7d) {
    i++;
  } else {
    for (;;) {
      if (value.charCodeAt(i) !== 0x22) return null;
      const end = canonicalString(value, i, flag);
      if (end < 0 || !flag.plain) return null;
      keys.push(value.slice(i + 1, end));
      i = end + 1;
      i = skipWs(value, i);
      if (value.charCodeAt(i) !== 0x3a) return null;
      i++;
      i = skipWs(value, i);
      const start = i;
      i = flatValueEnd(value, i);
      if (i < 0) return null;
      texts.push(value.slice(start, i));
      i = skipWs(value, i);
      const sep = value.charCodeAt(i);
      i++;
      if (sep === 0x7d) break;
      if (sep !== 0x2c) return null;
      i = skipWs(value, i);
    }
  }
  i = skipWs(value, i);
  if (i !== n) return null;
  return sortedFlat(keys, texts, depth);
}

/**
 * Where a flat member's value starting at `i` ends, or -1 when it is not one `renderFlat` copies
 * unchanged: a string as `json.dumps` writes it, an integer (not -0), null, true, false.
 */
function flatValueEnd(value: string, i: number): number {
  const c = value.charCodeAt(i);
  if (c === 0x22) {
    const close = canonicalString(value, i, flag);
    return close < 0 ? -1 : close + 1;
  }
  if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
    const n = value.length;
    if (c === 0x2d) i++;
    const first = value.charCodeAt(i);
    if (first === 0x30) {
      i++;
      if (c === 0x2d) return -1; // -0: Python writes 0
    } else if (first >= 0x31 && first <= 0x39) {
      while (i < n && value.charCodeAt(i) >= 0x30 && value.charCodeAt(i) <= 0x39) i++;
    } else return -1;
    const next = value.charCodeAt(i);
    if (next === 0x2e || next === 0x65 || next === 0x45) return -1; // a float: Python's repr decides
    return i;
  }
  if (value.startsWith('null', i)) return i + 4;
  if (value.startsWith('true', i)) return i + 4;
  if (value.startsWith('false', i)) return i + 5;
  return -1;
}

/** A flat object's members, sorted, at `depth`; null when a key repeats. */
function sortedFlat(keys: string[], texts: string[], depth: number): string | null {
  if (keys.length === 0) return '{}';
  const order = keys.map((_, k) => k).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  for (let k = 1; k < order.length; k++) if (keys[order[k]!] === keys[order[k - 1]!]) return null; // duplicates: the last wins in Python
  const pad = '\n' + '  '.repeat(depth + 1);
  let out = '{';
  for (let k = 0; k < order.length; k++) {
    const m = order[k]!;
    out += `${k === 0 ? '' : ','}${pad}"${keys[m]}": ${texts[m]}`;
  }
  return `${out}\n${'  '.repeat(depth)}}`;
}

/**
 * `json.dumps(json.loads(value), indent=2, sort_keys=True)` as it appears nested at `depth`, or
 * null when Python's `json.loads` would refuse the value (then the gateway writes no `parsed`).
 */
export function renderParsed(value: string, depth: number, printable = PRINTABLE.test(value)): string | null {
  const flat = renderFlat(value, depth, printable);
  if (flat !== null) return flat;
  if (!JSONISH.test(value)) return null;
  if (!RISKY_NUMBER.test(value)) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      parsed = undefined;
    }
    if (parsed !== undefined) return renderPlain(parsed, depth);
  }
  try {
    return renderExact(parseExact(value), depth);
  } catch (error) {
    if (error instanceof PyParseError || error instanceof RangeError) return null;
    throw error;
  }
}

/** `JSON.parse` that also accepts what Python's `json.dump` may write (`NaN`, `Infinity`); numbers may lose precision. */
export function parseLenient(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    let exact: PyValue;
    try {
      exact = parseExact(text);
    } catch {
      throw error;
    }
    return toPlain(exact);
  }
}
