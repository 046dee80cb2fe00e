/**
 * One codec per record kind, reading the gateway's exact formats and every variant listed in
 * reference/gateway-data.md. Decoding never throws: a value that is not a JSON object (or, for
 * access tokens, a compact JWT) comes back with a `parseError` and no record.
 */

export type Decoded<T> = { record: T; parseError: null } | { record: null; parseError: string };

type JsonObject = Record<string, unknown>;

function fail<T>(reason: string): Decoded<T> {
  return { record: null, parseError: reason };
}

export function parseJsonObject(raw: string): { ok: true; value: JsonObject } | { ok: false; error: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    // The value is never echoed: it may hold a secret.
    return { ok: false, error: `not JSON (${raw.length} characters)` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return { ok: false, error: `JSON ${kind}, not an object` };
  }
  return { ok: true, value: value as JsonObject };
}

/** A codec for a record stored as a JSON object: anything else is reported as corrupt. */
function objectCodec<T>(read: (o: JsonObject) => T): (raw: string) => Decoded<T> {
  return (raw) => {
    const parsed = parseJsonObject(raw);
    return parsed.ok ? { parseError: null, record: read(parsed.value) } : fail(parsed.error);
  };
}

function field(obj: JsonObject, name: string): unknown {
  return Object.hasOwn(obj, name) ? obj[name] : undefined;
}

function str(obj: JsonObject, name: string): string | null {
  const v = field(obj, name);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** Epoch seconds from an int, a numeric string or an ISO date (the gateway's docs show both). */
function epoch(obj: JsonObject, name: string): number | null {
  const v = field(obj, name);
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    if (Number.isFinite(n)) return n;
    const ms = Date.parse(v);
    if (Number.isFinite(ms)) return Math.floor(ms / 1000);
  }
  return null;
}

/** A list stored as a real list or, as the gateway does for clients, as a JSON string of one. */
function stringList(obj: JsonObject, name: string): string[] | null {
  let v = field(obj, name);
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch {
      return [v as string];
    }
  }
  if (!Array.isArray(v)) return null;
  return v.filter((x): x is string => typeof x === 'string');
}

function firstNonNull<T>(...values: (T | null)[]): T | null {
  for (const v of values) if (v !== null) return v;
  return null;
}

// ---------------------------------------------------------------- client

export interface ClientRecord {
  clientId: string | null;
  clientSecret: string | null;
  clientSecretExpiresAt: number | null;
  clientName: string | null;
  scope: string | null;
  redirectUris: string[] | null;
  grantTypes: string[] | null;
  responseTypes: string[] | null;
  /** `client_id_issued_at`, or `created_at` for older records. */
  createdAt: number | null;
  registrationAccessToken: string | null;
  clientUri: string | null;
  logoUri: string | null;
  tosUri: string | null;
  policyUri: string | null;
  contacts: string[] | null;
}

export const decodeClient = objectCodec<ClientRecord>((o) => ({
  clientId: str(o, 'client_id'),
  clientSecret: str(o, 'client_secret'),
  clientSecretExpiresAt: epoch(o, 'client_secret_expires_at'),
  clientName: str(o, 'client_name'),
  scope: str(o, 'scope'),
  redirectUris: stringList(o, 'redirect_uris'),
  grantTypes: stringList(o, 'grant_types'),
  responseTypes: stringList(o, 'response_types'),
  createdAt: firstNonNull(epoch(o, 'client_id_issued_at'), epoch(o, 'created_at')),
  registrationAccessToken: str(o, 'registration_access_token'),
  clientUri: str(o, 'client_uri'),
  logoUri: str(o, 'logo_uri'),
  tosUri: str(o, 'tos_uri'),
  policyUri: str(o, 'policy_uri'),
  contacts: stringList(o, 'contacts'),
}));

/** `TEST ` with the capital letters and the space, case-sensitive (semantics.md). */
export function isTestClientName(name: string | null): boolean {
  return name !== null && name.startsWith('TEST ');
}

// ---------------------------------------------------------------- access token

export interface AccessTokenRecord {
  /** `JSON` as the gateway stores it, or `JWT` for a compact token stored by hand. */
  format: 'JSON' | 'JWT';
  sub: string | null;
  username: string | null;
  email: string | null;
  name: string | null;
  scope: string | null;
  clientId: string | null;
  /** `iat`, else `created_at`. */
  issuedAt: number | null;
  /** `exp`, else `expires_at`. */
  expiresAt: number | null;
}

const COMPACT_JWT = /^[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)\.[A-Za-z0-9_-]*$/;

export function decodeAccessToken(raw: string): Decoded<AccessTokenRecord> {
  let format: AccessTokenRecord['format'] = 'JSON';
  let text = raw;
  const jwt = COMPACT_JWT.exec(raw.trim());
  if (jwt) {
    format = 'JWT';
    text = Buffer.from(jwt[1] ?? '', 'base64url').toString('utf8');
  }
  const parsed = parseJsonObject(text);
  if (!parsed.ok) return fail(format === 'JWT' ? `JWT payload is ${parsed.error}` : parsed.error);
  const o = parsed.value;
  return {
    parseError: null,
    record: {
      format,
      sub: str(o, 'sub'),
      username: str(o, 'username'),
      email: str(o, 'email'),
      name: str(o, 'name'),
      scope: str(o, 'scope'),
      clientId: str(o, 'client_id'),
      issuedAt: firstNonNull(epoch(o, 'iat'), epoch(o, 'created_at')),
      expiresAt: firstNonNull(epoch(o, 'exp'), epoch(o, 'expires_at')),
    },
  };
}

// ---------------------------------------------------------------- refresh token

export interface RefreshTokenRecord {
  userId: string | null;
  username: string | null;
  clientId: string | null;
  scope: string | null;
  createdAt: number | null;
  resources: string[] | null;
}

export const decodeRefreshToken = objectCodec<RefreshTokenRecord>((o) => ({
  userId: firstNonNull(str(o, 'user_id'), str(o, 'sub')),
  username: str(o, 'username'),
  clientId: str(o, 'client_id'),
  scope: str(o, 'scope'),
  createdAt: firstNonNull(epoch(o, 'created_at'), epoch(o, 'iat')),
  resources: stringList(o, 'resources'),
}));

// ---------------------------------------------------------------- state and code

export interface AuthStateRecord {
  clientId: string | null;
  redirectUri: string | null;
  scope: string | null;
  /** The client's own state value, echoed back on its redirect. */
  clientState: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  resources: string[] | null;
}

function readStateFields(o: JsonObject): AuthStateRecord {
  return {
    clientId: str(o, 'client_id'),
    redirectUri: str(o, 'redirect_uri'),
    scope: str(o, 'scope'),
    clientState: str(o, 'state'),
    codeChallenge: str(o, 'code_challenge'),
    codeChallengeMethod: str(o, 'code_challenge_method'),
    resources: stringList(o, 'resources'),
  };
}

export const decodeAuthState = objectCodec<AuthStateRecord>(readStateFields);

export interface AuthCodeRecord extends AuthStateRecord {
  userId: string | null;
  username: string | null;
  email: string | null;
  name: string | null;
}

export const decodeAuthCode = objectCodec<AuthCodeRecord>((o) => ({
  ...readStateFields(o),
  userId: firstNonNull(str(o, 'user_id'), str(o, 'sub')),
  username: str(o, 'username'),
  email: str(o, 'email'),
  name: str(o, 'name'),
}));
