/** Second pass over one speech's body: sections, their nesting, item runs, lead and closing. */
import type { ItemMarker, ItemRun, Paragraph, Section, Speech } from '../model';
import { SENTENCE_END } from '../text/chars';
import { canonicalMarker, findItemMarkers, matchSectionMarker } from './markers';
import { findSubHeadings, placeSubHeadings } from './subHeadings';

/**
 * Paragraphs after the last section that open like a closing remark. Anything
 * else after the last section is read as part of that section: run-in drafts
 * continue a section in the next paragraph (and printed columns break them).
 */
/** A sentence-ending mark, searched from `lastIndex`. */
const SENTENCE_END_MARK = new RegExp(`[${SENTENCE_END}]`, 'g');
const CLOSING_OPENERS = /^(?:总之|总而言之|总的来说|总的来看|下一步|今后|展望未来|回顾|同志们|各位)/;

export function buildBody(speech: Speech, body: Paragraph[]): void {
  const starts = body.map((p) => matchSectionMarker(p.content));
  let lastMarker = -1;
  starts.forEach((m, i) => {
    if (m) lastMarker = i;
  });

  const stack: Section[] = [];
  let inClosing = false;
  for (let i = 0; i < body.length; i++) {
    const p = body[i];
    const m = starts[i];
    if (m) {
      let level = m.level;
      if (m.ambiguous) {
        // `1、` is a top-level section unless a Chinese-numbered level-1 section is in force.
        const top = stack[0];
        level = !top || top.level !== 1 || /^\d/.test(top.marker.text) ? 1 : 3;
      }
      while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
      const markerStart = p.contentStart;
      const canonical = canonicalMarker(level, m.number);
      // The heading runs to the first sentence end after the marker, or to the paragraph's end.
      SENTENCE_END_MARK.lastIndex = m.length;
      const endIdx = SENTENCE_END_MARK.test(p.content) ? SENTENCE_END_MARK.lastIndex - 1 - m.length : -1;
      const headingStart = markerStart + m.length;
      const headingEnd = endIdx >= 0 ? headingStart + endIdx + 1 : p.contentEnd;
      const section: Section = {
        level,
        marker: {
          span: { start: markerStart, end: markerStart + m.length },
          text: m.text,
          level,
          number: m.number,
          canonical,
          standard: m.standard && m.text === canonical,
        },
        heading: {
          span: { start: headingStart, end: headingEnd },
          text: p.content.slice(m.length, headingEnd - markerStart),
          terminated: endIdx >= 0,
        },
        span: { start: markerStart, end: p.contentEnd },
        paragraphs: [p],
        children: [],
        itemRuns: [],
        headings: [],
      };
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(section);
      else speech.sections.push(section);
      stack.push(section);
      for (const s of stack) s.span.end = p.contentEnd;
      continue;
    }
    if (stack.length === 0 || (i > lastMarker && (inClosing || CLOSING_OPENERS.test(p.content)))) {
      if (speech.sections.length === 0) speech.lead.push(p);
      else {
        inClosing = true;
        stack.length = 0;
        speech.closing.push(p);
      }
      continue;
    }
    stack[stack.length - 1].paragraphs.push(p);
    for (const s of stack) s.span.end = p.contentEnd;
  }

  speech.itemRuns = groupItems([...speech.lead, ...speech.closing]);
  const visit = (s: Section): void => {
    s.itemRuns = groupItems(s.paragraphs, s.marker.span.end);
    s.children.forEach(visit);
  };
  speech.sections.forEach(visit);

  const headings = findSubHeadings(body, starts, speech.speaker?.name?.value);
  if (headings.size === 0) return;
  speech.headings = [...placeSubHeadings(speech.lead, headings), ...placeSubHeadings(speech.closing, headings)];
  const place = (s: Section): void => {
    s.headings = placeSubHeadings(s.paragraphs, headings);
    s.children.forEach(place);
  };
  speech.sections.forEach(place);
}

/**
 * Gathers item markers into runs: one open run per family, so a `第一，第二，`
 * aside inside `一是…二是…` leaves the outer run intact. A `1` starts a new run,
 * except right after a lone `1` in the same paragraph: `一是学习，一是调研` is
 * one list whose second item is misnumbered, not two lists of one item.
 * A `其次`, `最后` or `N要` with no run to join is ordinary prose (`三要素`), not an item.
 */
function groupItems(paragraphs: Paragraph[], from = 0): ItemRun[] {
  const runs: ItemRun[] = [];
  const open = new Map<string, ItemRun>();
  for (const p of paragraphs) {
    for (const m of findItemMarkers(p.content)) {
      const start = p.contentStart + m.index;
      if (start < from) continue;
      const item: ItemMarker = { span: { start, end: start + m.text.length }, text: m.text, family: m.family, number: m.number, paragraph: p };
      const run = open.get(m.family);
      const repeatsLoneFirst = run !== undefined && run.items.length === 1 && run.items[0].number === 1 && run.items[0].paragraph === p;
      if ((m.number === 1 && !repeatsLoneFirst) || !run) {
        if (m.number !== 1 && (m.family === 'yao' || m.family === 'sequence')) continue;
        const fresh: ItemRun = { family: m.family, items: [item], span: { start, end: p.contentEnd } };
        runs.push(fresh);
        open.set(m.family, fresh);
      } else {
        run.items.push(item);
        run.span.end = p.contentEnd;
      }
    }
  }
  return runs;
}
