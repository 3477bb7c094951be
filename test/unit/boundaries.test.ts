// The import boundary of house-style §1: src/api, src/domain, src/emulator and src/shared run in
// plain Node (tests, the emulator CLI, the webview) and must never depend on VS Code. And the domain
// is the bottom layer: src/api and src/shared import it, it imports neither, and its files import
// each other without a cycle (the lint rule in eslint.config.mjs says the same for imports).
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

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

export function vscodeImports(text: string): string[] {
  return withoutComments(text).split('\n').filter((line) => VSCODE_IMPORT.test(line));
}

// The module each import / export … from / require / import() names.
const SPECIFIER = /(?:\bfrom\s*|^\s*import\s*|\brequire\s*\(\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/gm;
export function importSpecifiers(text: string): string[] {
  return [...withoutComments(text).matchAll(SPECIFIER)].map((m) => m[1]);
}

/** The repo-relative file (no extension) a relative specifier of `file` names; undefined for a package. */
function resolved(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  return path.relative(ROOT, path.resolve(path.dirname(file), spec)).split(path.sep).join('/').replace(/\.(ts|js)$/, '');
}

/** The first import cycle among `files` (repo-relative, no extension), or undefined. */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const done = new Set<string>();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    const at = stack.indexOf(n);
    if (at >= 0) return [...stack.slice(at), n];
    if (done.has(n)) return undefined;
    stack.push(n);
    for (const m of edges.get(n) ?? []) {
      const c = visit(m);
      if (c) return c;
    }
    stack.pop();
    done.add(n);
    return undefined;
  };
  for (const n of edges.keys()) {
    const c = visit(n);
    if (c) return c;
  }
  return undefined;
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

  it('the specifier reader finds every form of import, and no commented one', () => {
    const text = [`import type { A } from '../api/types';`, `import '../shared/x';`, `export { b } from "./b";`, `const c = require('../shared/c');`, `await import('./d')`, `// import { e } from '../api/e';`, `/* from '../api/f' */`].join('\n');
    assert.deepEqual(importSpecifiers(text), ['../api/types', '../shared/x', './b', '../shared/c', './d']);
  });

  it('src/domain imports neither src/api nor src/shared', () => {
    const files = sourceFiles(path.join(ROOT, 'src/domain'));
    const offenders = files.flatMap((f) =>
      importSpecifiers(fs.readFileSync(f, 'utf8'))
        .filter((spec) => /^src\/(api|shared)(\/|$)/.test(resolved(f, spec) ?? ''))
        .map((spec) => `${path.relative(ROOT, f)}: ${spec}`),
    );
    assert.deepEqual(offenders, [], `the domain imports a layer above it:\n${offenders.join('\n')}`);
  });

  it('the cycle finder finds a cycle, and none in a tree', () => {
    assert.deepEqual(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]])), ['a', 'b', 'c', 'a']);
    assert.equal(findCycle(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]])), undefined);
  });

  it('the files of src/domain import each other without a cycle', () => {
    const files = sourceFiles(path.join(ROOT, 'src/domain'));
    const edges = new Map(files.map((f) => [
      resolved(f, './' + path.basename(f))!,
      importSpecifiers(fs.readFileSync(f, 'utf8')).map((spec) => resolved(f, spec)).filter((t): t is string => t?.startsWith('src/domain/') ?? false),
    ]));
    const cycle = findCycle(edges);
    assert.equal(cycle, undefined, `an import cycle in src/domain: ${cycle?.join(' → ')}`);
  });
});
