import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships both .mjs and .js; one copy must serve Pothos, Yoga and the tests alike.
  resolve: { alias: { graphql: new URL('./node_modules/graphql/index.js', import.meta.url).pathname } },
  test: {
    globalSetup: ['./test/global-setup.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: more workers only contend for them (and for the one redis-server).
    maxWorkers: 2,
  },
});
