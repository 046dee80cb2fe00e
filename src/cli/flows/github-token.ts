import { completeCodeFlow, describeSaved, startCodeFlow, tokenEnvValues } from './code-flow.js';
import { authBaseUrl, githubApiBaseUrl, githubBaseUrl, nonEmpty, requireEnv, type CommandBase } from './endpoints.js';
import { setEnvVars } from './env-file.js';
import { probeClient, registerClient, verifyAccessToken } from './gateway-client.js';
import { checkGithubToken, githubDeviceFlow } from './github.js';
import { TOKEN_PLACEHOLDER } from '../../clients-tokens/token-check.js';

export const GATEWAY_CLIENT_NAME = 'MCP OAuth Gateway Client';
export const GATEWAY_CLIENT_SCOPE = 'openid profile email';
const DEFAULT_DEVICE_WAIT_MS = 15 * 60 * 1000;

export interface GenerateGithubTokenOptions extends CommandBase {
  authBase?: string | undefined;
  githubBase?: string | undefined;
  githubApiBase?: string | undefined;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Overall wait for the device flow (default 15 min). */
  maxDeviceWaitMs?: number;
  /** Called with URLs the user should open (e.g. to launch a browser); logging happens anyway. */
  openUrl?: (url: string) => void | Promise<void>;
}

export interface GenerateGithubTokenResult {
  githubPat: 'kept' | 'created';
  gatewayClient: 'kept' | 'registered';
  /** `pending`: the authorize URL was printed and no code came back; finish with `gatewayTokenComplete` (`just generate-github-token-complete CODE`). */
  gatewayToken: 'kept' | 'created' | 'pending';
  authorizeUrl?: string;
  written: string[];
}

/**
 * `generate-github-token`: GitHub device flow into `GITHUB_PAT` (unless it still works), then a gateway
 * client (`GATEWAY_OAUTH_CLIENT_*`) and an access token for it through the authorize flow.
 */
export async function generateGithubToken(options: GenerateGithubTokenOptions): Promise<GenerateGithubTokenResult> {
  const { env, log } = options;
  const written: string[] = [];
  const save = async (values: Record<string, string>) => {
    await setEnvVars(options.envPath, values);
    written.push(...Object.keys(values));
  };

  const githubPat = await ensureGithubPat(options, save);

  const authBase = authBaseUrl(env, options.authBase);
  let clientId = nonEmpty(env.GATEWAY_OAUTH_CLIENT_ID);
  let clientSecret = nonEmpty(env.GATEWAY_OAUTH_CLIENT_SECRET);
  let gatewayClient: GenerateGithubTokenResult['gatewayClient'] = 'kept';
  if (clientId && clientSecret && (await probeClient(authBase, { clientId, clientSecret })) === 'valid') {
    log(`Gateway client ${clientId} is registered`);
  } else {
    if (clientId) log(`Gateway client ${clientId} cannot be used (unknown to the gateway, or no or wrong secret)`);
    const client = await registerClient(authBase, {
      redirect_uris: [callbackUrl(env)],
      client_name: GATEWAY_CLIENT_NAME,
      scope: GATEWAY_CLIENT_SCOPE,
    });
    clientId = client.client_id;
    clientSecret = client.client_secret;
    gatewayClient = 'registered';
    await save({
      GATEWAY_OAUTH_CLIENT_ID: client.client_id,
      GATEWAY_OAUTH_CLIENT_SECRET: client.client_secret,
      GATEWAY_OAUTH_REGISTRATION_TOKEN: client.registration_access_token,
      GATEWAY_OAUTH_REGISTRATION_URI: client.registration_client_uri,
    });
    log(`Registered gateway client ${client.client_id}`);
  }

  const currentToken = nonEmpty(env.GATEWAY_OAUTH_ACCESS_TOKEN);
  if (gatewayClient === 'kept' && currentToken && currentToken !== TOKEN_PLACEHOLDER && (await verifyAccessToken(authBase, currentToken))) {
    log('GATEWAY_OAUTH_ACCESS_TOKEN is accepted by the gateway');
    return { githubPat, gatewayClient, gatewayToken: 'kept', written };
  }

  const flow = startCodeFlow(authBase, {
    clientId: clientId!,
    redirectUri: callbackUrl(env),
    scope: GATEWAY_CLIENT_SCOPE,
  });
  await save({ GATEWAY_OAUTH_CODE_VERIFIER: flow.codeVerifier });
  log('Open this URL, sign in with GitHub and copy the code from the page you land on:');
  log(flow.authorizeUrl);
  await options.openUrl?.(flow.authorizeUrl);

  const code = options.prompt ? (await options.prompt('Authorization code (empty to finish later): ')).trim() : '';
  if (!code) {
    log('Then run: just generate-github-token-complete CODE');
    return { githubPat, gatewayClient, gatewayToken: 'pending', authorizeUrl: flow.authorizeUrl, written };
  }
  const completed = await gatewayTokenComplete({
    ...options,
    code,
    env: {
      ...env,
      GATEWAY_OAUTH_CLIENT_ID: clientId,
      GATEWAY_OAUTH_CLIENT_SECRET: clientSecret,
      GATEWAY_OAUTH_CODE_VERIFIER: flow.codeVerifier,
    },
  });
  written.push(...completed.written);
  return { githubPat, gatewayClient, gatewayToken: 'created', authorizeUrl: flow.authorizeUrl, written };
}

async function ensureGithubPat(
  options: GenerateGithubTokenOptions,
  save: (values: Record<string, string>) => Promise<void>,
): Promise<GenerateGithubTokenResult['githubPat']> {
  const { env, log } = options;
  const pat = nonEmpty(env.GITHUB_PAT);
  if (pat) {
    const check = await checkGithubToken(githubApiBaseUrl(env, options.githubApiBase), pat);
    if (check.status === 'valid') {
      log(`GITHUB_PAT is valid (${check.login})`);
      return 'kept';
    }
    // An outage or rate limit says nothing about the token; keep it rather than start a device flow.
    if (check.status === 'unknown') {
      log(`GITHUB_PAT could not be checked (${check.reason}); keeping it`);
      return 'kept';
    }
    log('GITHUB_PAT is rejected by GitHub; starting the device flow');
  }
  const token = await githubDeviceFlow({
    githubBase: githubBaseUrl(env, options.githubBase),
    clientId: requireEnv(env, 'GITHUB_CLIENT_ID', 'it is the GitHub OAuth app used for the device flow'),
    onPrompt: async (verificationUri, userCode) => {
      log(`Open ${verificationUri} and enter the code ${userCode}`);
      await options.openUrl?.(verificationUri);
    },
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    maxWaitMs: options.maxDeviceWaitMs ?? DEFAULT_DEVICE_WAIT_MS,
    now: options.now,
    log,
  });
  await save({ GITHUB_PAT: token });
  log('Saved GITHUB_PAT');
  return 'created';
}

function callbackUrl(env: CommandBase['env']): string {
  return requireEnv(env, 'TEST_OAUTH_CALLBACK_URL', 'it is the redirect URI of the gateway client');
}

export interface GatewayTokenCompleteOptions extends CommandBase {
  authBase?: string | undefined;
  /** The code, or the whole callback URL it came in. */
  code: string;
}

/** Exchanges a code from the printed authorize URL for `GATEWAY_OAUTH_ACCESS_TOKEN`/`_REFRESH_TOKEN`. */
export async function gatewayTokenComplete(options: GatewayTokenCompleteOptions): Promise<{ expiresIn?: number | undefined; written: string[] }> {
  const { env } = options;
  const hint = 'run generate-github-token first';
  const tokens = await completeCodeFlow(authBaseUrl(env, options.authBase), {
    code: options.code,
    clientId: requireEnv(env, 'GATEWAY_OAUTH_CLIENT_ID', hint),
    clientSecret: requireEnv(env, 'GATEWAY_OAUTH_CLIENT_SECRET', hint),
    redirectUri: callbackUrl(env),
    codeVerifier: nonEmpty(env.GATEWAY_OAUTH_CODE_VERIFIER),
  });
  const values = tokenEnvValues('GATEWAY_OAUTH', tokens);
  await setEnvVars(options.envPath, values);
  options.log(describeSaved(values, tokens));
  return { expiresIn: tokens.expires_in, written: Object.keys(values) };
}
