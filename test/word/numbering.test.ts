import { strict as assert } from 'node:assert';
import { formatNumber } from '../../server/src/word/numberFormat';
import { Numbering, type ParagraphNumberingProperties } from '../../server/src/word/numbering';
import { documentParagraphs, numberLabels, type TreeNode } from '../../server/src/word/numberLabels';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

interface LevelSpec {
  format: string;
  text: string;
  start?: number;
  restart?: number;
  legal?: boolean;
  suffix?: 'tab' | 'space' | 'nothing';
  style?: string;
}

function lvl(ilvl: number, l: LevelSpec): string {
  return (
    `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${l.start ?? 1}"/>` +
    (l.style ? `<w:pStyle w:val="${l.style}"/>` : '') +
    `<w:numFmt w:val="${l.format}"/>` +
    (l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : '') +
    (l.legal ? '<w:isLgl/>' : '') +
    (l.suffix ? `<w:suff w:val="${l.suffix}"/>` : '') +
    `<w:lvlText w:val="${l.text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>`
  );
}

function abstractNum(id: number, levels: LevelSpec[], extra = ''): string {
  return `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${extra}${levels.map((l, i) => lvl(i, l)).join('')}</w:abstractNum>`;
}

function num(id: number, abstractId: number, starts: Record<number, number> = {}): string {
  const overrides = Object.entries(starts)
    .map(([level, start]) => `<w:lvlOverride w:ilvl="${level}"><w:startOverride w:val="${start}"/></w:lvlOverride>`)
    .join('');
  return `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
}

function numberingXml(...parts: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering ${W}>${parts.join('')}</w:numbering>`;
}

/** The official four levels: 一、 （一） 1. （1）, no suffix as Chinese documents set them. */
const OFFICIAL: LevelSpec[] = [
  { format: 'chineseCounting', text: '%1、', suffix: 'nothing' },
  { format: 'chineseCounting', text: '（%2）', suffix: 'nothing' },
  { format: 'decimal', text: '%3.', suffix: 'nothing' },
  { format: 'decimal', text: '（%4）', suffix: 'nothing' },
];

/** Labels of these paragraphs in order ('' for a paragraph without one, '∅' for an empty label). */
function labels(numbering: Numbering, paragraphs: ParagraphNumberingProperties[]): string[] {
  return paragraphs.map((p) => {
    const label = numbering.next(p);
    return label === undefined ? '' : label.text === '' ? '∅' : label.text;
  });
}

const at = (numId: string, level: number): ParagraphNumberingProperties => ({ styleId: null, numId, level });
const plain: ParagraphNumberingProperties = { styleId: null };

describe('Word automatic numbering', () => {
  describe('number formats (hand-checked against what Word draws)', () => {
    const table: [format: string, value: number, expected: string][] = [
      ['decimal', 1, '1'],
      ['decimal', 12, '12'],
      ['decimalZero', 3, '03'],
      ['decimalZero', 10, '10'],
      ['upperRoman', 4, 'IV'],
      ['upperRoman', 1994, 'MCMXCIV'],
      ['lowerRoman', 9, 'ix'],
      ['upperLetter', 1, 'A'],
      ['upperLetter', 26, 'Z'],
      ['upperLetter', 27, 'AA'],
      ['lowerLetter', 28, 'bb'],
      ['chineseCounting', 1, '一'],
      ['chineseCounting', 10, '十'],
      ['chineseCounting', 11, '十一'],
      ['chineseCounting', 20, '二十'],
      ['chineseCounting', 99, '九十九'],
      ['chineseCounting', 100, '一〇〇'],
      ['chineseCountingThousand', 9, '九'],
      ['chineseCountingThousand', 10, '十'],
      ['chineseCountingThousand', 15, '十五'],
      ['chineseCountingThousand', 21, '二十一'],
      ['chineseCountingThousand', 100, '一百'],
      ['chineseCountingThousand', 101, '一百零一'],
      ['chineseCountingThousand', 110, '一百一十'],
      ['chineseCountingThousand', 1001, '一千零一'],
      ['chineseCountingThousand', 10500, '一万零五百'],
      ['taiwaneseCountingThousand', 12, '十二'],
      ['taiwaneseCountingThousand', 20000, '二萬'],
      ['chineseLegalSimplified', 3, '叁'],
      ['chineseLegalSimplified', 10, '壹拾'],
      ['chineseLegalSimplified', 12, '壹拾贰'],
      ['chineseLegalSimplified', 205, '贰佰零伍'],
      ['ideographLegalTraditional', 12, '壹拾貳'],
      ['ideographTraditional', 1, '甲'],
      ['ideographTraditional', 10, '癸'],
      ['ideographZodiac', 1, '子'],
      ['ideographZodiac', 12, '亥'],
      ['ideographZodiacTraditional', 1, '甲子'],
      ['ideographZodiacTraditional', 11, '甲戌'],
      ['ideographZodiacTraditional', 60, '癸亥'],
      ['ideographDigital', 105, '一〇五'],
      ['decimalEnclosedCircle', 1, '①'],
      ['decimalEnclosedCircle', 20, '⑳'],
      ['decimalEnclosedCircle', 21, '21'],
      ['decimalEnclosedCircleChinese', 3, '③'],
      ['decimalEnclosedParen', 2, '⑵'],
      ['decimalEnclosedFullstop', 5, '⒌'],
      ['ideographEnclosedCircle', 4, '㈣'],
      ['decimalFullWidth', 12, '１２'],
      ['numberInDash', 7, '- 7 -'],
      ['ordinal', 2, '2nd'],
      ['ordinal', 13, '13th'],
      ['custom:001, 002, 003, ...', 7, '007'],
      ['none', 5, ''],
    ];
    for (const [format, value, expected] of table) {
      it(`${format} ${value} → ${expected || '(nothing)'}`, () => {
        assert.deepEqual(formatNumber(value, format), { text: expected, exact: true });
      });
    }

    it('past the end of a closed set of signs (甲…癸, 子…亥), decimal stands in and says so', () => {
      assert.deepEqual(formatNumber(11, 'ideographTraditional'), { text: '11', exact: false });
      assert.deepEqual(formatNumber(13, 'ideographZodiac'), { text: '13', exact: false });
      assert.deepEqual(formatNumber(0, 'upperRoman'), { text: '0', exact: false });
    });

    it('formats it does not draw are undefined, not guessed', () => {
      for (const format of ['hebrew1', 'arabicAbjad', 'koreanCounting', 'cardinalText', 'ordinalText', 'thaiLetters', 'japaneseCounting', 'custom:a, b, c']) {
        assert.equal(formatNumber(3, format), undefined, format);
      }
    });
  });

  describe('counting as Word counts', () => {
    it('four levels in the Chinese official style, a lower level restarting under each new parent', () => {
      const numbering = new Numbering(numberingXml(abstractNum(0, OFFICIAL), num(1, 0)), undefined);
      const p = (level: number) => at('1', level);
      assert.deepEqual(labels(numbering, [p(0), p(1), p(1), p(2), p(3), p(3), p(2), plain, p(0), p(1), p(2), p(3), p(0)]), [
        '一、', '（一）', '（二）', '1.', '（1）', '（2）', '2.', '', '二、', '（一）', '1.', '（1）', '三、',
      ]);
    });

    it('instances of one template share its counts: a second w:num continues the list', () => {
      const numbering = new Numbering(numberingXml(abstractNum(0, OFFICIAL), num(1, 0), num(2, 0)), undefined);
      assert.deepEqual(labels(numbering, [at('1', 0), at('2', 0), at('1', 0)]), ['一、', '二、', '三、']);
    });

    it('w:startOverride restarts the shared count at the first paragraph of its instance, and the list goes on from there', () => {
      const numbering = new Numbering(numberingXml(abstractNum(0, OFFICIAL), num(1, 0), num(2, 0, { 0: 1 }), num(3, 0, { 0: 5 })), undefined);
      assert.deepEqual(labels(numbering, [at('1', 0), at('1', 0), at('2', 0), at('2', 0), at('1', 0), at('3', 0), at('3', 0)]), [
        '一、', '二、', '一、', '二、', '三、', '五、', '六、',
      ]);
    });

    it('a w:lvl inside w:lvlOverride changes what it says for its instance; the rest comes from the template', () => {
      const override = '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/><w:lvl w:ilvl="0"><w:lvlText w:val="第%1条"/></w:lvl></w:lvlOverride></w:num>';
      const numbering = new Numbering(numberingXml(abstractNum(0, OFFICIAL), num(1, 0), override), undefined);
      assert.deepEqual(labels(numbering, [at('1', 0), at('2', 0), at('2', 1), at('2', 0), at('1', 0)]), ['一、', '第一条', '（一）', '第二条', '三、']);
    });

    it('separate templates count apart; w:start sets where a level begins', () => {
      const numbering = new Numbering(
        numberingXml(abstractNum(0, OFFICIAL), abstractNum(1, [{ format: 'decimal', text: '%1.', start: 3, suffix: 'nothing' }]), num(1, 0), num(2, 1)),
        undefined,
      );
      assert.deepEqual(labels(numbering, [at('1', 0), at('2', 0), at('1', 0), at('2', 0)]), ['一、', '3.', '二、', '4.']);
    });

    it('w:lvlRestart: 0 never restarts; 1 restarts only under a new first level', () => {
      const levels: LevelSpec[] = [
        { format: 'decimal', text: '%1.', suffix: 'nothing' },
        { format: 'decimal', text: '%1.%2', suffix: 'nothing' },
        { format: 'lowerLetter', text: '%3)', suffix: 'nothing', restart: 1 },
        { format: 'decimal', text: '(%4)', suffix: 'nothing', restart: 0 },
      ];
      const numbering = new Numbering(numberingXml(abstractNum(0, levels), num(1, 0)), undefined);
      const p = (level: number) => at('1', level);
      assert.deepEqual(labels(numbering, [p(0), p(1), p(2), p(3), p(1), p(2), p(3), p(0), p(2), p(3)]), [
        '1.', '1.1', 'a)', '(1)', '1.2', 'b)', '(2)', '2.', 'a)', '(3)',
      ]);
    });

    it('%1.%2 shows each level in its own format; a higher level never used counts as 0, as Word shows 0.1', () => {
      const levels: LevelSpec[] = [
        { format: 'upperRoman', text: '%1.', suffix: 'nothing' },
        { format: 'decimal', text: '%1.%2', suffix: 'nothing' },
      ];
      const numbering = new Numbering(numberingXml(abstractNum(0, levels), num(1, 0)), undefined);
      assert.deepEqual(labels(numbering, [at('1', 1), at('1', 0), at('1', 1), at('1', 0), at('1', 1)]), ['0.1', 'I.', 'I.1', 'II.', 'II.1']);
    });

    it('w:isLgl draws the higher levels in decimal, the level itself in its own format', () => {
      const levels: LevelSpec[] = [
        { format: 'upperRoman', text: 'Article %1.', suffix: 'nothing' },
        { format: 'decimalZero', text: 'Section %1.%2', suffix: 'nothing', legal: true },
      ];
      const numbering = new Numbering(numberingXml(abstractNum(0, levels), num(1, 0)), undefined);
      assert.deepEqual(labels(numbering, [at('1', 0), at('1', 1), at('1', 0), at('1', 1)]), ['Article I.', 'Section 1.01', 'Article II.', 'Section 2.01']);
    });

    it('a paragraph numbered one level deeper than any placeholder shows only what its text holds', () => {
      const levels: LevelSpec[] = [{ format: 'none', text: '第%1部分', suffix: 'nothing' }, { format: 'chineseCounting', text: '%2%3是', suffix: 'nothing' }];
      const numbering = new Numbering(numberingXml(abstractNum(0, levels), num(1, 0)), undefined);
      assert.deepEqual(labels(numbering, [at('1', 0), at('1', 1), at('1', 1)]), ['第部分', '一是', '二是']);
    });
  });

  describe('what follows the number (w:suff)', () => {
    const numberingWith = (text: string, suffix?: 'tab' | 'space' | 'nothing') =>
      new Numbering(numberingXml(abstractNum(0, [{ format: 'chineseCountingThousand', text, suffix }]), num(1, 0)), undefined);

    it('a tab or space after a label that ends in its own separator (一、 （一） 1.) adds nothing', () => {
      assert.equal(numberingWith('%1、', 'tab').next(at('1', 0))?.text, '一、');
      assert.equal(numberingWith('（%1）').next(at('1', 0))?.text, '（一）');
      assert.equal(numberingWith('%1.', 'space').next(at('1', 0))?.text, '一.');
    });

    it('after a label with no separator of its own (第一章) it becomes one full-width space; w:suff nothing adds none', () => {
      assert.equal(numberingWith('第%1章', 'tab').next(at('1', 0))?.text, '第一章\u3000');
      assert.equal(numberingWith('第%1章', 'space').next(at('1', 0))?.text, '第一章\u3000');
      assert.equal(numberingWith('第%1章', 'nothing').next(at('1', 0))?.text, '第一章');
    });
  });

  describe('numbering from paragraph styles (styles.xml)', () => {
    const styles = `<w:styles ${W}>
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
      <w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="KeyHeading2"><w:basedOn w:val="Heading2"/><w:pPr><w:jc w:val="left"/></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Changed"><w:pPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:pPrChange></w:pPr></w:style>
      <w:style w:type="character" w:styleId="Heading1Char"><w:basedOn w:val="Heading1"/></w:style>
    </w:styles>`;
    const levels: LevelSpec[] = [
      { ...OFFICIAL[0], style: 'Heading1' },
      { ...OFFICIAL[1], style: 'Heading2' },
    ];

    it('a style with w:numPr numbers its paragraphs; its level comes from w:ilvl, or from the level naming the style', () => {
      const numbering = new Numbering(numberingXml(abstractNum(0, levels), num(1, 0)), styles);
      const style = (styleId: string): ParagraphNumberingProperties => ({ styleId });
      assert.deepEqual(labels(numbering, [style('Heading1'), style('Heading2'), style('Normal'), style('Heading2'), style('Heading1'), style('Heading2')]), [
        '一、', '（一）', '', '（二）', '二、', '（一）',
      ]);
    });

    it('a style based on a numbered style (w:basedOn) inherits its numbering', () => {
      const numbering = new Numbering(numberingXml(abstractNum(0, levels), num(1, 0)), styles);
      assert.deepEqual(labels(numbering, [{ styleId: 'Heading1' }, { styleId: 'KeyHeading2' }, { styleId: 'Heading2' }]), ['一、', '（一）', '（二）']);
    });

    it('w:numId 0 on the paragraph takes the style’s numbering away; its own w:ilvl moves it to another level', () => {
      const numbering = new Numbering(numberingXml(abstractNum(0, levels), num(1, 0)), styles);
      assert.deepEqual(labels(numbering, [{ styleId: 'Heading1', numId: '0' }, { styleId: 'Heading1' }, { styleId: 'Heading1', level: 1 }]), ['', '一、', '（一）']);
    });

    it('the former properties of a tracked change (w:pPrChange) do not number, nor does a character style', () => {
      const numbering = new Numbering(numberingXml(abstractNum(0, levels), num(1, 0)), styles);
      assert.deepEqual(labels(numbering, [{ styleId: 'Changed' }, { styleId: 'Heading1Char' }]), ['', '']);
    });

    it('a template linked to a numbering style (w:numStyleLink) takes its levels from the template that defines the style', () => {
      const linkStyles = `<w:styles ${W}><w:style w:type="numbering" w:styleId="OfficialList"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style></w:styles>`;
      const xml = numberingXml(
        abstractNum(0, OFFICIAL, '<w:styleLink w:val="OfficialList"/>'),
        '<w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="OfficialList"/></w:abstractNum>',
        num(7, 0),
        num(8, 1),
      );
      assert.deepEqual(labels(new Numbering(xml, linkStyles), [at('8', 0), at('8', 1), at('7', 0)]), ['一、', '（一）', '二、']);
      // Without styles.xml the pair is found by the style both name.
      assert.deepEqual(labels(new Numbering(xml, undefined), [at('8', 0), at('8', 0)]), ['一、', '二、']);
    });
  });

  describe('what is not drawn as a number', () => {
    it('bullets give no text; the first of a run of bullets carries a note naming the bullet', () => {
      const xml = numberingXml(abstractNum(0, [{ format: 'bullet', text: '\uf0b7' }]), abstractNum(1, OFFICIAL), num(1, 0), num(2, 1));
      const numbering = new Numbering(xml, undefined);
      const results = [at('1', 0), at('1', 0), plain, at('1', 0), at('2', 0)].map((p) => numbering.next(p));
      assert.deepEqual(results.map((r) => r?.text), ['', '', undefined, '', '一、']);
      assert.deepEqual(results.map((r) => r?.note !== undefined), [true, false, false, true, false]);
      assert.equal(results[0]?.note?.zh, '此处起的项目符号（•）未导入，草稿不带项目符号');
      assert.match(results[0]?.note?.en ?? '', /bullets .*\(•\)/);
    });

    it('a format it cannot draw is written in Arabic digits with a note naming the format', () => {
      const xml = numberingXml(abstractNum(0, [{ format: 'hebrew1', text: '%1.', suffix: 'nothing' }]), num(1, 0));
      const label = new Numbering(xml, undefined).next(at('1', 0));
      assert.equal(label?.text, '1.');
      assert.equal(label?.note?.zh, 'Word 自动编号的格式 hebrew1 无法照原样导入，编号已按阿拉伯数字写作“1.”，请核对');
      assert.match(label?.note?.en ?? '', /format hebrew1 cannot be imported/);
    });

    it('甲乙丙 past its tenth sign is noted too', () => {
      const numbering = new Numbering(numberingXml(abstractNum(0, [{ format: 'ideographTraditional', text: '%1、', suffix: 'nothing' }]), num(1, 0)), undefined);
      const results = Array.from({ length: 11 }, () => numbering.next(at('1', 0)));
      assert.equal(results[9]?.text, '癸、');
      assert.equal(results[9]?.note, undefined);
      assert.equal(results[10]?.text, '11、');
      assert.match(results[10]?.note?.zh ?? '', /ideographTraditional/);
    });

    it('Word 2010’s custom format (a choice with a fallback) is drawn from the choice: 001', () => {
      const xml = numberingXml(
        `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:suff w:val="nothing"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>`,
        num(1, 0),
      );
      assert.equal(new Numbering(xml, undefined).next(at('1', 0))?.text, '001.');
    });

    it('a paragraph pointing at an instance or level that is not defined has no label', () => {
      const numbering = new Numbering(numberingXml(abstractNum(0, OFFICIAL), num(1, 0), num(2, 9)), undefined);
      assert.deepEqual(labels(numbering, [at('5', 0), at('2', 0), at('1', 7), at('1', 0)]), ['', '', '', '一、']);
    });

    it('hostile numbering parts are read without throwing: cycles of links and of basedOn, junk values', () => {
      const xml = numberingXml(
        '<w:abstractNum w:abstractNumId="0"><w:numStyleLink w:val="A"/></w:abstractNum>',
        num(1, 0),
        '<w:num w:numId="2"><w:abstractNumId w:val="x"/><w:lvlOverride w:ilvl="99"><w:startOverride w:val="z"/></w:lvlOverride></w:num>',
        '<w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="-1"/><w:lvl w:ilvl="0"><w:start w:val="abc"/><w:lvlText w:val="%1%9%"/></w:lvl></w:abstractNum>',
        num(3, 3),
      );
      const styles = `<w:styles ${W}><w:style w:type="numbering" w:styleId="A"><w:basedOn w:val="B"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style></w:styles>`;
      const numbering = new Numbering(xml, styles);
      assert.deepEqual(labels(numbering, [at('1', 0), at('2', 0), { styleId: 'B' }, at('3', 0)]), ['', '', '', '0%\u3000']);
    });

    it('a level text past any real one (over 255 characters) gives no label and a note, whatever the number of paragraphs', () => {
      const numbering = new Numbering(numberingXml(abstractNum(0, [{ format: 'decimal', text: '%1'.repeat(200) }]), num(1, 0)), undefined);
      const label = numbering.next(at('1', 0));
      assert.equal(label?.text, '');
      assert.match(label?.note?.zh ?? '', /超过 255 字/);
      assert.match(label?.note?.en ?? '', /longer than 255 characters/);
    });
  });

  describe('the document part read as mammoth reads it', () => {
    const body = (inner: string) => `<w:document ${W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${inner}</w:body></w:document>`;
    const p = (props: string, text = 'x') => `<w:p><w:pPr>${props}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const numPr = (numId: number, level = 0) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${numId}"/></w:numPr>`;

    it('gives each paragraph its style and own numbering, tables and content controls included', () => {
      const xml = body(
        p('<w:pStyle w:val="Title"/>') +
          p(numPr(1)) +
          `<w:tbl><w:tr><w:tc>${p(numPr(1, 1))}</w:tc></w:tr></w:tbl>` +
          `<w:sdt><w:sdtPr/><w:sdtContent>${p('<w:pStyle w:val="Heading1"/>')}</w:sdtContent></w:sdt>` +
          '<w:p/>',
      );
      assert.deepEqual(documentParagraphs(xml), [
        { styleId: 'Title' },
        { styleId: null, numId: '1', level: 0 },
        { styleId: null, numId: '1', level: 1 },
        { styleId: 'Heading1' },
        { styleId: null },
      ]);
    });

    it('leaves out what mammoth leaves out: a deleted paragraph mark, a deleted row, a choice (it reads the fallback), a former w:numPr', () => {
      const xml = body(
        p(`${numPr(1)}<w:rPr><w:del w:id="1" w:author="a"/></w:rPr>`) +
          `<w:tbl><w:tr><w:trPr><w:del w:id="2" w:author="a"/></w:trPr><w:tc>${p(numPr(1))}</w:tc></w:tr></w:tbl>` +
          `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent>${p(numPr(2))}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${p(numPr(3))}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
          p(`<w:pPrChange w:id="3"><w:pPr>${numPr(4)}</w:pPr></w:pPrChange>`),
      );
      assert.deepEqual(documentParagraphs(xml), [{ styleId: null }, { styleId: null, numId: '3', level: 0 }, { styleId: null }]);
    });
  });

  describe('namespace prefixes other than Word’s own', () => {
    it('a part binding the WordprocessingML namespace to another prefix, or making it the default, reads the same', () => {
      const MAIN = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
      const prefixed = `<ns0:document xmlns:ns0="${MAIN}"><ns0:body><ns0:p><ns0:pPr><ns0:pStyle ns0:val="H"/><ns0:numPr><ns0:ilvl ns0:val="1"/><ns0:numId ns0:val="4"/></ns0:numPr></ns0:pPr></ns0:p></ns0:body></ns0:document>`;
      const unprefixed = `<document xmlns="${MAIN}" xmlns:x="${MAIN}"><body><p><pPr><pStyle x:val="H"/><numPr><ilvl x:val="1"/><numId x:val="4"/></numPr></pPr></p></body></document>`;
      for (const xml of [prefixed, unprefixed]) assert.deepEqual(documentParagraphs(xml), [{ styleId: 'H', numId: '4', level: 1 }]);
      const numbering = `<n:numbering xmlns:n="${MAIN}"><n:abstractNum n:abstractNumId="0"><n:lvl n:ilvl="0"><n:start n:val="1"/><n:numFmt n:val="chineseCounting"/><n:suff n:val="nothing"/><n:lvlText n:val="%1、"/></n:lvl></n:abstractNum><n:num n:numId="4"><n:abstractNumId n:val="0"/></n:num></n:numbering>`;
      assert.equal(new Numbering(numbering, undefined).next(at('4', 0))?.text, '一、');
    });
  });

  describe('handing labels to the paragraphs mammoth read', () => {
    it('gives no label, and says so once, when the two readings of the paragraphs disagree', async () => {
      const { Document, Packer, Paragraph, LevelFormat } = await import('docx');
      const doc = new Document({
        numbering: { config: [{ reference: 'sections', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' }] }] },
        sections: [{ children: [new Paragraph({ text: '总体情况', numbering: { reference: 'sections', level: 0 } }), new Paragraph('正文')] }],
      });
      const docx = await Packer.toBuffer(doc);
      const { boundDocx } = await import('../../server/src/word/docxBounds');
      // The bytes mammoth reads: the checked entries zipped again.
      const checked = boundDocx(docx).zip();
      const paragraph = (styleId: string | null): TreeNode => ({ type: 'paragraph', styleId, children: [] });
      // The docx package gives a numbered paragraph its ListParagraph style.
      const agreeing: TreeNode = { type: 'document', children: [paragraph('ListParagraph'), paragraph(null)] };
      const good = numberLabels(checked, agreeing);
      assert.equal(good.note, undefined);
      assert.deepEqual([...good.labels.values()].map((l) => l.text), ['一、']);
      assert.equal(good.labels.get(agreeing.children![0])?.text, '一、');

      const oneMore: TreeNode = { type: 'document', children: [paragraph('ListParagraph'), paragraph(null), paragraph(null)] };
      const otherStyles: TreeNode = { type: 'document', children: [paragraph(null), paragraph('ListParagraph')] };
      for (const tree of [oneMore, otherStyles]) {
        const bad = numberLabels(checked, tree);
        assert.equal(bad.labels.size, 0);
        assert.match(bad.note?.zh ?? '', /自动编号.*未能与段落逐一对应/);
        assert.match(bad.note?.en ?? '', /could not be matched/);
      }

      // A file with lists defined but no numbered paragraph: a disagreement is silent, unless mammoth saw a list level.
      const unnumbered = boundDocx(
        await Packer.toBuffer(
          new Document({
            numbering: { config: [{ reference: 'sections', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、' }] }] },
            sections: [{ children: [new Paragraph('正文')] }],
          }),
        ),
      ).zip();
      const twoPlain: TreeNode = { type: 'document', children: [paragraph(null), paragraph(null)] };
      assert.deepEqual(numberLabels(unnumbered, twoPlain), { labels: new Map() });
      const mammothSawAList: TreeNode = { type: 'document', children: [paragraph(null), { ...paragraph(null), numbering: { level: '0', isOrdered: true } }] };
      assert.match(numberLabels(unnumbered, mammothSawAList).note?.zh ?? '', /未能与段落逐一对应/);
    });
  });
});
