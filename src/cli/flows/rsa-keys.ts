import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import { readEnvFile, setEnvVars } from './env-file.js';
import { MIN_RSA_BITS, privateKeyFromB64, publicKeyFromB64, validatePrivateKeyB64, type KeyValidation } from '../../clients-tokens/rsa-key.js';

export { MIN_RSA_BITS, privateKeyFromB64, publicKeyFromB64, validatePrivateKeyB64, type KeyValidation };

export const JWKS_KID = 'blessed-key-1';

export interface RsaPublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
  use: 'sig';
  alg: 'RS256';
  kid: string;
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
