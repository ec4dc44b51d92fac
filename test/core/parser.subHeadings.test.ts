/** Unnumbered sub-headings, on constructed text. */
import { strict as assert } from 'node:assert';
import { parse, type Speech } from '../../server/src/core';

/** Prose longer than any heading (40 characters), ending in a stop. */
const PROSE = '我们坚持把学习作为首要政治任务，组织委员深入学习、系统学习、全面学习，不断提高政治判断力、政治领悟力和政治执行力。';
const PROSE2 = '一年来，全体委员围绕中心、服务大局，深入基层调查研究，提出了一批有分量的意见建议，得到有关部门的重视和采纳。';
const HEAD = ['凝心聚力 担当作为', '某市政协主席 李红梅'];

const headings = (s: Speech): [number, string][] => s.headings.map((h) => [h.paragraph.line, h.text]);

describe('parser: unnumbered sub-headings', () => {
  it('reads three unnumbered sub-headings of a speech, each spanning its part', () => {
    const lines = [...HEAD, PROSE, '坚持政治引领，把牢正确方向', PROSE, PROSE2, '坚持履职为民', PROSE2, PROSE, '坚持自身建设，提升履职能力', PROSE, PROSE2];
    const doc = parse(lines.join('\n'));
    const s = doc.speeches[0];
    assert.equal(s.speaker?.name?.value, '李红梅');
    assert.deepEqual(headings(s), [
      [3, '坚持政治引领，把牢正确方向'],
      [6, '坚持履职为民'],
      [9, '坚持自身建设，提升履职能力'],
    ]);
    // Each runs to the paragraph before the next one, the last to the end of the speech.
    assert.deepEqual(s.headings.map((h) => [doc.lines.positionAt(h.span.start).line, doc.lines.positionAt(h.span.end).line]), [[3, 5], [6, 8], [9, 11]]);
    // It stays a body paragraph of the lead: the rules still read its words.
    assert.equal(s.paragraphs[3].role, 'body');
    assert.ok(s.lead.includes(s.paragraphs[3]));
  });

  it('places a sub-heading inside a numbered section on that section', () => {
    const doc = parse([...HEAD, PROSE, '一、抓好学习培训。', '集中学习', PROSE, PROSE2, '二、抓好调查研究。', PROSE].join('\n'));
    const s = doc.speeches[0];
    assert.deepEqual(s.headings, []);
    assert.deepEqual(s.sections[0].headings.map((h) => h.text), ['集中学习']);
    assert.deepEqual(s.sections[1].headings, []);
  });

  it('does not read a short line as a heading when the paragraph before it stops mid-sentence', () => {
    const doc = parse([...HEAD, PROSE, '我们坚持学习。全年组织委员开展专题学习十二次，邀请专家学者作辅导报告', '六场', PROSE, PROSE2].join('\n'));
    assert.deepEqual(headings(doc.speeches[0]), []);
  });

  it('does not read a short line as a heading when the next paragraph goes on with it', () => {
    const doc = parse([...HEAD, PROSE, '全年组织委员开展专题学习', '，邀请专家学者作辅导报告六场，委员们普遍反映收获很大、受益匪浅、深受教育。', PROSE2].join('\n'));
    assert.deepEqual(headings(doc.speeches[0]), []);
  });

  it('does not read a heading-like line at the end of a speech, or one heading a single paragraph', () => {
    assert.deepEqual(headings(parse([...HEAD, PROSE, PROSE2, '继续努力奋斗'].join('\n')).speeches[0]), []);
    assert.deepEqual(headings(parse([...HEAD, PROSE, '新华社发', PROSE2, '本报记者 王斌摄', PROSE].join('\n')).speeches[0]), []);
  });

  it('does not read notes, items or a letter\'s close as headings', () => {
    for (const line of ['（本版内容以发言先后为序）', '一是坚持学习', '此致']) {
      const after = line === '此致' ? ['敬礼！', PROSE, PROSE2] : [PROSE, PROSE2];
      assert.deepEqual(headings(parse([...HEAD, PROSE, line, ...after].join('\n')).speeches[0]), [], line);
    }
  });
});
