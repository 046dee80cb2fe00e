import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { type Plugin, type YogaServerInstance, createYoga } from 'graphql-yoga';
import { type Context, createContext } from './context.js';
import { type Logger, silentLogger, yogaLogger } from './logger.js';
import { useAdmission } from './plugins/admission.js';
import type { AuthOptions } from './plugins/auth.js';
import { DocumentCache } from './plugins/document-cache.js';
import { useHealth } from './plugins/health.js';
import { type JitOptions, useJit } from './plugins/jit.js';
import { DEFAULT_QUERY_LIMITS, type QueryLimits, queryGuards, useQueryLimits } from './plugins/limits.js';
import { maskWithCodes } from './plugins/masking.js';
import type { Metrics } from './metrics/registry.js';
import { useRequestMetrics } from './plugins/metrics.js';
import { type RateLimitOptions, RateLimiter } from './plugins/rate-limit.js';
import { RequestRecords } from './plugins/request-info.js';
import { useRequestLog } from './plugins/request-log.js';
import { type ShutdownGate, useShutdownStreams } from './plugins/shutdown.js';
import { schema } from './schema/index.js';
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
  /** graphql-jit: from which use of a query document it runs compiled (default 2; null: never). */
  jit?: JitOptions;
  /** Where requests are counted for `/metrics` (served apart from this app); none when absent. */
  metrics?: Metrics;
  /** Plugins added after ours (observers in tests and benches; the chain runs them on every transport). */
  extraPlugins?: Plugin[];
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

/** The window repeated refusals are counted in before they are logged again: the rate limit's (10 s without one). */
function repeatWindowMs(options: AppOptions): number {
  return (options.rateLimit?.windowSeconds ?? 10) * 1000;
}

/**
 * The one plugin chain every request runs, whatever the transport: health (HTTP only), the
 * request log, admission (shutdown gate, token, rate limit) before parsing, CSRF prevention
 * (HTTP only), the query limits (token limit in the parser, depth, aliases, directives and
 * introspection in validation, cost before execution), graphql-jit, the shutdown of streams,
 * then any extra plugins; Yoga adds its parser and validation cache and the error masking.
 */
function plugins(options: AppOptions, records: RequestRecords, logger: Logger): Plugin[] {
  const { services } = options;
  const windowMs = repeatWindowMs(options);
  const limiter = options.rateLimit ? new RateLimiter(services.redis, services.keys, options.rateLimit, options.clock) : null;
  return [
    useHealth(services.redis, options.shutdown, options.healthTimeoutMs ?? 1000),
    useRequestLog(records, logger, windowMs),
    ...(options.metrics ? [useRequestMetrics(records, options.metrics.requests)] : []),
    useAdmission({ auth: options.auth, limiter, audit: services.audit, shutdown: options.shutdown, records, logger, repeatWindowMs: windowMs }),
    useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
    useQueryLimits(queryGuards({ ...DEFAULT_QUERY_LIMITS, ...options.limits })),
    useJit(options.jit),
    useShutdownStreams(options.shutdown),
    ...(options.extraPlugins ?? []),
  ];
}

function graphiqlOptions(options: AppOptions) {
  if (!options.graphiql) return false;
  return {
    title: 'oauth-admin',
    defaultQuery: EXAMPLE_QUERY,
    headers: options.graphiqlHeaders,
    // GraphiQL sends subscriptions (jobProgress) as SSE GET requests, which the CSRF
    // prevention refuses without this header. Sent by our own page's script, it opens
    // nothing: a page of another origin cannot add a custom header without a CORS preflight,
    // and this service answers none.
    additionalHeaders: { [CSRF_HEADER]: 'graphiql' },
  };
}

/** The configured Yoga instance: schema, context, plugins. No environment reads, no listening. */
export function createApp(options: AppOptions): App {
  const records = new RequestRecords();
  const logger = options.logger ?? silentLogger;
  return createYoga<Record<string, unknown>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/livez',
    landingPage: false,
    graphiql: graphiqlOptions(options),
    // Served from this process (no CDN): operators' networks often have no way out.
    // Loaded on first use: the bundle costs tens of MB that a server with GraphiQL off never needs.
    renderGraphiQL: async (graphiqlOptions) => (await import('@graphql-yoga/render-graphiql')).renderGraphiQL(graphiqlOptions),
    // Bearer tokens, no cookies, and no browser page of another origin has any business here.
    cors: false,
    maxRequestBodySize: options.maxRequestBodyBytes ?? 100_000,
    // Bounded in query text too, so many large distinct queries cannot grow it without limit; the
    // validation is cached by useQueryLimits, with each parsed document.
    parserAndValidationCache: { documentCache: new DocumentCache(1000, 2_000_000), errorCache: new DocumentCache(1000, 2_000_000), validationCache: false },
    maskedErrors: { isDev: false, maskError: maskWithCodes },
    logging: yogaLogger(logger.child({ component: 'graphql' })),
    plugins: plugins(options, records, logger),
    context: ({ request }) => {
      const principal = records.find(request)?.principal;
      if (!principal) throw new Error('request reached GraphQL without authentication');
      return createContext(options.services, principal, () => request.signal);
    },
  });
}
