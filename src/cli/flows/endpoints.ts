import { DEFAULT_BASE_DOMAIN } from '../../config.js';
import type { EnvLike } from '../../clients-tokens/token-check.js';

/** Output and input of a command, so the orchestrations never touch stdout, stdin or process.env. */
export interface CommandIo {
  log: (line: string) => void;
  /** Asks the user a question; absent in non-interactive runs. */
  prompt?: ((question: string) => Promise<string>) | undefined;
}

export interface CommandBase extends CommandIo {
  envPath: string;
  /** The environment as the caller resolved it (process env merged with `.env`); not modified. */
  env: EnvLike;
}

export interface EndpointOverrides {
  /** Default `GATEWAY_AUTH_URL`, then `https://auth.{BASE_DOMAIN}` (BASE_DOMAIN defaults as in the configuration). */
  authBase?: string | undefined;
  /** Default `GITHUB_URL`, then `https://github.com`. */
  githubBase?: string | undefined;
  /** Default `GITHUB_API_URL`, then `https://api.github.com`. */
  githubApiBase?: string | undefined;
}

export function authBaseUrl(env: EnvLike, override?: string): string {
  const explicit = override ?? nonEmpty(env.GATEWAY_AUTH_URL);
  if (explicit) return trimSlash(explicit);
  return `https://auth.${nonEmpty(env.BASE_DOMAIN) ?? DEFAULT_BASE_DOMAIN}`;
}

export function githubBaseUrl(env: EnvLike, override?: string): string {
  return trimSlash(override ?? nonEmpty(env.GITHUB_URL) ?? 'https://github.com');
}

export function githubApiBaseUrl(env: EnvLike, override?: string): string {
  return trimSlash(override ?? nonEmpty(env.GITHUB_API_URL) ?? 'https://api.github.com');
}

export function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function requireEnv(env: EnvLike, key: string, hint: string): string {
  const value = nonEmpty(env[key]);
  if (!value) throw new Error(`${key} is not set; ${hint}`);
  return value;
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
