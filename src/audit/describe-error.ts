import { AdminError } from '../errors.js';
import { classifyRedisFailure, redisCause } from '../redis/failures.js';

/**
 * Words for why an action or a job failed, fit for its record and the audit log: an AdminError's
 * own message, what happened to Redis, the file system's code; never a stored value or a path.
 */
export function describeJobError(error: unknown): string {
  if (error instanceof AdminError) return error.message;
  const kind = classifyRedisFailure(error);
  const cause = redisCause(error);
  const first = cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : '';
  if (kind === 'unreachable') return `Redis connection lost: ${first}`;
  if (kind === 'timeout') return `Redis did not answer in time: ${first}`;
  if (kind === 'refused') return `Redis refused the command: ${first.split(' ')[0]}${/^OOM/.test(first) ? ' (out of memory: maxmemory)' : ''}`;
  // A file system refusal (BACKUP_DIR not a directory, read-only, full): its code and system call
  // say what to fix; the message (which names the path) is not repeated.
  const system = error as { code?: unknown; syscall?: unknown };
  if (typeof system.code === 'string' && /^E[A-Z]+$/.test(system.code) && typeof system.syscall === 'string') {
    return `the file system refused: ${system.code} (${system.syscall})`;
  }
  return `internal error: ${error instanceof Error ? error.name : 'Error'}`;
}
