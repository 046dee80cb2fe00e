import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedGatewayData } from '../../bench/lib.js';
import { storeEnv } from '../helpers/cli.js';
import { type TestStore, openStore } from '../helpers/store.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const TOKENS = 6000;

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The compiled CLI as the justfile runs it, its output into a pipe. `readFrom` is how the reader
 * behaves: a slow reader that starts late, or one that closes the pipe after the first chunk (`| head`).
 */
function runPiped(args: string[], env: NodeJS.ProcessEnv, reader: 'slow' | 'closes-early'): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['scripts/cli.mjs', ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    if (reader === 'slow') {
      // Nothing read for a while: the pipe fills and the CLI has to wait for its reader.
      child.stdout.pause();
      setTimeout(() => child.stdout.on('data', (chunk: Buffer) => out.push(chunk)).resume(), 1500);
    } else {
      child.stdout.once('data', (chunk: Buffer) => {
        out.push(chunk);
        child.stdout.destroy();
      });
    }
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

describe('the CLI writing into a pipe', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openStore();
    await seedGatewayData(store.redis, store.keys, { tokens: TOKENS, seed: 11 });
  }, 120_000);
  afterAll(() => store.close());

  it('hands a slow reader the whole listing before it exits (--json parses, every token is there)', async () => {
    const run = await runPiped(['list-tokens', '--json'], storeEnv(store), 'slow');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout) as { jti: string }[];
    expect(listed.length).toBe(TOKENS);
  }, 120_000);

  it('stops quietly, exit 0, when the reader closes the pipe early', async () => {
    const run = await runPiped(['list-tokens'], storeEnv(store), 'closes-early');
    expect(run.stdout).toMatch(/^JTI +STATUS/);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 120_000);
});
