import type { RedisClient } from './connection.js';
import type { Keys } from './keys.js';
import { type PyJson, pyJsonDumps } from './python-json.js';

/**
 * Records exactly as the gateway's auth service writes them (reference/gateway-data.md §1): the
 * same field order, Python `json.dumps` bytes, list fields double-encoded on clients. Used by the
 * demo seeder, the benchmarks and the tests. The service writes only the client lifecycle's
 * in-place edits (`editableClient`, `putClientMetadata`), the way the gateway's RFC 7592 PUT does.
 */

export interface ClientFields {
  clientId: string;
  clientSecret?: string;
  clientName?: string;
  scope?: string;
  redirectUris?: string[];
  createdAt: number;
  /** CLIENT_LIFETIME; 0 means the secret never expires. */
  lifetime?: number;
  registrationAccessToken?: string;
  /** RFC 7592 PUT fields appended after the original ones. */
  extra?: Record<string, PyJson>;
}

export function clientValue(f: ClientFields): string {
  const lifetime = f.lifetime ?? 7776000;
  return pyJsonDumps({
    client_id: f.clientId,
    client_secret: f.clientSecret ?? `secret-${f.clientId}`,
    client_secret_expires_at: lifetime === 0 ? 0 : f.createdAt + lifetime,
    client_id_issued_at: f.createdAt,
    redirect_uris: pyJsonDumps(f.redirectUris ?? ['https://auth.example.com/success']),
    client_name: f.clientName ?? 'Unnamed Client',
    scope: f.scope ?? 'openid profile email',
    created_at: f.createdAt,
    response_types: pyJsonDumps(['code']),
    grant_types: pyJsonDumps(['authorization_code', 'refresh_token']),
    registration_access_token: f.registrationAccessToken ?? `reg-${f.clientId}`,
    ...(f.extra ?? {}),
  });
}

export interface TokenFields {
  sub?: string;
  username: string;
  email?: string | null;
  name?: string | null;
  scope?: string;
  clientId: string;
  createdAt: number;
  expiresAt: number;
  /** Tokens minted by the refresh grant carry no email or name. */
  viaRefresh?: boolean;
}

export function accessTokenValue(f: TokenFields): string {
  const claims: Record<string, PyJson> = f.viaRefresh
    ? { sub: f.sub ?? '1000', username: f.username, scope: f.scope ?? 'openid profile email', client_id: f.clientId }
    : {
        sub: f.sub ?? '1000',
        username: f.username,
        email: f.email === undefined ? `${f.username}@example.com` : f.email,
        name: f.name === undefined ? f.username : f.name,
        scope: f.scope ?? 'openid profile email',
        client_id: f.clientId,
      };
  return pyJsonDumps({ ...claims, created_at: f.createdAt, expires_at: f.expiresAt });
}

export interface RefreshFields {
  userId?: string;
  username: string;
  clientId: string;
  scope?: string;
  createdAt: number;
}

export function refreshTokenValue(f: RefreshFields): string {
  return pyJsonDumps({
    user_id: f.userId ?? '1000',
    username: f.username,
    client_id: f.clientId,
    scope: f.scope ?? 'openid profile email',
    created_at: f.createdAt,
  });
}

export interface StateFields {
  clientId: string;
  redirectUri?: string;
  scope?: string;
  clientState?: string;
  codeChallenge?: string | null;
}

function stateObject(f: StateFields): Record<string, PyJson> {
  return {
    client_id: f.clientId,
    redirect_uri: f.redirectUri ?? 'https://auth.example.com/success',
    scope: f.scope ?? 'openid profile email',
    state: f.clientState ?? 'abc',
    code_challenge: f.codeChallenge === undefined ? null : f.codeChallenge,
    code_challenge_method: 'S256',
  };
}

export function stateValue(f: StateFields): string {
  return pyJsonDumps(stateObject(f));
}

export interface CodeFields extends StateFields {
  userId?: string;
  username: string;
  email?: string | null;
  name?: string | null;
}

export function codeValue(f: CodeFields): string {
  return pyJsonDumps({
    ...stateObject(f),
    user_id: f.userId ?? '1000',
    username: f.username,
    email: f.email === undefined ? '' : f.email,
    name: f.name === undefined ? f.username : f.name,
  });
}

/** Writes like the gateway: SETEX with its lifetimes, SADD to the user index for every token. */
export class GatewayWriter {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly lifetimes = { access: 86400, refresh: 2592000, client: 7776000, state: 300, code: 31536000 },
  ) {}

  async client(f: ClientFields): Promise<void> {
    await this.set(this.keys.client(f.clientId), clientValue(f), f.lifetime ?? this.lifetimes.client);
  }

  async accessToken(jti: string, f: TokenFields, ttlSeconds: number | null = f.expiresAt - Math.floor(Date.now() / 1000)): Promise<void> {
    await this.set(this.keys.token(jti), accessTokenValue(f), ttlSeconds);
    await this.redis.sadd(this.keys.userTokens(f.username), jti);
  }

  async refreshToken(token: string, f: RefreshFields, ttlSeconds: number | null = this.lifetimes.refresh): Promise<void> {
    await this.set(this.keys.refresh(token), refreshTokenValue(f), ttlSeconds);
  }

  async state(state: string, f: StateFields, ttlSeconds: number | null = this.lifetimes.state): Promise<void> {
    await this.set(this.keys.state(state), stateValue(f), ttlSeconds);
  }

  async code(code: string, f: CodeFields, ttlSeconds: number | null = this.lifetimes.code): Promise<void> {
    await this.set(this.keys.code(code), codeValue(f), ttlSeconds);
  }

  /** A TTL of null or <= 0 writes the key without expiry (old restores, manual writes). */
  private async set(key: string, value: string, ttlSeconds: number | null): Promise<void> {
    if (ttlSeconds !== null && ttlSeconds > 0) await this.redis.set(key, value, 'EX', ttlSeconds);
    else await this.redis.set(key, value);
  }
}

/** The RFC 7592 metadata an update may set (the gateway's PUT accepts these, and the list types). */
export interface ClientMetadata {
  redirectUris?: string[] | null;
  clientName?: string | null;
  clientUri?: string | null;
  logoUri?: string | null;
  contacts?: string[] | null;
  tosUri?: string | null;
  policyUri?: string | null;
  scope?: string | null;
}

/**
 * A stored client record as an object to edit in place, or null when its bytes are not exactly
 * what Python's `json.dumps` makes of it (corrupt, or written by something else): such a record is
 * never rewritten, since rewriting it would change bytes nobody asked to change.
 */
export function editableClient(raw: string): Record<string, PyJson> | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  return pyJsonDumps(value as PyJson) === raw ? (value as Record<string, PyJson>) : null;
}

/**
 * Sets metadata as the gateway's RFC 7592 PUT does (reference/gateway-data.md §10): in its order
 * (redirect_uris, client_name, client_uri, logo_uri, contacts, tos_uri, policy_uri, scope), an
 * existing field in place, a new one at the end; `redirect_uris` as a JSON string, `contacts` as a
 * real list, the rest as given. A field left out (or null) is not touched.
 */
export function putClientMetadata(fields: Record<string, PyJson>, m: ClientMetadata): void {
  const put = (name: string, value: PyJson | undefined) => {
    if (value !== undefined && value !== null) fields[name] = value;
  };
  put('redirect_uris', m.redirectUris ? pyJsonDumps(m.redirectUris) : null);
  put('client_name', m.clientName);
  put('client_uri', m.clientUri);
  put('logo_uri', m.logoUri);
  put('contacts', m.contacts);
  put('tos_uri', m.tosUri);
  put('policy_uri', m.policyUri);
  put('scope', m.scope);
}
