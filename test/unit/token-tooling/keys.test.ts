import { spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ensureRsaKey,
  generateJwtSecret,
  generateRsaKeyB64,
  jwksEntry,
  publicKeyPem,
  readEnvFile,
  validatePrivateKeyB64,
  writeJwtSecret,
} from '../../../src/cli/flows/index.js';

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const tempDir = () => mkdtempSync(join(tmpdir(), 'token-tooling-keys-'));
const b64 = (text: string) => Buffer.from(text).toString('base64');

let keyB64: string;
beforeAll(async () => {
  keyB64 = await generateRsaKeyB64();
});

describe('generateJwtSecret', () => {
  it('is 43 unpadded base64url characters from 32 random bytes', async () => {
    const secret = generateJwtSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(generateJwtSecret()).not.toBe(secret);

    const path = join(tempDir(), '.env');
    writeFileSync(path, 'GATEWAY_JWT_SECRET=old\n');
    // An existing secret signs the gateway's live tokens: kept unless forced.
    expect(await writeJwtSecret(path)).toEqual({ written: false, replaced: false });
    expect(readFileSync(path, 'utf8')).toBe('GATEWAY_JWT_SECRET=old\n');
    const forced = await writeJwtSecret(path, { force: true });
    expect(forced).toMatchObject({ written: true, replaced: true });
    expect(readFileSync(path, 'utf8')).toBe(`GATEWAY_JWT_SECRET=${forced.written ? forced.secret : ''}\n`);
    const fresh = join(tempDir(), '.env');
    const first = await writeJwtSecret(fresh);
    expect(first).toMatchObject({ written: true, replaced: false });
  });
});

describe('generateRsaKeyB64', () => {
  it('is one line of padded base64 of an unencrypted PKCS#8 PEM, RSA 2048, e = 65537', () => {
    expect(keyB64).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
    const pem = Buffer.from(keyB64, 'base64').toString();
    expect(pem.startsWith('-----BEGIN PRIVATE KEY-----\n')).toBe(true);
    expect(validatePrivateKeyB64(keyB64)).toEqual({ ok: true, bits: 2048 });
    expect(jwksEntry(keyB64).e).toBe('AQAB');
  });

  const opensslNote = hasOpenssl ? '' : ' [skipped: no openssl binary on PATH]';
  it.skipIf(!hasOpenssl)(`is accepted by openssl (pkey -check) and has the modulus the JWK publishes${opensslNote}`, () => {
    const file = join(tempDir(), 'key.pem');
    writeFileSync(file, Buffer.from(keyB64, 'base64'));
    const check = spawnSync('openssl', ['pkey', '-in', file, '-check', '-noout'], { encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout + check.stderr).toMatch(/valid/i);

    const modulus = spawnSync('openssl', ['rsa', '-in', file, '-noout', '-modulus'], { encoding: 'utf8' });
    expect(modulus.status, modulus.stderr).toBe(0);
    const hex = modulus.stdout.trim().replace(/^Modulus=/, '');
    expect(Buffer.from(jwksEntry(keyB64).n, 'base64url').toString('hex').toUpperCase()).toBe(hex);
  });
});

describe('validatePrivateKeyB64', () => {
  it.each([
    ['', /no key/],
    ['your_base64_encoded_private_key_here', /placeholder/],
    ['PLACEHOLDER', /placeholder/],
    ['not base64!', /not valid base64/],
    ['QUJD', /not a PEM private key/],
  ])('rejects %j', (value, reason) => {
    const result = validatePrivateKeyB64(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('rejects base64 that is not strict (line breaks inside, bad padding)', () => {
    expect(validatePrivateKeyB64(`${keyB64.slice(0, 64)}\n${keyB64.slice(64)}`)).toMatchObject({ ok: false, reason: 'the value is not valid base64' });
    expect(validatePrivateKeyB64(`${keyB64}=`)).toMatchObject({ ok: false, reason: 'the value is not valid base64' });
  });

  it('rejects small RSA keys, EC keys, public keys and encrypted keys', () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(validatePrivateKeyB64(b64(small.toString()))).toEqual({
      ok: false,
      reason: 'the RSA key has 1024 bits; at least 2048 are required',
    });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(validatePrivateKeyB64(b64(ec.toString()))).toEqual({ ok: false, reason: 'the key is ec, not RSA' });
    expect(validatePrivateKeyB64(b64(publicKeyPem(keyB64)))).toMatchObject({ ok: false });
    const encrypted = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase: 'pw',
    });
    expect(validatePrivateKeyB64(b64(encrypted.toString()))).toEqual({ ok: false, reason: 'the private key is encrypted' });
  });

  it('accepts a PKCS#1 RSA key as the gateway does', () => {
    const pkcs1 = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' });
    expect(validatePrivateKeyB64(b64(pkcs1.toString()))).toEqual({ ok: true, bits: 2048 });
  });
});

describe('publicKeyPem and jwksEntry', () => {
  it('publish the public half of the key, as /jwks does', () => {
    const pem = publicKeyPem(keyB64);
    expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/);
    const jwk = jwksEntry(keyB64);
    expect(Object.keys(jwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(jwk).toMatchObject({ kty: 'RSA', e: 'AQAB', use: 'sig', alg: 'RS256', kid: 'blessed-key-1' });

    // A signature made with the private key verifies with the key rebuilt from the JWK alone.
    const data = Buffer.from('signed by the gateway');
    const privatePem = Buffer.from(keyB64, 'base64').toString();
    const signature = sign('sha256', data, privatePem);
    const fromJwk = createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: 'jwk' });
    expect(verify('sha256', data, fromJwk, signature)).toBe(true);
    expect(fromJwk.export({ type: 'spki', format: 'pem' })).toBe(pem);
  });
});

describe('ensureRsaKey', () => {
  it('keeps a valid key and changes nothing', async () => {
    const dir = tempDir();
    const path = join(dir, '.env');
    const content = `# keys\nJWT_PRIVATE_KEY_B64=${keyB64}\nOTHER=1`;
    writeFileSync(path, content);
    const result = await ensureRsaKey(path);
    expect(result).toEqual({ generated: false, bits: 2048, publicKeyPem: publicKeyPem(keyB64) });
    expect(readFileSync(path, 'utf8')).toBe(content);
  });

  it('replaces a placeholder, appending nothing else, and leaves no backup', async () => {
    const dir = tempDir();
    const path = join(dir, '.env');
    writeFileSync(path, 'A=1\nJWT_PRIVATE_KEY_B64=your_base64_encoded_private_key_here\nB=2');
    const result = await ensureRsaKey(path);
    expect(result).toMatchObject({ generated: true, bits: 2048, replacedReason: 'the value is a placeholder' });
    const stored = (await readEnvFile(path)).JWT_PRIVATE_KEY_B64!;
    expect(validatePrivateKeyB64(stored)).toEqual({ ok: true, bits: 2048 });
    expect(readFileSync(path, 'utf8')).toBe(`A=1\nJWT_PRIVATE_KEY_B64=${stored}\nB=2`);
    expect(result.publicKeyPem).toBe(publicKeyPem(stored));
    expect(readdirSync(dir)).toEqual(['.env']);
  });

  it('appends a key when the line is missing, adding the missing newline first', async () => {
    const path = join(tempDir(), '.env');
    writeFileSync(path, 'A=1');
    await ensureRsaKey(path);
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^A=1\nJWT_PRIVATE_KEY_B64=[A-Za-z0-9+/]+={0,2}\n$/);
  });
});
