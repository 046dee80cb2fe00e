import { DEFAULT_BASE_DOMAIN } from '../config.js';
import { checkClaims, decodeJwt, resolveVerificationKey, verifySignature, type JsonObject } from './jwt.js';

export type TokenVerdict = 'VALID' | 'EXPIRED' | 'REVOKED' | 'FORGED' | 'MALFORMED' | 'NO_KEY';

/**
 * The outcome of checking one token. Claims are copied only from a decodable payload and are verified
 * only for VALID, EXPIRED and REVOKED. `secondsLeft` is negative once expired. Never holds the token.
 */
export interface TokenInspection {
  verdict: TokenVerdict;
  reason: string;
  jti?: string;
  subject?: string;
  username?: string;
  clientId?: string;
  issuer?: string;
  issuedAt?: number;
  expiresAt?: number;
  secondsLeft?: number;
}

export interface InspectOptions {
  baseDomain: string;
  privateKeyB64?: string | undefined;
  jwtSecret?: string | undefined;
  /** The gateway's `JWT_ALGORITHM`, when known; otherwise RS256 if a private key is configured. */
  algorithm?: string | undefined;
  now: () => number;
  /** Whether `oauth:token:{jti}` still exists in Redis. */
  tokenExists: (jti: string) => Promise<boolean>;
}

export function issuerFor(baseDomain: string): string {
  return `https://auth.${baseDomain}`;
}

/** Checks a token the way the gateway's `/verify` does: signature, issuer, expiry, then the Redis record. */
export async function inspectToken(token: string, options: InspectOptions): Promise<TokenInspection> {
  let decoded;
  try {
    decoded = decodeJwt(token);
  } catch (err) {
    return { verdict: 'MALFORMED', reason: (err as Error).message };
  }
  const nowSeconds = Math.floor(options.now() / 1000);
  const claims = describeClaims(decoded.payload, nowSeconds);

  const key = resolveVerificationKey(options);
  if (!key.ok) return { verdict: 'NO_KEY', reason: `cannot verify: ${key.reason}`, ...claims };

  const signature = await verifySignature(decoded, key.key);
  if (!signature.ok) return { verdict: 'FORGED', reason: signature.reason, ...claims };

  const check = checkClaims(decoded.payload, { issuer: issuerFor(options.baseDomain), nowSeconds });
  if (!check.ok) {
    return { verdict: check.expired ? 'EXPIRED' : 'MALFORMED', reason: check.reason, ...claims };
  }
  if (!(await options.tokenExists(check.jti))) {
    return { verdict: 'REVOKED', reason: 'the token record is gone from Redis (revoked or deleted)', ...claims };
  }
  return { verdict: 'VALID', reason: `valid for ${check.exp - nowSeconds} s`, ...claims };
}

type Claims = Omit<TokenInspection, 'verdict' | 'reason'>;

function describeClaims(payload: JsonObject, nowSeconds: number): Claims {
  const claims: Claims = {};
  const jti = text(payload.jti);
  const subject = text(payload.sub);
  const username = text(payload.username);
  const clientId = text(payload.client_id);
  const issuer = text(payload.iss);
  if (jti !== undefined) claims.jti = jti;
  if (subject !== undefined) claims.subject = subject;
  if (username !== undefined) claims.username = username;
  if (clientId !== undefined) claims.clientId = clientId;
  if (issuer !== undefined) claims.issuer = issuer;
  if (isTime(payload.iat)) claims.issuedAt = payload.iat;
  if (isTime(payload.exp)) {
    claims.expiresAt = payload.exp;
    claims.secondsLeft = payload.exp - nowSeconds;
  }
  return claims;
}

// Claims of an unverified token are attacker-controlled: keep them short and free of control characters.
function text(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  return value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 256);
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export const CONFIGURED_TOKEN_NAMES = ['GATEWAY_OAUTH_ACCESS_TOKEN', 'MCP_CLIENT_ACCESS_TOKEN'] as const;
export type ConfiguredTokenName = (typeof CONFIGURED_TOKEN_NAMES)[number];

export type ConfiguredTokenReport =
  { name: ConfiguredTokenName; verdict: 'NOT_CONFIGURED'; reason: string } | ({ name: ConfiguredTokenName } & TokenInspection);

export interface ConfiguredTokensResult {
  /** False when any configured token is not VALID; tokens that are not configured do not fail. */
  ok: boolean;
  tokens: ConfiguredTokenReport[];
}

export type EnvLike = Readonly<Record<string, string | undefined>>;

/** Placeholder the gateway's setup writes before a real OAuth flow has run. */
export const TOKEN_PLACEHOLDER = 'PLACEHOLDER_NEEDS_REAL_OAUTH_FLOW';

/**
 * `validate-tokens` / `check-token-expiry`: inspects the configured tokens using `BASE_DOMAIN` (unset:
 * `localhost`, as in the configuration),
 * `JWT_PRIVATE_KEY_B64`, `GATEWAY_JWT_SECRET` and `JWT_ALGORITHM` from `env`.
 */
export async function validateConfiguredTokens(env: EnvLike, deps: Pick<InspectOptions, 'now' | 'tokenExists'>): Promise<ConfiguredTokensResult> {
  // One default for BASE_DOMAIN, the configuration's (the CLI's recipes and the service use it too).
  const baseDomain = env.BASE_DOMAIN?.trim() || DEFAULT_BASE_DOMAIN;
  const tokens: ConfiguredTokenReport[] = [];
  for (const name of CONFIGURED_TOKEN_NAMES) {
    const token = env[name]?.trim();
    if (!token || token === TOKEN_PLACEHOLDER) {
      tokens.push({ name, verdict: 'NOT_CONFIGURED', reason: `${name} is not set` });
      continue;
    }
    const inspection = await inspectToken(token, {
      baseDomain,
      privateKeyB64: env.JWT_PRIVATE_KEY_B64,
      jwtSecret: env.GATEWAY_JWT_SECRET,
      algorithm: env.JWT_ALGORITHM,
      ...deps,
    });
    tokens.push({ name, ...inspection });
  }
  return { ok: tokens.every((t) => t.verdict === 'VALID' || t.verdict === 'NOT_CONFIGURED'), tokens };
}
