/**
 * What the .vsix carries, as `vsce ls` lists it from .vscodeignore and the
 * build output: the bundles, the segmenter's word list, the rule docs the
 * diagnostics link to, and the licence of every bundled package (MIT and the
 * like require their notice to travel with the code). Runs after the build
 * (`npm test` builds first).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../server/src/core';

const ROOT = join(__dirname, '..');

describe('packaging', function () {
  this.timeout(60_000);

  it('packs the bundles, the word list, the notices and a docs page per rule in English and Chinese, and nothing from the sources or tests', () => {
    const vsce = join(ROOT, 'node_modules', '.bin', 'vsce');
    const files = new Set(execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean));
    for (const file of ['dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/word.js', 'dist/preview.js', 'dist/preview.css', 'dist/jieba-words.txt', 'data/typo-lm.bin.gz', 'data/typo-confusions.json', 'dist/THIRD-PARTY-NOTICES.md', 'dist/speechlintrc.schema.json', 'LICENSE', 'package.json']) {
      assert.ok(files.has(file), `${file} is not packed`);
    }
    for (const rule of allRules) {
      // Both languages: a diagnostic links to the page in VS Code's display language.
      for (const page of [`docs/rules/${rule.meta.id}.md`, `docs/rules/${rule.meta.id}.zh-CN.md`]) assert.ok(files.has(page), `${page} is not packed`);
    }
    const stray = [...files].filter((f) => /^(server|client|test|bench|scripts|node_modules)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts'));
    assert.deepEqual(stray, []);
  });

  it('lists every bundled library with its licence text, after the notice for jieba\'s dictionary', () => {
    const notices = readFileSync(join(ROOT, 'dist', 'THIRD-PARTY-NOTICES.md'), 'utf8');
    assert.match(notices, /^# Third-party notices\n[^#]*\n## jieba dictionary\n/);
    assert.match(notices, /Copyright \(c\) 2013 Sun Junyi/);
    // The libraries the four bundles are built from (client, server, CLI, Word engine).
    for (const name of ['vscode-languageclient', 'vscode-languageserver', 'vscode-languageserver-textdocument', 'jsonc-parser', 'docx', 'mammoth', 'jszip']) {
      const section = new RegExp(`^## ${name} \\d+\\.\\d+\\.\\d+\\n\\nLicence: [^\\n]+\\n\\n\`\`\`\\n([^\`]+)\`\`\``, 'm').exec(notices);
      assert.ok(section, `no section for ${name}`);
      assert.match(section[1], /copyright|permission|permitted/i, `${name}: no licence text`);
    }
  });
});
