import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { ADMIN, openStore, serverConfig } from '../helpers/store.js';

describe('the server as it starts', () => {
  // The server's connection queues nothing while it is not ready; a cluster needs a few round trips
  // to get there. Before the server waited for it, the first query on a cluster got 503 "Redis is not
  // reachable" about nine times in ten.
  it('answers the first query sent once it listens, on a single server and on a cluster', async () => {
    const store = await openStore();
    const running = await startServer(serverConfig(store, { METRICS_ENABLED: 'false' }), createLogger({ level: 'silent' }));
    try {
      const first = await fetch(running.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify({ query: '{ stats { registrations } }' }),
      });
      expect(first.status, await first.clone().text()).toBe(200);
      expect(await first.json()).toEqual({ data: { stats: { registrations: 0 } } });
    } finally {
      await running.shutdown('test');
      await store.close();
    }
  });
});
