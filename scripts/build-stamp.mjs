// Whether dist/ is older than the sources it is built from: the newest modification time and the
// number of the files under src/ (plus package.json and the lock file), kept in dist/.build-stamp.
// A file added, removed or changed makes the build stale; reading the times of a few hundred files
// takes a few milliseconds, so every recipe may ask.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository, whatever the current directory. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const ROOTS = ['src', 'package.json', 'package-lock.json', 'scripts/build.mjs'].map((p) => join(ROOT, p));

function sourceStamp() {
  let newest = 0;
  let count = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
      return;
    }
    count += 1;
    newest = Math.max(newest, stat.mtimeMs);
  };
  for (const root of ROOTS) visit(root);
  return `${count}:${Math.floor(newest)}`;
}

const stampFile = (outdir) => join(ROOT, outdir, '.build-stamp');

/** True when the build in `outdir` is missing or older than the sources. */
export function isStale(outdir) {
  for (const file of ['server.js', 'cli.js', '.build-stamp']) if (!existsSync(join(ROOT, outdir, file))) return true;
  return readFileSync(stampFile(outdir), 'utf8') !== sourceStamp();
}

export function writeStamp(outdir) {
  writeFileSync(stampFile(outdir), sourceStamp());
}
