import { createInterface } from 'node:readline/promises';
import { CliError } from './cli-error.js';

export interface Terminal {
  interactive: boolean;
  ask(question: string): Promise<string>;
}

export function processTerminal(): Terminal {
  return {
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    async ask(question) {
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    },
  };
}

/**
 * A dangerous recipe's consent: typed `yes` on a terminal; in a script only with
 * OAUTH_ADMIN_CONFIRM=yes. Anything else refuses, so cron never deletes by accident.
 */
export async function consent(what: string, terminal: Terminal, confirmEnv: string | undefined): Promise<void> {
  if (terminal.interactive) {
    const answer = await terminal.ask(`${what}\nType "yes" to go ahead: `);
    if (answer.trim() !== 'yes') throw new CliError('not confirmed: nothing was changed', 'NOT_CONFIRMED');
    return;
  }
  if (confirmEnv === 'yes') return;
  throw new CliError(
    `refusing without confirmation in a non-interactive shell: set OAUTH_ADMIN_CONFIRM=yes to ${what.split('\n')[0]?.toLowerCase() ?? 'go ahead'}`,
    'NOT_CONFIRMED',
  );
}
