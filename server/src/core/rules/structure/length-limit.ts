/** A speech slot has a length: in characters, or in minutes at a reading pace. Off unless configured. */
import type { Speech } from '../../model';
import type { Rule } from '../../rule';
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
    },
  },
  check(ctx) {
    const maxChars = limit(ctx.options.maxChars);
    const maxMinutes = limit(ctx.options.maxMinutes);
    const pace = limit(ctx.options.charsPerMinute) || undefined; // a pace of 0 paces nothing
    if (maxChars === undefined && (maxMinutes === undefined || pace === undefined)) return;
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
    }
  },
};

/** A usable setting: a finite number not below zero; anything else (null included) leaves its check off. */
function limit(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}


/** The speech's title, or its first line when it has none. */
function anchor(speech: Speech): { start: number; end: number } {
  if (speech.title) return speech.title.span;
  const first = speech.paragraphs[0];
  return { start: first.contentStart, end: first.contentEnd };
}
