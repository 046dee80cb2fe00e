/**
 * Issue 14 (security review), the findings about errors and the audit trail: every error a client
 * sees has a code and no parser internals (item 6); anonymous callers cannot flood the record of
 * admin actions out of the trail, nor the log with 429 lines (item 7); a mutation refused by the
 * role check is audited (item 9); CSRF states are treated as the secrets they are, and /livez says
 * nothing (item 11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { addLogTap, createLogger } from '../../src/logger.js';
import { fingerprint } from '../../src/redis/fingerprint.js';
import { ADMIN, type TestStore, VIEWER, openStore } from '../helpers/store.js';
import { until } from '../helpers/wait.js';

interface Answer {
  status: number;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function send(store: TestStore, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await store.app.fetch('http://oauth-admin.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}`, ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
}

describe('errors a client sees (issue 14, item 6)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore();
    // Nothing here needs Redis, but close() scans: let the connection be ready first (a scan that
    // starts while it connects sees the 'ready' as a reconnection and gives up).
    await store.redis.ping();
  });
  afterAll(() => store.close());

  it('a garbage global id is BAD_USER_INPUT, without the id echoed', async () => {
    for (const query of ['{ node(id: "Z2FyYmFnZQ==") { id } }', '{ nodes(ids: ["Z2FyYmFnZQ==", "bm90OmF0eXBl"]) { id } }', '{ node(id: "!!!") { id } }']) {
      const answer = await send(store, JSON.stringify({ query }));
      expect(answer.body.errors?.length, answer.text).toBeGreaterThan(0);
      for (const error of answer.body.errors ?? []) {
        expect(error.extensions?.code, answer.text).toBe('BAD_USER_INPUT');
        expect(error.message).not.toContain('Z2FyYmFnZQ');
        expect(error.message).toMatch(/global id/i);
      }
    }
  });

  it("a malformed JSON body is 400 BAD_REQUEST without the parser's message or the body", async () => {
    const secretish = 'secret-in-a-broken-body-0123456789';
    const answer = await send(store, `{"query": "{ stats { registrations } }", "variables": {"x": "${secretish}"`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(answer.body.errors?.[0]?.extensions).not.toHaveProperty('originalError');
    expect(answer.text).not.toContain(secretish);
    expect(answer.text).not.toMatch(/SyntaxError|Unexpected end|JSON input/);
  });

  it('every refusal of a malformed request carries a code', async () => {
    const bodies = [
      JSON.stringify({ query: 'query Q($j: String!) { token(jti: $j) { jti } }' }),
      JSON.stringify({ query: 'query Q($j: String!) { token(jti: $j) { jti } }', variables: { j: 5 } }),
      JSON.stringify({ query: '{ stats { registrations } }', variables: 'x' }),
      JSON.stringify({ query: 5 }),
      JSON.stringify({ query: '{ stats { registrations } }', operationName: 'Nope' }),
      JSON.stringify({ query: '{ stats { nope } }' }),
      JSON.stringify({ query: '{ stats { ' }),
      '[]',
      '"just a string"',
    ];
    for (const body of bodies) {
      const answer = await send(store, body);
      expect(answer.body.errors?.length, body).toBeGreaterThan(0);
      for (const error of answer.body.errors ?? []) {
        expect(typeof error.extensions?.code, `${body}: ${answer.text}`).toBe('string');
        expect(error.extensions).not.toHaveProperty('originalError');
      }
    }
    // A browser-style request without the CSRF header is refused with a code too.
    const csrf = await store.app.fetch('http://oauth-admin.test/graphql?query=%7B__typename%7D', { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(csrf.status).toBe(403);
    const refused = (await csrf.json()) as Answer['body'];
    expect(typeof refused.errors?.[0]?.extensions?.code).toBe('string');
  });
});

/** A request as if from `address` (the socket's remote address Yoga's server context carries). */
async function from(app: TestStore['app'], address: string, token: string | null, query = '{ stats { registrations } }'): Promise<number> {
  const response = await app.fetch(
    'http://oauth-admin.test/graphql',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    },
    { req: { socket: { remoteAddress: address } } },
  );
  await response.text();
  return response.status;
}

const AUDIT = 'query { auditLog(first: 500) { edges { node { action actor outcome target error attempts } } } }';

describe('the audit trail cannot be flooded (issue 14, items 7 and 9)', () => {
  let store: TestStore;
  const lines: Record<string, any>[] = [];
  let untap: () => void;
  beforeAll(async () => {
    store = await openStore({ audit: { capacity: 50 } });
    untap = addLogTap((line) => lines.push(JSON.parse(line) as Record<string, any>));
  });
  afterAll(async () => {
    untap();
    await store.close();
  });

  it('failed logins from many addresses never push out the record of admin actions; one address adds at most two entries per window', async () => {
    await store.redis.set(store.keys.client('client_kept_on_record'), '{"client_id": "client_kept_on_record"}');
    const deleted = await send(store, JSON.stringify({ query: 'mutation { deleteClient(clientId: "client_kept_on_record") { executed } }' }));
    expect(deleted.body.errors).toBeUndefined();

    // 120 addresses, more than the trail's capacity (50 here), and one address 100 times.
    for (let i = 0; i < 120; i++) expect(await from(store.app, `10.0.${Math.floor(i / 250)}.${i % 250}`, 'not-a-token-0123456789')).toBe(401);
    for (let i = 0; i < 100; i++) expect(await from(store.app, '192.0.2.7', null)).toBe(401);

    const entries = (await send(store, JSON.stringify({ query: AUDIT }))).body.data.auditLog.edges.map((e: { node: unknown }) => e.node) as {
      action: string;
      actor: string;
      outcome: string;
      target: string | null;
      error: string | null;
      attempts: number;
    }[];
    expect(entries.find((e) => e.action === 'deleteClient' && e.target === 'client_kept_on_record')).toMatchObject({
      actor: 'admin-token',
      outcome: 'SUCCEEDED',
    });
    // The mutations' stream holds no authentication failure at all.
    const main = await store.redis.xrange(store.keys.admin('audit'), '-', '+');
    expect(main.map(([, f]) => f[f.indexOf('action') + 1])).not.toContain('authenticate');
    // One address: the first refusal at once; the rest of the window is one entry when it ends.
    expect(entries.filter((e) => e.action === 'authenticate' && e.target === '192.0.2.7')).toHaveLength(1);
    store.services.audit.flushRefusals();
    await until('the aggregated entry', async () => {
      const again = (await send(store, JSON.stringify({ query: AUDIT }))).body.data.auditLog.edges.map((e: { node: unknown }) => e.node) as typeof entries;
      const mine = again.filter((e) => e.action === 'authenticate' && e.target === '192.0.2.7');
      return mine.length === 2 && mine.some((e) => e.attempts === 99);
    });
    // Each 401 used to write a warning; an address repeating itself now writes one per window.
    expect(lines.filter((l) => l.msg === 'authentication failed' && l.address === '192.0.2.7').length).toBeLessThanOrEqual(2);
  });

  it('429s write one log line per caller and window, with the count when the window ends', async () => {
    const limited = createApp({
      services: store.services,
      auth: { adminToken: ADMIN, viewerToken: VIEWER, anonymousAdmin: false },
      rateLimit: { perSecond: 100, anonymousPerSecond: 1, windowSeconds: 1 },
      logger: createLogger({ level: 'silent' }),
    });
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push(await from(limited, '198.51.100.9', null));
    const refused = statuses.filter((s) => s === 429).length;
    expect(refused).toBeGreaterThan(30);
    const limitedLines = () => lines.filter((l) => l.status === 429 && l.address === '198.51.100.9');
    // At most one per window (the run may straddle two or three one-second windows).
    expect(limitedLines().length).toBeLessThanOrEqual(3);
    // Each first line stands for itself, each summary for `repeated` more: together, every 429.
    const accounted = () => limitedLines().reduce((n, l) => n + (typeof l.repeated === 'number' ? l.repeated : 1), 0);
    await until('the summaries of the repeats', async () => accounted() === refused, 5000);
    expect(limitedLines().some((l) => typeof l.repeated === 'number' && l.repeated > 0)).toBe(true);
  });

  it('a mutation the role check refuses (FORBIDDEN) is audited under the caller, at most twice per window', async () => {
    for (let i = 0; i < 30; i++) {
      const answer = await send(store, JSON.stringify({ query: 'mutation { deleteToken(jti: "jti-viewer-wants-gone") { executed } }' }), {
        authorization: `Bearer ${VIEWER}`,
      });
      expect(answer.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const refusals = async () =>
      (
        (await send(store, JSON.stringify({ query: AUDIT }))).body.data.auditLog.edges.map((e: { node: unknown }) => e.node) as {
          action: string;
          actor: string;
          outcome: string;
          error: string | null;
          attempts: number;
        }[]
      ).filter((e) => e.action === 'deleteToken' && e.actor === 'viewer-token');
    const first = await until('the refusal on record', async () => ((await refusals()).length > 0 ? refusals() : null));
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ outcome: 'REFUSED', error: 'this operation needs the admin token', attempts: 1 });
    store.services.audit.flushRefusals();
    await until('the aggregated refusal', async () => (await refusals()).some((e) => e.attempts === 29));
  });
});

describe('pending authorizations (CSRF states) are secrets (issue 14, item 11)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore();
  });
  afterAll(() => store.close());

  it('a viewer sees a state by fingerprint only: not its value, not in a cursor, not in a backup diff', async () => {
    const state = 'live-state-the-gateway-callback-accepts-0123456789';
    await store.redis.set(store.keys.client('client_s'), JSON.stringify({ client_id: 'client_s', client_name: 'S' }), 'EX', 3600);
    await store.redis.set(
      store.keys.state(state),
      JSON.stringify({
        client_id: 'client_s',
        redirect_uri: 'https://app.example/cb',
        scope: 'openid',
        state: 'client-own-state',
        code_challenge: null,
        code_challenge_method: 'S256',
      }),
      'EX',
      300,
    );
    const query = JSON.stringify({
      query:
        '{ authStates(first: 10) { edges { cursor node { state fingerprint clientId } } } client(clientId: "client_s") { authStates(first: 10) { edges { cursor node { state fingerprint } } } } }',
    });
    const viewer = await send(store, query, { authorization: `Bearer ${VIEWER}` });
    expect(viewer.body.errors).toBeUndefined();
    expect(viewer.text).not.toContain(state);
    expect(Buffer.from(viewer.body.data.authStates.edges[0].cursor, 'base64url').toString('utf8')).not.toContain(state);
    expect(viewer.body.data.authStates.edges[0].node).toEqual({ state: null, fingerprint: fingerprint(state), clientId: 'client_s' });
    expect(viewer.body.data.client.authStates.edges[0].node).toEqual({ state: null, fingerprint: fingerprint(state) });
    const admin = await send(store, query);
    expect(admin.body.data.authStates.edges[0].node.state).toBe(state);
    // Paging by the cursor still works.
    const after = await send(
      store,
      JSON.stringify({
        query: `{ authStates(first: 10, after: ${JSON.stringify(viewer.body.data.authStates.edges[0].cursor)}) { edges { node { fingerprint } } } }`,
      }),
      {
        authorization: `Bearer ${VIEWER}`,
      },
    );
    expect(after.body.data.authStates.edges).toEqual([]);

    // A backup holding the state, compared with a store that no longer has it.
    const name = (await send(store, JSON.stringify({ query: 'mutation { createBackup { name } }' }))).body.data.createBackup.name as string;
    await store.redis.del(store.keys.state(state));
    const diff = await send(
      store,
      JSON.stringify({ query: `{ backup(name: ${JSON.stringify(name)}) { diff { entries { category name fingerprint status } } } }` }),
      { authorization: `Bearer ${VIEWER}` },
    );
    expect(diff.text).not.toContain(state);
    expect(diff.body.data.backup.diff.entries).toContainEqual({ category: 'states', name: null, fingerprint: fingerprint(state), status: 'ONLY_IN_BACKUP' });
  });

  it('/livez answers 200 without a token and says nothing but that the process is up', async () => {
    const response = await store.app.fetch('http://oauth-admin.test/livez');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.length).toBeLessThan(100);
    expect(text).not.toMatch(/redis|version|token/i);
  });
});
