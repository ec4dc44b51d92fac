/**
 * All structure rules together: silent on the three real texts, sound on
 * degenerate input, and line endings and BOM kept through their fixes.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { applyFixes } from '../../../server/src/core/fix';
import { check } from '../../../server/src/core';
import { lint } from '../../../server/src/core/lint';
import { parse } from '../../../server/src/core/parse';
import { structureRules } from '../../../server/src/core/rules/structure';

const corpus = (name: string): string => readFileSync(join(__dirname, '..', '..', 'fixtures', 'corpus', name), 'utf8');

/** Findings of every structure rule, at every severity, as `rule@line`. */
function structureFindings(text: string): string[] {
  const doc = parse(text);
  return lint(doc, { only: structureRules }).map((f) => `${f.ruleId}@${doc.lines.positionAt(f.span.start).line}`);
}

describe('structure rules together', () => {
  it('are the 11 catalog rules, in catalog order', () => {
    assert.deepEqual(
      structureRules.map((r) => r.meta.id),
      ['title-missing', 'title-form', 'speaker-missing', 'speaker-form', 'lead-missing', 'section-numbering', 'section-marker', 'heading-levels', 'item-numbering', 'heading-sentence', 'length-limit'],
    );
  });

  describe('on the corpus', () => {
    // The seed's real faults (a Latin word, 争争, 党委(党组), 1-2名, broken paragraphs) are all
    // text faults; its titles, speaker lines, sections and item lists are all in order.
    for (const name of ['000_0f1e9368376be244.txt', 'people-daily-2020-cppcc-exchange.txt', 'spc-2019-70th-symposium.txt']) {
      it(`finds nothing in ${name}`, () => {
        assert.deepEqual(structureFindings(corpus(name)), []);
      });
    }

    it('finds nothing in the seed with CRLF line endings either', () => {
      assert.deepEqual(structureFindings(corpus('000_0f1e9368376be244.txt').replace(/\n/g, '\r\n')), []);
    });
  });

  describe('on degenerate input', () => {
    for (const [name, text] of [
      ['an empty text', ''],
      ['a BOM alone', '\uFEFF'],
      ['blank lines only, CRLF', '\r\n  \r\n\u3000\r\n'],
      ['a comment alone', '<!-- speechlint-disable title-form -->\n'],
    ] as const) {
      it(`finds nothing in ${name}, with the whole catalog`, () => {
        assert.deepEqual(check(text).findings, []);
      });
    }
  });

  describe('on random drafts', () => {
    /** Pieces drafts are made of, faulty ones included. */
    const pieces = fc.constantFrom(
      '一、', '三、', '一.', '1、', '（一）', '(二)', '1.', '（1）', '一是', '四是', '第一，', '首先，', '最后，', '其次，',
      '标题', '政协', '胡国辉', '唐山市政协主席、党组书记 胡国辉', '主席，书记', ' ', '　', '，', '。', '(', '.', '！',
      '\n', '\r\n', '### ', '## ——', '<!-- x -->', '𠀀', '\uFEFF',
    );
    const options = { only: structureRules, rules: { 'length-limit': ['warning', { maxChars: 5, maxMinutes: 0.01 }] as const } };

    it('never throw, stay inside the text, and fix without touching line breaks or the BOM', () => {
      fc.assert(
        fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
          const text = parts.join('');
          const findings = lint(parse(text), options);
          for (const f of findings) assert.ok(f.span.start <= f.span.end && f.span.end <= text.length);
          const fixed = applyFixes(text, findings).text;
          assert.equal(fixed.startsWith('\uFEFF'), text.startsWith('\uFEFF'));
          assert.deepEqual(fixed.match(/\r\n|\n/g) ?? [], text.match(/\r\n|\n/g) ?? []);
        }),
        { seed: 20240611, numRuns: 2000 },
      );
    });
  });

  describe('on a faulty draft with a BOM and CRLF', () => {
    const text = '\uFEFF### 标题。\r\n唐山市政协主席，党组书记 胡国辉\r\n\r\n一、甲。\r\n三、乙。一是学习。\r\n';

    it('reports each fault on its own line', () => {
      assert.deepEqual(structureFindings(text), [
        'title-form@0',
        'speaker-form@1',
        'lead-missing@3',
        'section-numbering@4',
        'item-numbering@4',
      ]);
    });

    it('fixes what it can, keeping the BOM and CRLF, in one pass', () => {
      const fixed = applyFixes(text, lint(parse(text), { only: structureRules })).text;
      assert.equal(fixed, '\uFEFF### 标题\r\n唐山市政协主席、党组书记 胡国辉\r\n\r\n一、甲。\r\n二、乙。一是学习。\r\n');
      assert.deepEqual(structureFindings(fixed), ['lead-missing@3', 'item-numbering@4']);
      assert.equal(applyFixes(fixed, lint(parse(fixed), { only: structureRules })).applied, 0);
    });
  });
});
