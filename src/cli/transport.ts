import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { createApp } from '../app.js';
import { type Config, DEFAULT_REDIS_URL } from '../config.js';
import { createRedis } from '../redis/connection.js';
import { createServices, serviceOptions } from '../services.js';
import { sseResults } from './sse.js';

import { CliError } from './cli-error.js';

export { CliError };

/**
 * Sends our typed GraphQL operations somewhere: into an in-process service over the gateway's
 * Redis (no server needed), or to a running service at ADMIN_URL. Both speak the same HTTP to the
 * same Yoga handler, so there is one implementation of every operation.
 */
export interface Transport {
  readonly description: string;
  request<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables?: TVariables): Promise<TResult>;
  subscribe<TResult, TVariables>(document: TypedDocumentNode<TResult, TVariables>, variables?: TVariables): AsyncGenerator<TResult>;
  /** The Redis the in-process transport uses, for the commands that write like the gateway (seed-demo). */
  readonly redisUrl: string | null;
  close(): Promise<void>;
}

type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

function firstError(body: ExecutionResult<unknown>): CliError | null {
  const error = body.errors?.[0];
  if (!error) return null;
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : null;
  return new CliError(error.message, code);
}

/** How the CLI waits when the service says 429: as `Retry-After` says, a bounded number of times. */
export interface RetryPolicy {
  /** Retries after the first answer (default 5). */
  attempts: number;
  /** The longest single wait, in seconds (default 30): a longer Retry-After fails at once. */
  maxWaitSeconds: number;
  sleep: (ms: number) => Promise<void>;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 5, maxWaitSeconds: 30, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

/** `Retry-After` in seconds (a number of seconds or an HTTP date); 1 when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (!header) return 1;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(header);
  return Number.isNaN(at) ? 1 : Math.max(0, Math.ceil((at - now) / 1000));
}

/** Each operation's text, printed once. */
const printed = new WeakMap<object, string>();
function queryText(document: unknown): string {
  let text = printed.get(document as object);
  if (text === undefined) {
    text = print(document as Parameters<typeof print>[0]);
    printed.set(document as object, text);
  }
  return text;
}

function overFetch(
  fetchFn: FetchLike,
  url: string,
  token: string,
  description: string,
  redisUrl: string | null,
  close: () => Promise<void>,
  retry: RetryPolicy = DEFAULT_RETRY,
): Transport {
  const once = (document: unknown, variables: unknown, accept: string) =>
    fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: queryText(document), variables: variables ?? {} }),
    }).catch((error: unknown) => {
      if (error instanceof CliError) throw error;
      throw new CliError(`cannot reach ${description}: ${error instanceof Error ? error.message : String(error)}`);
    });
  // A rate-limited request did nothing on the service: sending it again is safe.
  const post = async (document: unknown, variables: unknown, accept: string): Promise<Response> => {
    for (let attempt = 0; ; attempt++) {
      const response = await once(document, variables, accept);
      if (response.status !== 429) return response;
      const wait = retryAfterSeconds(response.headers.get('retry-after'));
      await response.body?.cancel().catch(() => {});
      if (attempt >= retry.attempts || wait > retry.maxWaitSeconds) {
        throw new CliError(
          `${description} is rate-limiting this token (429, retry after ${wait} s); gave up after ${attempt + 1} attempt(s): try again later or raise RATE_LIMIT_PER_SECOND`,
          'RATE_LIMITED',
        );
      }
      await retry.sleep(wait * 1000);
    }
  };

  return {
    description,
    redisUrl,
    close,
    async request(document, variables) {
      // One media type, the one the service's fast transport takes (a list of them goes to Yoga's handler).
      const response = await post(document, variables, 'application/graphql-response+json');
      if (response.status === 401) throw new CliError(`${description} refused the token (401): check ADMIN_TOKEN`, 'UNAUTHENTICATED');
      const body = (await response.json().catch(() => ({ errors: [{ message: `HTTP ${response.status} from ${description}` }] }))) as ExecutionResult<never>;
      const error = firstError(body);
      if (error) throw error;
      if (!body.data) throw new CliError(`empty answer (HTTP ${response.status}) from ${description}`);
      return body.data;
    },
    async *subscribe(document, variables) {
      const response = await post(document, variables, 'text/event-stream');
      if (!response.ok || !response.body) throw new CliError(`subscription failed with HTTP ${response.status} from ${description}`);
      for await (const body of sseResults(response.body as unknown as AsyncIterable<Uint8Array>)) {
        const error = firstError(body);
        if (error) throw error;
        if (body.data) yield body.data;
      }
    },
  };
}

export interface TransportOptions {
  /**
   * In-process: whether the operations need Redis (default true). Commands that only read
   * BACKUP_DIR pass false: then no connection is made and a Redis that is down does not matter.
   */
  redis?: boolean;
  /** How 429 answers are retried (tests shorten the waits). */
  retry?: Partial<RetryPolicy>;
  /** In-process: plugins added to the app's chain (observers in tests). */
  extraPlugins?: Plugin[];
}

/** ADMIN_URL set: a running service, with ADMIN_TOKEN. Otherwise: in-process over REDIS_URL. */
export function createTransport(config: Config, options: TransportOptions = {}): Transport {
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  if (config.ADMIN_URL) {
    if (!config.ADMIN_TOKEN) throw new CliError('ADMIN_URL is set but ADMIN_TOKEN is not: the service needs a bearer token');
    // The service's address alone means its GraphQL endpoint.
    const url = new URL(config.ADMIN_URL);
    if (url.pathname === '/') url.pathname = '/graphql';
    return overFetch(fetch, url.href, config.ADMIN_TOKEN, url.href, null, async () => {}, retry);
  }
  const needsRedis = options.redis ?? true;
  const redisUrl = config.REDIS_URL ?? DEFAULT_REDIS_URL;
  const redis = createRedis(redisUrl, { name: 'oauth-admin-cli', maxRetriesPerRequest: 0, commandTimeoutMs: 30_000, lazyConnect: !needsRedis });
  let connectionError: string | null = null;
  redis.on('error', (error: Error) => {
    connectionError = error.message;
  });
  const services = createServices(redis, serviceOptions(config));
  const token = randomBytes(24).toString('base64url');
  const app = createApp({ services, auth: { adminToken: token, anonymousAdmin: false, adminActor: 'cli' }, extraPlugins: options.extraPlugins });
  const where = redactUrl(redisUrl);
  const inProcess: FetchLike = async (url, init) => {
    if (!needsRedis) return app.fetch(url, init);
    try {
      await redis.ping();
    } catch {
      throw new CliError(`Redis at ${where} is not reachable${connectionError ? ` (${connectionError})` : ''}`);
    }
    return app.fetch(url, init);
  };
  const close = async () => {
    await services.jobs.drain();
    await app.dispose();
    redis.disconnect();
  };
  return overFetch(inProcess, 'http://in-process/graphql', token, needsRedis ? `Redis at ${where}` : 'the backup files', redisUrl, close, retry);
}

/** A URL fit to print: the password is replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}
