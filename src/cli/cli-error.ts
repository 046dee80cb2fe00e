/** A failure the CLI reports in one line (and exits non-zero; `code` picks the exit code). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}
