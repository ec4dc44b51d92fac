/**
 * What the printed document holds, before any Word types or line breaking: one
 * block per paragraph of the draft, with the role that picks its style, the
 * runs that pick the heading fonts and where each run comes from in the draft.
 * The Word export writes these blocks and the layout engine breaks them into
 * lines, so both print the same paragraphs. Every paragraph of the draft
 * becomes a block, so an export never drops text the parser could not place.
 */
import type { Paragraph, ParagraphRole, Section, SpeechDocument } from '../model';
import { forEachSection } from '../stats';
import { titleWithoutTrailingPunctuation } from './page';

/** A run's font beyond its paragraph's: the heading sentence of a level-1 (黑体) or level-2 (楷体) section. */
export type RunEmphasis = 'heading1' | 'heading2';

export interface Run {
  text: string;
  /** UTF-16 offsets of `text` in the draft: `text === draft.slice(start, end)`. */
  start: number;
  end: number;
  emphasis?: RunEmphasis;
}

export interface Block {
  role: ParagraphRole;
  runs: Run[];
  /** Where a speech starts after other text: a blank line above it, or a new page. */
  breakBefore?: 'line' | 'page';
  /**
   * A paragraph that is only a heading (a section's heading sentence with nothing after it, or an
   * unnumbered sub-heading): kept on the page of the paragraph after it, so it never ends a page.
   */
  keepNext: boolean;
}

export function planBlocks(doc: SpeechDocument, options: { pageBreakBetweenSpeeches: boolean }): Block[] {
  const sectionStarts = new Map<Paragraph, Section>();
  const speechStarts = new Map<Paragraph, number>();
  const subHeadings = new Set<Paragraph>();
  doc.speeches.forEach((speech, k) => {
    speechStarts.set(speech.paragraphs[0], k);
    speech.headings.forEach((h) => subHeadings.add(h.paragraph));
    forEachSection(speech, (s) => {
      sectionStarts.set(s.paragraphs[0], s);
      s.headings.forEach((h) => subHeadings.add(h.paragraph));
    });
  });

  return doc.paragraphs.map((p, i): Block => {
    const section = sectionStarts.get(p);
    const block: Block = {
      role: p.role,
      runs: runsOf(doc.text, p, section),
      keepNext: p.role === 'body' && (subHeadings.has(p) || (section !== undefined && section.heading.span.end >= p.contentEnd)),
    };
    const speechIndex = speechStarts.get(p);
    if (speechIndex !== undefined && i > 0) {
      block.breakBefore = options.pageBreakBetweenSpeeches && speechIndex > 0 ? 'page' : 'line';
    }
    return block;
  });
}

function runsOf(text: string, p: Paragraph, section: Section | undefined): Run[] {
  const run = (start: number, end: number, emphasis?: RunEmphasis): Run => ({ text: text.slice(start, end), start, end, emphasis });
  if (p.role === 'compilation-title' || p.role === 'speech-title') {
    return [run(p.contentStart, p.contentStart + titleWithoutTrailingPunctuation(p.content).length)];
  }
  if (!section || section.level > 2) return [run(p.contentStart, p.contentEnd)];
  // The heading sentence runs from the marker to its `。`; the rest of the paragraph is body text.
  const headingEnd = Math.min(section.heading.span.end, p.contentEnd);
  const runs: Run[] = [run(p.contentStart, headingEnd, section.level === 1 ? 'heading1' : 'heading2')];
  if (headingEnd < p.contentEnd) runs.push(run(headingEnd, p.contentEnd));
  return runs;
}
