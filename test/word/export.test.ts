import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ParagraphRole } from '../../server/src/core';
import { ExportOptionError, exportDocx } from '../../server/src/word';
import { child, elements, only, openDocx, paragraphs, style, type DocxParts } from './ooxml';

const corpus = (name: string): string => readFileSync(join(__dirname, '..', 'fixtures', 'corpus', name), 'utf8');
const CORPUS = ['000_0f1e9368376be244.txt', 'people-daily-2020-cppcc-exchange.txt', 'spc-2019-70th-symposium.txt'];

/** The style each paragraph role must carry, written out here rather than taken from the code. */
const STYLE_OF_ROLE: Record<ParagraphRole, string> = {
  'compilation-title': 'SpeechCompilationTitle',
  'compilation-subtitle': 'SpeechCompilationSubtitle',
  'speech-title': 'SpeechTitle',
  'speech-subtitle': 'SpeechSubtitle',
  speaker: 'SpeechSpeaker',
  body: 'SpeechBody',
};

const exportText = async (text: string, options = {}): Promise<DocxParts> => openDocx(await exportDocx(parse(text), options));

/** `w:rFonts`, `w:sz` and paragraph properties of a style, for compact assertions. */
function styleFacts(stylesXml: string, id: string): { eastAsia?: string; ascii?: string; size?: string; jc?: string; spacing?: Record<string, string>; ind?: Record<string, string>; snapToGrid: string[]; keepNext: boolean } {
  const s = style(stylesXml, id);
  const rPr = child(s, 'w:rPr');
  const pPr = child(s, 'w:pPr');
  const fonts = elements(rPr, 'w:rFonts')[0];
  return {
    eastAsia: fonts?.['w:eastAsia'],
    ascii: fonts?.['w:ascii'],
    size: elements(rPr, 'w:sz')[0]?.['w:val'],
    jc: elements(pPr, 'w:jc')[0]?.['w:val'],
    spacing: elements(pPr, 'w:spacing')[0],
    ind: elements(pPr, 'w:ind')[0],
    snapToGrid: [...elements(pPr, 'w:snapToGrid'), ...elements(rPr, 'w:snapToGrid')].map((e) => e['w:val']),
    keepNext: elements(pPr, 'w:keepNext').length === 1,
  };
}

describe('export to Word', () => {
  describe('page, grid, styles and footers (seed compilation)', () => {
    let parts: DocxParts;
    before(async () => {
      parts = await exportText(corpus('000_0f1e9368376be244.txt'));
    });

    it('sets an A4 page: 210 × 297 mm = 11906 × 16838 twips', () => {
      assert.deepEqual(only(parts.document, 'w:pgSz'), { 'w:w': '11906', 'w:h': '16838', 'w:orient': 'portrait' });
    });

    it('sets the margins 37/35/28/26 mm in twips, and the footer 7 mm under the type area', () => {
      const m = only(parts.document, 'w:pgMar');
      // 1 mm = 1440/25.4 twips: 37 → 2097.6, 35 → 1984.3, 28 → 1587.4, 26 → 1474.0.
      assert.deepEqual([m['w:top'], m['w:bottom'], m['w:left'], m['w:right']], ['2098', '1984', '1587', '1474']);
      // 1984 − 7 mm (397) − one 14 pt line (280).
      assert.equal(m['w:footer'], '1307');
    });

    it('sets a line grid of 22 lines: pitch 12756/22 → 579 twips, and no character grid (no cell narrower than the font)', () => {
      assert.deepEqual(only(parts.document, 'w:docGrid'), { 'w:type': 'lines', 'w:linePitch': '579' });
    });

    it('fits 28 body characters to the line by condensing each by 6 twips: 8845/28 = 315.9 → 315 − 320 = −5, one more for slack', () => {
      // 28 × (320 − 6) = 8792 ≤ 8845 twips of line; 29 × 314 = 9106 does not fit.
      const body = child(style(parts.styles, 'SpeechBody'), 'w:rPr');
      assert.deepEqual(elements(body, 'w:spacing'), [{ 'w:val': '-6' }]);
      for (const id of ['Normal', 'SpeechTitle', 'SpeechSpeaker', 'SpeechHeading1', 'SpeechHeading2']) {
        assert.deepEqual(elements(child(style(parts.styles, id), 'w:rPr'), 'w:spacing'), [], `${id} keeps its natural width`);
      }
    });

    it('gives Normal and the document defaults the body font at 3号, against which the grid is measured', () => {
      const defaults = child(child(parts.styles, 'w:docDefaults'), 'w:rPrDefault');
      assert.equal(only(defaults, 'w:rFonts')['w:eastAsia'], '仿宋_GB2312');
      assert.equal(only(defaults, 'w:sz')['w:val'], '32');
      const normal = styleFacts(parts.styles, 'Normal');
      assert.deepEqual([normal.eastAsia, normal.size], ['仿宋_GB2312', '32']);
    });

    it('sets the compilation title in 方正小标宋简体 2号 (44 half-points), centred, off the line grid', () => {
      const f = styleFacts(parts.styles, 'SpeechCompilationTitle');
      assert.deepEqual([f.eastAsia, f.ascii, f.size, f.jc], ['方正小标宋简体', 'Times New Roman', '44', 'center']);
      assert.deepEqual(f.snapToGrid, ['0']);
      assert.deepEqual(f.spacing, { 'w:before': '0', 'w:after': '0', 'w:line': '579', 'w:lineRule': 'exact' });
    });

    it('keeps titles, subtitles and speaker lines on the page of the paragraph after them, and the body free to break anywhere', () => {
      for (const id of ['SpeechCompilationTitle', 'SpeechCompilationSubtitle', 'SpeechTitle', 'SpeechSubtitle', 'SpeechSpeaker']) {
        assert.equal(styleFacts(parts.styles, id).keepNext, true, id);
      }
      assert.equal(styleFacts(parts.styles, 'SpeechBody').keepNext, false);
      // No widow and orphan control: a full page holds all 22 lines.
      assert.deepEqual(elements(child(style(parts.styles, 'Normal'), 'w:pPr'), 'w:widowControl'), [{ 'w:val': '0' }]);
    });

    it('sets the subtitles in 楷体_GB2312 3号, centred; speech titles of a compilation in 3号', () => {
      for (const id of ['SpeechCompilationSubtitle', 'SpeechSubtitle']) {
        const f = styleFacts(parts.styles, id);
        assert.deepEqual([f.eastAsia, f.size, f.jc], ['楷体_GB2312', '32', 'center'], id);
      }
      const title = styleFacts(parts.styles, 'SpeechTitle');
      assert.deepEqual([title.eastAsia, title.size, title.jc], ['方正小标宋简体', '32', 'center']);
    });

    it('sets the speaker line in 楷体_GB2312 3号, centred, with a blank line after it', () => {
      const f = styleFacts(parts.styles, 'SpeechSpeaker');
      assert.deepEqual([f.eastAsia, f.size, f.jc], ['楷体_GB2312', '32', 'center']);
      assert.deepEqual(f.spacing, { 'w:before': '0', 'w:after': '579', 'w:line': '579', 'w:lineRule': 'exact' });
    });

    it('sets the body in 仿宋_GB2312 3号 (32 half-points), justified, exact 579-twip lines, first line indented two characters', () => {
      const f = styleFacts(parts.styles, 'SpeechBody');
      assert.deepEqual([f.eastAsia, f.ascii, f.size, f.jc], ['仿宋_GB2312', 'Times New Roman', '32', 'both']);
      assert.deepEqual(f.spacing, { 'w:before': '0', 'w:after': '0', 'w:line': '579', 'w:lineRule': 'exact' });
      // 200 hundredths of a character; 640 twips = 2 × 16 pt for readers without character units.
      assert.deepEqual(f.ind, { 'w:firstLineChars': '200', 'w:firstLine': '640' });
      assert.deepEqual(f.snapToGrid, [], 'body text stays on the grid');
    });

    it('defines the heading sentence fonts as character styles: level 1 黑体, level 2 楷体_GB2312', () => {
      assert.match(style(parts.styles, 'SpeechHeading1'), /^<w:style w:type="character"/);
      assert.equal(styleFacts(parts.styles, 'SpeechHeading1').eastAsia, '黑体');
      assert.equal(styleFacts(parts.styles, 'SpeechHeading2').eastAsia, '楷体_GB2312');
    });

    it('turns on different odd and even footers', () => {
      assert.deepEqual(elements(parts.settings, 'w:evenAndOddHeaders'), [{}]);
      assert.deepEqual(Object.keys(parts.footers).sort(), ['default', 'even']);
    });

    for (const [type, jc, indent] of [
      ['default', 'right', 'w:right'],
      ['even', 'left', 'w:left'],
    ] as const) {
      it(`puts "— PAGE —" in 4号 宋体 on the outer side of ${type === 'default' ? 'odd' : 'even'} pages, one character in`, () => {
        const footer = parts.footers[type];
        assert.equal(only(footer, 'w:jc')['w:val'], jc);
        assert.deepEqual(only(footer, 'w:ind'), { [indent]: '280' });
        const texts = [...footer.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>|<w:fldChar w:fldCharType="(\w+)"/g)].map((m) => m[1] ?? m[2] ?? `[${m[3]}]`);
        assert.deepEqual(texts, ['— ', '[begin]', 'PAGE', '[separate]', '[end]', ' —']);
        for (const fonts of elements(footer, 'w:rFonts')) assert.equal(fonts['w:eastAsia'], '宋体');
        assert.ok(elements(footer, 'w:sz').length > 0);
        for (const size of elements(footer, 'w:sz')) assert.equal(size['w:val'], '28');
      });
    }
  });

  describe('paragraphs', () => {
    for (const name of CORPUS) {
      it(`writes every paragraph of ${name} in order, with its role's style and its words`, async () => {
        const doc = parse(corpus(name));
        const written = paragraphs((await exportText(corpus(name))).document);
        assert.deepEqual(
          written.map((p) => [p.style, p.runs.map((r) => r.text).join('')]),
          doc.paragraphs.map((p) => [STYLE_OF_ROLE[p.role], p.content]),
        );
      });
    }

    it('keeps a speaker line as written (雷 杰 with its space) and titles with their closing quotes', async () => {
      const written = paragraphs((await exportText(corpus('people-daily-2020-cppcc-exchange.txt'))).document);
      const texts = written.map((p) => [p.style, p.runs.map((r) => r.text).join('')]);
      assert.ok(texts.some(([s, t]) => s === 'SpeechSpeaker' && t === '山东省济南市政协主席 雷 杰'));
      assert.ok(texts.some(([s, t]) => s === 'SpeechTitle' && t === '更好做到“落实下去”“凝聚起来”'));
    });

    it('sets a level-1 heading sentence in its own run (黑体) and the rest of the paragraph plain', async () => {
      const written = paragraphs((await exportText(corpus('000_0f1e9368376be244.txt'))).document);
      const first = written.find((p) => p.runs[0]?.text.startsWith('一、以加强理论武装'))!;
      assert.equal(first.runs.length, 2);
      assert.deepEqual(first.runs[0], { style: 'SpeechHeading1', text: '一、以加强理论武装为中心，夯实党建工作基础。' });
      assert.equal(first.runs[1].style, undefined);
      assert.ok(first.runs[1].text.startsWith('一是学习内容突出“准”。'));
    });

    it('sets level 2 in 楷体, levels 3–4 plain; strips a title’s trailing punctuation', async () => {
      const draft = [
        '# 关于推进基层治理的发言。',
        '某某市政协主席 张三',
        '',
        '近年来，我们做了一些工作。',
        '',
        '一、抓组织。组织建设是基础。',
        '（一）建机制。机制管长远。',
        '1.定制度。制度要落实。',
        '（1）抓考核。考核要严。',
        '二、抓作风',
        '',
      ].join('\n');
      const written = paragraphs((await exportText(draft)).document);
      assert.deepEqual(
        written.map((p) => [p.style, p.runs]),
        [
          ['SpeechTitle', [{ style: undefined, text: '关于推进基层治理的发言' }]],
          ['SpeechSpeaker', [{ style: undefined, text: '某某市政协主席 张三' }]],
          ['SpeechBody', [{ style: undefined, text: '近年来，我们做了一些工作。' }]],
          ['SpeechBody', [{ style: 'SpeechHeading1', text: '一、抓组织。' }, { style: undefined, text: '组织建设是基础。' }]],
          ['SpeechBody', [{ style: 'SpeechHeading2', text: '（一）建机制。' }, { style: undefined, text: '机制管长远。' }]],
          ['SpeechBody', [{ style: undefined, text: '1.定制度。制度要落实。' }]],
          ['SpeechBody', [{ style: undefined, text: '（1）抓考核。考核要严。' }]],
          ['SpeechBody', [{ style: 'SpeechHeading1', text: '二、抓作风' }]],
        ],
      );
    });

    it('runs speeches on with a blank line (579 twips) before each one, none before the first line of the page', async () => {
      const written = paragraphs((await exportText(corpus('000_0f1e9368376be244.txt'))).document);
      const spaced = written.map((p, i) => [i, elements(p.properties, 'w:spacing')[0]?.['w:before']]).filter(([, before]) => before !== undefined);
      const titles = written.map((p, i) => [i, p.style] as const).filter(([, s]) => s === 'SpeechTitle');
      assert.equal(titles.length, 8);
      assert.deepEqual(spaced, titles.map(([i]) => [i, '579']));
      assert.ok(written.every((p) => !p.properties.includes('w:pageBreakBefore')));
    });
  });

  describe('options', () => {
    const speech = '# 做强平台 纵深推进 双向发力\n\n浙江省政协主席 葛慧君\n\n浙江省政协搭建双向发力平台。\n';

    it('sets a lone speech’s title at 2号 and starts it with no space above', async () => {
      const parts = await exportText(speech);
      assert.equal(styleFacts(parts.styles, 'SpeechTitle').size, '44');
      assert.deepEqual(paragraphs(parts.document)[0].properties, '<w:pStyle w:val="SpeechTitle"/>');
    });

    it('takes the title font from the options', async () => {
      const parts = await exportText(speech, { titleFont: '方正小标宋_GBK' });
      assert.equal(styleFacts(parts.styles, 'SpeechTitle').eastAsia, '方正小标宋_GBK');
    });

    it('derives the grid from lines per page and characters per line', async () => {
      // 12756/20 = 637.8 → 637; 8845/27 = 327.6 twips a character, 327 − 320 = 7, one less for slack: 6.
      const parts = await exportText(speech, { linesPerPage: 20, charsPerLine: 27 });
      assert.deepEqual(only(parts.document, 'w:docGrid'), { 'w:type': 'lines', 'w:linePitch': '637' });
      assert.equal(styleFacts(parts.styles, 'SpeechBody').spacing?.['w:line'], '637');
      assert.deepEqual(elements(child(style(parts.styles, 'SpeechBody'), 'w:rPr'), 'w:spacing'), [{ 'w:val': '6' }]);
    });

    it('leaves page numbers out when turned off', async () => {
      const parts = await exportText(speech, { pageNumbers: false });
      assert.deepEqual(parts.footers, {});
      assert.deepEqual(elements(parts.settings, 'w:evenAndOddHeaders'), [{ 'w:val': 'false' }]);
      assert.ok(!parts.files.some((f) => /footer\d*\.xml$/.test(f)));
    });

    it('starts each speech after the first on a new page when asked', async () => {
      const parts = await exportText(corpus('000_0f1e9368376be244.txt'), { pageBreakBetweenSpeeches: true });
      const titles = paragraphs(parts.document).filter((p) => p.style === 'SpeechTitle');
      assert.deepEqual(
        titles.map((p) => p.properties.includes('<w:pageBreakBefore/>')),
        [false, true, true, true, true, true, true, true],
      );
      assert.equal(elements(titles[0].properties, 'w:spacing')[0]?.['w:before'], '579');
    });

    it('refuses grids no page can hold and an empty title font, saying why in both languages', async () => {
      const refusal = (zh: string, en: string) => (error: unknown) => error instanceof ExportOptionError && error.text.zh === zh && error.text.en === en;
      await assert.rejects(
        exportDocx(parse(speech), { linesPerPage: 0 }),
        refusal('导出选项 linesPerPage 应为 15 到 30 之间的整数，现为 0', 'Export option linesPerPage must be a whole number from 15 to 30, got 0'),
      );
      await assert.rejects(
        exportDocx(parse(speech), { charsPerLine: 28.5 }),
        refusal('导出选项 charsPerLine 应为 20 到 35 之间的整数，现为 28.5', 'Export option charsPerLine must be a whole number from 20 to 35, got 28.5'),
      );
      await assert.rejects(
        exportDocx(parse(speech), { charsPerLine: 36 }),
        refusal('导出选项 charsPerLine 应为 20 到 35 之间的整数，现为 36', 'Export option charsPerLine must be a whole number from 20 to 35, got 36'),
      );
      await assert.rejects(exportDocx(parse(speech), { titleFont: ' ' }), refusal('导出选项 titleFont 不能为空', 'Export option titleFont must not be empty'));
    });

    it('takes an option left undefined (an unset setting) as its default', async () => {
      const parts = await exportText(speech, { linesPerPage: undefined, titleFont: undefined });
      assert.equal(only(parts.document, 'w:docGrid')['w:linePitch'], '579');
      assert.equal(styleFacts(parts.styles, 'SpeechTitle').eastAsia, '方正小标宋简体');
    });
  });
});
