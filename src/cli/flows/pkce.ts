import { createHash } from 'node:crypto';
import { joinUrl } from './http.js';
import { tokenUrlSafe } from './secrets.js';

export interface Pkce {
  codeVerifier: string;
  codeChallenge: string;
  codeChallengeMethod: 'S256';
}

/** RFC 7636 S256: the verifier is base64url of 32 random bytes (43 chars). */
export function createPkce(): Pkce {
  const codeVerifier = tokenUrlSafe(32);
  return { codeVerifier, codeChallenge: pkceChallenge(codeVerifier), codeChallengeMethod: 'S256' };
}

export function pkceChallenge(codeVerifier: string): string {
  return createHash('sha256').update(codeVerifier, 'ascii').digest('base64url');
}

export interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge?: string;
}

/** The gateway's `GET /authorize` URL (response_type=code, S256 when a challenge is given). */
export function buildAuthorizeUrl(authBase: string, params: AuthorizeParams): string {
  const query = new URLSearchParams({
    client_id: params.clientId,
    redirect_uri: params.redirectUri,
    response_type: 'code',
    scope: params.scope,
    state: params.state,
  });
  if (params.codeChallenge) {
    query.set('code_challenge', params.codeChallenge);
    query.set('code_challenge_method', 'S256');
  }
  return `${joinUrl(authBase, '/authorize')}?${query.toString()}`;
}

/** Accepts either a bare code or the whole redirect URL the user copied (`...?code=...&state=...`). */
export function extractCode(input: string): string {
  const value = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    const code = new URL(value).searchParams.get('code');
    if (code) return code;
  }
  return value;
}
