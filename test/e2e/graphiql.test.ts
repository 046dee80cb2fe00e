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

async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

interface Served {
  store: TestStore;
  url: string;
  close(): Promise<void>;
}

/** The app over a seeded store on a free loopback port, with GraphiQL (and these preset headers). */
async function serve(graphiqlHeaders?: string): Promise<Served> {
  if (!available) throw new Error(`REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM} (apt-get install chromium)`);
  const store = await openStore();
  await seedScenario(store);
  const app = createApp({
    services: store.services,
    auth: { adminToken: ADMIN, anonymousAdmin: false },
    graphiql: true,
    ...(graphiqlHeaders ? { graphiqlHeaders } : {}),
  });
  const server: Server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  return {
    store,
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/graphql`,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await store.close();
    },
  };
}

describe.skipIf(!available && !required)('GraphiQL in a real browser', () => {
  let served: Served | undefined;
  let store: TestStore;
  let url: string;

  beforeAll(async () => {
    served = await serve(JSON.stringify({ Authorization: `Bearer ${ADMIN}` }));
    ({ store, url } = served);
  });

  afterAll(() => served?.close());

  it('opens GraphiQL from our service, runs the example stats query and shows the result', async () => {
    const browser = await launch();
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const outside: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(url.replace('/graphql', '')) && !request.url().startsWith('blob:') && !request.url().startsWith('data:'))
          outside.push(request.url());
      });
      await page.goto(url);
      await page
        .getByRole('button', { name: /execute/i })
        .first()
        .click({ timeout: 30_000 });
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

  it('starts a purge in GraphiQL, subscribes to its jobProgress over SSE and sees SUCCEEDED', async () => {
    const browser = await launch();
    try {
      const page = await (await browser.newContext()).newPage();
      const refused: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) refused.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      });
      await page.goto(url);
      const run = async (document: string, operationName: string) => {
        const editor = page.locator('.graphiql-query-editor').first();
        await editor.click();
        await page.keyboard.press('Control+A');
        await page.keyboard.press('Delete');
        // insertText: no typed brackets for the editor to auto-close.
        await page.keyboard.insertText(document);
        // GraphiQL takes the operation name from the edited document a moment later (debounced);
        // executing before that sends the previous name ("Cannot infer operation Overview"). The
        // active tab shows the name it will send.
        await page.locator('.graphiql-tab-active').filter({ hasText: operationName }).first().waitFor({ timeout: 30_000 });
        await page
          .getByRole('button', { name: /execute/i })
          .first()
          .click({ timeout: 30_000 });
      };
      const result = page.locator('.graphiql-response').first();
      const text = async () => (await result.innerText()).replace(/\s+/g, ' ');

      await run('mutation Purge { purgeExpired(dryRun: false) { id kind } }', 'Purge');
      await expect.poll(text, { timeout: 30_000 }).toMatch(/"kind": "PURGE_EXPIRED"/);
      const id = /"id": "([^"]+)"/.exec(await text())?.[1];
      expect(id).toBeTruthy();

      await run(`subscription Follow { jobProgress(id: "${id}") { id status counts { accessTokens refreshTokens } } }`, 'Follow');
      await expect.poll(text, { timeout: 30_000 }).toMatch(/"status": "SUCCEEDED"/);
      expect(await text()).toMatch(/"accessTokens": 3/);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'graphiql-job-progress.png'), fullPage: true });
      // GraphiQL's SSE GET passed Yoga's CSRF prevention (it sends the header itself) and auth.
      expect(refused).toEqual([]);
      expect(await store.redis.exists(store.keys.token('a2'))).toBe(0);
    } finally {
      await browser.close();
    }
  }, 90_000);

  it('the CSRF prevention still refuses a GET subscription without the header (what another origin could send)', async () => {
    const query = encodeURIComponent('subscription { jobProgress(id: "x") { id } }');
    const response = await fetch(`${url}?query=${query}`, { headers: { accept: 'text/event-stream', authorization: `Bearer ${ADMIN}` } });
    expect(response.status).toBe(403);
    await response.body?.cancel();
  });
});

describe.skipIf(!available && !required)('GraphiQL without preset headers (production)', () => {
  let served: Served | undefined;
  let url: string;

  beforeAll(async () => {
    // As NODE_ENV=production with GRAPHQL_INTROSPECTION=true serves it: no headers preset.
    served = await serve();
    ({ url } = served);
  });

  afterAll(() => served?.close());

  it('says what to do, and with the header set and the schema re-fetched, queries run', async () => {
    const browser = await launch();
    try {
      const page = await (await browser.newContext()).newPage();
      await page.goto(url);
      const editor = page.locator('.graphiql-query-editor').first();
      await expect.poll(async () => (await editor.innerText()).replace(/\s+/g, ' '), { timeout: 30_000 }).toMatch(/Headers tab.*Shift-Ctrl-R/);
      await page
        .getByRole('button', { name: /^headers$/i })
        .first()
        .click();
      const headers = page.locator('.graphiql-editor-tool .monaco-editor').last();
      await headers.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${ADMIN}` }));
      await editor.click();
      await page.keyboard.press('Shift+Control+R');
      // The schema loaded with the header: the docs show the API's own types.
      await page
        .getByRole('button', { name: /documentation explorer/i })
        .first()
        .click();
      await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor({ timeout: 30_000 });
      await page
        .getByRole('button', { name: /execute/i })
        .first()
        .click({ timeout: 30_000 });
      const result = page.locator('.graphiql-response').first();
      await expect.poll(async () => (await result.innerText()).replace(/\s+/g, ' '), { timeout: 30_000 }).toMatch(/"clients": \{ "totalCount": 4/);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'graphiql-production.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  }, 90_000);
});
