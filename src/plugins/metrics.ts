import type { Plugin } from 'graphql-yoga';
import { ERROR, FAILED, NO_OPERATION, OK, REFUSED, type RequestHistogram } from '../metrics/requests.js';
import type { RequestRecords } from './request-info.js';

/** Whether an execution result carries errors (a stream is judged by its status alone). */
function hasErrors(result: unknown): boolean {
  const errors = (result as { errors?: readonly unknown[] } | null)?.errors;
  return errors !== undefined && errors.length > 0;
}

/**
 * Counts every request the request log sees (every transport runs `onResponse`), by operation and
 * outcome, with its latency: `failed` for 5xx, `refused` for 4xx, `error` for an answer with
 * errors, else `ok`. The operation label is the caller's operation name only once admission knew
 * the caller (an unauthenticated request is `none`), bounded by the histogram. Per request: a
 * WeakSet entry when a result has errors, one map lookup, a few additions.
 */
export function useRequestMetrics(records: RequestRecords, histogram: RequestHistogram): Plugin {
  const errored = new WeakSet<Request>();
  return {
    onExecutionResult({ result, request }) {
      if (hasErrors(result)) errored.add(request);
    },
    onResponse({ request, response }) {
      const info = records.find(request);
      if (!info) return;
      const status = response.status;
      const outcome = status >= 500 ? FAILED : status >= 400 ? REFUSED : errored.has(request) ? ERROR : OK;
      const operation = info.principal ? histogram.operationLabel(info.operationName) : NO_OPERATION;
      histogram.observe(operation, outcome, (performance.now() - info.started) / 1000);
    },
  };
}
