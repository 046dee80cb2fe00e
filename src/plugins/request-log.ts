import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';
import { Repeats } from '../audit/repeats.js';
import type { RequestInfo, RequestRecords } from './request-info.js';

interface Refused {
  method: string;
  path: string;
  status: number;
  info: RequestInfo;
}

/** The path of an absolute request URL (without parsing all of it). */
function pathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return '/';
  const end = url.slice(start).search(/[?#]/);
  return end < 0 ? url.slice(start) : url.slice(start, start + end);
}

/**
 * One log line per request (never headers or variables), written when its response is: debug
 * for answers, info for refusals, error for 5xx. 401s and 429s repeat as fast as a caller sends
 * them: one line per caller, status and window, then the count.
 */
export function useRequestLog(records: RequestRecords, logger: Logger, repeatWindowMs: number): Plugin {
  const refusals = new Repeats<Refused>(repeatWindowMs, (r, repeated) =>
    logger.info('request refused', {
      method: r.method,
      path: r.path,
      status: r.status,
      principal: r.info.principal?.name ?? null,
      address: r.info.address,
      repeated,
    }),
  );
  const log = (method: string, path: string, status: number, info: RequestInfo): void => {
    if ((status === 401 || status === 429) && !refusals.take(`${status}\u0000${info.principal?.name ?? info.address}`, { method, path, status, info })) return;
    const fields = {
      method,
      path,
      status,
      ms: Math.round((performance.now() - info.started) * 10) / 10,
      principal: info.principal?.name ?? null,
      address: info.address,
      operation: info.operationName,
    };
    if (status >= 500) logger.error('request failed', fields);
    else if (status >= 400) logger.info('request refused', fields);
    else logger.debug('request', fields);
  };
  return {
    // The request's record starts with it (the health check is not logged).
    onRequest({ request, url, serverContext }) {
      if (url.pathname !== '/health') records.of(request, serverContext);
    },
    onResponse({ request, response }) {
      const info = records.find(request);
      if (info) log(request.method, pathOf(request.url), response.status, info);
    },
    onDispose() {
      refusals.flush(true);
    },
  };
}
