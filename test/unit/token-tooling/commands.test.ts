import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeJwt,
  gatewayTokenComplete,
  generateGithubToken,
  generateRsaKeyB64,
  mcpClientToken,
  mcpClientTokenComplete,
  pkceChallenge,
  readEnvFile,
  refreshTokens,
  signJwt,
} from '../../../src/cli/flows/index.js';
import { fakeClock, startGatewayStandIn, startGithubStandIn, type StandIn } from './stand-ins.js';

let privateKeyB64: string;
const open: StandIn[] = [];
beforeAll(async () => {
  privateKeyB64 = await generateRsaKeyB64();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function setup(envText: string) {
  const gateway = await startGatewayStandIn({ privateKeyB64, baseDomain: 'example.com' });
  open.push(gateway);
  const dir = mkdtempSync(join(tmpdir(), 'token-tooling-cmd-'));
  const envPath = join(dir, '.env');
  writeFileSync(envPath, envText);
  const lines: string[] = [];
  return { gateway, dir, envPath, lines, log: (line: string) => void lines.push(line) };
}

const nowS = () => Math.floor(Date.now() / 1000);
const jwtWithExp = (exp: number) => signJwt({ jti: 'j', exp, iss: 'https://auth.example.com' }, { alg: 'HS256', secret: 'irrelevant-for-the-decision' });

describe('mcpClientToken and mcpClientTokenComplete', () => {
  it('registers mcp-http-stdio, saves the client and a verifier, then the code completes into tokens', async () => {
    const { gateway, envPath, dir, log, lines } = await setup('# MCP client\nBASE_DOMAIN=example.com');
    const env = await readEnvFile(envPath);

    const started = await mcpClientToken({ envPath, env, log, authBase: gateway.url });
    expect(started.registered).toBe(true);
    const registration = JSON.parse(gateway.requests[0]!.body);
    expect(registration).toMatchObject({ client_name: 'mcp-http-stdio', redirect_uris: ['urn:ietf:wg:oauth:2.0:oob'] });

    const saved = await readEnvFile(envPath);
    expect(saved.MCP_CLIENT_ID).toBe(started.clientId);
    expect(saved.MCP_CLIENT_SECRET).toBe(gateway.clients.get(started.clientId)!.client_secret);
    expect(saved.MCP_CLIENT_REGISTRATION_TOKEN).toMatch(/^reg-/);
    expect(saved.MCP_CLIENT_REGISTRATION_URI).toBe(`https://auth.example.com/register/${started.clientId}`);
    expect(started.written).toEqual([
      'MCP_CLIENT_ID',
      'MCP_CLIENT_SECRET',
      'MCP_CLIENT_REGISTRATION_TOKEN',
      'MCP_CLIENT_REGISTRATION_URI',
      'MCP_CODE_VERIFIER',
    ]);
    expect(readFileSync(envPath, 'utf8').startsWith('# MCP client\nBASE_DOMAIN=example.com\nMCP_CLIENT_ID=')).toBe(true);

    const query = new URL(started.authorizeUrl).searchParams;
    expect(query.get('code_challenge')).toBe(pkceChallenge(saved.MCP_CODE_VERIFIER!));
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(lines).toContain(started.authorizeUrl);
    expect(lines.join('\n')).not.toContain(saved.MCP_CLIENT_SECRET);

    const code = gateway.approve(started.authorizeUrl);
    const done = await mcpClientTokenComplete({
      envPath,
      env: await readEnvFile(envPath),
      log,
      authBase: gateway.url,
      code: `https://auth.example.com/success?code=${code}&state=x`,
    });
    expect(done).toMatchObject({ expiresIn: 86400, scope: 'read write', written: ['MCP_CLIENT_ACCESS_TOKEN', 'MCP_CLIENT_REFRESH_TOKEN'] });
    const after = await readEnvFile(envPath);
    expect(decodeJwt(after.MCP_CLIENT_ACCESS_TOKEN!).payload.client_id).toBe(started.clientId);
    expect(gateway.refreshTokens.has(after.MCP_CLIENT_REFRESH_TOKEN!)).toBe(true);
    expect(readdirSync(dir)).toEqual(['.env']);
    expect(lines.join('\n')).not.toContain(after.MCP_CLIENT_ACCESS_TOKEN);
  });

  it('reuses a configured client and completes in one run when prompt returns the code', async () => {
    const { gateway, envPath, log, lines } = await setup('');
    const first = await mcpClientToken({ envPath, env: { BASE_DOMAIN: 'example.com' }, log, authBase: gateway.url });
    const registrations = gateway.requests.filter((r) => r.path === '/register').length;

    const questions: string[] = [];
    const second = await mcpClientToken({
      envPath,
      env: await readEnvFile(envPath),
      log,
      authBase: gateway.url,
      prompt: async (question) => {
        questions.push(question);
        // The user opens the URL this run printed, signs in and pastes the code.
        return gateway.approve(lines.filter((l) => l.includes('/authorize?')).at(-1)!);
      },
    });
    expect(questions).toEqual(['Authorization code (empty to finish later): ']);
    expect(second.registered).toBe(false);
    expect(second.clientId).toBe(first.clientId);
    expect(gateway.requests.filter((r) => r.path === '/register')).toHaveLength(registrations);
    expect(second.written).toEqual(['MCP_CODE_VERIFIER', 'MCP_CLIENT_ACCESS_TOKEN', 'MCP_CLIENT_REFRESH_TOKEN']);
    expect(decodeJwt((await readEnvFile(envPath)).MCP_CLIENT_ACCESS_TOKEN!).payload.client_id).toBe(first.clientId);
  });

  it('registers a new client when the configured one is gone from the gateway', async () => {
    const { gateway, envPath, log, lines } = await setup('MCP_CLIENT_ID=client_deleted\nMCP_CLIENT_SECRET=old\n');
    const result = await mcpClientToken({ envPath, env: await readEnvFile(envPath), log, authBase: gateway.url });
    expect(result.registered).toBe(true);
    expect(lines[0]).toBe('Client client_deleted cannot be used (unknown to the gateway, or no or wrong secret)');
    const saved = await readEnvFile(envPath);
    expect(saved.MCP_CLIENT_ID).toBe(result.clientId);
    expect(readFileSync(envPath, 'utf8').startsWith(`MCP_CLIENT_ID=${result.clientId}\nMCP_CLIENT_SECRET=`)).toBe(true);
  });

  it('complete without a registered client says what to run first; a wrong verifier is the gateway error', async () => {
    const { gateway, envPath, log } = await setup('');
    await expect(mcpClientTokenComplete({ envPath, env: { BASE_DOMAIN: 'example.com' }, log, authBase: gateway.url, code: 'c' })).rejects.toThrow(
      'MCP_CLIENT_ID is not set; run mcp-client-token first',
    );

    const started = await mcpClientToken({ envPath, env: {}, log, authBase: gateway.url });
    const code = gateway.approve(started.authorizeUrl);
    const env = { ...(await readEnvFile(envPath)), MCP_CODE_VERIFIER: 'x'.repeat(43) };
    await expect(mcpClientTokenComplete({ envPath, env, log, authBase: gateway.url, code })).rejects.toThrow(
      'POST /token failed (HTTP 400): invalid_grant: PKCE verification failed',
    );
  });
});

describe('refreshTokens', () => {
  it('refreshes an expiring gateway token and leaves MCP_CLIENT_ACCESS_TOKEN alone', async () => {
    const { gateway, envPath, log, lines } = await setup('');
    // A gateway client with a real refresh token, obtained through the stand-in.
    await mcpClientToken({ envPath, env: {}, log, authBase: gateway.url });
    const mcp = await readEnvFile(envPath);
    await mcpClientTokenComplete({
      envPath,
      env: mcp,
      log,
      authBase: gateway.url,
      code: gateway.approve(new URL(lines.find((l) => l.includes('/authorize'))!).href),
    });
    const issued = await readEnvFile(envPath);

    // The MCP client's token as the gateway issued it: not near expiry, and /verify accepts it.
    const mcpToken = issued.MCP_CLIENT_ACCESS_TOKEN!;
    const old = await jwtWithExp(nowS() + 600);
    writeFileSync(
      envPath,
      [
        'BASE_DOMAIN=example.com',
        `GATEWAY_OAUTH_ACCESS_TOKEN=${old}`,
        `GATEWAY_OAUTH_REFRESH_TOKEN=${issued.MCP_CLIENT_REFRESH_TOKEN}`,
        `GATEWAY_OAUTH_CLIENT_ID=${issued.MCP_CLIENT_ID}`,
        `GATEWAY_OAUTH_CLIENT_SECRET=${issued.MCP_CLIENT_SECRET}`,
        `MCP_CLIENT_ACCESS_TOKEN=${mcpToken}`,
        '',
      ].join('\n'),
    );
    const result = await refreshTokens({ envPath, env: await readEnvFile(envPath), log, authBase: gateway.url, checkGithubPat: false });
    expect(result).toMatchObject({
      ok: true,
      gateway: { action: 'refreshed', expiresIn: 86400 },
      mcpClient: { action: 'kept', verified: true },
      githubPat: 'skipped',
      written: ['GATEWAY_OAUTH_ACCESS_TOKEN'],
    });
    const after = await readEnvFile(envPath);
    expect(after.GATEWAY_OAUTH_ACCESS_TOKEN).not.toBe(old);
    expect(decodeJwt(after.GATEWAY_OAUTH_ACCESS_TOKEN!).payload.iss).toBe('https://auth.example.com');
    expect(after.MCP_CLIENT_ACCESS_TOKEN).toBe(mcpToken);
    expect(after.GATEWAY_OAUTH_REFRESH_TOKEN).toBe(issued.MCP_CLIENT_REFRESH_TOKEN);
  });

  it('keeps fresh tokens, reports missing pieces, and never copies the gateway token', async () => {
    const { gateway, envPath, log, lines } = await setup('');
    const fresh = await jwtWithExp(nowS() + 7200);
    const env = { BASE_DOMAIN: 'example.com', GATEWAY_OAUTH_ACCESS_TOKEN: fresh, MCP_CLIENT_ACCESS_TOKEN: await jwtWithExp(nowS() - 5) };
    const result = await refreshTokens({ envPath, env, log, authBase: gateway.url, checkGithubPat: false, verifyOnline: false });
    expect(result.gateway).toMatchObject({ action: 'kept', verified: false });
    expect(result.mcpClient).toEqual({
      action: 'cannot-refresh',
      reason: 'expired, and MCP_CLIENT_REFRESH_TOKEN, MCP_CLIENT_ID, MCP_CLIENT_SECRET not set',
    });
    expect(result.ok).toBe(false);
    expect(result.written).toEqual([]);
    expect(readFileSync(envPath, 'utf8')).toBe('');
    expect(gateway.requests).toHaveLength(0);
    expect(lines.join('\n')).not.toContain(fresh);

    // Neither token configured: nothing to refresh is not a failure.
    const none = await refreshTokens({ envPath, env: { BASE_DOMAIN: 'example.com' }, log, authBase: gateway.url, checkGithubPat: false });
    expect(none).toMatchObject({ ok: true, gateway: { action: 'not-configured' }, mcpClient: { action: 'not-configured' } });
  });

  it('refreshes a token the gateway refuses although its exp is far off (revoked), and keeps one it accepts', async () => {
    const { gateway, envPath, log, lines } = await setup('');
    await mcpClientToken({ envPath, env: {}, log, authBase: gateway.url });
    const mcp = await readEnvFile(envPath);
    await mcpClientTokenComplete({
      envPath,
      env: mcp,
      log,
      authBase: gateway.url,
      code: gateway.approve(new URL(lines.find((l) => l.includes('/authorize'))!).href),
    });
    const issued = await readEnvFile(envPath);
    const accepted = await refreshTokens({ envPath, env: issued, log, authBase: gateway.url, checkGithubPat: false });
    expect(accepted).toMatchObject({ ok: true, gateway: { action: 'not-configured' }, mcpClient: { action: 'kept', verified: true }, written: [] });

    gateway.tokens.delete(decodeJwt(issued.MCP_CLIENT_ACCESS_TOKEN!).payload.jti as string);
    lines.length = 0;
    const revoked = await refreshTokens({ envPath, env: issued, log, authBase: gateway.url, checkGithubPat: false });
    expect(revoked).toMatchObject({
      ok: true,
      mcpClient: { action: 'refreshed', why: expect.stringContaining('/verify (HTTP 401)') },
      written: ['MCP_CLIENT_ACCESS_TOKEN'],
    });
    expect(lines[1]).toMatch(/^MCP_CLIENT_ACCESS_TOKEN: refreshed \(was: refused by the gateway's \/verify \(HTTP 401\)/);
    const after = await readEnvFile(envPath);
    expect(after.MCP_CLIENT_ACCESS_TOKEN).not.toBe(issued.MCP_CLIENT_ACCESS_TOKEN);
    expect(gateway.tokens.has(decodeJwt(after.MCP_CLIENT_ACCESS_TOKEN!).payload.jti as string)).toBe(true);
  });

  it('reports a refresh the gateway refuses as failed, with its error', async () => {
    const { gateway, envPath, log } = await setup('');
    const env = {
      BASE_DOMAIN: 'example.com',
      GATEWAY_OAUTH_REFRESH_TOKEN: 'gone',
      GATEWAY_OAUTH_CLIENT_ID: 'client_unknown',
      GATEWAY_OAUTH_CLIENT_SECRET: 'client-secret-value',
    };
    const result = await refreshTokens({ envPath, env, log, authBase: gateway.url, checkGithubPat: false });
    expect(result.gateway).toEqual({ action: 'failed', reason: 'POST /token failed (HTTP 401): invalid_client: Client authentication failed' });
    expect(result.ok).toBe(false);
  });

  it('checks GITHUB_PAT: a rejected one fails the run', async () => {
    const { gateway, envPath, log } = await setup('');
    const gh = await startGithubStandIn({ pollAnswers: [] });
    open.push(gh);
    const env = { BASE_DOMAIN: 'example.com', GATEWAY_OAUTH_ACCESS_TOKEN: await jwtWithExp(nowS() + 7200) };
    const good = await refreshTokens({
      envPath,
      env: { ...env, GITHUB_PAT: gh.token },
      log,
      authBase: gateway.url,
      githubApiBase: gh.url,
      verifyOnline: false,
    });
    expect([good.ok, good.githubPat]).toEqual([true, 'valid']);
    const bad = await refreshTokens({
      envPath,
      env: { ...env, GITHUB_PAT: 'gho_revoked' },
      log,
      authBase: gateway.url,
      githubApiBase: gh.url,
      verifyOnline: false,
    });
    expect([bad.ok, bad.githubPat]).toEqual([false, 'invalid']);
    const missing = await refreshTokens({ envPath, env, log, authBase: gateway.url, githubApiBase: gh.url, verifyOnline: false });
    expect([missing.ok, missing.githubPat]).toEqual([true, 'missing']);
  });
});

describe('generateGithubToken', () => {
  const callback = 'https://auth.example.com/success';

  it('runs the device flow, registers the gateway client and completes with the pasted code', async () => {
    const { gateway, envPath, log, lines } = await setup(`BASE_DOMAIN=example.com\nTEST_OAUTH_CALLBACK_URL=${callback}\n`);
    const gh = await startGithubStandIn({ pollAnswers: [{ json: { error: 'authorization_pending' } }, { json: { error: 'slow_down', interval: 10 } }] });
    open.push(gh);
    const clock = fakeClock(Date.now());
    const env = { ...(await readEnvFile(envPath)), GITHUB_CLIENT_ID: 'Iv1.github-app' };

    const result = await generateGithubToken({
      envPath,
      env,
      log,
      authBase: gateway.url,
      githubBase: gh.url,
      githubApiBase: gh.url,
      sleep: clock.sleep,
      now: clock.now,
      prompt: async () => gateway.approve(lines.find((l) => l.includes('/authorize?'))!),
    });

    expect(result).toMatchObject({ githubPat: 'created', gatewayClient: 'registered', gatewayToken: 'created' });
    expect(clock.slept).toEqual([5000, 5000, 10000]);
    expect(lines).toContain('Open https://github.com/login/device and enter the code WDJB-MJHT');
    expect(JSON.parse(gateway.requests.find((r) => r.path === '/register')!.body)).toEqual({
      redirect_uris: [callback],
      client_name: 'MCP OAuth Gateway Client',
      scope: 'openid profile email',
    });
    const saved = await readEnvFile(envPath);
    expect(saved.GITHUB_PAT).toBe(gh.token);
    expect(gateway.clients.has(saved.GATEWAY_OAUTH_CLIENT_ID!)).toBe(true);
    expect(saved.GATEWAY_OAUTH_REGISTRATION_TOKEN).toMatch(/^reg-/);
    expect(decodeJwt(saved.GATEWAY_OAUTH_ACCESS_TOKEN!).payload.client_id).toBe(saved.GATEWAY_OAUTH_CLIENT_ID);
    expect(gateway.refreshTokens.has(saved.GATEWAY_OAUTH_REFRESH_TOKEN!)).toBe(true);
    const authorize = new URL(result.authorizeUrl!).searchParams;
    expect(authorize.get('redirect_uri')).toBe(callback);
    expect(authorize.get('code_challenge')).toBe(pkceChallenge(saved.GATEWAY_OAUTH_CODE_VERIFIER!));
    for (const secret of [saved.GITHUB_PAT, saved.GATEWAY_OAUTH_CLIENT_SECRET, saved.GATEWAY_OAUTH_ACCESS_TOKEN]) {
      expect(lines.join('\n')).not.toContain(secret);
    }

    // A second run finds everything valid and changes nothing.
    const before = readFileSync(envPath, 'utf8');
    const again = await generateGithubToken({ envPath, env: saved, log, authBase: gateway.url, githubBase: gh.url, githubApiBase: gh.url });
    expect(again).toEqual({ githubPat: 'kept', gatewayClient: 'kept', gatewayToken: 'kept', written: [] });
    expect(readFileSync(envPath, 'utf8')).toBe(before);
  });

  it('re-registers a client the gateway no longer knows and leaves the token pending without a code', async () => {
    const { gateway, envPath, log } = await setup('');
    const gh = await startGithubStandIn({ pollAnswers: [] });
    open.push(gh);
    const env = {
      BASE_DOMAIN: 'example.com',
      TEST_OAUTH_CALLBACK_URL: callback,
      GITHUB_PAT: gh.token,
      GATEWAY_OAUTH_CLIENT_ID: 'client_deleted',
      GATEWAY_OAUTH_CLIENT_SECRET: 'old-secret',
      GATEWAY_OAUTH_ACCESS_TOKEN: 'stale',
    };
    const result = await generateGithubToken({ envPath, env, log, authBase: gateway.url, githubApiBase: gh.url });
    expect(result).toMatchObject({ githubPat: 'kept', gatewayClient: 'registered', gatewayToken: 'pending' });
    const saved = await readEnvFile(envPath);
    expect(saved.GATEWAY_OAUTH_CLIENT_ID).not.toBe('client_deleted');

    // Completing later uses the stored verifier.
    const code = gateway.approve(result.authorizeUrl!);
    const done = await gatewayTokenComplete({ envPath, env: { ...env, ...saved }, log, authBase: gateway.url, code });
    expect(done.written).toEqual(['GATEWAY_OAUTH_ACCESS_TOKEN', 'GATEWAY_OAUTH_REFRESH_TOKEN']);
  });
});
