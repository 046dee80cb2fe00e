import { Cluster, Redis, type RedisOptions } from 'ioredis';
import calculateSlot from 'cluster-key-slot';
import { defineScripts } from './scripts.js';

/** A connection to the gateway's Redis: a single server or a cluster, used the same way. */
export type RedisClient = Redis | Cluster;

export interface ConnectionOptions {
  /** Shown in CLIENT LIST, so an operator can tell our connections apart. */
  name?: string;
  /** Fail a command after this long instead of letting requests pile up. */
  commandTimeoutMs?: number;
  /** Connect only when first used (the CLI and tests create many short-lived clients). */
  lazyConnect?: boolean;
  /** How long to keep retrying a connection before failing queued commands. */
  maxRetriesPerRequest?: number | null;
  /**
   * Queue commands while disconnected (default true). The server turns it off so a request made
   * while Redis is away fails at once with a clear error instead of waiting in an unbounded queue.
   */
  enableOfflineQueue?: boolean;
  /** How long one connection attempt may take. */
  connectTimeoutMs?: number;
  /** The longest pause between two reconnection attempts (default 2000 ms). */
  maxReconnectDelayMs?: number;
  /**
   * Send the commands made within one turn of the event loop together, as one pipeline (ioredis
   * `enableAutoPipelining`; default true). Under concurrent requests this saves a socket write per
   * command: about 18 % more `token(jti)` requests per second under 50 connections.
   * Order and per-command errors are as without it; explicit MULTI and pipelines are unaffected.
   */
  autoPipelining?: boolean;
}

/** The one place connections are made. A `redis+cluster://host:port,host:port` URL makes a cluster. */
export function createRedis(url: string, options: ConnectionOptions = {}): RedisClient {
  const common: RedisOptions = {
    connectionName: options.name ?? 'oauth-admin',
    commandTimeout: options.commandTimeoutMs ?? 10_000,
    lazyConnect: options.lazyConnect ?? false,
    maxRetriesPerRequest: options.maxRetriesPerRequest === undefined ? 2 : options.maxRetriesPerRequest,
    enableOfflineQueue: options.enableOfflineQueue ?? true,
    ...(options.connectTimeoutMs !== undefined ? { connectTimeout: options.connectTimeoutMs } : {}),
    retryStrategy: (times) => Math.min(times * 200, options.maxReconnectDelayMs ?? 2000),
    enableAutoPipelining: options.autoPipelining ?? true,
  };
  if (url.startsWith('redis+cluster://')) {
    const nodes = url
      .slice('redis+cluster://'.length)
      .split(',')
      .map((hostPort) => {
        const [host, port] = hostPort.split(':');
        return { host: host ?? '127.0.0.1', port: Number(port ?? 6379) };
      });
    return withScripts(new Cluster(nodes, { redisOptions: common, lazyConnect: common.lazyConnect, enableOfflineQueue: common.enableOfflineQueue }));
  }
  return withScripts(new Redis(url, common));
}

/**
 * A second connection like `redis` (same server or cluster, same settings), for long background
 * work: its commands queue on their own socket, so a request's commands never wait behind its
 * pipeline (Redis serves connections in turn, between commands). The caller disconnects it.
 */
export async function sideConnection(redis: RedisClient, name: string, readyWithinMs = 5000): Promise<RedisClient> {
  const side =
    redis instanceof Cluster
      ? withScripts(redis.duplicate(undefined, { redisOptions: { ...redis.options.redisOptions, connectionName: name } }))
      : withScripts(redis.duplicate({ connectionName: name }));
  side.on('error', () => {});
  // The server's connections queue nothing while not ready (enableOfflineQueue off): wait for it.
  await whenReady(side, readyWithinMs);
  return side;
}

/**
 * Resolves once `redis` is ready (true), or after `withinMs` if it is not by then (false). A
 * connection that queues nothing while not ready (enableOfflineQueue off, as the server's) fails
 * every command made before: a cluster needs some round trips (slots, nodes) before it is ready.
 */
export async function whenReady(redis: RedisClient, withinMs: number): Promise<boolean> {
  if (redis.status === 'ready') return true;
  let timer: NodeJS.Timeout | undefined;
  let onReady: (() => void) | undefined;
  const ready = await Promise.race([
    new Promise<boolean>((resolve) => redis.once('ready', (onReady = () => resolve(true)))),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), withinMs);
      timer.unref();
    }),
  ]);
  clearTimeout(timer);
  if (onReady) redis.off('ready', onReady);
  return ready;
}

function withScripts<T extends RedisClient>(client: T): T {
  defineScripts(client);
  return client;
}

/** The servers that hold keys: every master of a cluster (once it knows its slots), or the one server. */
export async function keyHolders(redis: RedisClient): Promise<Redis[]> {
  if (!(redis instanceof Cluster)) return [redis];
  if (redis.status !== 'ready') {
    if (redis.status === 'wait') await redis.connect().catch(() => {});
    if ((redis.status as string) !== 'ready') await new Promise((resolve) => redis.once('ready', resolve));
  }
  return redis.nodes('master');
}

/**
 * Counts the commands a client sends (pipelined ones included), for tests and benchmarks that
 * show how many round trips a query costs.
 */
export function countCommands(redis: Redis): { readonly count: number; reset(): void; names: string[] } {
  const counter = {
    count: 0,
    names: [] as string[],
    reset() {
      this.count = 0;
      this.names = [];
    },
  };
  const original = redis.sendCommand.bind(redis);
  redis.sendCommand = ((command: { name: string }, ...rest: unknown[]) => {
    counter.count += 1;
    counter.names.push(command.name);
    return (original as (...args: unknown[]) => unknown)(command, ...rest);
  }) as typeof redis.sendCommand;
  return counter;
}

/**
 * One hash tag per server that holds keys, such that a key named with `{tag}` lands on that
 * server: a barrier written there travels with that server's keyspace notifications.
 */
export async function nodeTags(redis: RedisClient): Promise<string[]> {
  const nodes = await keyHolders(redis);
  if (!(redis instanceof Cluster)) return ['0'];
  const owners = redis.slots;
  return nodes.map((node) => {
    const id = `${node.options.host}:${node.options.port}`;
    for (let i = 0; i < 1_000_000; i++) {
      if (owners[calculateSlot(`n${i}`)]?.[0] === id) return `n${i}`;
    }
    throw new Error(`no slot of ${id} is known`);
  });
}
