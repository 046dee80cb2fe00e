import { randomBytes } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import { createApp } from '../app.js';
import { type Config, DEFAULT_REDIS_URL } from '../config.js';
import { createRedis } from '../redis/connection.js';
import { createServices, serviceOptions } from '../services/index.js';
import { sseResults } from './sse.js';

/** A failure the CLI reports in one line (and exits non-zero). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

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

function overFetch(fetchFn: FetchLike, url: string, token: string, description: string, redisUrl: string | null, close: () => Promise<void>): Transport {
  const post = (document: unknown, variables: unknown, accept: string) =>
    fetchFn(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: print(document as Parameters<typeof print>[0]), variables: variables ?? {} }),
    }).catch((error: unknown) => {
      if (error instanceof CliError) throw error;
      throw new CliError(`cannot reach ${description}: ${error instanceof Error ? error.message : String(error)}`);
    });

  return {
    description,
    redisUrl,
    close,
    async request(document, variables) {
      const response = await post(document, variables, 'application/graphql-response+json, application/json');
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

/** ADMIN_URL set: a running service, with ADMIN_TOKEN. Otherwise: in-process over REDIS_URL. */
export function createTransport(config: Config): Transport {
  if (config.ADMIN_URL) {
    if (!config.ADMIN_TOKEN) throw new CliError('ADMIN_URL is set but ADMIN_TOKEN is not: the service needs a bearer token');
    // The service's address alone means its GraphQL endpoint.
    const url = new URL(config.ADMIN_URL);
    if (url.pathname === '/') url.pathname = '/graphql';
    return overFetch(fetch, url.href, config.ADMIN_TOKEN, url.href, null, async () => {});
  }
  const redisUrl = config.REDIS_URL ?? DEFAULT_REDIS_URL;
  const redis = createRedis(redisUrl, { name: 'oauth-admin-cli', maxRetriesPerRequest: 0, commandTimeoutMs: 30_000 });
  let connectionError: string | null = null;
  redis.on('error', (error: Error) => {
    connectionError = error.message;
  });
  const services = createServices(redis, serviceOptions(config));
  const token = randomBytes(24).toString('base64url');
  const app = createApp({ services, auth: { adminToken: token, anonymousAdmin: false, adminActor: 'cli' } });
  const where = redactUrl(redisUrl);
  const inProcess: FetchLike = async (url, init) => {
    try {
      await redis.ping();
    } catch {
      throw new CliError(`Redis at ${where} is not reachable${connectionError ? ` (${connectionError})` : ''}`);
    }
    return app.fetch(url, init);
  };
  return overFetch(inProcess, 'http://in-process/graphql', token, `Redis at ${where}`, redisUrl, async () => {
    await services.jobs.drain();
    await app.dispose();
    redis.disconnect();
  });
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
