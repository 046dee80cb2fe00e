/**
 * Python's `json.dumps` byte for byte: `", "` and `": "` separators, `ensure_ascii` escapes,
 * insertion order unless `sortKeys`. The gateway writes every record this way, and its backup
 * script writes files with `indent=2, sort_keys=True`.
 */
export type PyJson = null | boolean | number | string | PyJson[] | { [key: string]: PyJson };

export interface PyDumpOptions {
  indent?: number;
  sortKeys?: boolean;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

export function pyString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short) out += short;
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function pyNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? 'Infinity' : '-Infinity';
  const text = String(n);
  return text.includes('e') || text.includes('.') ? text : `${text}.0`;
}

export function pyJsonDumps(value: PyJson, options: PyDumpOptions = {}): string {
  const { indent, sortKeys = false } = options;
  const render = (v: PyJson, depth: number): string => {
    if (v === null) return 'null';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'number') return pyNumber(v);
    if (typeof v === 'string') return pyString(v);
    const entries: [string | null, PyJson][] = Array.isArray(v)
      ? v.map((x) => [null, x])
      : Object.keys(v)
          .sort(sortKeys ? undefined : () => 0)
          .map((k) => [k, v[k] as PyJson]);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    if (entries.length === 0) return open + close;
    const items = entries.map(([k, x]) => (k === null ? '' : `${pyString(k)}: `) + render(x, depth + 1));
    if (indent === undefined) return open + items.join(', ') + close;
    const pad = ' '.repeat(indent * (depth + 1));
    const end = ' '.repeat(indent * depth);
    return `${open}\n${pad}${items.join(`,\n${pad}`)}\n${end}${close}`;
  };
  return render(value, 0);
}
