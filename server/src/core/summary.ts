/**
 * How long a speech runs, for the status bar, the code lens and the hover.
 * Characters are counted as `stats.ts` counts them for `length-limit`, and the
 * reading pace is that rule's `charsPerMinute`, so every figure the editor
 * shows agrees with what the rule would report.
 */
import type { RuleSettings } from './lint';
import type { Section, Speech, SpeechDocument } from './model';
import { rule as lengthLimit } from './rules/structure/length-limit';
import { countSpeechChars, countVisibleChars, forEachSection, speakingMinutes } from './stats';

export interface SpeechSummary {
  chars: number;
  minutes: number;
  /** Level-1 sections. */
  sections: number;
  /** Sections below level 1. */
  subsections: number;
  /** Inline item markers (`一是`, `第二`…) in all runs. */
  items: number;
}

export interface DocumentSummary {
  chars: number;
  minutes: number;
  speeches: number;
}

const DEFAULT_PACE = lengthLimit.meta.options!.charsPerMinute.default as number;

/**
 * The reading pace set for `length-limit` (characters a minute). It applies
 * even with the rule off: `["off", { "charsPerMinute": 180 }]` still sets the pace.
 */
export function paceFromSettings(rules: RuleSettings | undefined): number {
  const setting = rules?.[lengthLimit.meta.id];
  const pace = Array.isArray(setting) ? (setting[1] as Readonly<Record<string, unknown>> | undefined)?.charsPerMinute : undefined;
  return typeof pace === 'number' && Number.isFinite(pace) && pace >= 1 ? pace : DEFAULT_PACE;
}

export function summarizeSpeech(doc: SpeechDocument, speech: Speech, pace: number): SpeechSummary {
  const chars = countSpeechChars(doc, speech);
  let subsections = 0;
  let items = speech.itemRuns.reduce((n, r) => n + r.items.length, 0);
  forEachSection(speech, (s) => {
    if (s.level > 1) subsections++;
    items += s.itemRuns.reduce((n, r) => n + r.items.length, 0);
  });
  return { chars, minutes: speakingMinutes(chars, pace), sections: speech.sections.filter((s) => s.level === 1).length, subsections, items };
}

export function summarizeDocument(doc: SpeechDocument, pace: number): DocumentSummary {
  const chars = doc.speeches.reduce((n, s) => n + countSpeechChars(doc, s), 0);
  return { chars, minutes: speakingMinutes(chars, pace), speeches: doc.speeches.length };
}

/** A section's characters, its sub-sections included, counted as `countSpeechChars` counts a speech (markers left out). */
export function sectionChars(doc: SpeechDocument, section: Section): number {
  let chars = 0;
  const walk = (s: Section): void => {
    for (const p of s.paragraphs) chars += countVisibleChars(doc.text, p.contentStart, p.contentEnd);
    chars -= countVisibleChars(s.marker.text);
    s.children.forEach(walk);
  };
  walk(section);
  return chars;
}

