// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

// Hosts reach the engine through its one entry point; `import type` included.
const coreThroughIndex = {
  regex: '(^|/)core/(?!index$).+',
  message: 'Hosts import src/core only through its entry point: import from "../core" (src/core/index.ts).',
};
const noCli = { group: ['**/cli', '**/cli/**'], message: 'A host never imports another host (src/cli); move what both need into src/core or src/node.' };
const noVscodeHost = {
  group: ['**/vscode', '**/vscode/**'],
  message: 'A host never imports another host (src/vscode); move what both need into src/core or src/node.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '.bench/**', 'samples/**', 'webview/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: {
        console: 'readonly',
        process: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        performance: 'readonly',
        global: 'readonly',
        globalThis: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // The engine is pure: it reaches files, clock and git only through host interfaces.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', ...nodeBuiltins].map((name) => ({
            name,
            message: 'src/core must stay free of vscode and Node built-ins; use the host interfaces.',
          })),
          patterns: [
            { group: ['node:*'], message: 'src/core must stay free of Node built-ins.' },
            {
              group: ['**/cli', '**/cli/**', '**/vscode/**', '**/node', '**/node/**', '**/webview/**'],
              message: 'src/core imports no host: hosts import core.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', '__dirname', 'Buffer'],
    },
  },
  {
    // A host never imports another host: words and numbers both show live in src/core.
    files: ['src/vscode/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noCli, coreThroughIndex] }],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'The CLI runs without VS Code.' }],
          patterns: [noVscodeHost, coreThroughIndex],
        },
      ],
    },
  },
  {
    // Node code serves both hosts (the CLI and the extension) and imports neither.
    files: ['src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/node runs in the CLI too: no VS Code API here.' }],
          patterns: [noCli, noVscodeHost, coreThroughIndex],
        },
      ],
    },
  },
  {
    // The dashboard front end shares only the presentation room with the engine: the data and
    // message types of the dashboard and the formatters. Never the engine, never a host.
    files: ['webview/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex:
                '(^|/)src/(?!core/dashboard/(protocol|types|aggregate)$|core/format/[^/]+$|core/form/(protocol|types|fuzzy)$|core/types$|core/table/protocol$|core/util/dates$)',
              message:
                'webview/ imports only src/core/dashboard/protocol, types and aggregate (pure counts), src/core/form/protocol, types and fuzzy (the record form), src/core/table/protocol (the register table), src/core/types, src/core/util/dates (date arithmetic) and src/core/format/*.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
