import { exchangeCode, type TokenResponse } from './gateway-client.js';
import { buildAuthorizeUrl, createPkce, extractCode } from './pkce.js';
import { tokenUrlSafe } from './secrets.js';

export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';

export interface StartedCodeFlow {
  authorizeUrl: string;
  codeVerifier: string;
}

/** A fresh PKCE S256 pair and state, and the authorize URL that carries the challenge. */
export function startCodeFlow(authBase: string, params: { clientId: string; redirectUri: string; scope: string }): StartedCodeFlow {
  const pkce = createPkce();
  const authorizeUrl = buildAuthorizeUrl(authBase, {
    ...params,
    state: tokenUrlSafe(16),
    codeChallenge: pkce.codeChallenge,
  });
  return { authorizeUrl, codeVerifier: pkce.codeVerifier };
}

export function completeCodeFlow(
  authBase: string,
  params: {
    code: string;
    clientId: string;
    clientSecret: string;
    redirectUri: string;
    codeVerifier?: string | undefined;
  },
): Promise<TokenResponse> {
  const code = extractCode(params.code);
  if (!code) throw new Error('no authorization code was given');
  return exchangeCode(authBase, { ...params, code });
}

/** The keys to write for a token response; the refresh token only when the gateway sent one. */
export function tokenEnvValues(prefix: string, tokens: TokenResponse): Record<string, string> {
  const values: Record<string, string> = { [`${prefix}_ACCESS_TOKEN`]: tokens.access_token };
  if (typeof tokens.refresh_token === 'string' && tokens.refresh_token) {
    values[`${prefix}_REFRESH_TOKEN`] = tokens.refresh_token;
  }
  return values;
}

export function describeSaved(values: Record<string, string>, tokens: TokenResponse): string {
  const lifetime = tokens.expires_in ? ` (valid for ${tokens.expires_in} s)` : '';
  return `Saved ${Object.keys(values).join(' and ')}${lifetime}`;
}
