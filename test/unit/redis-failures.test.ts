import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { classifyRedisFailure, isRedisGone } from '../../src/redis/failures.js';
import { describeJobError } from '../../src/audit/describe-error.js';

// The error classes ioredis itself throws (redis-errors is its dependency), so the classifier is
// checked against the real names and messages, not copies of them.
const fromIoredis = createRequire(createRequire(import.meta.url).resolve('ioredis'));
const { AbortError, ReplyError } = fromIoredis('redis-errors') as { AbortError: new (m: string) => Error; ReplyError: new (m: string) => Error };
const { MaxRetriesPerRequestError } = fromIoredis('./errors/index.js') as { MaxRetriesPerRequestError: new (n: number) => Error };

describe('telling a Redis failure from any other error', () => {
  it('counts the commands ioredis aborts when the connection closes as a lost connection', () => {
    // What a backup saw in CI when its server was killed mid-pipeline ("internal error: AbortError" before).
    const aborted = new AbortError('Command aborted due to connection close');
    expect(classifyRedisFailure(aborted)).toBe('unreachable');
    expect(describeJobError(aborted)).toBe('Redis connection lost: Command aborted due to connection close');
    expect(isRedisGone(aborted)).toBe(true);
  });

  it('knows the other ways Redis goes away or stalls', () => {
    expect(classifyRedisFailure(new Error('Connection is closed.'))).toBe('unreachable');
    expect(classifyRedisFailure(new MaxRetriesPerRequestError(1))).toBe('unreachable');
    expect(classifyRedisFailure(new Error('connect ECONNREFUSED 127.0.0.1:1'))).toBe('unreachable');
    expect(classifyRedisFailure(new Error('Command timed out'))).toBe('timeout');
    expect(describeJobError(new Error('Command timed out'))).toMatch(/^Redis did not answer in time/);
  });

  it('reports a refusal by Redis as one, and anything else without its message', () => {
    const oom = new ReplyError("OOM command not allowed when used memory > 'maxmemory'.");
    expect(classifyRedisFailure(oom)).toBe('refused');
    expect(isRedisGone(oom)).toBe(false);
    expect(describeJobError(oom)).toBe('Redis refused the command: OOM (out of memory: maxmemory)');
    // A fetch's AbortError (token tooling) is not a Redis failure.
    const fetchAbort = new DOMException('This operation was aborted', 'AbortError');
    expect(classifyRedisFailure(fetchAbort)).toBe(null);
    // A MULTI refused while queueing fails at EXEC; the refusal in previousErrors is the reason (issue 14, item 4).
    const aborted = Object.assign(new ReplyError('EXECABORT Transaction discarded because of previous errors.'), { previousErrors: [oom] });
    expect(classifyRedisFailure(aborted)).toBe('refused');
    expect(describeJobError(aborted)).toBe('Redis refused the command: OOM (out of memory: maxmemory)');
    // A file system refusal says its code and call, not the path in its message.
    const notDir = Object.assign(new Error("ENOTDIR: not a directory, mkdir '/srv/backups/x'"), { code: 'ENOTDIR', syscall: 'mkdir', path: '/srv/backups/x' });
    expect(describeJobError(notDir)).toBe('the file system refused: ENOTDIR (mkdir)');
    const other = new TypeError('secret-value is not a function');
    expect(classifyRedisFailure(other)).toBe(null);
    expect(describeJobError(other)).toBe('internal error: TypeError');
  });
});
