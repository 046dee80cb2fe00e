import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLogTap, createLogger } from '../../src/logger.js';
import { type RunningServer, startServer } from '../../src/server.js';
import { knownTestSecrets } from '../helpers/secrets.js';
import { ADMIN, type TestStore, VIEWER, loadSampleRecords, openStore, serverConfig } from '../helpers/store.js';

/**
 * A whole session against the real server (startServer, as the process runs it, logging at debug)
 * with bearer tokens good and bad, secret-bearing reads, two-step deletions with real and forged
 * confirm tokens, refusals and errors: no secret may appear in any log line or error message.
 */
describe('secrets never reach the logs', () => {
  let store: TestStore;
  let running: RunningServer;
  const lines: string[] = [];
  const tapped: string[] = [];
  let untap: () => void;

  beforeAll(async () => {
    store = await openStore();
    await loadSampleRecords(store);
    untap = addLogTap((line) => tapped.push(line));
    const config = serverConfig(store, {
      VIEWER_TOKEN: VIEWER,
      BASE_DOMAIN: 'example.com',
      METRICS_PORT: '0',
      LOG_LEVEL: 'debug',
      RATE_LIMIT_ANONYMOUS_PER_SECOND: '100',
    });
    // Deliberately no registerSecret(): redaction must hold by field name and shape alone.
    running = await startServer(config, createLogger({ level: 'debug', sink: (line) => lines.push(line) }));
  });
  afterAll(async () => {
    await running.shutdown('test');
    untap();
    await store.close();
  });

  it('over a whole session of good and bad requests', async () => {
    const bodies: string[] = [];
    const send = async (
      query: string,
      variables: Record<string, unknown> = {},
      headers: Record<string, string> = { authorization: `Bearer ${ADMIN}` },
      path = '/graphql',
    ) => {
      const response = await fetch(running.url.replace('/graphql', path), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      bodies.push(text);
      return {
        status: response.status,
        json: (() => {
          try {
            return JSON.parse(text) as { data?: Record<string, any>; errors?: { message: string }[] };
          } catch {
            return {};
          }
        })(),
      };
    };
    const wrong = 'wrong-bearer-token-0123456789abcdef';
    const forged = 'forged-confirm-token-0123456789abcdef';
    const basic = Buffer.from(`admin:${ADMIN}`).toString('base64');

    // The server does not wait for Redis to listen: wait for /health to say ready.
    for (let i = 0; i < 100 && (await fetch(running.url.replace('/graphql', '/health'))).status !== 200; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await fetch(running.url.replace('/graphql', '/health'))).status).toBe(200);
    expect((await send('{ stats { registrations } }')).status).toBe(200);
    const secretsRead = await send(
      '{ clients(first: 50) { edges { node { clientSecret registrationAccessToken } } } refreshTokens(first: 50) { edges { node { token } } } authCodes(first: 50) { edges { node { code } } } }',
    );
    expect(JSON.stringify(secretsRead.json.data)).toContain(knownTestSecrets()[3]?.slice(0, 4) ?? '');
    expect((await send('{ stats { registrations } }', {}, { authorization: `Bearer ${VIEWER}` })).status).toBe(200);
    expect((await send('{ stats { registrations } }', {}, { authorization: `Bearer ${wrong}` })).status).toBe(401);
    expect((await send('{ stats { registrations } }', {}, { authorization: `Basic ${basic}` })).status).toBe(401);
    expect((await send('{ stats { registrations } }', {}, { authorization: ADMIN })).status).toBe(401);
    expect((await send('{ stats { registrations } }', {}, { authorization: `Bearer ${ADMIN}` }, `/graphql?token=${wrong}&access_token=${ADMIN}`)).status).toBe(
      200,
    );

    const plan = await send('mutation($t: String) { deleteAllTokens(confirmToken: $t) { executed confirmToken } }');
    const confirmToken = plan.json.data?.deleteAllTokens.confirmToken as string;
    expect(confirmToken.length).toBeGreaterThan(12);
    const refused = await send('mutation($t: String) { deleteAllTokens(confirmToken: $t) { executed } }', { t: forged });
    expect(refused.json.errors?.[0]?.message).toBeTruthy();
    const done = await send('mutation($t: String) { deleteAllTokens(confirmToken: $t) { executed } }', { t: confirmToken });
    expect(done.json.data?.deleteAllTokens.executed).toBe(true);
    expect((await send('mutation($t: String) { deleteAllTokens(confirmToken: $t) { executed } }', { t: confirmToken })).json.errors).toBeTruthy();

    // A rotation's new value goes to the admin's response only (client lifecycle, issue 18).
    const rotate = 'mutation($c: String!, $t: String) { rotateClientSecret(clientId: $c, confirmToken: $t) { confirmToken newValue } }';
    const clientId = 'client_3SvF7px4c_BY7LPz2ezxlg';
    const rotationPlan = (await send(rotate, { c: clientId })).json.data?.rotateClientSecret.confirmToken as string;
    const newSecret = (await send(rotate, { c: clientId, t: rotationPlan })).json.data?.rotateClientSecret.newValue as string;
    expect(newSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    await send('query($t: String!) { inspectToken(token: $t) { verdict reason } }', {
      t: `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: 'x', jti: wrong })).toString('base64url')}.c2lnbmF0dXJlLXNpZ25hdHVyZQ`,
    });
    await send('{ clients(first: 5, after: "garbage") { totalCount } }');
    await send('{ clients(first: 500) { edges { node { tokens(first: 500) { edges { node { jti } } } } } } }');
    await send(`{ ${'__typename '.repeat(2100)} }`);
    await send('{ stats { registrations } }', { padding: ADMIN.repeat(10_000) });

    const secrets = [...knownTestSecrets(), wrong, forged, basic, confirmToken, rotationPlan, newSecret];
    expect(lines.length).toBeGreaterThan(15);
    expect(tapped.length).toBeGreaterThanOrEqual(lines.length);
    for (const line of [...lines, ...tapped]) {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      expect(typeof parsed.level).toBe('string');
      for (const s of secrets) expect(line, `log line holds a secret: ${line.slice(0, 200)}`).not.toContain(s);
    }
    // What the operator does see: who, what, how it ended.
    const messages = lines.map((l) => JSON.parse(l) as { msg: string; reason?: string; status?: number; principal?: string | null });
    // One line per address and reason and window (issue 14, item 7): the second malformed header is counted, not logged again.
    expect(
      messages
        .filter((m) => m.msg === 'authentication failed')
        .map((m) => m.reason)
        .sort(),
    ).toEqual(['Authorization header is not "Bearer <token>"', 'bearer token not recognised']);
    expect(messages.some((m) => m.msg === 'request' && m.principal === 'viewer-token')).toBe(true);
    expect(messages.some((m) => m.msg === 'oauth-admin listening')).toBe(true);
    // Error messages sent back never echo a presented secret either.
    for (const body of bodies) for (const s of [wrong, forged, basic]) expect(body).not.toContain(s);
  });
});
