// Compiles the service and the CLI to plain JavaScript (dist/server.js, dist/cli.js): what
// `npm start`, the container and the justfile's recipes run. Node then loads one file with no
// TypeScript loader in the process, which starts faster and takes less memory than the sources
// under tsx (the tests still run those).
//
//   node scripts/build.mjs                 build dist/ when a source changed since the last build
//   node scripts/build.mjs --force         build dist/ whatever
//   node scripts/build.mjs --outdir=DIR name=entry.ts ...   the benches' children (always built)
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, isStale, writeStamp } from './build-stamp.mjs';

const OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies stay in node_modules, loaded as Node loads them.
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};

/**
 * Builds dist/ (server and CLI) when it is older than the sources, or always with `force`. It is
 * built beside dist/ and renamed into it file by file (atomic), so a recipe starting while
 * another one builds never loads half a file.
 */
export async function buildProduct({ force = false } = {}) {
  if (!force && !isStale('dist')) return;
  // Loaded only when there is something to build: a recipe whose build is current pays nothing.
  const { build } = await import('esbuild');
  const target = join(ROOT, 'dist');
  const scratch = join(target, `.build-${process.pid}`);
  await build({ ...OPTIONS, entryPoints: { server: join(ROOT, 'src/server.ts'), cli: join(ROOT, 'src/cli/index.ts') }, outdir: scratch });
  mkdirSync(target, { recursive: true });
  for (const name of readdirSync(scratch)) renameSync(join(scratch, name), join(target, name));
  rmSync(scratch, { recursive: true, force: true });
  writeStamp('dist');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const entries = Object.fromEntries(args.filter((arg) => !arg.startsWith('--')).map((arg) => arg.split('=')));
  if (Object.keys(entries).length === 0) {
    await buildProduct({ force: args.includes('--force') });
  } else {
    const { build } = await import('esbuild');
    const outdir = args.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';
    await build({ ...OPTIONS, entryPoints: entries, outdir });
  }
}
