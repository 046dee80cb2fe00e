// The justfile's CLI: runs the compiled dist/cli.js, building it first only when a source changed
// (scripts/build-stamp.mjs). Run with the service's Node flags (the justfile's `cli`).
import { isStale } from './build-stamp.mjs';

if (isStale('dist')) await (await import('./build.mjs')).buildProduct();
await import('../dist/cli.js');
