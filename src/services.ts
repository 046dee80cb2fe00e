import { type Config, CONFIG_DEFAULTS } from './config.js';
import { readPttls } from './redis/batch.js';
import type { RedisClient } from './redis/connection.js';
import { Keys } from './redis/keys.js';
import { type Repositories, createRepositories } from './redis/repositories.js';
import { AuditLog, type AuditOptions } from './audit/audit-log.js';
import { BackupService } from './backups/index.js';
import { Confirmations } from './confirm.js';
import { DeletionService } from './clients-tokens/deletion.js';
import { ClientLifecycleService } from './clients-tokens/client-lifecycle.js';
import { type JobEvents, createJobEvents } from './jobs/events.js';
import { Indexer } from './indexes/indexer.js';
import { DEFAULT_INDEXING, IndexService, type IndexingOptions } from './indexes/service.js';
import type { Logger } from './logger.js';
import { TokenInspector, type VerificationOptions } from './clients-tokens/inspector.js';
import { JobRunner, type JobRunnerOptions } from './jobs/runner.js';
import type { Lifetimes } from './clients-tokens/status.js';
import { StatsService } from './clients-tokens/stats.js';
import { StoreView } from './clients-tokens/store-view.js';
import { DEFAULT_GATEWAY_EVENTS, GatewayEventFeed, type GatewayEventOptions } from './gateway-events/feed.js';
import { ListingSnapshots } from './clients-tokens/listing.js';

export interface ServiceOptions {
  prefixes: { oauth: string; session: string; admin: string };
  lifetimes: Lifetimes;
  /** Epoch milliseconds; injected so tests and the gateway's fixtures share one clock. */
  now?: () => number;
  /** Job updates; in-process unless given (Redis pub/sub for several processes). */
  events?: JobEvents;
  jobs?: JobRunnerOptions;
  /** Keys and issuer to verify the gateway's JWTs (inspectToken). */
  verification?: VerificationOptions;
  /** Where backups go (default `./backups`) and the optional key that encrypts them. */
  backup?: { dir: string; encryptionKey?: string | undefined };
  /** Derived indexes: leader lease, reconcile schedule, freshness and flood bounds. */
  indexing?: Partial<IndexingOptions>;
  /** Where the services say what they notice on their own (the index follower, its watchdog). */
  logger?: Logger;
  /** The audit streams' capacity and how repeated refusals are aggregated. */
  audit?: AuditOptions;
  /** The live gateway events: buffer per subscriber, queue and memory bounds. */
  gatewayEvents?: Partial<GatewayEventOptions>;
}

/** The rules of the service, built once per process over one Redis connection. */
export interface Services {
  redis: RedisClient;
  keys: Keys;
  repos: Repositories;
  lifetimes: Lifetimes;
  now: () => number;
  stats: StatsService;
  events: JobEvents;
  jobs: JobRunner;
  audit: AuditLog;
  confirmations: Confirmations;
  deletion: DeletionService;
  /** Update, rotate and expire clients (RFC 7592 parity, gateway-format writes). */
  clients: ClientLifecycleService;
  inspector: TokenInspector;
  backups: BackupService;
  indexes: IndexService;
  /** The gateway's writes as they happen (the `gatewayEvents` subscription). */
  gatewayEvents: GatewayEventFeed;
  newView(): StoreView;
}

/**
 * What resolvers may call (Context.services): the domain services, without the raw Redis
 * connection, key builder or repositories, which stay below the domain modules.
 */
export type DomainServices = Omit<Services, 'redis' | 'keys' | 'repos'>;

const domainViews = new WeakMap<Services, DomainServices>();

/** The domain services of `services`, one object per process (built once). */
export function domainServices(services: Services): DomainServices {
  let view = domainViews.get(services);
  if (!view) {
    const { redis: _redis, keys: _keys, repos: _repos, ...domain } = services;
    view = domain;
    domainViews.set(services, view);
  }
  return view;
}

/** The service options a configuration asks for (server and CLI build their services alike). */
export function serviceOptions(config: Config): ServiceOptions {
  return {
    prefixes: { oauth: config.OAUTH_KEY_PREFIX, session: config.SESSION_KEY_PREFIX, admin: config.ADMIN_KEY_PREFIX },
    lifetimes: { refreshTokenSeconds: config.REFRESH_TOKEN_LIFETIME },
    verification: {
      baseDomain: config.BASE_DOMAIN,
      privateKeyB64: config.JWT_PRIVATE_KEY_B64,
      jwtSecret: config.GATEWAY_JWT_SECRET,
      algorithm: config.JWT_ALGORITHM,
    },
    backup: { dir: config.BACKUP_DIR, encryptionKey: config.BACKUP_ENCRYPTION_KEY },
    indexing: {
      configureNotifications: config.INDEX_CONFIGURE_NOTIFICATIONS ?? false,
      maxLagMs: config.INDEX_MAX_LAG_MS,
      maxPending: config.INDEX_MAX_PENDING,
      reconcileEveryMs: config.INDEX_RECONCILE_EVERY_SECONDS * 1000,
    },
    gatewayEvents: { bufferSize: config.GATEWAY_EVENTS_BUFFER },
  };
}

export function createServices(redis: RedisClient, options: ServiceOptions): Services {
  const keys = new Keys(options.prefixes);
  const repos = createRepositories(redis, keys);
  const now = options.now ?? Date.now;
  const events = options.events ?? createJobEvents();
  const audit = new AuditLog(redis, keys, options.logger?.child({ component: 'audit' }), options.audit);
  const jobs = new JobRunner(redis, keys, events, audit, options.jobs);
  const confirmations = new Confirmations(redis, keys);
  const indexer = new Indexer(redis, keys);
  const snapshots = new ListingSnapshots();
  const indexes = new IndexService(
    redis,
    keys,
    indexer,
    jobs,
    { ...DEFAULT_INDEXING, ...options.indexing },
    options.logger?.child({ component: 'indexes' }) ?? null,
  );
  const gatewayEvents = new GatewayEventFeed(
    redis,
    keys,
    { ...DEFAULT_GATEWAY_EVENTS, configureNotifications: options.indexing?.configureNotifications ?? false, ...options.gatewayEvents },
    options.logger?.child({ component: 'gateway-events' }) ?? null,
  );
  return {
    indexes,
    gatewayEvents,
    redis,
    events,
    jobs,
    audit,
    confirmations,
    clients: new ClientLifecycleService(redis, repos, now, confirmations, audit),
    deletion: new DeletionService(redis, keys, repos, options.lifetimes, now, confirmations, audit, jobs, indexes),
    backups: new BackupService(redis, keys, jobs, confirmations, {
      ...(options.backup ?? { dir: CONFIG_DEFAULTS.BACKUP_DIR }),
      lifetimes: options.lifetimes,
      now,
      ...(options.logger ? { logger: options.logger.child({ component: 'backups' }) } : {}),
    }),
    inspector: new TokenInspector(repos, options.verification ?? { baseDomain: CONFIG_DEFAULTS.BASE_DOMAIN }, now),
    keys,
    repos,
    lifetimes: options.lifetimes,
    now,
    stats: new StatsService(repos, options.lifetimes, now, indexes),
    newView: () => new StoreView(repos, options.lifetimes, now, (k) => readPttls(redis, k), indexes, snapshots),
  };
}
