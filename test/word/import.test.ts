import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, Document, FootnoteReferenceRun, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { parse, type Section, type SpeechDocument } from '../../server/src/core';
import { exportDocx, importDocx } from '../../server/src/word';

const corpus = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'corpus', name), 'utf8');

/** Everything the round trip must keep: titles, speakers, sections with markers and headings, paragraph texts and roles. */
function structure(doc: SpeechDocument): unknown {
  const section = (s: Section): unknown => ({
    level: s.level,
    marker: s.marker.text,
    heading: s.heading.text,
    paragraphs: s.paragraphs.map((p) => p.content),
    children: s.children.map(section),
  });
  return {
    title: doc.title?.text,
    subtitle: doc.subtitle?.text,
    speeches: doc.speeches.map((s) => ({
      title: s.title?.text,
      subtitle: s.subtitle?.text,
      speaker: s.speaker?.paragraph.content,
      name: s.speaker?.name?.text,
      lead: s.lead.map((p) => p.content),
      sections: s.sections.map(section),
      closing: s.closing.map((p) => p.content),
    })),
    paragraphs: doc.paragraphs.map((p) => [p.role, p.content]),
  };
}

const roundTrip = async (text: string) => importDocx(await exportDocx(parse(text)));

describe('import from Word', () => {
  describe('round trip: export then import gives back text and structure', () => {
    for (const [name, speeches, sections] of [
      ['000_0f1e9368376be244.txt', 8, 25],
      ['people-daily-2020-cppcc-exchange.txt', 15, 0],
      ['spc-2019-70th-symposium.txt', 6, 0],
    ] as const) {
      it(name, async () => {
        const original = parse(corpus(name));
        const result = await roundTrip(corpus(name));
        const back = parse(result.text);
        assert.deepEqual(structure(back), structure(original));
        // Not vacuous: the structure compared is the corpus's.
        assert.equal(back.speeches.length, speeches);
        assert.equal(back.speeches.reduce((n, s) => n + s.sections.length, 0), sections);
        assert.ok(back.speeches.every((s) => s.title && s.speaker));
        assert.deepEqual(result.notes, []);
      });

      it(`${name}, with the speech styles stripped: the parser finds the same structure`, async () => {
        const original = parse(corpus(name));
        const zip = await JSZip.loadAsync(await exportDocx(original));
        const documentXml = await zip.file('word/document.xml')!.async('string');
        const unstyled = documentXml.replace(/<w:pStyle w:val="[^"]*"\/>/g, '');
        assert.notEqual(unstyled, documentXml);
        zip.file('word/document.xml', unstyled);
        const result = await importDocx(await zip.generateAsync({ type: 'nodebuffer' }));
        assert.deepEqual(structure(parse(result.text)), structure(original));
      });
    }
  });

  it('writes a compilation in the Markdown form: # title, ## ——subtitle, ### speech title, speaker, body', async () => {
    const { text } = await roundTrip(corpus('000_0f1e9368376be244.txt'));
    assert.ok(
      text.startsWith(
        '# 以高水平党建工作引领政协事业高质量发展\n\n' +
          '## ——全省政协系统党的建设工作经验交流会发言摘登\n\n' +
          '### 构建理论武装大格局 推动政协党建与履职双提升\n\n' +
          '唐山市政协主席、党组书记 胡国辉\n\n' +
          '近五年来，唐山市政协以“理论学习+思想大武装”为切入点，',
      ),
    );
    assert.ok(text.endsWith('。\n') && !text.endsWith('\n\n'));
    assert.ok(text.includes('\n\n### 把思想政治引领深植委员心中\n\n省政协财政经济委员会主任、分党组书记 韩咏梅\n\n'));
  });

  it('gives a lone speech a # title, and keeps its —— subtitle line', async () => {
    const draft = '关于推进基层治理的发言\n——在全市经验交流会上\n某某市政协主席 张三\n\n近年来，我们做了一些工作。\n\n一、抓组织。组织建设是基础。\n';
    const { text, notes } = await roundTrip(draft);
    assert.equal(
      text,
      '# 关于推进基层治理的发言\n\n——在全市经验交流会上\n\n某某市政协主席 张三\n\n近年来，我们做了一些工作。\n\n一、抓组织。组织建设是基础。\n',
    );
    assert.deepEqual(notes, []);
    const speech = parse(text).speeches[0];
    assert.deepEqual([speech.title?.text, speech.subtitle?.text, speech.speaker?.name?.value], ['关于推进基层治理的发言', '——在全市经验交流会上', '张三']);
  });

  it('knows its own titles by their styles, even a speech title with no speaker line under it', async () => {
    // Read as plain text, 搭建协商平台 would be a stray line: only a speaker line starts a speech there.
    const draft = '# 基层协商经验交流会发言摘登\n\n### 搭建协商平台\n\n我们搭建协商平台。\n\n### 强化理论武装\n\n甲市政协主席 张三\n\n近年来，我们加强学习。\n';
    const { text } = await roundTrip(draft);
    assert.equal(text, draft);
    assert.deepEqual(
      parse(text).speeches.map((s) => [s.title?.text, s.speaker?.name?.value]),
      [
        ['搭建协商平台', undefined],
        ['强化理论武装', '张三'],
      ],
    );
  });

  describe('a document written elsewhere (no speech styles)', () => {
    // A 1×1 PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const foreign = (): Document =>
      new Document({
        footnotes: { 1: { children: [new Paragraph('数据来自统计年鉴。')] } },
        sections: [
          {
            children: [
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('关于加强基层协商的发言')] }),
              new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun('某某县政协主席 王小明')] }),
              new Paragraph({ children: [] }),
              // Indented by hand with U+3000, and broken by a soft line break.
              new Paragraph({ children: [new TextRun('\u3000\u3000近年来，我们坚持'), new TextRun({ text: '协商为民。', break: 1 })] }),
              new Paragraph({ children: [new TextRun('一、搭平台。'), new TextRun('平台建设是基础。'), new FootnoteReferenceRun(1)] }),
              new Table({
                rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('指标')] }), new TableCell({ children: [new Paragraph('数量')] })] })],
              }),
              new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: 10, height: 10 } })] }),
              new Paragraph('二、强队伍。队伍是关键。'),
            ],
          },
        ],
      });

    it('finds title, speaker line and sections through the parser', async () => {
      const { text } = await importDocx(await Packer.toBuffer(foreign()));
      assert.equal(
        text,
        [
          '# 关于加强基层协商的发言',
          '某某县政协主席 王小明',
          '近年来，我们坚持协商为民。',
          '一、搭平台。平台建设是基础。',
          '指标',
          '数量',
          '二、强队伍。队伍是关键。',
        ].join('\n\n') + '\n',
      );
      const speech = parse(text).speeches[0];
      assert.equal(speech.speaker?.name?.value, '王小明');
      assert.deepEqual(speech.sections.map((s) => s.marker.text), ['一、', '二、']);
    });

    it('reports what it could not carry over, at the nearest line, in Chinese and English', async () => {
      const { notes } = await importDocx(await Packer.toBuffer(foreign()));
      assert.deepEqual(notes, [
        { kind: 'line-break', line: 5, message: { zh: '段内换行已合并为一段', en: 'A line break inside a paragraph was joined into one line' } },
        { kind: 'footnote', line: 7, message: { zh: '脚注未导入，内容为：数据来自统计年鉴。', en: 'Footnote not imported; it reads: 数据来自统计年鉴。' } },
        {
          kind: 'table',
          line: 9,
          message: { zh: '第 1 个表格已拆成段落导入，请核对', en: 'Table 1 was imported as plain paragraphs, one per cell paragraph; check it' },
        },
        // The image stood alone in a paragraph before 二、, which is line 13.
        { kind: 'image', line: 13, message: { zh: '图片无法导入草稿，已略去', en: 'An image cannot be held by a draft and was left out' } },
        { kind: 'empty-paragraphs', message: { zh: '已忽略 2 个空段落', en: '2 empty paragraph(s) ignored' } },
      ]);
    });
  });

  it('reports a comment with its text at the line it was made on', async () => {
    const doc = new Document({
      comments: { children: [{ id: 0, author: '审稿人', date: new Date(0), children: [new Paragraph('此处数据请核实。')] }] },
      sections: [
        {
          children: [
            new Paragraph('关于加强基层协商的发言'),
            new Paragraph('某某县政协主席 王小明'),
            new Paragraph({
              children: [new CommentRangeStart(0), new TextRun('近年来，协商活动开展了120次。'), new CommentRangeEnd(0), new TextRun({ children: [new CommentReference(0)] })],
            }),
          ],
        },
      ],
    });
    const { text, notes } = await importDocx(await Packer.toBuffer(doc));
    assert.equal(text, '# 关于加强基层协商的发言\n\n某某县政协主席 王小明\n\n近年来，协商活动开展了120次。\n');
    assert.deepEqual(notes, [{ kind: 'comment', line: 5, message: { zh: '批注未导入，内容为：此处数据请核实。', en: 'Comment not imported; it reads: 此处数据请核实。' } }]);
  });

  it('rejects bytes that are not a Word document', async () => {
    await assert.rejects(importDocx(Buffer.from('not a zip')), /^Error: Not a readable Word \(\.docx\) file/);
  });
});
