/**
 * One key as a member of its category, `"<name>": <entry>`, exactly as the gateway's
 * `json.dump(indent=2, sort_keys=True)` writes it (format.ts `renderEntry`, pyjson.ts
 * `renderParsed`).
 *
 * Nearly every key of a gateway store is a string holding a flat JSON object that the gateway
 * wrote with `json.dumps`, the keys of a kind always in the same order (a token, a refresh token).
 * An `EntryRenderer` learns those shapes: one regular expression per shape checks a value and
 * finds its members in one native pass; `parsed` is then its members' texts in sorted key order,
 * and `value` as a JSON string its members' texts with their quotes escaped.
 * A value that fits no shape takes the general path, the same output by construction (a shape
 * admits only what `renderParsed`'s flat path would copy unchanged: printable ASCII, strings
 * without escapes, integers, true, false, null).
 */
import { isUtf8 } from 'node:buffer';
import { type EntryType, gatewayTtl, renderEntry } from './format.js';
import { PRINTABLE, pyStr, renderParsed } from './pyjson.js';

/** A key as a backup reads it. */
export interface ReadKey {
  key: string;
  type: string;
  /** Remaining time to live (ms) when read, -1 without. */
  pttl: number;
  expiresAtMs: number;
  /** string: [value]; set and list: members; hash: field, value, ... */
  items: Buffer[];
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
      return renderEntry(value, 'string', gatewayTtl(r.pttl), renderParsed(value, 3, printable), expiresAtMs, false, printable);
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

/**
 * A member's value as `renderParsed`'s flat path copies it unchanged: a string exactly as
 * `json.dumps` writes it (printable ASCII, short escapes, `\u` escapes only where Python makes
 * them, lowercase), an integer, true, false, null.
 */
const FLAT_VALUE =
  '("(?:[\\x20\\x21\\x23-\\x5b\\x5d-\\x7e]|\\\\["\\\\nrtbf]|\\\\u(?:000[0-7bef]|001[0-9a-f]|007f|00[89a-f][0-9a-f]|0[1-9a-f][0-9a-f]{2}|[1-9a-f][0-9a-f]{3}))*"|0|-?[1-9][0-9]*|true|false|null)';

interface Shape {
  /** `{"a": V, "b": V}` as `json.dumps` writes it, the keys in this order. */
  regex: RegExp;
  /** `parsed`, in sorted key order: the text before each member's value, and its capture group. */
  sorted: { head: string; group: number }[];
  /** `value` as a JSON string, in the value's order: the text before each member's value (escaped). */
  escaped: string[];
}

/** How many shapes a renderer keeps, how many it tries, and how many values it looks at to find them. */
const MAX_SHAPES = 8;
const MAX_TRIED = 64;
const MAX_LOOKS = 10_000;

export class EntryRenderer {
  private readonly shapes: Shape[] = [];
  /** Key lists already tried. */
  private readonly tried = new Set<string>();
  private looks = MAX_LOOKS;

  /** `<keyJson>: <entry>`, or null when the key's type is one the gateway format cannot hold. */
  member(keyJson: string, r: ReadKey): string | null {
    if (r.type === 'string' && r.items.length === 1 && this.shapes.length > 0) {
      const fast = this.fast(keyJson, r);
      if (fast !== null) return fast;
    }
    const entry = renderKey(r);
    if (entry === null) return null;
    if (this.looks > 0 && r.type === 'string' && entry.includes('\n      "parsed": {\n')) this.learn(r.items[0]!.toString('latin1'));
    return `${keyJson}: ${entry}`;
  }

  /**
   * A value of a known shape, assembled from its members' texts: `renderEntry` with `parsed` as
   * the flat path writes it and `value` as `json.dumps` escapes it (the shape admits only printable
   * ASCII: quotes and backslashes are all there is to escape).
   */
  private fast(keyJson: string, r: ReadKey): string | null {
    const value = r.items[0]!.toString('latin1');
    for (const shape of this.shapes) {
      const m = shape.regex.exec(value);
      if (m === null) continue;
      let out = r.pttl >= 0 ? `${keyJson}: {\n      "expires_at_ms": ${r.expiresAtMs},\n      "parsed": ` : `${keyJson}: {\n      "parsed": `;
      for (const { head, group } of shape.sorted) out += head + m[group]!;
      out += `\n      },\n      "ttl": ${gatewayTtl(r.pttl)},\n      "type": "string",\n      "value": `;
      const escaped = shape.escaped;
      for (let i = 0; i < escaped.length; i++) {
        const text = m[i + 1]!;
        if (text.charCodeAt(0) !== 0x22) out += escaped[i]! + text;
        else if (!text.includes('\\')) out += `${escaped[i]!}\\"${text.slice(1, -1)}\\"`;
        else out += escaped[i]! + text.replace(/["\\]/g, '\\$&');
      }
      return `${out}}"\n    }`;
    }
    return null;
  }

  /** Learns the shape of a flat object value, when it has one a regular expression can check. */
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
    if (keys.length === 0 || keys.some((k) => /["\\]/.test(k))) return;
    const signature = JSON.stringify(keys);
    if (this.tried.has(signature)) return;
    this.tried.add(signature);
    const escape = (k: string) => k.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    const regex = new RegExp(`^\\{${keys.map((k) => `"${escape(k)}": ${FLAT_VALUE}`).join(', ')}\\}$`);
    if (!regex.test(value)) return; // another layout (spacing, key order, escapes): the general path
    const sorted = keys.map((k, i) => ({ k, group: i + 1 })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
    this.shapes.push({
      regex,
      sorted: sorted.map(({ k, group }, i) => ({ head: `${i === 0 ? '{' : ','}\n        "${k}": `, group })),
      escaped: keys.map((k, i) => `${i === 0 ? '"{' : ', '}\\"${k}\\": `),
    });
  }
}
