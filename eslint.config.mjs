// ESLint flat config: type-aware rules (no floating promises) and the import boundary that keeps
// the LivePerson client, the domain logic, the emulator and the webview protocol free of `vscode`,
// and the domain free of the API layer and of shared.
import tseslint from 'typescript-eslint';

const vscodePath = { name: 'vscode', message: 'src/api, src/domain, src/emulator and src/shared must not depend on VS Code.' };
const noVscode = {
  'no-restricted-imports': ['error', { paths: [vscodePath] }],
};
// The domain is the bottom layer: src/api and src/shared import it, never the reverse (one rule
// object, since a later `no-restricted-imports` replaces an earlier one for the same files).
const domainBottom = {
  'no-restricted-imports': ['error', {
    paths: [vscodePath],
    patterns: [{ group: ['**/api', '**/api/**', '**/shared', '**/shared/**', 'vscode/**'], message: 'src/domain is the bottom layer: it must not import src/api, src/shared or vscode (they import the domain).' }],
  }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'esbuild.js', 'test/host/**/*.js', 'test/bench/**/*.js', 'test/e2e/**/*.js'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    extends: [tseslint.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  { files: ['src/api/**/*.ts', 'src/domain/**/*.ts', 'src/emulator/**/*.ts', 'src/shared/**/*.ts'], rules: noVscode },
  { files: ['src/domain/**/*.ts'], rules: domainBottom },
);
