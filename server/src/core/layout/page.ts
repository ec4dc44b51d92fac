/**
 * The printed page of GB/T 9704-2012 (党政机关公文格式) as Word measures it:
 * page and margins in twips, font sizes in half-points, the document grid.
 * The Word export and the layout engine both read it from here, so the two
 * never disagree about the page.
 */
import { GRID_LIMITS } from '../exportLimits';
import type { LocalizedText } from '../rule';

/** What a house may change; everything else is fixed by the standard. */
export interface ExportOptions {
  /** East Asian font of the titles (the standard's 小标宋; some offices use 方正小标宋_GBK or 黑体). */
  titleFont: string;
  /** Lines on a full page: the document grid's line pitch is the type area's height divided by this. */
  linesPerPage: number;
  /** Characters on a full line of body text: the grid's character pitch is the type area's width divided by this. */
  charsPerLine: number;
  /** `— N —` page numbers in the footer, outer side. */
  pageNumbers: boolean;
  /** Start each speech of a compilation on a new page (a 发言摘登 normally runs on). */
  pageBreakBetweenSpeeches: boolean;
}

export const DEFAULT_EXPORT_OPTIONS: Readonly<ExportOptions> = {
  titleFont: '方正小标宋简体',
  linesPerPage: 22,
  charsPerLine: 28,
  pageNumbers: true,
  pageBreakBetweenSpeeches: false,
};

/** An option no printed page can follow; `text` says which, in both languages. */
export class ExportOptionError extends RangeError {
  constructor(readonly text: LocalizedText) {
    super(text.en);
    this.name = 'ExportOptionError';
  }
}

/** Fills in defaults and rejects values no printed page could hold. */
export function resolveExportOptions(options: Partial<ExportOptions> = {}): ExportOptions {
  const resolved: ExportOptions = { ...DEFAULT_EXPORT_OPTIONS };
  // Key by key: an option present but undefined (an unset setting) keeps its default.
  for (const key of Object.keys(DEFAULT_EXPORT_OPTIONS) as (keyof ExportOptions)[]) {
    if (options[key] !== undefined) Object.assign(resolved, { [key]: options[key] });
  }
  for (const key of ['linesPerPage', 'charsPerLine'] as const) {
    const { min, max } = GRID_LIMITS[key];
    const value = resolved[key];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new ExportOptionError({
        zh: `导出选项 ${key} 应为 ${min} 到 ${max} 之间的整数，现为 ${String(value)}`,
        en: `Export option ${key} must be a whole number from ${min} to ${max}, got ${String(value)}`,
      });
    }
  }
  if (typeof resolved.titleFont !== 'string' || resolved.titleFont.trim() === '') {
    throw new ExportOptionError({ zh: '导出选项 titleFont 不能为空', en: 'Export option titleFont must not be empty' });
  }
  return resolved;
}

const TWIPS_PER_MM = 1440 / 25.4;

/** Millimetres to twips (1/20 pt), the unit of page geometry in WordprocessingML. */
export function mmToTwips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

/** A4 and the standard's margins (天头 37 mm, 下白边 35 mm, 订口 28 mm, 切口 26 mm). */
export const PAGE = {
  width: mmToTwips(210),
  height: mmToTwips(297),
  margin: { top: mmToTwips(37), bottom: mmToTwips(35), left: mmToTwips(28), right: mmToTwips(26) },
} as const;

/** Chinese type sizes (字号) in half-points, the unit of `w:sz`. */
export const SIZE = {
  /** 2号, 22 pt: titles. */
  er: 44,
  /** 3号, 16 pt: body, speaker line, subtitles. */
  san: 32,
  /** 4号, 14 pt: page numbers. */
  si: 28,
} as const;

/** East Asian font names as Word on an office PC knows them. */
export const FONT = {
  body: '仿宋_GB2312',
  kai: '楷体_GB2312',
  hei: '黑体',
  pageNumber: '宋体',
  /** Digits and Latin letters in the text. */
  latin: 'Times New Roman',
} as const;

export interface Grid {
  /** Line pitch in twips: the document grid's, and the exact line height of every paragraph. */
  linePitch: number;
  /**
   * Twips added to (negative: taken from) each body character's 3号 advance, so that
   * `charsPerLine` of them fill the type area's width and one more does not fit.
   */
  charSpacing: number;
}

/**
 * The page grid: a line grid (`w:docGrid w:type="lines"`) and, for the characters, condensed
 * spacing on the body text instead of a character grid. 28 cells of 3号 (16 pt) need 448 pt but the
 * type area is 442.25 pt wide, so a character grid must have cells smaller than the font, and
 * LibreOffice gives every character wider than its cell two cells (14 characters a line). Character
 * spacing is read the same by Word and LibreOffice; docs/export.md has the measurements.
 */
export function documentGrid(options: Pick<ExportOptions, 'linesPerPage' | 'charsPerLine'>): Grid {
  const typeHeight = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;
  const typeWidth = PAGE.width - PAGE.margin.left - PAGE.margin.right;
  return {
    linePitch: Math.floor(typeHeight / options.linesPerPage),
    // Rounded down so the promised characters fit, then one twip more: LibreOffice 7.4 leaves out
    // some of the commas it hangs past the end of a justified full line, 16 of the seed's at -5
    // twips and none at -6 (docs/export.md, "A LibreOffice fault").
    charSpacing: Math.floor(typeWidth / options.charsPerLine - SIZE.san * 10) - 1,
  };
}

/**
 * Footer distance from the page's bottom edge: the page number's line (4号,
 * 14 pt = 280 twips) sits about 7 mm below the type area, as the standard asks.
 */
export const FOOTER_DISTANCE = PAGE.margin.bottom - mmToTwips(7) - SIZE.si * 10;

/** "空一字": the page number keeps one 4号 character from the outer edge. */
export const PAGE_NUMBER_INSET = SIZE.si * 10;

/** Trailing punctuation a title must not carry (closing quotes and brackets stay: they close a pair). */
const TITLE_TRAILING_PUNCTUATION = /[。，、；：？！,.;:?!]+$/;

export function titleWithoutTrailingPunctuation(title: string): string {
  return title.replace(TITLE_TRAILING_PUNCTUATION, '');
}
