/**
 * The print preview's answer (`speech/layout`): the core's layout of a draft as a JSON payload in
 * millimetres and points, every figure worded in the client's language, the problems found marked
 * on the lines they fall on. Also the page facts the status bar and the hover show.
 */
import { formatMessage, type Finding, type Locale, type LocalizedText, type Speech, type SpeechDocument } from '../core';
import type { ExportSettings } from '../core/config';
import { FONT, layout, type Layout, type LayoutLine as CoreLine, type LayoutOptions } from '../core/layout';
import { speakingMinutes } from '../core/stats';
import type { SpeechPages } from './hover';
import type { LayoutLine, LayoutResult } from './protocol';
import { figures, pageCount, type PrintedPages } from './statistics';

const MM_PER_TWIP = 25.4 / 1440;

const PAGE_CAPTION: LocalizedText = { zh: '第 {page} 页 · {figures}', en: 'Page {page} · {figures}' };

/**
 * Names to try after each export font, the way an office PC without it substitutes (docs/export.md,
 * "Fonts on the office PC": usually 宋体 or 仿宋): the Windows family name, the macOS one, then a
 * generic family. Digits and Latin letters come first in Times New Roman, as the export sets them.
 */
const FALLBACKS: Readonly<Record<string, readonly string[]>> = {
  [FONT.body]: ['仿宋', 'FangSong', 'STFangsong', 'serif'],
  [FONT.kai]: ['楷体', 'KaiTi', 'STKaiti', 'serif'],
  [FONT.hei]: ['SimHei', 'STHeiti', 'sans-serif'],
  [FONT.pageNumber]: ['SimSun', 'STSong', 'serif'],
};
/** A title font the table does not name (the default 方正小标宋简体, or a house's choice): the 宋体 family Word falls back to. */
const TITLE_FALLBACKS = ['方正小标宋_GBK', '华文中宋', 'STZhongsong', '宋体', 'SimSun', 'serif'];

/** A CSS font-family list: the Latin font, the export's font, its fallbacks. */
function fontFamily(name: string): string {
  const quoted = (family: string): string => (/^(serif|sans-serif)$/.test(family) ? family : `"${family.replace(/["\\]/g, '')}"`);
  return [FONT.latin, name, ...(FALLBACKS[name] ?? TITLE_FALLBACKS)].map(quoted).join(', ');
}

/** The engine's options for a draft: its configuration's `export` settings and the reading pace. */
export function layoutOptions(settings: ExportSettings, charsPerMinute: number): LayoutOptions {
  return { ...settings, charsPerMinute };
}

/**
 * The last layout of each open draft, keyed by document version and options: the preview, the
 * status bar and the hover ask about the same version, and only the first of them lays it out.
 */
export class LayoutCache {
  private readonly entries = new Map<string, { version: number; options: string; layout: Layout }>();

  get(uri: string, version: number, doc: SpeechDocument, options: LayoutOptions): Layout {
    const key = JSON.stringify(options);
    const cached = this.entries.get(uri);
    if (cached && cached.version === version && cached.options === key) return cached.layout;
    const laidOut = layout(doc, options);
    this.entries.set(uri, { version, options: key, layout: laidOut });
    return laidOut;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}

export interface LayoutResultOptions {
  version: number;
  /** The draft's findings, to mark on the lines: those of the last check, which may be of an older version (marks then lag a keystroke behind, as the squiggles do, rather than blink). */
  findings: readonly Finding[];
  charsPerMinute: number;
  locale: Locale;
}

export function layoutResult(doc: SpeechDocument, laidOut: Layout, options: LayoutResultOptions): LayoutResult {
  const { geometry } = laidOut;
  // To the micrometre: finer than any screen draws, and a payload that reads cleanly.
  const mm = (twips: number): number => Math.round(twips * MM_PER_TWIP * 1000) / 1000;
  const fonts: string[] = [];
  const fontIndex = new Map<string, number>();
  const font = (name: string): number => {
    let index = fontIndex.get(name);
    if (index === undefined) {
      index = fonts.push(fontFamily(name)) - 1;
      fontIndex.set(name, index);
    }
    return index;
  };
  const pageNumber = { font: font(geometry.pageNumberFont), size: geometry.pageNumberSize / 2 };
  const marks = marksByLine(laidOut, options.findings, doc.text.length, options.locale);
  let total = 0;
  const pages = laidOut.pages.map((page) => {
    total += page.chars;
    const minutes = page.seconds / 60;
    return {
      number: page.number,
      caption: formatMessage(PAGE_CAPTION[options.locale], { page: page.number, figures: figures(page.chars, minutes, options.locale) }),
      chars: page.chars,
      minutes,
      lines: page.lines.map((line): LayoutLine => {
        const start = doc.lines.positionAt(line.start);
        const mapped: LayoutLine = {
          row: line.row,
          runs: line.runs.map((run) => ({ text: run.text, font: font(run.font) })),
          size: line.size / 2,
          align: line.align === 'center' ? 'center' : line.last ? 'left' : 'justify',
          grid: line.align === 'justify',
          indent: mm(line.indent),
          start,
          endLine: doc.lines.positionAt(line.end).line,
        };
        const found = marks.get(line);
        if (found) mapped.marks = found;
        return mapped;
      }),
    };
  });
  return {
    version: options.version,
    page: {
      width: mm(geometry.width),
      height: mm(geometry.height),
      margin: { top: mm(geometry.margin.top), bottom: mm(geometry.margin.bottom), left: mm(geometry.margin.left), right: mm(geometry.margin.right) },
      linesPerPage: geometry.linesPerPage,
      charsPerLine: geometry.charsPerLine,
      linePitch: mm(geometry.linePitch),
      charPitch: mm(geometry.charPitch),
      pageNumbers: geometry.pageNumbers,
    },
    fonts,
    pageNumber,
    summary: `${pageCount(laidOut.pages.length, options.locale)} · ${figures(total, speakingMinutes(total, options.charsPerMinute), options.locale)}`,
    pages,
  };
}

const RANK = { error: 0, warning: 1, info: 2, hint: 3 } as const;

/**
 * Each finding on the printed line holding its first character (a finding in text nothing prints,
 * such as a comment line, on the next printed line), most severe first on each line.
 */
function marksByLine(laidOut: Layout, findings: readonly Finding[], textLength: number, locale: Locale): Map<CoreLine, NonNullable<LayoutLine['marks']>> {
  const lines = laidOut.pages.flatMap((page) => page.lines);
  const marks = new Map<CoreLine, NonNullable<LayoutLine['marks']>>();
  if (lines.length === 0) return marks;
  const sorted = [...findings].sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.span.start - b.span.start);
  for (const finding of sorted) {
    const offset = Math.min(finding.span.start, textLength);
    // The last line starting at or before the offset; one ending before it hands the finding to the next line.
    let low = 0;
    let high = lines.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lines[mid].start <= offset) low = mid;
      else high = mid - 1;
    }
    const line = lines[low].end < offset && low + 1 < lines.length ? lines[low + 1] : lines[low];
    const list = marks.get(line) ?? [];
    list.push({ severity: finding.severity, message: finding.message[locale] });
    marks.set(line, list);
  }
  return marks;
}

/** The printed draft's page count and grid, for the status bar. */
export function printedPages(laidOut: Layout): PrintedPages {
  return { pages: laidOut.pages.length, linesPerPage: laidOut.geometry.linesPerPage, charsPerLine: laidOut.geometry.charsPerLine };
}

/** The pages a speech is printed on in its file's layout: those holding a line of its text. */
export function speechPages(laidOut: Layout, speech: Speech): SpeechPages | undefined {
  const { start, end } = speech.span;
  const holding = laidOut.pages.filter((page) => page.lines.some((line) => line.start < end && line.end >= start && line.end > line.start));
  return holding.length > 0 ? { first: holding[0].number, last: holding[holding.length - 1].number } : undefined;
}
