import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports of another module's files other than its index.ts. */
const MODULE_BOUNDARIES = [
  {
    regex: '^(\\.\\./|#server/modules/)(?!\\.\\.)[^/]+/(?!index\\.ts$)',
    message: "Use the other module's index.ts: a module's repository and internals are private to it.",
  },
];
// --- prog ---
/** The same boundary for a file in a feature folder of a module (programmes/tasks/…): its sibling folders are its own module. */
const MODULE_BOUNDARIES_IN_FOLDER = [
  {
    regex: '^(\\.\\./\\.\\./|#server/modules/)(?!\\.\\.)[^/]+/(?!index\\.ts$)',
    message: "Use the other module's index.ts: a module's repository and internals are private to it.",
  },
];

/** exceljs only through server/src/shared/exceljs.ts, which fixes its UTF-8 decoding before it loads. */
const EXCELJS = {
  name: 'exceljs',
  allowTypeImports: true,
  message: "Import { ExcelJS } from '#server/shared/exceljs.ts': it fixes exceljs' UTF-8 decoding of uploads before exceljs loads.",
};

// Zero warnings is the bar (`--max-warnings 0`). Type-aware rules catch what review misses: floating promises,
// misused promises, `any` leaking through the API boundary.
export default tseslint.config(
  { ignores: ['dist/**', 'data/**', 'node_modules/**', 'resources/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { paths: [EXCELJS] }] },
  },
  // Module boundaries (as immich does): another module is reached only through its index.ts, so a module's
  // repository is private to it; routes call services, never a repository.
  {
    files: ['server/src/modules/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [EXCELJS], patterns: MODULE_BOUNDARIES }] },
  },
  {
    files: ['server/src/modules/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [EXCELJS], patterns: [...MODULE_BOUNDARIES, { regex: '\\.repository(\\.ts)?$', message: 'Routes call services; only services call repositories.' }] },
      ],
    },
  },
  // --- prog ---
  {
    files: ['server/src/modules/*/*/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [EXCELJS], patterns: MODULE_BOUNDARIES_IN_FOLDER }] },
  },
  {
    files: ['server/src/modules/*/*/**/*.routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [EXCELJS], patterns: [...MODULE_BOUNDARIES_IN_FOLDER, { regex: '\\.repository(\\.ts)?$', message: 'Routes call services; only services call repositories.' }] },
      ],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  { files: ['server/src/shared/exceljs.ts'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
