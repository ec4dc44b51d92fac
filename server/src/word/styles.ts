/**
 * The named Word styles an exported document uses. Fonts and sizes live in
 * the styles, not on each run, so a user who must change a font does it once
 * in Word (their ids, by which the import recognises its own output, are in
 * styleIds.ts).
 *
 * The styles are written as WordprocessingML elements because the `docx`
 * package's typed style options cannot say `w:snapToGrid` at paragraph level.
 */
import { DocumentDefaults, ImportedXmlComponent } from 'docx';
import { FONT, SIZE, type ExportOptions, type Grid } from '../core/layout/page';
import { CHARACTER_STYLE, PARAGRAPH_STYLE } from './styleIds';

/** East Asian font plus a Latin font for digits and letters (`w:rFonts`). */
export function fonts(eastAsia: string, latin: string = FONT.latin): { eastAsia: string; ascii: string; hAnsi: string; cs: string } {
  return { eastAsia, ascii: latin, hAnsi: latin, cs: latin };
}

type Attributes = Readonly<Record<string, string | number>>;

function element(name: string, attributes: Attributes = {}, ...children: ImportedXmlComponent[]): ImportedXmlComponent {
  const node = new ImportedXmlComponent(name, attributes as Record<string, string>);
  for (const child of children) node.push(child);
  return node;
}

interface StyleSpec {
  font: string;
  size?: number;
  /** Paragraph properties after `w:keepNext` and `w:snapToGrid`, in schema order (`w:spacing`, `w:ind`, `w:jc`). */
  paragraph?: ImportedXmlComponent[];
  /**
   * A title, subtitle or speaker line: kept on the page of the paragraph after it (`w:keepNext`), so
   * none is left at the foot of a page, and off the line grid (`w:snapToGrid` 0), without which
   * LibreOffice gives a 2号 title line two grid lines although its exact line height is one.
   */
  heading?: boolean;
  /** Character spacing in twips (`w:spacing` of the run properties): how the body fills the line. */
  charSpacing?: number;
}

type NamedStyleSpec = StyleSpec & { id: string; name: string };

function paragraphStyle(spec: NamedStyleSpec): ImportedXmlComponent {
  return element(
    'w:style',
    { 'w:type': 'paragraph', 'w:customStyle': 1, 'w:styleId': spec.id },
    element('w:name', { 'w:val': spec.name }),
    element('w:basedOn', { 'w:val': 'Normal' }),
    element('w:next', { 'w:val': PARAGRAPH_STYLE.body }),
    element('w:qFormat'),
    element('w:pPr', {}, ...(spec.heading ? [element('w:keepNext'), element('w:snapToGrid', { 'w:val': 0 })] : []), ...(spec.paragraph ?? [])),
    runProperties(spec),
  );
}

function characterStyle(spec: NamedStyleSpec): ImportedXmlComponent {
  return element(
    'w:style',
    { 'w:type': 'character', 'w:customStyle': 1, 'w:styleId': spec.id },
    element('w:name', { 'w:val': spec.name }),
    element('w:qFormat'),
    runProperties(spec),
  );
}

function runProperties(spec: StyleSpec): ImportedXmlComponent {
  const f = fonts(spec.font);
  const children = [element('w:rFonts', { 'w:ascii': f.ascii, 'w:hAnsi': f.hAnsi, 'w:eastAsia': f.eastAsia, 'w:cs': f.cs })];
  if (spec.charSpacing !== undefined) children.push(element('w:spacing', { 'w:val': spec.charSpacing }));
  if (spec.size) children.push(element('w:sz', { 'w:val': spec.size }), element('w:szCs', { 'w:val': spec.size }));
  return element('w:rPr', {}, ...children);
}

/**
 * The whole of `styles.xml` after its namespaces: document defaults, Normal, and our styles.
 * Word's other built-in styles are left to Word; nothing in an exported document uses them.
 */
export function styleSet(options: ExportOptions, grid: Grid, compilation: boolean): (DocumentDefaults | ImportedXmlComponent)[] {
  // Exact line height at the grid pitch keeps every page at the promised line count, whatever the font.
  const spacing = (after = 0): ImportedXmlComponent =>
    element('w:spacing', { 'w:before': 0, 'w:after': after, 'w:line': grid.linePitch, 'w:lineRule': 'exact' });
  const centred = (id: string, name: string, font: string, size: number, after = 0): ImportedXmlComponent =>
    paragraphStyle({
      id,
      name,
      font,
      size,
      heading: true,
      paragraph: [spacing(after), element('w:jc', { 'w:val': 'center' })],
    });
  return [
    new DocumentDefaults({ run: { font: fonts(FONT.body), size: SIZE.san } }),
    // Normal carries the body font and size too: text outside our styles, and Word's character unit for indents, are 3号.
    element(
      'w:style',
      { 'w:type': 'paragraph', 'w:default': 1, 'w:styleId': 'Normal' },
      element('w:name', { 'w:val': 'Normal' }),
      element('w:qFormat'),
      // Every full page holds the grid's lines: no widow and orphan control. ECMA-376 has it off when
      // the file says nothing, but LibreOffice turns it on then.
      element('w:pPr', {}, element('w:widowControl', { 'w:val': 0 })),
      runProperties({ font: FONT.body, size: SIZE.san }),
    ),
    centred(PARAGRAPH_STYLE['compilation-title'], '汇编标题', options.titleFont, SIZE.er),
    centred(PARAGRAPH_STYLE['compilation-subtitle'], '汇编副标题', FONT.kai, SIZE.san),
    // Inside a compilation a speech title steps down to 3号 under the 2号 compilation title.
    centred(PARAGRAPH_STYLE['speech-title'], '发言标题', options.titleFont, compilation ? SIZE.san : SIZE.er),
    centred(PARAGRAPH_STYLE['speech-subtitle'], '发言副标题', FONT.kai, SIZE.san),
    // A blank line between the speaker line and the body.
    centred(PARAGRAPH_STYLE.speaker, '发言人', FONT.kai, SIZE.san, grid.linePitch),
    paragraphStyle({
      id: PARAGRAPH_STYLE.body,
      name: '发言正文',
      font: FONT.body,
      size: SIZE.san,
      // Heading sentences are runs of this paragraph style, so they take the same spacing.
      charSpacing: grid.charSpacing,
      paragraph: [
        spacing(),
        // Two characters; `w:firstLine` (2 × 16 pt = 640 twips) for readers that ignore `w:firstLineChars`.
        element('w:ind', { 'w:firstLineChars': 200, 'w:firstLine': SIZE.san * 20 }),
        element('w:jc', { 'w:val': 'both' }),
      ],
    }),
    characterStyle({ id: CHARACTER_STYLE.heading1, name: '一级标题', font: FONT.hei }),
    characterStyle({ id: CHARACTER_STYLE.heading2, name: '二级标题', font: FONT.kai }),
  ];
}
