import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRule, parse, type Rule } from '../../server/src/core';
import { compile, type Draft } from '../../server/src/core/compile';
import { exportDocx } from '../../server/src/word';
import { openDocx, paragraphs } from './ooxml';

const corpus = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'corpus', name), 'utf8');

const A: Draft = {
  name: 'a.speech.md',
  text: '# 强化理论武装\n甲市政协主席 张三\n\n近年来，我们加强学习。\n\n一、抓学习。学习是基础。\n\n二、抓落实。落实是关键。\n',
};
const B: Draft = { name: 'b.speech.txt', text: '推动协商议政\n乙市政协主席 李四\n\n我们搭建协商平台。\n' };
/** Level-1 sections 一、 then 三、: a gap, which `section-numbering` reports as an error. */
const C: Draft = {
  name: 'c.speech.md',
  text: '# 深化委员履职\n丙市政协主席 王五\n\n委员是主体。\n\n一、抓培训。培训要实。\n\n三、抓考核。考核要严。\n',
};

const TITLE = '以高水平党建工作引领政协事业高质量发展';
const SUBTITLE = '全省政协系统党的建设工作经验交流会发言摘登';

/** A rule that reports the first paragraph of every document, for testing which findings block. */
const reporter = (category: 'structure' | 'text', id: string): Rule => ({
  meta: { id, category, defaultSeverity: 'error', description: { zh: '测试', en: 'test' }, messages: { hit: { zh: '测试', en: 'test' } }, fixable: false },
  check(ctx) {
    const p = ctx.doc.paragraphs[0];
    // Rules also run over the compilation frame, which a single draft leaves empty.
    if (!p) return;
    ctx.report({ span: { start: p.contentStart, end: p.contentEnd }, messageId: 'hit' });
  },
});

describe('compile drafts into a 发言摘登', () => {
  it('joins the speeches in the order given, under # title and ## ——subtitle', () => {
    const { text, blocked } = compile([B, A], { title: TITLE, subtitle: SUBTITLE });
    assert.equal(
      text,
      [
        `# ${TITLE}`,
        `## ——${SUBTITLE}`,
        '### 推动协商议政',
        '乙市政协主席 李四',
        '我们搭建协商平台。',
        '### 强化理论武装',
        '甲市政协主席 张三',
        '近年来，我们加强学习。',
        '一、抓学习。学习是基础。',
        '二、抓落实。落实是关键。',
      ].join('\n\n') + '\n',
    );
    assert.deepEqual(blocked, []);
  });

  it('produces a compilation the parser reads back as one', () => {
    const doc = parse(compile([B, A], { title: TITLE, subtitle: SUBTITLE }).text);
    assert.equal(doc.title?.text, TITLE);
    assert.equal(doc.subtitle?.text, `——${SUBTITLE}`);
    assert.deepEqual(
      doc.speeches.map((s) => [s.title?.text, s.speaker?.name?.value, s.sections.length]),
      [
        ['推动协商议政', '李四', 0],
        ['强化理论武装', '张三', 2],
      ],
    );
  });

  it('puts —— before a subtitle only once, and leaves out a blank title or subtitle', () => {
    assert.ok(compile([B], { title: TITLE, subtitle: `——${SUBTITLE}` }).text.startsWith(`# ${TITLE}\n\n## ——${SUBTITLE}\n\n### 推动协商议政`));
    assert.ok(compile([B], { title: ' ', subtitle: '' }).text.startsWith('### 推动协商议政\n\n'));
  });

  it('keeps a speech subtitle as a —— line under its title', () => {
    const D: Draft = { name: 'd.speech.md', text: '# 发挥委员作用\n——在全省经验交流会上的发言\n丁市政协主席 赵六\n\n正文。\n' };
    const { text } = compile([D], { title: TITLE });
    assert.equal(text, `# ${TITLE}\n\n### 发挥委员作用\n\n——在全省经验交流会上的发言\n\n丁市政协主席 赵六\n\n正文。\n`);
    assert.equal(parse(text).speeches[0].subtitle?.text, '——在全省经验交流会上的发言');
  });

  it('takes the speeches of a draft that is itself a compilation, dropping its own title and subtitle', () => {
    const seed = parse(corpus('000_0f1e9368376be244.txt'));
    const doc = parse(compile([{ name: 'seed', text: seed.text }], { title: '新的汇编标题' }).text);
    assert.equal(doc.title?.text, '新的汇编标题');
    assert.equal(doc.subtitle, undefined);
    assert.deepEqual(
      doc.speeches.map((s) => s.paragraphs.map((p) => p.content)),
      seed.speeches.map((s) => s.paragraphs.map((p) => p.content)),
    );
  });

  it('writes CRLF line ends when asked', () => {
    const { text } = compile([B], { title: TITLE, eol: '\r\n' });
    assert.equal(text, `# ${TITLE}\r\n\r\n### 推动协商议政\r\n\r\n乙市政协主席 李四\r\n\r\n我们搭建协商平台。\r\n`);
  });

  describe('drafts with structure errors', () => {
    it('names a draft whose level-1 sections skip a number, with the finding, and still compiles all in order', () => {
      assert.ok(findRule('section-numbering'), 'section-numbering is in the catalog');
      const { text, blocked } = compile([A, C, B], { title: TITLE });
      assert.deepEqual(
        blocked.map((b) => [b.name, b.errors.map((f) => [f.ruleId, f.severity, C.text.slice(f.span.start, f.span.end)])]),
        [['c.speech.md', [['section-numbering', 'error', '三、']]]],
      );
      assert.deepEqual(
        parse(text).speeches.map((s) => s.title?.text),
        ['强化理论武装', '深化委员履职', '推动协商议政'],
      );
    });

    it('lets the draft’s configuration decide: section-numbering turned down to a warning does not block', () => {
      const relaxed: Draft = { ...C, lint: { rules: { 'section-numbering': 'warning' } } };
      assert.deepEqual(compile([relaxed], { title: TITLE }).blocked, []);
    });

    it('blocks on errors of structure rules only, not on text errors or structure warnings', () => {
      const structureError = reporter('structure', 'test-structure');
      const textError = reporter('text', 'test-text');
      const blockedBy = (lint: Draft['lint']): string[][] => compile([{ ...B, lint }], { title: TITLE }).blocked.map((b) => b.errors.map((f) => f.ruleId));
      assert.deepEqual(blockedBy({ only: [structureError, textError] }), [['test-structure']]);
      assert.deepEqual(blockedBy({ only: [textError] }), []);
      assert.deepEqual(blockedBy({ only: [structureError], rules: { 'test-structure': 'warning' } }), []);
    });
  });

  it('goes straight on to Word: the compilation exports with its title, subtitle and speeches', async () => {
    const { text } = compile([B, A], { title: TITLE, subtitle: SUBTITLE });
    const written = paragraphs((await openDocx(await exportDocx(parse(text)))).document);
    assert.deepEqual(
      written.slice(0, 4).map((p) => [p.style, p.runs.map((r) => r.text).join('')]),
      [
        ['SpeechCompilationTitle', TITLE],
        ['SpeechCompilationSubtitle', `——${SUBTITLE}`],
        ['SpeechTitle', '推动协商议政'],
        ['SpeechSpeaker', '乙市政协主席 李四'],
      ],
    );
  });
});
