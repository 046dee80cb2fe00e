import { Counter, Gauge, Histogram, type Metric, Registry, collectDefaultMetrics } from 'prom-client';
import type { OAuthStats } from '../clients-tokens/stats.js';
import type { IndexStatus } from '../indexes/service.js';
import type { JobEnding, JobObserver } from '../jobs/runner.js';
import { RequestHistogram } from './requests.js';

/** What the gauges read at scrape time: the services' own state, never a scan of the store. */
export interface MetricSources {
  redis: { readonly status: string };
  indexes: { status(): Promise<IndexStatus> };
  stats: { indexed(): Promise<OAuthStats | null> };
  jobs: { observe(observer: JobObserver): () => void; readonly runningCount: number };
}

export interface MetricsOptions {
  /** Distinct operation names counted before the rest share `operation="other"`. */
  maxOperations: number;
}

const JOB_BUCKETS = [0.05, 0.25, 1, 5, 15, 60, 300, 900, 3600];

/** The store's figures as gauges: name, help, and each label value with the stats it adds up. */
const STORE_GAUGES: { name: string; help: string; label: 'status' | 'kind'; values: Record<string, (s: OAuthStats) => number> }[] = [
  {
    name: 'oauth_admin_clients',
    label: 'status',
    help: 'Client registrations by status (regular, test, corrupt), from the derived indexes; absent while they are not ready.',
    values: {
      regular: (s) => s.registrations - s.testRegistrations - s.corruptRegistrations,
      test: (s) => s.testRegistrations,
      corrupt: (s) => s.corruptRegistrations,
    },
  },
  {
    name: 'oauth_admin_access_tokens',
    label: 'status',
    help: 'Access tokens by status (active, expired, corrupt), from the derived indexes; absent while they are not ready.',
    values: { active: (s) => s.activeTokens, expired: (s) => s.expiredTokens, corrupt: (s) => s.corruptTokens },
  },
  {
    name: 'oauth_admin_refresh_tokens',
    label: 'status',
    help: 'Refresh tokens by status (valid, leftover: past their lifetime without a TTL), from the derived indexes; absent while they are not ready.',
    values: { valid: (s) => s.refreshTokens - s.expiredRefreshTokens, leftover: (s) => s.expiredRefreshTokens },
  },
  {
    name: 'oauth_admin_store_leftovers',
    label: 'kind',
    help: 'What a cleanup would remove, by kind (orphan_tokens, stale_index_entries, leftover_states, leftover_codes), from the derived indexes; absent while they are not ready.',
    values: {
      orphan_tokens: (s) => s.orphanTokens,
      stale_index_entries: (s) => s.staleIndexEntries,
      leftover_states: (s) => s.leftoverStates,
      leftover_codes: (s) => s.leftoverCodes,
    },
  },
];

/**
 * The process's metrics (README "Metrics"): requests (the request plugin observes them), jobs (the
 * runner tells every ending), and at scrape time Redis, the indexes and the store's figures from the
 * indexes' counters. Label values come from fixed sets or bounded operation names: never a token,
 * secret or code.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests: RequestHistogram;
  private readonly jobs: Counter<'kind' | 'ending'>;
  private readonly jobDuration: Histogram<'kind' | 'ending'>;
  private readonly gauges: Record<string, Gauge> = {};
  private readonly store: Gauge<'status' | 'kind'>[];
  private sources: MetricSources | null = null;
  private unobserve: (() => void) | null = null;

  constructor(options: MetricsOptions) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new RequestHistogram(options.maxOperations);
    this.registry.registerMetric(this.requests as unknown as Metric);
    this.jobs = new Counter({
      name: 'oauth_admin_jobs_total',
      help: 'Job endings by kind and ending (succeeded, failed, refused, cancelled).',
      labelNames: ['kind', 'ending'],
      registers,
    });
    this.jobDuration = new Histogram({
      name: 'oauth_admin_job_duration_seconds',
      help: 'How long jobs ran, by kind and ending (jobs refused before they started are not in it).',
      labelNames: ['kind', 'ending'],
      buckets: JOB_BUCKETS,
      registers,
    });
    const gauge = (name: string, help: string) => (this.gauges[name] = new Gauge({ name, help, registers }));
    gauge('oauth_admin_redis_up', '1 while the connection to Redis is ready, else 0.');
    gauge('oauth_admin_jobs_running', 'Jobs this process is running now.');
    gauge('oauth_admin_index_ready', '1 when reads answer from the derived indexes now (and the store gauges are present), else 0.');
    gauge('oauth_admin_index_leader', '1 when this process maintains the derived indexes, else 0.');
    gauge('oauth_admin_index_pending_changes', 'Changes this process has seen and not yet applied to the indexes (its leader only).');
    gauge('oauth_admin_index_lag_seconds', 'Age of the oldest change not yet applied to the indexes (0 when none waits).');
    this.store = STORE_GAUGES.map(({ name, help, label }) => new Gauge({ name, help, labelNames: [label], registers }));
  }

  /** The services the scrape-time gauges read, and the job runner whose endings are counted. */
  watch(sources: MetricSources): void {
    this.unobserve?.();
    this.sources = sources;
    this.unobserve = sources.jobs.observe((ending) => this.jobEnded(ending));
  }

  /** Stops counting job endings (the process stops). */
  stop(): void {
    this.unobserve?.();
    this.unobserve = null;
  }

  jobEnded(ending: JobEnding): void {
    const ended = ending.outcome.toLowerCase();
    this.jobs.inc({ kind: ending.kind, ending: ended });
    if (ending.durationMs !== null) this.jobDuration.observe({ kind: ending.kind, ending: ended }, ending.durationMs / 1000);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The text a scrape gets: the gauges read now, then every metric. */
  async text(): Promise<string> {
    await this.refresh();
    return this.registry.metrics();
  }

  private set(name: string, value: number): void {
    this.gauges[name]?.set(value);
  }

  private async refresh(): Promise<void> {
    const sources = this.sources;
    if (!sources) return;
    this.set('oauth_admin_redis_up', sources.redis.status === 'ready' ? 1 : 0);
    this.set('oauth_admin_jobs_running', sources.jobs.runningCount);
    const status = await sources.indexes.status().catch(() => null);
    this.set('oauth_admin_index_ready', status?.ready ? 1 : 0);
    this.set('oauth_admin_index_leader', status?.leader ? 1 : 0);
    this.set('oauth_admin_index_pending_changes', status?.pending ?? 0);
    this.set('oauth_admin_index_lag_seconds', (status?.oldestPendingMs ?? 0) / 1000);
    // Only the indexes' counters (one script): no scan per scrape. Not ready: the gauges are absent.
    const stats = status?.ready ? await sources.stats.indexed().catch(() => null) : null;
    STORE_GAUGES.forEach(({ label, values }, i) => {
      const gauge = this.store[i] as Gauge<'status' | 'kind'>;
      gauge.reset();
      if (stats) for (const [name, value] of Object.entries(values)) gauge.set({ [label]: name }, value(stats));
    });
  }
}
