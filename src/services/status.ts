import type { AccessTokenRecord, RefreshTokenRecord } from '../redis/codecs.js';

/** The status words of semantics.md, in one place for stats, listings, purge and relations. */
export type TokenStatus = 'ACTIVE' | 'EXPIRED';

export interface Lifetimes {
  /** REFRESH_TOKEN_LIFETIME in seconds. */
  refreshTokenSeconds: number;
}

/** ACTIVE while `expires_at` (or `exp`) is later than now; null when the record has no expiry. */
export function accessTokenStatus(record: AccessTokenRecord | null, nowMs: number): TokenStatus | null {
  if (!record || record.expiresAt === null) return null;
  return record.expiresAt * 1000 > nowMs ? 'ACTIVE' : 'EXPIRED';
}

/** `created_at + REFRESH_TOKEN_LIFETIME` in epoch seconds; null when `created_at` is unknown. */
export function refreshTokenExpiresAt(record: RefreshTokenRecord | null, lifetimes: Lifetimes): number | null {
  if (!record || record.createdAt === null) return null;
  return record.createdAt + lifetimes.refreshTokenSeconds;
}

/** Expired once `created_at + lifetime` is not later than now; a missing TTL alone does not expire it. */
export function refreshTokenStatus(record: RefreshTokenRecord | null, lifetimes: Lifetimes, nowMs: number): TokenStatus | null {
  const expiresAt = refreshTokenExpiresAt(record, lifetimes);
  if (expiresAt === null) return null;
  return expiresAt * 1000 > nowMs ? 'ACTIVE' : 'EXPIRED';
}

/** A state or code key without a TTL: the gateway always sets one, so it can never be used. */
export function isLeftover(ttlMs: number | null): boolean {
  return ttlMs === null;
}
