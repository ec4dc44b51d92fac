/** Speech figures for the editor: characters as offices count them, sections, items, minutes at the configured pace. */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, parse } from '../../server/src/core';
import { roundMinutes } from '../../server/src/core/stats';
import { paceFromSettings, sectionChars, summarizeDocument, summarizeSpeech } from '../../server/src/core/summary';

// Body characters: 导语，好。 5; 一、甲。一是学，二是做。 12 − 一、 = 10; （一）子。 5 − （一） = 2; 二、乙。 4 − 二、 = 2.
const TEXT = '### 标题\n某市政协主席 张三\n\n　　导语，好。\n一、甲。一是学，二是做。\n（一）子。\n二、乙。\n';

describe('summary', function () {
  it('counts the body without title, speaker line, markers or whitespace; items count', function () {
    const doc = parse(TEXT);
    assert.deepEqual(summarizeSpeech(doc, doc.speeches[0], 220), { chars: 19, minutes: 19 / 220, sections: 2, subsections: 1, items: 2 });
  });

  it('counts a level-1 section with its sub-sections', function () {
    const doc = parse(TEXT);
    assert.deepEqual(doc.speeches[0].sections.map((s) => sectionChars(doc, s)), [12, 2]);
  });

  it('adds up the speeches of a compilation', function () {
    const doc = parse('### 甲\n某市政协主席 张三\n一二三。\n### 乙\n某县政协主席 李四\n四五。\n');
    assert.deepEqual(summarizeDocument(doc, 100), { chars: 7, minutes: 0.07, speeches: 2 });
  });

  it('agrees with length-limit on a real speech', function () {
    const seed = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'corpus', '000_0f1e9368376be244.txt'), 'utf8');
    const { doc, findings } = check(seed, { rules: { 'length-limit': ['warning', { maxChars: 0 }] } });
    const reported = findings.filter((f) => f.ruleId === 'length-limit').map((f) => Number(/发言正文(\d+)字/.exec(f.message.zh)![1]));
    assert.deepEqual(reported, doc.speeches.map((s) => summarizeSpeech(doc, s, 220).chars));
    assert.equal(reported.length, 8);
  });

  it('reads the pace from length-limit’s options, even with the rule off, else 220', function () {
    const cases: Array<[Parameters<typeof paceFromSettings>[0], number]> = [
      [undefined, 220],
      [{}, 220],
      [{ 'length-limit': 'warning' }, 220],
      [{ 'length-limit': ['warning', { charsPerMinute: 180 }] }, 180],
      [{ 'length-limit': ['off', { charsPerMinute: 150 }] }, 150],
      [{ 'length-limit': ['warning', { charsPerMinute: 0 }] }, 220],
      [{ 'length-limit': ['warning', { charsPerMinute: 'fast' }] }, 220],
    ];
    for (const [rules, pace] of cases) assert.equal(paceFromSettings(rules), pace, JSON.stringify(rules));
  });

  it('rounds minutes up to one decimal', function () {
    assert.deepEqual([5, 5.01, 1234 / 220, 0].map(roundMinutes), ['5.0', '5.1', '5.7', '0.0']);
  });
});
