/** How Redis itself failed: gone (refused, reset, closed, commands aborted), too slow, or refusing commands. */
export type RedisFailure = 'unreachable' | 'timeout' | 'refused';

/**
 * The one place that tells a Redis failure from any other error, by ioredis' own error names and
 * messages (never by stored values). ioredis rejects the commands still queued when the
 * connection closes with an AbortError, "Command aborted due to connection close" (not to be
 * confused with a fetch's AbortError, which is no Redis failure).
 */
export function classifyRedisFailure(error: unknown): RedisFailure | null {
  error = redisCause(error);
  if (!(error instanceof Error)) return null;
  const message = error.message.split('\n')[0] ?? '';
  if (/Command timed out/i.test(message)) return 'timeout';
  if (
    error.name === 'MaxRetriesPerRequestError' ||
    /enableOfflineQueue|Stream isn't writeable|Connection is closed|aborted due to connection close|Cluster is ended|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ENOTFOUND|EHOSTUNREACH|MaxRetriesPerRequest|max retries per request|Redis is not ready/i.test(
      message,
    )
  ) {
    return 'unreachable';
  }
  if (/LOADING|BUSY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|READONLY|OOM command not allowed/.test(message)) return 'refused';
  return null;
}

/**
 * The error that counts: a MULTI whose commands Redis refused while queueing (OOM under
 * maxmemory, say) fails at EXEC with "EXECABORT Transaction discarded because of previous
 * errors"; ioredis keeps the refusals in `previousErrors`, and the first one is the reason.
 */
export function redisCause(error: unknown): unknown {
  if (error instanceof Error && /^EXECABORT/.test(error.message)) {
    const previous = (error as { previousErrors?: unknown[] }).previousErrors?.[0];
    if (previous instanceof Error) return previous;
  }
  return error;
}

/** Redis went away or stopped answering (as opposed to refusing a command or any other error). */
export function isRedisGone(error: unknown): boolean {
  const kind = classifyRedisFailure(error);
  return kind === 'unreachable' || kind === 'timeout';
}
