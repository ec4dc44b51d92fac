/**
 * Export: a parsed draft (one speech or a compilation) to a .docx in the
 * official layout. Pure apart from building the zip in memory: the caller
 * writes the returned bytes wherever it likes.
 */
import { AlignmentType, Document, DocumentGridType, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import type { SpeechDocument } from '../core/model';
import { planBlocks, type Block } from '../core/layout/blocks';
import { documentGrid, FONT, FOOTER_DISTANCE, PAGE, PAGE_NUMBER_INSET, resolveExportOptions, SIZE, type ExportOptions, type Grid } from '../core/layout/page';
import { CHARACTER_STYLE, PARAGRAPH_STYLE } from './styleIds';
import { fonts, styleSet } from './styles';

/** Builds the .docx bytes for `doc`. Rejects with an `ExportOptionError` for options out of bounds. */
export async function exportDocx(doc: SpeechDocument, options: Partial<ExportOptions> = {}): Promise<Buffer> {
  const resolved = resolveExportOptions(options);
  const grid = documentGrid(resolved);
  const document = new Document({
    title: (doc.title ?? doc.speeches[0]?.title)?.text ?? '',
    creator: '',
    evenAndOddHeaderAndFooters: resolved.pageNumbers,
    styles: { importedStyles: styleSet(resolved, grid, doc.title !== undefined) },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin, footer: FOOTER_DISTANCE } },
          grid: { type: DocumentGridType.LINES, linePitch: grid.linePitch },
        },
        footers: resolved.pageNumbers ? { default: pageNumberFooter('odd'), even: pageNumberFooter('even') } : undefined,
        children: planBlocks(doc, resolved).map((block) => toParagraph(block, grid)),
      },
    ],
  });
  return Packer.toBuffer(document);
}

function toParagraph(block: Block, grid: Grid): Paragraph {
  return new Paragraph({
    style: PARAGRAPH_STYLE[block.role],
    pageBreakBefore: block.breakBefore === 'page',
    keepNext: block.keepNext || undefined,
    spacing: block.breakBefore === 'line' ? { before: grid.linePitch } : undefined,
    children: block.runs.map((run) => new TextRun({ text: run.text, style: run.emphasis && CHARACTER_STYLE[run.emphasis] })),
  });
}

/** `— N —` in 4号 宋体, one character in from the outer edge: right on odd pages, left on even. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const odd = side === 'odd';
  return new Footer({
    children: [
      new Paragraph({
        alignment: odd ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: odd ? { right: PAGE_NUMBER_INSET } : { left: PAGE_NUMBER_INSET },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fonts(FONT.pageNumber, FONT.pageNumber), size: SIZE.si })],
      }),
    ],
  });
}
