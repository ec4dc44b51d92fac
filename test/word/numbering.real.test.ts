import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, LevelFormat, LevelSuffix, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import { parse } from '../../server/src/core';
import { exportDocx, importDocx } from '../../server/src/word';

const real = (name: string): Buffer => readFileSync(join(__dirname, '..', 'fixtures', 'word', 'real', name));

/** Line by line, so that a failure names the first line that differs. */
function assertSameLines(actual: string, expected: string): void {
  const a = actual.split('\n');
  const e = expected.split('\n');
  for (let i = 0; i < Math.max(a.length, e.length); i++) {
    assert.equal(a[i], e[i], `line ${i + 1}`);
  }
}

describe('import of Word automatic numbering from files LibreOffice wrote', () => {
  it('numbering-list.docx: four levels applied to the paragraphs, restarting under new parents and at 三 (w:startOverride)', async () => {
    const { text, notes } = await importDocx(real('numbering-list.docx'));
    assertSameLines(text, real('numbering-list.expected.md').toString('utf8'));
    assert.deepEqual(notes, []);
  });

  it('numbering-styles.docx: heading styles carrying the numbering, a tab after 一、, lists of ① and 甲、, and a noted bullet list', async () => {
    const { text, notes } = await importDocx(real('numbering-styles.docx'));
    const expected = real('numbering-styles.expected.md').toString('utf8');
    assertSameLines(text, expected);
    const bulletLine = expected.split('\n').indexOf('改造老旧小区。') + 1;
    assert.deepEqual(notes, [
      {
        kind: 'numbering',
        line: bulletLine,
        message: {
          zh: '此处起的项目符号（●）未导入，草稿不带项目符号',
          en: 'The list bullets from here on (●) were not imported: a draft holds no bullets',
        },
      },
    ]);
  });

  it('the imported drafts have the structure their expectations have: the section markers are found', async () => {
    for (const name of ['numbering-list', 'numbering-styles']) {
      const imported = parse((await importDocx(real(`${name}.docx`))).text);
      const speech = imported.speeches[0];
      assert.deepEqual(
        speech.sections.map((s) => s.marker.text),
        ['一、', '二、', '三、'].slice(0, speech.sections.length),
        name,
      );
      assert.ok(speech.sections.length >= 2, name);
      assert.deepEqual(speech.sections[0].children.map((s) => s.marker.text), ['（一）', '（二）'], name);
    }
  });
});

describe('import of numbering written the way Word writes it', () => {
  it('chineseCountingThousand with a tab, a deleted numbered paragraph not counted, numbering inside a table', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'sections',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING_THOUSAND, text: '%1、', suffix: LevelSuffix.TAB, alignment: AlignmentType.LEFT },
              { level: 1, format: LevelFormat.CHINESE_COUNTING_THOUSAND, text: '（%2）', suffix: LevelSuffix.NOTHING, alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph('关于做好基层治理工作的发言'),
            new Paragraph({ text: '总体情况', numbering: { reference: 'sections', level: 0 } }),
            new Paragraph({ children: [new TextRun('一年来，我们扎实推进各项工作。')] }),
            new Paragraph({ text: '主要做法', numbering: { reference: 'sections', level: 0 } }),
            new Paragraph({ text: '抓班子', numbering: { reference: 'sections', level: 1 } }),
            new Paragraph({ text: '带队伍', numbering: { reference: 'sections', level: 1 } }),
            new Paragraph({ text: '下一步打算', numbering: { reference: 'sections', level: 0 } }),
          ],
        },
      ],
    });
    const zip = await JSZip.loadAsync(await Packer.toBuffer(doc));
    let xml = await zip.file('word/document.xml')!.async('string');
    // Mark the paragraph mark of 带队伍 deleted (a tracked change): accepted, its text joins the next paragraph and its number goes.
    xml = xml.replace(/(<w:p>(?:(?!<\/w:p>).)*?<w:numPr>(?:(?!<\/w:p>).)*?<\/w:numPr>)(<\/w:pPr><w:r><w:t xml:space="preserve">带队伍)/, '$1<w:rPr><w:del w:id="9" w:author="审稿人" w:date="2024-01-01T00:00:00Z"/></w:rPr>$2');
    assert.match(xml, /<w:del w:id="9"/);
    zip.file('word/document.xml', xml);
    const { text } = await importDocx(await zip.generateAsync({ type: 'nodebuffer' }));
    assert.deepEqual(text.split('\n\n'), [
      '# 关于做好基层治理工作的发言',
      '一、总体情况',
      '一年来，我们扎实推进各项工作。',
      '二、主要做法',
      '（一）抓班子',
      '三、带队伍下一步打算\n',
    ]);
  });

  it('numbering carried by heading styles in styles.xml, and by a style based on one (w:basedOn)', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'headings',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', suffix: LevelSuffix.TAB },
              { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', suffix: LevelSuffix.TAB },
            ],
          },
        ],
      },
      styles: {
        paragraphStyles: [
          { id: 'Heading1', name: 'heading 1', paragraph: { numbering: { reference: 'headings', level: 0 } } },
          { id: 'Heading2', name: 'heading 2', paragraph: { numbering: { reference: 'headings', level: 1 } } },
          { id: 'KeyPoint', name: '重点', basedOn: 'Heading2' },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: '扎实推进基层治理', alignment: AlignmentType.CENTER }),
            new Paragraph({ text: '某区区长　赵强', alignment: AlignmentType.CENTER }),
            new Paragraph('今年以来，我们着力抓好三个方面的工作。'),
            new Paragraph({ text: '抓班子带队伍', style: 'Heading1' }),
            new Paragraph({ text: '选优配强班子。', style: 'KeyPoint' }),
            new Paragraph({ text: '加强教育培训。', style: 'Heading2' }),
            new Paragraph({ text: '抓服务惠民生', style: 'Heading1' }),
            new Paragraph({ text: '办好民生实事。', style: 'KeyPoint' }),
          ],
        },
      ],
    });
    const { text, notes } = await importDocx(await Packer.toBuffer(doc));
    assertSameLines(
      text,
      '# 扎实推进基层治理\n\n某区区长　赵强\n\n今年以来，我们着力抓好三个方面的工作。\n\n一、抓班子带队伍\n\n（一）选优配强班子。\n\n（二）加强教育培训。\n\n二、抓服务惠民生\n\n（一）办好民生实事。\n',
    );
    assert.deepEqual(notes, []);
  });

  it('export → import of our own exporter: markers typed as text come back once, not doubled', async () => {
    const draft = '# 发挥委员作用　服务基层群众\n\n某县政协主席　李红梅\n\n今年以来，某县政协以委员工作室为依托，组织委员深入基层。\n\n一、建好委员工作室。在各乡镇设立委员工作室12个。\n\n（一）选好场所。\n\n二、办好群众身边事。委员定期到工作室接待群众。\n';
    const docx = await exportDocx(parse(draft));
    const { text, notes } = await importDocx(docx);
    assert.equal(text, draft);
    assert.deepEqual(notes, []);
  });
});
