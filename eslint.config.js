// ESLint (typescript-eslint): the checks a reviewer would otherwise make by hand. Formatting is
// Prettier's (.prettierrc.json); the layering rule is dependency-cruiser's (.dependency-cruiser.cjs).
// `npm run lint` runs all three, and .ci/run runs it.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'src/generated/', 'coverage/', '.scratch/', 'bench/.build/'] },
  { languageOptions: { globals: globals.node } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // `_`-prefixed names are deliberately unused (a callback's position, a destructured rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Tests and a few guards assert with `!` where the type system cannot follow.
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
      // A catch that deliberately ignores (a best-effort cleanup) says so with a comment in the block.
      'no-empty': ['error', { allowEmptyCatch: true }],
      // Our sanitizers match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // The house's size limits (CONTRIBUTING.md): a function read at once, a file about one thing.
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 80 }],
      'max-lines': ['error', { max: 400 }],
    },
  },
  {
    // Tests read untyped JSON bodies and reach into internals on purpose.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
);
