import { AdminError } from '../errors.js';
import { classifyRedisFailure, redisCause } from './failures.js';

/**
 * Words an operator can act on for a failure of Redis itself (down, unreachable, too slow), or
 * null for any other error. Never includes stored values: only ioredis' own messages.
 */
export function describeRedisFailure(error: unknown): string | null {
  const kind = classifyRedisFailure(error);
  if (kind === null) return null;
  const message = (redisCause(error) as Error).message.split('\n')[0] ?? '';
  if (kind === 'timeout') return 'Redis did not answer in time (command timeout): it is overloaded or paused; try again shortly';
  if (kind === 'unreachable') return 'Redis is not reachable: the service is waiting for it to come back (see /health)';
  return `Redis refused the command (${message.split(' ')[0]}): ${/OOM/.test(message) ? 'it is out of memory (maxmemory)' : 'it is not ready'}; try again shortly`;
}

/** A GraphQL error (code UNAVAILABLE, HTTP 503) for a Redis failure, or null for anything else. */
export function redisUnavailable(error: unknown): AdminError | null {
  const reason = describeRedisFailure(error);
  return reason ? new AdminError('UNAVAILABLE', reason, { http: { status: 503, headers: { 'retry-after': '1' } } }) : null;
}
