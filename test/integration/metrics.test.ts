import { type Server, createServer } from 'node:http';
import parsePrometheusTextFormat, { type PrometheusFamily } from 'parse-prometheus-text-format';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { createNodeHandler } from '../../src/http/fast-path.js';
import { listenMetrics } from '../../src/http/metrics-server.js';
import { Metrics } from '../../src/metrics/registry.js';
import { createLogger } from '../../src/logger.js';
import { type RunningServer, metricsPlan, startServer } from '../../src/server.js';
import { knownTestSecrets } from '../helpers/secrets.js';
import { ADMIN, SAMPLE_TIME_MS, type TestStore, followIndexes, loadSampleRecords, openStore, serverConfig } from '../helpers/store.js';

const METRICS_TOKEN = 'test-metrics-token-0123456789';

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** A family's samples (the untyped reading repeats a family for each series: merged here). */
function family(families: PrometheusFamily[], name: string): PrometheusFamily | undefined {
  const found = families.filter((f) => f.name === name);
  const first = found[0];
  return first && { ...first, metrics: found.flatMap((f) => f.metrics) };
}

/** A gauge's value for each value of one label. */
function byLabel(families: PrometheusFamily[], name: string, label: string): Record<string, number> {
  return Object.fromEntries((family(families, name)?.metrics ?? []).map((m) => [m.labels?.[label] ?? '', Number(m.value)]));
}

/**
 * The text parsed twice: as it is (every family parses, with its type), and with histograms read as
 * untyped, so their `_bucket`, `_sum` and `_count` samples keep their labels (the parser's histogram
 * reading drops labels, sum and count).
 */
function parse(text: string): PrometheusFamily[] {
  const typed = parsePrometheusTextFormat(text);
  expect(typed.length).toBeGreaterThan(10);
  return [
    ...typed,
    ...parsePrometheusTextFormat(text.replace(/^# TYPE (\S+) histogram$/gm, '# TYPE $1 untyped')).filter((f) => /_(count|sum|bucket)$/.test(f.name)),
  ];
}

/** The request histogram's count for one operation and outcome (0 when absent). */
function requests(families: PrometheusFamily[], operation: string, outcome: string): number {
  const sample = family(families, 'oauth_admin_graphql_request_duration_seconds_count')?.metrics.find(
    (m) => m.labels?.operation === operation && m.labels?.outcome === outcome,
  );
  return Number(sample?.value ?? 0);
}

describe('/metrics', () => {
  let store: TestStore;
  let metrics: Metrics;
  let graphqlServer: Server;
  let metricsServer: Server;
  let graphqlUrl: string;
  let metricsUrl: string;
  let counts: { fast: number; handedOn: number };
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    store = await openStore({ now: SAMPLE_TIME_MS });
    await loadSampleRecords(store);
    metrics = new Metrics({ maxOperations: 20 });
    metrics.watch({ redis: store.redis, indexes: store.services.indexes, stats: store.services.stats, jobs: store.services.jobs });
    app = createApp({ services: store.services, auth: { adminToken: ADMIN, anonymousAdmin: false }, metrics });
    const handler = createNodeHandler(app);
    counts = handler.counts;
    graphqlServer = createServer(handler);
    graphqlUrl = `${await listen(graphqlServer)}/graphql`;
    const listening = await listenMetrics(metrics, '127.0.0.1', 0, { token: METRICS_TOKEN });
    metricsServer = listening.server;
    metricsUrl = listening.url;
  });
  afterAll(async () => {
    metrics.stop();
    await new Promise((resolve) => graphqlServer.close(resolve));
    await new Promise((resolve) => metricsServer.close(resolve));
    await store.close();
  });

  const scrape = async (): Promise<{ text: string; families: PrometheusFamily[] }> => {
    const response = await fetch(metricsUrl, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    return { text, families: parse(text) };
  };

  const graphql = async (
    query: string,
    token = ADMIN,
    operationName?: string,
  ): Promise<{ status: number; body: { data?: Record<string, unknown>; errors?: unknown[] } }> => {
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, operationName }),
    });
    return { status: response.status, body: (await response.json()) as { data?: Record<string, unknown> } };
  };

  it('refuses a scrape without the token, and serves nothing but /metrics', async () => {
    expect((await fetch(metricsUrl)).status).toBe(401);
    expect((await fetch(metricsUrl, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    expect((await fetch(metricsUrl.replace(/\/metrics$/, '/graphql'), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(404);
    // The API's own port has no /metrics.
    expect((await fetch(graphqlUrl.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
  });

  it('listens on loopback unless a token guards it elsewhere', () => {
    const base = { METRICS_PORT: '0' };
    expect(metricsPlan(parseConfig(base))).toEqual({ host: '127.0.0.1', port: 0, token: undefined });
    expect(() => metricsPlan(parseConfig({ ...base, METRICS_HOST: '0.0.0.0' }))).toThrow(/METRICS_TOKEN/);
    expect(metricsPlan(parseConfig({ ...base, METRICS_HOST: '0.0.0.0', METRICS_TOKEN }))).toMatchObject({ host: '0.0.0.0', token: METRICS_TOKEN });
    expect(metricsPlan(parseConfig({ ...base, METRICS_ENABLED: 'false' }))).toBeNull();
  });

  it('counts reads served by the node handler by operation and outcome', async () => {
    const before = (await scrape()).families;
    const ok = await graphql('query MetricsRead { stats { registrations } }');
    expect(ok.status).toBe(200);
    const failing = await graphql('query MetricsMissing { client(clientId: 1) { clientId } }', ADMIN, 'MetricsMissing');
    expect(failing.body.errors).toBeDefined();
    expect((await graphql('query Sneaky { stats { registrations } }', 'not-a-token')).status).toBe(401);
    expect(counts.fast).toBeGreaterThanOrEqual(3);
    const after = (await scrape()).families;
    expect(requests(after, 'MetricsRead', 'ok') - requests(before, 'MetricsRead', 'ok')).toBe(1);
    expect(requests(after, 'MetricsMissing', 'error') + requests(after, 'MetricsMissing', 'refused')).toBe(1);
    // An unauthenticated caller's operation name is not a label value.
    expect(requests(after, 'none', 'refused') - requests(before, 'none', 'refused')).toBe(1);
    expect(requests(after, 'Sneaky', 'refused')).toBe(0);
    expect(byLabel(after, 'oauth_admin_redis_up', '')).toEqual({ '': 1 });
  });

  it("counts requests through Yoga's own handler too", async () => {
    const before = (await scrape()).families;
    const response = await app.fetch('http://local/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ query: 'query MetricsFetch { stats { registrations } }' }),
    });
    expect(response.status).toBe(200);
    const after = (await scrape()).families;
    expect(requests(after, 'MetricsFetch', 'ok') - requests(before, 'MetricsFetch', 'ok')).toBe(1);
  });

  it('omits the store gauges while the indexes are not ready, then they equal `stats`', async () => {
    const cold = (await scrape()).families;
    expect(byLabel(cold, 'oauth_admin_index_ready', '')).toEqual({ '': 0 });
    expect(family(cold, 'oauth_admin_access_tokens')?.metrics ?? []).toEqual([]);
    await followIndexes(store);
    const { families } = await scrape();
    expect(byLabel(families, 'oauth_admin_index_ready', '')).toEqual({ '': 1 });
    const stats = (
      await graphql(
        'query { stats { registrations testRegistrations corruptRegistrations activeTokens expiredTokens corruptTokens refreshTokens expiredRefreshTokens orphanTokens staleIndexEntries leftoverStates leftoverCodes } }',
      )
    ).body.data?.stats as import('../../src/clients-tokens/stats.js').OAuthStats;
    expect(stats.activeTokens + stats.expiredTokens).toBeGreaterThan(0);
    expect(byLabel(families, 'oauth_admin_access_tokens', 'status')).toEqual({
      active: stats.activeTokens,
      expired: stats.expiredTokens,
      corrupt: stats.corruptTokens,
    });
    expect(byLabel(families, 'oauth_admin_refresh_tokens', 'status')).toEqual({
      valid: stats.refreshTokens - stats.expiredRefreshTokens,
      leftover: stats.expiredRefreshTokens,
    });
    expect(byLabel(families, 'oauth_admin_clients', 'status')).toEqual({
      regular: stats.registrations - stats.testRegistrations - stats.corruptRegistrations,
      test: stats.testRegistrations,
      corrupt: stats.corruptRegistrations,
    });
    expect(byLabel(families, 'oauth_admin_store_leftovers', 'kind')).toEqual({
      orphan_tokens: stats.orphanTokens,
      stale_index_entries: stats.staleIndexEntries,
      leftover_states: stats.leftoverStates,
      leftover_codes: stats.leftoverCodes,
    });
  });

  it('shows a job ending by kind and ending, with its duration', async () => {
    const data = (await graphql('mutation { reconcileIndexes(dryRun: true) { id } }')).body.data as { reconcileIndexes: { id: string } };
    expect((await store.services.jobs.wait(data.reconcileIndexes.id))?.status).toBe('SUCCEEDED');
    const { families } = await scrape();
    const ended = family(families, 'oauth_admin_jobs_total')?.metrics.find((m) => m.labels?.kind === 'RECONCILE_INDEXES' && m.labels?.ending === 'succeeded');
    expect(Number(ended?.value)).toBeGreaterThanOrEqual(1);
    expect(family(families, 'oauth_admin_job_duration_seconds')?.type).toBe('HISTOGRAM');
    const timed = family(families, 'oauth_admin_job_duration_seconds_count')?.metrics.find(
      (m) => m.labels?.kind === 'RECONCILE_INDEXES' && m.labels?.ending === 'succeeded',
    );
    expect(Number(timed?.value)).toBeGreaterThanOrEqual(1);
  });

  it('carries no secret: no token, client secret, refresh token, code or state', async () => {
    const { text } = await scrape();
    for (const secret of [...knownTestSecrets(), METRICS_TOKEN]) expect(text).not.toContain(secret);
  });
});

describe('the server with metrics', () => {
  let store: TestStore;
  let running: RunningServer;
  beforeAll(async () => {
    store = await openStore();
    running = await startServer(serverConfig(store, { METRICS_PORT: '0' }), createLogger({ level: 'silent' }));
  });
  afterAll(async () => {
    await running.shutdown('test');
    await store.close();
  });

  it('serves /metrics on a loopback listener of its own, counting what the API port answers', async () => {
    expect(running.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(running.metricsUrl).not.toBe(running.url.replace(/\/graphql$/, '/metrics'));
    expect((await fetch(running.url.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
    const read = await fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ query: 'query ServerRead { stats { registrations } }' }),
    });
    expect(read.status).toBe(200);
    const text = await (await fetch(running.metricsUrl as string)).text();
    expect(requests(parse(text), 'ServerRead', 'ok')).toBe(1);
  });
});
