// Mocha runner loaded by the VS Code extension host through `extensionTestsPath`. The same file
// serves @vscode/test-electron (desktop VS Code, test/integration/runTest.ts) and code-server
// (test/host/runIntegration.js passes it in the workbench URL's `payload`).
// Besides resolving/rejecting (→ the host's exit code) it writes a JSON result file
// ($LIVEPERSON_TEST_RESULT) so the launcher can print one `N passed, N failed` line.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Mocha from 'mocha';

interface TestResult { title: string; state: 'passed' | 'failed' | 'pending'; ms?: number; error?: string }

export function run(): Promise<void> {
  const resultFile = process.env.LIVEPERSON_TEST_RESULT || path.join(os.tmpdir(), 'liveperson-integration-result.json');
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', grep: process.env.LIVEPERSON_TEST_GREP || undefined });
  const files = fs.readdirSync(__dirname).filter(f => f.endsWith('.test.js')).sort();
  // The shell suite first: it checks activation and the signed-out state before others sign in.
  files.sort((a, b) => (a.startsWith('shell') ? -1 : b.startsWith('shell') ? 1 : a.localeCompare(b)));
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const results: TestResult[] = [];
  const started = Date.now();
  const write = (summary: object) => {
    try { fs.writeFileSync(resultFile, JSON.stringify(summary, null, 2)); } catch (e) { console.error('cannot write result file', e); }
  };
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(failures => {
        const passed = results.filter(r => r.state === 'passed').length;
        const pending = results.filter(r => r.state === 'pending').length;
        write({ passed, failed: failures, pending, total: results.length, ms: Date.now() - started, results });
        console.log(`integration: ${passed} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      });
      runner.on('pass', t => results.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
      runner.on('fail', (t, err: unknown) => results.push({ title: t.fullTitle(), state: 'failed', error: String((err as Error)?.stack ?? err) }));
      runner.on('pending', t => results.push({ title: t.fullTitle(), state: 'pending' }));
    } catch (err) {
      write({ passed: 0, failed: 1, error: String(err) });
      reject(err);
    }
  });
}
