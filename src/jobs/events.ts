import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { type PubSub, createPubSub } from '@graphql-yoga/subscription';
import type { RedisClient } from '../redis/connection.js';
import type { JobState } from './definition.js';

export type JobEventMap = { job: [id: string, state: JobState] };

/**
 * Where job updates are published. In-process by default; with Redis pub/sub (a publish and a
 * subscribe connection) several service processes share them. Channels are named by job id (a
 * UUID), so deployments sharing one Redis never see each other's jobs.
 */
export type JobEvents = PubSub<JobEventMap>;

export function createJobEvents(redis?: { publish: RedisClient; subscribe: RedisClient }): JobEvents {
  if (!redis) return createPubSub<JobEventMap>();
  return createPubSub<JobEventMap>({
    eventTarget: createRedisEventTarget({ publishClient: redis.publish, subscribeClient: redis.subscribe }),
  });
}
