import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from './redis-server.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  /** http://127.0.0.1:PORT/graphql */
  url: string;
  base: string;
  /** Every stdout line so far, parsed (non-JSON lines as `{ raw }`). */
  lines: Record<string, unknown>[];
  /** All of stdout and stderr as text. */
  output(): string;
  /** Resolves with the first line (now or later) that `match` accepts. */
  waitForLine(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code (or signal) once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>;
  kill(signal?: NodeJS.Signals): void;
}

/**
 * The real service process (`node --import tsx src/server.ts`) with exactly `env` (plus PATH),
 * on a free port (or env.PORT); resolves once `/health` says ready (Redis connected), or with
 * `waitFor: 'live'` once it answers at all (`/livez`, for a server started without Redis).
 * Works whatever LOG_LEVEL says.
 */
export async function spawnServer(env: Record<string, string>, options: { waitFor?: 'ready' | 'live' } = {}): Promise<ServerProcess> {
  const probe = options.waitFor === 'live' ? '/livez' : '/health';
  const port = env.PORT ?? String(await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', INDEX_CONFIGURE_NOTIFICATIONS: 'yes', METRICS_PORT: '0', ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let text = '';
  const waiters: { match: (l: Record<string, unknown>) => boolean; resolve: (l: Record<string, unknown>) => void }[] = [];
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
    pending += chunk;
    let end = pending.indexOf('\n');
    while (end !== -1) {
      const raw = pending.slice(0, end);
      pending = pending.slice(end + 1);
      end = pending.indexOf('\n');
      let line: Record<string, unknown>;
      try {
        line = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        line = { raw };
      }
      lines.push(line);
      for (const w of [...waiters]) {
        if (w.match(line)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
      }
    }
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    text += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, atMs: Date.now() })),
  );
  const waitForLine = (match: (line: Record<string, unknown>) => boolean, timeoutMs = 15_000) => {
    const found = lines.find(match);
    if (found) return Promise.resolve(found);
    return new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching log line within ${timeoutMs} ms; output:\n${text}`)), timeoutMs);
      waiters.push({
        match,
        resolve: (l) => {
          clearTimeout(timer);
          resolve(l);
        },
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`server exited before the expected log line; output:\n${text}`));
      });
    });
  };
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited before it listened; output:\n${text}`);
    const live = await fetch(`http://127.0.0.1:${port}${probe}`).then(
      (r) => r.ok,
      () => false,
    );
    if (live) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer ${probe} within 20 s; output:\n${text}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    url,
    base: url.replace(/\/graphql$/, ''),
    lines,
    output: () => text,
    waitForLine,
    exited,
    kill: (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
