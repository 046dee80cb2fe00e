import { type DocumentNode, Kind } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { ERROR, FAILED, NO_OPERATION, OK, REFUSED, type RequestHistogram } from '../metrics/requests.js';
import type { RequestRecords } from './request-info.js';

/** Whether an execution result carries errors (a stream is judged by its status alone). */
function hasErrors(result: unknown): boolean {
  const errors = (result as { errors?: readonly unknown[] } | null)?.errors;
  return errors !== undefined && errors.length > 0;
}

/** The name of a document's only operation (null: anonymous, or several operations). */
function soleOperationName(document: DocumentNode): string | null {
  let name: string | null = null;
  let operations = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    operations += 1;
    name = definition.name?.value ?? null;
  }
  return operations === 1 ? name : null;
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
  // Parsed documents are cached (DocumentCache), so each one's name is found once.
  const names = new WeakMap<DocumentNode, string | null>();
  return {
    // A request without an operationName parameter: its document's name (the request log shows it too).
    onExecute({ args }) {
      if (args.operationName) return;
      const request = (args.contextValue as { request?: Request }).request;
      const info = request && records.find(request);
      if (!info || info.operationName !== null) return;
      let name = names.get(args.document);
      if (name === undefined) names.set(args.document, (name = soleOperationName(args.document)));
      info.operationName = name;
    },
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
