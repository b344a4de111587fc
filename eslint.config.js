// ESLint flat config (`npm run lint`): typescript-eslint's recommended rules on the TypeScript sources, and the
// JavaScript recommended rules on web/ and the plain-ESM scripts. Formatting is Biome's (biome.json); the layering
// is dependency-cruiser's (.dependency-cruiser.cjs).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '**/*.d.mts'] },
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommended],
    rules: {
      // Non-null assertions are the codebase's idiom under noUncheckedIndexedAccess (typed-array and index reads).
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      // Control characters are what decode.ts and the PostgreSQL text writer look for.
      'no-control-regex': 'off',
      // Cosmetic: «\-» inside a character class reads as a literal hyphen to most people.
      'no-useless-escape': 'off',
    },
  },
  {
    // The style guide's Arabic rule: no ASCII word classes in shipped code (tests and benches may match English/SQL).
    files: ['src/**/*.ts'],
    ignores: ['**/*.test.ts', '**/testing/**'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: 'Literal[regex.pattern=/\\\\[bwW]/]',
        message: 'ASCII \\b, \\w and \\W do not see Arabic letters (../shared/STYLE.md): use src/text/ word boundaries or \\p{L}.',
      }],
    },
  },
  {
    // Browser and Node globals: web/ is type-checked by tsc (web/tsconfig.json), which knows them.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: { 'no-undef': 'off', 'no-control-regex': 'off' },
  },
);
