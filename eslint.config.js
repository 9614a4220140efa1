import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-demo',
      'dist-server',
      'dist-sourcemaps',
      'coverage',
      'test-results',
      'playwright-report',
      'public/mockServiceWorker.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'] ?? reactHooks.configs['recommended-latest'],
  {
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/mocks/*', '!**/mocks/browser'],
              message: 'App code must not import mock data; only main.tsx starts the mock worker.',
            },
          ],
        },
      ],
    },
  },
  {
    // The data service loads the demo board from the same files the MSW demo serves.
    files: [
      'mocks/**',
      'test/**',
      '**/*.test.{ts,tsx}',
      'playwright.config.ts',
      'server/db/seed.ts',
      'server/test/**',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
);
