import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { graphql } from '../../src/generated/index.js';
import { MAX_PAGE_SIZE } from '../../src/schema/pagination.js';
import { DEFAULT_QUERY_LIMITS, queryCost } from '../../src/plugins/limits.js';
import { exposurePlan } from '../../src/server.js';
import { parse } from 'graphql';
import { execute, expectData } from '../helpers/execute.js';
import { seedScenario } from '../helpers/scenario.js';
import { ADMIN, type TestStore, openStore } from '../helpers/store.js';

const ClientsPage = graphql(`
  query HardeningClientsPage($first: Int, $after: String) {
    clients(first: $first, after: $after) { totalCount edges { cursor node { clientId } } }
  }
`);

const TokensPage = graphql(`
  query HardeningTokensPage($last: Int) {
    tokens(last: $last) { totalCount edges { node { jti } } }
  }
`);

interface Body {
  data?: unknown;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

async function post(app: App, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: Body; text: string }> {
  const response = await app.fetch('http://oauth-admin.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${ADMIN}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Body = {};
  try {
    parsed = JSON.parse(text) as Body;
  } catch {
    // not JSON (e.g. a 413 from the body limit)
  }
  return { status: response.status, body: parsed, text };
}

function expectRefused(result: { status: number; body: Body }, pattern: RegExp, code = 'QUERY_TOO_COMPLEX'): void {
  expect(result.status, JSON.stringify(result.body)).toBe(400);
  expect(result.body.data ?? null).toBeNull();
  const error = result.body.errors?.[0];
  expect(error?.extensions?.code, JSON.stringify(result.body)).toBe(code);
  expect(error?.message).toMatch(pattern);
}

describe('hostile input', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore();
    await seedScenario(store);
  });
  afterAll(() => store.close());

  describe('GraphQL limits, each refused with a code and the setting that governs it', () => {
    it('depth', async () => {
      let selection = 'jti';
      for (let i = 0; i < 6; i++) selection = `client { tokens(first: 1) { edges { node { ${selection} } } } }`;
      const result = await post(store.app, { query: `{ tokens(first: 1) { edges { node { ${selection} } } } }` });
      expectRefused(result, /^query refused: Query depth limit of 15 exceeded, found \d+ \(GRAPHQL_MAX_DEPTH\)$/);
    });

    it('aliases', async () => {
      const aliases = Array.from({ length: DEFAULT_QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: stats { registrations }`).join(' ');
      expectRefused(await post(store.app, { query: `{ ${aliases} }` }), /Aliases limit of 30 exceeded, found 31 \(GRAPHQL_MAX_ALIASES\)/);
      const fine = Array.from({ length: 5 }, (_, i) => `a${i}: stats { registrations }`).join(' ');
      expect((await post(store.app, { query: `{ ${fine} }` })).status).toBe(200);
    });

    it('directives', async () => {
      const many = Array.from({ length: DEFAULT_QUERY_LIMITS.maxDirectives + 1 }, () => '@include(if: true)').join(' ');
      expectRefused(await post(store.app, { query: `{ __typename ${many} }` }), /Directives limit of 20 exceeded, found 21 \(GRAPHQL_MAX_DIRECTIVES\)/);
    });

    it('tokens, before validation', async () => {
      const query = `{ ${Array.from({ length: 2100 }, () => '__typename').join(' ')} }`;
      expectRefused(await post(store.app, { query }), /^query refused: more than 2000 tokens \(GRAPHQL_MAX_TOKENS\)$/);
    });

    it('cost: list pages multiply through nesting, from literals and from variables', async () => {
      const nested = 'clients(first: $n) { edges { node { tokens(first: $n) { edges { node { jti client { clientId } } } } } } }';
      const heavy = await post(store.app, { query: `query Heavy($n: Int) { ${nested} }`, variables: { n: 500 } });
      expectRefused(heavy, /may resolve up to \d+ fields .* over the limit of 100000 \(GRAPHQL_MAX_COST\); ask for smaller pages/);
      expect(heavy.body.errors?.[0]?.extensions).toMatchObject({ maxCost: 100_000 });
      expectRefused(await post(store.app, { query: `{ ${nested.replaceAll('$n', '500')} }` }), /GRAPHQL_MAX_COST/);
      // The same document with small pages runs: the cost is computed with the variables.
      const light = await post(store.app, { query: `query Heavy($n: Int) { ${nested} }`, variables: { n: 10 } });
      expect(light.status).toBe(200);
      expect(light.body.errors).toBeUndefined();
      // A cost kept with its document never stands in for one its variables change; a literal one holds on every use.
      expectRefused(await post(store.app, { query: `query Heavy($n: Int) { ${nested} }`, variables: { n: 500 } }), /GRAPHQL_MAX_COST/);
      expectRefused(await post(store.app, { query: `{ ${nested.replaceAll('$n', '500')} }` }), /GRAPHQL_MAX_COST/);
      // Connections without first/last count as their default page (50).
      expect(queryCost(parse('{ clients { edges { node { clientId } } } }'))).toBe(1 + 50 + 50 + 50);
      expect(queryCost(parse('query Q($n: Int) { clients(first: $n) { totalCount } }'), 'Q', { n: 500 })).toBe(2);
    });

    it('request body size: 413 before anything is parsed', async () => {
      const result = await post(store.app, { query: '{ __typename }', variables: { padding: 'x'.repeat(200_000) } });
      expect(result.status).toBe(413);
    });

    it('page size stays capped at 2000; negative sizes and garbage cursors are refused clearly', async () => {
      expect(MAX_PAGE_SIZE).toBe(2000);
      expect(expectData(await execute(store, ClientsPage, { first: 2000 })).clients.totalCount).toBeGreaterThan(0);
      const over = await execute(store, ClientsPage, { first: 2001 });
      expect(over.body.errors?.[0]).toMatchObject({ message: 'first must be at most 2000', extensions: { code: 'BAD_USER_INPUT' } });
      const negative = await execute(store, TokensPage, { last: -1 });
      expect(negative.body.errors?.[0]).toMatchObject({ message: 'last must be a non-negative integer', extensions: { code: 'BAD_USER_INPUT' } });
      for (const after of ['!!!', 'bm90IGEgY3Vyc29y', '', "' OR 1=1 --", 'k:'.repeat(1000)]) {
        const garbage = await execute(store, ClientsPage, { first: 5, after });
        expect(garbage.body.errors?.[0]?.extensions?.code, after).toBe('BAD_USER_INPUT');
        expect(garbage.body.errors?.[0]?.message).toMatch(/^invalid cursor/);
      }
    });
  });

  describe('introspection and GraphiQL', () => {
    it('are off under NODE_ENV=production unless GRAPHQL_INTROSPECTION=true (GRAPHIQL follows unless set)', () => {
      expect(exposurePlan(parseConfig({ NODE_ENV: 'production', ADMIN_TOKEN: ADMIN }))).toEqual({ introspection: false, graphiql: false });
      expect(exposurePlan(parseConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }))).toEqual({ introspection: true, graphiql: true });
      expect(exposurePlan(parseConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true', GRAPHIQL: 'false' }))).toEqual({
        introspection: true,
        graphiql: false,
      });
      expect(exposurePlan(parseConfig({ NODE_ENV: 'development' }))).toEqual({ introspection: true, graphiql: true });
      expect(exposurePlan(parseConfig({ GRAPHQL_INTROSPECTION: 'no' }))).toEqual({ introspection: false, graphiql: false });
      expect(() => parseConfig({ GRAPHQL_INTROSPECTION: 'maybe' })).toThrow(/GRAPHQL_INTROSPECTION/);
    });

    it('when off: __schema and __type are refused, suggestions are withheld, GraphiQL is not served', async () => {
      const app = createApp({ services: store.services, auth: { adminToken: ADMIN, anonymousAdmin: false }, limits: { introspection: false } });
      expectRefused(
        await post(app, { query: '{ __schema { types { name } } }' }),
        /introspection is disabled .* GRAPHQL_INTROSPECTION=true/,
        'INTROSPECTION_DISABLED',
      );
      expectRefused(await post(app, { query: '{ __type(name: "Query") { name } }' }), /introspection is disabled/, 'INTROSPECTION_DISABLED');
      expect((await post(app, { query: '{ __typename }' })).body).toEqual({ data: { __typename: 'Query' } });
      const typo = await post(app, { query: '{ clientz { totalCount } }' });
      expect(typo.status).toBe(400);
      expect(typo.body.errors?.[0]?.message).toBe('Cannot query field "clientz" on type "Query".');
      const page = await app.fetch('http://oauth-admin.test/graphql', { headers: { accept: 'text/html' } });
      expect(await page.text()).not.toContain('<html');
      // With introspection on (development, tests), both work as before.
      expect((await post(store.app, { query: '{ __schema { queryType { name } } }' })).body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
      expect((await post(store.app, { query: '{ clientz { totalCount } }' })).body.errors?.[0]?.message).toMatch(/Did you mean "client" or "clients"\?/);
    });
  });

  describe('CSRF prevention', () => {
    it('refuses requests a browser can send cross-site without a preflight; JSON clients pass', async () => {
      const form = await store.app.fetch('http://oauth-admin.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${ADMIN}` },
        body: 'query=%7B__typename%7D',
      });
      expect(form.status).toBe(403);
      expect(await form.text()).toContain('Required CSRF header(s) not present');
      const plain = await post(store.app, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
      expect(plain.status).toBe(403);
      const get = await store.app.fetch('http://oauth-admin.test/graphql?query=%7B__typename%7D', { headers: { authorization: `Bearer ${ADMIN}` } });
      expect(get.status).toBe(403);
      const withHeader = await store.app.fetch('http://oauth-admin.test/graphql?query=%7B__typename%7D', {
        headers: { authorization: `Bearer ${ADMIN}`, 'x-graphql-yoga-csrf': '1', accept: 'application/json' },
      });
      expect(withHeader.status).toBe(200);
      expect((await post(store.app, { query: '{ __typename }' })).status).toBe(200);
    });

    it('sends no CORS headers: no other origin may call', async () => {
      const response = await store.app.fetch('http://oauth-admin.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://evil.example', authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify({ query: '{ __typename }' }),
      });
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
