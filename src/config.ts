import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { parseEnv as nodeParseEnv } from 'node:util';

const optionalSecret = z
  .string()
  .transform((v) => (v.trim() === '' ? undefined : v))
  .optional();

/** An unset or empty variable means "use the default" (compose files often pass `VAR=`). */
const optionalUrl = z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional());

/** `redis://`, `rediss://`, or `redis+cluster://host:port,host:port` for a cluster. */
const redisUrl = z.preprocess(
  (v) => (v === '' ? undefined : v),
  z
    .string()
    .regex(/^(rediss?:\/\/\S+|redis\+cluster:\/\/[^\s,]+(,[^\s,]+)*)$/, 'expected redis://host:port[/db], rediss://… or redis+cluster://host:port,host:port')
    .optional(),
);

const seconds = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

/** A whole number setting (`0` usually means "off"). */
const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

/** `true`/`false` (also `1`/`0`, `yes`/`no`); unset or empty means "decide from NODE_ENV". */
const optionalFlag = z.preprocess(
  (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toLowerCase()) : v),
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .transform((v) => v === 'true' || v === '1' || v === 'yes')
    .optional(),
);

/** Every setting the service reads, with the gateway's defaults (semantics.md "Configuration"). */
/** `https://auth.{BASE_DOMAIN}` is the gateway (tokens' issuer, the CLI's token recipes) unless set. */
export const DEFAULT_BASE_DOMAIN = 'localhost';

export const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  REDIS_URL: redisUrl,
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  ADMIN_TOKEN: optionalSecret,
  VIEWER_TOKEN: optionalSecret,
  /** Named service keys (README "Service keys"): the JSON file `api-key-create` writes; unset: none. */
  API_KEYS_FILE: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().optional()),
  BACKUP_DIR: z.string().min(1).default('./backups'),
  OAUTH_KEY_PREFIX: z.string().min(1).default('oauth:'),
  SESSION_KEY_PREFIX: z.string().min(1).default('redis:session:'),
  ADMIN_KEY_PREFIX: z.string().min(1).default('oauth-admin:'),
  ACCESS_TOKEN_LIFETIME: seconds(86400),
  REFRESH_TOKEN_LIFETIME: seconds(2592000),
  CLIENT_LIFETIME: seconds(7776000),
  BASE_DOMAIN: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().default(DEFAULT_BASE_DOMAIN)),
  JWT_PRIVATE_KEY_B64: optionalSecret,
  GATEWAY_JWT_SECRET: optionalSecret,
  JWT_ALGORITHM: z.string().optional(),
  BACKUP_ENCRYPTION_KEY: optionalSecret,
  ADMIN_URL: optionalUrl,
  OAUTH_ADMIN_CONFIRM: z.string().optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  // Hardening (SECURITY.md). Introspection and GraphiQL default to off when NODE_ENV=production.
  GRAPHQL_INTROSPECTION: optionalFlag,
  GRAPHIQL: optionalFlag,
  GRAPHQL_MAX_DEPTH: count(15),
  GRAPHQL_MAX_ALIASES: count(30),
  GRAPHQL_MAX_DIRECTIVES: count(20),
  GRAPHQL_MAX_TOKENS: count(2000),
  /** Fields a query may resolve, counting list pages through nesting (0: no limit). */
  GRAPHQL_MAX_COST: count(100_000),
  MAX_REQUEST_BODY_BYTES: count(100_000),
  /** Requests per second per bearer token, averaged over RATE_LIMIT_WINDOW_SECONDS (0: no limit). */
  RATE_LIMIT_PER_SECOND: count(500),
  /** Requests per second per client address without a valid token (0: no limit). */
  RATE_LIMIT_ANONYMOUS_PER_SECOND: count(2),
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  /** A Redis command that takes longer fails with a clear error instead of holding the request. */
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).default(5000),
  /** On SIGTERM/SIGINT: how long running jobs get to reach a safe point before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  // Derived indexes (README "Derived indexes").
  /** Let the service `CONFIG SET notify-keyspace-events` when the server lacks the flags it needs (off: it asks the operator). */
  INDEX_CONFIGURE_NOTIFICATIONS: optionalFlag,
  /** How long a read waits for the indexes to catch up before it scans the store instead. */
  INDEX_MAX_LAG_MS: z.coerce.number().int().min(10).default(2000),
  /** Changes queued beyond this (a restore of a million keys) are handed to a reconcile instead. */
  INDEX_MAX_PENDING: z.coerce.number().int().min(100).default(100_000),
  /** How often the indexes are rebuilt from the keys besides when something broke (0: never on a schedule). */
  INDEX_RECONCILE_EVERY_SECONDS: count(3600),
  /** Live gateway events one subscriber may have waiting before it is told it lagged (and misses some). */
  GATEWAY_EVENTS_BUFFER: z.coerce.number().int().min(1).default(1000),
  // Metrics (README "Metrics", SECURITY.md): Prometheus text on a port of their own.
  /** Serve `/metrics` on METRICS_HOST:METRICS_PORT (false: no metrics listener). */
  METRICS_ENABLED: optionalFlag.default(true),
  /** Loopback by default; any other address needs METRICS_TOKEN. */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  /** When set, a scrape must send `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: optionalSecret,
  /** Distinct GraphQL operation names counted before the rest share `operation="other"`. */
  METRICS_MAX_OPERATIONS: count(200),
});

export type Config = z.infer<typeof ConfigSchema>;

/** Every setting's default, from the schema above: the one place a default is written. */
export const CONFIG_DEFAULTS: Readonly<Config> = Object.freeze(ConfigSchema.parse({}));

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * The one dotenv reader (the server's config and the token tooling): node:util parseEnv, so unquoted
 * values end at `#`, double quotes expand `\n` and may span lines, later keys win. Two gaps of Node 20's
 * parser are closed here: a UTF-8 byte order mark is dropped (it would join the first name), and names
 * that are not variable names (a line without `=` glued to the next one) are left out.
 */
export function parseEnv(text: string): Record<string, string> {
  const parsed = nodeParseEnv(text.replace(/^\uFEFF/, ''));
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) if (ENV_NAME.test(key) && value !== undefined) env[key] = value;
  return env;
}

/**
 * Reads `.env` (when present) beneath the real environment: a variable already set in the
 * environment wins, as with docker compose and the gateway's own scripts.
 */
export function loadEnv(env: NodeJS.ProcessEnv = process.env, dotenvPath = resolve('.env')): NodeJS.ProcessEnv {
  if (!existsSync(dotenvPath)) return env;
  const fromFile = parseEnv(readFileSync(dotenvPath, 'utf8'));
  return { ...fromFile, ...env };
}

export class ConfigError extends Error {}

/** Parses the environment; a bad value is named (never echoed: it may be a secret). */
export function parseConfig(env: NodeJS.ProcessEnv): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const fields = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration: ${fields.join('; ')}`);
  }
  return result.data;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parseConfig(loadEnv(env));
}
