import type { KeyObject } from 'node:crypto';
import { SignJWT, compactVerify, decodeJwt as decodePayload, decodeProtectedHeader, errors } from 'jose';
import { privateKeyFromB64, publicKeyFromB64, validatePrivateKeyB64 } from './rsa-key.js';

export type JwtAlgorithm = 'RS256' | 'HS256';
export type JsonObject = Record<string, unknown>;

/** What signs a token: the gateway's RSA key (base64 PEM, as in `JWT_PRIVATE_KEY_B64`) or its HS256 secret. */
export type SigningKey = { alg: 'RS256'; privateKeyB64: string } | { alg: 'RS256'; privateKey: KeyObject } | { alg: 'HS256'; secret: string };

export type VerificationKey = { alg: 'RS256'; publicKey: KeyObject } | { alg: 'HS256'; secret: string };

export interface DecodedJwt {
  header: JsonObject;
  payload: JsonObject;
  /** The compact token as decoded, for `verifySignature`. */
  token: string;
}

export class MalformedJwtError extends Error {
  override name = 'MalformedJwtError';
}

const MAX_TOKEN_LENGTH = 16 * 1024;

/** Splits and decodes a compact JWT. Nothing here is trusted: the signature is not checked. */
export function decodeJwt(token: string): DecodedJwt {
  if (token.length > MAX_TOKEN_LENGTH) throw new MalformedJwtError('the token is too long');
  const compact = token.trim();
  try {
    const payload = decodePayload(compact);
    return { header: decodeProtectedHeader(compact) as JsonObject, payload, token: compact };
  } catch (err) {
    // jose's messages name the failing part and never quote the token.
    throw new MalformedJwtError(`the token is not a compact JWT: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Signs like authlib `JsonWebToken.encode`: header `{"alg", "typ": "JWT"}`, no `kid`, claims as given. */
export async function signJwt(payload: JsonObject, key: SigningKey): Promise<string> {
  const signingKey = key.alg === 'HS256' ? secretBytes(key.secret) : 'privateKey' in key ? key.privateKey : privateKeyFromB64(key.privateKeyB64);
  return new SignJWT(payload).setProtectedHeader({ alg: key.alg, typ: 'JWT' }).sign(signingKey);
}

function secretBytes(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export type KeyResolution = { ok: true; key: VerificationKey } | { ok: false; reason: string };

/**
 * Picks the verification key the way the gateway picks its signing key: `JWT_ALGORITHM=RS256` means the
 * RSA key, any other value means HS256 with the secret; unset means RSA when a key is configured.
 */
export function resolveVerificationKey(config: {
  privateKeyB64?: string | undefined;
  jwtSecret?: string | undefined;
  algorithm?: string | undefined;
}): KeyResolution {
  const algorithm = config.algorithm?.trim();
  const hasRsa = (config.privateKeyB64 ?? '').trim() !== '';
  const useRsa = algorithm ? algorithm === 'RS256' : hasRsa;
  if (useRsa) {
    const check = validatePrivateKeyB64(config.privateKeyB64);
    if (!check.ok) return { ok: false, reason: `JWT_PRIVATE_KEY_B64 is not usable: ${check.reason}` };
    return { ok: true, key: { alg: 'RS256', publicKey: publicKeyFromB64(config.privateKeyB64!) } };
  }
  if (!config.jwtSecret) {
    return { ok: false, reason: 'neither JWT_PRIVATE_KEY_B64 nor GATEWAY_JWT_SECRET is configured' };
  }
  return { ok: true, key: { alg: 'HS256', secret: config.jwtSecret } };
}

export type CheckResult = { ok: true } | { ok: false; reason: string };

/** Checks the signature with the configured key; the header's `alg` must name that key's algorithm. */
export async function verifySignature(decoded: DecodedJwt, key: VerificationKey): Promise<CheckResult> {
  const alg = decoded.header.alg;
  if (typeof alg !== 'string') return { ok: false, reason: 'the header has no alg' };
  if (alg.toLowerCase() === 'none') return { ok: false, reason: 'the token is unsigned (alg none)' };
  if (alg !== key.alg) {
    return { ok: false, reason: `the header says ${printableAlg(alg)} but the configured key is ${key.alg}` };
  }
  try {
    await compactVerify(decoded.token, key.alg === 'HS256' ? secretBytes(key.secret) : key.publicKey, { algorithms: [key.alg] });
    return { ok: true };
  } catch (err) {
    if (err instanceof errors.JWSSignatureVerificationFailed) {
      return { ok: false, reason: `the ${key.alg} signature does not match the configured key` };
    }
    // The code only: jose's messages may quote header parameters, which the token's author controls.
    const code = err instanceof errors.JOSEError ? err.code : 'ERR_JWS_INVALID';
    return { ok: false, reason: `the token is not a verifiable ${key.alg} JWS (${code})` };
  }
}

function printableAlg(alg: string): string {
  return /^[A-Za-z0-9]{1,12}$/.test(alg) ? alg : 'an unsupported algorithm';
}

export type ClaimsCheck =
  | { ok: true; jti: string; exp: number }
  | { ok: false; expired: true; jti: string; exp: number; reason: string }
  | { ok: false; expired: false; reason: string };

/** The gateway's claim rules: `iss` exact, numeric `exp` not in the past (authlib, no leeway), a `jti`. */
export function checkClaims(payload: JsonObject, expected: { issuer: string; nowSeconds: number }): ClaimsCheck {
  const { iss, exp, jti } = payload;
  if (typeof iss !== 'string') return { ok: false, expired: false, reason: 'the token has no iss claim' };
  if (iss !== expected.issuer) {
    return { ok: false, expired: false, reason: `the issuer is not ${expected.issuer} (check BASE_DOMAIN)` };
  }
  if (typeof exp !== 'number' || !Number.isFinite(exp)) {
    return { ok: false, expired: false, reason: 'the token has no numeric exp claim' };
  }
  if (typeof jti !== 'string' || jti === '') return { ok: false, expired: false, reason: 'the token has no jti claim' };
  if (exp < expected.nowSeconds) {
    return { ok: false, expired: true, jti, exp, reason: `the token expired ${expected.nowSeconds - exp} s ago` };
  }
  return { ok: true, jti, exp };
}
