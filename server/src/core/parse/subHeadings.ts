/**
 * Unnumbered sub-headings: published speeches and signed articles divide their
 * body with short bold lines that carry no number and no closing punctuation.
 * Read from the layout alone (no segmenter, one look at each paragraph and its
 * neighbours), so that a line a page break cut off is not taken for one.
 */
import type { Paragraph, SubHeading } from '../model';
import type { MarkerMatch } from './markers';
import { findItemMarkers } from './markers';
import { readSpeaker } from './speaker';

/**
 * Longest sub-heading, in UTF-16 units. Tuned against the People's Daily
 * selection (test/fixtures/corpus/rmrb): its unnumbered sub-headings run 4 to 37
 * characters, while the bold summaries printed under commentary titles, which
 * are not headings, run 36 to 130.
 */
const HEADING_MAX = 40;

/** Fewest prose paragraphs under a sub-heading: in the selection each part runs 3 to 6 paragraphs. */
const MIN_PART = 2;

/** A heading holds no sentence end and does not stop on a mark that joins it to what follows. */
const SENTENCE_INSIDE = /[。！？；…!?;]/;
const JOINING_END = /[，、：,:]$/;
/** Notes, datelines and subtitles: `（作者为…）`, `——编者`. */
const NOTE_SHAPE = /^(?:[（(].*[）)]|——.*|--.*)$/;
/** Body text ends like a sentence. */
const PROSE_END = /[。！？…”」）)]$/;
/** A paragraph opening on one of these goes on with the sentence before it. */
const CONTINUES = /^[，、。；：！？”’》）】〉,.;:!?]/;

/**
 * The body paragraphs (of one speech, in order) that are unnumbered sub-headings:
 * short, no sentence end, not a section or item, a note or a speaker line; the
 * paragraph before it (if any in the body) is complete, so the line does not
 * continue it; the paragraph after it is prose, longer than any heading, that does not
 * continue it (`此致` over `敬礼！` is a letter's close, not a heading).
 * A heading-like last line heads nothing and is not one, nor is a line with fewer than
 * `MIN_PART` prose paragraphs before the next one or the end. After the piece's
 * signature (the speaker's name, `signer`, alone under a closing sentence) a short
 * line heads what the page appends to a letter (`新闻回放`): there, prose running
 * to the end is enough.
 */
export function findSubHeadings(body: readonly Paragraph[], sectionStarts: readonly (MarkerMatch | undefined)[], signer?: string): Set<Paragraph> {
  const found = new Set<Paragraph>();
  for (let i = 0; i + 1 < body.length; i++) {
    const p = body[i];
    const c = p.content;
    if (c.length < 2 || !headingShaped(c) || sectionStarts[i] || NOTE_SHAPE.test(c)) continue;
    const prev = body[i - 1];
    const signed = signer !== undefined && afterSignature(body, i, signer);
    if (prev && !PROSE_END.test(prev.content) && !signed) continue;
    const next = body[i + 1];
    if (next.content.length <= HEADING_MAX || !PROSE_END.test(next.content) || CONTINUES.test(next.content)) continue;
    if (!(headsPart(body, i) || (signed && proseToEnd(body, i))) || findItemMarkers(c)[0]?.index === 0 || readSpeaker(p, 'strong')) continue;
    found.add(p);
  }
  return found;
}

/**
 * Whether `body[i - 1]` is the signature: the speaker's name (padded or not) alone,
 * right under a paragraph that ends like a sentence (`敬礼！`). A short line of 2–4
 * Han alone (`编后`, `核心阅读`) is not evidence: it must be the speaker's name.
 */
function afterSignature(body: readonly Paragraph[], i: number, signer: string): boolean {
  const name = body[i - 1];
  const above = body[i - 2];
  return !!name && !!above && PROSE_END.test(above.content) && name.content.replace(/[ \u3000\u00a0]/g, '') === signer;
}

/** Whether every paragraph after `body[i]` to the end is prose that no heading-shaped line interrupts. */
function proseToEnd(body: readonly Paragraph[], i: number): boolean {
  for (let j = i + 1; j < body.length; j++) if (headingShaped(body[j].content) || !PROSE_END.test(body[j].content)) return false;
  return true;
}

/** Short, with no sentence end, and not stopping on a mark that joins it to what follows. */
function headingShaped(content: string): boolean {
  return content.length <= HEADING_MAX && !SENTENCE_INSIDE.test(content) && !JOINING_END.test(content);
}

/**
 * Whether `MIN_PART` prose paragraphs follow `body[i]` before the next heading-shaped
 * line: lines every other paragraph (photo credits under captions) divide nothing.
 * Each scan stops at the next heading-shaped line, so the scans never overlap.
 */
function headsPart(body: readonly Paragraph[], i: number): boolean {
  let prose = 0;
  for (let j = i + 1; j < body.length && !headingShaped(body[j].content); j++) {
    if (PROSE_END.test(body[j].content) && ++prose >= MIN_PART) return true;
  }
  return false;
}

/** The sub-headings among `own` (one section's own paragraphs, or the lead or closing), each spanning up to the next one or the end of `own`. */
export function placeSubHeadings(own: readonly Paragraph[], headings: ReadonlySet<Paragraph>): SubHeading[] {
  const out: SubHeading[] = [];
  for (const p of own) {
    if (headings.has(p)) out.push({ paragraph: p, text: p.content, span: { start: p.contentStart, end: p.contentEnd } });
    else if (out.length > 0) out[out.length - 1].span.end = p.contentEnd;
  }
  return out;
}
