import { authBaseUrl, githubApiBaseUrl, nonEmpty, type CommandBase } from './endpoints.js';
import { setEnvVars } from './env-file.js';
import { refreshAccessToken, verifyStatus } from './gateway-client.js';
import { checkGithubToken } from './github.js';
import { OAuthRequestError } from './http.js';
import { TOKEN_PLACEHOLDER } from '../../clients-tokens/token-check.js';
import { decodeJwt } from '../../clients-tokens/jwt.js';

export interface RefreshTokensOptions extends CommandBase {
  authBase?: string | undefined;
  githubApiBase?: string | undefined;
  now?: () => number;
  /** Refresh when fewer seconds than this are left (default 3600). */
  minSecondsLeft?: number;
  /** Check `GITHUB_PAT` against GitHub (default true). */
  checkGithubPat?: boolean;
  /** Ask the gateway's `/verify` about a token that is not near expiry (default true): a revoked one is refreshed. */
  verifyOnline?: boolean;
}

export type TokenRefreshOutcome =
  | { action: 'kept'; secondsLeft: number; verified: boolean }
  | { action: 'refreshed'; expiresIn?: number | undefined; why?: string | undefined }
  | { action: 'not-configured' }
  | { action: 'cannot-refresh'; reason: string }
  | { action: 'failed'; reason: string };

export type GithubPatStatus = 'valid' | 'invalid' | 'unknown' | 'missing' | 'skipped';

export interface RefreshTokensResult {
  /** False when a configured token (gateway or MCP client) could not be made fresh, or GitHub
   *  rejects `GITHUB_PAT`. A token that is not configured at all is not a failure. */
  ok: boolean;
  gateway: TokenRefreshOutcome;
  mcpClient: TokenRefreshOutcome;
  githubPat: GithubPatStatus;
  written: string[];
}

interface TokenSlot {
  label: string;
  accessKey: string;
  refreshKey: string;
  clientIdKey: string;
  clientSecretKey: string;
}

const SLOTS: TokenSlot[] = [
  {
    label: 'GATEWAY_OAUTH_ACCESS_TOKEN',
    accessKey: 'GATEWAY_OAUTH_ACCESS_TOKEN',
    refreshKey: 'GATEWAY_OAUTH_REFRESH_TOKEN',
    clientIdKey: 'GATEWAY_OAUTH_CLIENT_ID',
    clientSecretKey: 'GATEWAY_OAUTH_CLIENT_SECRET',
  },
  {
    label: 'MCP_CLIENT_ACCESS_TOKEN',
    accessKey: 'MCP_CLIENT_ACCESS_TOKEN',
    refreshKey: 'MCP_CLIENT_REFRESH_TOKEN',
    clientIdKey: 'MCP_CLIENT_ID',
    clientSecretKey: 'MCP_CLIENT_SECRET',
  },
];

/**
 * `refresh-tokens`: refreshes `GATEWAY_OAUTH_ACCESS_TOKEN` and `MCP_CLIENT_ACCESS_TOKEN` (each with
 * its own refresh token and client) when expired, close to expiry or refused by the gateway's
 * `/verify` (revoked). A slot with neither access nor refresh token is not configured and skipped.
 * Never copies one token into the other.
 */
export async function refreshTokens(options: RefreshTokensOptions): Promise<RefreshTokensResult> {
  const now = options.now ?? Date.now;
  const minSecondsLeft = options.minSecondsLeft ?? 3600;
  const written: string[] = [];
  const outcomes: TokenRefreshOutcome[] = [];

  for (const slot of SLOTS) {
    const outcome = await refreshSlot(slot, options, now, minSecondsLeft);
    if (outcome.written) {
      await setEnvVars(options.envPath, outcome.written);
      written.push(...Object.keys(outcome.written));
    }
    options.log(`${slot.label}: ${describe(outcome.outcome)}`);
    outcomes.push(outcome.outcome);
  }
  const [gateway, mcpClient] = outcomes as [TokenRefreshOutcome, TokenRefreshOutcome];

  const githubPat = await checkPat(options);
  const failed = (o: TokenRefreshOutcome) => o.action === 'failed' || o.action === 'cannot-refresh';
  const ok = !failed(gateway) && !failed(mcpClient) && githubPat !== 'invalid';
  return { ok, gateway, mcpClient, githubPat, written };
}

async function refreshSlot(
  slot: TokenSlot,
  options: RefreshTokensOptions,
  now: () => number,
  minSecondsLeft: number,
): Promise<{ outcome: TokenRefreshOutcome; written?: Record<string, string> }> {
  const env = options.env;
  const { accessKey, refreshKey } = slot;
  const token = nonEmpty(env[accessKey]);
  const refreshToken = nonEmpty(env[refreshKey]);
  const clientId = nonEmpty(env[slot.clientIdKey]);
  const clientSecret = nonEmpty(env[slot.clientSecretKey]);

  const usableToken = token && token !== TOKEN_PLACEHOLDER ? token : undefined;
  if (!usableToken && !refreshToken) return { outcome: { action: 'not-configured' } };
  const secondsLeft = usableToken ? secondsUntilExpiry(usableToken, now) : undefined;
  let why =
    usableToken === undefined ? 'no access token' : secondsLeft === undefined ? 'unreadable expiry' : secondsLeft <= 0 ? 'expired' : `${secondsLeft} s left`;
  if (usableToken && secondsLeft !== undefined && secondsLeft >= minSecondsLeft) {
    // `exp` alone says nothing about revocation: the gateway's /verify decides whether it still works.
    if (options.verifyOnline === false) return { outcome: { action: 'kept', secondsLeft, verified: false } };
    let status: number;
    try {
      status = await verifyStatus(authBaseUrl(env, options.authBase), usableToken);
    } catch (err) {
      if (err instanceof OAuthRequestError)
        return { outcome: { action: 'failed', reason: `could not ask the gateway whether it still accepts the token: ${err.message}` } };
      throw err;
    }
    if (status === 200) return { outcome: { action: 'kept', secondsLeft, verified: true } };
    why = `refused by the gateway's /verify (HTTP ${status}) with ${secondsLeft} s left: revoked or unknown`;
  }

  const missing = [refreshToken ? undefined : refreshKey, clientId ? undefined : slot.clientIdKey, clientSecret ? undefined : slot.clientSecretKey].filter(
    Boolean,
  );
  if (missing.length > 0) {
    return { outcome: { action: 'cannot-refresh', reason: `${why}, and ${missing.join(', ')} not set` } };
  }
  try {
    const tokens = await refreshAccessToken(authBaseUrl(env, options.authBase), {
      refreshToken: refreshToken!,
      clientId: clientId!,
      clientSecret: clientSecret!,
    });
    const values: Record<string, string> = { [accessKey]: tokens.access_token };
    // The gateway does not rotate refresh tokens today; keep a new one if it ever does.
    if (typeof tokens.refresh_token === 'string' && tokens.refresh_token && tokens.refresh_token !== refreshToken) {
      values[refreshKey] = tokens.refresh_token;
    }
    return { outcome: { action: 'refreshed', expiresIn: tokens.expires_in, why }, written: values };
  } catch (err) {
    if (err instanceof OAuthRequestError) return { outcome: { action: 'failed', reason: err.message } };
    throw err;
  }
}

// Only decides whether to refresh, so the unverified `exp` is enough; an unreadable token counts as expired.
function secondsUntilExpiry(token: string, now: () => number): number | undefined {
  try {
    const exp = decodeJwt(token).payload.exp;
    return typeof exp === 'number' ? exp - Math.floor(now() / 1000) : undefined;
  } catch {
    return undefined;
  }
}

async function checkPat(options: RefreshTokensOptions): Promise<GithubPatStatus> {
  if (options.checkGithubPat === false) return 'skipped';
  const pat = nonEmpty(options.env.GITHUB_PAT);
  if (!pat) {
    options.log('GITHUB_PAT: not set (run generate-github-token)');
    return 'missing';
  }
  const check = await checkGithubToken(githubApiBaseUrl(options.env, options.githubApiBase), pat);
  options.log(check.status === 'valid' ? `GITHUB_PAT: valid (${check.login})` : `GITHUB_PAT: ${check.status}: ${check.reason}`);
  return check.status;
}

function describe(outcome: TokenRefreshOutcome): string {
  switch (outcome.action) {
    case 'kept':
      return `kept (${outcome.secondsLeft} s left${outcome.verified ? '; the gateway accepts it' : ''})`;
    case 'refreshed':
      return `refreshed${outcome.why ? ` (was: ${outcome.why})` : ''}${outcome.expiresIn === undefined ? '' : `; valid for ${outcome.expiresIn} s`}`;
    case 'not-configured':
      return 'not configured';
    case 'cannot-refresh':
      return `cannot refresh: ${outcome.reason}`;
    case 'failed':
      return `refresh failed: ${outcome.reason}`;
  }
}
