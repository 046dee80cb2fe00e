import { GraphQLError } from 'graphql';

/** The codes a client can act on; anything else is masked by Yoga as an internal error. */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFIRMATION_INVALID'
  | 'CONFLICT'
  | 'UNAVAILABLE';

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

export const notFound = (what: string, id: string) => new AdminError('NOT_FOUND', `${what} ${JSON.stringify(id)} does not exist`);
export const badInput = (message: string, details: Record<string, unknown> = {}) => new AdminError('BAD_USER_INPUT', message, details);
