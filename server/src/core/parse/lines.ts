/** First pass: split the text into lines and note what each line looks like on its face. */
import { isIndentCode } from '../text/chars';
import type { LineIndex } from '../text/lineIndex';

export interface RawLine {
  line: number;
  start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  blank: boolean;
  /** `#` count of a Markdown heading (`#` then a space), else 0. */
  headingLevel: number;
  /** Body of a one-line `<!-- … -->` comment, else undefined. */
  comment?: string;
}

const COMMENT = /^<!--([\s\S]*?)-->$/;

export function scanLines(text: string, index: LineIndex, bom: number): RawLine[] {
  const out: RawLine[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    const start = Math.max(index.starts[line], line === 0 ? bom : 0);
    const end = index.lineEnd(line);
    let cs = start;
    while (cs < end && isIndentCode(text.charCodeAt(cs))) cs++;
    let ce = end;
    while (ce > cs && isIndentCode(text.charCodeAt(ce - 1))) ce--;
    const raw: RawLine = { line, start, end, contentStart: cs, contentEnd: ce, blank: cs === ce, headingLevel: 0 };
    if (!raw.blank) {
      const comment = COMMENT.exec(text.slice(cs, ce));
      if (comment) raw.comment = comment[1].trim();
      else {
        let h = cs;
        while (h < ce && h - cs < 7 && text.charCodeAt(h) === 35 /* # */) h++;
        const level = h - cs;
        if (level >= 1 && level <= 6 && h < ce && isIndentCode(text.charCodeAt(h))) {
          raw.headingLevel = level;
          while (h < ce && isIndentCode(text.charCodeAt(h))) h++;
          raw.contentStart = h;
        }
      }
    }
    out.push(raw);
  }
  return out;
}
