import type { TestProject } from 'vitest/node';
import { startTestRedisCluster } from './helpers/redis-server.js';

/**
 * The integration suite again, against a local three-master Redis Cluster (REDIS_CLUSTER_URL to
 * reuse one): three containers or three `redis-server` binaries, as for the single Redis.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.REDIS_CLUSTER_URL) {
    project.provide('redisUrl', process.env.REDIS_CLUSTER_URL);
    return async () => {};
  }
  const cluster = await startTestRedisCluster();
  project.provide('redisUrl', cluster.url);
  return () => cluster.stop();
}
