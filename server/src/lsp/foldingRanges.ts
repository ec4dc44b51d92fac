/** Folding: each speech, section and unnumbered sub-heading that runs over more than one line. */
import type { FoldingRange } from 'vscode-languageserver';
import type { Section, SpeechDocument, TextSpan } from '../core';

export function foldingRanges(doc: SpeechDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (span: TextSpan): void => {
    const startLine = doc.lines.positionAt(span.start).line;
    const endLine = doc.lines.positionAt(span.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };
  const section = (s: Section): void => {
    add(s.span);
    for (const h of s.headings) add(h.span);
    s.children.forEach(section);
  };
  for (const speech of doc.speeches) {
    add(speech.span);
    for (const h of speech.headings) add(h.span);
    speech.sections.forEach(section);
  }
  return ranges;
}
