// typescript-eslint's recommended rules, plus the layering rule of STYLE.md section 1: the domain
// imports no I/O or framework code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/', 'test-artifacts/', 'bench/.work/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['fastify*', '@fastify/*', 'kysely', 'pg', 'better-sqlite3', 'sharp', 'node:*', 'fs', 'http', 'preact*', 'zod', '../app/*', '../ports/*', '../adapters/*', '../web/*'] },
      ],
    },
  },
  {
    files: ['src/app/**', 'src/ports/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['fastify*', '@fastify/*', 'kysely', 'pg', 'better-sqlite3', 'sharp', 'preact*', '**/adapters/*', '**/web/*', '**/main/*'] }],
    },
  },
);
