/**
 * The outline: compilation → speeches → sections → sub-sections, with
 * unnumbered sub-headings and the inline item runs (`一是…三是`) as leaves.
 * Kinds are chosen for the icon an office reader sees, not for a programmer's
 * taxonomy: the compilation and each speech are documents (`File`), their
 * headings and item runs text (`String`, as VS Code's own Markdown outline
 * shows headings); the level or item count is in the detail. LSP requires every symbol's range to
 * contain its selection range and its children's ranges; the model's spans
 * nest that way (a speech spans its sections, a section its paragraphs).
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { ItemRun, Locale, Section, Speech, SpeechDocument, SubHeading, TextSpan } from '../core';
import { splitsSurrogatePair } from '../core/text/chars';
import { formatChineseNumber } from '../core/text/numerals';
import { toRange } from './positions';
import { UNTITLED } from './statistics';

export function documentSymbols(doc: SpeechDocument, locale: Locale): DocumentSymbol[] {
  const symbol = (name: string, detail: string | undefined, kind: SymbolKind, span: TextSpan, selection: TextSpan, children: DocumentSymbol[]): DocumentSymbol => ({
    name,
    detail,
    kind,
    range: toRange(doc.lines, span),
    selectionRange: toRange(doc.lines, selection),
    children,
  });

  const itemRun = (run: ItemRun): DocumentSymbol => {
    const first = run.items[0];
    const last = run.items[run.items.length - 1];
    const name = run.items.length > 1 ? `${first.text}…${last.text}` : first.text;
    return symbol(name, itemCount(run.items.length, locale), SymbolKind.String, run.span, first.span, []);
  };

  // Item runs under a sub-heading stay its siblings: a run may start before the heading and run past it.
  const subHeading = (h: SubHeading): { start: number; symbol: DocumentSymbol } => ({
    start: h.span.start,
    symbol: symbol(h.text, UNNUMBERED[locale], SymbolKind.String, h.span, { start: h.paragraph.contentStart, end: h.paragraph.contentEnd }, []),
  });

  const section = (s: Section): DocumentSymbol => {
    const children = byStart([
      ...s.itemRuns.map((r) => ({ start: r.span.start, symbol: itemRun(r) })),
      ...s.headings.map(subHeading),
      ...s.children.map((c) => ({ start: c.span.start, symbol: section(c) })),
    ]);
    const selection = { start: s.marker.span.start, end: s.heading.span.end };
    return symbol(s.marker.text + s.heading.text, levelName(s.level, locale), SymbolKind.String, s.span, selection, children);
  };

  const speech = (sp: Speech): DocumentSymbol => {
    const children = byStart([
      ...sp.itemRuns.map((r) => ({ start: r.span.start, symbol: itemRun(r) })),
      ...sp.headings.map(subHeading),
      ...sp.sections.map((s) => ({ start: s.span.start, symbol: section(s) })),
    ]);
    const name = sp.title?.text.trim() ? outlineTitle(sp.title.text) : UNTITLED[locale];
    const first = sp.paragraphs[0];
    // A speech's span runs from its first words, so an untitled one is selected by those words, not its
    // indented line; by its speaker line only when that line opens it (an author line after the body does not).
    const opening = sp.speaker && sp.speaker.form !== 'closing' ? sp.speaker.span : undefined;
    const selection = sp.title?.span ?? opening ?? (first ? { start: first.contentStart, end: first.contentEnd } : sp.span);
    return symbol(name, speakerDetail(doc, sp), SymbolKind.File, sp.span, selection, children);
  };

  const speeches = doc.speeches.map(speech);
  if (!doc.title) return speeches;
  const last = doc.speeches[doc.speeches.length - 1];
  const span = { start: doc.title.span.start, end: Math.max(last?.span.end ?? 0, doc.subtitle?.span.end ?? 0, doc.title.span.end) };
  return [symbol(doc.title.text, doc.subtitle?.text, SymbolKind.File, span, doc.title.span, speeches)];
}

/**
 * The most of a title the outline shows (UTF-16 units), so that the speaker in the detail stays in
 * view (issue 22: long titles pushed it out). The seed's speech titles run 13–24 characters, two
 * parallel phrases of 4–11 each; 16 keeps the first phrase whole and the start of the second.
 */
export const OUTLINE_TITLE_MAX = 16;

/** A title cut to `OUTLINE_TITLE_MAX`, ending in `…` when cut (never inside a surrogate pair). */
export function outlineTitle(title: string): string {
  if (title.length <= OUTLINE_TITLE_MAX) return title;
  return `${title.slice(0, splitsSurrogatePair(title, OUTLINE_TITLE_MAX - 1) ? OUTLINE_TITLE_MAX - 2 : OUTLINE_TITLE_MAX - 1)}…`;
}

/** The speaker's name; for a closing note that names no one (`（作者为…）`), the position it gives. */
function speakerDetail(doc: SpeechDocument, sp: Speech): string | undefined {
  const speaker = sp.speaker;
  if (!speaker || speaker.name || speaker.form !== 'closing') return speaker?.name?.value;
  const parts = [...(speaker.unit ? [speaker.unit] : []), ...speaker.positions];
  return parts.length > 0 ? doc.text.slice(parts[0].span.start, parts[parts.length - 1].span.end) : undefined;
}

/** The detail of an unnumbered sub-heading. */
const UNNUMBERED: Readonly<Record<Locale, string>> = { zh: '小标题', en: 'sub-heading' };

function levelName(level: number, locale: Locale): string {
  return locale === 'zh' ? `${formatChineseNumber(level)}级标题` : `level ${level}`;
}

function itemCount(n: number, locale: Locale): string {
  if (locale === 'zh') return `${n}项`;
  return n === 1 ? '1 item' : `${n} items`;
}

function byStart(entries: { start: number; symbol: DocumentSymbol }[]): DocumentSymbol[] {
  return entries.sort((a, b) => a.start - b.start).map((e) => e.symbol);
}
