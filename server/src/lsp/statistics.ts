/**
 * Speaking time for the editor's status bar (`speech/statistics`): characters
 * and minutes of the speech under the cursor and of the whole file, as text
 * ready to show in the client's language. The client only displays it.
 */
import { formatMessage, type Locale, type LocalizedText, type SpeechDocument } from '../core';
import { speechAtLine } from '../core/locate';
import { roundMinutes } from '../core/stats';
import { summarizeDocument, summarizeSpeech } from '../core/summary';
import type { StatisticsResult } from './protocol';

const FIGURES: LocalizedText = { zh: '{chars}字 · 约{minutes}分钟', en: '{chars} chars · ~{minutes} min' };
const THIS_SPEECH: LocalizedText = { zh: '本篇 {figures}', en: 'This speech {figures}' };
const WHOLE_FILE: LocalizedText = { zh: '全文 {figures}', en: 'File {figures}' };
const SPEECH_LINE: LocalizedText = {
  zh: '{title}：{chars}字，约{minutes}分钟；{sections}个部分，{items}个分项',
  en: '{title}: {chars} characters, about {minutes} minutes; sections: {sections}, items: {items}',
};
const FILE_LINE: LocalizedText = { zh: '全文{speeches}篇，{chars}字，约{minutes}分钟', en: 'Whole file: {speeches} speeches, {chars} characters, about {minutes} minutes' };
const PACE_NOTE: LocalizedText = {
  zh: '按每分钟{pace}字计；字数含正文的汉字、字母、数字和标点，不含标题、发言人行、标题序号和空白',
  en: 'At {pace} characters a minute; counting the body’s Han characters, letters, digits and punctuation, not the title, speaker line, section markers or whitespace',
};
export const UNTITLED: LocalizedText = { zh: '（无标题）', en: '(untitled)' };
const PAGES: Record<'one' | 'many', LocalizedText> = { one: { zh: '{pages}页', en: '{pages} page' }, many: { zh: '{pages}页', en: '{pages} pages' } };
const PAGES_LINE: LocalizedText = { zh: '排版后全文共{pages}页（GB/T 9704 版面，每页{lines}行、每行{chars}字）', en: 'Printed pages: {pages} (GB/T 9704 page, {lines} lines of {chars} characters)' };

/** `3页` / `3 pages`: a page count, as the status bar and the preview say it. */
export function pageCount(pages: number, locale: Locale): string {
  return formatMessage(PAGES[pages === 1 ? 'one' : 'many'][locale], { pages: formatCount(pages, locale) });
}

/** The printed draft's pages and the grid they were counted on, from the layout (`lsp/layout.ts`). */
export interface PrintedPages {
  pages: number;
  linesPerPage: number;
  charsPerLine: number;
}

/** A count as the reader's language writes it: `1234` in Chinese, `1,234` in English. */
export function formatCount(n: number, locale: Locale): string {
  return locale === 'zh' ? String(n) : n.toLocaleString('en-US');
}

/** `1234字 · 约5.7分钟` / `1,234 chars · ~5.7 min`: the short form the status bar and code lens show. */
export function figures(chars: number, minutes: number, locale: Locale): string {
  return formatMessage(FIGURES[locale], { chars: formatCount(chars, locale), minutes: roundMinutes(minutes) });
}

/** With `printed`, the file's page count follows its figures and the tooltip says the grid it was counted on. */
export function statisticsAt(doc: SpeechDocument, offset: number, pace: number, locale: Locale, printed?: PrintedPages): StatisticsResult {
  const file = summarizeDocument(doc, pace);
  const fileFigures = figures(file.chars, file.minutes, locale);
  const speech = speechAtLine(doc, doc.lines.positionAt(offset).line);
  const tooltip: string[] = [];
  let text = fileFigures;
  let current: StatisticsResult['speech'];
  if (speech) {
    const summary = summarizeSpeech(doc, speech, pace);
    current = { ...summary, title: speech.title?.text };
    // With one speech in the file, its figures are the file's: say them once.
    if (doc.speeches.length > 1) {
      text = `${formatMessage(THIS_SPEECH[locale], { figures: figures(summary.chars, summary.minutes, locale) })} | ${formatMessage(WHOLE_FILE[locale], { figures: fileFigures })}`;
    }
    tooltip.push(
      formatMessage(SPEECH_LINE[locale], {
        title: speech.title?.text || UNTITLED[locale],
        chars: formatCount(summary.chars, locale),
        minutes: roundMinutes(summary.minutes),
        sections: summary.sections,
        items: summary.items,
      }),
    );
  }
  if (doc.speeches.length > 1 || !speech) {
    tooltip.push(formatMessage(FILE_LINE[locale], { speeches: file.speeches, chars: formatCount(file.chars, locale), minutes: roundMinutes(file.minutes) }));
  }
  if (printed) {
    text = `${text} · ${pageCount(printed.pages, locale)}`;
    tooltip.push(formatMessage(PAGES_LINE[locale], { pages: formatCount(printed.pages, locale), lines: printed.linesPerPage, chars: printed.charsPerLine }));
  }
  tooltip.push(formatMessage(PACE_NOTE[locale], { pace }));
  return { text, tooltip: tooltip.join('\n'), charsPerMinute: pace, file: printed ? { ...file, pages: printed.pages } : file, speech: current };
}
