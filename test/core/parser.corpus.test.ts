import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type Section, type SpeechDocument } from '../../server/src/core';
import { SEED_SPEECHES } from '../helpers/seedSpeeches';

const corpus = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'corpus', name), 'utf8');
const slice = (doc: SpeechDocument, span: { start: number; end: number }): string => doc.text.slice(span.start, span.end);

describe('parser on the real corpus', () => {
  describe('seed compilation (Markdown, 8 speeches)', () => {
    const doc = parse(corpus('000_0f1e9368376be244.txt'));

    it('reads the compilation title and subtitle', () => {
      assert.equal(doc.syntax, 'markdown');
      assert.equal(doc.title?.text, '以高水平党建工作引领政协事业高质量发展');
      assert.equal(doc.subtitle?.text, '——全省政协系统党的建设工作经验交流会发言摘登');
      assert.equal(doc.title?.paragraph.line, 4);
    });

    it('finds the 8 speeches with their titles and speakers', () => {
      assert.deepEqual(
        doc.speeches.map((s) => [s.title?.text, s.speaker?.name?.value]),
        SEED_SPEECHES,
      );
    });

    it('splits the speaker line into unit, positions and name', () => {
      const sp = doc.speeches[0].speaker!;
      assert.equal(sp.unit?.text, '唐山市政协');
      assert.deepEqual(sp.positions.map((p) => p.text), ['主席', '党组书记']);
      assert.deepEqual(sp.joiners.map((j) => j.text), ['、']);
      assert.equal(sp.separator?.text, ' ');
      assert.equal(slice(doc, sp.name!.span), '胡国辉');
      assert.equal(doc.speeches[1].speaker?.unit?.text, '省政协财政经济委员会');
      assert.deepEqual(doc.speeches[1].speaker?.positions.map((p) => p.text), ['主任', '分党组书记']);
    });

    it('reads lead paragraphs and level-1 sections with numbers and heading sentences', () => {
      assert.deepEqual(doc.speeches.map((s) => s.sections.length), [3, 3, 4, 3, 3, 3, 3, 3]);
      assert.ok(doc.speeches.every((s) => s.lead.length === 1 && s.closing.length === 0));
      const first = doc.speeches[0].sections[0];
      assert.equal(first.level, 1);
      assert.equal(first.marker.text, '一、');
      assert.equal(first.marker.number, 1);
      assert.ok(first.marker.standard);
      assert.equal(first.heading.text, '以加强理论武装为中心，夯实党建工作基础。');
      assert.ok(first.heading.terminated);
      assert.equal(slice(doc, first.heading.span), first.heading.text);
      assert.deepEqual(doc.speeches[2].sections.map((s) => s.marker.number), [1, 2, 3, 4]);
    });

    it('keeps a section running over the paragraph that a column break split off', () => {
      // Line 14 ends mid-sentence and line 16 continues it: both belong to section 一.
      const s = doc.speeches[0].sections[0];
      assert.deepEqual(s.paragraphs.map((p) => p.line), [14, 16]);
      assert.equal(doc.lines.positionAt(s.span.end).line, 16);
    });

    it('finds the item runs of each section with their numbers', () => {
      const runs = (s: Section): string[] => s.itemRuns.map((r) => r.items.map((i) => `${i.text}${i.number}`).join(','));
      assert.deepEqual(doc.speeches[0].sections.map(runs), [['一是1,二是2,三是3'], ['一是1,二是2,三是3'], ['一是1,二是2,三是3']]);
      assert.deepEqual(doc.speeches[2].sections.map(runs), [[], ['一是1,二是2,三是3,四是4'], [], []]);
      // Section 三 of the 固安 speech: its items start in a later paragraph (line 120).
      const guan = doc.speeches[6].sections[2];
      assert.equal(guan.itemRuns[0].items[0].paragraph.line, 120);
      // `第一时间` is not an item marker.
      assert.ok(doc.speeches[0].sections[0].itemRuns.every((r) => r.family === 'shi'));
    });
  });

  describe('people-daily compilation (plain text, indented with U+3000)', () => {
    const doc = parse(corpus('people-daily-2020-cppcc-exchange.txt'));

    it('reads 15 speeches with titles and speakers, names printed with a space read whole', () => {
      assert.equal(doc.syntax, 'plain');
      assert.equal(doc.title?.text, '全国地方政协工作经验交流会发言摘编');
      assert.deepEqual(
        doc.speeches.map((s) => s.speaker?.name?.value),
        ['葛慧君', '徐立全', '雷杰', '董云虎', '蓝天立', '李银峰', '刘伟', '韩勇', '石艳', '江泽林', '王荣', '吉林', '黄巍东', '盛茂林', '侯光辉'],
      );
      assert.equal(doc.speeches[2].speaker?.name?.text, '雷 杰');
      assert.equal(doc.speeches[2].title?.text, '更好做到“落实下去”“凝聚起来”');
      assert.equal(doc.speeches[0].title?.text, '做强平台 纵深推进 双向发力');
      assert.equal(doc.speeches[14].title?.text, '开展“院坝协商” 助力基层治理');
    });

    it('has no numbered sections; run-in points are lead paragraphs with item runs', () => {
      assert.ok(doc.speeches.every((s) => s.sections.length === 0));
      assert.deepEqual(doc.speeches[2].itemRuns.map((r) => r.items.length), [5]);
      assert.equal(doc.speeches[2].lead.length, 6);
    });

    it('indentation is not content', () => {
      const title = doc.speeches[0].title!;
      assert.equal(doc.text.slice(title.paragraph.span.start, title.paragraph.contentStart), '\u3000\u3000');
    });
  });

  describe('spc compilation (plain text, two spaces before the name, no blank lines)', () => {
    const doc = parse(corpus('spc-2019-70th-symposium.txt'));

    it('reads 6 speeches', () => {
      assert.equal(doc.title?.text, '庆祝中华人民共和国成立70周年暨最高人民法院建院70周年座谈会发言摘登');
      assert.deepEqual(
        doc.speeches.map((s) => [s.title?.text, s.speaker?.name?.value, s.speaker?.separator?.text]),
        [
          ['珍惜成绩 开创未来', '费宗祎', '  '],
          ['为党和国家发展大局作出更大贡献', '高晓力', '  '],
          ['三十年的法院情怀', '宋鱼水', '  '],
          ['最高人民法院是我成长的摇篮', '孙世光', '  '],
          ['让法治日益成为信仰的70年', '张蓓蓓', '  '],
          ['奋力推进人民司法壮阔伟业', '黄明耀', '  '],
        ],
      );
      assert.deepEqual(doc.speeches[2].speaker?.positions.map((p) => p.text), ['党组成员', '副院长']);
      assert.equal(doc.speeches[0].speaker?.unit?.text, '最高人民法院原经济审判庭');
    });

    it('reads 第一，…第五， as one item run', () => {
      assert.deepEqual(doc.speeches[0].itemRuns.map((r) => [r.family, r.items.map((i) => i.number)]), [['di', [1, 2, 3, 4, 5]]]);
    });
  });
});
