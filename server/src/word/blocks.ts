/**
 * What the Word document will hold, before any Word types: one block per
 * paragraph of the draft, with the role that picks its style and the runs that
 * pick the heading fonts. Every paragraph of the draft becomes a block, so an
 * export never drops text the parser could not place.
 */
import type { Paragraph, ParagraphRole, Section, SpeechDocument } from '../core/model';
import { titleWithoutTrailingPunctuation } from './layout';

/** A run's font beyond its paragraph's: the heading sentence of a level-1 (黑体) or level-2 (楷体) section. */
export type RunEmphasis = 'heading1' | 'heading2';

export interface Run {
  text: string;
  emphasis?: RunEmphasis;
}

export interface Block {
  role: ParagraphRole;
  runs: Run[];
  /** Where a speech starts after other text: a blank line above it, or a new page. */
  breakBefore?: 'line' | 'page';
}

export function planBlocks(doc: SpeechDocument, options: { pageBreakBetweenSpeeches: boolean }): Block[] {
  const sectionStarts = new Map<Paragraph, Section>();
  const note = (s: Section): void => {
    sectionStarts.set(s.paragraphs[0], s);
    s.children.forEach(note);
  };
  doc.speeches.forEach((speech) => speech.sections.forEach(note));

  const speechStarts = new Map<Paragraph, number>();
  doc.speeches.forEach((speech, k) => speechStarts.set(speech.paragraphs[0], k));

  return doc.paragraphs.map((p, i): Block => {
    const block: Block = { role: p.role, runs: runsOf(doc.text, p, sectionStarts.get(p)) };
    const speechIndex = speechStarts.get(p);
    if (speechIndex !== undefined && i > 0) {
      block.breakBefore = options.pageBreakBetweenSpeeches && speechIndex > 0 ? 'page' : 'line';
    }
    return block;
  });
}

function runsOf(text: string, p: Paragraph, section: Section | undefined): Run[] {
  if (p.role === 'compilation-title' || p.role === 'speech-title') {
    return [{ text: titleWithoutTrailingPunctuation(p.content) }];
  }
  if (!section || section.level > 2) return [{ text: p.content }];
  // The heading sentence runs from the marker to its `。`; the rest of the paragraph is body text.
  const headingEnd = section.heading.span.end;
  const runs: Run[] = [{ text: text.slice(p.contentStart, headingEnd), emphasis: section.level === 1 ? 'heading1' : 'heading2' }];
  if (headingEnd < p.contentEnd) runs.push({ text: text.slice(headingEnd, p.contentEnd) });
  return runs;
}
