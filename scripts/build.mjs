// Compiles the service and the CLI to plain JavaScript (dist/server.js, dist/cli.js): what
// `npm start`, the container and the justfile's recipes run. Node then loads compiled files with no
// TypeScript loader in the process, which starts faster and takes less memory than the sources
// under tsx (the tests still run those).
//
// The service is one file whose imports are the runtime dependencies in node_modules. The CLI is
// built for starting fast (a recipe is a process per command, and most of its time used to be
// Node resolving, reading and compiling some 700 files of node_modules): its dependencies are
// bundled in, and split (esbuild `splitting`) at the CLI's lazy imports, so `--help`, usage errors
// and the .env-only commands load dist/cli.js and little else, and `stats` loads GraphQL, Yoga,
// Pothos and ioredis from a few chunks (dist/cli-chunks/) instead of hundreds of files.
//
//   node scripts/build.mjs                 build dist/ when a source changed since the last build
//   node scripts/build.mjs --force         build dist/ whatever
//   node scripts/build.mjs --outdir=DIR name=entry.ts ...   the benches' children (always built)
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
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

/** Where the CLI's chunks go, under dist/ (their names carry a hash of their content). */
export const CLI_CHUNKS = 'cli-chunks';

/**
 * A bundled CommonJS dependency may read `__dirname` / `__filename` (ioredis reads its own
 * package.json for the version it reports to Redis): each such module gets its own, as in node_modules.
 */
const dirnamePlugin = {
  name: 'cjs-dirname',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/].*\.c?js$/ }, (args) => {
      const contents = readFileSync(args.path, 'utf8');
      if (!/\b__(dirname|filename)\b/.test(contents)) return undefined;
      const header = `var __dirname = ${JSON.stringify(dirname(args.path))}, __filename = ${JSON.stringify(args.path)};\n`;
      return { contents: header + contents, loader: 'js' };
    });
  },
};

const CLI_OPTIONS = {
  ...OPTIONS,
  packages: undefined,
  splitting: true,
  chunkNames: `${CLI_CHUNKS}/[name]-[hash]`,
  // GraphiQL's page (several MB of inlined JavaScript) is never served by the CLI's in-process
  // service: it stays in node_modules, loaded only if it ever were.
  external: ['@graphql-yoga/render-graphiql'],
  // Bundled CommonJS (ioredis, @whatwg-node) calls require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);" },
  plugins: [dirnamePlugin],
  // Maps give file and line for a stack trace; they need no copy of the sources (which, with the
  // dependencies bundled, would make them ten times as large).
  sourcesContent: false,
};

/**
 * Builds dist/ (server and CLI) when it is older than the sources, or always with `force`. Each
 * file is written beside its place and renamed into it (atomic), maps before their code and chunks
 * before the entries that import them, so a recipe starting while another one builds never loads
 * half a file or an entry whose chunks are missing. Chunks no longer used are deleted one build
 * later (a recipe that started on the previous build may still import its chunks), and not
 * within ten minutes of being written.
 */
export async function buildProduct({ force = false } = {}) {
  if (!force && !isStale('dist')) return;
  // Loaded only when there is something to build: a recipe whose build is current pays nothing.
  const { build } = await import('esbuild');
  const target = join(ROOT, 'dist');
  const chunkDir = join(target, CLI_CHUNKS);
  // Built for dist/ itself (not a scratch directory: the maps' paths to the sources are relative).
  const [server, cli] = await Promise.all([
    build({ ...OPTIONS, entryPoints: { server: join(ROOT, 'src/server.ts') }, outdir: target, write: false }),
    build({ ...CLI_OPTIONS, entryPoints: { cli: join(ROOT, 'src/cli/index.ts') }, outdir: target, write: false }),
  ]);
  const order = (file) => (file.path.startsWith(chunkDir) ? 0 : 2) + (file.path.endsWith('.map') ? 0 : 1);
  const files = [...server.outputFiles, ...cli.outputFiles].sort((a, b) => order(a) - order(b));
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    const scratch = `${file.path}.${process.pid}.tmp`;
    writeFileSync(scratch, file.contents);
    renameSync(scratch, file.path);
  }
  // Keep this build's chunks, the previous build's, and any written in the last ten minutes (a
  // build running beside this one may have put its entry in place last); delete the rest.
  const chunks = cli.outputFiles.filter((file) => file.path.startsWith(chunkDir)).map((file) => basename(file.path));
  const listFile = join(target, '.cli-chunks');
  const previous = existsSync(listFile) ? readFileSync(listFile, 'utf8').split('\n') : [];
  const keep = new Set([...chunks, ...previous]);
  const recent = Date.now() - 10 * 60_000;
  for (const name of readdirSync(chunkDir)) {
    const path = join(chunkDir, name);
    if (!keep.has(name) && statSync(path, { throwIfNoEntry: false })?.mtimeMs < recent) rmSync(path, { force: true });
  }
  writeFileSync(listFile, chunks.join('\n'));
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
