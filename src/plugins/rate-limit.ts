import type { GraphQLError } from 'graphql';
import type { Principal } from '../principal.js';
import type { Logger } from '../logger.js';
import type { RedisClient } from '../redis/connection.js';
import type { Keys } from '../redis/keys.js';
import { describeRedisFailure } from '../redis/redis-errors.js';
import { refusal } from './refusal.js';

export interface RateLimitOptions {
  /** Requests per second per bearer token (0: unlimited). */
  perSecond: number;
  /** Requests per second per client address for callers without a valid token (0: unlimited). */
  anonymousPerSecond: number;
  /** The window the average is taken over; a burst up to `perSecond × windowSeconds` passes. */
  windowSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets (what `Retry-After` says). */
  retryAfterSeconds: number;
}

/**
 * A fixed-window counter per caller, kept in Redis under the admin prefix so every service
 * process shares it: `INCR` and `PEXPIRE` in one round trip. Bucket names never hold a secret
 * (`token:admin-token`, `anon:127.0.0.1`).
 */
export class RateLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request against `bucket`; throws when Redis cannot answer. */
  async take(bucket: string, perSecond: number): Promise<RateDecision> {
    if (perSecond <= 0) return { allowed: true, limit: 0, remaining: 0, retryAfterSeconds: 0 };
    const windowMs = this.options.windowSeconds * 1000;
    const now = this.now();
    const window = Math.floor(now / windowMs);
    const limit = perSecond * this.options.windowSeconds;
    const key = this.keys.admin('ratelimit', bucket, String(window));
    const results = await this.redis
      .multi()
      .incr(key)
      .pexpire(key, windowMs * 2)
      .exec()
      .catch((error: unknown) => {
        // A refused command aborts the transaction (EXECABORT): report the refusal itself (e.g. OOM).
        const previous = (error as { previousErrors?: Error[] }).previousErrors?.[0];
        throw previous ?? error;
      });
    const [incrError, used] = results?.[0] ?? [new Error('rate limit: empty reply'), 0];
    if (incrError) throw incrError;
    const count = Number(used);
    const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
    return { allowed: count <= limit, limit, remaining: Math.max(0, limit - count), retryAfterSeconds };
  }

  forToken(principalName: string): Promise<RateDecision> {
    return this.take(`token:${principalName}`, this.options.perSecond);
  }

  forAnonymous(address: string): Promise<RateDecision> {
    return this.take(`anon:${address}`, this.options.anonymousPerSecond);
  }
}

/**
 * The rate limit's answer for one request: null to go on, or the refusal (429 with Retry-After;
 * 503 when Redis cannot count). Redis full (maxmemory, noeviction) refuses the counter but still
 * serves reads: the request goes on rather than lock every caller out.
 */
export async function rateRefusal(limiter: RateLimiter, principal: Principal | null, address: string, logger: Logger): Promise<GraphQLError | null> {
  try {
    const decision = principal ? await limiter.forToken(principal.name) : await limiter.forAnonymous(address);
    if (decision.allowed) return null;
    const who = principal ? 'for this token' : 'without a valid token';
    return refusal(
      429,
      'RATE_LIMITED',
      `too many requests: at most ${decision.limit} per ${limiter.options.windowSeconds} s ${who}; retry after ${decision.retryAfterSeconds} s`,
      { 'retry-after': String(decision.retryAfterSeconds) },
    );
  } catch (error) {
    if (!(error instanceof Error && /^OOM /.test(error.message))) {
      return refusal(503, 'UNAVAILABLE', describeRedisFailure(error) ?? 'the rate limiter could not reach Redis', { 'retry-after': '1' });
    }
    logger.warn('rate limit not counted: Redis is out of memory (maxmemory)', { address });
    return null;
  }
}
