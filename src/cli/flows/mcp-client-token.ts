import { OOB_REDIRECT_URI, completeCodeFlow, describeSaved, startCodeFlow, tokenEnvValues } from './code-flow.js';
import { authBaseUrl, nonEmpty, requireEnv, type CommandBase } from './endpoints.js';
import { setEnvVars } from './env-file.js';
import { probeClient, registerClient } from './gateway-client.js';

export const MCP_CLIENT_NAME = 'mcp-http-stdio';
/** The scope mcp-streamablehttp-client asked for. */
export const MCP_CLIENT_SCOPE = 'read write';

export interface McpClientTokenOptions extends CommandBase {
  authBase?: string | undefined;
  scope?: string;
}

export interface McpClientTokenResult {
  registered: boolean;
  clientId: string;
  authorizeUrl: string;
  /** Set when `prompt` returned a code and the exchange completed in the same run. */
  completed?: McpClientTokenCompleteResult;
  written: string[];
}

/**
 * `mcp-client-token`: registers the `mcp-http-stdio` client unless `MCP_CLIENT_ID`/`MCP_CLIENT_SECRET`
 * name a client the gateway still knows, stores a PKCE verifier in `MCP_CODE_VERIFIER` and prints the
 * authorize URL. With a `prompt` hook it asks for the code and completes; otherwise
 * `mcpClientTokenComplete` finishes later.
 */
export async function mcpClientToken(options: McpClientTokenOptions): Promise<McpClientTokenResult> {
  const authBase = authBaseUrl(options.env, options.authBase);
  let clientId = nonEmpty(options.env.MCP_CLIENT_ID);
  const clientSecret = nonEmpty(options.env.MCP_CLIENT_SECRET);
  const values: Record<string, string> = {};
  // A client deleted from Redis would only fail later, in the browser, at /authorize.
  const usable =
    clientId !== undefined &&
    clientSecret !== undefined &&
    (await probeClient(authBase, { clientId, clientSecret, redirectUri: OOB_REDIRECT_URI })) === 'valid';
  const registered = !usable;

  if (registered) {
    if (clientId) options.log(`Client ${clientId} cannot be used (unknown to the gateway, or no or wrong secret)`);
    const client = await registerClient(authBase, {
      client_name: MCP_CLIENT_NAME,
      redirect_uris: [OOB_REDIRECT_URI],
      scope: options.scope ?? MCP_CLIENT_SCOPE,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
      application_type: 'native',
    });
    clientId = client.client_id;
    Object.assign(values, {
      MCP_CLIENT_ID: client.client_id,
      MCP_CLIENT_SECRET: client.client_secret,
      MCP_CLIENT_REGISTRATION_TOKEN: client.registration_access_token,
      MCP_CLIENT_REGISTRATION_URI: client.registration_client_uri,
    });
    options.log(`Registered client ${MCP_CLIENT_NAME}: ${client.client_id}`);
  } else {
    options.log(`Using client ${clientId}`);
  }

  const flow = startCodeFlow(authBase, {
    clientId: clientId!,
    redirectUri: OOB_REDIRECT_URI,
    scope: options.scope ?? MCP_CLIENT_SCOPE,
  });
  values.MCP_CODE_VERIFIER = flow.codeVerifier;
  await setEnvVars(options.envPath, values);
  const written = Object.keys(values);

  options.log('Open this URL, sign in with GitHub and copy the code from the success page:');
  options.log(flow.authorizeUrl);

  const code = options.prompt ? (await options.prompt('Authorization code (empty to finish later): ')).trim() : '';
  if (!code) {
    options.log('Then run: just mcp-client-token-complete CODE');
    return { registered, clientId: clientId!, authorizeUrl: flow.authorizeUrl, written };
  }
  const completed = await mcpClientTokenComplete({
    ...options,
    code,
    env: { ...options.env, ...values },
  });
  return {
    registered,
    clientId: clientId!,
    authorizeUrl: flow.authorizeUrl,
    completed,
    written: [...written, ...completed.written],
  };
}

export interface McpClientTokenCompleteOptions extends CommandBase {
  authBase?: string | undefined;
  /** The code, or the whole success-page URL it came in. */
  code: string;
}

export interface McpClientTokenCompleteResult {
  expiresIn?: number | undefined;
  scope?: string | undefined;
  written: string[];
}

/** `mcp-client-token-complete CODE`: exchanges the code (with `MCP_CODE_VERIFIER`) for the MCP client's tokens. */
export async function mcpClientTokenComplete(options: McpClientTokenCompleteOptions): Promise<McpClientTokenCompleteResult> {
  const hint = 'run mcp-client-token first';
  const tokens = await completeCodeFlow(authBaseUrl(options.env, options.authBase), {
    code: options.code,
    clientId: requireEnv(options.env, 'MCP_CLIENT_ID', hint),
    clientSecret: requireEnv(options.env, 'MCP_CLIENT_SECRET', hint),
    redirectUri: OOB_REDIRECT_URI,
    codeVerifier: nonEmpty(options.env.MCP_CODE_VERIFIER),
  });
  const values = tokenEnvValues('MCP_CLIENT', tokens);
  await setEnvVars(options.envPath, values);
  options.log(describeSaved(values, tokens));
  return { expiresIn: tokens.expires_in, scope: tokens.scope, written: Object.keys(values) };
}
