import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// The pure core (engine, surfaces, models, scenario) must run in a worker, the CLI and tests:
// importing a UI framework there is a lint error, not a convention.
const frameworkImports = {
  patterns: [
    {
      group: [
        'react',
        'react-dom',
        'react/*',
        'three',
        'three/*',
        '@react-three/*',
        'zustand',
        'zustand/*',
      ],
      message:
        'src/engine, src/surfaces, src/models and src/scenario are pure TypeScript: no React, three.js or zustand.',
    },
    {
      group: ['**/view/**', '**/state/**'],
      message: 'The pure core must not depend on the UI layers.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-artifacts',
      'public',
      '.scratch',
      '.bench',
      '**/*.tmp.*',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-eval': 'error',
      'no-new-func': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    files: ['src/view/**/*.{ts,tsx}', 'src/state/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['src/engine/**', 'src/surfaces/**', 'src/models/**', 'src/scenario/**'],
    rules: { 'no-restricted-imports': ['error', frameworkImports] },
  },
);
