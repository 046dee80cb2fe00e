import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Terminal } from '../../src/cli/confirm.js';
import { runCli } from '../../src/cli/main.js';
import type { TestStore } from './store.js';

export const ROOT = new URL('../..', import.meta.url).pathname;
const JUST = join(ROOT, 'node_modules/.bin/just');

/** A shell without a terminal: a question is answered with nothing. */
export const noTerminal: Terminal = { interactive: false, ask: async () => '' };

export interface Captured {
  code: number;
  out: string;
  err: string;
}

/** The CLI in this process, with its output captured. */
export async function cli(args: string[], env: NodeJS.ProcessEnv, terminal: Terminal = noTerminal): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { env, terminal, io: { out: (s) => out.push(s), err: (s) => err.push(s) } });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** One recipe through the real justfile, as an operator runs it (code -1: killed, e.g. by the timeout). */
export function just(args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(JUST, args, { cwd: ROOT, env, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The environment of a CLI run over a test store's namespace (the test Redis, its prefixes). */
export function storeEnv(store: TestStore, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    REDIS_URL: inject('redisUrl'),
    OAUTH_KEY_PREFIX: store.keys.prefixes.oauth,
    SESSION_KEY_PREFIX: store.keys.prefixes.session,
    ADMIN_KEY_PREFIX: store.keys.prefixes.admin,
    ...extra,
  };
}
