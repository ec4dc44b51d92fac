/** Finding what stands at a place in a parsed document: the editor features ask "where is the cursor?". */
import type { Paragraph, Speech, SpeechDocument } from './model';

/** Index of the last paragraph on or before `line` (−1 when there is none); paragraphs are in line order. */
function lastParagraphIndexAtOrBefore(doc: SpeechDocument, line: number): number {
  let lo = 0;
  let hi = doc.paragraphs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (doc.paragraphs[mid].line <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The paragraph on `line`, when that line holds one (not blank, not a comment). */
export function paragraphAtLine(doc: SpeechDocument, line: number): Paragraph | undefined {
  const p = doc.paragraphs[lastParagraphIndexAtOrBefore(doc, line)];
  return p?.line === line ? p : undefined;
}

/** The nearest paragraph above `line`. */
export function paragraphBeforeLine(doc: SpeechDocument, line: number): Paragraph | undefined {
  return doc.paragraphs[lastParagraphIndexAtOrBefore(doc, line - 1)];
}

/**
 * The speech `line` belongs to: the last one starting on or before it, so a
 * blank line between two paragraphs of a speech belongs to that speech.
 * Undefined above the first speech (the compilation's title lines).
 */
export function speechAtLine(doc: SpeechDocument, line: number): Speech | undefined {
  let found: Speech | undefined;
  for (const speech of doc.speeches) {
    if (speech.paragraphs[0].line > line) break;
    found = speech;
  }
  return found;
}
