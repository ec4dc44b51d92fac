/**
 * What Word writes that LibreOffice does not, made by hand: moves, simple
 * fields, w:sym, DrawingML text boxes with no VML fallback, indents by
 * character count. Each is carried over or named in a note.
 */
import { strict as assert } from 'node:assert';
import { DEFAULT_LIMITS, importDocx, WordImportError } from '../../server/src/word';
import { docx, DOCUMENT_END, entry, packageParts, paragraph, W, zip } from './hostile';

const NAMESPACES = [
  W,
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
].join(' ');
const START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NAMESPACES}><w:body>`;
const REVIEW = 'w:author="审稿人" w:date="2024-07-01T09:00:00Z"';
const run = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const TITLE = paragraph('关于加强基层协商的发言') + paragraph('某县政协主席 王小明');

/** A DrawingML text box holding `text`, anchored in a run: Word's shape without its VML copy. */
const drawingBox = (text: string): string =>
  `<w:drawing><wp:anchor><wp:docPr id="1" name="文本框 1"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:txbx><w:txbxContent>${paragraph(text)}</w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>`;

describe('import of what Word writes by hand-made examples', () => {
  it('moves accepted: the text leaves where it was (its paragraph mark too) and stays where it went, counted once per move', async () => {
    const { text, notes } = await importDocx(
      docx(
        START +
          TITLE +
          paragraph('近年来，我们坚持协商为民。') +
          `<w:moveFromRangeStart w:id="1" w:name="move1" ${REVIEW}/>` +
          `<w:p><w:pPr><w:rPr><w:moveFrom w:id="2" ${REVIEW}/></w:rPr></w:pPr><w:moveFrom w:id="3" ${REVIEW}>${run('一、搭平台。平台建设是基础。')}</w:moveFrom></w:p>` +
          `<w:moveFromRangeEnd w:id="1"/>` +
          paragraph('二、强队伍。队伍是关键。') +
          `<w:moveToRangeStart w:id="4" w:name="move1" ${REVIEW}/>` +
          `<w:p><w:pPr><w:rPr><w:moveTo w:id="5" ${REVIEW}/></w:rPr></w:pPr><w:moveTo w:id="6" ${REVIEW}>${run('三、建机制。机制是保障。')}</w:moveTo></w:p>` +
          `<w:moveToRangeEnd w:id="4"/>` +
          DOCUMENT_END,
      ),
    );
    assert.equal(text, '# 关于加强基层协商的发言\n\n某县政协主席 王小明\n\n近年来，我们坚持协商为民。\n\n二、强队伍。队伍是关键。\n\n三、建机制。机制是保障。\n');
    // No empty paragraph is left behind by the moved one, so no note about ignoring one.
    assert.deepEqual(notes, [
      {
        kind: 'tracked-changes',
        message: {
          zh: '文档中有未接受的修订（移动 1 处），已按全部接受后的文字导入',
          en: 'The document holds tracked changes not yet accepted (1 move(s)); imported as it reads with all of them accepted',
        },
      },
    ]);
  });

  it('fields keep their shown text and drop their instructions: simple (w:fldSimple) and complex (w:fldChar)', async () => {
    const complex =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \\@ "yyyy年M月d日" </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2024年7月1日</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const { text, notes } = await importDocx(
      docx(
        START +
          TITLE +
          `<w:p>${run('截至')}${complex}${run('，共开展协商')}<w:fldSimple w:instr=" SEQ 次数 \\* ARABIC "><w:r><w:t>120</w:t></w:r></w:fldSimple>${run('次。')}</w:p>` +
          DOCUMENT_END,
      ),
    );
    assert.equal(text.split('\n\n')[2], '截至2024年7月1日，共开展协商120次。\n');
    assert.deepEqual(notes, []);
  });

  it('w:sym symbols: a known one becomes its character, an unknown one is named in a note', async () => {
    const { text, notes } = await importDocx(
      docx(
        START +
          TITLE +
          `<w:p>${run('完成情况')}<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>${run('，温度20')}<w:r><w:sym w:font="Symbol" w:char="B0"/></w:r>${run('C。')}<w:r><w:sym w:font="MT Extra" w:char="F021"/></w:r></w:p>` +
          DOCUMENT_END,
      ),
    );
    assert.equal(text.split('\n\n')[2], '完成情况✓，温度20°C。\n');
    assert.deepEqual(notes, [
      {
        kind: 'symbol',
        message: { zh: '字体“MT Extra”中的符号 F021 无法转换为文字，已略去', en: 'A symbol (F021 in the font "MT Extra") has no known text form and was left out' },
      },
    ]);
  });

  it('a text box mammoth cannot read (DrawingML with no VML fallback or none at all, a VML shape it does not read through) is quoted in a note; one with a fallback is read once', async () => {
    const withFallback =
      `<mc:AlternateContent><mc:Choice Requires="wps">${drawingBox('专栏：五步法')}</mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${paragraph('专栏：五步法')}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>`;
    const { text, notes } = await importDocx(
      docx(
        START +
          TITLE +
          `<w:p>${run('一、搭平台。')}<w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawingBox('图1　议事流程')}</mc:Choice></mc:AlternateContent></w:r></w:p>` +
          `<w:p>${run('二、强队伍。')}<w:r>${drawingBox('图2　培训&amp;考核')}</w:r></w:p>` +
          `<w:p>${run('三、建机制。')}<w:r>${withFallback}</w:r></w:p>` +
          // A VML shape mammoth does not read through, in the fallback of a DrawingML one.
          `<w:p>${run('四、抓落实。')}<w:r><mc:AlternateContent><mc:Choice Requires="wps">${drawingBox('椭圆中的字')}</mc:Choice><mc:Fallback><w:pict><v:oval xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>${paragraph('椭圆中的字')}</w:txbxContent></v:textbox></v:oval></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>` +
          DOCUMENT_END,
      ),
    );
    assert.equal(text, '# 关于加强基层协商的发言\n\n某县政协主席 王小明\n\n一、搭平台。\n\n二、强队伍。\n\n三、建机制。\n\n专栏：五步法\n\n四、抓落实。\n');
    assert.deepEqual(
      notes.map((n) => [n.kind, n.line, n.message.zh]),
      [
        ['text-box', 11, '此处起的段落来自文本框，已作为单独的段落放在文本框所在段落之后，请核对位置'],
        ['text-box', undefined, '文本框中的文字未能导入：“图1　议事流程”'],
        ['text-box', undefined, '文本框中的文字未能导入：“图2　培训&考核”'],
        ['text-box', undefined, '文本框中的文字未能导入：“椭圆中的字”'],
      ],
    );
  });

  it('a group of shapes nesting one mc:AlternateContent in the mc:Choice of another: the outer fallback only is read; an empty text box is not reported', async () => {
    const nested =
      `<mc:AlternateContent><mc:Choice Requires="wpg"><mc:AlternateContent><mc:Choice Requires="wps">${drawingBox('内层形状')}</mc:Choice>` +
      `<mc:Fallback><w:pict><w:txbxContent>${paragraph('内层形状')}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></mc:Choice>` +
      `<mc:Fallback><w:pict><w:txbxContent>${paragraph('组合图形')}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>`;
    const empty = `<w:r><w:pict><w:txbxContent><w:p/></w:txbxContent></w:pict></w:r>`;
    const { text, notes } = await importDocx(docx(START + TITLE + `<w:p>${run('一、搭平台。')}<w:r>${nested}</w:r></w:p><w:p>${run('二、强队伍。')}${empty}</w:p>` + DOCUMENT_END));
    assert.equal(text, '# 关于加强基层协商的发言\n\n某县政协主席 王小明\n\n一、搭平台。\n\n组合图形\n\n二、强队伍。\n');
    // The empty text box after 二、 adds no paragraph and gets no note (its empty paragraph is counted as such).
    assert.deepEqual(
      notes.map((n) => [n.kind, n.line]),
      [
        ['text-box', 7],
        ['empty-paragraphs', undefined],
      ],
    );
  });

  it('an indent by character count (w:firstLineChars) and one typed with U+3000 give the same line', async () => {
    const { text } = await importDocx(
      docx(
        START +
          TITLE +
          `<w:p><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>${run('近年来，我们坚持协商为民。')}</w:p>` +
          paragraph('\u3000\u3000近年来，我们坚持协商为民。') +
          DOCUMENT_END,
      ),
    );
    const lines = text.split('\n\n');
    assert.equal(lines[2], '近年来，我们坚持协商为民。');
    assert.equal(lines[3], '近年来，我们坚持协商为民。\n');
  });

  it('the bookmarks marking text boxes cannot carry the XML past the limit mammoth can hold', async () => {
    const boxes = `<w:p><w:r><w:pict>${`<w:txbxContent>${paragraph('框')}</w:txbxContent>`.repeat(200)}</w:pict></w:r></w:p>`;
    const documentXml = START + TITLE + boxes + DOCUMENT_END;
    const bytes = zip([...packageParts(), entry('word/document.xml', documentXml)]);
    const partsSize = packageParts().reduce((n, e) => n + e.size, 0) + Buffer.byteLength(documentXml);
    const limits = { ...DEFAULT_LIMITS, xml: partsSize + 100 };
    // Within the limit as it came, the same file is read.
    assert.match((await importDocx(bytes)).text, /框/);
    await assert.rejects(importDocx(bytes, limits), (error: unknown) => error instanceof WordImportError && error.kind === 'xml-too-large');
  });

  it('formatting Word writes and the import does not read (revision-session ids, spacing, indents, bold, sizes) changes nothing', async () => {
    const body = (rsid: string, paragraphProperties: string, runProperties: string): string =>
      `<w:p${rsid}><w:pPr><w:pStyle w:val="Heading1"/>${paragraphProperties}<w:rPr>${runProperties}</w:rPr></w:pPr><w:r${rsid}><w:rPr>${runProperties}</w:rPr><w:t>一、搭建协商平台。</w:t></w:r></w:p>` +
      // A deleted paragraph mark among the properties still joins this paragraph to the next.
      `<w:p${rsid}><w:pPr>${paragraphProperties}<w:rPr>${runProperties}<w:del w:id="1" ${REVIEW}/></w:rPr></w:pPr><w:r${rsid}><w:t>平台建设</w:t></w:r></w:p>` +
      `<w:p${rsid}><w:pPr>${paragraphProperties}</w:pPr><w:r${rsid}><w:rPr>${runProperties}</w:rPr><w:t>是基础</w:t></w:r>` +
      // A symbol font's character is read through its font, whatever stands beside it.
      `<w:r${rsid}><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/>${runProperties}</w:rPr><w:t>\uf0fc</w:t></w:r></w:p>`;
    const bare = await importDocx(docx(START + TITLE + body('', '', '') + DOCUMENT_END));
    const asWordWrites = await importDocx(
      docx(
        START +
          TITLE +
          body(
            ' w:rsidR="00A1B2C3" w:rsidRPr="00D4E5F6" w:rsidRDefault=\'00A1B2C3\'',
            '<w:widowControl w:val="0"/><w:spacing w:line="580" w:lineRule="exact"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:jc w:val="both"/>',
            // An attribute value may hold "/>": the tag is still taken whole.
            '<w:rFonts w:hint="eastAsia"/><w:b/><w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="x/>y"/>',
          ) +
          DOCUMENT_END,
      ),
    );
    assert.equal(bare.text, '# 关于加强基层协商的发言\n\n某县政协主席 王小明\n\n一、搭建协商平台。\n\n平台建设是基础\u2713\n');
    assert.deepEqual(asWordWrites, bare);
  });
});
