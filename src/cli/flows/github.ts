import { OAuthRequestError, errorCode, getJson, isObject, joinUrl, postForm, responseError } from './http.js';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

export interface DeviceFlowOptions {
  githubBase: string;
  clientId: string;
  scope?: string;
  onPrompt: (verificationUri: string, userCode: string) => void | Promise<void>;
  sleep: (ms: number) => Promise<void>;
  /** Overall limit; the device code's own `expires_in` also bounds the wait. */
  maxWaitMs: number;
  now?: () => number;
  log?: (line: string) => void;
}

const DEFAULT_INTERVAL_S = 5;
const SLOW_DOWN_STEP_S = 5;

/** GitHub's OAuth device flow (RFC 8628); returns the user access token (`gho_...`). */
export async function githubDeviceFlow(options: DeviceFlowOptions): Promise<string> {
  const now = options.now ?? Date.now;
  const started = now();
  const codeEndpoint = 'POST /login/device/code';
  const codeResponse = await postForm(
    joinUrl(options.githubBase, '/login/device/code'),
    { client_id: options.clientId, scope: options.scope ?? 'user:email' },
    { secrets: [] },
  );
  if (codeResponse.status !== 200) throw responseError(codeEndpoint, codeResponse, []);
  const device = codeResponse.body;
  if (!isObject(device) || typeof device.device_code !== 'string' || typeof device.user_code !== 'string' || typeof device.verification_uri !== 'string') {
    throw responseError(codeEndpoint, codeResponse, []);
  }
  const deviceCode = device.device_code;
  await options.onPrompt(device.verification_uri, device.user_code);

  const expiresMs = typeof device.expires_in === 'number' ? device.expires_in * 1000 : Infinity;
  const deadline = started + Math.min(options.maxWaitMs, expiresMs);
  let intervalS = positive(device.interval) ?? DEFAULT_INTERVAL_S;
  const pollEndpoint = 'POST /login/oauth/access_token';

  for (;;) {
    if (now() + intervalS * 1000 > deadline) {
      const why = 'gave up waiting for the device to be authorized';
      throw new OAuthRequestError(pollEndpoint, undefined, 'timeout', why);
    }
    await options.sleep(intervalS * 1000);
    const response = await postForm(
      joinUrl(options.githubBase, '/login/oauth/access_token'),
      { client_id: options.clientId, device_code: deviceCode, grant_type: DEVICE_CODE_GRANT },
      { secrets: [deviceCode] },
    );
    const body = response.body;
    if (response.status === 200 && isObject(body) && typeof body.access_token === 'string' && body.access_token) {
      return body.access_token;
    }
    const error = errorCode(body);
    if (error === 'authorization_pending') continue;
    if (error === 'slow_down') {
      intervalS = (isObject(body) ? positive(body.interval) : undefined) ?? intervalS + SLOW_DOWN_STEP_S;
      options.log?.(`GitHub asked to slow down; polling every ${intervalS} s`);
      continue;
    }
    // expired_token, access_denied, incorrect_device_code, device_flow_disabled, HTTP errors...
    throw responseError(pollEndpoint, response, [deviceCode]);
  }
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

export type GithubTokenCheck = { status: 'valid'; login: string } | { status: 'invalid'; reason: string } | { status: 'unknown'; reason: string };

/** `GET {apiBase}/user`: 200 valid, 401 invalid, anything else (rate limit, outage) unknown. */
export async function checkGithubToken(apiBase: string, token: string): Promise<GithubTokenCheck> {
  let response;
  try {
    response = await getJson(joinUrl(apiBase, '/user'), {
      secrets: [token],
      headers: {
        accept: 'application/vnd.github+json',
        authorization: `Bearer ${token}`,
        'user-agent': 'oauth-admin',
      },
    });
  } catch (err) {
    return { status: 'unknown', reason: (err as Error).message };
  }
  if (response.status === 200) {
    const login = isObject(response.body) && typeof response.body.login === 'string' ? response.body.login : '';
    return { status: 'valid', login };
  }
  if (response.status === 401) return { status: 'invalid', reason: 'GitHub rejected the token (HTTP 401)' };
  return { status: 'unknown', reason: `GitHub answered HTTP ${response.status}` };
}
