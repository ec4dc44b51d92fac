import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { lint, LintCache, parse, type Rule } from '../../server/src/core';
import { loadSegmenter } from '../../server/src/segmenter';

const corpus = ['000_0f1e9368376be244.txt', 'people-daily-2020-cppcc-exchange.txt', 'spc-2019-70th-symposium.txt'].map((f) =>
  readFileSync(join(__dirname, '..', 'fixtures', 'corpus', f), 'utf8'),
);
const services = { segmenter: loadSegmenter() };

/** A rule that counts how often it is run and reports nothing. */
function counter(): Rule & { runs: number } {
  const r = {
    runs: 0,
    meta: { id: 'count-runs', category: 'text' as const, defaultSeverity: 'info' as const, description: { zh: '计数', en: 'count' }, messages: {}, fixable: false as const },
    check() {
      r.runs++;
    },
  };
  return r;
}

describe('incremental checking', () => {
  it('re-runs the rules only on the speech an edit touched', () => {
    const rule = counter();
    const cache = new LintCache();
    const doc = parse(corpus[0]);
    lint(doc, { only: [rule], cache });
    assert.equal(rule.runs, 1 + 8, 'frame plus eight speeches');
    const at = corpus[0].indexOf('争争一流');
    const edited = corpus[0].slice(0, at) + corpus[0].slice(at + 1);
    rule.runs = 0;
    lint(parse(edited), { only: [rule], cache });
    assert.equal(rule.runs, 1 + 1, 'frame plus the one edited speech');
    assert.equal(cache.size, 8);
  });

  it('gives the same findings as a fresh check, after any sequence of edits', () => {
    const edit = fc.record({
      text: fc.integer({ min: 0, max: 2 }),
      at: fc.nat(),
      remove: fc.integer({ min: 0, max: 12 }),
      insert: fc.constantFrom('', '，', ',', '。', '\n', '\n\n', '一、', '一是', '争', '### 标题\n', '某市政协主席 张三\n', 'and', ' ', '“', '1-2'),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const cache = new LintCache();
        let text = corpus[edits[0].text];
        lint(parse(text), { services, cache });
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
          const incremental = lint(parse(text), { services, cache });
          const fresh = lint(parse(text), { services });
          assert.deepEqual(incremental, fresh);
        }
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});
