/**
 * What the editor may offer at the cursor while a speech is being drafted: the
 * next section marker at the start of a paragraph, the next inline item
 * marker after a clause boundary, the speaker line under a title. Every
 * number is the one the numbering rules will demand at that place (the
 * position among its siblings, as `section-numbering`, `heading-levels` and
 * `item-numbering` count), so accepting a proposal never makes a fault.
 */
import type { ItemFamily, ItemMarker, ItemRun, Paragraph, Section, SectionLevel, Speech, SpeechDocument, TextSpan } from './model';
import { paragraphAtLine, paragraphBeforeLine, speechAtLine } from './locate';
import { canonicalMarker, findItemMarkers, matchSectionMarker } from './parse/markers';
import { isIndentCode } from './text/chars';
import { formatChineseNumber } from './text/numerals';

export type Proposal =
  | { kind: 'section'; text: string; replace: TextSpan; level: SectionLevel; number: number }
  /** `previous`: the item this one follows (`一是` before `二是`). */
  | { kind: 'item'; text: string; replace: TextSpan; family: ItemFamily; number: number; previous: string }
  | { kind: 'speaker'; replace: TextSpan };

export interface CompletionContext {
  /** Most likely first. */
  proposals: Proposal[];
  /** The word typed at the start of the line when the cursor is there: where a snippet may be inserted. */
  lineStartWord?: TextSpan;
}

/** What may stand right before an item marker; the same clause boundaries the parser requires. */
const ITEM_BOUNDARY = '。；：，、！？”’）》';
/** Longest marker typed so far that still counts as a prefix (`第十一，`). */
const MAX_TYPED = 4;
/** The sequence family by position; from the fourth item on only 最后 fits. */
const SEQUENCE_WORDS: Readonly<Record<number, string>> = { 1: '首先', 2: '其次', 3: '再次' };
const LAST = '最后';

export function completionsAt(doc: SpeechDocument, offset: number): CompletionContext {
  const { text, lines } = doc;
  const { line } = lines.positionAt(offset);
  if (doc.comments.some((c) => c.line === line)) return { proposals: [] };
  let contentStart = Math.max(lines.starts[line], line === 0 ? doc.bom : 0);
  while (contentStart < offset && isIndentCode(text.charCodeAt(contentStart))) contentStart++;
  const lineEnd = lines.lineEnd(line);
  const before = text.slice(contentStart, offset);
  const after = text.slice(offset, lineEnd);
  const lineStartWord = /^[\p{L}\p{N}]*$/u.test(before) ? { start: contentStart, end: offset } : undefined;

  const here = paragraphAtLine(doc, line);
  const speech = speechAtLine(doc, line);
  // Titles, subtitles and speaker lines take no markers; above the first speech there is no body at all.
  if (!speech || (here && here.role !== 'body')) return { proposals: [], lineStartWord };

  const previous = paragraphBeforeLine(doc, line);
  if (followsTitle(speech, previous)) {
    const proposals: Proposal[] = before === '' && after.trim() === '' && !speech.speaker ? [{ kind: 'speaker', replace: { start: offset, end: offset } }] : [];
    return { proposals, lineStartWord };
  }

  const replaceFrom = markerStart(text, contentStart, offset);
  if (replaceFrom === undefined) return { proposals: [], lineStartWord };
  const typed = text.slice(replaceFrom, offset);
  const chain = openSections(speech, replaceFrom);
  const proposals: Proposal[] = [];
  const offer = (p: Proposal & { text: string }): void => {
    const wanted = p.text;
    if (wanted === typed || !wanted.startsWith(typed.replace(/\(/g, '（')) || proposals.some((q) => 'text' in q && q.text === wanted)) return;
    // A typed `（` brought its auto-closed `）` along: the marker replaces it too.
    if (wanted.endsWith('）') && /[（(]/.test(typed) && /^[）)]/.test(after)) p.replace = { start: p.replace.start, end: p.replace.end + 1 };
    proposals.push(p);
  };

  const atParagraphStart = replaceFrom === contentStart;
  const lineHasSection = matchSectionMarker(typed + after) !== undefined;
  const context = here ?? previous;
  // After the closing remarks no section is open: only a new level-1 section can follow.
  const inClosing = !!context && speech.closing.includes(context);
  if (atParagraphStart && !lineHasSection) {
    for (const s of sectionProposals(speech, inClosing ? [] : chain, replaceFrom)) offer({ kind: 'section', text: canonicalMarker(s.level, s.number), replace: { start: replaceFrom, end: offset }, ...s });
  }
  const lineHasItemHere = findItemMarkers(typed + after)[0]?.index === 0;
  if (!lineHasItemHere) {
    const runs = chain.length === 0 || inClosing || (!!context && speech.lead.includes(context)) ? speech.itemRuns : chain[chain.length - 1].itemRuns;
    for (const next of nextItems(runs, replaceFrom)) offer({ kind: 'item', replace: { start: replaceFrom, end: offset }, ...next });
  }
  return { proposals, lineStartWord };
}

/** Whether the line after `previous` is where the speech's speaker line goes. */
function followsTitle(speech: Speech, previous: Paragraph | undefined): boolean {
  if (!previous) return false;
  if (previous === speech.title?.paragraph || previous === speech.subtitle?.paragraph) return true;
  // A plain-text draft that so far holds one title-like line: the parser needs a second line to call it a title.
  return !speech.title && !speech.speaker && speech.paragraphs.length === 1 && previous === speech.paragraphs[0] && previous.content.length <= 40 && !/[。！？；，、：,.;:!?]$/.test(previous.content);
}

/**
 * Where a marker typed up to `offset` would begin: the nearest paragraph start
 * or clause boundary at most a marker's length back. Undefined mid-word.
 */
function markerStart(text: string, contentStart: number, offset: number): number | undefined {
  for (let k = offset; k >= Math.max(contentStart, offset - MAX_TYPED); k--) {
    if (k === contentStart || ITEM_BOUNDARY.includes(text[k - 1]) || isIndentCode(text.charCodeAt(k - 1))) return k;
  }
  return undefined;
}

/** The sections open at `offset`, outermost first: the last section begun before it, and its ancestors. */
function openSections(speech: Speech, offset: number): Section[] {
  const chain: Section[] = [];
  let siblings = speech.sections;
  for (;;) {
    const last = siblings.filter((s) => s.marker.span.end <= offset).pop();
    if (!last) return chain;
    chain.push(last);
    siblings = last.children;
  }
}

/**
 * Markers a new paragraph at `offset` may start with: the next sibling of
 * each open section (innermost first), a first level-1 section when none is
 * open, and a first child of the innermost section.
 */
function sectionProposals(speech: Speech, chain: readonly Section[], offset: number): Array<{ level: SectionLevel; number: number }> {
  const nextAt = (siblings: readonly Section[], level: SectionLevel): { level: SectionLevel; number: number } => ({
    level,
    number: siblings.filter((s) => s.level === level && s.marker.span.start < offset).length + 1,
  });
  const out: Array<{ level: SectionLevel; number: number }> = [];
  for (let d = chain.length - 1; d >= 0; d--) out.push(nextAt(d === 0 ? speech.sections : chain[d - 1].children, chain[d].level));
  if (chain.length === 0 || chain[0].level > 1) out.push(nextAt(speech.sections, 1));
  const innermost = chain[chain.length - 1];
  if (innermost && innermost.level < 4) out.push(nextAt(innermost.children, (innermost.level + 1) as SectionLevel));
  return out;
}

/** The next marker of every item run under way before `offset`, the most recently continued first. */
function nextItems(runs: readonly ItemRun[], offset: number): Array<{ text: string; family: ItemFamily; number: number; previous: string }> {
  const lastRunOf = new Map<ItemFamily, ItemMarker[]>();
  for (const run of runs) {
    const before = run.items.filter((i) => i.span.end <= offset);
    if (before.length > 0) lastRunOf.set(run.family, before);
  }
  const ordered = [...lastRunOf.values()].sort((a, b) => b[b.length - 1].span.start - a[a.length - 1].span.start);
  const out: Array<{ text: string; family: ItemFamily; number: number; previous: string }> = [];
  for (const items of ordered) {
    const { family } = items[0];
    const previous = items[items.length - 1].text;
    const number = items.length + 1;
    if (family === 'sequence') {
      if (items.some((i) => i.number === 0)) continue; // nothing follows 最后
      if (SEQUENCE_WORDS[number]) out.push({ text: `${SEQUENCE_WORDS[number]}，`, family, number, previous });
      out.push({ text: `${LAST}，`, family, number: 0, previous });
    } else {
      const numeral = formatChineseNumber(number);
      out.push({ text: family === 'di' ? `第${numeral}，` : `${numeral}${family === 'shi' ? '是' : '要'}`, family, number, previous });
    }
  }
  return out;
}
