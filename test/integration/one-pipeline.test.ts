import { type Server, createServer } from 'node:http';
import { GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createTransport } from '../../src/cli/transport.js';
import { parseConfig } from '../../src/config.js';
import { CliStatsDocument } from '../../src/generated/graphql.js';
import { createNodeHandler } from '../../src/http/fast-path.js';
import { storeEnv } from '../helpers/cli.js';
import { ADMIN, type TestStore, openStore } from '../helpers/store.js';

/**
 * One plugin chain serves every request: a plugin added to the app runs, once, for a read on
 * every transport (Yoga's fetch handler, the node:http handler the server listens with, the
 * CLI's in-process transport), and what it decides is what every transport answers.
 */

/** Records each operation it sees executed; refuses any operation named `Refused`. */
function observer(): { plugin: Plugin; executed: string[] } {
  const executed: string[] = [];
  const plugin: Plugin = {
    onExecute({ args, setResultAndStopExecution }) {
      const name = getOperationAST(args.document, args.operationName)?.name?.value ?? '';
      executed.push(name);
      if (name === 'Refused') {
        setResultAndStopExecution({ errors: [new GraphQLError('refused by the extra plugin', { extensions: { code: 'FORBIDDEN' } })] });
      }
    },
  };
  return { plugin, executed };
}

const READ = 'query OnePipeline { stats { registrations } }';
const REFUSED = 'query Refused { stats { registrations } }';

describe('one plugin chain for every transport', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore();
  });
  afterAll(() => store.close());

  const post = (query: string) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify({ query }),
  });

  it("runs an added plugin for a read through the app's fetch handler", async () => {
    const { plugin, executed } = observer();
    const app = createApp({ services: store.services, auth: { adminToken: ADMIN, anonymousAdmin: false }, extraPlugins: [plugin] });
    const ok = await app.fetch('http://local/graphql', post(READ));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { data: unknown }).data).toEqual({ stats: { registrations: expect.any(Number) } });
    const refused = await app.fetch('http://local/graphql', post(REFUSED));
    expect(await refused.text()).toContain('FORBIDDEN');
    expect(executed).toEqual(['OnePipeline', 'Refused']);
  });

  it('runs it, once per request, through the node:http handler the server listens with', async () => {
    const { plugin, executed } = observer();
    const app = createApp({ services: store.services, auth: { adminToken: ADMIN, anonymousAdmin: false }, extraPlugins: [plugin], jit: { after: 1 } });
    const handler = createNodeHandler(app);
    const server: Server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    try {
      const address = server.address();
      const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
      // Twice: the second run is graphql-jit's, still inside the chain.
      for (let i = 0; i < 2; i++) {
        const ok = await fetch(url, post(READ));
        expect(ok.status).toBe(200);
        expect(await ok.text()).toMatch(/^\{"data":\{"stats":\{"registrations":\d+\}\}\}$/);
      }
      const refused = await fetch(url, post(REFUSED));
      expect(await refused.text()).toContain('FORBIDDEN');
      expect(executed).toEqual(['OnePipeline', 'OnePipeline', 'Refused']);
      // All three carried by the fast transport, none handed to Yoga's handler.
      expect(handler.counts).toEqual({ fast: 3, handedOn: 0 });
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await app.dispose();
    }
  });

  it("runs it through the CLI's in-process transport", async () => {
    const { plugin, executed } = observer();
    const transport = createTransport(parseConfig(storeEnv(store)), { extraPlugins: [plugin] });
    try {
      // Listings send a request per page: several reads in a row, each through the chain.
      for (let i = 0; i < 3; i++) expect((await transport.request(CliStatsDocument)).stats.registrations).toEqual(expect.any(Number));
      expect(executed).toEqual(['CliStats', 'CliStats', 'CliStats']);
    } finally {
      await transport.close();
    }
  });
});
