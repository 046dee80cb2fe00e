import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Cluster } from 'ioredis';
import { beforeAll, describe, expect, it } from 'vitest';
import { gatewayScenario, inRequestOrder } from '../helpers/gateway-events.js';
import { ROOT, just, storeEnv } from '../helpers/cli.js';
import { storesClosedAfterEach } from '../helpers/store.js';

const open = storesClosedAfterEach();

interface Running {
  child: ChildProcess;
  lines: string[];
  stderr(): string;
  until(what: string, predicate: (lines: string[]) => boolean, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** `just oauth-watch ARGS` as an operator starts it, in its own process group (stopped like Ctrl-C). */
function watch(args: string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(join(ROOT, 'node_modules/.bin/just'), ['oauth-watch', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const lines: string[] = [];
  let pending = '';
  let err = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    lines,
    stderr: () => err,
    async until(what, predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(lines)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`no ${what}; stdout:\n${lines.join('\n')}\nstderr:\n${err}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    async stop() {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGINT');
      await exited;
    },
  };
}

describe('just oauth-watch', () => {
  // The first recipe builds the CLI when a source changed: done here, not inside a test's time.
  beforeAll(async () => {
    expect((await just(['oauth-watch', '--help'], { PATH: process.env.PATH })).code).toBe(0);
  }, 120_000);

  it("prints one line per event of the chosen user, in the gateway's order, without secrets", async () => {
    const store = await open();
    const w = watch(['--user', 'user-cli'], storeEnv(store, { INDEX_CONFIGURE_NOTIFICATIONS: 'yes' }));
    try {
      await w.until('the WATCHING line', (lines) => lines.some((l) => l.includes('WATCHING')));
      // The gateway's requests 150 ms apart (a fresh CLI process on a busy machine reads a record
      // a little late; a code deleted before it is read would name nobody: README, "What cannot be seen").
      await gatewayScenario(store, 'someone-else', 150);
      const scenario = await gatewayScenario(store, 'cli', 150);
      await w.until('the ten token and code events', (lines) => lines.length >= 10);
      const events = w.lines.filter((l) => !l.includes('WATCHING'));
      const kinds = events.map((l) => l.split(/\s+/)[1] as string);
      // On a cluster, one request's keys (on different nodes) may notify in either order.
      const requests = scenario.requests
        .map((r) => r.map((l) => l.split(' ')[0] as string).filter((k) => !k.startsWith('CLIENT_')))
        .filter((r) => r.length > 0);
      expect(store.redis instanceof Cluster ? inRequestOrder(kinds, requests) : kinds).toEqual([
        'CODE_ISSUED',
        'ACCESS_TOKEN_ISSUED',
        'REFRESH_TOKEN_ISSUED',
        'CODE_REDEEMED',
        'ACCESS_TOKEN_ISSUED',
        'ACCESS_TOKEN_REVOKED',
        'ACCESS_TOKEN_ISSUED',
        'ACCESS_TOKEN_EXPIRED',
        'REFRESH_TOKEN_DELETED',
      ]);
      for (const line of events) expect(line).toContain(`client=${scenario.clientId} user=user-cli`);
      for (const secret of scenario.secrets) expect(w.lines.join('\n') + w.stderr()).not.toContain(secret);
    } finally {
      await w.stop();
    }
  });

  it('--json prints one JSON object per line; --kind narrows it', async () => {
    const store = await open();
    const w = watch(['--json', '--kind', 'access-token-revoked', '--kind', 'CLIENT_DELETED'], storeEnv(store, { INDEX_CONFIGURE_NOTIFICATIONS: 'yes' }));
    try {
      await w.until('the WATCHING line', (lines) => lines.length >= 1);
      const scenario = await gatewayScenario(store, 'json', 150);
      await w.until('two events', (lines) => lines.length >= 3);
      const events = w.lines.map((l) => JSON.parse(l) as { kind: string; clientId: string | null; username: string | null });
      expect(events.map((e) => e.kind)).toEqual(['WATCHING', 'ACCESS_TOKEN_REVOKED', 'CLIENT_DELETED']);
      expect(events[1]).toMatchObject({ clientId: scenario.clientId, username: 'user-json' });
    } finally {
      await w.stop();
    }
  });

  it('refuses an unknown kind before it watches (exit 2)', async () => {
    const store = await open();
    const ran = await just(['oauth-watch', '--kind', 'token-stolen'], storeEnv(store));
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('unknown event kind "token-stolen"');
  });
});
