/**
 * Issue 14 (security review), the findings about errors and the audit trail: every error a client
 * sees has a code and no parser internals (item 6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, type TestStore, openStore } from '../helpers/store.js';

interface Answer {
  status: number;
  text: string;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

async function send(store: TestStore, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await store.app.fetch('http://oauth-admin.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}`, ...headers },
    body,
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Answer['body'] };
}

describe('errors a client sees (issue 14, item 6)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore();
  });
  afterAll(() => store.close());

  it('a garbage global id is BAD_USER_INPUT, without the id echoed', async () => {
    for (const query of ['{ node(id: "Z2FyYmFnZQ==") { id } }', '{ nodes(ids: ["Z2FyYmFnZQ==", "bm90OmF0eXBl"]) { id } }', '{ node(id: "!!!") { id } }']) {
      const answer = await send(store, JSON.stringify({ query }));
      expect(answer.body.errors?.length, answer.text).toBeGreaterThan(0);
      for (const error of answer.body.errors ?? []) {
        expect(error.extensions?.code, answer.text).toBe('BAD_USER_INPUT');
        expect(error.message).not.toContain('Z2FyYmFnZQ');
        expect(error.message).toMatch(/global id/i);
      }
    }
  });

  it('a malformed JSON body is 400 BAD_REQUEST without the parser\'s message or the body', async () => {
    const secretish = 'secret-in-a-broken-body-0123456789';
    const answer = await send(store, `{"query": "{ stats { registrations } }", "variables": {"x": "${secretish}"`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
    expect(answer.body.errors?.[0]?.extensions).not.toHaveProperty('originalError');
    expect(answer.text).not.toContain(secretish);
    expect(answer.text).not.toMatch(/SyntaxError|Unexpected end|JSON input/);
  });

  it('every refusal of a malformed request carries a code', async () => {
    const bodies = [
      JSON.stringify({ query: 'query Q($j: String!) { token(jti: $j) { jti } }' }),
      JSON.stringify({ query: 'query Q($j: String!) { token(jti: $j) { jti } }', variables: { j: 5 } }),
      JSON.stringify({ query: '{ stats { registrations } }', variables: 'x' }),
      JSON.stringify({ query: 5 }),
      JSON.stringify({ query: '{ stats { registrations } }', operationName: 'Nope' }),
      JSON.stringify({ query: '{ stats { nope } }' }),
      JSON.stringify({ query: '{ stats { ' }),
      '[]',
      '"just a string"',
    ];
    for (const body of bodies) {
      const answer = await send(store, body);
      expect(answer.body.errors?.length, body).toBeGreaterThan(0);
      for (const error of answer.body.errors ?? []) {
        expect(typeof error.extensions?.code, `${body}: ${answer.text}`).toBe('string');
        expect(error.extensions).not.toHaveProperty('originalError');
      }
    }
    // A browser-style request without the CSRF header is refused with a code too.
    const csrf = await store.app.fetch('http://oauth-admin.test/graphql?query=%7B__typename%7D', { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(csrf.status).toBe(403);
    const refused = (await csrf.json()) as Answer['body'];
    expect(typeof refused.errors?.[0]?.extensions?.code).toBe('string');
  });
});
