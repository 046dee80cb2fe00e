import { normalizedExecutor } from '@graphql-tools/executor';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

// Yoga executes with @graphql-tools/executor, pinned in package.json's overrides (Node 20 support).
// 2.0.x answered fields in the order they resolved; the spec (and GraphiQL's readers) want the
// order of the selection set, which 2.1 keeps.
describe('the executor Yoga runs', () => {
  it('answers fields in the order they were asked for, not the order they resolved', async () => {
    const schema = buildSchema('type Query { slow: Int fast: Int }');
    const rootValue = { slow: () => new Promise((resolve) => setTimeout(() => resolve(1), 30)), fast: async () => 2 };
    const result = await normalizedExecutor({ schema, document: parse('{ slow fast }'), rootValue });
    expect(JSON.stringify(result)).toBe('{"data":{"slow":1,"fast":2}}');
  });
});
