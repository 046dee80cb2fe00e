import { describe, expect, it } from 'vitest';
import { decodeAccessToken, decodeAuthCode, decodeAuthState, decodeClient, decodeRefreshToken, isTestClientName } from '../../src/redis/codecs.js';
import { pyJsonDumps } from '../../src/redis/python-json.js';
import { readSampleBackup } from '../helpers/store.js';

describe('record codecs', () => {
  const sample = readSampleBackup();

  it('reads every record of the gateway sample backup exactly as its script parsed it', () => {
    for (const [id, entry] of Object.entries(sample.registrations ?? {})) {
      const { record, parseError } = decodeClient(entry.value);
      const parsed = (entry as unknown as { parsed: Record<string, unknown> }).parsed;
      expect(parseError).toBeNull();
      expect(record?.clientId).toBe(id);
      expect(record?.clientName).toBe(parsed.client_name);
      expect(record?.redirectUris).toEqual(JSON.parse(parsed.redirect_uris as string));
      expect(record?.grantTypes).toEqual(['authorization_code', 'refresh_token']);
      expect(record?.createdAt).toBe(parsed.client_id_issued_at);
    }
    for (const entry of Object.values(sample.tokens ?? {})) {
      const parsed = (entry as unknown as { parsed: Record<string, unknown> }).parsed;
      const { record } = decodeAccessToken(entry.value);
      expect(record).toMatchObject({
        format: 'JSON',
        username: parsed.username,
        clientId: parsed.client_id,
        expiresAt: parsed.expires_at,
        issuedAt: parsed.created_at,
      });
    }
    for (const entry of Object.values(sample.refresh_tokens ?? {})) {
      expect(decodeRefreshToken(entry.value).record).toMatchObject({ username: 'alice', userId: '1234567', createdAt: 1795707266 });
    }
    for (const entry of Object.values(sample.states ?? {})) expect(decodeAuthState(entry.value).record?.codeChallengeMethod).toBe('S256');
    for (const entry of Object.values(sample.codes ?? {}))
      expect(decodeAuthCode(entry.value).record).toMatchObject({ username: 'alice', email: '', codeChallenge: null });
  });

  it('tolerates the variants: real lists, created_at only, ISO dates, nulls, extra fields', () => {
    const client = decodeClient(
      pyJsonDumps({ client_id: 'c', redirect_uris: ['a', 'b'], created_at: '2026-01-01T00:00:00Z', client_name: null, contacts: ['x@y'], resources: ['r'] }),
    );
    expect(client.record).toMatchObject({ redirectUris: ['a', 'b'], createdAt: 1767225600, clientName: null, contacts: ['x@y'] });
    const token = decodeAccessToken(
      pyJsonDumps({ sub: '1', username: 'u', email: null, name: null, scope: 's', client_id: 'c', created_at: '100', expires_at: 200 }),
    );
    expect(token.record).toMatchObject({ email: null, name: null, issuedAt: 100, expiresAt: 200 });
    const code = decodeAuthCode(pyJsonDumps({ client_id: 'c', resources: ['https://r'], username: 'u' }));
    expect(code.record?.resources).toEqual(['https://r']);
  });

  it('reads a compact JWT stored as a token value', () => {
    const payload = Buffer.from(JSON.stringify({ username: 'u', client_id: 'c', iat: 1, exp: 2, jti: 'j' })).toString('base64url');
    expect(decodeAccessToken(`eyJhbGciOiJIUzI1NiJ9.${payload}.sig`).record).toMatchObject({ format: 'JWT', issuedAt: 1, expiresAt: 2, username: 'u' });
    expect(decodeAccessToken('eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.sig').parseError).toContain('JWT payload');
  });

  it('reports corrupt values without throwing and without echoing them', () => {
    const secret = 'super-secret-value';
    for (const raw of [`not json ${secret}`, '123', '"a string"', 'null', '[1, 2]', '', '{"a": ', '\u0000\uFFFD']) {
      for (const decode of [decodeClient, decodeAccessToken, decodeRefreshToken, decodeAuthState, decodeAuthCode]) {
        const result = decode(raw);
        expect(result.record).toBeNull();
        expect(result.parseError).toBeTruthy();
        expect(result.parseError).not.toContain(secret);
      }
    }
  });

  it('is not fooled by prototype keys', () => {
    const { record } = decodeClient('{"__proto__": {"client_name": "TEST evil"}, "constructor": 1}');
    expect(record?.clientName).toBeNull();
    expect(({} as Record<string, unknown>).client_name).toBeUndefined();
  });

  it('knows a test client by its exact "TEST " prefix', () => {
    expect(isTestClientName('TEST integration_suite')).toBe(true);
    expect(isTestClientName('test something')).toBe(false);
    expect(isTestClientName('TESTING')).toBe(false);
    expect(isTestClientName(null)).toBe(false);
  });
});
