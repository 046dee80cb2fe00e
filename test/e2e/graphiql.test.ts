import { existsSync, mkdirSync } from 'node:fs';
import { type Server, createServer } from 'node:http';

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { seedScenario } from '../helpers/scenario.js';
import { ADMIN, type TestStore, openStore } from '../helpers/store.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
// CI installs Chromium and sets REQUIRE_BROWSER=1, so there the test can only pass by running.
const required = process.env.REQUIRE_BROWSER === '1';
const ARTIFACTS = new URL('../../test-artifacts/', import.meta.url).pathname;

describe.skipIf(!available && !required)('GraphiQL in a real browser', () => {
  let store: TestStore;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    if (!available) throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM} (apt-get install chromium)`);
    store = await openStore();
    await seedScenario(store);
    const app = createApp({
      services: store.services,
      auth: { adminToken: ADMIN, anonymousAdmin: false },
      graphiql: true,
      graphiqlHeaders: JSON.stringify({ Authorization: `Bearer ${ADMIN}` }),
    });
    server = createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`;
  });

  afterAll(async () => {
    await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
    await store?.close();
  });

  it('opens GraphiQL from our service, runs the example stats query and shows the result', async () => {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const outside: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(url.replace('/graphql', '')) && !request.url().startsWith('blob:') && !request.url().startsWith('data:')) outside.push(request.url());
      });
      await page.goto(url);
      await page.getByRole('button', { name: /execute/i }).first().click({ timeout: 30_000 });
      const result = page.locator('.result-window, .graphiql-response');
      // The editor renders non-breaking spaces; compare on plain text.
      const text = async () => (await result.first().innerText()).replace(/\s+/g, ' ');
      await expect.poll(text, { timeout: 30_000 }).toMatch(/"registrations": 4/);
      expect(await text()).toMatch(/"activeTokens": 3/);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'graphiql-stats.png'), fullPage: true });
      expect(outside).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 90_000);
});

