/**
 * Which fixes are applied in bulk is declared once, in each rule's meta, and
 * said on its docs page; the set is the one issue 20 settled (fixes of form
 * only: widths, quotes, marks, one marker's standard form).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../server/src/core';

const ROOT = join(__dirname, '..', '..');

describe('fix classes', () => {
  it('applies in bulk exactly the fixes of form', () => {
    const byClass = (c: string | false): string[] => allRules.filter((r) => r.meta.fixable === c).map((r) => r.meta.id).sort();
    assert.deepEqual(byClass('form'), ['ellipsis-dash', 'fullwidth-alnum', 'halfwidth-punctuation', 'punctuation-run', 'quote-style', 'section-marker']);
    assert.deepEqual(byClass('edit'), [
      'broken-paragraph',
      'confusable',
      'doc-number',
      'formulations',
      'item-numbering',
      'latin-word',
      'number-form',
      'number-range',
      'punctuation-use',
      'repeated-char',
      'section-numbering',
      'speaker-form',
      'stray-space',
      'terms',
      'title-form',
      'typo',
    ]);
  });

  for (const rule of allRules) {
    it(`docs/rules/${rule.meta.id}.md says whether its fix is applied in bulk`, () => {
      const header = readFileSync(join(ROOT, 'docs', 'rules', `${rule.meta.id}.md`), 'utf8').split('\n')[2];
      const said = /\*\*Applied in bulk:\*\* (yes|no)/.exec(header)?.[1];
      assert.equal(said, rule.meta.fixable === false ? undefined : rule.meta.fixable === 'form' ? 'yes' : 'no', header);
    });
  }
});
