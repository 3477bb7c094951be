// ESLint flat config: type-aware rules (no floating promises) and the import boundary that keeps
// the LivePerson client, the domain logic, the emulator and the webview protocol free of `vscode`.
import tseslint from 'typescript-eslint';

const noVscode = {
  'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/api, src/domain, src/emulator and src/shared must not depend on VS Code.' }] }],
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
);
