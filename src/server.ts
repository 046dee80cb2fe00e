import { type Server, createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type App, type AppOptions, createApp } from './app.js';
import { type Config, ConfigError, DEFAULT_REDIS_URL, loadConfig } from './config.js';
import { createNodeHandler } from './http/fast-path.js';
import { listenMetrics } from './http/metrics-server.js';
import { Metrics } from './metrics/registry.js';
import { type Logger, createLogger, registerSecret } from './logger.js';
import { type RedisClient, createRedis, whenReady } from './redis/connection.js';
import { ShutdownGate } from './plugins/shutdown.js';
import { type ApiKeyWatcher, watchApiKeys } from './plugins/api-keys.js';
import { createJobEvents } from './jobs/events.js';
import { type Services, createServices, serviceOptions } from './services.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Decides who may call and where to listen; refuses unsafe combinations before anything starts. */
export function securityPlan(config: Config): { host: string; anonymousAdmin: boolean; warning: string | null } {
  if (config.ADMIN_TOKEN) return { host: config.HOST, anonymousAdmin: false, warning: null };
  if (config.NODE_ENV === 'production') throw new ConfigError('ADMIN_TOKEN is required when NODE_ENV=production');
  const host = LOOPBACK.has(config.HOST) ? config.HOST : '127.0.0.1';
  return {
    host,
    anonymousAdmin: true,
    warning:
      `!!! ADMIN_TOKEN is not set: every request to this service is treated as ADMIN, unauthenticated.\n` +
      `!!! Listening on ${host} only${host !== config.HOST ? ` (HOST=${config.HOST} ignored)` : ''}. Set ADMIN_TOKEN before exposing it.`,
  };
}

/**
 * Where `/metrics` listens (SECURITY.md "Metrics"): its own port, on loopback unless METRICS_HOST
 * says otherwise, which needs METRICS_TOKEN; null when METRICS_ENABLED=false.
 */
export function metricsPlan(config: Config): { host: string; port: number; token: string | undefined } | null {
  if (!config.METRICS_ENABLED) return null;
  if (!LOOPBACK.has(config.METRICS_HOST) && !config.METRICS_TOKEN) {
    throw new ConfigError(`METRICS_HOST=${config.METRICS_HOST} is not a loopback address: set METRICS_TOKEN, or METRICS_ENABLED=false`);
  }
  return { host: config.METRICS_HOST, port: config.METRICS_PORT, token: config.METRICS_TOKEN };
}

/** Introspection and GraphiQL: on in development, off in production unless asked for. */
export function exposurePlan(config: Config): { introspection: boolean; graphiql: boolean } {
  const introspection = config.GRAPHQL_INTROSPECTION ?? config.NODE_ENV !== 'production';
  return { introspection, graphiql: config.GRAPHIQL ?? introspection };
}

/** Every secret the configuration holds, so no log line can carry one. */
function registerConfigSecrets(config: Config): void {
  for (const value of [
    config.ADMIN_TOKEN,
    config.VIEWER_TOKEN,
    config.METRICS_TOKEN,
    config.JWT_PRIVATE_KEY_B64,
    config.GATEWAY_JWT_SECRET,
    config.BACKUP_ENCRYPTION_KEY,
  ])
    registerSecret(value);
  try {
    const password = new URL(config.REDIS_URL ?? DEFAULT_REDIS_URL).password;
    if (password) registerSecret(decodeURIComponent(password));
  } catch {
    // Not a URL: the text redaction still removes `user:password@`.
  }
}

/** Logs each change of the Redis connection once (not every failed reconnection attempt). */
function watchRedis(redis: RedisClient, logger: Logger): void {
  let state: 'starting' | 'up' | 'down' = 'starting';
  let everReady = false;
  redis.on('ready', () => {
    logger.info(everReady ? 'redis is back: ready' : 'redis ready');
    everReady = true;
    state = 'up';
  });
  redis.on('error', (error: Error) => {
    if (state === 'down') return;
    logger.warn(
      state === 'starting'
        ? 'redis not reachable yet: serving /health as unready and retrying'
        : 'redis connection lost: requests fail with UNAVAILABLE until it is back',
      { err: error },
    );
    state = 'down';
  });
  redis.on('end', () => {
    if (state !== 'down') logger.warn('redis connection ended');
    state = 'down';
  });
}

/**
 * The pub/sub event target fires `publish`/`subscribe`/`unsubscribe` without handling their
 * promises; while Redis is away each would be an unhandled rejection. A lost job update is
 * harmless (followers poll the job's state), so failures are dropped here.
 */
function quietPubSub(client: RedisClient): RedisClient {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if ((property === 'publish' || property === 'subscribe' || property === 'unsubscribe') && typeof value === 'function') {
        return (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (result instanceof Promise) result.catch(() => {});
          return result;
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export interface RunningServer {
  server: Server;
  url: string;
  /** Where `/metrics` answers; null when METRICS_ENABLED=false. */
  metricsUrl: string | null;
  /** Drains and stops; resolves with the exit code a process should use. */
  shutdown(reason: string): Promise<number>;
}

interface Connections {
  redis: RedisClient;
  publisher: RedisClient;
  subscriber: RedisClient;
}

/** The Redis connections: commands, and job updates over pub/sub (a subscriber on any process follows a job run by another). */
/** How long the server waits for its Redis connection before it listens anyway (Redis down at start). */
const STARTUP_REDIS_WAIT_MS = 3000;

function connectRedis(config: Config, logger: Logger): Connections {
  const redisUrl = config.REDIS_URL ?? DEFAULT_REDIS_URL;
  const redis = createRedis(redisUrl, {
    name: 'oauth-admin-server',
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    // A request made while Redis is away fails at once (503) instead of queueing without bound.
    enableOfflineQueue: false,
  });
  watchRedis(redis, logger.child({ component: 'redis' }));
  const publisher = createRedis(redisUrl, {
    name: 'oauth-admin-events-pub',
    commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
  });
  const subscriber = createRedis(redisUrl, { name: 'oauth-admin-events-sub', maxRetriesPerRequest: null });
  for (const client of [publisher, subscriber]) client.on('error', () => {}); // the main connection reports outages
  return { redis, publisher, subscriber };
}

/** The app's settings from the configuration. */
function appOptions(config: Config, services: Services, gate: ShutdownGate, logger: Logger, keys: ApiKeyWatcher | null, metrics: Metrics | null): AppOptions {
  const plan = securityPlan(config);
  const exposure = exposurePlan(config);
  return {
    services,
    auth: { adminToken: config.ADMIN_TOKEN, viewerToken: config.VIEWER_TOKEN, anonymousAdmin: plan.anonymousAdmin, keys: keys ?? undefined },
    graphiql: exposure.graphiql,
    limits: {
      introspection: exposure.introspection,
      maxDepth: config.GRAPHQL_MAX_DEPTH,
      maxAliases: config.GRAPHQL_MAX_ALIASES,
      maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: config.GRAPHQL_MAX_TOKENS,
      maxCost: config.GRAPHQL_MAX_COST,
    },
    maxRequestBodyBytes: config.MAX_REQUEST_BODY_BYTES,
    rateLimit: {
      perSecond: config.RATE_LIMIT_PER_SECOND,
      anonymousPerSecond: config.RATE_LIMIT_ANONYMOUS_PER_SECOND,
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    },
    logger: logger.child({ component: 'http' }),
    shutdown: gate,
    ...(metrics ? { metrics } : {}),
  };
}

/** Listens on the planned host; the port it got. */
async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

const within = (promise: Promise<unknown> | void, ms: number) => Promise.race([promise, new Promise((r) => setTimeout(r, ms).unref())]);

interface Running {
  config: Config;
  logger: Logger;
  gate: ShutdownGate;
  server: Server;
  app: App;
  services: Services;
  connections: Connections;
  keys: ApiKeyWatcher | null;
  metrics: { server: Server; registry: Metrics } | null;
}

/** Drains: refuse new requests, stop jobs at a safe point, end streams, close; the exit code. */
async function drain(r: Running, reason: string): Promise<number> {
  const { config, logger, gate, server, services } = r;
  const deadline = Date.now() + config.SHUTDOWN_TIMEOUT_MS;
  logger.info('shutting down: refusing new requests, stopping jobs at their next safe point', { reason, timeoutMs: config.SHUTDOWN_TIMEOUT_MS });
  gate.begin();
  r.keys?.stop();
  server.close();
  server.closeIdleConnections();
  r.metrics?.server.close();
  r.metrics?.server.closeAllConnections();
  r.metrics?.registry.stop();
  // No new index reconcile from this process; the lease passes to another one.
  const indexesStopped = services.indexes.stop().catch(() => {});
  await services.jobs.cancelAll();
  // Repeated refusals still being counted go on record now rather than at their window's end.
  services.audit.flushRefusals();
  const drained = await Promise.race([
    services.jobs.drain().then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), Math.max(0, deadline - Date.now() - 500)).unref()),
  ]);
  if (!drained) logger.error('jobs did not reach a safe point in time: exiting anyway (they will show as FAILED once their heartbeat is stale)');
  // Jobs have published their final state: let their followers receive it and end, then end
  // every other stream (one following another process's job would wait for a minute).
  await gate.settle(Math.min(1000, Math.max(0, deadline - Date.now() - 500)));
  gate.closeStreams();
  await new Promise((resolve) => setTimeout(resolve, 50).unref());
  server.closeAllConnections();
  const { redis, publisher, subscriber } = r.connections;
  await within(r.app.dispose(), 500);
  await within(indexesStopped, 500);
  await within(
    redis.quit().catch(() => redis.disconnect()),
    500,
  );
  for (const client of [redis, publisher, subscriber]) client.disconnect();
  logger.info('stopped', { reason, jobsStoppedCleanly: drained });
  return drained ? 0 : 1;
}

/** Config to a listening server: Redis (never awaited: the service starts without it), app, listen. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const plan = securityPlan(config);
  const metricsAt = metricsPlan(config);
  const connections = connectRedis(config, logger);
  const events = createJobEvents({ publish: quietPubSub(connections.publisher), subscribe: quietPubSub(connections.subscriber) });
  const services = createServices(connections.redis, { ...serviceOptions(config), events, logger });
  // Competes for the derived-index leadership lease; exactly one process maintains the indexes.
  services.indexes.start(randomUUID());
  // What a backup killed with an earlier process left in BACKUP_DIR (needs no Redis).
  void services.backups.removeLeftovers();
  const gate = new ShutdownGate();
  // Named service keys, re-read when the file changes (api-key-create, api-key-revoke).
  const keys = config.API_KEYS_FILE ? watchApiKeys(resolve(config.API_KEYS_FILE), logger.child({ component: 'api-keys' })) : null;
  const registry = metricsAt ? new Metrics({ maxOperations: config.METRICS_MAX_OPERATIONS }) : null;
  registry?.watch({ redis: connections.redis, indexes: services.indexes, stats: services.stats, jobs: services.jobs });
  const app = createApp(appOptions(config, services, gate, logger, keys, registry));
  // Yoga's node handler behind the fast transport for JSON POSTs, both driving the app's one plugin chain.
  const server = createServer(createNodeHandler(app, { maxRequestBodyBytes: config.MAX_REQUEST_BODY_BYTES }));
  // Slow-loris and idle sockets: bounded header and request times.
  server.headersTimeout = 15_000;
  server.requestTimeout = 60_000;
  if (plan.warning) for (const line of plan.warning.split('\n')) logger.warn(line);
  // The connection queues nothing while not ready, so a request that came before it was would get
  // 503 "Redis is not reachable" from a Redis that is fine (a cluster takes a few round trips to get
  // ready). Listen once it is ready, or after STARTUP_REDIS_WAIT_MS without Redis: then the service
  // starts anyway and /health says unready until Redis appears.
  await whenReady(connections.redis, STARTUP_REDIS_WAIT_MS);
  const port = await listen(server, config.PORT, plan.host);
  const metrics = metricsAt && registry ? await listenMetrics(registry, metricsAt.host, metricsAt.port, { token: metricsAt.token }) : null;
  const url = `http://${plan.host.includes(':') ? `[${plan.host}]` : plan.host}:${port}/graphql`;
  const exposure = exposurePlan(config);
  logger.info('oauth-admin listening', {
    url,
    health: url.replace(/\/graphql$/, '/health'),
    port,
    introspection: exposure.introspection,
    graphiql: exposure.graphiql,
    metrics: metrics?.url ?? null,
    nodeEnv: config.NODE_ENV,
  });
  let stopping: Promise<number> | null = null;
  const running: Running = {
    config,
    logger,
    gate,
    server,
    app,
    services,
    connections,
    keys,
    metrics: metrics && registry ? { server: metrics.server, registry } : null,
  };
  return { server, url, metricsUrl: metrics?.url ?? null, shutdown: (reason) => (stopping ??= drain(running, reason)) };
}

async function main(): Promise<void> {
  let logger = createLogger({ base: { service: 'oauth-admin' } });
  try {
    const config = loadConfig();
    registerConfigSecrets(config);
    logger = createLogger({ level: config.LOG_LEVEL, base: { service: 'oauth-admin' } });
    const running = await startServer(config, logger);
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      // A second signal while draining ends the process at once.
      if (stopping) process.exit(130);
      stopping = true;
      const hardStop = setTimeout(() => {
        logger.error('shutdown took longer than SHUTDOWN_TIMEOUT_MS: exiting now', { signal });
        process.exit(1);
      }, config.SHUTDOWN_TIMEOUT_MS + 1000);
      hardStop.unref();
      void running.shutdown(signal).then((code) => process.exit(code));
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    process.on('unhandledRejection', (reason) => logger.error('unhandled promise rejection (a bug: please report it)', { err: reason }));
    process.on('uncaughtException', (error) => {
      logger.error('uncaught exception: exiting', { err: error });
      process.exit(1);
    });
  } catch (error) {
    logger.error(`oauth-admin: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

// Run only as the process entry (tests import startServer).
function isProcessEntry(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(fileURLToPath(import.meta.url)) === realpathSync(resolve(process.argv[1]));
  } catch {
    return false;
  }
}

if (isProcessEntry()) void main();
