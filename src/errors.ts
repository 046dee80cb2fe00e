import { GraphQLError } from 'graphql';

/** Every `extensions.code` a client can receive (GraphQL errors and the JSON refusals before Yoga). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFIRMATION_INVALID'
  | 'CONFLICT'
  | 'UNAVAILABLE'
  // Sent outside AdminError: app.ts (rate limit), plugins/limits.ts, plugins/error-codes.ts.
  | 'RATE_LIMITED'
  | 'QUERY_TOO_COMPLEX'
  | 'INTROSPECTION_DISABLED'
  | 'CSRF_HEADER_REQUIRED'
  | 'BAD_REQUEST'
  | 'INTERNAL_SERVER_ERROR';

/** The one error class resolvers and services throw for expected failures. */
export class AdminError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { extensions: { code, ...details } });
  }
}

export const badInput = (message: string, details: Record<string, unknown> = {}) => new AdminError('BAD_USER_INPUT', message, details);
