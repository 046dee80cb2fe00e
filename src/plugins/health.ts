import type { Plugin } from 'graphql-yoga';
import type { RedisClient } from '../redis/connection.js';
import type { ShutdownGate } from './shutdown.js';

function healthResponse(status: number, state: string, redis: string): Response {
  return new Response(JSON.stringify({ status: state, redis }), { status, headers: { 'content-type': 'application/json' } });
}

/** `/health`: ready when Redis answers PING within `timeoutMs`; `draining` once shutdown has begun. */
export function useHealth(redis: Pick<RedisClient, 'ping'>, shutdown: ShutdownGate | undefined, timeoutMs: number): Plugin {
  const check = async (): Promise<Response> => {
    if (shutdown?.draining) return healthResponse(503, 'draining', 'unknown');
    let timer: NodeJS.Timeout | undefined;
    const ready = await Promise.race([
      redis.ping().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
    return healthResponse(ready ? 200 : 503, ready ? 'ok' : 'unready', ready ? 'up' : 'down');
  };
  return {
    async onRequest({ url, endResponse }) {
      if (url.pathname === '/health') endResponse(await check());
    },
  };
}
