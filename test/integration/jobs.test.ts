import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sseResults } from '../../src/cli/sse.js';
import { graphql } from '../../src/generated/index.js';
import { collectKeys, inBatches } from '../../src/redis/batch.js';
import { accessTokenValue } from '../../src/redis/gateway-format.js';
import { ADMIN, type TestStore, openStore } from '../helpers/store.js';
import { execute, expectData } from '../helpers/execute.js';

const Purge = graphql(`
  mutation StartPurge($dryRun: Boolean!) {
    purgeExpired(dryRun: $dryRun) { id status }
  }
`);

const Cancel = graphql(`
  mutation CancelJob($id: ID!) {
    cancelJob(id: $id) { id status }
  }
`);

const Jobs = graphql(`
  query RecentJobs {
    jobs(first: 10) { totalCount edges { node { id kind status dryRun } } }
  }
`);

const FOLLOW = `subscription Follow($id: ID!) {
  jobProgress(id: $id) { id status progress { phase scanned matched deleted } counts { accessTokens } }
}`;

interface Event {
  id: string;
  status: string;
  progress: { phase: string; scanned: number; matched: number; deleted: number };
  counts: { accessTokens: number };
}

/** Subscribes over SSE (GraphQL over Server-Sent Events, Yoga's default) and collects every event until the stream ends. */
async function followOverSse(store: TestStore, id: string): Promise<Event[]> {
  const response = await store.app.fetch('http://oauth-admin.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query: FOLLOW, variables: { id } }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const events: Event[] = [];
  const results = sseResults(response.body as unknown as AsyncIterable<Uint8Array>);
  let next = await results.next();
  for (; !next.done; next = await results.next()) {
    expect(next.value.errors).toBeUndefined();
    if (next.value.data) events.push((next.value.data as unknown as { jobProgress: Event }).jobProgress);
  }
  expect(next.value, 'the stream ends with event: complete').toBe(true);
  return events;
}

/** Many expired tokens, written in pipelines (the purge then has many batches to go through). */
async function seedExpired(store: TestStore, count: number): Promise<void> {
  const now = Math.floor(Date.now() / 1000);
  const keys = Array.from({ length: count }, (_, i) => store.keys.token(`jti${i}`));
  // Batched the way the service batches, so a cluster gets one slot per pipeline.
  await inBatches(store.redis, keys, async (group, positions) => {
    const pipeline = store.redis.pipeline();
    positions.forEach((i, j) =>
      pipeline.set(group[j] as string, accessTokenValue({ username: `u${i % 50}`, clientId: 'client_x', createdAt: now - 100, expiresAt: now - 10 })),
    );
    await pipeline.exec();
    return group;
  });
}

describe('jobs', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openStore();
  });
  afterEach(() => store.close());

  it('streams progress over SSE to the terminal state, and a late subscriber gets the final state at once', async () => {
    await seedExpired(store, 5000);
    const job = expectData(await execute(store, Purge, { dryRun: false })).purgeExpired;
    const events = await followOverSse(store, job.id);
    expect(events.length).toBeGreaterThanOrEqual(1);
    const last = events[events.length - 1];
    expect(last).toMatchObject({ id: job.id, status: 'SUCCEEDED', counts: { accessTokens: 5000 } });
    expect(events.slice(0, -1).every((e) => e.status === 'RUNNING')).toBe(true);
    const scanned = events.map((e) => e.progress.scanned);
    expect([...scanned].sort((a, b) => a - b)).toEqual(scanned);

    const late = await followOverSse(store, job.id);
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ status: 'SUCCEEDED', counts: { accessTokens: 5000 } });
  });

  it('cancels a running job at a safe point; what it did stays done', async () => {
    await seedExpired(store, 30_000);
    const job = expectData(await execute(store, Purge, { dryRun: false })).purgeExpired;
    const cancelled = expectData(await execute(store, Cancel, { id: job.id })).cancelJob;
    expect(cancelled.id).toBe(job.id);
    const final = await store.services.jobs.wait(job.id);
    expect(final?.status).toBe('CANCELLED');
    const left = (await collectKeys(store.redis, `${store.keys.prefixes.oauth}token:*`)).length;
    expect(left).toBeGreaterThan(0);
    expect(left + (final?.counts.accessTokens ?? 0)).toBe(30_000);
  });

  it('runs one purge at a time: a second one is refused while the first runs', async () => {
    await seedExpired(store, 20_000);
    const first = expectData(await execute(store, Purge, { dryRun: true })).purgeExpired;
    const second = await execute(store, Purge, { dryRun: false });
    expect(second.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(second.body.errors?.[0]?.message).toContain(first.id);
    expect((await store.services.jobs.wait(first.id))?.status).toBe('SUCCEEDED');
    const third = expectData(await execute(store, Purge, { dryRun: true })).purgeExpired;
    await store.services.jobs.wait(third.id);
    const jobs = expectData(await execute(store, Jobs)).jobs;
    expect(jobs.edges.map((e) => e.node.id)).toEqual([third.id, first.id]);
  });

  it('reports a job whose process died as FAILED', async () => {
    const now = Date.now();
    const orphan = {
      id: 'dead-job',
      kind: 'PURGE_EXPIRED',
      status: 'RUNNING',
      dryRun: false,
      actor: 'x',
      progress: { phase: 'access tokens', scanned: 1, total: null, matched: 0, deleted: 0 },
      counts: {},
      categories: [],
      backupName: null,
      error: null,
      createdAt: now - 600_000,
      startedAt: now - 600_000,
      finishedAt: null,
      heartbeatAt: now - 600_000,
    };
    await store.redis.set(store.keys.admin('job', 'dead-job'), JSON.stringify(orphan));
    const state = await store.services.jobs.get('dead-job');
    expect(state).toMatchObject({ status: 'FAILED', error: expect.stringContaining('stopped') });
  });
});
