import * as assert from 'node:assert/strict';
import type { Finding } from '../../server/src/core';
import { addScores, claimedPositions, flags, noScores, percent, restores, scoreSentence, type Claim } from '../../scripts/typoScore';

/** A finding on `[start, end)` whose fix writes `text` there (no fix when `text` is undefined). */
const claim = (start: number, end: number, text?: string): Claim => ({
  span: { start, end },
  ...(text === undefined ? {} : { fix: [{ span: { start, end }, text }] }),
});
const finding = (start: number, end: number, text?: string): Finding => ({
  ruleId: 'typo',
  severity: 'warning',
  messageId: 'typo',
  message: { zh: '', en: '' },
  ...claim(start, end, text),
});

describe('typo evaluation: character-level scoring', () => {
  it('a four-character fix claims only the character it changes, with its correction', () => {
    assert.deepEqual([...claimedPositions('要针贬时弊。', claim(1, 5, '针砭时弊'))], [[2, '砭']]);
  });

  it('a finding without a fix claims its whole span, uncorrected', () => {
    assert.deepEqual([...claimedPositions('要针贬时弊。', claim(1, 3))], [
      [1, undefined],
      [2, undefined],
    ]);
  });

  it('a fix that changes the length claims the span, uncorrected', () => {
    assert.deepEqual([...claimedPositions('认真布署。', claim(2, 4, '部署工作'))], [
      [2, undefined],
      [3, undefined],
    ]);
  });

  it('counts wrong, claimed, detected and corrected positions of a hand-made sentence', () => {
    // Three wrong characters: 须 (8), 元 (15) and 泽 (16).
    const source = '结合当前实际工作须要，坚持基本元泽，研究制定。';
    const target = '结合当前实际工作需要，坚持基本原则，研究制定。';
    const findings = [
      claim(8, 10, '需要'), // 8: detected and corrected
      claim(15, 17, '原泽'), // 15 only: detected and corrected; 泽 missed
      claim(18, 20, '研完'), // 19: a false alarm
      claim(15, 16, '园'), // 15 again with a wrong character: the right one above still counts
    ];
    assert.deepEqual(scoreSentence(source, target, findings), { wrong: 3, claimed: 3, detected: 2, corrected: 2 });
  });

  it('a detection with the wrong character counts for detection only', () => {
    assert.deepEqual(scoreSentence('成员贱人的', '成员兼任的', [claim(2, 4, '监任')]), { wrong: 2, claimed: 2, detected: 2, corrected: 1 });
  });

  it('findings on a clean sentence are all false alarms; none on it scores nothing', () => {
    assert.deepEqual(scoreSentence('五位一体', '五位一体', [claim(0, 4, '三位一体')]), { wrong: 0, claimed: 1, detected: 0, corrected: 0 });
    assert.deepEqual(scoreSentence('五位一体', '五位一体', []), noScores());
  });

  it('sums sentences and prints percentages, n/a on an empty denominator', () => {
    const total = noScores();
    addScores(total, { wrong: 3, claimed: 3, detected: 2, corrected: 2 });
    addScores(total, { wrong: 2, claimed: 2, detected: 2, corrected: 1 });
    assert.deepEqual(total, { wrong: 5, claimed: 5, detected: 4, corrected: 3 });
    assert.equal(percent(total.corrected, total.claimed), '60.0%');
    assert.equal(percent(1, 3), '33.3%');
    assert.equal(percent(0, 0), 'n/a');
  });

  it('rejects a pair whose sentences differ in length', () => {
    assert.throws(() => scoreSentence('按装', '安装了', []), /differ in length/);
  });
});

describe('typo evaluation: planted misspellings', () => {
  const source = '工作人员正在安装设备。';
  const planted = '工作人员正在按装设备。';

  it('found with the right form when a fix restores the source sentence', () => {
    assert.equal(restores(planted, source, [finding(6, 8, '安装')]), true);
  });

  it('flagged but not restored when the fix writes another form or there is none', () => {
    assert.equal(restores(planted, source, [finding(6, 8, '暗装'), finding(6, 8)]), false);
    assert.equal(flags({ start: 6, end: 8 }, [claim(7, 8)]), true);
  });

  it('a finding elsewhere neither restores nor flags the misspelling', () => {
    assert.equal(restores(planted, source, [finding(0, 2, '公作')]), false);
    assert.equal(flags({ start: 6, end: 8 }, [claim(0, 2)]), false);
  });
});
