// npm's `node_modules/.bin/just` is rust-just's launcher: a Node script (execa, yargs) that finds the
// platform's native binary and starts it, ~0.2-0.4 s before a recipe begins. After install, point
// the link at the native binary itself (what the launcher would start). Where that binary is not
// found (a platform layout we do not know, Windows' .cmd shims), the launcher stays as it is.
import { existsSync, renameSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', '.bin', 'just');

function nativeBinary() {
  if (platform() === 'win32') return null;
  const cpu = arch() === 'arm' && process.config?.variables?.arm_version === '7' ? 'armv7' : arch();
  try {
    return createRequire(join(root, 'package.json')).resolve(`rust-just-${platform()}-${cpu}/bin/just`);
  } catch {
    return null;
  }
}

const target = nativeBinary();
if (target && existsSync(bin)) {
  const scratch = `${bin}.${process.pid}.tmp`;
  symlinkSync(relative(dirname(bin), target), scratch);
  renameSync(scratch, bin);
}
