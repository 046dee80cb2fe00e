import type { Plugin } from 'graphql-yoga';
import type { AuditLog } from '../audit/audit-log.js';
import type { LogFields, Logger } from '../logger.js';
import { type AuthOptions, authenticate, describeAuthFailure } from './auth.js';
import { type RateLimiter, rateRefusal } from './rate-limit.js';
import { refusal } from './refusal.js';
import { Repeats } from './repeats.js';
import type { RequestRecords } from './request-info.js';
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
  return {
    async onParams({ request, context, params, setResult }) {
      const info = records.of(request, context);
      info.operationName = params.operationName ?? null;
      if (options.shutdown?.draining) return setResult({ errors: [draining()] });
      const header = request.headers.get('authorization');
      const principal = authenticate(header, options.auth);
      info.principal = principal;
      const refused = limiter ? await rateRefusal(limiter, principal, info.address, logger) : null;
      if (refused) return setResult({ errors: [refused] });
      if (principal) return;
      const reason = describeAuthFailure(header);
      const path = new URL(request.url).pathname;
      // Repeats from one address within a window: one log line and one audit entry now, the count when the window ends.
      if (authFailures.take(`${info.address}\u0000${reason}`, { reason, address: info.address, path })) {
        logger.warn('authentication failed', { reason, address: info.address, path });
      }
      await options.audit.refused({ action: 'authenticate', actor: 'anonymous', dryRun: false, outcome: 'REFUSED', target: info.address, error: reason });
      setResult({ errors: [unauthorized()] });
    },
    onDispose() {
      authFailures.flush(true);
    },
  };
}
