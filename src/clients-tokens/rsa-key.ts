import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** The gateway's RSA signing key as configured (`JWT_PRIVATE_KEY_B64`): checked and loaded. */

export const MIN_RSA_BITS = 2048;

export type KeyValidation = { ok: true; bits: number } | { ok: false; reason: string };

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

/** Loads the private key from `JWT_PRIVATE_KEY_B64` form; throws with the validation reason if unusable. */
export function privateKeyFromB64(b64: string): KeyObject {
  const check = validatePrivateKeyB64(b64);
  if (!check.ok) throw new Error(`JWT_PRIVATE_KEY_B64 is not usable: ${check.reason}`);
  return createPrivateKey({ key: Buffer.from(b64.trim(), 'base64').toString('utf8'), format: 'pem' });
}

export function publicKeyFromB64(b64: string): KeyObject {
  return createPublicKey(privateKeyFromB64(b64));
}
