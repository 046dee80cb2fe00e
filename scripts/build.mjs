// Compiles the service to plain JavaScript (dist/server.js): what `npm start` and the container
// run. Node then loads one file with no TypeScript loader in the process, which starts faster and
// takes less memory than running the sources under tsx (the tests and the CLI still do that).
// The benches compile their children with it too: `node scripts/build.mjs --outdir=DIR name=entry.ts`.
import { build } from 'esbuild';

const args = process.argv.slice(2);
const outdir = args.find((arg) => arg.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist';
const entries = Object.fromEntries(args.filter((arg) => !arg.startsWith('--')).map((arg) => arg.split('=')));

await build({
  entryPoints: Object.keys(entries).length > 0 ? entries : { server: 'src/server.ts' },
  outdir,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies stay in node_modules, loaded as Node loads them.
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
