/** How Redis itself failed: gone (refused, reset, closed, commands aborted), too slow, or refusing commands. */
export type RedisFailure = 'unreachable' | 'timeout' | 'refused';

/**
 * The one place that tells a Redis failure from any other error, by ioredis' own error names and
 * messages (never by stored values). ioredis rejects the commands still queued when the
 * connection closes with an AbortError, "Command aborted due to connection close" (not to be
 * confused with a fetch's AbortError, which is no Redis failure).
 */
export function classifyRedisFailure(error: unknown): RedisFailure | null {
  if (!(error instanceof Error)) return null;
  const message = error.message.split('\n')[0] ?? '';
  if (/Command timed out/i.test(message)) return 'timeout';
  if (
    error.name === 'MaxRetriesPerRequestError' ||
    /enableOfflineQueue|Stream isn't writeable|Connection is closed|aborted due to connection close|Cluster is ended|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|MaxRetriesPerRequest|max retries per request|Redis is not ready/i.test(message)
  ) {
    return 'unreachable';
  }
  if (/LOADING|BUSY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|READONLY|OOM command not allowed/.test(message)) return 'refused';
  return null;
}

/** Redis went away or stopped answering (as opposed to refusing a command or any other error). */
export function isRedisGone(error: unknown): boolean {
  const kind = classifyRedisFailure(error);
  return kind === 'unreachable' || kind === 'timeout';
}
