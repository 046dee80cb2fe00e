/**
 * The backup file format: the gateway's layout (reference/gateway-data.md §3.1) plus what we add.
 *
 * ```
 * {                                   json.dump(indent=2, sort_keys=True), ASCII, no final newline
 *   "codes": { "<id>": ENTRY, ... },
 *   "manifest": { ... },              ours: format, version, counts, SHA-256s, Redis version, encryption
 *                                     (and `padding`: spaces filling the room kept for it, see writer.ts)
 *   "metadata": { "total_refresh_tokens", "total_registrations", "total_sessions", "total_tokens" },
 *   "other": { ... },                 ours, only when present: other keys under the prefix (prefix stripped)
 *   "refresh_tokens": {...}, "registrations": {...},
 *   "sessions": { "<full key name>": ENTRY },   full name (the gateway strips it, then restores it wrong)
 *   "states": {...}, "timestamp": "2026-11-26T15:34:29.311159+00:00", "tokens": {...}, "user_tokens": {...}
 * }
 * ENTRY = { "encoding"?: "base64", "expires_at_ms"?: int, "parsed"?: any, "ttl": int, "type": str, "value": str }
 * ```
 *
 * Checksums: per category, SHA-256 of its object exactly as written (from `{` to `}`, in the
 * layout above); the manifest's `sha256` covers the per-category lines. They detect corruption,
 * truncation and edits (not a forger who rewrites the manifest too: that is what encryption's
 * authentication is for). `timestamp` is repeated in the manifest and `metadata` must match the
 * counts, so neither can change unnoticed.
 *
 * An encrypted file keeps `manifest`, `metadata` and `timestamp` in clear and replaces the
 * categories by `payload`: the categories object (the same bytes a clear file holds) sealed in
 * AES-256-GCM chunks (crypto.ts).
 */
import { z } from 'zod';

/** The gateway's categories and ours (`other`), in file (sorted) order. */
export const CATEGORIES = ['codes', 'other', 'refresh_tokens', 'registrations', 'sessions', 'states', 'tokens', 'user_tokens'] as const;
export type Category = (typeof CATEGORIES)[number];
export const isCategory = (name: string): name is Category => (CATEGORIES as readonly string[]).includes(name);

export const FORMAT_NAME = 'oauth-admin-backup';
export const FORMAT_VERSION = 1;

export const ENTRY_TYPES = ['string', 'set', 'list', 'hash'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

// ------------------------------------------------------------------------------ names

/** `oauth-backup-YYYYMMDD-HHMMSS.json`, `-1`, `-2`, ... on collision. */
export const BACKUP_NAME = /^oauth-backup-(\d{8})-(\d{6})(?:-(\d+))?\.json$/;

export function backupBaseName(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-26T15:34:29.311Z
  return `oauth-backup-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}

export function nameWithSequence(base: string, seq: number): string {
  return seq === 0 ? `${base}.json` : `${base}-${seq}.json`;
}

/** Orders backup names newest first: by time, then by collision number (`-2` after `-1` after none). */
export function backupSortKey(name: string): string {
  const m = BACKUP_NAME.exec(name);
  if (!m) return `0:${name}`;
  return `1:${m[1]}${m[2]}:${(m[3] ?? '0').padStart(10, '0')}`;
}

/** The time a backup name encodes (UTC), or null. */
export function timeFromName(name: string): number | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const [d, t] = [m[1] as string, m[2] as string];
  const ms = Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +t.slice(0, 2), +t.slice(2, 4), +t.slice(4, 6));
  return Number.isFinite(ms) ? ms : null;
}

// ------------------------------------------------------------------------------ timestamps

/** Python's `datetime.now(UTC).isoformat()`: microseconds, omitted when zero; `+00:00`. */
export function pyIsoTimestamp(seconds: number, micros: number): string {
  const iso = new Date(seconds * 1000).toISOString().slice(0, 19);
  return micros === 0 ? `${iso}+00:00` : `${iso}.${String(micros).padStart(6, '0')}+00:00`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,6}))?(Z|[+-]\d{2}:?\d{2})?$/;

/** Epoch milliseconds of a Python `isoformat()` timestamp (naive ones are UTC), or null. */
export function parsePyTimestamp(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  let ms = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!) + Math.floor(Number((frac ?? '0').padEnd(6, '0')) / 1000);
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    ms -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  return Number.isFinite(ms) ? ms : null;
}

// ------------------------------------------------------------------------------ entries

/** What a backup entry restores: the key's type, its data and its absolute expiry. */
export interface EntryData {
  type: EntryType;
  /** string: [value]; set and list: members; hash: field, value, field, value... Buffers when not UTF-8. */
  items: (string | Buffer)[];
  /** Absolute expiry in epoch ms; null for a key without TTL. */
  expiresAtMs: number | null;
}

const int = z.number().int();

/** One entry as the gateway writes it (`value`, `type`, `ttl`, `parsed`) plus our `expires_at_ms` and `encoding`. */
export const EntrySchema = z.object({
  value: z.string(),
  type: z.enum(ENTRY_TYPES).default('string'),
  ttl: int.min(-1, 'ttl must be -1 (no expiry) or remaining seconds'),
  parsed: z.unknown().optional(),
  expires_at_ms: int.positive().optional(),
  encoding: z.literal('base64').optional(),
});
export type Entry = z.infer<typeof EntrySchema>;

const stringList = z.array(z.string());
const stringMap = z.record(z.string(), z.string());

/** The Redis data an entry describes; throws a readable message when `value` does not fit `type`. */
function decodeItem(text: string, base64: boolean): string | Buffer {
  return base64 ? Buffer.from(text, 'base64') : text;
}

export function entryItems(entry: Entry): (string | Buffer)[] {
  const base64 = entry.encoding === 'base64';
  if (entry.type === 'string') return [decodeItem(entry.value, base64)];
  let parsed: unknown;
  try {
    parsed = JSON.parse(entry.value);
  } catch {
    throw new Error(`value of a ${entry.type} must be a JSON ${entry.type === 'hash' ? 'object' : 'array'} of strings`);
  }
  if (entry.type === 'hash') {
    const map = stringMap.safeParse(parsed);
    if (!map.success) throw new Error('value of a hash must be a JSON object of strings');
    return Object.entries(map.data).flatMap(([k, v]) => [decodeItem(k, base64), decodeItem(v, base64)]);
  }
  const list = stringList.safeParse(parsed);
  if (!list.success) throw new Error(`value of a ${entry.type} must be a JSON array of strings`);
  return list.data.map((item) => decodeItem(item, base64));
}

/**
 * An entry's absolute expiry: `expires_at_ms` when present (ours), else the file's timestamp plus
 * `ttl` (the gateway's files); null for no TTL.
 */
export function entryExpiry(entry: Entry, fileTimeMs: number): number | null {
  if (entry.expires_at_ms !== undefined) return entry.expires_at_ms;
  return entry.ttl > 0 ? fileTimeMs + entry.ttl * 1000 : null;
}

/** `TTL` as Redis reports it (rounded), as the gateway stores it: > 0, else -1. Never 0 for a live key. */
export function gatewayTtl(pttlMs: number): number {
  if (pttlMs < 0) return -1;
  return Math.max(1, Math.floor((pttlMs + 500) / 1000));
}

// ------------------------------------------------------------------------------ manifest

export const KdfSchema = z.object({
  name: z.literal('scrypt'),
  salt: z.string().min(16),
  n: int.positive(),
  r: int.positive(),
  p: int.positive(),
});

export const EncryptionSchema = z.object({
  algorithm: z.literal('aes-256-gcm'),
  kdf: KdfSchema,
  /** HMAC of a fixed label under the derived key: tells a wrong key from a damaged file. */
  key_check: z.string().min(1),
  chunk_bytes: int.positive(),
});
export type EncryptionInfo = z.infer<typeof EncryptionSchema>;

export const CategoryDigestSchema = z.object({ count: int.min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const ManifestSchema = z.object({
  format: z.literal(FORMAT_NAME),
  format_version: int.positive(),
  created_by: z.string(),
  timestamp: z.string(),
  key_prefix: z.string(),
  session_prefix: z.string(),
  redis_version: z.string(),
  categories: z.record(z.string(), CategoryDigestSchema),
  counts: z.record(z.string(), int.min(0)),
  /** SHA-256 over `<category> <count> <sha256>\n` for the categories present, in order. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encrypted: z.boolean(),
  encryption: EncryptionSchema.optional(),
  note: z.string().optional(),
  /** Keys under the prefixes of a type the gateway's format cannot hold (sorted sets, streams): not in the file. */
  unsupported_keys: int.min(0).optional(),
  /** The same per category (files written before this was recorded have only the total). */
  unsupported: z.record(z.string(), int.min(0)).optional(),
  /** Their Redis types (`zset`, `stream`, ...). */
  unsupported_types: z.array(z.string()).optional(),
});
export type Manifest = z.infer<typeof ManifestSchema>;

export const MetadataSchema = z.record(z.string(), z.unknown());

/** The overall checksum line set of a manifest. */
export function overallDigestInput(categories: Record<string, { count: number; sha256: string }>): string {
  return CATEGORIES.filter((c) => categories[c] !== undefined)
    .map((c) => `${c} ${categories[c]!.count} ${categories[c]!.sha256}\n`)
    .join('');
}

/** The gateway's `metadata`: totals of four categories. */
export function gatewayMetadata(counts: Record<Category, number>): Record<string, number> {
  return {
    total_refresh_tokens: counts.refresh_tokens,
    total_registrations: counts.registrations,
    total_sessions: counts.sessions,
    total_tokens: counts.tokens,
  };
}

/** A short message from a zod error, never echoing values (they may be secrets). */
export function zodMessage(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'value'}: ${i.message}`)
    .join('; ');
}
