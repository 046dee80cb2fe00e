import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedGatewayData } from '../../bench/lib.js';
import { runCli } from '../../src/cli/main.js';
import { graphql } from '../../src/generated/index.js';
import type { ListingClientCountsQuery, ListingTokenPageQuery } from '../../src/generated/graphql.js';
import { countCommands } from '../../src/redis/connection.js';
import { execute, expectData } from '../helpers/execute.js';
import { noTerminal, storeEnv } from '../helpers/cli.js';
import { type TestStore, followIndexes, openStore } from '../helpers/store.js';

const TokenPage = graphql(`
  query ListingTokenPage($first: Int, $after: String) {
    tokens(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { jti status } } }
  }
`);

const TokensBefore = graphql(`
  query ListingTokensBefore($last: Int, $before: String) {
    tokens(last: $last, before: $before) { edges { node { jti } } }
  }
`);

const ClientCounts = graphql(`
  query ListingClientCounts($after: String) {
    clients(first: 500, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { clientId active: tokens(status: ACTIVE) { totalCount } all: tokens { totalCount } } }
    }
  }
`);

const TOKENS = 20_000;
const onCluster = inject('redisUrl').startsWith('redis+cluster://');

/** Reads every page of the token listing; the Redis commands each page sent, and every jti seen. */
async function readAllPages(store: TestStore, counter: ReturnType<typeof countCommands>, first: number): Promise<{ perPage: number[]; jtis: string[] }> {
  const perPage: number[] = [];
  const jtis: string[] = [];
  let after: string | null = null;
  for (;;) {
    counter.reset();
    const page: ListingTokenPageQuery['tokens'] = expectData(await execute(store, TokenPage, { first, after })).tokens;
    perPage.push(counter.count);
    jtis.push(...page.edges.map((e) => e.node.jti));
    if (!page.pageInfo.hasNextPage) return { perPage, jtis };
    after = page.pageInfo.endCursor ?? null;
  }
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

// Commands are counted on one connection: a cluster client spreads them over several.
describe.skipIf(onCluster)('listings page in one pass over the store (20k tokens)', () => {
  let store: TestStore;
  let jtis: string[];
  beforeAll(async () => {
    store = await openStore();
    const seeded = await seedGatewayData(store.redis, store.keys, { tokens: TOKENS, seed: 7 });
    jtis = seeded.jtis;
  }, 120_000);
  afterAll(() => store.close());

  it('without indexes: the first page scans once, every later page reads only its own records; the Redis commands grow with the pages, not pages x store', async () => {
    const counter = countCommands(store.redis as Redis);
    const big = await readAllPages(store, counter, 500);
    const small = await readAllPages(store, counter, 100);
    // Every token exactly once, in both page sizes.
    expect(big.jtis.length).toBe(TOKENS);
    expect(new Set(big.jtis)).toEqual(new Set(jtis));
    expect(small.jtis).toEqual(big.jtis);
    expect(big.perPage.length).toBe(TOKENS / 500 + (TOKENS % 500 ? 1 : 0));
    expect(small.perPage.length).toBe(5 * big.perPage.length);
    // The first page pays for the one scan (the store holds ~28k keys: dozens of SCANs); a later
    // page sends a few commands, the same whatever its position, so the whole listing costs the
    // scan plus a constant per page.
    console.log(`commands per page, 500 a page: ${big.perPage.join(' ')}; 100 a page: first ${small.perPage[0]}, then ${small.perPage.slice(1).join(' ')}`);
    const [firstBig = 0, ...restBig] = big.perPage;
    const [firstSmall = 0, ...restSmall] = small.perPage;
    const perLaterPage = Math.max(...restBig, ...restSmall);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    // Both first pages scan. The Redis is shared with the other test files, which write and delete
    // keys meanwhile, so a scan's length varies from run to run: compare within a factor, not a count.
    expect(firstBig).toBeGreaterThan(20);
    expect(firstSmall).toBeGreaterThan(20);
    expect(firstSmall).toBeLessThan(2 * firstBig);
    expect(firstBig).toBeLessThan(2 * firstSmall);
    // A later page: 2 commands as a rule (MGET, the freshness check); the index gate's periodic
    // liveness probe adds a few now and then. A page that read the store again would cost about the
    // first page's scan: no later page comes near half of it.
    expect(median(restBig)).toBeLessThanOrEqual(3);
    expect(median(restSmall)).toBeLessThanOrEqual(3);
    expect(perLaterPage).toBeLessThan(Math.min(firstBig, firstSmall) / 2);
    // The old way read the whole kind for every page: every page would have cost the first's.
    expect(sum(small.perPage)).toBeLessThan(2 * firstSmall + 4 * small.perPage.length);
  }, 120_000);

  it('a backward page lists the same tokens as the forward pages before its cursor', async () => {
    const forward = await readAllPages(store, countCommands(store.redis as Redis), 500);
    const first = expectData(await execute(store, TokenPage, { first: 30, after: null })).tokens;
    const back = expectData(await execute(store, TokensBefore, { last: 10, before: first.pageInfo.endCursor ?? null })).tokens;
    expect(back.edges.map((e) => e.node.jti)).toEqual(forward.jtis.slice(19, 29));
  }, 120_000);

  it('with indexes: pages come from the meta buckets, each costing its own buckets and records, in the same order', async () => {
    const unindexed = await readAllPages(store, countCommands(store.redis as Redis), 500);
    await followIndexes(store);
    const counter = countCommands(store.redis as Redis);
    const big = await readAllPages(store, counter, 500);
    const small = await readAllPages(store, counter, 100);
    expect(big.jtis).toEqual(unindexed.jtis);
    expect(small.jtis).toEqual(big.jtis);
    // No page scans the store: a page reads its buckets (pipelined HKEYS, ~16384 x pages/total of
    // them) and its records; five times the pages, about the same total of bucket reads.
    expect(Math.max(...big.perPage)).toBeLessThan(3000);
    expect(sum(small.perPage)).toBeLessThan(3 * sum(big.perPage));
  }, 120_000);

  it('with indexes, per-client counts come from the sorted sets and equal the records', async () => {
    await followIndexes(store);
    const rows: { clientId: string; active: number; all: number }[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ListingClientCountsQuery['clients'] = expectData(await execute(store, ClientCounts, { after })).clients;
      rows.push(...page.edges.map((e) => ({ clientId: e.node.clientId, active: e.node.active.totalCount, all: e.node.all.totalCount })));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor ?? null;
    }
    const now = store.clock.now;
    const tokens = await store.services.newView().tokens();
    const expected = new Map<string, { active: number; all: number }>();
    for (const t of tokens) {
      const id = t.record?.clientId;
      if (!id) continue;
      const e = expected.get(id) ?? { active: 0, all: 0 };
      e.all++;
      if (t.record?.expiresAt != null && t.record.expiresAt * 1000 > now) e.active++;
      expected.set(id, e);
    }
    for (const row of rows)
      expect({ clientId: row.clientId, active: row.active, all: row.all }).toEqual({
        clientId: row.clientId,
        ...(expected.get(row.clientId) ?? { active: 0, all: 0 }),
      });
    expect(rows.filter((r) => r.all > 0).length).toBe(expected.size);
    // The registrations listed from the indexes are exactly the client keys in Redis.
    expect(rows.map((r) => r.clientId)).toEqual((await store.services.repos.clients.ids()).sort());
  }, 120_000);

  it('the CLI prints a listing page by page, and its --json is what JSON.stringify makes of the whole list', async () => {
    const env = storeEnv(store);
    const chunks: string[] = [];
    const code = await runCli(['list-tokens', '--json'], { env, io: { out: (s) => chunks.push(s), err: () => {} }, terminal: noTerminal });
    expect(code).toBe(0);
    // Written a page (2000 tokens) at a time, not in one piece at the end.
    expect(chunks.length).toBeGreaterThanOrEqual(TOKENS / 2000);
    const text = chunks.join('\n');
    const listed = JSON.parse(text) as { jti: string }[];
    expect(listed.length).toBe(TOKENS);
    expect(text).toBe(JSON.stringify(listed, null, 2));
    const table: string[] = [];
    expect(await runCli(['list-tokens'], { env, io: { out: (s) => table.push(s), err: () => {} }, terminal: noTerminal })).toBe(0);
    expect(table.length).toBeGreaterThanOrEqual(TOKENS / 2000);
    expect(table.join('\n')).toContain(`Total tokens: ${TOKENS}`);
  }, 120_000);
});
