/**
 * The line breaker on a narrow line whose cells are easy to count by hand: 10 pt characters
 * (200 twips) on a line of 2000 twips hold exactly 10 full-width characters. Times New Roman digits
 * are half an em (100 twips), so four digits take two cells. Every expected line below was worked
 * out on paper from those widths and the rules, not copied from the breaker's output.
 */
import { strict as assert } from 'node:assert';
import { breakLines, type LineSetting } from '../../../server/src/core/layout/breakLines';

const WORD = '，。、；：？！）》”’〉」』】〕］｝．';
const LIBREOFFICE = '，。、；：？！';
const narrow = (hanging: string, firstIndent = 0): LineSetting => ({ size: 20, spacing: 0, width: 2000, firstIndent, hanging });

const lines = (text: string, setting: LineSetting): string[] => breakLines(text, 0, text.length, setting).map((l) => text.slice(l.start, l.end));

describe('breakLines', () => {
  it('fills a line with exactly as many characters as cells', () => {
    assert.deepEqual(lines('一二三四五六七八九十甲乙丙', narrow(WORD)), ['一二三四五六七八九十', '甲乙丙']);
  });

  it('indents the first line', () => {
    assert.deepEqual(lines('一二三四五六七八九十甲乙丙', narrow(WORD, 400)), ['一二三四五六七八', '九十甲乙丙']);
  });

  it('pushes a comma that would start a line in, past the end of the full line', () => {
    for (const hanging of [WORD, LIBREOFFICE]) {
      assert.deepEqual(lines('一二三四五六七八九十，甲乙', narrow(hanging)), ['一二三四五六七八九十，', '甲乙']);
    }
  });

  it('hangs a closing quote as Word does, and pulls the character before it down as LibreOffice does', () => {
    assert.deepEqual(lines('一二三四五六七八九十”甲', narrow(WORD)), ['一二三四五六七八九十”', '甲']);
    assert.deepEqual(lines('一二三四五六七八九十”甲', narrow(LIBREOFFICE)), ['一二三四五六七八九', '十”甲']);
  });

  it('pulls the character back when two closing marks would start the line (only one can hang)', () => {
    assert.deepEqual(lines('一二三四五六七八九十”。甲', narrow(WORD)), ['一二三四五六七八九', '十”。甲']);
  });

  it('never ends a line with an opening mark', () => {
    // 《 fits as the 10th character, but 十 after it does not: 《 goes down with it.
    assert.deepEqual(lines('一二三四五六七八九《十》', narrow(WORD)), ['一二三四五六七八九', '《十》']);
    assert.deepEqual(lines('一二三四五六七八九“十”', narrow(WORD)), ['一二三四五六七八九', '“十”']);
    // A quote opened earlier on the line is no obstacle: the break falls inside the quotation.
    assert.deepEqual(lines('一二三四五六七八“九十”', narrow(WORD)), ['一二三四五六七八“九', '十”']);
  });

  it('keeps a —— whole and never starts a line with it', () => {
    // 九 and —— need three cells where two are left: 九 goes down with the dash.
    assert.deepEqual(lines('一二三四五六七八九——甲', narrow(WORD)), ['一二三四五六七八', '九——甲']);
  });

  it('breaks a line of only —— where it is full, between two dashes', () => {
    // Seven dashes of two cells: five fill the line; no break is allowed, so it breaks where full.
    assert.deepEqual(lines('——————————————', narrow(WORD)), ['——————————', '————']);
  });

  it('keeps a run of digits whole: four digits take two cells, and a quarter em (50 twips) parts them from Chinese', () => {
    // 6 cells, a gap, 2019 (400), a gap, 年: 1900 twips; 七 does not fit.
    assert.deepEqual(lines('一二三四五六2019年七八', narrow(WORD)), ['一二三四五六2019年', '七八']);
    // Without the two gaps 年 would fill the line exactly.
    assert.deepEqual(lines('一二三四五六七2019年', narrow(WORD)), ['一二三四五六七2019', '年']);
    assert.deepEqual(lines('一二三四五六七八九2019年', narrow(WORD)), ['一二三四五六七八九', '2019年']);
  });

  it('keeps a Latin word whole, and breaks after a space', () => {
    // abcdefg is 3165/1000 em (633 twips): it does not fit in the 400 left.
    assert.deepEqual(lines('一二三四五六七八abcdefg', narrow(WORD)), ['一二三四五六七八', 'abcdefg']);
    // 7 cells, a space (50), big (255.6), a space: 1755.6 twips; data (333.2) does not fit. The space stays at the line's end.
    assert.deepEqual(lines('一二三四五六七 big data', narrow(WORD)), ['一二三四五六七 big ', 'data']);
  });

  it('sets a closing quote after a Latin letter as narrow as an ASCII quote where LibreOffice does so', () => {
    // 七 ends at 1600 with “, AB is 277.8 twips (no gap beside a mark): a full-width ” (200) would not fit.
    assert.deepEqual(lines('一二三四五六七“AB”甲', narrow(LIBREOFFICE)), ['一二三四五六七', '“AB”甲']);
    // Times' " is 81.6 twips: the quote fits, 甲 does not.
    assert.deepEqual(lines('一二三四五六七“AB”甲', { ...narrow(LIBREOFFICE), quotesFollowLatin: true }), ['一二三四五六七“AB”', '甲']);
  });

  it('splits a Latin run longer than the line where the line is full', () => {
    // 25 digits of 100 twips: 20 fill a line.
    assert.deepEqual(lines('1234567890123456789012345', narrow(WORD)), ['12345678901234567890', '12345']);
  });

  it('never splits a surrogate pair', () => {
    const text = '一二三四五六七八九𠀀十';
    assert.deepEqual(lines(text, narrow(WORD)), ['一二三四五六七八九𠀀', '十']);
  });

  it('makes one empty line of an empty paragraph', () => {
    assert.deepEqual(breakLines('', 0, 0, narrow(WORD)), [{ start: 0, end: 0, width: 0 }]);
  });
});
