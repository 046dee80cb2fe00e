/**
 * Python's strings as `json.dumps` writes and `sort_keys=True` orders them:
 *
 * - `pyStr`: a string as `json.dumps` writes it with `ensure_ascii=True` (same bytes as
 *   `pyString` in src/redis/python-json.ts, but native-speed for the common all-ASCII case);
 * - `pyCompare`: the order of `sort_keys=True` (code points, not UTF-16 code units).
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
