import { readFileSync } from 'node:fs';
import type { GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';
import { SDL_PATH, printedSchema } from '../../src/schema/print.js';

/** The root fields of a type with the scopes each declares (Pothos keeps a field's options in its extensions). */
function scopesOf(type: GraphQLObjectType | null | undefined): [string, unknown][] {
  return Object.entries(type?.getFields() ?? {}).map(([name, field]) => [
    name,
    (field.extensions as { pothosOptions?: { authScopes?: unknown } }).pothosOptions?.authScopes,
  ]);
}

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run `npm run schema:print` after a change)', () => {
    expect(readFileSync(SDL_PATH, 'utf8')).toBe(printedSchema());
  });

  it('describes every type and field (GraphiQL is the manual)', () => {
    const sdl = printedSchema();
    const lines = sdl.split('\n');
    const missing: string[] = [];
    lines.forEach((line, i) => {
      const field = /^ {2}(\w+)(\(|:)/.exec(line);
      const type = /^(type|input|enum|interface) (\w+)/.exec(line);
      if (!field && !type) return;
      const previous = lines[i - 1]?.trim() ?? '';
      if (!previous.endsWith('"""') && !previous.endsWith('"')) missing.push(line.trim());
    });
    expect(
      missing.filter(
        (m) => !/^(id|node|nodes|edges|pageInfo|cursor|hasNextPage|hasPreviousPage|startCursor|endCursor|type Query|type PageInfo|interface Node)\b/.test(m),
      ),
    ).toEqual([]);
  });

  it('lets the viewer run every query and subscription, and declares who may run each mutation', () => {
    // Admission admits only the admin and the viewer; the viewer reads everything (secrets come back null).
    const scoped = [...scopesOf(schema.getQueryType()), ...scopesOf(schema.getSubscriptionType())].filter(([, scopes]) => scopes !== undefined);
    expect(scoped).toEqual([]);
    // A mutation added without a scope would be open to the viewer: each says `admin` or `dryRunOpenToViewer`.
    const mutations = scopesOf(schema.getMutationType());
    expect(mutations.length).toBeGreaterThan(10);
    expect(mutations.filter(([, scopes]) => scopes === undefined).map(([name]) => name)).toEqual([]);
  });
});
