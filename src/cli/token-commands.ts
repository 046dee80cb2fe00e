import { resolve } from 'node:path';
import {
  CONFIGURED_TOKEN_NAMES,
  OAuthRequestError,
  authBaseUrl,
  checkGithubToken,
  ensureRsaKey,
  gatewayTokenComplete,
  generateGithubToken,
  jwksEntry,
  mcpClientToken,
  mcpClientTokenComplete,
  readEnvFile,
  refreshTokens,
  verifyStatus,
  writeJwtSecret,
} from './flows/index.js';
import { githubApiBaseUrl } from './flows/endpoints.js';
import type { CommandContext } from './commands.js';
import { duration } from './format.js';
import * as ops from './operations.js';
import { CliError } from './transport.js';

/** The `.env` the token commands edit: the one in the directory the recipe runs from. */
const envPath = (ctx: CommandContext) => resolve(ctx.env.OAUTH_ADMIN_ENV_FILE ?? '.env');
const env = (ctx: CommandContext) => ctx.env as Record<string, string | undefined>;
const io = (ctx: CommandContext) => ({
  log: (line: string) => ctx.io.out(line),
  prompt: ctx.terminal.interactive ? (q: string) => ctx.terminal.ask(q) : undefined,
});

export async function generateJwtSecretCommand(ctx: CommandContext): Promise<void> {
  const result = await writeJwtSecret(envPath(ctx), { force: ctx.flags.has('force') });
  if (!result.written) {
    ctx.io.out(
      `✅ kept the existing GATEWAY_JWT_SECRET in ${envPath(ctx)}. Replacing it (--force) makes the gateway refuse every HS256 token it has issued: ` +
        'every client and user must get a new token, and the gateway must be restarted with the new secret.',
    );
    return;
  }
  // The value stays in .env: a secret printed to a terminal ends up in scrollback and CI logs.
  ctx.io.out(
    `✅ GATEWAY_JWT_SECRET ${result.replaced ? 'replaced' : 'written'} in ${envPath(ctx)} (${result.secret.length} characters, 32 random bytes, base64url)`,
  );
  if (result.replaced)
    ctx.io.out(
      '⚠️  every HS256 token signed with the old secret is now refused once the gateway runs with the new one: restart it and issue new tokens (just generate-github-token, just mcp-client-token)',
    );
}

export async function generateRsaKeysCommand(ctx: CommandContext): Promise<void> {
  const result = await ensureRsaKey(envPath(ctx));
  if (result.generated)
    ctx.io.out(
      `✅ generated an RSA ${result.bits}-bit key (PKCS#8) into JWT_PRIVATE_KEY_B64 in ${envPath(ctx)}${result.replacedReason ? ` (the previous value: ${result.replacedReason})` : ''}`,
    );
  else ctx.io.out(`✅ kept the existing valid RSA ${result.bits}-bit key in JWT_PRIVATE_KEY_B64`);
  const current = (await readEnvFile(envPath(ctx))).JWT_PRIVATE_KEY_B64 ?? '';
  ctx.io.out(`\nPublic key:\n${result.publicKeyPem.trimEnd()}\n\nJWKS entry:\n${JSON.stringify({ keys: [jwksEntry(current)] }, null, 2)}`);
}

/**
 * validate-tokens and check-token-expiry: each configured token through the service's
 * `inspectToken` (signature, issuer, expiry, Redis record). Unconfigured tokens are reported,
 * not failed; `--online` also asks the gateway's /verify and GitHub.
 */
export async function validateTokensCommand(ctx: CommandContext, focus: 'validate' | 'expiry'): Promise<void> {
  const results: { name: string; verdict: string; reason: string; secondsLeft: number | null; online?: string }[] = [];
  for (const name of CONFIGURED_TOKEN_NAMES) {
    const token = env(ctx)[name]?.trim();
    if (!token || token === 'PLACEHOLDER_NEEDS_REAL_OAUTH_FLOW') {
      results.push({ name, verdict: 'NOT_CONFIGURED', reason: 'not set', secondsLeft: null });
      continue;
    }
    const { inspectToken } = await ctx.transport.request(ops.InspectTokenQuery, { token });
    const entry: (typeof results)[number] = { name, verdict: inspectToken.verdict, reason: inspectToken.reason, secondsLeft: inspectToken.secondsLeft ?? null };
    if (ctx.flags.has('online')) await askGateway(ctx, token, entry);
    results.push(entry);
  }
  if (ctx.flags.has('online') && env(ctx).GITHUB_PAT) {
    const check = await checkGithubToken(githubApiBaseUrl(env(ctx)), env(ctx).GITHUB_PAT as string);
    results.push({
      name: 'GITHUB_PAT',
      verdict: check.status === 'valid' ? 'VALID' : check.status.toUpperCase(),
      reason: check.status === 'valid' ? `GitHub user ${check.login}` : check.reason,
      secondsLeft: null,
    });
  }
  const failed = results.filter((r) => r.verdict !== 'VALID' && r.verdict !== 'NOT_CONFIGURED' && r.verdict !== 'UNKNOWN');
  if (ctx.json) ctx.io.out(JSON.stringify({ ok: failed.length === 0, tokens: results }, null, 2));
  else {
    for (const r of results) {
      const icon = r.verdict === 'VALID' ? '✅' : r.verdict === 'NOT_CONFIGURED' ? '➖' : '❌';
      const left = r.secondsLeft === null ? '' : r.secondsLeft >= 0 ? ` — ${duration(r.secondsLeft)} left` : ` — expired ${duration(-r.secondsLeft)} ago`;
      const warn =
        focus === 'expiry' && r.verdict === 'VALID' && r.secondsLeft !== null && r.secondsLeft < 3600 ? ' ⚠️  under an hour: run `just refresh-tokens`' : '';
      ctx.io.out(`${icon} ${r.name}: ${r.verdict}${left}${warn}\n   ${r.reason}${r.online ? `; ${r.online}` : ''}`);
    }
  }
  if (failed.length > 0)
    throw new CliError(`${failed.length} configured token(s) failed: ${failed.map((f) => `${f.name} ${f.verdict}`).join(', ')}`, 'TOKENS_INVALID');
}

/** `--online`: the gateway's own answer for a token (its /verify), with the HTTP status. */
async function askGateway(ctx: CommandContext, token: string, entry: { verdict: string; online?: string }): Promise<void> {
  const base = authBaseUrl(env(ctx));
  try {
    const status = await verifyStatus(base, token);
    entry.online = status === 200 ? `gateway ${base}/verify: HTTP 200 (accepted)` : `gateway ${base}/verify: HTTP ${status} (refused)`;
    if (status !== 200) entry.verdict = 'REFUSED_ONLINE';
  } catch (error) {
    if (!(error instanceof OAuthRequestError)) throw error;
    entry.online = `gateway not asked: ${error.message}`;
    entry.verdict = 'UNVERIFIED_ONLINE';
  }
}

export async function refreshTokensCommand(ctx: CommandContext): Promise<void> {
  const result = await refreshTokens({ envPath: envPath(ctx), env: env(ctx), ...io(ctx) });
  if (ctx.json) ctx.io.out(JSON.stringify(result, null, 2));
  if (!result.ok) throw new CliError('some tokens could not be refreshed (see above)', 'REFRESH_FAILED');
}

export async function generateGithubTokenCommand(ctx: CommandContext): Promise<void> {
  const result = await generateGithubToken({ envPath: envPath(ctx), env: env(ctx), ...io(ctx) });
  if (ctx.json) ctx.io.out(JSON.stringify(result, null, 2));
}

export async function mcpClientTokenCommand(ctx: CommandContext): Promise<void> {
  const result = await mcpClientToken({ envPath: envPath(ctx), env: env(ctx), ...io(ctx) });
  if (ctx.json) ctx.io.out(JSON.stringify(result, null, 2));
}

export async function mcpClientTokenCompleteCommand(ctx: CommandContext): Promise<void> {
  const code = ctx.args[0];
  if (!code) throw new CliError('missing CODE (the authorization code shown after you approved)', 'USAGE');
  const result = await mcpClientTokenComplete({ envPath: envPath(ctx), env: env(ctx), ...io(ctx), code });
  if (ctx.json) ctx.io.out(JSON.stringify(result, null, 2));
}

/** Finishes `generate-github-token` when it ran without a terminal: the code from its authorize URL. */
export async function gatewayTokenCompleteCommand(ctx: CommandContext): Promise<void> {
  const code = ctx.args[0];
  if (!code) throw new CliError('missing CODE (the authorization code shown after you approved)', 'USAGE');
  const result = await gatewayTokenComplete({ envPath: envPath(ctx), env: env(ctx), ...io(ctx), code });
  if (ctx.json) ctx.io.out(JSON.stringify(result, null, 2));
}
