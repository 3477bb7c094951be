// The import boundary of house-style §1: src/api, src/domain, src/emulator and src/shared run in
// plain Node (tests, the emulator CLI, the webview) and must never depend on VS Code.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..'); // out/test/unit → repo root
const GUARDED = ['src/api', 'src/domain', 'src/emulator', 'src/shared'];

// import … from 'vscode' | import 'vscode' | require('vscode') | import('vscode') | export … from 'vscode'
const VSCODE_IMPORT = /(?:\bfrom\s*|\bimport\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)['"]vscode(?:\/[^'"]*)?['"]/;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

export function vscodeImports(text: string): string[] {
  const withoutComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return withoutComments.split('\n').filter((line) => VSCODE_IMPORT.test(line));
}

describe('import boundaries', () => {
  it('the detector catches every form of importing vscode, and nothing else', () => {
    for (const bad of [`import * as vscode from 'vscode';`, `import type { Uri } from "vscode";`, `const v = require('vscode');`, `await import('vscode')`, `export { window } from 'vscode';`, `import 'vscode';`]) {
      assert.equal(vscodeImports(bad).length, 1, bad);
    }
    for (const ok of [`// import * as vscode from 'vscode';`, `/* require('vscode') */`, `import { x } from './vscodeAdapter';`, `const s = 'vscode';`, `import x from 'vscode-uri';`]) {
      assert.equal(vscodeImports(ok).length, 0, ok);
    }
  });

  for (const dir of GUARDED) {
    it(`${dir} never imports vscode`, () => {
      const files = sourceFiles(path.join(ROOT, dir));
      if (dir === 'src/api' || dir === 'src/domain') assert.ok(files.length > 0, `${dir} has source files`);
      const offenders = files.flatMap((f) => vscodeImports(fs.readFileSync(f, 'utf8')).map((line) => `${path.relative(ROOT, f)}: ${line.trim()}`));
      assert.deepEqual(offenders, [], `these files import vscode:\n${offenders.join('\n')}`);
    });
  }
});
