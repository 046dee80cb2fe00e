import { createHash, randomBytes } from 'node:crypto';
import type { RedisClient } from './redis/connection.js';
import type { Keys } from './redis/keys.js';
import { AdminError } from './errors.js';

/** How long a plan's confirm token stays good (semantics.md: 5 minutes). */
export const CONFIRM_TTL_MS = 5 * 60 * 1000;

const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The one two-step confirmation: the first call stores a plan under the hash of a random token
 * and returns the token; the second call must bring it back, for the same operation and
 * arguments, within five minutes. GETDEL makes every token single-use.
 */
export class Confirmations {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  async issue(operation: string, params: Record<string, unknown>): Promise<string> {
    const token = randomBytes(24).toString('base64url');
    await this.redis.set(this.keys.admin('confirm', hash(token)), JSON.stringify({ operation, params: hash(JSON.stringify(params)) }), 'PX', CONFIRM_TTL_MS);
    return token;
  }

  /** Consumes a token; throws a clear error when it is forged, expired, used, or for something else. */
  async consume(token: string, operation: string, params: Record<string, unknown>): Promise<void> {
    const stored = await this.redis.getdel(this.keys.admin('confirm', hash(token)));
    const plan = stored ? (JSON.parse(stored) as { operation: string; params: string }) : null;
    if (!plan) {
      throw new AdminError(
        'CONFIRMATION_INVALID',
        'confirm token is unknown, expired (5 minutes) or already used: call again without confirmToken for a new plan',
      );
    }
    if (plan.operation !== operation || plan.params !== hash(JSON.stringify(params))) {
      throw new AdminError('CONFIRMATION_INVALID', `confirm token was issued for another operation, not ${operation} with these arguments`);
    }
  }
}
