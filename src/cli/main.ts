import { resolve } from 'node:path';
import { loadEnv, parseConfig } from '../config.js';
import { type CommandSpec, UsageError, commandHelp, parseCommandArgs, wantsHelp } from './args.js';
import type { Output } from './commands.js';
import { type Terminal, processTerminal } from './confirm.js';
import { EXIT, exitCodeOf } from './exit-codes.js';
import type { Transport } from './transport.js';
import { COMMANDS } from './command-table.js';

/** The commands and what they take (for tests that walk every recipe). */
export function commandSpecs(): Readonly<Record<string, CommandSpec>> {
  return COMMANDS;
}

function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length + (COMMANDS[n]?.args?.join(' ').length ?? 0) + 1));
  const lines = Object.entries(COMMANDS).map(([name, cmd]) => `  ${`${name} ${cmd.args?.join(' ') ?? ''}`.padEnd(width + 1)} ${cmd.summary}`);
  return [
    'usage: oauth-admin <command> [args] [options]    (oauth-admin <command> --help for one command)',
    '',
    'Runs in-process against REDIS_URL, or against the service at ADMIN_URL (with ADMIN_TOKEN).',
    'Exit codes: 0 success, 1 failure, 2 usage error (nothing done), 3 not confirmed (nothing changed).',
    '',
    ...lines,
  ].join('\n');
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  io?: Output;
  terminal?: Terminal;
}

/**
 * Standard output and error. A listing waits for `drain` after each page, so a slow reader (a pipe
 * into jq) holds the listing back instead of the output piling up in memory.
 */
function processOutput(): Output {
  return {
    out: (s: string) => process.stdout.write(`${s}\n`),
    err: (s: string) => process.stderr.write(`${s}\n`),
    drain: () => (process.stdout.writableNeedDrain ? new Promise((done) => process.stdout.once('drain', done)) : Promise.resolve()),
  };
}

/** Runs one command; returns the exit code (0 only on success). Errors are one line on stderr. */
export async function runCli(argv: string[], options: RunOptions = {}): Promise<number> {
  const io = options.io ?? processOutput();
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    io.out(help());
    return name ? EXIT.OK : EXIT.USAGE;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`error: unknown command ${JSON.stringify(name)} (run with --help for the list)`);
    return EXIT.USAGE;
  }
  if (wantsHelp(rest)) {
    io.out(commandHelp(name, command));
    return EXIT.OK;
  }
  let transport: Transport | null = null;
  try {
    const parsed = parseCommandArgs(name, command, rest);
    const given = options.env ?? process.env;
    // One `.env` for the configuration and for the commands that edit it.
    const env = loadEnv(given, resolve(given.OAUTH_ADMIN_ENV_FILE ?? '.env'));
    const config = parseConfig(env);
    if (command.needs !== 'local') transport = (await import('./transport.js')).createTransport(config, { redis: command.needs === 'data' });
    await command.run({
      transport: transport as Transport,
      config,
      env,
      json: parsed.flags.has('json'),
      flags: parsed.flags,
      values: parsed.values,
      lists: parsed.lists,
      args: parsed.args,
      io,
      terminal: options.terminal ?? processTerminal(),
    });
    return EXIT.OK;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`error: ${message.split('\n')[0]}`);
    return exitCodeOf(error);
  } finally {
    await transport?.close().catch(() => {});
  }
}

export { UsageError };
