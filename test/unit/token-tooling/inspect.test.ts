import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeJwt,
  generateJwtSecret,
  generateRsaKeyB64,
  inspectToken,
  signJwt,
  validateConfiguredTokens,
  type InspectOptions,
  type SigningKey,
} from '../../../src/cli/flows/index.js';

const NOW_MS = 1_795_707_266_000;
const NOW = NOW_MS / 1000;
const BASE_DOMAIN = 'example.com';
const ISSUER = 'https://auth.example.com';
const JTI = 'Qk3fGz8xY2pL0aN9vRtU1w';

let rsaKey: string;
let otherRsaKey: string;
const secret = generateJwtSecret();

beforeAll(async () => {
  [rsaKey, otherRsaKey] = await Promise.all([generateRsaKeyB64(), generateRsaKeyB64()]);
});

function claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    sub: '1234567',
    username: 'alice',
    email: 'alice@example.com',
    name: 'Alice',
    scope: 'openid profile email',
    client_id: 'client_3SvF7px4c_BY7LPz2ezxlg',
    jti: JTI,
    iat: NOW - 100,
    exp: NOW + 3600,
    iss: ISSUER,
    aud: ISSUER,
    ...overrides,
  };
}

function b64json(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

const existing = async (jti: string) => jti === JTI;

type Setup = { name: string; key: () => SigningKey; wrongKey: () => SigningKey; options: () => Partial<InspectOptions> };
const setups: Setup[] = [
  {
    name: 'RS256',
    key: () => ({ alg: 'RS256', privateKeyB64: rsaKey }),
    wrongKey: () => ({ alg: 'RS256', privateKeyB64: otherRsaKey }),
    options: () => ({ privateKeyB64: rsaKey, jwtSecret: secret }),
  },
  {
    name: 'HS256',
    key: () => ({ alg: 'HS256', secret }),
    wrongKey: () => ({ alg: 'HS256', secret: generateJwtSecret() }),
    options: () => ({ jwtSecret: secret }),
  },
];

describe.each(setups)('inspectToken with $name', (setup) => {
  const inspect = (token: string, tokenExists = existing) =>
    inspectToken(token, { baseDomain: BASE_DOMAIN, now: () => NOW_MS, tokenExists, ...setup.options() });

  it('VALID: signed by the configured key, right issuer, not expired, record present', async () => {
    const token = await signJwt(claims(), setup.key());
    expect(decodeJwt(token).header).toEqual({ alg: setup.name, typ: 'JWT' });
    expect(await inspect(token)).toEqual({
      verdict: 'VALID',
      reason: 'valid for 3600 s',
      jti: JTI,
      subject: '1234567',
      username: 'alice',
      clientId: 'client_3SvF7px4c_BY7LPz2ezxlg',
      issuer: ISSUER,
      issuedAt: NOW - 100,
      expiresAt: NOW + 3600,
      secondsLeft: 3600,
    });
  });

  it('VALID up to and including the exp second (authlib has no leeway)', async () => {
    expect((await inspect(await signJwt(claims({ exp: NOW }), setup.key()))).verdict).toBe('VALID');
  });

  it('EXPIRED: exp in the past', async () => {
    const result = await inspect(await signJwt(claims({ exp: NOW - 60 }), setup.key()));
    expect(result).toMatchObject({ verdict: 'EXPIRED', reason: 'the token expired 60 s ago', secondsLeft: -60, jti: JTI });
  });

  it('REVOKED: everything checks out but oauth:token:{jti} is gone', async () => {
    const result = await inspect(await signJwt(claims(), setup.key()), async () => false);
    expect(result).toMatchObject({ verdict: 'REVOKED', jti: JTI, username: 'alice' });
  });

  it('FORGED: signed with another key', async () => {
    const result = await inspect(await signJwt(claims(), setup.wrongKey()));
    expect(result.verdict).toBe('FORGED');
    expect(result.reason).toBe(`the ${setup.name} signature does not match the configured key`);
  });

  it('FORGED: payload changed after signing', async () => {
    const [h, , s] = (await signJwt(claims(), setup.key())).split('.');
    const tampered = `${h}.${b64json(claims({ username: 'mallory', exp: NOW + 999_999 }))}.${s}`;
    expect(await inspect(tampered)).toMatchObject({ verdict: 'FORGED', username: 'mallory' });
  });

  it('FORGED: alg none, with or without a signature', async () => {
    const unsigned = `${b64json({ alg: 'none', typ: 'JWT' })}.${b64json(claims())}.`;
    expect(await inspect(unsigned)).toMatchObject({ verdict: 'FORGED', reason: 'the token is unsigned (alg none)' });
    const [, , s] = (await signJwt(claims(), setup.key())).split('.');
    const noneWithSig = `${b64json({ alg: 'None' })}.${b64json(claims())}.${s}`;
    expect((await inspect(noneWithSig)).verdict).toBe('FORGED');
  });

  it('FORGED: a header naming the other algorithm is refused before any verification', async () => {
    const other: SigningKey = setup.name === 'RS256' ? { alg: 'HS256', secret } : { alg: 'RS256', privateKeyB64: rsaKey };
    const result = await inspect(await signJwt(claims(), other));
    expect(result).toMatchObject({
      verdict: 'FORGED',
      reason: `the header says ${other.alg} but the configured key is ${setup.name}`,
    });
  });

  it('MALFORMED: wrong issuer or a missing jti / exp, even when properly signed', async () => {
    const wrongIss = await inspect(await signJwt(claims({ iss: 'https://auth.evil.test' }), setup.key()));
    expect(wrongIss).toMatchObject({ verdict: 'MALFORMED', reason: `the issuer is not ${ISSUER} (check BASE_DOMAIN)` });
    expect(await inspect(await signJwt(claims({ jti: undefined }), setup.key()))).toMatchObject({
      verdict: 'MALFORMED',
      reason: 'the token has no jti claim',
    });
    expect(await inspect(await signJwt(claims({ exp: '2099-01-01' }), setup.key()))).toMatchObject({
      verdict: 'MALFORMED',
      reason: 'the token has no numeric exp claim',
    });
  });
});

describe('inspectToken edge cases', () => {
  const base = { baseDomain: BASE_DOMAIN, now: () => NOW_MS, tokenExists: existing };

  it('MALFORMED for things that are not compact JWTs', async () => {
    for (const token of ['', 'abc', 'a.b', 'a.b.c.d', '!!.e30.', `${b64json([1])}.${b64json({})}.x`, 'e30.bm90IGpzb24.x']) {
      const result = await inspectToken(token, { ...base, jwtSecret: secret });
      expect(result.verdict, token).toBe('MALFORMED');
    }
  });

  it('NO_KEY when no key is configured or the configured key is a placeholder', async () => {
    const token = await signJwt(claims(), { alg: 'HS256', secret });
    expect(await inspectToken(token, base)).toMatchObject({
      verdict: 'NO_KEY',
      reason: 'cannot verify: neither JWT_PRIVATE_KEY_B64 nor GATEWAY_JWT_SECRET is configured',
      username: 'alice',
    });
    expect(await inspectToken(token, { ...base, privateKeyB64: 'placeholder', jwtSecret: secret })).toMatchObject({
      verdict: 'NO_KEY',
      reason: 'cannot verify: JWT_PRIVATE_KEY_B64 is not usable: the value is a placeholder',
    });
  });

  it('uses JWT_ALGORITHM when given: HS256 even though an RSA key is configured', async () => {
    const token = await signJwt(claims(), { alg: 'HS256', secret });
    const options = { ...base, privateKeyB64: rsaKey, jwtSecret: secret };
    expect((await inspectToken(token, options)).verdict).toBe('FORGED');
    expect((await inspectToken(token, { ...options, algorithm: 'HS256' })).verdict).toBe('VALID');
  });

  it('never echoes the token, the secret or control characters from the claims', async () => {
    const evil = claims({ username: 'a\u001b[31mb', sub: 'x'.repeat(1000) });
    const tokens = [
      await signJwt(evil, { alg: 'HS256', secret }),
      await signJwt(evil, { alg: 'HS256', secret: 'wrong' }),
      `${b64json({ alg: 'eyJ'.repeat(5) })}.${b64json(evil)}.sig`,
    ];
    for (const token of tokens) {
      const result = await inspectToken(token, { ...base, jwtSecret: secret });
      const text = JSON.stringify(result);
      for (const part of token.split('.').filter((p) => p.length > 8)) expect(text).not.toContain(part);
      expect(text).not.toContain(secret);
      expect(result.username).toBe('a?[31mb');
      expect(result.subject).toHaveLength(256);
    }
  });
});

describe('validateConfiguredTokens', () => {
  const deps = { now: () => NOW_MS, tokenExists: existing };

  it('reports unset tokens without failing and fails on any configured token that is not VALID', async () => {
    const env = { BASE_DOMAIN, GATEWAY_JWT_SECRET: secret, JWT_ALGORITHM: 'HS256', JWT_PRIVATE_KEY_B64: '' };
    const valid = await signJwt(claims(), { alg: 'HS256', secret });

    const none = await validateConfiguredTokens({ ...env, MCP_CLIENT_ACCESS_TOKEN: 'PLACEHOLDER_NEEDS_REAL_OAUTH_FLOW' }, deps);
    expect(none).toEqual({
      ok: true,
      tokens: [
        { name: 'GATEWAY_OAUTH_ACCESS_TOKEN', verdict: 'NOT_CONFIGURED', reason: 'GATEWAY_OAUTH_ACCESS_TOKEN is not set' },
        { name: 'MCP_CLIENT_ACCESS_TOKEN', verdict: 'NOT_CONFIGURED', reason: 'MCP_CLIENT_ACCESS_TOKEN is not set' },
      ],
    });

    const one = await validateConfiguredTokens({ ...env, GATEWAY_OAUTH_ACCESS_TOKEN: valid }, deps);
    expect(one.ok).toBe(true);
    expect(one.tokens.map((t) => [t.name, t.verdict])).toEqual([
      ['GATEWAY_OAUTH_ACCESS_TOKEN', 'VALID'],
      ['MCP_CLIENT_ACCESS_TOKEN', 'NOT_CONFIGURED'],
    ]);

    const expired = await signJwt(claims({ exp: NOW - 1 }), { alg: 'HS256', secret });
    const bad = await validateConfiguredTokens({ ...env, GATEWAY_OAUTH_ACCESS_TOKEN: valid, MCP_CLIENT_ACCESS_TOKEN: expired }, deps);
    expect(bad.ok).toBe(false);
    expect(bad.tokens.map((t) => t.verdict)).toEqual(['VALID', 'EXPIRED']);
  });

  it('takes BASE_DOMAIN unset as its default, localhost (as the configuration and the recipes do)', async () => {
    const local = 'https://auth.localhost';
    const env = { GATEWAY_JWT_SECRET: secret, JWT_ALGORITHM: 'HS256' };
    const issuedHere = await signJwt(claims({ iss: local, aud: local }), { alg: 'HS256', secret });
    const unset = await validateConfiguredTokens({ ...env, GATEWAY_OAUTH_ACCESS_TOKEN: issuedHere }, deps);
    expect(unset.tokens.map((t) => [t.name, t.verdict])).toEqual([
      ['GATEWAY_OAUTH_ACCESS_TOKEN', 'VALID'],
      ['MCP_CLIENT_ACCESS_TOKEN', 'NOT_CONFIGURED'],
    ]);
    const blank = await validateConfiguredTokens(
      { ...env, BASE_DOMAIN: '  ', GATEWAY_OAUTH_ACCESS_TOKEN: await signJwt(claims(), { alg: 'HS256', secret }) },
      deps,
    );
    expect(blank.ok).toBe(false);
    expect(JSON.stringify(blank.tokens[0])).toContain(local);
  });
});
