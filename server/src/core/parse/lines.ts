/** First pass: split the text into lines, each non-blank one a paragraph or a comment line. */
import type { CommentLine, Paragraph } from '../model';
import { isIndentCode } from '../text/chars';
import type { LineIndex } from '../text/lineIndex';
import { STEP_SIZE, type Steps } from '../steps';

const COMMENT = /^<!--([\s\S]*?)-->$/;
/**
 * A plain-text draft's control comment: `//` and a `speechlint-` directive.
 * Only a directive: any other line opening with `//` stays text, never hidden.
 */
const PLAIN_DIRECTIVE = /^\/\/\s*(speechlint-[\s\S]*)$/;

/** Scans lines `from` up to `to` (all of them by default) into `paragraphs` and `comments`. */
export function* scanLines(text: string, index: LineIndex, bom: number, paragraphs: Paragraph[], comments: CommentLine[], from = 0, to = index.lineCount): Steps<void> {
  const { starts } = index;
  for (let line = from; line < to; line++) {
    if (line % STEP_SIZE === STEP_SIZE - 1) yield;
    const start = line === 0 ? Math.max(starts[0], bom) : starts[line];
    const end = index.lineEnd(line);
    let cs = start;
    while (cs < end && isIndentCode(text.charCodeAt(cs))) cs++;
    if (cs === end) continue;
    let ce = end;
    while (ce > cs && isIndentCode(text.charCodeAt(ce - 1))) ce--;
    const opener = text.charCodeAt(cs);
    if (opener === 60 /* < */ || (opener === 47 /* / */ && text.charCodeAt(cs + 1) === 47)) {
      const comment = (opener === 60 ? COMMENT : PLAIN_DIRECTIVE).exec(text.slice(cs, ce));
      if (comment) {
        comments.push({ span: { start, end }, line, body: comment[1].trim() });
        continue;
      }
    }
    let h = cs;
    while (h < ce && h - cs < 7 && text.charCodeAt(h) === 35 /* # */) h++;
    const level = h - cs;
    const heading = level >= 1 && level <= 6 && h < ce && isIndentCode(text.charCodeAt(h));
    if (heading) while (h < ce && isIndentCode(text.charCodeAt(h))) h++;
    const contentStart = heading ? h : cs;
    // Every paragraph has every field from the start: one hidden class for all, which optimized code can rely on from check to check.
    paragraphs.push({ span: { start, end }, contentStart, contentEnd: ce, content: text.slice(contentStart, ce), line, role: 'body', headingLevel: heading ? level : 0 });
  }
}
