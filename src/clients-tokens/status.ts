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

/**
 * A refresh token's status (semantics.md "Status words"): the gateway honours any refresh key that
 * exists, so a key with a TTL is VALID until Redis drops it, even past created_at + lifetime (it
 * then outlives its lifetime, see `outlivesLifetime`). A key without a TTL is a LEFTOVER once
 * created_at + lifetime is not later than now. Null when the record is corrupt; a key without a TTL
 * and without created_at is VALID (nothing says it is past its lifetime).
 */
export type RefreshTokenStatus = 'VALID' | 'LEFTOVER';

export function refreshTokenStatus(record: RefreshTokenRecord | null, ttlMs: number | null, lifetimes: Lifetimes, nowMs: number): RefreshTokenStatus | null {
  if (!record) return null;
  return isLeftoverRefresh(record, ttlMs, lifetimes, nowMs) ? 'LEFTOVER' : 'VALID';
}

/** No TTL (`ttlMs` null) and created_at + lifetime not later than now: the gateway would honour it forever. */
export function isLeftoverRefresh(record: RefreshTokenRecord | null, ttlMs: number | null, lifetimes: Lifetimes, nowMs: number): boolean {
  if (ttlMs !== null) return false;
  const expiresAt = refreshTokenExpiresAt(record, lifetimes);
  return expiresAt !== null && expiresAt * 1000 <= nowMs;
}

/** A live key (with a TTL) whose created_at + lifetime has passed: the gateway still honours it. */
export function outlivesLifetime(record: RefreshTokenRecord | null, ttlMs: number | null, lifetimes: Lifetimes, nowMs: number): boolean {
  if (ttlMs === null) return false;
  const expiresAt = refreshTokenExpiresAt(record, lifetimes);
  return expiresAt !== null && expiresAt * 1000 <= nowMs;
}

/** A state or code key without a TTL: the gateway always sets one, so it can never be used. */
export function isLeftover(ttlMs: number | null): boolean {
  return ttlMs === null;
}
