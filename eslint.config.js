// ESLint: typescript-eslint with type information (floating promises, unnecessary casts and conditions) over the
// TypeScript and Svelte sources, and eslint-plugin-svelte's recommended rules for the components. Formatting is
// Prettier's alone, so no stylistic rule is enabled here.
import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
  {
    ignores: [
      'dist/**',
      'dev-dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.vite-cache/**',
      'scripts/audit/**',
      'docs/**',
      'public/**',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommendedTypeChecked,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        project: [
          './src/core/tsconfig.json',
          './workers/tsconfig.json',
          './tsconfig.json',
          './tsconfig.node.json',
        ],
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // An async function that implements a Promise-returning interface without awaiting is fine.
      '@typescript-eslint/require-await': 'off',
      // State classes make reactivity explicit with $state/$derived; a Date or Set built inside a computation is
      // a value, not state, so Svelte's reactive wrappers would only add cost.
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    // Inside component markup the parser cannot see the props' types, so callbacks' parameters read as any;
    // svelte-check type-checks the components with full knowledge of them.
    files: ['**/*.svelte'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    // Test helpers forward IndexedDB's own DOMException (typed `DOMException | null`) as the rejection reason.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
      // Tests save and restore browser methods (navigator.storage.persist) as values.
      '@typescript-eslint/unbound-method': 'off',
      // Playwright's fixture idiom: `async ({}, testInfo) =>` for a test that takes no fixture.
      'no-empty-pattern': 'off',
    },
  },
  {
    // The layers (docs/architecture.md): the core and the worker import only the core, state never imports the UI,
    // so words stay beside the screens and state returns typed values.
    files: ['src/core/**/*.ts', 'workers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/adapters/**', '**/state/**', '**/ui/**'],
              message: 'The core and the worker import only the core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/state/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**'],
              message: 'State returns typed values; the words live in src/ui (*-text.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { parser: ts.parser, svelteConfig },
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...ts.configs.disableTypeChecked,
  },
);
