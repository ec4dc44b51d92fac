/**
 * Configuration is user data, and a workspace's configuration is a stranger's
 * data: huge term lists, regex syntax in terms, oversized and deeply nested
 * files, and files that try to be code must neither hang nor crash the
 * checker, and nothing in them is ever run. Expected values are worked out by
 * hand from the inputs.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyFixes, check, findRule, type Finding } from '../../server/src/core';
import { MAX_CONFIG_BYTES, parseConfig } from '../../server/src/core/config';
import { loadConfigFile } from '../../server/src/config/loadConfig';
import { readSettings } from '../../server/src/lsp/settings';
import { corpus } from '../property/arbitraries';
import { LspTestClient } from '../lsp/lspClient';

const terms = findRule('terms')!;
const HANG_BOUND_MS = 30_000;

/** Lints `text` with the terms rule alone and the user's `pairs`. */
function termFindings(text: string, pairs: Record<string, string>): Finding[] {
  return check(text, { only: [terms], rules: { terms: ['warning', { pairs }] } }).findings;
}

/** `count` distinct made-up wrong forms of 2–4 Han characters, none in any corpus text. */
function madeUpPairs(count: number): Record<string, string> {
  const pairs: Record<string, string> = {};
  // CJK extension A: not in the corpus, so the list costs time without ever matching.
  const han = (n: number): string => String.fromCharCode(0x3400 + (n % 0x19b0));
  for (let i = 0; i < count; i++) {
    // The first two characters spell `i` in base 0x19b0, so every word is new; a third or fourth varies the lengths.
    const word = han(i) + han(Math.floor(i / 0x19b0)) + (i % 3 === 0 ? '' : han(i * 7)) + (i % 3 === 2 ? han(i * 13) : '');
    // A preferred form holding the wrong one would be refused (it would feed its own fix).
    pairs[word] = `${word.slice(0, -1)}正`;
  }
  return pairs;
}

describe('hostile configuration', function () {
  this.timeout(HANG_BOUND_MS + 30_000);
  let dir: string;

  beforeEach(function () {
    dir = mkdtempSync(join(tmpdir(), 'speech-hostile-config-'));
  });

  afterEach(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  describe('the terms rule', function () {
    it('applies a list of 100,000 user pairs to every corpus text in bounded time', function () {
      const pairs = { ...madeUpPairs(100_000), 不竭动力: '不竭的动力' };
      const started = performance.now();
      const found = corpus.map((text) => termFindings(text, pairs).filter((f) => f.message.en === '"不竭动力" should be "不竭的动力"').length);
      const ms = performance.now() - started;
      console.log(`      100,001 pairs over ${corpus.length} corpus texts: ${(ms / 1000).toFixed(2)} s`);
      assert.ok(ms < HANG_BOUND_MS, `took ${ms} ms`);
      // The seed compilation says 注入了不竭动力 once; the other two texts never.
      assert.deepEqual(found, [1, 0, 0]);
    });

    it('matches user terms literally: regular-expression syntax in them means nothing', function () {
      const pairs = { '.*': '任意', '(a+)+$': 'y', '$&': '$1', '[': '【', '\\': '、' };
      const text = '正文.*和(a+)+$及$&与[还有\\。aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!';
      const findings = termFindings(text, pairs);
      assert.deepEqual(
        findings.map((f) => [f.span.start, f.span.end]),
        [
          [2, 4],
          [5, 11],
          [12, 14],
          [15, 16],
          [18, 19],
        ],
      );
      assert.equal(applyFixes(text, findings).text, '正文任意和y及$1与【还有、。aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!');
      assert.deepEqual(termFindings('正文和说明。', pairs), [], 'a pattern-like term matched text that does not contain it');
    });

    it('never matches half of a surrogate pair with a user term that is a lone surrogate', function () {
      const pairs = { '\uD840': 'x', '\uDC00': 'y', '甲\uD840': 'z' };
      // 𠀀 (U+20000) is \uD840\uDC00: no user term is in this text.
      assert.deepEqual(termFindings('甲\u{20000}乙。', pairs).map((f) => f.span), []);
      // A real lone surrogate is a character of its own and may be replaced whole.
      const lone = '丙\uD840乙。';
      const findings = termFindings(lone, pairs);
      assert.deepEqual(findings.map((f) => f.span), [{ start: 1, end: 2 }]);
      assert.equal(applyFixes(lone, findings).text, '丙x乙。');
    });
  });

  describe('configuration files', function () {
    it('refuses a file over the size limit with a message naming it', function () {
      const file = join(dir, '.speechlintrc.json');
      writeFileSync(file, JSON.stringify({ rules: { terms: ['warning', { pairs: madeUpPairs(40_000) }] } }));
      const loaded = loadConfigFile(file);
      assert.deepEqual(loaded.rules, {});
      assert.deepEqual(
        loaded.problems.map((p) => [p.file, p.message.en]),
        [[file, `Configuration file too large (over ${MAX_CONFIG_BYTES} bytes); not read`]],
      );
    });

    it('refuses an oversized file named by "extends", on that file', function () {
      const big = join(dir, 'big.json');
      writeFileSync(big, ' '.repeat(MAX_CONFIG_BYTES + 1));
      const file = join(dir, '.speechlintrc.json');
      writeFileSync(file, '{ "extends": "./big.json", "rules": { "terms": "error" } }');
      const loaded = loadConfigFile(file);
      assert.deepEqual(loaded.problems.map((p) => [p.file, p.message.en]), [[big, `Configuration file too large (over ${MAX_CONFIG_BYTES} bytes); not read`]]);
    });

    it('loads a list of 8,000 pairs that fits under the limit, and the rule applies it', function () {
      const file = join(dir, '.speechlintrc.json');
      const pairs = { ...madeUpPairs(8_000), 不竭动力: '不竭的动力' };
      writeFileSync(file, JSON.stringify({ rules: { terms: ['warning', { pairs }] } }));
      const loaded = loadConfigFile(file);
      assert.deepEqual(loaded.problems, []);
      const findings = check('注入了不竭动力。', { only: [terms], rules: loaded.rules }).findings;
      assert.deepEqual(findings.map((f) => [f.span.start, f.span.end, f.message.en]), [[3, 7, '"不竭动力" should be "不竭的动力"']]);
    });

    it('refuses oversized settings the same way (speech.rules)', function () {
      const { settings, problems } = readSettings({ rules: { terms: ['warning', { pairs: madeUpPairs(40_000) }] } });
      assert.deepEqual(settings.rules, {});
      assert.deepEqual(problems.map((p) => p.en), [`speech.rules: Configuration file too large (over ${MAX_CONFIG_BYTES} bytes); not read`]);
    });

    it('reports a file nested 10,000 deep as a problem instead of throwing', function () {
      // 10 KB, far under the size limit; jsonc-parser's parser recurses once per level.
      const text = `{"rules": ${'['.repeat(10_000)}`;
      let problems: ReturnType<typeof parseConfig>['problems'] = [];
      assert.doesNotThrow(() => ({ problems } = parseConfig(text)));
      assert.ok(problems.length > 0, 'no problem reported');
      const file = join(dir, '.speechlintrc.json');
      writeFileSync(file, text);
      assert.doesNotThrow(() => loadConfigFile(file));
    });

    it('still checks a draft whose folder holds a configuration nested 10,000 deep, over LSP', async function () {
      writeFileSync(join(dir, '.speechlintrc.json'), '['.repeat(10_000));
      const uri = pathToFileURL(join(dir, 'draft.speech.md')).href;
      const client = await LspTestClient.start('en');
      try {
        await client.open(uri, '### 标题\n\n某市政协主席 张三\n\n正文,正文。\n');
        const { diagnostics } = await client.diagnostics(uri, () => true, 10_000);
        assert.ok(diagnostics.some((d) => d.code === 'halfwidth-punctuation'), JSON.stringify(diagnostics));
      } finally {
        assert.equal(await client.stop(), 0);
      }
    });
  });

  describe('workspace trust: configuration is data, never code', function () {
    it('never reads, let alone runs, code named by "extends": only .json files are followed', function () {
      const marker = join(dir, 'ran');
      writeFileSync(join(dir, 'evil.js'), `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'); module.exports = { rules: {} };`);
      const file = join(dir, '.speechlintrc.json');
      writeFileSync(file, '{ "extends": "./evil.js" }');
      const loaded = loadConfigFile(file);
      assert.equal(existsSync(marker), false, 'the extended file was executed');
      assert.deepEqual(loaded.problems.map((p) => [p.file, p.message.en]), [[file, `"extends" must name a .json file: ${join(dir, 'evil.js')}`]]);
    });

    it('reads only .json files: "extends" naming a device or a folder is refused', function () {
      const file = join(dir, '.speechlintrc.json');
      for (const target of ['/dev/zero', '/dev/urandom', dir]) {
        writeFileSync(file, JSON.stringify({ extends: target }));
        const started = performance.now();
        const loaded = loadConfigFile(file);
        assert.ok(performance.now() - started < HANG_BOUND_MS);
        assert.deepEqual(loaded.problems.map((p) => p.message.en), [`"extends" must name a .json file: ${target}`]);
      }
    });

    it('follows a chain of 200 files named by "extends" in bounded time', function () {
      for (let i = 0; i < 200; i++) writeFileSync(join(dir, `c${i}.json`), JSON.stringify(i < 199 ? { extends: `./c${i + 1}.json` } : { rules: { terms: 'error' } }));
      const loaded = loadConfigFile(join(dir, 'c0.json'));
      assert.deepEqual(loaded.problems, []);
      assert.deepEqual(loaded.rules, { terms: 'error' });
      assert.equal(loaded.files.length, 200);
    });
  });
});
