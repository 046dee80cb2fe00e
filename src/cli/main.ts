import { ConfigError, loadEnv, parseConfig } from '../config.js';
import { Keys } from '../redis/keys.js';
import { createRedis } from '../redis/connection.js';
import * as b from './backup-commands.js';
import * as c from './commands.js';
import type { CommandContext, Output } from './commands.js';
import { type Terminal, processTerminal } from './confirm.js';
import { seedDemo } from './demo.js';
import * as t from './token-commands.js';
import { CliError, createTransport, redactUrl } from './transport.js';

interface Command {
  summary: string;
  usage?: string;
  /** Commands that only edit `.env` or call remote endpoints need no Redis and no service. */
  local?: boolean;
  run: (ctx: CommandContext) => Promise<void>;
}

const COMMANDS: Record<string, Command> = {
  'list-registrations': { summary: 'Show all registered OAuth clients', run: c.listRegistrations },
  'list-tokens': { summary: 'Show access tokens with their status (--active, --expired to filter)', run: c.listTokens },
  stats: { summary: 'Show OAuth statistics', run: c.stats },
  'show-all': { summary: 'Statistics, registrations and tokens', run: c.showAll },
  'delete-registration': { summary: 'Delete a client registration (the client key only)', usage: 'CLIENT_ID', run: (ctx) => c.deleteRegistration(ctx, false) },
  'delete-client-complete': { summary: 'Delete a client and all its tokens, refresh tokens, codes and states', usage: 'CLIENT_ID', run: (ctx) => c.deleteRegistration(ctx, true) },
  'delete-all-registrations': { summary: 'Delete ALL registrations (--cascade: and their data); asks for confirmation', run: c.deleteAllRegistrations },
  'delete-token': { summary: 'Delete one access token and its user-index entry', usage: 'JTI', run: c.deleteToken },
  'delete-all-tokens': { summary: 'Delete ALL access tokens, refresh tokens and user indexes; asks for confirmation', run: c.deleteAllTokens },
  'revoke-user': { summary: 'Log a user out everywhere (--dry-run to preview)', usage: 'USERNAME', run: c.revokeUser },
  'purge-expired': { summary: 'Purge expired tokens, leftovers and stale index entries (--dry-run to preview)', run: (ctx) => c.purgeExpired(ctx, ctx.flags.has('dry-run')) },
  'test-cleanup-show': { summary: 'Show test registrations and what cleanup would remove', run: (ctx) => c.testCleanup(ctx, true) },
  'test-cleanup': { summary: 'Delete every TEST client completely', run: (ctx) => c.testCleanup(ctx, ctx.flags.has('dry-run')) },
  backup: { summary: 'Back up every OAuth key to BACKUP_DIR (oauth-backup-YYYYMMDD-HHMMSS.json)', run: b.backupCommand },
  'backup-list': { summary: 'List the backups, newest first', run: b.backupListCommand },
  'backup-view': { summary: 'Show what a backup holds (the newest when FILE is omitted)', usage: '[FILE]', run: b.backupViewCommand },
  restore: { summary: 'Restore a backup (newest when FILE is omitted); --dry-run, --replace (asks)', usage: '[FILE]', run: b.restoreCommand },
  'validate-tokens': { summary: 'Check the configured tokens (signature, issuer, expiry, not revoked); --online also asks the gateway', run: (ctx) => t.validateTokensCommand(ctx, 'validate') },
  'check-token-expiry': { summary: 'Show how long the configured tokens have left', run: (ctx) => t.validateTokensCommand(ctx, 'expiry') },
  'generate-jwt-secret': { summary: 'Write a new GATEWAY_JWT_SECRET into .env', local: true, run: t.generateJwtSecretCommand },
  'generate-rsa-keys': { summary: 'Ensure an RSA key in JWT_PRIVATE_KEY_B64 (.env); print the public key and JWKS', local: true, run: t.generateRsaKeysCommand },
  'generate-github-token': { summary: 'GitHub device flow into GITHUB_PAT, then the gateway client and token', local: true, run: t.generateGithubTokenCommand },
  'refresh-tokens': { summary: 'Refresh the gateway and MCP client tokens in .env when they are near expiry', local: true, run: t.refreshTokensCommand },
  'mcp-client-token': { summary: 'Register an MCP client and start its PKCE authorization', local: true, run: t.mcpClientTokenCommand },
  'mcp-client-token-complete': { summary: 'Exchange the authorization code for the MCP client tokens', usage: 'CODE', local: true, run: t.mcpClientTokenCompleteCommand },
  'seed-demo': {
    summary: 'Fill an empty Redis with realistic gateway-format demo data (--force to add anyway)',
    run: async (ctx) => {
      if (ctx.config.ADMIN_URL) throw new CliError('seed-demo writes to Redis directly: unset ADMIN_URL and point REDIS_URL at the Redis to fill');
      const redis = createRedis(ctx.transport.redisUrl ?? '', { name: 'oauth-admin-demo', maxRetriesPerRequest: 0 });
      try {
        const keys = new Keys({ oauth: ctx.config.OAUTH_KEY_PREFIX, session: ctx.config.SESSION_KEY_PREFIX, admin: ctx.config.ADMIN_KEY_PREFIX });
        const result = await seedDemo(redis, keys, ctx.flags.has('force'));
        ctx.io.out(`✅ demo data written to ${redactUrl(ctx.transport.redisUrl ?? '')}: ${result.clients} clients, ${result.tokens} access tokens, refresh tokens, flows and user indexes`);
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
      } finally {
        redis.disconnect();
      }
    },
  },
};

export function registerCommand(name: string, command: Command): void {
  COMMANDS[name] = command;
}

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length + (COMMANDS[n]?.usage?.length ?? 0) + 1));
  const lines = Object.entries(COMMANDS).map(([name, cmd]) => `  ${`${name} ${cmd.usage ?? ''}`.padEnd(width + 1)} ${cmd.summary}`);
  return [
    'usage: oauth-admin <command> [args] [--json]',
    '',
    'Runs in-process against REDIS_URL, or against the service at ADMIN_URL (with ADMIN_TOKEN).',
    '',
    ...lines,
  ].join('\n');
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  io?: Output;
  terminal?: Terminal;
}

/** Runs one command; returns the exit code (0 only on success). Errors are one line on stderr. */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<number> {
  const io = options.io ?? { out: (s: string) => process.stdout.write(`${s}\n`), err: (s: string) => process.stderr.write(`${s}\n`) };
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`error: unknown command ${JSON.stringify(name)} (run with --help for the list)`);
    return 2;
  }
  const flags = new Set(rest.filter((a) => a.startsWith('--')).map((a) => a.slice(2)));
  const args = rest.filter((a) => !a.startsWith('--'));
  let transport: ReturnType<typeof createTransport> | null = null;
  try {
    const env = loadEnv(options.env ?? process.env);
    const config = parseConfig(env);
    if (!command.local) transport = createTransport(config);
    await command.run({
      transport: transport as ReturnType<typeof createTransport>,
      config,
      env,
      json: flags.has('json'),
      flags,
      args,
      io,
      terminal: options.terminal ?? processTerminal(),
    });
    return 0;
  } catch (error) {
    const message = error instanceof CliError || error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    io.err(`error: ${message.split('\n')[0]}`);
    return error instanceof CliError && error.code === 'USAGE' ? 2 : 1;
  } finally {
    await transport?.close().catch(() => {});
  }
}
