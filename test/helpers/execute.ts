import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type ExecutionResult, print } from 'graphql';
import { expect } from 'vitest';
import { ADMIN, type TestStore } from './store.js';

export interface Response<T> {
  status: number;
  body: ExecutionResult<T>;
}

/**
 * Sends a typed operation through the real HTTP handling (auth included) with `yoga.fetch`,
 * no socket. `token: null` sends no Authorization header.
 */
export async function execute<TResult, TVariables>(
  store: TestStore,
  document: TypedDocumentNode<TResult, TVariables>,
  variables?: TVariables,
  options: { token?: string | null } = {},
): Promise<Response<TResult>> {
  const token = options.token === undefined ? ADMIN : options.token;
  const response = await store.app.fetch('http://oauth-admin.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
  });
  return { status: response.status, body: (await response.json()) as ExecutionResult<TResult> };
}

/** The data of a response that must have no errors. */
export function expectData<T>(response: Response<T>): T {
  expect(response.body.errors, JSON.stringify(response.body.errors)).toBeUndefined();
  expect(response.body.data).toBeTruthy();
  return response.body.data as T;
}

/** Every page of a connection, following endCursor. */
export async function allPages<T>(
  fetchPage: (after: string | null) => Promise<{ edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }>,
): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 10_000; guard++) {
    const page = await fetchPage(after);
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor ?? null;
  }
  throw new Error('pagination did not end');
}
