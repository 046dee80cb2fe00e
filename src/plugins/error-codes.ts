import { GraphQLError } from 'graphql';

/**
 * The last step of error masking (after Yoga's): every error a client sees carries a code, and
 * none carries `extensions.originalError` (Yoga puts the JSON parser's message there, and that
 * message quotes the request body back).
 *
 * - A resolver error without a code (Pothos' "Invalid global ID: <id>", graphql-js' own) is
 *   either a bad global id (BAD_USER_INPUT, without echoing it) or internal ("Unexpected error.",
 *   INTERNAL_SERVER_ERROR, logged by Yoga as masked).
 * - A request-level refusal without a code (an unknown or mistyped variable, a browser request
 *   without the CSRF header, ...) keeps its message and gets BAD_USER_INPUT, CSRF_HEADER_REQUIRED
 *   or BAD_REQUEST.
 *
 * Client mistakes are amended in place, so Yoga (which logs at error level whatever masking
 * replaced) does not log a caller's typo as a server error.
 */
export function codedError(error: Error): Error {
  if (!(error instanceof GraphQLError)) return error;
  const extensions = error.extensions as Record<string, unknown>;
  const hasCode = typeof extensions.code === 'string';
  if (hasCode && !('originalError' in extensions)) return error;
  const amended: Record<string, unknown> = { ...extensions };
  if ('originalError' in amended) {
    delete amended.originalError;
    // Yoga answers a spec-marked error with 200 for `application/json` unless it carries an
    // original error; without it the body is still not a GraphQL request, so its 400 stands.
    const http = amended.http as { spec?: boolean } | undefined;
    if (http?.spec) amended.http = { ...http, spec: false };
  }
  if (!hasCode) {
    if (/^Invalid global ID/i.test(error.message)) {
      error.message = 'invalid global id: pass an `id` this API returned (the `id` field of a node)';
      amended.code = 'BAD_USER_INPUT';
    } else if (error.path !== undefined) {
      return new GraphQLError('Unexpected error.', {
        nodes: error.nodes,
        path: error.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR', ...(amended.http ? { http: amended.http } : {}) },
      });
    } else if (/^Variable "\$/.test(error.message)) amended.code = 'BAD_USER_INPUT';
    else if (/CSRF/i.test(error.message)) amended.code = 'CSRF_HEADER_REQUIRED';
    else amended.code = 'BAD_REQUEST';
  }
  (error as { extensions: Record<string, unknown> }).extensions = amended;
  return error;
}
