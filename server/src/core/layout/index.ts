/**
 * The layout engine: a speech or a compilation laid out on the printed page the
 * Word export makes (GB/T 9704: A4, 22 lines of 28 characters of 3号 by
 * default), as pages of lines with the draft range each line shows. Pure: no
 * I/O, no editor types, never throws (options no page can follow fall back to
 * their defaults). docs/layout.md describes the result.
 */
import type { Paragraph, ParagraphRole, SpeechDocument, TextSpan } from '../model';
import { parse } from '../parse';
import { countVisibleChars, forEachSection } from '../stats';
import { planBlocks, type Block, type RunEmphasis } from './blocks';
import { breakLines, type LineRange } from './breakLines';
import { EM, TIMES_ROMAN } from './glyphs';
import { DEFAULT_EXPORT_OPTIONS, documentGrid, FONT, FOOTER_DISTANCE, PAGE, PAGE_NUMBER_INSET, SIZE } from './page';
import { GRID_LIMITS } from '../exportLimits';

/**
 * Which renderer's line breaking to follow. `word` (the default): every closing mark may hang past
 * the end of a full line, as Word does with 允许标点溢出边界 on. `libreoffice`: only `，。、` hang, any
 * other closing mark takes the character before it down to the next line, as LibreOffice 7.4 draws
 * the exported file (docs/export.md).
 */
export type Breaking = 'word' | 'libreoffice';

export interface LayoutOptions {
  /** Reading pace in characters a minute, for each page's speaking time: `length-limit`'s `charsPerMinute`. */
  charsPerMinute: number;
  /** The `"export"` options of `.speechlintrc.json`; missing or out-of-range ones take their defaults. */
  linesPerPage?: number;
  charsPerLine?: number;
  titleFont?: string;
  pageNumbers?: boolean;
  pageBreakBetweenSpeeches?: boolean;
  breaking?: Breaking;
  /**
   * Advance widths of printable ASCII (U+0020–U+007E, 95 numbers, thousandths of an em) in the font
   * a renderer draws digits and Latin letters in, where it is not Times New Roman (whose widths are
   * the default): how the engine is matched to LibreOffice drawing them in a substitute font.
   */
  latinWidths?: readonly number[];
}

/** The page everything is laid out on. Lengths in twips (1/20 pt, 1/1440 inch), sizes in half-points. */
export interface PageGeometry {
  width: number;
  height: number;
  margin: { top: number; bottom: number; left: number; right: number };
  /** Lines on a full page, and the distance between two (the line pitch). */
  linesPerPage: number;
  linePitch: number;
  /** Characters on a full body line, and the width of one body character (its cell). */
  charsPerLine: number;
  charPitch: number;
  /** `— N —` page numbers: whether there are any, their baseline distance from the bottom edge, their inset from the outer edge, their size and font. */
  pageNumbers: boolean;
  footerDistance: number;
  pageNumberInset: number;
  pageNumberSize: number;
  pageNumberFont: string;
}

/** What a line is: its paragraph's role, with `heading` for a paragraph that opens a section or is a sub-heading. */
export type LineKind = 'compilation-title' | 'compilation-subtitle' | 'title' | 'subtitle' | 'speaker' | 'heading' | 'body';

/** A stretch of a line in one font. */
export interface LineRun {
  text: string;
  start: number;
  end: number;
  /** East Asian font name as the export writes it; digits and Latin letters are in `FONT.latin` (Times New Roman). */
  font: string;
}

export interface LayoutLine {
  /** `draft.slice(start, end)`: the line as printed (indentation and a title's trailing punctuation are not printed). */
  text: string;
  /** UTF-16 offsets in the draft. */
  start: number;
  end: number;
  kind: LineKind;
  /** Grid line on its page, 0 = top: blank lines (before a speech, after a speaker line) are rows with no line. */
  row: number;
  /** Font size in half-points (`SIZE.er` 44 = 2号, `SIZE.san` 32 = 3号). */
  size: number;
  /** Centred (titles, subtitles, speaker lines) or justified (body: every line but a paragraph's last fills the width). */
  align: 'center' | 'justify';
  /** Twips from the type area's left edge to the first character (the first-line indent of a body paragraph). */
  indent: number;
  /** Twips the characters take, a mark hung past the margin included; may exceed the type area by that mark. */
  width: number;
  /** Whether this is its paragraph's last line (a justified paragraph's last line is not stretched). */
  last: boolean;
  runs: LineRun[];
}

export interface LayoutPage {
  /** 1-based. */
  number: number;
  lines: LayoutLine[];
  /** Where the page starts and ends in the draft (its first line's start, its last line's end). */
  start: number;
  end: number;
  /** Body characters on the page, counted as `length-limit` counts them (no titles, speaker lines, section markers, whitespace). */
  chars: number;
  /** Seconds it takes to read the page's characters at `charsPerMinute`. */
  seconds: number;
}

export interface Layout {
  geometry: PageGeometry;
  /** At least one page, empty for an empty draft. */
  pages: LayoutPage[];
}

const TYPE_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** `doc` (or the draft's text) laid out on pages. */
export function layout(doc: SpeechDocument | string, options: LayoutOptions): Layout {
  const draft = typeof doc === 'string' ? parse(doc) : doc;
  const settings = resolve(options);
  const grid = documentGrid(settings);
  const geometry: PageGeometry = {
    width: PAGE.width,
    height: PAGE.height,
    margin: { ...PAGE.margin },
    linesPerPage: settings.linesPerPage,
    linePitch: grid.linePitch,
    charsPerLine: settings.charsPerLine,
    charPitch: SIZE.san * 10 + grid.charSpacing,
    pageNumbers: settings.pageNumbers,
    footerDistance: FOOTER_DISTANCE,
    pageNumberInset: PAGE_NUMBER_INSET,
    pageNumberSize: SIZE.si,
    pageNumberFont: FONT.pageNumber,
  };
  const counted = countedParagraphs(draft);
  const markers = markerSpans(draft);
  const blocks = planBlocks(draft, settings).map((block, i) => setBlock(draft, block, i, settings, grid.charSpacing, counted.has(draft.paragraphs[i]) ? markers : undefined));
  const pace = options.charsPerMinute > 0 && Number.isFinite(options.charsPerMinute) ? options.charsPerMinute : Infinity;
  return {
    geometry,
    pages: paginate(blocks, settings.linesPerPage).map(({ lines, chars }, i) => ({
      number: i + 1,
      lines,
      start: lines[0]?.start ?? 0,
      end: lines.at(-1)?.end ?? 0,
      chars,
      seconds: (chars / pace) * 60,
    })),
  };
}

interface Settings {
  linesPerPage: number;
  charsPerLine: number;
  titleFont: string;
  pageNumbers: boolean;
  pageBreakBetweenSpeeches: boolean;
  breaking: Breaking;
  latinWidths: readonly number[];
}

function resolve(options: LayoutOptions): Settings {
  const grid = (key: keyof typeof GRID_LIMITS): number => {
    const value = options[key];
    const { min, max } = GRID_LIMITS[key];
    return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : DEFAULT_EXPORT_OPTIONS[key];
  };
  const flag = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback);
  return {
    linesPerPage: grid('linesPerPage'),
    charsPerLine: grid('charsPerLine'),
    titleFont: typeof options.titleFont === 'string' && options.titleFont.trim() !== '' ? options.titleFont : DEFAULT_EXPORT_OPTIONS.titleFont,
    pageNumbers: flag(options.pageNumbers, DEFAULT_EXPORT_OPTIONS.pageNumbers),
    pageBreakBetweenSpeeches: flag(options.pageBreakBetweenSpeeches, DEFAULT_EXPORT_OPTIONS.pageBreakBetweenSpeeches),
    breaking: options.breaking === 'libreoffice' ? 'libreoffice' : 'word',
    latinWidths:
      Array.isArray(options.latinWidths) && options.latinWidths.length === TIMES_ROMAN.length && options.latinWidths.every((w) => typeof w === 'number' && w > 0 && w < 4 * EM)
        ? options.latinWidths
        : TIMES_ROMAN,
  };
}

const HANGING: Readonly<Record<Breaking, string>> = {
  word: '，。、；：？！）》”’〉」』】〕］｝．',
  libreoffice: '，。、；：？！',
};

/** A block with its lines broken, and the grid lines it takes before and after them. */
interface SetBlock {
  /** The lines, their `row` set when they are put on a page. */
  lines: LayoutLine[];
  /** Characters each line adds to its page's count. */
  chars: number[];
  /** Blank grid lines above (a speech after other text) and below (a speaker line). */
  before: number;
  after: number;
  pageBreakBefore: boolean;
  keepNext: boolean;
}

const KIND: Readonly<Record<ParagraphRole, LineKind>> = {
  'compilation-title': 'compilation-title',
  'compilation-subtitle': 'compilation-subtitle',
  'speech-title': 'title',
  'speech-subtitle': 'subtitle',
  speaker: 'speaker',
  body: 'body',
};

/** The fonts and sizes the export's styles give (server/src/word/styles.ts). */
function styleOf(role: ParagraphRole, settings: Settings, compilation: boolean): { font: string; size: number } {
  switch (role) {
    case 'compilation-title':
      return { font: settings.titleFont, size: SIZE.er };
    case 'speech-title':
      return { font: settings.titleFont, size: compilation ? SIZE.san : SIZE.er };
    case 'compilation-subtitle':
    case 'speech-subtitle':
    case 'speaker':
      return { font: FONT.kai, size: SIZE.san };
    case 'body':
      return { font: FONT.body, size: SIZE.san };
  }
}

const EMPHASIS_FONT: Readonly<Record<RunEmphasis, string>> = { heading1: FONT.hei, heading2: FONT.kai };

/** `markers` is given for a paragraph whose characters count (a body paragraph of a speech). */
function setBlock(doc: SpeechDocument, block: Block, index: number, settings: Settings, charSpacing: number, markers: readonly TextSpan[] | undefined): SetBlock {
  const { font, size } = styleOf(block.role, settings, doc.title !== undefined);
  const body = block.role === 'body';
  // Body text is condensed to the grid and indented two characters (`w:firstLine` 2 × 3号); the rest keep their natural width.
  const firstIndent = body ? SIZE.san * 20 : 0;
  const start = block.runs[0]?.start ?? 0;
  const end = block.runs.at(-1)?.end ?? start;
  const ranges = breakLines(doc.text, start, end, { size, spacing: body ? charSpacing : 0, width: TYPE_WIDTH, firstIndent, hanging: HANGING[settings.breaking], latin: settings.latinWidths, quotesFollowLatin: settings.breaking === 'libreoffice' });
  const kind: LineKind = body && (block.keepNext || block.runs[0]?.emphasis !== undefined) ? 'heading' : KIND[block.role];
  const lines = ranges.map((range: LineRange, i): LayoutLine => ({
    text: doc.text.slice(range.start, range.end),
    start: range.start,
    end: range.end,
    kind,
    row: 0,
    size,
    align: body ? ('justify' as const) : ('center' as const),
    indent: i === 0 ? firstIndent : 0,
    width: range.width,
    last: i === ranges.length - 1,
    runs: block.runs
      .filter((run) => run.start < range.end && run.end > range.start)
      .map((run) => {
        const [s, e] = [Math.max(run.start, range.start), Math.min(run.end, range.end)];
        return { text: doc.text.slice(s, e), start: s, end: e, font: run.emphasis ? EMPHASIS_FONT[run.emphasis] : font };
      }),
  }));
  return {
    lines,
    chars: markers ? lines.map((line) => countLineChars(doc.text, line, markers)) : lines.map(() => 0),
    before: block.breakBefore === 'line' ? 1 : 0,
    after: block.role === 'speaker' ? 1 : 0,
    pageBreakBefore: block.breakBefore === 'page' && index > 0,
    // Titles, subtitles and speaker lines are kept with what follows, as the export's styles keep them (`w:keepNext`).
    keepNext: block.keepNext || !body,
  };
}

/**
 * Lines on pages: a page breaks where it is full (no widow or orphan control, as the export sets),
 * before a speech that starts on a new page, and before a chain of blocks kept with the next
 * (titles, speaker line, a heading) when the chain and the first line after it do not fit.
 */
function paginate(blocks: SetBlock[], linesPerPage: number): { lines: LayoutLine[]; chars: number }[] {
  const pages: { lines: LayoutLine[]; chars: number }[] = [{ lines: [], chars: 0 }];
  let row = 0;
  const newPage = (): void => {
    pages.push({ lines: [], chars: 0 });
    row = 0;
  };
  const kept = keptRows(blocks);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    if (block.pageBreakBefore && row > 0) newPage();
    // Blank lines above are not carried to the top of a page.
    const before = row === 0 ? 0 : block.before;
    const needed = before + kept[i];
    if (row > 0 && row + needed > linesPerPage && needed - before <= linesPerPage) newPage();
    else row += before;
    block.lines.forEach((line, k) => {
      if (row >= linesPerPage) newPage();
      const page = pages[pages.length - 1];
      line.row = row++;
      page.lines.push(line);
      page.chars += block.chars[k];
    });
    row = Math.min(row + block.after, linesPerPage);
  }
  return pages;
}

/**
 * For each block, the grid lines that must share a page with its start: the block, if kept with the
 * next, and so on down to the first line of the block the chain keeps. Computed from the end, so a
 * long run of headings costs no more than one pass.
 */
function keptRows(blocks: readonly SetBlock[]): number[] {
  const kept = new Array<number>(blocks.length);
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i];
    if (!block.keepNext) kept[i] = 1;
    else {
      const next = blocks[i + 1];
      kept[i] = block.lines.length + block.after + (next && !next.pageBreakBefore ? next.before + kept[i + 1] : 0);
    }
  }
  return kept;
}

/** The paragraphs whose characters `length-limit` counts: the body paragraphs of the speeches. */
function countedParagraphs(doc: SpeechDocument): Set<Paragraph> {
  const counted = new Set<Paragraph>();
  for (const speech of doc.speeches) for (const p of speech.paragraphs) if (p.role === 'body') counted.add(p);
  return counted;
}

/** Section markers (`一、` `（一）`): printed, but not counted as characters. */
function markerSpans(doc: SpeechDocument): TextSpan[] {
  const spans: TextSpan[] = [];
  for (const speech of doc.speeches) forEachSection(speech, (s) => spans.push(s.marker.span));
  return spans.sort((a, b) => a.start - b.start);
}

function countLineChars(text: string, line: { start: number; end: number }, markers: readonly TextSpan[]): number {
  let chars = countVisibleChars(text, line.start, line.end);
  for (const m of markersIn(markers, line.start, line.end)) chars -= countVisibleChars(text, Math.max(m.start, line.start), Math.min(m.end, line.end));
  return chars;
}

/** Markers overlapping `[start, end)`, found by binary search in the sorted list. */
function markersIn(markers: readonly TextSpan[], start: number, end: number): TextSpan[] {
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid].end <= start) lo = mid + 1;
    else hi = mid;
  }
  const found: TextSpan[] = [];
  for (let k = lo; k < markers.length && markers[k].start < end; k++) found.push(markers[k]);
  return found;
}

export { DEFAULT_EXPORT_OPTIONS, FONT, SIZE } from './page';
