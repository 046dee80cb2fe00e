import { readPttls } from '../redis/batch.js';
import type { RedisClient } from '../redis/connection.js';
import { Keys } from '../redis/keys.js';
import { type Repositories, createRepositories } from '../redis/repositories.js';
import type { Lifetimes } from './status.js';
import { StatsService } from './stats.js';
import { StoreView } from './store-view.js';

export interface ServiceOptions {
  prefixes: { oauth: string; session: string; admin: string };
  lifetimes: Lifetimes;
  /** Epoch milliseconds; injected so tests and the gateway's fixtures share one clock. */
  now?: () => number;
}

/** The rules of the service, built once per process over one Redis connection. */
export interface Services {
  redis: RedisClient;
  keys: Keys;
  repos: Repositories;
  lifetimes: Lifetimes;
  now: () => number;
  stats: StatsService;
  newView(): StoreView;
}

export function createServices(redis: RedisClient, options: ServiceOptions): Services {
  const keys = new Keys(options.prefixes);
  const repos = createRepositories(redis, keys);
  const now = options.now ?? Date.now;
  return {
    redis,
    keys,
    repos,
    lifetimes: options.lifetimes,
    now,
    stats: new StatsService(redis, keys, repos, options.lifetimes, now),
    newView: () => new StoreView(repos, options.lifetimes, now, (k) => readPttls(redis, k)),
  };
}
