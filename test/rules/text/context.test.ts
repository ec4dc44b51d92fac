import * as assert from 'node:assert/strict';
import { ascendingSpanTest, chineseContext, isChinesePunctuationCode, spacesBackToChinese, spacesUpToChinese, urlSpans } from '../../../server/src/core/text/context';

const isChineseContext = (text: string, start: number, end?: number, lookPast?: string): boolean => chineseContext(text, lookPast).around(start, end);

describe('Chinese context', () => {
  it('holds when the nearest non-space neighbour on either side is Han or Chinese punctuation', () => {
    assert.equal(isChineseContext('党委(党组)', 2), true);
    assert.equal(isChineseContext('精神 and 中办', 3, 6), true);
    assert.equal(isChineseContext('增长(GDP)', 2), true);
    assert.equal(isChineseContext('“,x', 1), true);
    assert.equal(isChineseContext('Hello,　世界', 5), true, 'an ideographic space is skipped like any other');
  });

  it('does not hold between digits or Latin letters, or with nothing around', () => {
    assert.equal(isChineseContext('1,000', 1), false);
    assert.equal(isChineseContext('10:30', 2), false);
    assert.equal(isChineseContext('f(x)', 1), false);
    assert.equal(isChineseContext(',', 0), false);
    assert.equal(isChineseContext('   ,   ', 3), false);
  });

  it('reads a supplementary-plane Han character as Han, on either side', () => {
    assert.equal(isChineseContext('\u{20000},a', 2), true);
    assert.equal(isChineseContext('a,\u{20000}', 1), true);
    assert.equal(isChineseContext('\u{20000}a,', 3), false, 'the pair is behind the Latin letter');
  });

  it('looks past the marks a rule converts, as the fixed text will read', () => {
    assert.equal(isChineseContext('党!)', 2), false);
    assert.equal(isChineseContext('党!)', 2, 3, ',;:?!()'), true);
    assert.equal(isChineseContext('a!)', 2, 3, ',;:?!()'), false);
    const chinese = chineseContext('党 , x', ',');
    assert.deepEqual([chinese.before(0), chinese.before(2), chinese.before(4), chinese.after(2), chinese.after(5)], [false, true, true, false, false]);
  });

  it('takes English-style spaces along only up to Chinese', () => {
    assert.equal(spacesUpToChinese('好, 我', 2), 3);
    assert.equal(spacesUpToChinese('好, Yes', 2), 2);
    assert.equal(spacesUpToChinese('好,', 2), 2);
    assert.equal(spacesBackToChinese('我 \u3000(', 3), 1);
    assert.equal(spacesBackToChinese('a (', 2), 2);
    assert.equal(spacesBackToChinese('\u{20000} (', 3), 2);
  });

  it('counts full-width punctuation but not full-width letters or digits', () => {
    for (const ch of '，。、；：？！（）《》“”‘’…—【】〈〉～') assert.equal(isChinesePunctuationCode(ch.charCodeAt(0)), true, ch);
    for (const ch of 'Ａ２ａ,.a') assert.equal(isChinesePunctuationCode(ch.charCodeAt(0)), false, ch);
  });

  it('finds web addresses, leaving sentence punctuation after them out', () => {
    const text = '详见https://www.gov.cn/a?b=1,c:2。另见(www.x.cn).';
    const spans = urlSpans(text).map((s) => text.slice(s.start, s.end));
    assert.deepEqual(spans, ['https://www.gov.cn/a?b=1,c:2', 'www.x.cn']);
  });

  it('answers ascending membership questions over sorted spans', () => {
    const inside = ascendingSpanTest([
      { start: 2, end: 4 },
      { start: 6, end: 7 },
    ]);
    assert.deepEqual([0, 2, 3, 4, 5, 6, 7, 9].map(inside), [false, true, true, false, false, true, false, false]);
  });
});
