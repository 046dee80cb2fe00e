import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import { codedError } from './error-codes.js';
import { redisUnavailable } from '../redis/redis-errors.js';

/**
 * Yoga's error masking, then ours: a failure of Redis itself becomes UNAVAILABLE (503, at the
 * field it happened in), and every other error ends with a code (see `codedError`).
 */
export function maskWithCodes(error: unknown, message: string): Error {
  const original = error instanceof GraphQLError ? error.originalError : error;
  const unavailable = original instanceof GraphQLError ? null : redisUnavailable(original);
  if (unavailable) {
    const located = error instanceof GraphQLError ? error : null;
    return new GraphQLError(unavailable.message, { nodes: located?.nodes, path: located?.path, extensions: unavailable.extensions });
  }
  return codedError(maskError(error, message, false));
}
