// typescript-eslint's recommended rules, plus the layering rules of STYLE.md section 1: the domain
// imports no I/O or framework code; app and ports no adapter, web or main; web and cli not main;
// adapters not web, main or cli.
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
  // Web handlers and CLI commands receive the few use cases they need from src/main (the composition
  // root), typed by app/ and ports/; they never import it (nor its composed `System`).
  {
    files: ['src/web/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/main/*'], message: 'src/main composes the system and hands it over; declare the use cases you need (app/ and ports/ types) instead.' }] }],
    },
  },
  // Adapters implement ports; what they share with the web (parsed candidates, templates) lives in ports/ or app/.
  {
    files: ['src/adapters/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/web/*', '**/main/*', '**/cli/*'], message: 'Adapters implement ports: move what they need from web/ into ports/ or app/.' }] }],
    },
  },
);
