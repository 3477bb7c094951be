// Desktop launcher: runs the same extension-host suite (test/integration/index.ts) in desktop
// VS Code through @vscode/test-electron — on machines that can download VS Code, or with
// VSCODE_EXECUTABLE pointing at an installed one. Offline machines use test/host/runIntegration.js
// (code-server) instead; `npm run test:integration` picks the right one.
// usage: node out/test/integration/runTest.js
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.resolve(__dirname, './index'),
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    version: '1.100.3',
    launchArgs: ['--disable-extensions', '--disable-workspace-trust', root],
  });
}
main().catch(err => {
  console.error('Failed to run tests:', err);
  process.exit(1);
});
