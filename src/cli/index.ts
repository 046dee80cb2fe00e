import { runCli } from './main.js';

// The justfile's recipes call this (scripts/cli.mjs runs the compiled dist/cli.js).
// A reader that closes the pipe early (`| head`) has what it wanted: stop quietly, no stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

/** Exits once standard output and error have handed everything to their readers: a pipe is written asynchronously, and exiting before would cut the output short. */
async function exit(code: number): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((done) => stream.write('', () => done()))));
  process.exit(code);
}

runCli(process.argv.slice(2)).then(exit, (error: unknown) => {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  return exit(1);
});
