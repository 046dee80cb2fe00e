import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships both .mjs and .js; one copy must serve Pothos, Yoga and the tests alike.
  resolve: { alias: { graphql: new URL('./node_modules/graphql/index.js', import.meta.url).pathname } },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: more workers only contend for them (and for the Redis servers).
    maxWorkers: 2,
    // Every log line of every test file is checked for the suite's known secrets (SECURITY.md).
    setupFiles: ['./test/setup/log-secrets.ts', './test/setup/fast-check.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'single', include: ['test/**/*.test.ts'], globalSetup: ['./test/global-setup.ts'] },
      },
      {
        extends: true,
        test: { name: 'cluster', include: ['test/integration/**/*.test.ts'], globalSetup: ['./test/global-setup-cluster.ts'] },
      },
    ],
  },
});
