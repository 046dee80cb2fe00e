/**
 * The backup file's bytes: where every newline, indent, separator and bracket goes. The writer
 * lays a file out with these, the reader hashes what it reads with the same pieces, and the entry
 * renderers (render.ts, `renderEntry`) indent with them; nothing else spells the layout out.
 *
 * The layout is `json.dump(indent=2, sort_keys=True)`'s (format.ts shows a file): the root object
 * at depth 0, its members (categories, manifest, metadata, timestamp, payload) at depth 1, a
 * category's entries at depth 2, an entry's fields at depth 3, `parsed`'s members from depth 4.
 */
import type { EntryType } from './format.js';
import { pyStr, pyStrPrintable, renderPlain } from './pyjson.js';

// ------------------------------------------------------------------------------ the root object

export const FILE_OPEN = '{';
export const FILE_CLOSE = '\n}';

/** What comes before a root member's value: `\n  "name": `, after a comma unless it is the first. */
export function rootMember(name: string, first = false): string {
  return `${first ? '' : ','}\n  ${pyStr(name)}: `;
}

/** The manifest's and metadata's values, from the manifest's value to the end of metadata's. */
export function headerRegion(manifest: unknown, metadata: Record<string, number>): string {
  return `${renderPlain(manifest, 1)}${rootMember('metadata')}${renderPlain(metadata, 1)}`;
}

// ------------------------------------------------------------------------------ categories

/** A category's object: `{`, its entries one per line, `\n  }` (`{}` when empty). */
export const CATEGORY_OPEN = '{';
const FIRST_ENTRY = '\n    ';
const NEXT_ENTRY = ',\n    ';
/** Between an entry's name and its value. */
export const NAME_SEPARATOR = ': ';

/** What comes before the entry at `index` (0-based) of a category. */
export function entryLead(index: number): string {
  return index === 0 ? FIRST_ENTRY : NEXT_ENTRY;
}

/** A category's closing bracket after `count` entries. */
export function categoryClose(count: number): string {
  return count === 0 ? '}' : '\n  }';
}

// ------------------------------------------------------------------------------ entries

/** Before each field of an entry (depth 3). */
export const ENTRY_FIELD = '\n      ';
/** The end of an entry's object. */
export const ENTRY_CLOSE = '\n    }';
/** The depth `parsed` is rendered at (its members one deeper). */
export const PARSED_DEPTH = 3;
/** Before each member of a flat `parsed` object. */
export const PARSED_MEMBER = '\n        ';

/**
 * An entry as `json.dump(indent=2, sort_keys=True)` writes it at its place in the file (depth 2),
 * keys sorted: encoding, expires_at_ms, parsed, ttl, type, value.
 */
export function renderEntry(
  value: string,
  type: EntryType,
  ttl: number,
  parsed: string | null,
  expiresAtMs: number | null,
  base64: boolean,
  printable = false,
): string {
  return (
    '{' +
    (base64 ? `${ENTRY_FIELD}"encoding": "base64",` : '') +
    (expiresAtMs !== null ? `${ENTRY_FIELD}"expires_at_ms": ${expiresAtMs},` : '') +
    (parsed !== null ? `${ENTRY_FIELD}"parsed": ${parsed},` : '') +
    `${ENTRY_FIELD}"ttl": ${ttl},${ENTRY_FIELD}"type": "${type}",${ENTRY_FIELD}"value": ${printable ? pyStrPrintable(value) : pyStr(value)}${ENTRY_CLOSE}`
  );
}

// ------------------------------------------------------------------------------ encrypted files

/** The payload array's opening bracket and one sealed chunk (base64) as its element `index`. */
export const PAYLOAD_OPEN = '[';
export function payloadChunk(index: number, base64: string): string {
  return `${index === 0 ? '' : ','}\n    "${base64}"`;
}
export const PAYLOAD_CLOSE = '\n  ]';

/** What an encrypted file's chunks are bound to: the manifest and metadata, compact and sorted. */
export function encryptedHeaderJson(manifest: unknown, metadata: unknown): string {
  return JSON.stringify(sortDeep({ manifest, metadata }));
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortDeep((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}
