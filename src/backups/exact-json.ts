/**
 * Python's `json.loads` for the values JavaScript would change: number literals kept exact (big
 * ints, `1.0`, `1e+16`), `NaN`/`Infinity` accepted; and those values re-dumped as Python would.
 */
import { pyCompare, pyStr } from './pystr.js';

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
export class PyNumber {
  constructor(readonly text: string) {}
}

export type PyValue = null | boolean | string | PyNumber | PyValue[] | Map<string, PyValue>;

export class PyParseError extends Error {}

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/;

/** `json.loads` (strict, NaN/Infinity allowed), numbers kept exact. Throws PyParseError. */
class ExactParser {
  private i = 0;

  constructor(private readonly text: string) {}

  parse(): PyValue {
    const out = this.value(0);
    this.ws();
    if (this.i !== this.text.length) this.fail();
    return out;
  }

  private ws(): void {
    const { text } = this;
    while (this.i < text.length) {
      const c = text.charCodeAt(this.i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.i++;
      else break;
    }
  }

  private fail(): never {
    throw new PyParseError(`invalid JSON at ${this.i}`);
  }

  private literal(word: string): boolean {
    if (!this.text.startsWith(word, this.i)) return false;
    this.i += word.length;
    return true;
  }

  /** The character at the cursor, consumed when it is `c`. */
  private eat(c: string): boolean {
    if (this.text[this.i] !== c) return false;
    this.i++;
    return true;
  }

  private string(): string {
    const { text } = this;
    const start = this.i;
    this.i++;
    for (;;) {
      const c = text.charCodeAt(this.i);
      if (Number.isNaN(c) || c < 0x20) this.fail();
      if (c === 0x22) break;
      if (c === 0x5c) this.i++;
      this.i++;
    }
    this.i++;
    try {
      return JSON.parse(text.slice(start, this.i)) as string;
    } catch {
      return this.fail();
    }
  }

  private object(depth: number): Map<string, PyValue> {
    const out = new Map<string, PyValue>();
    this.ws();
    if (this.eat('}')) return out;
    for (;;) {
      this.ws();
      if (this.text[this.i] !== '"') this.fail();
      const key = this.string();
      this.ws();
      if (!this.eat(':')) this.fail();
      out.set(key, this.value(depth + 1));
      this.ws();
      if (this.eat(',')) continue;
      if (this.eat('}')) return out;
      this.fail();
    }
  }

  private array(depth: number): PyValue[] {
    const out: PyValue[] = [];
    this.ws();
    if (this.eat(']')) return out;
    for (;;) {
      out.push(this.value(depth + 1));
      this.ws();
      if (this.eat(',')) continue;
      if (this.eat(']')) return out;
      this.fail();
    }
  }

  private value(depth: number): PyValue {
    if (depth > 900) this.fail();
    this.ws();
    if (this.eat('{')) return this.object(depth);
    if (this.eat('[')) return this.array(depth);
    if (this.text[this.i] === '"') return this.string();
    if (this.literal('true')) return true;
    if (this.literal('false')) return false;
    if (this.literal('null')) return null;
    if (this.literal('NaN')) return new PyNumber('NaN');
    if (this.literal('Infinity')) return new PyNumber('Infinity');
    if (this.literal('-Infinity')) return new PyNumber('-Infinity');
    const m = NUMBER.exec(this.text.slice(this.i, this.i + 4400));
    if (!m) return this.fail();
    this.i += m[0].length;
    return new PyNumber(pyNumberLiteral(m[0]));
  }
}

export function parseExact(text: string): PyValue {
  return new ExactParser(text).parse();
}

export function renderExact(v: PyValue, depth: number): string {
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

export function toPlain(v: PyValue): unknown {
  if (v instanceof PyNumber) return Number(v.text);
  if (Array.isArray(v)) return v.map(toPlain);
  if (v instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of v) Object.defineProperty(out, k, { value: toPlain(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}
