import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { BREAK, type DocumentNode, type ExecutionResult, execute, getOperationAST, specifiedRules, validate, visit } from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import { type App, type Handover, partsOf, remoteAddress } from '../app.js';
import { schema } from '../schema/index.js';

/**
 * The HTTP handler the server listens with: Yoga, with a fast path in front of it for the common
 * case, a read-only query POSTed as JSON that succeeds.
 *
 * Yoga's fetch-API layer (a WHATWG Request and Response per request, the envelop pipeline, its
 * plugins' hooks) costs more CPU than running the query itself. For `POST /graphql` with
 * `content-type: application/json`, a plain JSON answer accepted, and a body within Yoga's limit,
 * this handler reads the body itself and
 *
 *   - looks the query text up in a bounded LRU of prepared documents: parsed once with the app's
 *     parser (token limit) and validated once with graphql-js's rules plus the app's (depth,
 *     aliases, directives, introspection), exactly what Yoga applies;
 *   - takes only operations of type `query` (mutations and subscriptions always go through Yoga);
 *   - admits the caller with the app's own `admit` (bearer token, rate limit), applies the app's
 *     cost limit, and builds the context with the app's context function;
 *   - executes it, with graphql-jit once the document has been used `jitAfter` times (compiled
 *     once per operation, kept with the document; graphql-js `execute` before that, when it cannot
 *     compile, and for any document holding a string literal: see `jitSafe`), and, when the result
 *     has no errors, writes it as Yoga would (same status, headers and bytes) and logs the app's
 *     request line.
 *
 * Everything else goes to Yoga untouched: other methods, paths and content types, streaming or
 * multipart accepts, bodies without a length or over the limit, anything that does not parse or
 * validate, callers who are not clearly admitted (Yoga answers 401/429/503 and audits), and any
 * result with errors (queries have no side effects, so Yoga runs it again and masks and codes
 * the errors itself). When the fast path hands a request on after reading its body, it passes the
 * body and its admission along, so the rate limit counts every request once.
 */
export interface NodeHandler extends RequestListener<typeof IncomingMessage, typeof ServerResponse> {
  /** Prepared documents held now (valid and refused ones). */
  readonly cachedDocuments: number;
  /**
   * Requests answered by the fast path, of them those run by a graphql-jit compiled query, and
   * requests handed to Yoga after the fast path looked at them.
   */
  readonly counts: { fast: number; jit: number; handedOn: number };
}

export interface FastPathOptions {
  /** Prepared documents kept (least recently used dropped first); default 500. */
  maxDocuments?: number;
  /** Query text the kept documents may add up to, in characters; default 1,000,000. */
  maxCachedChars?: number;
  /** Longest query text the fast path prepares and keeps, in characters; default 10,000. */
  maxQueryLength?: number;
  /**
   * Compile a document with graphql-jit on its `jitAfter`-th use (default 2: a query sent once
   * never pays for compiling); null: always graphql-js `execute`.
   */
  jitAfter?: number | null;
}

/** Yoga's answer type for each `Accept` the fast path takes (any other goes to Yoga). */
const ACCEPTED = new Map([
  ['*/*', 'application/json; charset=utf-8'],
  ['application/json', 'application/json; charset=utf-8'],
  ['application/graphql-response+json', 'application/graphql-response+json; charset=utf-8'],
]);

const JSON_CONTENT_TYPES = new Set(['application/json', 'application/json; charset=utf-8']);

/** A parsed and validated document, or null for a query text that does not parse or validate. */
type Prepared = PreparedDocument | null;

interface PreparedDocument {
  document: DocumentNode;
  /** May be compiled with graphql-jit (see `jitSafe`). */
  jitSafe: boolean;
  uses: number;
  /** graphql-jit's compiled query by operation name ('' when none is given); null: it could not compile. */
  compiled: Map<string, CompiledQuery | null>;
}

/**
 * Whether graphql-jit may compile the document: only when it holds no string literal (argument,
 * default value or directive argument; strings come in variables instead). graphql-jit 0.8 writes
 * literal argument values into the code it generates, then turns its own marker for a date inside
 * any string back into code (`"__MAGIC_DATE__…(anything)"` becomes `new Date(anything)`): a string
 * literal carrying that marker would run as code in this process. Names, numbers, booleans, enums
 * and input-object field names are checked against the schema by validation, so none can carry it.
 */
function jitSafe(document: DocumentNode): boolean {
  let safe = true;
  visit(document, {
    StringValue() {
      safe = false;
      return BREAK;
    },
  });
  return safe;
}

/**
 * A least-recently-used map of query text to prepared document, bounded in entries and in the
 * total length of the query texts (a document's tree and compiled code grow with its text).
 */
export class DocumentCache {
  private readonly entries = new Map<string, Prepared>();
  private chars = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxChars: number = Number.POSITIVE_INFINITY,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The total length of the query texts held. */
  get characters(): number {
    return this.chars;
  }

  get(query: string): Prepared | undefined {
    const found = this.entries.get(query);
    if (found !== undefined) {
      // Most recently used last: re-insert.
      this.entries.delete(query);
      this.entries.set(query, found);
    }
    return found;
  }

  set(query: string, prepared: Prepared): void {
    if (this.entries.delete(query)) this.chars -= query.length;
    this.entries.set(query, prepared);
    this.chars += query.length;
    while (this.entries.size > this.maxEntries || (this.chars > this.maxChars && this.entries.size > 1)) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
      this.chars -= oldest.length;
    }
  }
}

export interface Params {
  query: string;
  variables: Record<string, unknown> | null | undefined;
  operationName: string | null | undefined;
}

const PARAM_NAMES = new Set(['query', 'variables', 'operationName']);

/** The body as GraphQL parameters Yoga would take without complaint, or null (Yoga decides). */
function paramsOf(body: Buffer): Params | null {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const params = value as Record<string, unknown>;
  for (const key in params) if (!PARAM_NAMES.has(key)) return null;
  const { query, variables, operationName } = params;
  if (typeof query !== 'string') return null;
  if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) return null;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return null;
  return { query, variables: variables as Params['variables'], operationName };
}

/**
 * The fast path's core, shared by the HTTP handler and the CLI's in-process transport: prepared
 * documents (parsed and validated once, with the app's rules), graphql-jit from a document's
 * `jitAfter`-th use, and counts.
 */
function createRunner(app: App, options: FastPathOptions) {
  const { guards } = partsOf(app);
  const cache = new DocumentCache(options.maxDocuments ?? 500, options.maxCachedChars ?? 1_000_000);
  const maxQueryLength = options.maxQueryLength ?? 10_000;
  const rules = [...specifiedRules, ...guards.rules];
  const jitAfter = options.jitAfter === undefined ? 2 : options.jitAfter;
  const counts = { fast: 0, jit: 0, handedOn: 0 };

  const prepare = (query: string): Prepared => {
    let prepared = cache.get(query);
    if (prepared !== undefined) return prepared;
    try {
      const document = guards.parse(query);
      prepared = validate(schema, document, rules).length === 0 ? { document, jitSafe: jitSafe(document), uses: 0, compiled: new Map() } : null;
    } catch {
      prepared = null;
    }
    cache.set(query, prepared);
    return prepared;
  };

  /** The prepared document of a read-only query within the app's limits, or null (Yoga decides). */
  const preparedQuery = (params: Params): PreparedDocument | null => {
    const prepared = params.query.length <= maxQueryLength ? prepare(params.query) : null;
    const operation = prepared ? getOperationAST(prepared.document, params.operationName) : null;
    return prepared && operation?.operation === 'query' ? prepared : null;
  };

  const run = (prepared: PreparedDocument, params: Params, contextValue: unknown): ExecutionResult | Promise<ExecutionResult> => {
    prepared.uses += 1;
    if (jitAfter !== null && prepared.jitSafe && prepared.uses >= jitAfter) {
      const name = params.operationName ?? '';
      let compiled = prepared.compiled.get(name);
      if (compiled === undefined) {
        try {
          const made = compileQuery(schema, prepared.document, params.operationName ?? undefined);
          compiled = isCompiledQuery(made) ? made : null;
        } catch {
          compiled = null;
        }
        prepared.compiled.set(name, compiled);
      }
      if (compiled) {
        counts.jit += 1;
        return compiled.query(undefined, contextValue, params.variables ?? {}) as ExecutionResult | Promise<ExecutionResult>;
      }
    }
    return execute({ schema, document: prepared.document, contextValue, variableValues: params.variables, operationName: params.operationName });
  };

  return { cache, counts, preparedQuery, run };
}

/**
 * For the CLI's in-process transport: runs a read-only query as the fast path would (same
 * documents, checks and admission), and returns its result when it has no errors; null when
 * Yoga must answer (a mutation, a refusal, a result with errors: Yoga runs it and reports).
 */
export function createDirectQuery(app: App, options: FastPathOptions = {}): (params: Params, authorization: string | null) => Promise<ExecutionResult | null> {
  const { gateway, guards, context, options: appOptions } = partsOf(app);
  const runner = createRunner(app, options);
  return async (params, authorization) => {
    const prepared = runner.preparedQuery(params);
    if (!prepared) return null;
    const admission = await gateway.admit(authorization, 'in-process');
    if (
      !admission.principal ||
      admission.refusal ||
      appOptions.shutdown?.draining ||
      guards.checkCost(prepared.document, params.operationName, params.variables)
    )
      return null;
    try {
      const result = await runner.run(prepared, params, context(admission.principal));
      return result.errors || result.extensions ? null : result;
    } catch {
      return null;
    }
  };
}

export function createNodeHandler(app: App, options: FastPathOptions = {}): NodeHandler {
  const { options: appOptions, gateway, guards, context, maxRequestBodyBytes } = partsOf(app);
  const { cache, counts, preparedQuery, run } = createRunner(app, options);

  /** Yoga answers, with the body already read and the admission if one was decided. */
  const handOn = (req: IncomingMessage, res: ServerResponse, body: Buffer, handover: Handover | null): void => {
    counts.handedOn += 1;
    // @whatwg-node/server takes a body already read from `req.body` (a consumed stream cannot be read again).
    (req as IncomingMessage & { body?: Buffer }).body = body;
    void app.handle(req, res, handover ? { handover } : {});
  };

  const answer = async (req: IncomingMessage, res: ServerResponse, body: Buffer, contentType: string, started: number): Promise<void> => {
    const params = paramsOf(body);
    const prepared = params ? preparedQuery(params) : null;
    if (!params || !prepared) {
      handOn(req, res, body, null);
      return;
    }
    const address = remoteAddress(req);
    const admission = await gateway.admit(req.headers.authorization ?? null, address);
    const handover: Handover = { admission, started };
    const { principal } = admission;
    if (!principal || admission.refusal || appOptions.shutdown?.draining || guards.checkCost(prepared.document, params.operationName, params.variables)) {
      handOn(req, res, body, handover);
      return;
    }
    // Aborts when the client goes away before its answer is written: long reads stop then.
    const gone = new AbortController();
    const onClose = () => {
      if (!res.writableFinished) gone.abort(new DOMException('the client went away', 'AbortError'));
    };
    res.once('close', onClose);
    let result: ExecutionResult;
    try {
      result = await run(prepared, params, context(principal, gone.signal));
    } catch {
      if (!gone.signal.aborted) handOn(req, res, body, handover);
      return;
    } finally {
      res.off('close', onClose);
    }
    // Nobody to answer: Yoga must not run it all again.
    if (gone.signal.aborted) return;
    if (result.errors || result.extensions) {
      handOn(req, res, body, handover);
      return;
    }
    const text = JSON.stringify(result);
    res.writeHead(200, { 'Content-Type': contentType, 'content-length': Buffer.byteLength(text) });
    res.end(text);
    counts.fast += 1;
    gateway.logRequest('POST', '/graphql', 200, { started, principal, address, operationName: params.operationName ?? null });
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const headers = req.headers;
    const contentType = ACCEPTED.get(headers.accept ?? '*/*');
    const length = Number(headers['content-length']);
    if (
      req.method !== 'POST' ||
      req.url !== '/graphql' ||
      contentType === undefined ||
      !JSON_CONTENT_TYPES.has(headers['content-type'] ?? '') ||
      headers['transfer-encoding'] !== undefined ||
      !(length > 0 && length <= maxRequestBodyBytes) ||
      appOptions.shutdown?.draining
    ) {
      void app.handle(req, res);
      return;
    }
    const started = performance.now();
    const chunks: Buffer[] = [];
    // A client gone in the middle of its body: nothing to answer.
    req.on('error', () => res.destroy());
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
      answer(req, res, body, contentType, started).catch(() => {
        if (!res.headersSent) handOn(req, res, body, null);
      });
    });
  };

  return Object.defineProperties(handler, {
    cachedDocuments: { get: () => cache.size },
    counts: { value: counts },
  }) as NodeHandler;
}
