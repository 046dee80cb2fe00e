// A registry (or mirror) that serves rust-just's binary package for some platforms only makes
// `npm install` leave the other platforms' optional packages out of package-lock.json, and `npm ci`
// then refuses the lock. This lists them (never fetched on another platform): run
// `npm run lock:platforms` after any `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORMS = {
  'darwin-arm64': ['darwin', 'arm64'],
  'darwin-x64': ['darwin', 'x64'],
  'linux-arm': ['linux', 'arm'],
  'linux-arm64': ['linux', 'arm64'],
  'linux-armv7': ['linux', 'arm'],
  'linux-loong64': ['linux', 'loong64'],
  'linux-riscv64': ['linux', 'riscv64'],
  'linux-x64': ['linux', 'x64'],
  'windows-arm64': ['win32', 'arm64'],
  'windows-x64': ['win32', 'x64'],
};

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const base = lock.packages['node_modules/rust-just'];
let added = 0;
for (const name of Object.keys(base?.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  const platform = PLATFORMS[name.slice('rust-just-'.length)];
  if (lock.packages[key] || !platform) continue;
  lock.packages[key] = { version: base.version, cpu: [platform[1]], license: base.license, optional: true, os: [platform[0]] };
  added += 1;
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} platform entries added`);
