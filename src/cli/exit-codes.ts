import { UsageError } from './args.js';
import { CliError } from './cli-error.js';

/** The CLI's exit codes (README "Exit codes"). */
export const EXIT = {
  OK: 0,
  /** The operation failed: refused by the service, not found, Redis or the gateway unreachable, a bad file. */
  FAILURE: 1,
  /** Unknown command or option, a missing or extra argument: nothing was done. */
  USAGE: 2,
  /** A dangerous operation was not confirmed (declined, or no OAUTH_ADMIN_CONFIRM=yes in a script): nothing changed. */
  NOT_CONFIRMED: 3,
} as const;

export function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT.USAGE;
  if (error instanceof CliError && error.code === 'USAGE') return EXIT.USAGE;
  if (error instanceof CliError && error.code === 'NOT_CONFIRMED') return EXIT.NOT_CONFIRMED;
  return EXIT.FAILURE;
}
