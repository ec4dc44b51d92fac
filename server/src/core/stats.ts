/**
 * Counting a speech the way offices count it, for the length-limit rule, the
 * status bar and the code lens — they must all agree on one number.
 */
import type { Section, Speech, SpeechDocument } from './model';
import { isSpaceCode, splitsSurrogatePair } from './text/chars';

/**
 * Characters a reader counts in `text[start, end)`: every code point except
 * whitespace (a supplementary-plane character is one character, not two UTF-16 units).
 */
export function countVisibleChars(text: string, start = 0, end = text.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    // The range test first: this runs for every character, the pair test only for a high surrogate.
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < end && splitsSurrogatePair(text, i + 1)) i++;
    else if (isSpaceCode(code)) continue;
    n++;
  }
  return n;
}

/** Visits every section of `speech`, parents before children, in document order. */
export function forEachSection(speech: Speech, visit: (section: Section) => void): void {
  const walk = (s: Section): void => {
    visit(s);
    s.children.forEach(walk);
  };
  speech.sections.forEach(walk);
}

/**
 * The speech's length in characters: Han characters, letters, digits and
 * punctuation of its body (lead, sections, closing), leaving out the title,
 * subtitle and speaker line, whitespace (indentation, blank lines, line
 * breaks) and section markers (`一、` `（一）` `1.` `（1）`), which are layout,
 * not words. Inline item markers (`一是`) are spoken, so they count.
 */
export function countSpeechChars(doc: SpeechDocument, speech: Speech): number {
  let chars = 0;
  for (const p of speech.paragraphs) {
    if (p.role === 'body') chars += countVisibleChars(doc.text, p.contentStart, p.contentEnd);
  }
  forEachSection(speech, (s) => {
    chars -= countVisibleChars(s.marker.text);
  });
  return chars;
}

/** Minutes it takes to read `chars` characters aloud at `charsPerMinute`. */
export function speakingMinutes(chars: number, charsPerMinute: number): number {
  return chars / charsPerMinute;
}

/** Minutes to one decimal, rounded up, so a speech just over a limit never reads as exactly at it. */
export function roundMinutes(minutes: number): string {
  return (Math.ceil(minutes * 10) / 10).toFixed(1);
}
