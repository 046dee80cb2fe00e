import type { IncomingHttpHeaders, IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { GraphQLError } from 'graphql';
import { type FetchAPI, type GraphQLParams, type Plugin, isAsyncIterable, processRegularResult } from 'graphql-yoga';
import type { App } from '../app.js';

/**
 * The HTTP handler the server listens with: Yoga's own node handler, with a faster transport in
 * front of it for the common case, a GraphQL request POSTed as JSON with a JSON answer accepted.
 *
 * Yoga's fetch-API layer (a WHATWG Request built from the node request, the body read as a
 * stream, a Response piped back) costs more CPU than running a read. For `POST /graphql` with
 * `content-type: application/json`, a plain JSON answer accepted and a body within the limit,
 * this transport reads the body itself and hands the parameters to the app's own chain,
 * `getResultForParams` (the plugins' `onParams`: admission; then `getEnveloped()`: parse with the
 * token limit, validation with the app's rules, the context, the cost limit, graphql-jit, error
 * masking; then `onExecutionResult`), then Yoga's result processing (status, headers and bytes:
 * its JSON serialiser called directly when it is the only result hook, every `onResultProcess`
 * hook otherwise) and the plugins' `onResponse` hooks (the request log), and writes what they
 * made. Nothing is decided here: every refusal, limit, mask and byte is the chain's, and
 * every operation runs once.
 *
 * Everything else goes to Yoga's node handler untouched: other methods, paths and content types,
 * streaming or multipart accepts, bodies without a length or over the limit, and bodies that are
 * not a JSON object of GraphQL parameters (handed on with the body read, before anything ran).
 * The transport runs no `onRequest` hook: those serve other requests (health, GraphiQL, CSRF
 * prevention of requests a browser could send cross-site, which a JSON POST is not).
 */
export interface NodeHandler extends RequestListener<typeof IncomingMessage, typeof ServerResponse> {
  /** Requests answered by the fast transport, and requests handed to Yoga after it read their body. */
  readonly counts: { fast: number; handedOn: number };
}

export interface NodeHandlerOptions {
  /** The largest body taken, in bytes: the app's `maxRequestBodyBytes` (default 100 kB); larger ones go to Yoga (413). */
  maxRequestBodyBytes?: number;
}

/** The `Accept` values the fast transport takes, with the media type Yoga answers each with (a single result). */
const ACCEPTED = new Map([
  ['*/*', 'application/json'],
  ['application/json', 'application/json'],
  ['application/graphql-response+json', 'application/graphql-response+json'],
]);

const JSON_CONTENT_TYPES = new Set(['application/json', 'application/json; charset=utf-8']);

const PARAM_NAMES = new Set(['query', 'variables', 'operationName']);

/** The body as GraphQL parameters Yoga would take without complaint, or null (Yoga's request parser decides). */
export function paramsOf(body: Buffer): GraphQLParams | null {
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
  return params as GraphQLParams;
}

/** The node request's headers as the chain reads them (`Headers.get`), without copying them. */
class NodeHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const name of Object.keys(this.raw)) {
      const value = this.get(name);
      if (value !== null) callback(value, name);
    }
  }
}

/**
 * What the request looks like to the plugins: method, URL, headers, and the signal that aborts
 * when the client goes away before its answer is written. The signal's controller is made when
 * something first reads it (a long read's resolver), not for every request.
 */
class RequestView {
  readonly method = 'POST';
  readonly url: string;
  readonly headers: NodeHeaders;
  private controller: AbortController | null = null;
  private onClose: (() => void) | null = null;

  constructor(
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {
    this.url = `http://${req.headers.host ?? 'localhost'}${req.url ?? '/graphql'}`;
    this.headers = new NodeHeaders(req.headers);
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      const controller = new AbortController();
      const res = this.res;
      const abort = () => controller.abort(new DOMException('the client went away', 'AbortError'));
      this.controller = controller;
      if (clientGone(this.req)) abort();
      else {
        this.onClose = () => {
          if (!res.writableFinished) abort();
        };
        res.once('close', this.onClose);
      }
    }
    return this.controller.signal;
  }

  /** Stops watching the client (its answer is about to be written). */
  settle(): void {
    if (this.onClose) this.res.off('close', this.onClose);
  }
}

/** Whether the client has gone away (its connection closed). */
function clientGone(req: IncomingMessage): boolean {
  return req.socket.destroyed;
}

/** The response a result processor makes, kept as made (status, headers, text) to be written to the socket. */
class RecordedResponse {
  readonly status: number;
  readonly statusText: string | undefined;
  readonly headers: Record<string, string>;

  constructor(
    readonly body: string | null,
    init: { status?: number; statusText?: string; headers?: Record<string, string> } = {},
  ) {
    this.status = init.status ?? 200;
    this.statusText = init.statusText;
    // Yoga's processor makes a fresh object for each response: kept as it is (content-length is added to it).
    this.headers = init.headers ?? {};
  }
}

const RECORDING = { Response: RecordedResponse } as unknown as FetchAPI;

type ResultHook = NonNullable<Plugin['onResultProcess']>;
type ResponseHook = NonNullable<Plugin['onResponse']>;
type ResultPayload = Parameters<ResultHook>[0];
type ResultProcessor = Parameters<ResultPayload['setResultProcessor']>[0];
type ResultProcessorInput = ResultPayload['result'];
type Hooks = { onResultProcess: ResultHook[]; onResponse: ResponseHook[] };

/**
 * The app's plugins' hooks that come after the operation: result processing and the response.
 * Yoga keeps its final plugin list (built-in and ours, in order) in `plugins`, protected in its
 * typings but a plain field of the instance.
 */
function hooksOf(app: App): Hooks {
  const plugins = (app as unknown as { plugins: (Plugin | undefined)[] }).plugins.filter((p): p is Plugin => !!p);
  return {
    onResultProcess: plugins.flatMap((p) => (p.onResultProcess ? [p.onResultProcess.bind(p)] : [])),
    onResponse: plugins.flatMap((p) => (p.onResponse ? [p.onResponse.bind(p)] : [])),
  };
}

/** Yoga's result processing: the hooks pick the processor (by `Accept`), which serialises with `fetchAPI`. */
async function processResult(hooks: Hooks, request: Request, result: ResultProcessorInput, serverContext: object, fetchAPI: FetchAPI): Promise<Response> {
  let processor: ResultProcessor | undefined;
  let mediaType = '*/*';
  const acceptableMediaTypes: string[] = [];
  for (const hook of hooks.onResultProcess) {
    await hook({
      request,
      acceptableMediaTypes,
      result,
      setResult: (next) => (result = next),
      resultProcessor: processor,
      setResultProcessor: (next, type) => ((processor = next), (mediaType = type)),
      serverContext,
    } as ResultPayload);
  }
  if (!processor) return new fetchAPI.Response(null, { status: 406, headers: { accept: acceptableMediaTypes.join('; charset=utf-8, ') } });
  return processor(result, fetchAPI, mediaType);
}

/** A streamed answer (a subscription asked for with any media type accepted): Yoga's Response, piped. */
async function writeStream(res: ServerResponse, response: Response): Promise<void> {
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.writeHead(response.status);
  if (response.body) {
    const body = response.body as unknown as AsyncIterable<Uint8Array>;
    res.once('close', () => void response.body?.cancel().catch(() => {}));
    for await (const chunk of body) res.write(chunk);
  }
  res.end();
}

/**
 * The response: with Yoga's own result processor alone in the chain (the common case), its JSON
 * serialiser is called directly for the media type `Accept` names; with other result hooks, or
 * for a stream, every hook runs as Yoga runs them.
 */
function respond(
  app: App,
  hooks: Hooks,
  request: Request,
  result: ResultProcessorInput,
  serverContext: object,
): RecordedResponse | Promise<RecordedResponse | Response> {
  if (isAsyncIterable(result)) return processResult(hooks, request, result, serverContext, app.fetchAPI);
  if (hooks.onResultProcess.length === 1) {
    const mediaType = ACCEPTED.get(request.headers.get('accept') ?? '*/*') ?? 'application/json';
    return processRegularResult(result, RECORDING, mediaType) as unknown as RecordedResponse;
  }
  return processResult(hooks, request, result, serverContext, RECORDING) as unknown as Promise<RecordedResponse>;
}

/** What the `onResponse` hooks get (a class, so a request makes no closures for it). */
class ResponseEvent {
  readonly fetchAPI = RECORDING;

  constructor(
    readonly request: Request,
    public response: RecordedResponse | Response,
    readonly serverContext: object,
  ) {}

  setResponse(next: Response): void {
    this.response = next;
  }
}

/** Runs one operation through the app's chain and writes the answer. */
async function answer(app: App, hooks: Hooks, req: IncomingMessage, res: ServerResponse, params: GraphQLParams, started: number): Promise<void> {
  const view = new RequestView(req, res);
  const request = view as unknown as Request;
  const serverContext = { req, res, started };
  let result: ResultProcessorInput;
  try {
    result = (await app.getResultForParams({ params, request }, serverContext)) as ResultProcessorInput;
  } catch {
    // The chain masks what an operation throws; this is a hook that threw: answered as Yoga's masking would.
    result = { errors: [new GraphQLError('Unexpected error.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] };
  } finally {
    view.settle();
  }
  if (clientGone(req)) return;
  const made = respond(app, hooks, request, result, serverContext);
  const event = new ResponseEvent(request, made instanceof RecordedResponse ? made : await made, serverContext);
  for (const hook of hooks.onResponse) {
    const done = hook(event as unknown as Parameters<ResponseHook>[0]);
    if (done) await done;
  }
  const response = event.response;
  if (!(response instanceof RecordedResponse)) return writeStream(res, response);
  const body = response.body ?? '';
  response.headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(response.status, response.headers);
  res.end(body);
}

/** Whether the fast transport takes the request (a JSON POST to /graphql with a bounded body and a JSON answer accepted). */
function takes(req: IncomingMessage, maxBytes: number): boolean {
  const headers = req.headers;
  const length = Number(headers['content-length']);
  return (
    req.method === 'POST' &&
    req.url === '/graphql' &&
    ACCEPTED.has(headers.accept ?? '*/*') &&
    JSON_CONTENT_TYPES.has(headers['content-type'] ?? '') &&
    headers['transfer-encoding'] === undefined &&
    length > 0 &&
    length <= maxBytes
  );
}

export function createNodeHandler(app: App, options: NodeHandlerOptions = {}): NodeHandler {
  const maxBytes = options.maxRequestBodyBytes ?? 100_000;
  const hooks = hooksOf(app);
  const counts = { fast: 0, handedOn: 0 };

  const handOn = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    counts.handedOn += 1;
    // @whatwg-node/server takes a body already read from `req.body` (a consumed stream cannot be read again).
    (req as IncomingMessage & { body?: Buffer }).body = body;
    void app.handle(req, res);
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    if (!takes(req, maxBytes)) {
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
      const params = paramsOf(body);
      if (!params) return handOn(req, res, body);
      counts.fast += 1;
      answer(app, hooks, req, res, params, started).catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    });
  };

  return Object.defineProperty(handler, 'counts', { value: counts }) as NodeHandler;
}
