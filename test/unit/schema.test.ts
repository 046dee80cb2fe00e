import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SDL_PATH, printedSchema } from '../../src/schema/print.js';

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
});
