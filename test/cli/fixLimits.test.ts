/**
 * Fixes converge: a term pair whose preferred form holds the wrong form is
 * refused by the configuration (in the editor and the CLI alike), and
 * `fixUntilStable` stops, writing nothing, when fixes keep going or keep
 * growing the text — shown with made-up rules that no configuration can name.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Rule } from '../../server/src/core';
import { parseConfig } from '../../server/src/core/config';
import { fixUntilStable, MAX_PASSES } from '../../server/src/cli/fix';
import { ensureBuilt } from '../lsp/ensureBuilt';
import { speechlint, writeTree } from './run';

/** A bulk rule replacing every `from` with `to`. */
function replacing(from: string, to: string): Rule {
  return {
    meta: { id: `replace-${from}`, category: 'text', defaultSeverity: 'warning', description: { zh: '替换', en: 'replace' }, messages: { m: { zh: '替换', en: 'replace' } }, fixable: 'form' },
    check(ctx) {
      for (const p of ctx.doc.paragraphs) {
        for (let at = p.content.indexOf(from); at >= 0; at = p.content.indexOf(from, at + from.length)) {
          const span = { start: p.contentStart + at, end: p.contentStart + at + from.length };
          ctx.report({ span, messageId: 'm', fix: [{ span, text: to }] });
        }
      }
    },
  };
}

const CONFIG = '{\n  "rules": {\n    "terms": ["warning", { "pairs": { "发展": "发展与发展", "既使": "即使" } }]\n  }\n}\n';

describe('fixes converge', function () {
  this.timeout(60_000);

  describe('a term pair that feeds itself', function () {
    it('is refused by the configuration, located on its key, and the other pairs are kept', function () {
      const { config, problems } = parseConfig(CONFIG);
      assert.equal(problems.length, 1);
      assert.equal(CONFIG.slice(problems[0].start, problems[0].end), '"发展"');
      assert.equal(problems[0].message.zh, '词条“发展”的正确写法“发展与发展”中又含有“发展”：修复后会再次命中，文本越改越长');
      assert.equal(problems[0].message.en, 'The preferred form "发展与发展" contains the wrong form "发展": each fix would match again and the text would keep growing');
      // Read from JSON, the options have no prototype; compared as JSON.
      assert.deepEqual(JSON.parse(JSON.stringify(config.rules)), { terms: ['warning', { pairs: { 既使: '即使' } }] });
    });

    it('is accepted when the preferred form does not hold the wrong one, and a pair mapping a form to itself is no fault', function () {
      assert.deepEqual(parseConfig('{ "rules": { "terms": ["warning", { "pairs": { "发展与": "发展", "甲": "甲", "乙": "" } }] } }').problems, []);
    });

    it('makes the CLI exit 2 with the located message, writing nothing', function () {
      ensureBuilt();
      const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-fix-'));
      try {
        const draft = '### 标题\n\n某区政协主席 赵志强\n\n导语,推动发展。\n';
        writeTree(tmp, { '.speechlintrc.json': CONFIG, 'draft.speech.md': draft });
        const before = fs.readFileSync(path.join(tmp, 'draft.speech.md'));
        const r = speechlint(['--fix', 'draft.speech.md'], { cwd: tmp });
        assert.equal(r.status, 2);
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, '.speechlintrc.json:3:39: 词条“发展”的正确写法“发展与发展”中又含有“发展”：修复后会再次命中，文本越改越长\n');
        assert.deepEqual(fs.readFileSync(path.join(tmp, 'draft.speech.md')), before);
      } finally {
        fs.rmSync(tmp, { recursive: true, force: true });
      }
    });
  });

  describe('fixUntilStable', function () {
    it('stops at the growth cap with the text as given', function () {
      // 400 findings: under the engine's 500 of one rule per speech, so every one is listed. One pass adds 1,200 characters to 800.
      const text = '发展'.repeat(400);
      const result = fixUntilStable(text, { only: [replacing('发展', '发展与发展')] });
      assert.equal(result.stopped, 'growth');
      assert.equal(result.text, text);
      assert.equal(result.applied, 0);
      assert.equal(result.findings.length, 400, 'the findings are those of the text as given');
    });

    it('stops at the pass cap when fixes keep undoing each other', function () {
      const result = fixUntilStable('甲乙', { only: [replacing('甲', '丙'), replacing('丙', '甲')] });
      assert.equal(result.stopped, 'passes');
      assert.equal(result.text, '甲乙');
      assert.equal(result.applied, 0);
      assert.equal(MAX_PASSES, 10);
    });

    it('applies fixes that grow the text within the cap, pass after pass, until none is left', function () {
      const result = fixUntilStable('甲甲', { only: [replacing('甲', '乙乙'), replacing('乙乙乙乙', '丙')] });
      assert.deepEqual([result.text, result.applied, result.stopped, result.findings], ['丙', 3, undefined, []]);
    });

    it('leaves edit fixes alone', function () {
      const edit: Rule = { ...replacing('甲', '丙'), meta: { ...replacing('甲', '丙').meta, fixable: 'edit' } };
      const result = fixUntilStable('甲乙', { only: [edit] });
      assert.deepEqual([result.text, result.applied, result.stopped, result.findings.length], ['甲乙', 0, undefined, 1]);
    });
  });
});
