import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AuditLog } from '../audit/audit-log.js';
import type { LogFields, Logger } from '../logger.js';
import { type AuthOptions, authenticate, describeAuthFailure } from './auth.js';
import { type RateLimiter, rateRefusal } from './rate-limit.js';
import { refusal } from './refusal.js';
import { Repeats } from '../audit/repeats.js';
import type { RequestInfo, RequestRecords } from './request-info.js';
import type { ShutdownGate } from './shutdown.js';

export interface AdmissionOptions {
  auth: AuthOptions;
  limiter: RateLimiter | null;
  audit: Pick<AuditLog, 'refused'>;
  shutdown?: ShutdownGate | undefined;
  records: RequestRecords;
  logger: Logger;
  /** The window repeated authentication failures are counted in before they are logged again. */
  repeatWindowMs: number;
}

const unauthorized = () => refusal(401, 'UNAUTHENTICATED', 'missing or invalid bearer token', { 'www-authenticate': 'Bearer realm="oauth-admin"' });

const draining = () =>
  refusal(503, 'UNAVAILABLE', 'the service is shutting down; retry against another instance or after the restart', {
    connection: 'close',
    'retry-after': '5',
  });

/**
 * Who the request is and whether it may go on, decided once per operation before its text is
 * parsed (Yoga's `onParams`, which every transport runs): the shutdown gate (503), the bearer
 * token, the rate limit (429 with Retry-After, 503 when Redis cannot count; callers without a
 * valid token counted by address), then 401 (logged once per address and window, and audited).
 * The principal goes into the request's record, where the context factory finds it.
 */
export function useAdmission(options: AdmissionOptions): Plugin {
  const { records, logger, limiter } = options;
  const authFailures = new Repeats<LogFields>(options.repeatWindowMs, (fields, repeated) => logger.warn('authentication failed', { ...fields, repeated }));
  // Refused without a token: logged once per address and window, audited, then 401.
  const refuseAnonymous = async (request: Request, header: string | null, address: string): Promise<GraphQLError> => {
    const reason = describeAuthFailure(header);
    const path = new URL(request.url).pathname;
    if (authFailures.take(`${address}\u0000${reason}`, { reason, address, path })) logger.warn('authentication failed', { reason, address, path });
    await options.audit.refused({ action: 'authenticate', actor: 'anonymous', dryRun: false, outcome: 'REFUSED', target: address, error: reason });
    return unauthorized();
  };
  const decide = async (request: Request, header: string | null, info: RequestInfo): Promise<GraphQLError | null> => {
    const refused = limiter ? await rateRefusal(limiter, info.principal, info.address, logger) : null;
    return refused ?? (info.principal ? null : refuseAnonymous(request, header, info.address));
  };
  return {
    // Synchronous when there is nothing to wait for (a valid token, no rate limit): no promise per request.
    onParams({ request, context, params, setResult }) {
      const info = records.of(request, context);
      info.operationName = params.operationName ?? null;
      if (options.shutdown?.draining) return setResult({ errors: [draining()] });
      const header = request.headers.get('authorization');
      info.principal = authenticate(header, options.auth);
      if (info.principal && !limiter) return;
      return decide(request, header, info).then((refused) => {
        if (refused) setResult({ errors: [refused] });
      });
    },
    onDispose() {
      authFailures.flush(true);
    },
  };
}
