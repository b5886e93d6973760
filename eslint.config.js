import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import exnode from './scripts/lint/layer-boundaries.mjs';

const electronOnlyInShell = {
  'no-restricted-imports': ['error', {
    paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron; the engine and renderer must run without it.' }],
    patterns: [{ group: ['electron/*'], message: 'Only electron/main and electron/preload may import electron.' }],
  }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test/output/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...electronOnlyInShell,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['connectors/**', 'shared/**', 'electron/engine/handlers/**', 'electron/engine/config/sections/**', 'electron/engine/services.ts'],
    plugins: { exnode },
    rules: { 'exnode/layer-boundaries': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['electron/main/**', 'electron/preload/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
