// The justfile's CLI: runs the compiled dist/cli.js, building it first only when a source changed
// (scripts/build-stamp.mjs). Run with the service's Node flags (the justfile's `cli`); stack traces
// are mapped to the sources only when one is printed (scripts/stack-maps.mjs), not at every start.
import { isStale } from './build-stamp.mjs';
import { mapStacksLazily } from './stack-maps.mjs';

mapStacksLazily(new URL('../dist/', import.meta.url));
if (isStale('dist')) await (await import('./build.mjs')).buildProduct();
await import('../dist/cli.js');
