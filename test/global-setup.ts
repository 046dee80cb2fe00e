import type { TestProject } from 'vitest/node';
import { startTestRedis } from './helpers/redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    redisUrl: string;
  }
}

/**
 * One real Redis for the whole run: REDIS_URL when set (tests never flush it: each test uses its
 * own key prefix), otherwise a private one on a free loopback port that is stopped afterwards: a
 * container through testcontainers when a Docker engine answers, a `redis-server` binary otherwise
 * (TEST_REDIS=auto|container|binary; test/helpers/redis-server.ts says which, once).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.REDIS_URL) {
    project.provide('redisUrl', process.env.REDIS_URL);
    return async () => {};
  }
  const redis = await startTestRedis();
  project.provide('redisUrl', redis.url);
  return () => redis.stop();
}
