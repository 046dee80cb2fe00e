import fc from 'fast-check';

// Property tests run from a fixed seed so CI is repeatable; explore with FC_SEED=<n> npm test.
// A failure prints the seed and the shrunk counterexample.
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261126) });
