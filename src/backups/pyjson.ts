/**
 * Python `json` behaviour the backup file depends on, tuned for millions of values:
 *
 * - `pyStr`: a string as `json.dumps` writes it with `ensure_ascii=True` (same bytes as
 *   `pyString` in src/redis/python-json.ts, but native-speed for the common all-ASCII case);
 * - `pyCompare`: the order of `sort_keys=True` (code points, not UTF-16 code units);
 * - `renderParsed`: what the gateway's backup script writes as an entry's `parsed`:
 *   `json.loads(value)` re-dumped with `indent=2, sort_keys=True` at a given depth. Python keeps
 *   number literals exact (big ints, `1.0`, `1e+16`) and accepts `NaN`/`Infinity`, so values whose
 *   numbers JavaScript would change go through a small exact parser; the rest use `JSON.parse`.
 */

const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
const NON_ASCII = /[\u007f-\uffff]/g;

const hex4 = (code: number) => code.toString(16).padStart(4, '0');

/** Printable ASCII only (no control characters, nothing above `~`). */
export const PRINTABLE = /^[\x20-\x7e]*$/;

/** `json.dumps(text)` (ensure_ascii): `"`, `\\`, control characters and everything above `~` escaped. */
export function pyStr(text: string): string {
  if (PLAIN.test(text)) return `"${text}"`;
  // JSON.stringify escapes quotes, backslashes, control characters (\b \f \n \r \t short, the rest
  // as lowercase \u00XX, like Python) and lone surrogates; what remains above `~` is escaped here.
  return JSON.stringify(text).replace(NON_ASCII, (c) => `\\u${hex4(c.charCodeAt(0))}`);
}

/** `pyStr` for text known to be printable ASCII: only quotes and backslashes need escaping. */
export function pyStrPrintable(text: string): string {
  return JSON.stringify(text);
}

/** Python's string order: by code point. UTF-16 order differs only between an astral character and U+E000..U+FFFF. */
export function pyCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca === cb) continue;
    const sa = ca >= 0xd800 && ca <= 0xdfff;
    const sb = cb >= 0xd800 && cb <= 0xdfff;
    if (sa !== sb) return sa ? 1 : -1;
    return ca - cb;
  }
  return a.length - b.length;
}

// ------------------------------------------------------------------------------ numbers

/** Python's `repr(float)`: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
export function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = x.toExponential().split('e') as [string, string];
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const fixed = String(x);
  return fixed.includes('.') ? fixed : `${fixed}.0`;
}

/** A number literal as Python re-dumps it: ints exact (any size), floats as `repr`. */
function pyNumberLiteral(literal: string): string {
  if (/^-?\d+$/.test(literal)) {
    const digits = literal.replace(/^(-?)0+(?=\d)/, '$1');
    return digits === '-0' ? '0' : digits;
  }
  return pyFloat(Number(literal));
}

// ------------------------------------------------------------------------------ exact parser

/** A JSON number kept as the text Python would write for it. */
class PyNumber {
  constructor(readonly text: string) {}
}

type PyValue = null | boolean | string | PyNumber | PyValue[] | Map<string, PyValue>;

class PyParseError extends Error {}

/** `json.loads` (strict, NaN/Infinity allowed), numbers kept exact. Throws PyParseError. */
function parseExact(text: string): PyValue {
  let i = 0;
  const ws = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };
  const fail = (): never => {
    throw new PyParseError(`invalid JSON at ${i}`);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) {
      i += word.length;
      return true;
    }
    return false;
  };
  const string = (): string => {
    const start = i;
    i++;
    for (;;) {
      const c = text.charCodeAt(i);
      if (Number.isNaN(c) || c < 0x20) fail();
      if (c === 0x22) break;
      if (c === 0x5c) i++;
      i++;
    }
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail();
    }
  };
  const value = (depth: number): PyValue => {
    if (depth > 900) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const out = new Map<string, PyValue>();
      ws();
      if (text[i] === '}') {
        i++;
        return out;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        const key = string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        out.set(key, value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return out;
        } else fail();
      }
    }
    if (c === '[') {
      i++;
      const out: PyValue[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return out;
      }
      for (;;) {
        out.push(value(depth + 1));
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return out;
        } else fail();
      }
    }
    if (c === '"') return string();
    if (literal('true')) return true;
    if (literal('false')) return false;
    if (literal('null')) return null;
    if (literal('NaN')) return new PyNumber('NaN');
    if (literal('Infinity')) return new PyNumber('Infinity');
    if (literal('-Infinity')) return new PyNumber('-Infinity');
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(text.slice(i, i + 4400));
    if (!m) return fail();
    i += m[0].length;
    return new PyNumber(pyNumberLiteral(m[0]));
  };
  const out = value(0);
  ws();
  if (i !== text.length) fail();
  return out;
}

// ------------------------------------------------------------------------------ rendering

function renderExact(v: PyValue, depth: number): string {
  if (v === null) return 'null';
  if (v === true) return 'true';
  if (v === false) return 'false';
  if (typeof v === 'string') return pyStr(v);
  if (v instanceof PyNumber) return v.text;
  const pad = '\n' + '  '.repeat(depth + 1);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${pad}${v.map((x) => renderExact(x, depth + 1)).join(`,${pad}`)}\n${'  '.repeat(depth)}]`;
  }
  if (v.size === 0) return '{}';
  const keys = [...v.keys()].sort(pyCompare);
  return `{${pad}${keys.map((k) => `${pyStr(k)}: ${renderExact(v.get(k) as PyValue, depth + 1)}`).join(`,${pad}`)}\n${'  '.repeat(depth)}}`;
}

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
      const c = value.charCodeAt(i);
      const start = i;
      if (c === 0x22) {
        const close = canonicalString(value, i, flag);
        if (close < 0) return null;
        i = close + 1;
      } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
        if (c === 0x2d) i++;
        const first = value.charCodeAt(i);
        if (first === 0x30) {
          i++;
          if (c === 0x2d) return null; // -0: Python writes 0
        } else if (first >= 0x31 && first <= 0x39) {
          while (i < n && value.charCodeAt(i) >= 0x30 && value.charCodeAt(i) <= 0x39) i++;
        } else return null;
        const next = value.charCodeAt(i);
        if (next === 0x2e || next === 0x65 || next === 0x45) return null; // a float: Python's repr decides
      } else if (value.startsWith('null', i)) i += 4;
      else if (value.startsWith('true', i)) i += 4;
      else if (value.startsWith('false', i)) i += 5;
      else return null;
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

function toPlain(v: PyValue): unknown {
  if (v instanceof PyNumber) return Number(v.text);
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v) Object.defineProperty(out, k, { value: toPlain(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}
