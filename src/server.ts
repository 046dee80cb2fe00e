import { createServer } from 'node:http';
import { createApp } from './app.js';
import { type Config, ConfigError, DEFAULT_REDIS_URL, loadConfig } from './config.js';
import { createRedis } from './redis/connection.js';
import { createServices, serviceOptions } from './services/index.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** Decides who may call and where to listen; refuses unsafe combinations before anything starts. */
export function securityPlan(config: Config): { host: string; anonymousAdmin: boolean; warning: string | null } {
  if (config.ADMIN_TOKEN) return { host: config.HOST, anonymousAdmin: false, warning: null };
  if (config.NODE_ENV === 'production') throw new ConfigError('ADMIN_TOKEN is required when NODE_ENV=production');
  const host = LOOPBACK.has(config.HOST) ? config.HOST : '127.0.0.1';
  return {
    host,
    anonymousAdmin: true,
    warning:
      `!!! ADMIN_TOKEN is not set: every request to this service is treated as ADMIN, unauthenticated.\n` +
      `!!! Listening on ${host} only${host !== config.HOST ? ` (HOST=${config.HOST} ignored)` : ''}. Set ADMIN_TOKEN before exposing it.`,
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const plan = securityPlan(config);
  const redisUrl = config.REDIS_URL ?? DEFAULT_REDIS_URL;
  const redis = createRedis(redisUrl, { name: 'oauth-admin-server', maxRetriesPerRequest: 1 });
  redis.on('error', () => {}); // reported by /health; ioredis keeps reconnecting
  const services = createServices(redis, serviceOptions(config));
  const yoga = createApp({
    services,
    auth: { adminToken: config.ADMIN_TOKEN, viewerToken: config.VIEWER_TOKEN, anonymousAdmin: plan.anonymousAdmin },
    graphiql: config.NODE_ENV !== 'production',
  });
  const server = createServer(yoga);
  if (plan.warning) console.warn(plan.warning);
  server.listen(config.PORT, plan.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    console.log(`oauth-admin listening on http://${plan.host.includes(':') ? `[${plan.host}]` : plan.host}:${port}/graphql (health: /health)`);
  });

  const shutdown = (signal: string) => {
    console.log(`${signal}: shutting down`);
    server.close();
    server.closeIdleConnections();
    void yoga.dispose();
    redis.disconnect();
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`oauth-admin: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
