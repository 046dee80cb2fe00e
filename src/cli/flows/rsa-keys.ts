import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { readEnvFile, setEnvVars } from './env-file.js';

export const MIN_RSA_BITS = 2048;
export const JWKS_KID = 'blessed-key-1';

export type KeyValidation = { ok: true; bits: number } | { ok: false; reason: string };

export interface RsaPublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
  use: 'sig';
  alg: 'RS256';
  kid: string;
}

const PLACEHOLDERS = new Set(['your_base64_encoded_private_key_here', 'placeholder', 'changeme', 'change_me', 'none', 'null', 'todo', 'xxx']);
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Checks a `JWT_PRIVATE_KEY_B64` value: base64 of an unencrypted PEM RSA private key of >= 2048 bits. */
export function validatePrivateKeyB64(b64: string | undefined): KeyValidation {
  const value = (b64 ?? '').trim();
  if (value === '') return { ok: false, reason: 'no key is set' };
  if (PLACEHOLDERS.has(value.toLowerCase()) || /^your_.*_here$/i.test(value)) {
    return { ok: false, reason: 'the value is a placeholder' };
  }
  if (!STRICT_BASE64.test(value)) return { ok: false, reason: 'the value is not valid base64' };
  const pem = Buffer.from(value, 'base64').toString('utf8');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    return { ok: false, reason: 'the decoded value is not a PEM private key' };
  }
  if (pem.includes('ENCRYPTED')) return { ok: false, reason: 'the private key is encrypted' };
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    return { ok: false, reason: 'the PEM private key cannot be parsed' };
  }
  if (key.asymmetricKeyType !== 'rsa') {
    return { ok: false, reason: `the key is ${key.asymmetricKeyType ?? 'not asymmetric'}, not RSA` };
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS) {
    return { ok: false, reason: `the RSA key has ${bits} bits; at least ${MIN_RSA_BITS} are required` };
  }
  return { ok: true, bits };
}

/** RSA 2048, e = 65537, PKCS#8 unencrypted PEM, then standard padded base64 of the PEM text. */
export async function generateRsaKeyB64(): Promise<string> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: 2048,
    publicExponent: 65537,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return Buffer.from(privateKey, 'utf8').toString('base64');
}

/** Loads the private key from `JWT_PRIVATE_KEY_B64` form; throws with the validation reason if unusable. */
export function privateKeyFromB64(b64: string): KeyObject {
  const check = validatePrivateKeyB64(b64);
  if (!check.ok) throw new Error(`JWT_PRIVATE_KEY_B64 is not usable: ${check.reason}`);
  return createPrivateKey({ key: Buffer.from(b64.trim(), 'base64').toString('utf8'), format: 'pem' });
}

export function publicKeyFromB64(b64: string): KeyObject {
  return createPublicKey(privateKeyFromB64(b64));
}

/** SPKI PEM of the public half. */
export function publicKeyPem(b64: string): string {
  return publicKeyFromB64(b64).export({ type: 'spki', format: 'pem' }).toString();
}

/** The entry the gateway's `/jwks` publishes for this key. */
export function jwksEntry(b64: string): RsaPublicJwk {
  const jwk = publicKeyFromB64(b64).export({ format: 'jwk' });
  if (typeof jwk.n !== 'string' || typeof jwk.e !== 'string') throw new Error('RSA public key export failed');
  return { kty: 'RSA', n: jwk.n, e: jwk.e, use: 'sig', alg: 'RS256', kid: JWKS_KID };
}

export type EnsureRsaKeyResult =
  { generated: false; bits: number; publicKeyPem: string } | { generated: true; bits: number; publicKeyPem: string; replacedReason: string };

/** `generate-rsa-keys`: keeps a valid `JWT_PRIVATE_KEY_B64`, otherwise generates one and stores it. */
export async function ensureRsaKey(envPath: string): Promise<EnsureRsaKeyResult> {
  const current = (await readEnvFile(envPath)).JWT_PRIVATE_KEY_B64;
  const check = validatePrivateKeyB64(current);
  if (check.ok) return { generated: false, bits: check.bits, publicKeyPem: publicKeyPem(current!) };

  const b64 = await generateRsaKeyB64();
  await setEnvVars(envPath, { JWT_PRIVATE_KEY_B64: b64 });
  return { generated: true, bits: 2048, publicKeyPem: publicKeyPem(b64), replacedReason: check.reason };
}
