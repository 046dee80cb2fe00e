import { errorCode, getJson, isObject, joinUrl, postForm, postJson, responseError, type HttpResponse } from './http.js';

/** RFC 7591 request body; the gateway keeps only redirect_uris, client_name and scope. */
export interface RegistrationRequest {
  redirect_uris: string[];
  client_name?: string;
  scope?: string;
  [field: string]: unknown;
}

export interface RegisteredClient {
  client_id: string;
  client_secret: string;
  registration_access_token: string;
  registration_client_uri: string;
  client_secret_expires_at?: number;
  client_id_issued_at?: number;
  scope?: string | null;
}

export interface TokenResponse {
  access_token: string;
  token_type: string;
  expires_in?: number;
  /** Only the authorization_code grant returns one; the gateway never rotates it. */
  refresh_token?: string | null;
  scope?: string;
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

const ok = (r: HttpResponse) => r.status >= 200 && r.status < 300;

/** `POST /register` (RFC 7591). */
export async function registerClient(authBase: string, body: RegistrationRequest): Promise<RegisteredClient> {
  const url = joinUrl(authBase, '/register');
  const response = await postJson(url, body, { secrets: [] });
  if (!ok(response)) throw responseError('POST /register', response, []);
  const client = response.body;
  if (
    !isObject(client) ||
    typeof client.client_id !== 'string' ||
    typeof client.client_secret !== 'string' ||
    typeof client.registration_access_token !== 'string' ||
    typeof client.registration_client_uri !== 'string'
  ) {
    throw new Error('POST /register answered without client_id, client_secret or registration fields');
  }
  return client as unknown as RegisteredClient;
}

export interface CodeExchange extends ClientCredentials {
  code: string;
  redirectUri: string;
  codeVerifier?: string | undefined;
}

/** `POST /token` with grant_type=authorization_code, client_secret_post. */
export function exchangeCode(authBase: string, params: CodeExchange): Promise<TokenResponse> {
  return tokenRequest(authBase, {
    grant_type: 'authorization_code',
    code: params.code,
    redirect_uri: params.redirectUri,
    client_id: params.clientId,
    client_secret: params.clientSecret,
    code_verifier: params.codeVerifier || undefined,
  });
}

/** `POST /token` with grant_type=refresh_token, client_secret_post. */
export function refreshAccessToken(authBase: string, params: ClientCredentials & { refreshToken: string }): Promise<TokenResponse> {
  return tokenRequest(authBase, {
    grant_type: 'refresh_token',
    refresh_token: params.refreshToken,
    client_id: params.clientId,
    client_secret: params.clientSecret,
  });
}

async function tokenRequest(authBase: string, form: Record<string, string | undefined>): Promise<TokenResponse> {
  const secrets = [form.code, form.refresh_token, form.client_secret, form.code_verifier];
  const response = await postForm(joinUrl(authBase, '/token'), form, { secrets });
  if (!ok(response)) throw responseError('POST /token', response, secrets);
  const tokens = response.body;
  if (!isObject(tokens) || typeof tokens.access_token !== 'string' || tokens.access_token === '') {
    throw new Error('POST /token answered without an access_token');
  }
  return tokens as unknown as TokenResponse;
}

export type ClientProbe = 'valid' | 'invalid';

/**
 * Asks `/token` whether the gateway still knows these client credentials: a made-up code gives
 * `invalid_grant` for a known client and `invalid_client` / 401 otherwise. Server errors throw.
 */
export async function probeClient(authBase: string, creds: ClientCredentials & { redirectUri?: string }): Promise<ClientProbe> {
  const secrets = [creds.clientSecret];
  const response = await postForm(
    joinUrl(authBase, '/token'),
    {
      grant_type: 'authorization_code',
      code: 'oauth-admin-client-probe',
      redirect_uri: creds.redirectUri ?? 'urn:ietf:wg:oauth:2.0:oob',
      client_id: creds.clientId,
      client_secret: creds.clientSecret,
    },
    { secrets },
  );
  if (response.status >= 500) throw responseError('POST /token (client probe)', response, secrets);
  return response.status === 400 && errorCode(response.body) === 'invalid_grant' ? 'valid' : 'invalid';
}

/**
 * `GET /verify` (the ForwardAuth check): the HTTP status the gateway answers for this bearer token
 * (200 accepted, 401 refused: unknown, revoked or expired). Server errors and network failures throw.
 */
export async function verifyStatus(authBase: string, accessToken: string): Promise<number> {
  const secrets = [accessToken];
  const response = await getJson(joinUrl(authBase, '/verify'), {
    secrets,
    headers: { authorization: `Bearer ${accessToken}` },
  });
  if (response.status >= 500) throw responseError('GET /verify', response, secrets);
  return response.status;
}

/** True when the gateway's `/verify` accepts the bearer token. */
export async function verifyAccessToken(authBase: string, accessToken: string): Promise<boolean> {
  return (await verifyStatus(authBase, accessToken)) === 200;
}
