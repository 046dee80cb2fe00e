import { type RequestListener, type Server, createServer } from 'node:http';
import { connect } from 'node:net';
import { Kind, type OperationDefinitionNode, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { type NodeHandler, createNodeHandler } from '../../src/http/fast-path.js';
import { DocumentCache } from '../../src/plugins/document-cache.js';
import * as documents from '../../src/generated/graphql.js';
import { createLogger } from '../../src/logger.js';
import { seedScenario } from '../helpers/scenario.js';
import { until } from '../helpers/wait.js';
import { ADMIN, type TestStore, VIEWER, loadSampleRecords, openStore, readSampleBackup } from '../helpers/store.js';

/**
 * The fast transport in front of Yoga (src/http/fast-path.ts) against Yoga's own node handler,
 * over real sockets: every answer must be byte for byte Yoga's (status line, headers but Date,
 * body), whichever of the two transports carried it; the counts say which one did. Both drive
 * the app's one plugin chain, so refusals, limits and masking are the same by construction.
 */

interface Raw {
  /** Status line and headers, Date removed, in wire order. */
  head: string;
  body: string;
  status: number;
}

/** One HTTP/1.1 request over a fresh socket, exactly as written; the answer as bytes. */
function rawRequest(port: number, method: string, path: string, headers: Record<string, string>, body = ''): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const lines = [`${method} ${path} HTTP/1.1`, 'Host: oauth-admin.test', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    if (body || method === 'POST') lines.push(`Content-Length: ${Buffer.byteLength(body)}`);
    const socket = connect(port, '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n${body}`));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const head = text
        .slice(0, split)
        .split('\r\n')
        .filter((l) => !/^date:/i.test(l))
        .join('\n');
      resolve({ head, body: text.slice(split + 4), status: Number(head.split(' ')[1]) });
    });
  });
}

/** The first bytes of the answer to a POST /graphql (the socket is closed after them). */
function firstBytes(port: number, headers: Record<string, string>, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const head = [
      'POST /graphql HTTP/1.1',
      'Host: oauth-admin.test',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      `Content-Length: ${Buffer.byteLength(body)}`,
    ];
    const socket = connect(port, '127.0.0.1', () => socket.write(`${head.join('\r\n')}\r\n\r\n${body}`));
    socket.once('data', (chunk: Buffer) => {
      resolve(chunk.toString('utf8'));
      socket.destroy();
    });
    socket.on('error', reject);
  });
}

async function listen(listener: RequestListener): Promise<{ server: Server; port: number }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
}

/** Yoga's node handler and the fast transport over the same app, side by side. */
interface Pair {
  app: App;
  handler: NodeHandler;
  yoga: { server: Server; port: number };
  fast: { server: Server; port: number };
  close(): Promise<void>;
}

async function pair(app: App): Promise<Pair> {
  const handler = createNodeHandler(app);
  const yoga = await listen(app as unknown as RequestListener);
  const fast = await listen(handler);
  return {
    app,
    handler,
    yoga,
    fast,
    async close() {
      for (const s of [yoga.server, fast.server]) await new Promise((r) => s.close(r));
    },
  };
}

const json = { 'Content-Type': 'application/json' };
const asAdmin = { ...json, Authorization: `Bearer ${ADMIN}` };
const asViewer = { ...json, Authorization: `Bearer ${VIEWER}` };

/**
 * Sends the same request to both servers; expects identical answers and the fast transport to
 * have carried it (`fast`), handed it to Yoga's handler after reading a body that is not GraphQL
 * parameters (`handedOn`), or not taken it at all (`untouched`).
 */
async function same(
  p: Pair,
  path: 'fast' | 'handedOn' | 'untouched',
  headers: Record<string, string>,
  body: unknown,
  method = 'POST',
  url = '/graphql',
): Promise<Raw> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const before = { ...p.handler.counts };
  const viaFast = await rawRequest(p.fast.port, method, url, headers, text);
  const viaYoga = await rawRequest(p.yoga.port, method, url, headers, text);
  expect(viaFast.head, text.slice(0, 200)).toBe(viaYoga.head);
  expect(viaFast.body, text.slice(0, 200)).toBe(viaYoga.body);
  const taken = { fast: p.handler.counts.fast - before.fast, handedOn: p.handler.counts.handedOn - before.handedOn };
  expect(taken, `${text.slice(0, 200)} → ${viaFast.status} ${viaFast.body.slice(0, 300)}`).toEqual({
    fast: path === 'fast' ? 1 : 0,
    handedOn: path === 'handedOn' ? 1 : 0,
  });
  return viaFast;
}

const RELATIONS = 'query R($jti: String!) { token(jti: $jti) { client { clientName } user { username } } }';

// Every check runs with graphql-js `execute` alone and with graphql-jit from the first use.
describe.each([
  { executor: 'graphql-js', jitAfter: null },
  { executor: 'graphql-jit', jitAfter: 1 },
])('the fast transport in front of Yoga ($executor)', ({ jitAfter }) => {
  let store: TestStore;
  let p: Pair;
  let jti: string;
  const lines: Record<string, unknown>[] = [];
  const jit = { jit: 0 };

  beforeAll(async () => {
    store = await openStore();
    await loadSampleRecords(store);
    await seedScenario(store);
    jti = Object.keys(readSampleBackup().tokens ?? {})[0] as string;
    const logger = createLogger({ level: 'debug', sink: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    p = await pair(
      createApp({
        services: store.services,
        auth: { adminToken: ADMIN, viewerToken: VIEWER, anonymousAdmin: false },
        logger,
        jit: { after: jitAfter, counts: jit },
      }),
    );
  });
  afterAll(async () => {
    await p.close();
    await store.close();
  });

  it('answers successful queries exactly as Yoga does, for every Accept it takes', async () => {
    const body = { query: RELATIONS, variables: { jti } };
    const ok = await same(p, 'fast', asAdmin, body);
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('"clientName"');
    for (const accept of ['*/*', 'application/json', 'application/graphql-response+json']) await same(p, 'fast', { ...asAdmin, Accept: accept }, body);
    await same(p, 'fast', { ...asAdmin, 'Content-Type': 'application/json; charset=utf-8' }, body);
    await same(p, 'fast', asAdmin, {
      query: '{ stats { registrations activeTokens } clients(first: 3) { totalCount edges { cursor node { clientId clientName } } } }',
    });
    await same(p, 'fast', asAdmin, { query: `query A { __typename } query B { stats { registrations } }`, operationName: 'B', variables: null });
    await same(p, 'fast', asAdmin, { query: '{ token(jti: "no-such-token") { jti } }' });
  });

  it('answers every query the CLI and the tests use exactly as Yoga does, as admin and as viewer', async () => {
    const sample = readSampleBackup();
    const variables = {
      jti,
      clientId: Object.keys(sample.registrations ?? {})[0],
      username: 'alice',
      first: 3,
      last: 2,
      status: 'ACTIVE',
    };
    const queries = Object.entries(documents)
      .filter(([name]) => name.endsWith('Document'))
      .map(([, doc]) => doc as unknown as { definitions: readonly { kind: string }[] })
      .filter((doc) => doc.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && (d as OperationDefinitionNode).operation === 'query'));
    expect(queries.length).toBeGreaterThan(20);
    let fast = 0;
    for (const doc of queries) {
      for (const headers of [asAdmin, asViewer]) {
        const body = JSON.stringify({ query: print(doc as never), variables });
        const before = p.handler.counts.fast;
        const viaFast = await rawRequest(p.fast.port, 'POST', '/graphql', headers, body);
        const viaYoga = await rawRequest(p.yoga.port, 'POST', '/graphql', headers, body);
        expect(viaFast.head, body.slice(0, 200)).toBe(viaYoga.head);
        // keyExpiresAt is the store's (frozen) clock plus the key's PTTL, which Redis counts down
        // between the two requests: the one value that may differ (in milliseconds, same length).
        const settled = (text: string) => text.replace(/"keyExpiresAt":"[^"]+"/g, '"keyExpiresAt":"…"');
        expect(settled(viaFast.body), body.slice(0, 200)).toBe(settled(viaYoga.body));
        fast += p.handler.counts.fast - before;
      }
    }
    // Every one was carried by the fast transport, errors or not.
    expect(fast).toBe(queries.length * 2);
    // And graphql-jit did run them when asked to (a document it cannot compile runs with graphql-js).
    if (jitAfter !== null) expect(jit.jit).toBeGreaterThan(queries.length);
    else expect(jit.jit).toBe(0);
  });

  it('gives the viewer nulls for secrets on the fast transport too, as Yoga does', async () => {
    const query =
      '{ clients(first: 50) { edges { node { clientId clientSecret registrationAccessToken } } } refreshTokens(first: 50) { edges { node { token } } } }';
    const viewer = await same(p, 'fast', asViewer, { query });
    const admin = await same(p, 'fast', asAdmin, { query });
    const secrets = (JSON.parse(admin.body) as { data: { clients: { edges: { node: { clientSecret: string | null } }[] } } }).data.clients.edges
      .map((e) => e.node.clientSecret)
      .filter((s): s is string => typeof s === 'string');
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(viewer.body).not.toContain(secret);
    expect(viewer.body).toContain('"clientSecret":null');
  });

  it('answers results with errors once, masked and coded by the chain as Yoga does', async () => {
    const garbage = await same(p, 'fast', asAdmin, { query: '{ clients(first: 5, after: "not-a-cursor!") { totalCount } }' });
    expect(garbage.body).toContain('BAD_USER_INPUT');
    await same(p, 'fast', asAdmin, { query: '{ clients(first: 2001) { totalCount } }' });
    await same(p, 'fast', asAdmin, { query: RELATIONS, variables: {} });
    await same(p, 'fast', asAdmin, { query: RELATIONS, variables: { jti: 42 } });
  });

  it('refuses with 401 and audits once per request, on either transport', async () => {
    // Refused access has its own stream, repeats aggregated (an entry's `attempts` counts them): issue 14, item 7.
    const audited = async () =>
      (await store.redis.xrange(store.keys.admin('audit', 'refusals'), '-', '+'))
        .filter(([, fields]) => fields.includes('authenticate'))
        .reduce((n, [, fields]) => n + (fields.includes('attempts') ? Number(fields[fields.indexOf('attempts') + 1]) : 1), 0);
    store.services.audit.flushRefusals();
    const before = await audited();
    for (const headers of [json, { ...json, Authorization: 'Bearer wrong-token-0123456789' }, { ...json, Authorization: `Basic ${ADMIN}` }]) {
      const refused = await same(p, 'fast', headers, { query: RELATIONS, variables: { jti } });
      expect(refused.status).toBe(401);
      expect(refused.head.toLowerCase()).toContain('www-authenticate: bearer realm="oauth-admin"');
    }
    // One audited refusal per refused request, whichever transport carried it.
    store.services.audit.flushRefusals();
    await until('the aggregated refusals', async () => (await audited()) - before === 6);
  });

  it('answers invalid documents through the chain, and hands bodies that are not GraphQL parameters to Yoga', async () => {
    await same(p, 'fast', asAdmin, { query: '{ stats { registrations ' });
    await same(p, 'fast', asAdmin, { query: '{ stats { registratoins } }' });
    await same(p, 'fast', asAdmin, { query: '{ nope }' });
    await same(p, 'fast', asAdmin, { query: RELATIONS, operationName: 'Other', variables: { jti } });
    await same(p, 'handedOn', asAdmin, { query: 42 });
    await same(p, 'handedOn', asAdmin, { query: RELATIONS, variables: [jti] });
    await same(p, 'handedOn', asAdmin, { query: RELATIONS, variables: { jti }, extensions: { x: 1 } });
    await same(p, 'handedOn', asAdmin, { query: RELATIONS, variables: { jti }, unexpected: 1 });
    await same(p, 'handedOn', asAdmin, [{ query: RELATIONS, variables: { jti } }]);
    await same(p, 'handedOn', asAdmin, '{"query": "{ stats { registrations } }"');
    await same(p, 'handedOn', asAdmin, 'null');
  });

  it('refuses queries over the depth, alias, token and cost limits, on either transport', async () => {
    const deep = `{ clients(first: 1) { edges { node { tokens(first: 1) { edges { node { client { tokens(first: 1) { edges { node { client { tokens(first: 1) { edges { node { client { clientId } } } } } } } } } } } } } } } }`;
    const refused = await same(p, 'fast', asAdmin, { query: deep });
    expect(refused.body).toContain('QUERY_TOO_COMPLEX');
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: stats { registrations }`).join(' ')} }`;
    expect((await same(p, 'fast', asAdmin, { query: aliases })).body).toContain('GRAPHQL_MAX_ALIASES');
    expect((await same(p, 'fast', asAdmin, { query: `{ ${'__typename '.repeat(2100)} }` })).body).toContain('GRAPHQL_MAX_TOKENS');
    const costly = '{ clients(first: 500) { edges { node { tokens(first: 500) { edges { node { jti } } } } } } }';
    expect((await same(p, 'fast', asAdmin, { query: costly })).body).toContain('GRAPHQL_MAX_COST');
  });

  it('carries mutations (run once) and answers a subscription asked for as JSON as Yoga does', async () => {
    // A plan (no confirmation token): nothing is deleted, so both servers may run it.
    const plan = await same(p, 'fast', asAdmin, { query: 'mutation { deleteAllTokens { executed } }' });
    expect(plan.status).toBe(200);
    expect(plan.body).toContain('"executed":false');
    await same(p, 'fast', asAdmin, { query: 'query Q { __typename } mutation M { deleteAllTokens { executed } }', operationName: 'M' });
    await same(p, 'fast', asAdmin, { query: 'subscription { __typename }' });
    // A subscription with any media type accepted: Yoga's event stream, carried as it is made
    // (its first bytes compared: the stream stays open a while).
    const before = { ...p.handler.counts };
    const subscription = JSON.stringify({ query: 'subscription S($id: ID!) { jobProgress(id: $id) { actor } }', variables: { id: 'no-such-job' } });
    const viaFast = await firstBytes(p.fast.port, asAdmin, subscription);
    const viaYoga = await firstBytes(p.yoga.port, asAdmin, subscription);
    const head = (text: string) => text.split('\r\n\r\n')[0]?.replace(/\r\ndate:[^\r]*/i, '');
    expect(head(viaFast)).toBe(head(viaYoga));
    expect(viaFast.toLowerCase()).toContain('content-type: text/event-stream');
    expect(p.handler.counts.fast).toBe(before.fast + 1);
  });

  it('does not touch what it does not take: other methods, paths, content types, accepts, sizes', async () => {
    const body = { query: RELATIONS, variables: { jti } };
    // Streams: Yoga answers them (checked on the first bytes; the stream stays open a while).
    for (const accept of ['text/event-stream', 'multipart/mixed']) {
      const before = { ...p.handler.counts };
      const first = await firstBytes(p.fast.port, { ...asAdmin, Accept: accept }, JSON.stringify(body));
      expect(first).toMatch(/^HTTP\/1.1 200 OK\r\n/);
      expect(first.toLowerCase()).toContain(`content-type: ${accept}`);
      expect(p.handler.counts).toEqual(before);
    }
    await same(p, 'untouched', { ...asAdmin, Accept: 'application/json, application/graphql-response+json' }, body);
    await same(p, 'untouched', { ...asAdmin, 'Content-Type': 'application/graphql' }, RELATIONS);
    await same(p, 'untouched', { ...asAdmin, 'Content-Type': 'text/plain' }, body);
    await same(p, 'untouched', asAdmin, body, 'POST', '/graphql?x=1');
    await same(p, 'untouched', asAdmin, body, 'POST', '/elsewhere');
    await same(p, 'untouched', asAdmin, '', 'GET', `/graphql?query=${encodeURIComponent('{ stats { registrations } }')}`);
    await same(p, 'untouched', asAdmin, '', 'GET', '/health');
    const big = await same(p, 'untouched', asAdmin, { query: '{ stats { registrations } }', variables: { padding: 'x'.repeat(120_000) } });
    expect(big.status).toBe(413);
  });

  it('writes the same request log line as Yoga', async () => {
    lines.length = 0;
    await same(p, 'fast', asViewer, { query: 'query Named { stats { registrations } }', operationName: 'Named' });
    const logged = lines.filter((l) => l.msg === 'request').map(({ ms: _ms, time: _time, ...rest }) => rest);
    expect(logged).toHaveLength(2);
    expect(logged[0]).toEqual(logged[1]);
    expect(logged[0]).toMatchObject({ method: 'POST', path: '/graphql', status: 200, principal: 'viewer-token', operation: 'Named' });
  });

  it('keeps a bounded number of parsed documents, in entries and in characters', () => {
    const cache = new DocumentCache<null>(2);
    cache.set('a', null);
    cache.set('b', null);
    cache.get('a');
    cache.set('c', null);
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).toEqual([null, undefined, null, 2]);
    // Bounded in characters too: the least recently used go first.
    const texts = new DocumentCache<null>(100, 10);
    for (const text of ['aaaa', 'bbbb', 'cccc', 'dd']) texts.set(text, null);
    expect([texts.size, texts.characters, texts.get('aaaa'), texts.get('bbbb')]).toEqual([3, 10, undefined, null]);
    texts.set('bbbb', null);
    expect([texts.size, texts.characters]).toEqual([3, 10]);
  });

  it('never lets a string literal reach graphql-jit (it would write it into generated code)', async () => {
    // graphql-jit 0.8 turns "__MAGIC_DATE__…(x)" inside any literal argument into `new Date(x)` in
    // the code it generates: with this payload, compiled, the process would run `globalThis.…`.
    const marker = '__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d';
    const payload = `${marker}0)};globalThis.fastPathInjected=1;const injected={a:(0`;
    const before = jit.jit;
    for (let i = 0; i < 3; i++) {
      const literal = await same(p, 'fast', asViewer, { query: `{ token(jti: ${JSON.stringify(payload)}) { jti } }` });
      expect(literal.body).toBe('{"data":{"token":null}}');
      await same(p, 'fast', asViewer, { query: `query Q($jti: String! = ${JSON.stringify(payload)}) { token(jti: $jti) { jti } }` });
      await same(p, 'fast', asViewer, { query: `{ token(jti: """${payload}""") { jti } }` });
    }
    expect((globalThis as { fastPathInjected?: unknown }).fastPathInjected).toBeUndefined();
    expect(jit.jit).toBe(before);
    // The same strings as variables are data, never code: those documents are compiled (each
    // request goes to both servers, so four runs).
    for (let i = 0; i < 2; i++) await same(p, 'fast', asViewer, { query: 'query V($jti: String!) { token(jti: $jti) { jti } }', variables: { jti: payload } });
    expect(jit.jit - before).toBe(jitAfter === null ? 0 : 4);
    expect((globalThis as { fastPathInjected?: unknown }).fastPathInjected).toBeUndefined();
  });

  it('survives a client that leaves in the middle of its body', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(p.fast.port, '127.0.0.1', () => {
        socket.write(
          `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer ${ADMIN}\r\nContent-Length: 1000\r\n\r\n{"query":`,
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 50);
      });
    });
    await same(p, 'fast', asAdmin, { query: '{ __typename }' });
  });
});

describe('the fast transport with production settings', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore();
    await loadSampleRecords(store);
  });
  afterAll(() => store.close());

  it('refuses introspection, suggestions removed, and still serves __typename', async () => {
    const p = await pair(createApp({ services: store.services, auth: { adminToken: ADMIN, anonymousAdmin: false }, limits: { introspection: false } }));
    try {
      expect((await same(p, 'fast', asAdmin, { query: '{ __schema { types { name } } }' })).body).toContain('INTROSPECTION_DISABLED');
      await same(p, 'fast', asAdmin, { query: '{ __type(name: "Query") { name } }' });
      const suggestion = await same(p, 'fast', asAdmin, { query: '{ stats { registratoins } }' });
      expect(suggestion.body).not.toContain('Did you mean');
      await same(p, 'fast', asAdmin, { query: '{ __typename stats { registrations } }' });
    } finally {
      await p.close();
    }
  });

  it('counts every request against the rate limit once, errors and mutations included', async () => {
    const windowSeconds = 60;
    // The windows are fixed and follow the clock: pinned, so a run that crosses a minute counts on.
    const pinned = Date.now();
    const app = createApp({
      services: store.services,
      auth: { adminToken: ADMIN, anonymousAdmin: false },
      rateLimit: { perSecond: 0.1, anonymousPerSecond: 0.1, windowSeconds },
      clock: () => pinned,
    });
    const handler = createNodeHandler(app);
    const { server, port } = await listen(handler);
    try {
      const send = (query: string, headers: Record<string, string> = asAdmin) => rawRequest(port, 'POST', '/graphql', headers, JSON.stringify({ query }));
      // 6 per window: 3 reads, 2 with errors, 1 mutation.
      const statuses = [];
      for (const query of [
        '{ __typename }',
        '{ stats { registrations } }',
        '{ clients(first: 2001) { totalCount } }',
        '{ __typename }',
        'mutation { deleteAllTokens { executed } }',
        '{ clients(after: "bad") { totalCount } }',
      ]) {
        statuses.push((await send(query)).status);
      }
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
      expect(handler.counts).toEqual({ fast: 6, handedOn: 0 });
      const limited = await send('{ __typename }');
      expect(limited.status).toBe(429);
      expect(limited.head.toLowerCase()).toContain('retry-after:');
      expect(handler.counts).toEqual({ fast: 7, handedOn: 0 });
      // Anonymous callers have their own bucket, counted once too (401, then 429).
      const anonymous = [];
      for (let i = 0; i < 7; i++) anonymous.push((await send('{ __typename }', json)).status);
      expect(anonymous).toEqual([401, 401, 401, 401, 401, 401, 429]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
