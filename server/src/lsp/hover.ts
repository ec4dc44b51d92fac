/** Hovering a speech title shows the speech's figures: characters, sections, sub-sections, items and speaking time. */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { formatMessage, type Locale, type LocalizedText, type Speech, type SpeechDocument } from '../core';
import { roundMinutes } from '../core/stats';
import { summarizeSpeech } from '../core/summary';
import { toRange } from './positions';
import { formatCount } from './statistics';

const LINES: Readonly<Record<'chars' | 'parts' | 'time', LocalizedText>> = {
  chars: { zh: '正文 {chars} 字（不含标题、发言人行、标题序号）', en: '{chars} characters in the body (title, speaker line and section markers not counted)' },
  parts: { zh: '{sections} 个部分，{subsections} 个小节，{items} 个分项', en: 'Sections: {sections}, sub-sections: {subsections}, items: {items}' },
  time: { zh: '按每分钟 {pace} 字计，约 {minutes} 分钟', en: 'About {minutes} minutes at {pace} characters a minute' },
};
const PAGES: Readonly<Record<'one' | 'many', LocalizedText>> = {
  one: { zh: '排版后在第 {first} 页', en: 'Printed on page {first}' },
  many: { zh: '排版后占 {count} 页（第 {first}–{last} 页）', en: 'Printed on {count} pages ({first}–{last})' },
};

/** The pages a speech is printed on (1-based, inclusive), from the layout of its file. */
export interface SpeechPages {
  first: number;
  last: number;
}

/** `pagesOf` gives the pages a speech is printed on, when the server could lay the draft out. */
export function hover(doc: SpeechDocument, offset: number, pace: number, locale: Locale, pagesOf?: (speech: Speech) => SpeechPages | undefined): Hover | null {
  const speech = doc.speeches.find((s) => s.title && s.title.span.start <= offset && offset <= s.title.span.end);
  if (!speech?.title) return null;
  const s = summarizeSpeech(doc, speech, pace);
  const speaker = speech.speaker?.name?.value;
  const heading = `**${escapeMarkdown(speech.title.text)}**${speaker ? ` — ${escapeMarkdown(speaker)}` : ''}`;
  const lines = [
    formatMessage(LINES.chars[locale], { chars: formatCount(s.chars, locale) }),
    formatMessage(LINES.parts[locale], { sections: s.sections, subsections: s.subsections, items: s.items }),
    formatMessage(LINES.time[locale], { pace, minutes: roundMinutes(s.minutes) }),
  ];
  const pages = pagesOf?.(speech);
  if (pages) lines.push(formatMessage(PAGES[pages.first === pages.last ? 'one' : 'many'][locale], { ...pages, count: pages.last - pages.first + 1 }));
  return {
    contents: { kind: MarkupKind.Markdown, value: [heading, '', ...lines.map((l) => `- ${l}`)].join('\n') },
    range: toRange(doc.lines, speech.title.span),
  };
}

/** Titles may hold `*`, `_` or brackets that Markdown would read as markup. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}
