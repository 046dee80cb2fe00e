import { readFileSync, writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from './index.js';

/** `schema/schema.graphql`: the printed, sorted SDL that codegen reads and reviewers diff. */
export const SDL_PATH = new URL('../../schema/schema.graphql', import.meta.url);

export function printedSchema(): string {
  return `${printSchema(schema)}\n`;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/src\//, '/src/'))) {
  const check = process.argv.includes('--check');
  const sdl = printedSchema();
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(SDL_PATH, 'utf8');
    } catch {
      // missing file: reported as drift below
    }
    if (committed !== sdl) {
      console.error('schema/schema.graphql is out of date: run `npm run schema:print` and commit the result.');
      process.exit(1);
    }
    console.log('schema/schema.graphql matches the code.');
  } else {
    writeFileSync(SDL_PATH, sdl);
    console.log('wrote schema/schema.graphql');
  }
}
