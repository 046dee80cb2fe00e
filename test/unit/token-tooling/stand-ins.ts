import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspectToken, signJwt } from '../../../src/cli/flows/index.js';

export interface StandInRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  form: URLSearchParams;
}

export interface StandInResponse {
  status?: number;
  json?: unknown;
  text?: string;
}

export interface StandIn {
  url: string;
  requests: StandInRequest[];
  close: () => Promise<void>;
}

/** A local HTTP server on 127.0.0.1 and a free port, answering through `handler`. */
export async function startStandIn(handler: (req: StandInRequest) => StandInResponse | Promise<StandInResponse>): Promise<StandIn> {
  const requests: StandInRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://stand-in');
      const body = Buffer.concat(chunks).toString('utf8');
      const request: StandInRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        form: new URLSearchParams(body),
      };
      requests.push(request);
      Promise.resolve(handler(request))
        .catch((err: Error): StandInResponse => ({ status: 500, text: `stand-in error: ${err.message}` }))
        .then((answer) => {
          const payload = answer.json !== undefined ? JSON.stringify(answer.json) : (answer.text ?? '');
          res.writeHead(answer.status ?? 200, {
            'content-type': answer.json !== undefined ? 'application/json' : 'text/plain',
          });
          res.end(payload);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const tokenUrlSafe = (n: number) => randomBytes(n).toString('base64url');

interface StoredClient {
  client_id: string;
  client_secret: string;
  redirect_uris: string[];
  client_name: string;
  scope: string;
}

interface StoredCode {
  client_id: string;
  redirect_uri: string;
  scope: string;
  code_challenge: string | null;
}

const detail = (status: number, error: string, description: string): StandInResponse => ({
  status,
  json: { detail: { error, error_description: description } },
});

/**
 * The gateway's client endpoints (/register, /token, /verify) as DC `routes.py` answers them, with
 * tokens signed by `privateKeyB64` (RS256) and records kept in memory. `approve(authorizeUrl)` plays
 * the user's trip through /authorize, GitHub and /callback and returns the code.
 */
export async function startGatewayStandIn(options: { privateKeyB64: string; baseDomain: string; now?: () => number }) {
  const now = options.now ?? Date.now;
  const clients = new Map<string, StoredClient>();
  const codes = new Map<string, StoredCode>();
  const refreshTokens = new Map<string, { client_id: string; scope: string }>();
  const tokens = new Set<string>();
  const issuer = `https://auth.${options.baseDomain}`;

  const mint = (clientId: string, scope: string) => {
    const iat = Math.floor(now() / 1000);
    const jti = tokenUrlSafe(16);
    tokens.add(jti);
    const payload = { sub: '1234567', username: 'alice', scope, client_id: clientId, jti, iat, exp: iat + 86400, iss: issuer, aud: issuer };
    return signJwt(payload, { alg: 'RS256', privateKeyB64: options.privateKeyB64 });
  };

  const server = await startStandIn(async (req) => {
    if (req.method === 'POST' && req.path === '/register') {
      const body = JSON.parse(req.body) as Partial<StoredClient> & { redirect_uris?: unknown };
      const uris = Array.isArray(body.redirect_uris) ? (body.redirect_uris as string[]) : [];
      if (uris.length === 0) return detail(400, 'invalid_client_metadata', 'redirect_uris is required');
      const client: StoredClient = {
        client_id: `client_${tokenUrlSafe(16)}`,
        client_secret: tokenUrlSafe(32),
        redirect_uris: uris,
        client_name: body.client_name || 'Unnamed Client',
        scope: body.scope || 'openid profile email',
      };
      clients.set(client.client_id, client);
      const issued = Math.floor(now() / 1000);
      return {
        status: 201,
        json: {
          client_id: client.client_id,
          client_secret: client.client_secret,
          client_secret_expires_at: issued + 7776000,
          client_id_issued_at: issued,
          redirect_uris: uris,
          client_name: body.client_name ?? null,
          scope: body.scope ?? null,
          registration_access_token: `reg-${tokenUrlSafe(32)}`,
          registration_client_uri: `${issuer}/register/${client.client_id}`,
        },
      };
    }
    if (req.method === 'POST' && req.path === '/token') {
      const f = req.form;
      const grant = f.get('grant_type');
      const clientId = f.get('client_id');
      if (!grant || !clientId) {
        // FastAPI's validation error echoes what was sent in `input`.
        return { status: 422, json: { detail: [{ type: 'missing', loc: ['body', 'client_id'], msg: 'Field required', input: Object.fromEntries(f) }] } };
      }
      const client = clients.get(clientId);
      if (!client) return detail(401, 'invalid_client', 'Client authentication failed');
      const secret = f.get('client_secret');
      if (secret !== null && secret !== client.client_secret) return detail(401, 'invalid_client', 'Invalid client credentials');
      if (grant === 'authorization_code') {
        const code = codes.get(f.get('code') ?? '');
        if (!code) return detail(400, 'invalid_grant', `Invalid or expired authorization code ${f.get('code')}`);
        if (code.redirect_uri !== f.get('redirect_uri')) return detail(400, 'invalid_grant', 'Redirect URI mismatch');
        if (code.code_challenge) {
          const verifier = f.get('code_verifier') ?? '';
          if (createHash('sha256').update(verifier).digest('base64url') !== code.code_challenge) {
            return detail(400, 'invalid_grant', 'PKCE verification failed');
          }
        }
        codes.delete(f.get('code')!);
        const refresh = tokenUrlSafe(32);
        refreshTokens.set(refresh, { client_id: code.client_id, scope: code.scope });
        return { json: { access_token: await mint(clientId, code.scope), token_type: 'Bearer', expires_in: 86400, refresh_token: refresh, scope: code.scope } };
      }
      if (grant === 'refresh_token') {
        const record = refreshTokens.get(f.get('refresh_token') ?? '');
        if (!record) return detail(400, 'invalid_grant', 'Invalid or expired refresh token');
        return {
          json: { access_token: await mint(clientId, record.scope), token_type: 'Bearer', expires_in: 86400, refresh_token: null, scope: record.scope },
        };
      }
      return { status: 400, json: { error: 'unsupported_grant_type', error_description: `Grant type ${grant} is not supported` } };
    }
    if (req.path === '/verify') {
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
      const verdict = await inspectToken(bearer, {
        baseDomain: options.baseDomain,
        privateKeyB64: options.privateKeyB64,
        now,
        tokenExists: async (jti) => tokens.has(jti),
      });
      return verdict.verdict === 'VALID' ? { status: 200, json: { ok: true } } : detail(401, 'invalid_token', 'Invalid or expired token');
    }
    return { status: 404, json: { detail: 'Not Found' } };
  });

  return {
    ...server,
    clients,
    tokens,
    refreshTokens,
    /** What /authorize + /callback do for a user who signs in: returns the code. */
    approve(authorizeUrl: string): string {
      const q = new URL(authorizeUrl).searchParams;
      const client = clients.get(q.get('client_id') ?? '');
      if (!client) throw new Error('authorize: unknown client');
      const redirectUri = q.get('redirect_uri') ?? '';
      if (!client.redirect_uris.includes(redirectUri)) throw new Error('authorize: redirect_uri mismatch');
      if (q.get('code_challenge') && q.get('code_challenge_method') !== 'S256') throw new Error('authorize: not S256');
      const code = tokenUrlSafe(32);
      codes.set(code, {
        client_id: client.client_id,
        redirect_uri: redirectUri,
        scope: q.get('scope') ?? 'openid profile email',
        code_challenge: q.get('code_challenge'),
      });
      return code;
    },
  };
}

/** GitHub's device flow and /user: polls answer from `pollAnswers` in order, then with the token. */
export async function startGithubStandIn(options: { pollAnswers: StandInResponse[]; interval?: number; expiresIn?: number; token?: string }) {
  const token = options.token ?? `gho_${tokenUrlSafe(27)}`;
  const answers = [...options.pollAnswers];
  const server = await startStandIn((req) => {
    if (req.method === 'POST' && req.path === '/login/device/code') {
      if (req.form.get('client_id') !== 'Iv1.github-app') return { json: { error: 'unauthorized_client' } };
      return {
        json: {
          device_code: 'device-code-secret-123',
          user_code: 'WDJB-MJHT',
          verification_uri: 'https://github.com/login/device',
          expires_in: options.expiresIn ?? 900,
          interval: options.interval ?? 5,
        },
      };
    }
    if (req.method === 'POST' && req.path === '/login/oauth/access_token') {
      return answers.shift() ?? { json: { access_token: token, token_type: 'bearer', scope: 'user:email' } };
    }
    if (req.method === 'GET' && req.path === '/user') {
      return req.headers.authorization === `Bearer ${token}`
        ? { json: { login: 'alice', id: 1234567 } }
        : { status: 401, json: { message: 'Bad credentials' } };
    }
    return { status: 404, json: { message: 'Not Found' } };
  });
  return { ...server, token };
}

/** A sleep that only advances a fake clock, so polling tests take no real time. */
export function fakeClock(start = 1_800_000_000_000) {
  let t = start;
  const slept: number[] = [];
  return {
    now: () => t,
    sleep: async (ms: number) => {
      slept.push(ms);
      t += ms;
    },
    slept,
    advance: (ms: number) => {
      t += ms;
    },
  };
}
