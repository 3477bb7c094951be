// The Marketplace pieces of the manifest (license, icon, banner, links, changelog) and what the
// .vsix would hold: the file list comes from vsce itself (the same .vscodeignore rules `npm run
// package` applies), so it is the packaged list, not a copy of the rules.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const ROOT = path.join(__dirname, '../../..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  license?: string; icon?: string; homepage?: string;
  galleryBanner?: { color?: string; theme?: string }; bugs?: { url?: string };
};
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const isUrl = (s: string | undefined) => { try { return /^https?:$/.test(new URL(s ?? '').protocol); } catch { return false; } };

describe('manifest: Marketplace pieces', () => {
  it('license is MIT and LICENSE holds the MIT text', () => {
    assert.equal(pkg.license, 'MIT');
    const text = read('LICENSE');
    assert.match(text, /^MIT License\n\nCopyright \(c\) \d{4} \S/);
    assert.match(text, /Permission is hereby granted, free of charge, to any person obtaining a copy/);
    assert.match(text, /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
  });

  it('icon is a 128×128 PNG in the repository', () => {
    assert.ok(pkg.icon, 'package.json names an icon');
    assert.match(pkg.icon, /\.png$/, 'the Marketplace wants a PNG (vsce refuses an SVG icon)');
    const png = fs.readFileSync(path.join(ROOT, pkg.icon));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.equal(png.toString('latin1', 12, 16), 'IHDR', 'IHDR is the first chunk');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128], 'width × height');
    assert.ok(png.length < 20 * 1024, `the icon is small (${png.length} bytes)`);
  });

  it('galleryBanner, bugs.url and homepage are set', () => {
    assert.match(pkg.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
    assert.ok(pkg.galleryBanner?.theme === 'dark' || pkg.galleryBanner?.theme === 'light');
    assert.ok(isUrl(pkg.bugs?.url), `bugs.url is a URL: ${pkg.bugs?.url}`);
    assert.ok(isUrl(pkg.homepage), `homepage is a URL: ${pkg.homepage}`);
  });

  it('CHANGELOG.md follows Keep a Changelog, with an Unreleased section and this version', () => {
    const text = read('CHANGELOG.md');
    assert.match(text, /^# Changelog\n\nAll notable changes to this project will be documented in this file\.\n\nThe format is based on \[Keep a Changelog\]\(https:\/\/keepachangelog\.com\//);
    assert.match(text, /^## \[Unreleased\]$/m);
    const version = (JSON.parse(read('package.json')) as { version: string }).version;
    assert.match(text, new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  });
});

describe('.vsix contents (vsce listFiles over .vscodeignore)', function () {
  this.timeout(60_000);
  let files: string[] = [];
  before(async () => {
    // A fresh checkout has no dist/: build it as `npm test` does (a development build, unminified,
    // so the size below is an upper bound of the production .vsix)
    if (!['dist/extension.js', 'dist/webview/timeline.js', 'dist/webview/usageReport.js'].every(f => fs.existsSync(path.join(ROOT, f)))) {
      execFileSync(process.execPath, ['esbuild.js'], { cwd: ROOT, stdio: 'pipe' });
    }
    const vsce = createRequire(__filename)('@vscode/vsce') as { listFiles(o: { cwd: string; packageManager: 'none' }): Promise<string[]> };
    files = (await vsce.listFiles({ cwd: ROOT, packageManager: 'none' })).map(f => f.replace(/\\/g, '/')).sort();
  });

  it('ships the manifest, README, LICENSE, CHANGELOG, the icons and the bundles', () => {
    for (const f of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', pkg.icon ?? '', 'media/liveperson.svg',
      'media/status-reasons.schema.json', 'dist/extension.js', 'dist/webview/timeline.js', 'dist/webview/usageReport.js']) {
      assert.ok(files.includes(f), `${f} is packaged (got: ${files.join(', ')})`);
    }
  });

  it('ships nothing from src/ or test/, no TypeScript, no source maps, no screenshots', () => {
    const stray = files.filter(f => /^(src|test|out|node_modules|tools|\.ci|\.vscode)\//.test(f) || /\.(ts|map)$/.test(f) || f.startsWith('media/screenshots/'));
    assert.deepEqual(stray, []);
    assert.ok(files.length > 0);
  });

  it('stays under 1 MB (each file deflated as the .vsix zip stores it)', () => {
    // zip: a local header (30 B) + central directory entry (46 B) + the name twice per file, plus
    // the two XML files vsce adds (a few KB); the entries are deflated, as vsce's zip library does
    const bytes = files.reduce((sum, f) => sum + zlib.deflateRawSync(fs.readFileSync(path.join(ROOT, f)), { level: 9 }).length + 76 + 2 * (f.length + 10), 0) + 8 * 1024;
    assert.ok(bytes < 1024 * 1024, `estimated .vsix size ${(bytes / 1024).toFixed(0)} KB`);
  });
});
