/**
 * `broken-paragraph`: a paragraph that stops mid-sentence and goes on in the
 * next one — where a printed page or column ended (`……构建“学习+知情……”的` /
 * `“1+4”学习格局……`). The fix joins the two: it deletes the line break, any
 * blank lines and the next paragraph's indentation.
 *
 * Both paragraphs must be body text of the same speech with nothing but
 * whitespace between them (no comment line). The first must end on `，` or
 * `、`, or else on a Han character, a letter or digit or an opening bracket or
 * quote while reading as prose: it holds a sentence end, or is longer than any
 * heading (40 characters). A section heading standing alone in its paragraph,
 * an unnumbered sub-heading and a bulleted line are never broken; nor, in an
 * article (no speaker line), the bold summary that opens it or a couplet. The second must not open a section or an item (`二、` `（一）`
 * `一是`) and must start like the rest of a sentence. A paragraph ending in a
 * closing quote or bracket may or may not be complete, so it is left alone.
 */
import type { Paragraph, Section, Speech } from '../../model';
import type { Rule } from '../../rule';
import { isHanAt } from '../../text/chars';

/** Longer than this, a line without a sentence end is still prose, not a heading. */
const HEADING_MAX = 40;

/** Marks that join a clause to what follows: a paragraph ending on one is never a heading. */
const JOINING_ENDINGS = '，、,';
/** Opening marks: the quoted or bracketed words are still to come. */
const OPENING_ENDINGS = '“‘《（【〈(';

/** Marks that can only go on with a sentence already begun. */
const CONTINUATION_MARKS = '，、。；：！？”’》）】〉';
/** Marks a sentence's continuation may start with, besides Han characters, letters and digits. */
const CONTINUATION_STARTS = `“‘《（【〈(${CONTINUATION_MARKS}`;

const isAsciiAlnum = (code: number): boolean => (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);

/** Where the last character of `text` starts (a surrogate pair counts as one). */
function lastCharStart(text: string): number {
  const last = text.length - 1;
  const code = text.charCodeAt(last);
  return code >= 0xdc00 && code <= 0xdfff && last > 0 ? last - 1 : last;
}

/** Whether the paragraph stops mid-sentence: after a comma, or on a word or opening mark in a paragraph that cannot be a heading. */
function endsMidSentence(content: string): boolean {
  const at = lastCharStart(content);
  const last = content[at];
  if (JOINING_ENDINGS.includes(last)) return true;
  if (!isHanAt(content, at) && !isAsciiAlnum(content.charCodeAt(at)) && !OPENING_ENDINGS.includes(last)) return false;
  return /[。！？]/.test(content) || longerThan(content, HEADING_MAX);
}

/** Whether `text` holds more than `n` characters (a surrogate pair counts as one), counting no further than needed. */
function longerThan(text: string, n: number): boolean {
  // A character takes one or two code units.
  if (text.length <= n) return false;
  if (text.length > 2 * n) return true;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    if (++count > n) return true;
  }
  return false;
}

function startsContinuation(content: string): boolean {
  return isHanAt(content, 0) || isAsciiAlnum(content.charCodeAt(0)) || CONTINUATION_STARTS.includes(content[0]);
}

/** Bullets that open a run-in heading (`●增加中美农业合作…`): such a line is a heading whatever its ending. */
const BULLETS = '●○■□◆◇▲△★☆◎•';

/**
 * Longest line of verse or a slogan couplet, in characters. Tuned against the
 * People's Daily archive of January–February 2020, whose cartoon captions print
 * two 5- to 8-character lines (`村村通公路，` / `来把群山度。`); the seed's
 * broken paragraphs run 32 to 320 characters.
 */
const VERSE_MAX = 12;

/**
 * Two short lines of the same length, the first ending on a comma: in an article (a speech
 * with a speaker line is prose throughout) a couplet, not a paragraph cut in two.
 */
function isCouplet(p: string, q: string): boolean {
  return p.length <= VERSE_MAX && p.length === q.length && /[，,]$/.test(p);
}

/** Offsets where a section or item marker starts, and the paragraphs that are nothing but a section heading or are an unnumbered sub-heading. */
function markersOf(speech: Speech): { markerStarts: Set<number>; headingOnly: Set<Paragraph> } {
  const markerStarts = new Set<number>();
  const headingOnly = new Set<Paragraph>();
  for (const run of speech.itemRuns) for (const item of run.items) markerStarts.add(item.span.start);
  for (const h of speech.headings) headingOnly.add(h.paragraph);
  const visit = (section: Section): void => {
    markerStarts.add(section.marker.span.start);
    if (!section.heading.terminated) headingOnly.add(section.paragraphs[0]);
    for (const h of section.headings) headingOnly.add(h.paragraph);
    for (const run of section.itemRuns) for (const item of run.items) markerStarts.add(item.span.start);
    section.children.forEach(visit);
  };
  speech.sections.forEach(visit);
  return { markerStarts, headingOnly };
}

export const rule: Rule = {
  meta: {
    id: 'broken-paragraph',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '段落在句子中间断开，下一段接续本句',
      en: 'A paragraph breaks off mid-sentence and the next paragraph continues it',
    },
    messages: {
      broken: { zh: '段落在句中断开，应与下一段合并', en: 'Paragraph breaks off mid-sentence; join it with the next one' },
    },
    // Joining lines changes how the text is divided.
    fixable: 'edit',
  },
  check(ctx) {
    const { text } = ctx.doc;
    for (const speech of ctx.doc.speeches) {
      // Few paragraphs get past the tests on their own words: the speech's markers are gathered for those only.
      let markers: ReturnType<typeof markersOf> | undefined;
      const ps = speech.paragraphs;
      let firstBody = true;
      // An author named only after the body (`（作者为…）`) leaves the piece laid out as an article.
      const article = !speech.speaker || speech.speaker.form === 'closing';
      for (let i = 0; i + 1 < ps.length; i++) {
        const p = ps[i];
        const q = ps[i + 1];
        if (p.role !== 'body') continue;
        // In an article (no speaker line), the first body paragraph without a stop is the summary papers
        // print in bold under the title: it is broken only if the next one opens on a mark that goes on with it.
        const lead = firstBody && article;
        firstBody = false;
        if (q.role !== 'body') continue;
        if (!endsMidSentence(p.content) || !startsContinuation(q.content)) continue;
        if (lead && !CONTINUATION_MARKS.includes(q.content[0])) continue;
        if (BULLETS.includes(p.content[0]) || (article && isCouplet(p.content, q.content))) continue;
        markers ??= markersOf(speech);
        if (markers.headingOnly.has(p) || markers.markerStarts.has(q.contentStart)) continue;
        if (text.slice(p.contentEnd, q.contentStart).trim() !== '') continue;
        ctx.report({
          span: { start: p.contentStart + lastCharStart(p.content), end: p.contentEnd },
          messageId: 'broken',
          fix: [{ span: { start: p.contentEnd, end: q.contentStart }, text: '' }],
        });
      }
    }
  },
};
