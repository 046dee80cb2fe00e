import { runCli } from './main.js';

// The justfile's recipes call this: `tsx src/cli/index.ts <command> [args] [--json]`.
runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
