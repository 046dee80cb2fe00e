/**
 * Every command of the CLI: what it takes (arguments, options), what it needs (Redis, the backup
 * files, or only .env) and the module that runs it. main.ts parses a command line against this.
 */
import type { CommandSpec } from './args.js';
import type { CommandContext } from './commands.js';
import { CliError } from './cli-error.js';

// The commands' modules (and through them the schema, Yoga and ioredis) load only when a command
// runs: `--help` and usage errors answer at once and can touch nothing.
const c = () => import('./commands.js');
const b = () => import('./backup-commands.js');
const t = () => import('./token-commands.js');
const l = () => import('./client-commands.js');
const k = () => import('./key-commands.js');
const w = () => import('./watch-command.js');

export interface Command extends CommandSpec {
  /**
   * `data`: Redis in-process, or the service at ADMIN_URL. `files`: BACKUP_DIR only (in-process it
   * needs no Redis). `local`: only `.env` and remote endpoints, no Redis and no service.
   */
  needs: 'data' | 'files' | 'local';
  run: (ctx: CommandContext) => Promise<void>;
}

const DRY_RUN = { type: 'boolean', description: 'only count what it would do; change nothing' } as const;
const ONLINE = { type: 'boolean', description: "also ask the gateway's /verify about each token, and GitHub about GITHUB_PAT" } as const;

export const COMMANDS: Record<string, Command> = {
  'list-registrations': {
    summary: 'Show all registered OAuth clients',
    recipes: ['oauth-list-registrations'],
    needs: 'data',
    run: async (ctx) => (await c()).listRegistrations(ctx),
  },
  'list-tokens': {
    summary: 'Show access tokens with their status',
    recipes: ['oauth-list-tokens'],
    options: { active: { type: 'boolean', description: 'only ACTIVE tokens' }, expired: { type: 'boolean', description: 'only EXPIRED tokens' } },
    needs: 'data',
    run: async (ctx) => (await c()).listTokens(ctx),
  },
  watch: {
    summary: "Print the gateway's events as they happen (registrations, tokens issued, revoked and expired, codes), a line each, until interrupted",
    options: {
      client: { type: 'string', valueName: 'CLIENT_ID', description: 'only events of this client' },
      user: { type: 'string', valueName: 'USERNAME', description: 'only events of this user' },
      kind: { type: 'string', valueName: 'KIND', multiple: true, description: 'repeatable: only these kinds (e.g. access-token-revoked)' },
    },
    recipes: ['oauth-watch'],
    needs: 'data',
    run: async (ctx) => (await w()).watchEvents(ctx),
  },
  stats: { summary: 'Show OAuth statistics', recipes: ['oauth-stats'], needs: 'data', run: async (ctx) => (await c()).stats(ctx) },
  'show-all': { summary: 'Statistics, registrations and tokens', recipes: ['oauth-show-all'], needs: 'data', run: async (ctx) => (await c()).showAll(ctx) },
  'delete-registration': {
    summary: 'Delete a client registration (the client key only)',
    args: ['CLIENT_ID'],
    recipes: ['oauth-delete-registration CLIENT_ID'],
    needs: 'data',
    run: async (ctx) => (await c()).deleteRegistration(ctx, false),
  },
  'delete-client-complete': {
    summary: 'Delete a client and all its tokens, refresh tokens, codes and states; for a client id that is no longer registered, its orphaned data',
    args: ['CLIENT_ID'],
    recipes: ['oauth-delete-client-complete CLIENT_ID'],
    needs: 'data',
    run: async (ctx) => (await c()).deleteRegistration(ctx, true),
  },
  'delete-all-registrations': {
    summary: 'Delete ALL registrations; shows the plan and asks (OAUTH_ADMIN_CONFIRM=yes in scripts)',
    options: { cascade: { type: 'boolean', description: "also every client's tokens, refresh tokens, codes and states" } },
    recipes: ['oauth-delete-all-registrations'],
    needs: 'data',
    run: async (ctx) => (await c()).deleteAllRegistrations(ctx),
  },
  'client-update': {
    summary:
      "Set a client's metadata as the gateway's RFC 7592 PUT would (fields left out stay; the key's TTL is kept); removing a registered redirect URI shows the plan and asks",
    args: ['CLIENT_ID'],
    options: {
      name: { type: 'string', valueName: 'TEXT', description: 'the client name (client_name)' },
      'redirect-uri': {
        type: 'string',
        valueName: 'URI',
        multiple: true,
        description: 'repeatable: the new redirect URI list, replacing the registered one (http:// only for localhost)',
      },
      scope: { type: 'string', valueName: 'SCOPES', description: 'the space-separated scopes (scope)' },
      'client-uri': { type: 'string', valueName: 'URI', description: 'client_uri' },
      'logo-uri': { type: 'string', valueName: 'URI', description: 'logo_uri' },
      'tos-uri': { type: 'string', valueName: 'URI', description: 'tos_uri' },
      'policy-uri': { type: 'string', valueName: 'URI', description: 'policy_uri' },
      contact: { type: 'string', valueName: 'EMAIL', multiple: true, description: 'repeatable: the new contacts list, replacing the stored one' },
    },
    recipes: ['oauth-client-update CLIENT_ID'],
    needs: 'data',
    run: async (ctx) => (await l()).updateClientCommand(ctx),
  },
  'client-rotate-secret': {
    summary: "Replace a client's secret; shows what it locks out and asks (OAUTH_ADMIN_CONFIRM=yes in scripts); prints the new secret once",
    args: ['CLIENT_ID'],
    recipes: ['oauth-client-rotate-secret CLIENT_ID'],
    needs: 'data',
    run: async (ctx) => (await l()).rotateCommand(ctx, 'secret'),
  },
  'client-rotate-registration-token': {
    summary:
      "Replace a client's RFC 7592 registration access token; shows what it locks out and asks (OAUTH_ADMIN_CONFIRM=yes in scripts); prints the new token once",
    args: ['CLIENT_ID'],
    recipes: ['oauth-client-rotate-registration-token CLIENT_ID'],
    needs: 'data',
    run: async (ctx) => (await l()).rotateCommand(ctx, 'registration'),
  },
  'delete-token': {
    summary: 'Delete one access token and its user-index entry',
    args: ['JTI'],
    recipes: ['oauth-delete-token JTI'],
    needs: 'data',
    run: async (ctx) => (await c()).deleteToken(ctx),
  },
  'delete-all-tokens': {
    summary: 'Delete ALL access tokens, refresh tokens and user indexes; shows the plan and asks (OAUTH_ADMIN_CONFIRM=yes in scripts)',
    recipes: ['oauth-delete-all-tokens'],
    needs: 'data',
    run: async (ctx) => (await c()).deleteAllTokens(ctx),
  },
  'revoke-user': {
    summary: 'Log a user out everywhere: their access tokens, refresh tokens, codes and token index',
    args: ['USERNAME'],
    options: { 'dry-run': DRY_RUN },
    recipes: ['oauth-revoke-user USERNAME'],
    needs: 'data',
    run: async (ctx) => (await c()).revokeUser(ctx),
  },
  'purge-expired': {
    summary: 'Purge expired access tokens, leftover refresh tokens, states and codes, and stale index entries',
    options: { 'dry-run': DRY_RUN },
    recipes: ['oauth-purge-expired', 'oauth-purge-expired-dry (adds --dry-run)'],
    needs: 'data',
    run: async (ctx) => (await c()).purgeExpired(ctx, ctx.flags.has('dry-run')),
  },
  'test-cleanup-show': {
    summary: 'Show test registrations ("TEST " names) and what cleanup would remove; changes nothing',
    recipes: ['test-cleanup-show'],
    needs: 'data',
    run: async (ctx) => (await c()).testCleanup(ctx, true),
  },
  'test-cleanup': {
    summary: 'Delete every test client ("TEST " names) completely',
    options: { 'dry-run': DRY_RUN },
    recipes: ['test-cleanup'],
    needs: 'data',
    run: async (ctx) => (await c()).testCleanup(ctx, ctx.flags.has('dry-run')),
  },
  backup: {
    summary: 'Back up every OAuth key to BACKUP_DIR (oauth-backup-YYYYMMDD-HHMMSS.json, mode 0600)',
    options: { note: { type: 'string', valueName: 'TEXT', description: 'why the backup is taken (kept in its manifest)' } },
    recipes: ['oauth-backup'],
    needs: 'data',
    run: async (ctx) => (await b()).backupCommand(ctx),
  },
  'backup-list': {
    summary: 'List the backups in BACKUP_DIR, newest first (no Redis needed)',
    recipes: ['oauth-backup-list'],
    needs: 'files',
    run: async (ctx) => (await b()).backupListCommand(ctx),
  },
  'backup-view': {
    summary: 'Show what a backup holds, the newest when FILE is omitted (no Redis needed); fails on an unreadable file',
    args: ['[FILE]'],
    recipes: ['oauth-backup-view'],
    needs: 'files',
    run: async (ctx) => (await b()).backupViewCommand(ctx),
  },
  'backup-view-file': {
    summary: 'Show what one backup file in BACKUP_DIR holds (no Redis needed); fails on an unreadable file',
    args: ['FILE'],
    recipes: ['oauth-backup-view-file FILE'],
    needs: 'files',
    run: async (ctx) => (await b()).backupViewCommand(ctx),
  },
  restore: {
    summary: 'Restore the newest backup (merge: other keys stay; expired entries are not brought back)',
    options: {
      'dry-run': { type: 'boolean', description: 'report what would be restored, overwritten, unchanged or skipped; change nothing' },
      replace: { type: 'boolean', description: 'replace everything under the prefix (asks; writes a safety backup first)' },
      'allow-unencrypted': {
        type: 'boolean',
        description: 'with BACKUP_ENCRYPTION_KEY set, restore a file that is not encrypted anyway (check where it comes from first)',
      },
    },
    recipes: ['oauth-restore', 'oauth-restore-dry (adds --dry-run)', 'oauth-restore-clear (adds --replace)'],
    needs: 'data',
    run: async (ctx) => (await b()).restoreCommand(ctx, null),
  },
  'restore-file': {
    summary: 'Restore one backup file in BACKUP_DIR (merge, unless --replace)',
    args: ['FILE'],
    options: {
      'dry-run': { type: 'boolean', description: 'report what would be restored, overwritten, unchanged or skipped; change nothing' },
      replace: { type: 'boolean', description: 'replace everything under the prefix (asks; writes a safety backup first)' },
      'allow-unencrypted': {
        type: 'boolean',
        description: 'with BACKUP_ENCRYPTION_KEY set, restore a file that is not encrypted anyway (check where it comes from first)',
      },
    },
    recipes: ['oauth-restore-file FILE'],
    needs: 'data',
    run: async (ctx) => (await b()).restoreCommand(ctx, ctx.args[0] ?? null),
  },
  'validate-tokens': {
    summary: 'Check the configured tokens (signature, issuer, expiry, not revoked); fails for a configured token that is not valid',
    options: { online: ONLINE },
    recipes: ['validate-tokens'],
    needs: 'data',
    run: async (ctx) => (await t()).validateTokensCommand(ctx, 'validate'),
  },
  'check-token-expiry': {
    summary: 'Show how long the configured tokens have left',
    options: { online: ONLINE },
    recipes: ['check-token-expiry'],
    needs: 'data',
    run: async (ctx) => (await t()).validateTokensCommand(ctx, 'expiry'),
  },
  'generate-jwt-secret': {
    summary: 'Write a GATEWAY_JWT_SECRET into .env; an existing one is kept unless --force',
    options: { force: { type: 'boolean', description: 'replace an existing secret: every token signed with it stops being accepted' } },
    json: false,
    recipes: ['generate-jwt-secret'],
    needs: 'local',
    run: async (ctx) => (await t()).generateJwtSecretCommand(ctx),
  },
  'generate-rsa-keys': {
    summary: 'Ensure an RSA key in JWT_PRIVATE_KEY_B64 (.env), keeping a valid one; print the public key and JWKS',
    json: false,
    recipes: ['generate-rsa-keys'],
    needs: 'local',
    run: async (ctx) => (await t()).generateRsaKeysCommand(ctx),
  },
  'generate-github-token': {
    summary: 'GitHub device flow into GITHUB_PAT, then the gateway client and its token (asks for the code on a terminal)',
    recipes: ['generate-github-token'],
    needs: 'local',
    run: async (ctx) => (await t()).generateGithubTokenCommand(ctx),
  },
  'generate-github-token-complete': {
    summary: "Exchange the authorization code from generate-github-token's URL for GATEWAY_OAUTH_ACCESS_TOKEN",
    args: ['CODE'],
    recipes: ['generate-github-token-complete CODE'],
    needs: 'local',
    run: async (ctx) => (await t()).gatewayTokenCompleteCommand(ctx),
  },
  'refresh-tokens': {
    summary: 'Refresh the gateway and MCP client tokens in .env that are expired, near expiry or refused by the gateway',
    recipes: ['refresh-tokens'],
    needs: 'local',
    run: async (ctx) => (await t()).refreshTokensCommand(ctx),
  },
  'mcp-client-token': {
    summary: 'Register an MCP client and start its PKCE authorization (asks for the code on a terminal)',
    recipes: ['mcp-client-token'],
    needs: 'local',
    run: async (ctx) => (await t()).mcpClientTokenCommand(ctx),
  },
  'mcp-client-token-complete': {
    summary: 'Exchange the authorization code for the MCP client tokens',
    args: ['CODE'],
    recipes: ['mcp-client-token-complete CODE'],
    needs: 'local',
    run: async (ctx) => (await t()).mcpClientTokenCompleteCommand(ctx),
  },
  'api-key-create': {
    summary: 'Add a named service key (ROLE admin or viewer) to API_KEYS_FILE and print the key once (the file keeps only its hash)',
    args: ['NAME', 'ROLE'],
    recipes: ['api-key-create NAME ROLE'],
    needs: 'local',
    run: async (ctx) => (await k()).createKeyCommand(ctx),
  },
  'api-key-list': {
    summary: 'List the service keys in API_KEYS_FILE: name, role, created (never a key or hash)',
    recipes: ['api-key-list'],
    needs: 'local',
    run: async (ctx) => (await k()).listKeysCommand(ctx),
  },
  'api-key-revoke': {
    summary: 'Remove a service key from API_KEYS_FILE; a running service refuses it within a second',
    args: ['NAME'],
    recipes: ['api-key-revoke NAME'],
    needs: 'local',
    run: async (ctx) => (await k()).revokeKeyCommand(ctx),
  },
  'seed-demo': {
    summary: 'Fill an empty Redis with realistic gateway-format demo data',
    options: { force: { type: 'boolean', description: 'add the demo data even when the store holds registrations' } },
    json: false,
    recipes: ['seed-demo'],
    needs: 'data',
    run: async (ctx) => {
      if (ctx.config.ADMIN_URL) throw new CliError('seed-demo writes to Redis directly: unset ADMIN_URL and point REDIS_URL at the Redis to fill');
      const [{ createRedis }, { Keys }, { seedDemo }, { redactUrl }] = await Promise.all([
        import('../redis/connection.js'),
        import('../redis/keys.js'),
        import('./demo.js'),
        import('./transport.js'),
      ]);
      const redis = createRedis(ctx.transport.redisUrl ?? '', { name: 'oauth-admin-demo', maxRetriesPerRequest: 0 });
      try {
        const keys = new Keys({ oauth: ctx.config.OAUTH_KEY_PREFIX, session: ctx.config.SESSION_KEY_PREFIX, admin: ctx.config.ADMIN_KEY_PREFIX });
        const result = await seedDemo(redis, keys, ctx.flags.has('force'));
        ctx.io.out(
          `✅ demo data written to ${redactUrl(ctx.transport.redisUrl ?? '')}: ${result.clients} clients, ${result.tokens} access tokens, refresh tokens, flows and user indexes`,
        );
      } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
      } finally {
        redis.disconnect();
      }
    },
  },
};
