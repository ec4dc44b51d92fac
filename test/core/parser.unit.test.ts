import { strict as assert } from 'node:assert';
import { parse, type Section } from '../../server/src/core';

const outline = (s: Section): unknown => [s.marker.text, s.level, s.marker.number, s.marker.standard, s.children.map(outline)];

describe('parser', () => {
  it('returns an empty model for empty, blank and BOM-only text', () => {
    for (const text of ['', '\n\n', '\uFEFF', '\uFEFF\r\n', '\u3000\u3000 \n']) {
      const doc = parse(text);
      assert.equal(doc.speeches.length, 0, JSON.stringify(text));
      assert.equal(doc.paragraphs.length, 0);
    }
  });

  it('keeps a BOM out of every node and notes CRLF', () => {
    const text = '\uFEFF# 标题一\r\n\r\n某某市政协主席 张三\r\n\r\n导语。\r\n\r\n一、第一部分。正文。\r\n';
    const doc = parse(text);
    assert.equal(doc.bom, 1);
    assert.equal(doc.eol, '\r\n');
    const s = doc.speeches[0];
    assert.equal(s.title?.span.start, 3);
    assert.equal(s.title?.text, '标题一');
    assert.equal(s.speaker?.name?.value, '张三');
    assert.equal(s.sections[0].heading.text, '第一部分。');
    // Ranges stop before the CR.
    assert.equal(text.slice(s.sections[0].span.start, s.sections[0].span.end), '一、第一部分。正文。');
  });

  it('reads a single Markdown speech whose title is a level-1 heading', () => {
    const doc = parse('# 扎实推进工作\n\n某县政协主席 李四\n\n导语。\n\n一、甲。\n\n二、乙。\n');
    assert.equal(doc.title, undefined);
    assert.equal(doc.speeches.length, 1);
    assert.equal(doc.speeches[0].title?.text, '扎实推进工作');
    assert.deepEqual(doc.speeches[0].sections.map((s) => s.marker.number), [1, 2]);
  });

  it('reads a plain speech whose speaker line is missing, titled by its first line', () => {
    const doc = parse('扎实推进工作\n\n近年来，我们做了很多工作。\n');
    assert.equal(doc.speeches.length, 1);
    assert.equal(doc.speeches[0].title?.text, '扎实推进工作');
    assert.equal(doc.speeches[0].speaker, undefined);
  });

  it('reads a new plain draft holding only its title line as a title with no speaker line', () => {
    const doc = parse('强化责任担当 推进工作落实\n');
    assert.equal(doc.speeches.length, 1);
    assert.equal(doc.speeches[0].title?.text, '强化责任担当 推进工作落实');
    assert.equal(doc.speeches[0].speaker, undefined);
    assert.deepEqual(doc.speeches[0].lead, []);
    // A lone sentence is still body text, not a title.
    assert.equal(parse('今年以来，我们认真落实部署。\n').speeches[0].title, undefined);
  });

  it('starts a title-less speech at a speaker line that has no heading above it', () => {
    const doc = parse('### 标题甲\n\n某市政协主席 张三\n\n正文。\n\n某市政协副主席 李四\n\n正文。\n');
    assert.equal(doc.speeches.length, 2);
    assert.equal(doc.speeches[1].title, undefined);
    assert.equal(doc.speeches[1].speaker?.name?.value, '李四');
  });

  it('takes a —— line under a speech title for its subtitle', () => {
    const doc = parse('### 主标题\n——副标题文字\n某市政协主席 张三\n\n正文。\n');
    assert.equal(doc.speeches[0].subtitle?.text, '——副标题文字');
    assert.equal(doc.speeches[0].speaker?.name?.value, '张三');
  });

  it('reads malformed speaker lines right after a title', () => {
    const glued = parse('### 标题\n\n唐山市政协主席胡国辉\n\n正文。\n').speeches[0].speaker!;
    assert.equal(glued.separator, undefined);
    assert.equal(glued.name?.value, '胡国辉');
    assert.deepEqual(glued.positions.map((p) => p.text), ['主席']);
    const commas = parse('### 标题\n\n唐山市政协主席，党组书记 胡国辉。\n\n正文。\n').speeches[0].speaker!;
    assert.deepEqual(commas.joiners.map((j) => j.text), ['，']);
    assert.equal(commas.trailing?.text, '。');
    assert.equal(commas.name?.value, '胡国辉');
  });

  it('reads the 姓名（单位职务） speaker form', () => {
    const sp = parse('### 标题\n\n胡国辉（唐山市政协主席、党组书记）\n\n正文。\n').speeches[0].speaker!;
    assert.equal(sp.form, 'parenthesized');
    assert.equal(sp.name?.value, '胡国辉');
    assert.deepEqual(sp.positions.map((p) => p.text), ['主席', '党组书记']);
  });

  it('nests sections by level and flags non-standard markers', () => {
    const doc = parse('### 标题\n\n某市政协主席 张三\n\n导语。\n\n一、甲。\n\n（一）子一。\n\n1.孙一。\n\n（1）曾孙。\n\n（二）子二。\n\n二.乙。\n\n(一)子。\n');
    assert.deepEqual(doc.speeches[0].sections.map(outline), [
      ['一、', 1, 1, true, [['（一）', 2, 1, true, [['1.', 3, 1, true, [['（1）', 4, 1, true, []]]]]], ['（二）', 2, 2, true, []]]],
      ['二.', 1, 2, false, [['(一)', 2, 1, false, []]]],
    ]);
    assert.equal(doc.speeches[0].sections[1].marker.canonical, '二、');
  });

  it('reads `1、` as level 1 at the top and as level 3 under a Chinese-numbered section', () => {
    const top = parse('### 标题\n\n某市政协主席 张三\n\n1、甲。\n\n2、乙。\n').speeches[0].sections;
    assert.deepEqual(top.map((s) => [s.level, s.marker.canonical]), [[1, '一、'], [1, '二、']]);
    const nested = parse('### 标题\n\n某市政协主席 张三\n\n一、甲。\n\n1、子。\n').speeches[0].sections;
    assert.deepEqual(nested[0].children.map((s) => [s.level, s.marker.canonical]), [[3, '1.']]);
  });

  it('does not take numbers, decimals or years for markers', () => {
    const doc = parse('### 标题\n\n某市政协主席 张三\n\n1.5倍的增长。\n\n2019年，我们开始了。\n\n一、\n');
    assert.equal(doc.speeches[0].sections.length, 0);
    assert.equal(doc.speeches[0].lead.length, 3);
  });

  it('marks an unterminated heading', () => {
    const s = parse('### 标题\n\n某市政协主席 张三\n\n一、加强理论武装\n\n正文。\n').speeches[0].sections[0];
    assert.equal(s.heading.text, '加强理论武装');
    assert.equal(s.heading.terminated, false);
    assert.equal(s.paragraphs.length, 2);
  });

  it('separates closing paragraphs that open like a closing remark', () => {
    const s = parse('### 标题\n\n某市政协主席 张三\n\n导语。\n\n一、甲。\n\n续文。\n\n下一步，我们将继续努力。\n\n谢谢大家。\n').speeches[0];
    assert.deepEqual(s.sections[0].paragraphs.map((p) => p.content), ['一、甲。', '续文。']);
    assert.deepEqual(s.closing.map((p) => p.content), ['下一步，我们将继续努力。', '谢谢大家。']);
  });

  it('groups item runs per family and restarts at one', () => {
    const s = parse('### 标题\n\n某市政协主席 张三\n\n一、甲。一是学习。第一，读书；第二，思考。二是实践。三是总结。一是再来。\n').speeches[0].sections[0];
    assert.deepEqual(
      s.itemRuns.map((r) => [r.family, r.items.map((i) => i.number)]),
      [['shi', [1, 2, 3]], ['di', [1, 2]], ['shi', [1]]],
    );
  });

  it('ignores item words inside other words and orphan 其次/三要', () => {
    const doc = parse('### 标题\n\n某市政协主席 张三\n\n统一是前提，第一时间赶到，最后一公里，三要素齐全，其次，还要注意。\n');
    assert.deepEqual(doc.speeches[0].itemRuns, []);
  });

  it('keeps comment lines out of paragraphs', () => {
    const doc = parse('<!-- speechlint-disable -->\n### 标题\n\n某市政协主席 张三\n');
    assert.equal(doc.comments.length, 1);
    assert.equal(doc.comments[0].body, 'speechlint-disable');
    assert.equal(doc.paragraphs.length, 2);
  });

  it('never splits a surrogate pair in a name or title', () => {
    const doc = parse('### 𠮷野家\n\n某市政协主席 𠮷田\n');
    assert.equal(doc.speeches[0].title?.text, '𠮷野家');
    assert.equal(doc.speeches[0].speaker?.name?.value, '𠮷田');
  });
});
