/** A speech slot has a length: in characters, in minutes at a reading pace, or in printed pages. Off unless configured. */
import { layout } from '../../layout';
import type { Speech, SpeechDocument } from '../../model';
import type { Rule, RuleServices } from '../../rule';
import { countSpeechChars, roundMinutes, speakingMinutes } from '../../stats';

export const rule: Rule = {
  meta: {
    id: 'length-limit',
    category: 'structure',
    defaultSeverity: 'warning',
    description: {
      zh: '发言超过规定字数或时长',
      en: 'A speech longer than the allowed characters or speaking time',
    },
    messages: {
      tooManyChars: {
        zh: '发言正文{chars}字，超过限定的{max}字，应压缩',
        en: 'Speech body has {chars} characters, over the limit of {max}: cut it down',
      },
      tooManyMinutes: {
        zh: '按每分钟{pace}字计，发言约需{minutes}分钟，超过限定的{max}分钟，应压缩',
        en: 'At {pace} characters a minute the speech takes about {minutes} minutes, over the limit of {max}: cut it down',
      },
      tooManyPages: {
        zh: '发言排版后共{pages}页，超过限定的{max}页，应压缩',
        en: 'The speech fills {pages} printed pages, over the limit of {max}: cut it down',
      },
    },
    fixable: false,
    options: {
      maxChars: {
        type: 'number',
        default: null,
        minimum: 0,
        description: { zh: '正文字数上限（null 为不限）', en: 'Most characters a speech body may have (null: no limit)' },
      },
      maxMinutes: {
        type: 'number',
        default: null,
        minimum: 0,
        description: { zh: '发言时长上限，单位分钟（null 为不限）', en: 'Longest speaking time in minutes (null: no limit)' },
      },
      charsPerMinute: {
        type: 'number',
        default: 220,
        minimum: 1,
        description: { zh: '语速：每分钟读多少字', en: 'Reading pace: characters per minute' },
      },
      maxPages: {
        type: 'number',
        default: null,
        minimum: 1,
        description: { zh: '发言排版后的页数上限（GB/T 9704 版面，null 为不限）', en: 'Most printed pages a speech may fill on the GB/T 9704 page (null: no limit)' },
      },
    },
  },
  check(ctx) {
    const maxChars = limit(ctx.options.maxChars);
    const maxMinutes = limit(ctx.options.maxMinutes);
    const pace = limit(ctx.options.charsPerMinute) || undefined; // a pace of 0 paces nothing
    const maxPages = limit(ctx.options.maxPages);
    if (maxChars === undefined && (maxMinutes === undefined || pace === undefined) && maxPages === undefined) return;
    for (const speech of ctx.doc.speeches) {
      const chars = countSpeechChars(ctx.doc, speech);
      const span = anchor(speech);
      if (maxChars !== undefined && chars > maxChars) {
        ctx.report({ span, messageId: 'tooManyChars', data: { chars, max: maxChars } });
      }
      if (maxMinutes !== undefined && pace !== undefined) {
        const minutes = speakingMinutes(chars, pace);
        if (minutes > maxMinutes) {
          ctx.report({ span, messageId: 'tooManyMinutes', data: { pace, minutes: roundMinutes(minutes), max: maxMinutes } });
        }
      }
      if (maxPages !== undefined) {
        const pages = printedPages(ctx.doc, speech, ctx.services.page);
        if (pages > maxPages) ctx.report({ span, messageId: 'tooManyPages', data: { pages, max: maxPages } });
      }
    }
  },
};

/** A usable setting: a finite number not below zero; anything else (null included) leaves its check off. */
function limit(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * The pages the speech fills laid out alone on the export's page (the host lends the configuration's
 * grid; the default page without it): a speech of a compilation as if exported on its own, so its
 * count does not hang on where the speech before it ended.
 */
function printedPages(doc: SpeechDocument, speech: Speech, page: RuleServices['page']): number {
  // The pace sets only each page's speaking time, which is not read here.
  return layout(doc.text.slice(speech.span.start, speech.span.end), { ...page, charsPerMinute: 1 }).pages.length;
}

/** The speech's title, or its first line when it has none. */
function anchor(speech: Speech): { start: number; end: number } {
  if (speech.title) return speech.title.span;
  const first = speech.paragraphs[0];
  return { start: first.contentStart, end: first.contentEnd };
}
