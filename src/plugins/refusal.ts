import { GraphQLError } from 'graphql';

/**
 * A request refused before its operation runs (401, 429, 503), as a GraphQL error: Yoga's result
 * processor turns `extensions.http` into the status and headers, and strips it from the body.
 */
export function refusal(status: number, code: string, message: string, headers: Record<string, string> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status, headers } } });
}
