import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError } from 'graphql';
import { type Plugin, type YogaServerInstance, createYoga, isAsyncIterable, maskError } from 'graphql-yoga';
import { type AuthOptions, authenticate, describeAuthFailure } from './plugins/auth.js';
import { type Context, type Principal, createContext } from './context.js';
import { type LogFields, type Logger, silentLogger, yogaLogger } from './logger.js';
import { schema } from './schema/index.js';
import { DEFAULT_QUERY_LIMITS, type QueryGuards, type QueryLimits, queryGuards, useQueryLimits } from './plugins/limits.js';
import { type RateLimitOptions, RateLimiter } from './plugins/rate-limit.js';
import { describeRedisFailure, redisUnavailable } from './redis/redis-errors.js';
import { codedError } from './plugins/error-codes.js';
import { Repeats } from './audit/repeats.js';
import type { ShutdownGate } from './plugins/shutdown.js';
import type { Services } from './services.js';

export interface AppOptions {
  services: Services;
  auth: AuthOptions;
  /** Serve GraphiQL on GET /graphql from a browser. */
  graphiql?: boolean;
  /** The headers GraphiQL starts with (a JSON object as text), e.g. for a local demo. */
  graphiqlHeaders?: string;
  /** Query shape limits and introspection; defaults: `DEFAULT_QUERY_LIMITS` (introspection on). */
  limits?: Partial<QueryLimits>;
  /** Largest request body read, in bytes (default 100 kB); larger ones get HTTP 413. */
  maxRequestBodyBytes?: number;
  /** Per-token and per-address request rates, counted in Redis; none when absent. */
  rateLimit?: RateLimitOptions;
  /** The clock the rate limiter's fixed windows follow (default `Date.now`; tests pin it). */
  clock?: () => number;
  /** Where request, auth and error lines go (redacted JSON); silent when absent. */
  logger?: Logger;
  /** The server's shutdown state: refuse new requests and end subscriptions once it begins. */
  shutdown?: ShutdownGate;
  /** How long /health waits for Redis' PONG before it says unready (default 1000 ms). */
  healthTimeoutMs?: number;
}

export type App = YogaServerInstance<Record<string, unknown>, Context>;

/** The header Yoga's CSRF prevention asks of requests a browser could send cross-site unasked. */
const CSRF_HEADER = 'x-graphql-yoga-csrf';

const EXAMPLE_QUERY = `# Welcome to oauth-admin. Every request needs a bearer token: put
#   { "Authorization": "Bearer <ADMIN_TOKEN or VIEWER_TOKEN>" }
# in the Headers tab below. If the docs and autocompletion stay empty (the schema was
# asked for before the header was there), press Shift-Ctrl-R once ("Re-fetch GraphQL
# schema", the circling arrows at the bottom left) to load it with the header.
query Overview {
  stats { registrations activeTokens expiredTokens userCount orphanTokens staleIndexEntries }
  clients(first: 10) {
    totalCount
    edges { node { clientId clientName isTestClient createdAt tokens(status: ACTIVE) { totalCount } } }
  }
}
`;

function isGraphiqlPage(request: Request): boolean {
  const url = new URL(request.url);
  return request.method === 'GET' && !url.searchParams.has('query') && (request.headers.get('accept') ?? '').includes('text/html');
}

function errorResponse(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

const unauthorized = () => errorResponse(401, 'UNAUTHENTICATED', 'missing or invalid bearer token', { 'www-authenticate': 'Bearer realm="oauth-admin"' });

/** The window repeated refusals are counted in before they are logged again: the rate limit's (10 s without one). */
function repeatWindowMs(options: AppOptions): number {
  return (options.rateLimit?.windowSeconds ?? 10) * 1000;
}

/** The caller's address as the socket saw it (a proxy in front makes every caller share one). */
export function remoteAddress(req: { socket?: { remoteAddress?: string } } | undefined): string {
  return req?.socket?.remoteAddress ?? 'in-process';
}

/**
 * Who the request is and whether it may go on, decided once per request: the bearer token, then
 * the rate limit. `refusal` is the answer when the limiter said no or could not count; a null
 * `principal` without a refusal is a 401 (answered and audited by Yoga).
 */
export interface Admission {
  principal: Principal | null;
  refusal: Response | null;
}

/**
 * What a handler in front of Yoga (src/http/fast-path.ts) passes in the server context when it
 * hands a request on: the admission it already decided (so the rate limit counts the request
 * once) and when the request began.
 */
export interface Handover {
  admission: Admission;
  started: number;
}

export interface RequestInfo {
  started: number;
  principal: Principal | null;
  address: string;
  operationName?: string | null;
}

/** The request-level pieces Yoga's plugins use, for any handler that answers beside them. */
export interface Gateway {
  admit(authorization: string | null, address: string): Promise<Admission>;
  /** The one log line per request: never headers or variables. */
  logRequest(method: string, path: string, status: number, info: RequestInfo): void;
  /** Logs the counts of repeated refusals still being aggregated (when the app is disposed). */
  flushRepeats(): void;
}

function createGateway(options: AppOptions, logger: Logger): Gateway {
  const { services } = options;
  const limiter = options.rateLimit ? new RateLimiter(services.redis, services.keys, options.rateLimit, options.clock) : null;
  const refusals = new Repeats<{ method: string; path: string; status: number; info: RequestInfo }>(repeatWindowMs(options), (r, repeated) =>
    logger.info('request refused', {
      method: r.method,
      path: r.path,
      status: r.status,
      principal: r.info.principal?.name ?? null,
      address: r.info.address,
      repeated,
    }),
  );
  return {
    async admit(authorization, address) {
      const principal = authenticate(authorization, options.auth);
      if (!limiter) return { principal, refusal: null };
      try {
        const decision = principal ? await limiter.forToken(principal.name) : await limiter.forAnonymous(address);
        if (!decision.allowed) {
          return {
            principal,
            refusal: errorResponse(
              429,
              'RATE_LIMITED',
              `too many requests: at most ${decision.limit} per ${limiter.options.windowSeconds} s ${principal ? 'for this token' : 'without a valid token'}; retry after ${decision.retryAfterSeconds} s`,
              {
                'retry-after': String(decision.retryAfterSeconds),
              },
            ),
          };
        }
      } catch (error) {
        // Redis full (maxmemory, noeviction) refuses the counter but still serves reads: let the
        // request through rather than lock every caller out. Down or too slow: nothing would work.
        if (!(error instanceof Error && /^OOM /.test(error.message))) {
          return {
            principal,
            refusal: errorResponse(503, 'UNAVAILABLE', describeRedisFailure(error) ?? 'the rate limiter could not reach Redis', { 'retry-after': '1' }),
          };
        }
        logger.warn('rate limit not counted: Redis is out of memory (maxmemory)', { address });
      }
      return { principal, refusal: null };
    },
    logRequest(method, path, status, info) {
      // 401s and 429s repeat as fast as a caller sends them: one line per caller, status and window, then the count.
      if ((status === 401 || status === 429) && !refusals.take(`${status}\u0000${info.principal?.name ?? info.address}`, { method, path, status, info }))
        return;
      const fields = {
        method,
        path,
        status,
        ms: Math.round((performance.now() - info.started) * 10) / 10,
        principal: info.principal?.name ?? null,
        address: info.address,
        operation: info.operationName ?? null,
      };
      if (status >= 500) logger.error('request failed', fields);
      else if (status >= 400) logger.info('request refused', fields);
      else logger.debug('request', fields);
    },
    flushRepeats() {
      refusals.flush(true);
    },
  };
}

/**
 * Before anything is parsed: /health, the shutdown gate, authentication (401, audited), the rate
 * limit (429 with Retry-After); after: one log line per request.
 */
function useGateway(options: AppOptions, gateway: Gateway, principals: WeakMap<Request, Principal>, logger: Logger): Plugin {
  const { services, shutdown } = options;
  const healthTimeoutMs = options.healthTimeoutMs ?? 1000;
  const requests = new WeakMap<Request, RequestInfo>();
  const authFailures = new Repeats<LogFields>(repeatWindowMs(options), (fields, repeated) => logger.warn('authentication failed', { ...fields, repeated }));

  const health = async (): Promise<Response> => {
    if (shutdown?.draining) return errorResponseHealth(503, 'draining', 'unknown');
    let timer: NodeJS.Timeout | undefined;
    const ready = await Promise.race([
      services.redis.ping().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), healthTimeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    return errorResponseHealth(ready ? 200 : 503, ready ? 'ok' : 'unready', ready ? 'up' : 'down');
  };

  return {
    async onRequest({ request, url, endResponse, serverContext }) {
      if (url.pathname === '/health') {
        endResponse(await health());
        return;
      }
      const context = serverContext as { req?: { socket?: { remoteAddress?: string } }; handover?: Handover } | undefined;
      const handover = context?.handover;
      const info: RequestInfo = { started: handover?.started ?? performance.now(), principal: null, address: remoteAddress(context?.req) };
      requests.set(request, info);
      if (shutdown?.draining) {
        endResponse(
          errorResponse(503, 'UNAVAILABLE', 'the service is shutting down; retry against another instance or after the restart', {
            connection: 'close',
            'retry-after': '5',
          }),
        );
        return;
      }
      if (options.graphiql && isGraphiqlPage(request)) return;
      const header = request.headers.get('authorization');
      const { principal, refusal } = handover?.admission ?? (await gateway.admit(header, info.address));
      info.principal = principal;
      if (refusal) {
        endResponse(refusal);
        return;
      }
      if (!principal) {
        const reason = describeAuthFailure(header);
        // Repeats from one address within a window: one log line and one audit entry now, the count when the window ends.
        if (authFailures.take(`${info.address}\u0000${reason}`, { reason, address: info.address, path: url.pathname })) {
          logger.warn('authentication failed', { reason, address: info.address, path: url.pathname });
        }
        await services.audit.refused({ action: 'authenticate', actor: 'anonymous', dryRun: false, outcome: 'REFUSED', target: info.address, error: reason });
        endResponse(unauthorized());
        return;
      }
      principals.set(request, principal);
    },
    onParams({ params, request }) {
      const info = requests.get(request);
      if (info) info.operationName = params.operationName ?? null;
    },
    onResponse({ request, response }) {
      const info = requests.get(request);
      if (info) gateway.logRequest(request.method, new URL(request.url).pathname, response.status, info);
    },
    onDispose() {
      authFailures.flush(true);
      gateway.flushRepeats();
    },
    // Subscriptions end when the server begins to shut down, so no stream holds it open.
    onSubscribe() {
      return {
        onSubscribeResult({ result, setResult }) {
          if (shutdown && isAsyncIterable(result)) setResult(shutdown.abortable(result));
        },
      };
    },
  };
}

function errorResponseHealth(status: number, state: string, redis: string): Response {
  return new Response(JSON.stringify({ status: state, redis }), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * What Yoga runs a request with, for a handler that answers some requests beside it
 * (src/http/fast-path.ts): the same admission, log line, query guards, context and options.
 */
export interface AppParts {
  options: AppOptions;
  gateway: Gateway;
  guards: QueryGuards;
  /** The per-request context Yoga's resolvers get (before Yoga adds its own fields); `signal` aborts when the client goes away. */
  context(principal: Principal, signal?: AbortSignal): Context;
  /** The largest request body Yoga reads (larger: 413). */
  maxRequestBodyBytes: number;
}

const appParts = new WeakMap<App, AppParts>();

/** The parts of an app made by `createApp`. */
export function partsOf(app: App): AppParts {
  const parts = appParts.get(app);
  if (!parts) throw new Error('not an app made by createApp');
  return parts;
}

/** The configured Yoga instance: schema, context, plugins. No environment reads, no listening. */
export function createApp(options: AppOptions): App {
  const principals = new WeakMap<Request, Principal>();
  const logger = options.logger ?? silentLogger;
  const guards = queryGuards({ ...DEFAULT_QUERY_LIMITS, ...options.limits });
  const gateway = createGateway(options, logger);
  const maxRequestBodyBytes = options.maxRequestBodyBytes ?? 100_000;
  const context = (principal: Principal, signal?: AbortSignal): Context => createContext(options.services, principal, signal);
  const app = createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/livez',
    landingPage: false,
    graphiql: options.graphiql
      ? {
          title: 'oauth-admin',
          defaultQuery: EXAMPLE_QUERY,
          headers: options.graphiqlHeaders,
          // GraphiQL sends subscriptions (jobProgress) as SSE GET requests, which the CSRF
          // prevention below refuses without this header. Sent by our own page's script, it opens
          // nothing: a page of another origin cannot add a custom header without a CORS preflight,
          // and this service answers none.
          additionalHeaders: { [CSRF_HEADER]: 'graphiql' },
        }
      : false,
    // Served from this process (no CDN): operators' networks often have no way out.
    // Loaded on first use: the bundle costs tens of MB that a server with GraphiQL off never needs.
    renderGraphiQL: async (graphiqlOptions) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiqlOptions),
    // Bearer tokens, no cookies, and no browser page of another origin has any business here.
    cors: false,
    maxRequestBodySize: maxRequestBodyBytes,
    maskedErrors: {
      isDev: false,
      maskError(error, message) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        const unavailable = original instanceof GraphQLError ? null : redisUnavailable(original);
        if (unavailable) {
          const located = error instanceof GraphQLError ? error : null;
          return new GraphQLError(unavailable.message, { nodes: located?.nodes, path: located?.path, extensions: unavailable.extensions });
        }
        return codedError(maskError(error, message, false));
      },
    },
    logging: yogaLogger(logger.child({ component: 'graphql' })),
    plugins: [useGateway(options, gateway, principals, logger), useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }), useQueryLimits(guards)],
    context: ({ request }) => {
      const principal = principals.get(request);
      if (!principal) throw new Error('request reached GraphQL without authentication');
      return context(principal, request.signal);
    },
  });
  appParts.set(app, { options, gateway, guards, context, maxRequestBodyBytes });
  return app;
}
