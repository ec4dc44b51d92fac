/**
 * Code lenses with each speech's length over its title and each level-1
 * section's over its heading: where a drafter sees at a glance which part runs
 * long. Display only: the lenses carry no command to run.
 */
import type { CodeLens } from 'vscode-languageserver';
import type { Locale, SpeechDocument } from '../core';
import { sectionChars, summarizeSpeech } from '../core/summary';
import { speakingMinutes } from '../core/stats';
import { toRange } from './positions';
import { figures } from './statistics';

export function codeLenses(doc: SpeechDocument, pace: number, locale: Locale): CodeLens[] {
  const lenses: CodeLens[] = [];
  const lens = (span: { start: number; end: number }, chars: number): void => {
    // An empty command id shows the title as plain text.
    lenses.push({ range: toRange(doc.lines, span), command: { title: figures(chars, speakingMinutes(chars, pace), locale), command: '' } });
  };
  for (const speech of doc.speeches) {
    const head = speech.title?.span ?? speech.speaker?.span ?? speech.paragraphs[0].span;
    lens(head, summarizeSpeech(doc, speech, pace).chars);
    for (const section of speech.sections) {
      if (section.level === 1) lens({ start: section.marker.span.start, end: section.heading.span.end }, sectionChars(doc, section));
    }
  }
  return lenses;
}
