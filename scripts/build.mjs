// Compiles the service to plain JavaScript (dist/server.js): what `npm start` and the container
// run. Node then loads one file with no TypeScript loader in the process, which starts faster and
// takes less memory than running the sources under tsx (the tests and the CLI still do that).
import { build } from 'esbuild';

const entries = Object.fromEntries(process.argv.slice(2).map((arg) => arg.split('=')));

await build({
  entryPoints: Object.keys(entries).length > 0 ? entries : { server: 'src/server.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies stay in node_modules, loaded as Node loads them.
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
