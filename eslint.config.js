// Shared lint preset for every workspace: typescript-eslint's strict rules, and env vars read only in each
// app's config module (src/config.ts), so configuration stays in one typed place.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '.spreadwatch/**', '**/target/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      // With noUncheckedIndexedAccess, `!` after a checked index is the honest way to say "present".
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read env vars in the config module only.' },
      ],
    },
  },
  {
    files: ['**/src/config.ts', '**/config.ts', 'vitest.config.ts', '**/*.test.ts', '**/integration/**', '**/testing/global-setup.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
