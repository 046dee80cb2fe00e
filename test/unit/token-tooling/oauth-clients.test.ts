import { createHash } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  OAuthRequestError,
  buildAuthorizeUrl,
  checkGithubToken,
  createPkce,
  decodeJwt,
  exchangeCode,
  extractCode,
  generateRsaKeyB64,
  githubDeviceFlow,
  probeClient,
  refreshAccessToken,
  registerClient,
  verifyAccessToken,
} from '../../../src/cli/flows/index.js';
import { fakeClock, startGatewayStandIn, startGithubStandIn, startStandIn, type StandIn } from './stand-ins.js';

let privateKeyB64: string;
const open: StandIn[] = [];
beforeAll(async () => {
  privateKeyB64 = await generateRsaKeyB64();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function gateway() {
  const g = await startGatewayStandIn({ privateKeyB64, baseDomain: 'example.com' });
  open.push(g);
  return g;
}

describe('PKCE and the authorize URL', () => {
  it('makes an S256 pair like RFC 7636 and puts the challenge in the URL', () => {
    const pkce = createPkce();
    expect(pkce.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pkce.codeChallenge).toBe(createHash('sha256').update(pkce.codeVerifier).digest('base64url'));
    const url = new URL(
      buildAuthorizeUrl('https://auth.example.com/', {
        clientId: 'client_x',
        redirectUri: 'urn:ietf:wg:oauth:2.0:oob',
        scope: 'read write',
        state: 's1',
        codeChallenge: pkce.codeChallenge,
      }),
    );
    expect(url.origin + url.pathname).toBe('https://auth.example.com/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'client_x',
      redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
      response_type: 'code',
      scope: 'read write',
      state: 's1',
      code_challenge: pkce.codeChallenge,
      code_challenge_method: 'S256',
    });
  });

  it('takes a pasted code or the whole redirect URL', () => {
    expect(extractCode('  abc123 ')).toBe('abc123');
    expect(extractCode('https://auth.example.com/success?code=xyz&state=s')).toBe('xyz');
  });
});

describe('gateway client calls', () => {
  it('registers, exchanges a code with PKCE, refreshes, and /verify accepts the result', async () => {
    const g = await gateway();
    const client = await registerClient(g.url, { redirect_uris: ['urn:ietf:wg:oauth:2.0:oob'], client_name: 'test' });
    expect(client.client_id).toMatch(/^client_/);
    expect(client.registration_access_token).toMatch(/^reg-/);
    expect(client.registration_client_uri).toBe(`https://auth.example.com/register/${client.client_id}`);
    expect(JSON.parse(g.requests[0]!.body)).toEqual({ redirect_uris: ['urn:ietf:wg:oauth:2.0:oob'], client_name: 'test' });

    const pkce = createPkce();
    const code = g.approve(
      buildAuthorizeUrl(g.url, {
        clientId: client.client_id,
        redirectUri: 'urn:ietf:wg:oauth:2.0:oob',
        scope: 'read write',
        state: 's',
        codeChallenge: pkce.codeChallenge,
      }),
    );
    const creds = { clientId: client.client_id, clientSecret: client.client_secret };
    const tokens = await exchangeCode(g.url, { ...creds, code, redirectUri: 'urn:ietf:wg:oauth:2.0:oob', codeVerifier: pkce.codeVerifier });
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 86400, scope: 'read write' });
    expect(decodeJwt(tokens.access_token).payload.client_id).toBe(client.client_id);

    const tokenRequest = g.requests.at(-1)!;
    expect(tokenRequest.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(tokenRequest.form)).toEqual({
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'urn:ietf:wg:oauth:2.0:oob',
      client_id: client.client_id,
      client_secret: client.client_secret,
      code_verifier: pkce.codeVerifier,
    });

    const refreshed = await refreshAccessToken(g.url, { ...creds, refreshToken: tokens.refresh_token! });
    expect(refreshed.refresh_token).toBeNull();
    expect(Object.fromEntries(g.requests.at(-1)!.form)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
      client_id: client.client_id,
      client_secret: client.client_secret,
    });
    expect(await verifyAccessToken(g.url, refreshed.access_token)).toBe(true);
    expect(await verifyAccessToken(g.url, 'not-a-token')).toBe(false);
  });

  it('surfaces detail.error: error_description and the status, never the secrets sent', async () => {
    const g = await gateway();
    const client = await registerClient(g.url, { redirect_uris: ['urn:ietf:wg:oauth:2.0:oob'] });
    const code = 'secret-code-that-the-gateway-echoes';
    const err = await exchangeCode(g.url, {
      clientId: client.client_id,
      clientSecret: client.client_secret,
      code,
      redirectUri: 'urn:ietf:wg:oauth:2.0:oob',
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuthRequestError);
    const e = err as OAuthRequestError;
    expect([e.status, e.error]).toEqual([400, 'invalid_grant']);
    expect(e.message).toBe(`POST /token failed (HTTP 400): invalid_grant: Invalid or expired authorization code [redacted]`);
    expect(e.message).not.toContain(client.client_secret);

    const wrong = await refreshAccessToken(g.url, { clientId: client.client_id, clientSecret: 'wrong-secret-value', refreshToken: 'r' }).catch(
      (x: unknown) => x,
    );
    expect((wrong as Error).message).toBe('POST /token failed (HTTP 401): invalid_client: Invalid client credentials');
  });

  it('reads top-level errors and FastAPI validation errors without echoing their input', async () => {
    const s = await startStandIn((req) =>
      req.form.get('grant_type') === 'refresh_token'
        ? { status: 400, json: { error: 'unsupported_grant_type', error_description: 'nope' } }
        : {
            status: 422,
            json: { detail: [{ type: 'missing', loc: ['body', 'client_id'], msg: 'Field required', input: { client_secret: 'top-secret-value' } }] },
          },
    );
    open.push(s);
    await expect(refreshAccessToken(s.url, { clientId: 'c', clientSecret: 'x', refreshToken: 'r' })).rejects.toThrow(
      'POST /token failed (HTTP 400): unsupported_grant_type: nope',
    );
    const err = (await exchangeCode(s.url, { clientId: '', clientSecret: 'top-secret-value', code: 'c', redirectUri: 'u' }).catch(
      (e: Error) => e,
    )) as OAuthRequestError;
    expect(err.message).toBe('POST /token failed (HTTP 422): invalid_request: body.client_id: Field required');
  });

  it('reports an unreachable gateway as an error, and a non-JSON error page by its status', async () => {
    const s = await startStandIn(() => ({ status: 502, text: 'Bad Gateway' }));
    open.push(s);
    await expect(registerClient(s.url, { redirect_uris: ['x:y'] })).rejects.toThrow('POST /register failed (HTTP 502): Bad Gateway');
    const url = s.url;
    await s.close();
    open.pop();
    await expect(registerClient(url, { redirect_uris: ['x:y'] })).rejects.toThrow(/request_failed: ECONNREFUSED/);
  });

  it('probeClient tells a known client (invalid_grant) from an unknown one (invalid_client)', async () => {
    const g = await gateway();
    const client = await registerClient(g.url, { redirect_uris: ['urn:ietf:wg:oauth:2.0:oob'] });
    expect(await probeClient(g.url, { clientId: client.client_id, clientSecret: client.client_secret })).toBe('valid');
    expect(await probeClient(g.url, { clientId: client.client_id, clientSecret: 'wrong' })).toBe('invalid');
    expect(await probeClient(g.url, { clientId: 'client_gone', clientSecret: 'x' })).toBe('invalid');
  });
});

describe('GitHub device flow', () => {
  const base = { clientId: 'Iv1.github-app', maxWaitMs: 15 * 60_000 };

  it('polls at the given interval through authorization_pending and slow_down', async () => {
    const gh = await startGithubStandIn({
      interval: 5,
      pollAnswers: [
        { json: { error: 'authorization_pending', error_description: 'pending' } },
        { json: { error: 'slow_down', error_description: 'too fast', interval: 10 } },
        { json: { error: 'slow_down', error_description: 'too fast' } },
        { json: { error: 'authorization_pending' } },
      ],
    });
    open.push(gh);
    const clock = fakeClock();
    const prompts: string[] = [];
    const token = await githubDeviceFlow({
      ...base,
      githubBase: gh.url,
      onPrompt: (uri, code) => void prompts.push(`${uri} ${code}`),
      sleep: clock.sleep,
      now: clock.now,
    });
    expect(token).toBe(gh.token);
    expect(prompts).toEqual(['https://github.com/login/device WDJB-MJHT']);
    // 5 s, then 5 s, then the new interval 10 s, then +5 s, and 15 s again.
    expect(clock.slept).toEqual([5000, 5000, 10000, 15000, 15000]);
    expect(Object.fromEntries(gh.requests[0]!.form)).toEqual({ client_id: 'Iv1.github-app', scope: 'user:email' });
    expect(gh.requests[0]!.headers.accept).toBe('application/json');
    expect(Object.fromEntries(gh.requests[1]!.form)).toEqual({
      client_id: 'Iv1.github-app',
      device_code: 'device-code-secret-123',
      grant_type: 'urn:ietf:params:oauth:grant-type:device_code',
    });
  });

  it.each([
    ['expired_token', 'The device code has expired'],
    ['access_denied', 'The authorization request was denied'],
  ])('stops on %s', async (error, description) => {
    const gh = await startGithubStandIn({ pollAnswers: [{ json: { error: 'authorization_pending' } }, { json: { error, error_description: description } }] });
    open.push(gh);
    const clock = fakeClock();
    await expect(githubDeviceFlow({ ...base, githubBase: gh.url, onPrompt: () => {}, sleep: clock.sleep, now: clock.now })).rejects.toThrow(
      `POST /login/oauth/access_token failed (HTTP 200): ${error}: ${description}`,
    );
  });

  it('gives up after maxWaitMs (or the code lifetime) instead of polling forever', async () => {
    const pending = Array.from({ length: 100 }, () => ({ json: { error: 'authorization_pending' } }));
    const gh = await startGithubStandIn({ pollAnswers: pending, interval: 5 });
    open.push(gh);
    const clock = fakeClock();
    await expect(githubDeviceFlow({ ...base, maxWaitMs: 30_000, githubBase: gh.url, onPrompt: () => {}, sleep: clock.sleep, now: clock.now })).rejects.toThrow(
      /timeout: gave up waiting/,
    );
    expect(clock.slept).toHaveLength(6);

    const short = await startGithubStandIn({ pollAnswers: pending, interval: 5, expiresIn: 12 });
    open.push(short);
    const clock2 = fakeClock();
    await expect(githubDeviceFlow({ ...base, githubBase: short.url, onPrompt: () => {}, sleep: clock2.sleep, now: clock2.now })).rejects.toThrow(/timeout/);
    expect(clock2.slept).toEqual([5000, 5000]);
  });

  it('reports a refused device-code request', async () => {
    const gh = await startGithubStandIn({ pollAnswers: [] });
    open.push(gh);
    await expect(githubDeviceFlow({ ...base, clientId: 'unknown', githubBase: gh.url, onPrompt: () => {}, sleep: async () => {} })).rejects.toThrow(
      'POST /login/device/code failed (HTTP 200): unauthorized_client',
    );
  });

  it('checkGithubToken: 200 valid, 401 invalid, other answers unknown', async () => {
    const gh = await startGithubStandIn({ pollAnswers: [] });
    open.push(gh);
    expect(await checkGithubToken(gh.url, gh.token)).toEqual({ status: 'valid', login: 'alice' });
    expect(await checkGithubToken(gh.url, 'gho_revoked')).toMatchObject({ status: 'invalid' });
    const limited = await startStandIn(() => ({ status: 403, json: { message: 'rate limited' } }));
    open.push(limited);
    expect(await checkGithubToken(limited.url, gh.token)).toEqual({ status: 'unknown', reason: 'GitHub answered HTTP 403' });
    expect(gh.requests.at(-1)!.headers['user-agent']).toBe('oauth-admin');
  });
});
