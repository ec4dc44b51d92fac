/**
 * How the `typo` rule reports its statistical tier (stat.ts): one finding per
 * suspected character, as a suspicion (the engine lowers it to `info`), with
 * a fix only when a single substitute passes.
 */
import type { LocalizedText, RuleContext } from '../rule';
import { statisticalSuspicions } from './stat';

const REASONS_EN: Readonly<Record<string, string>> = { 同音: 'same sound', 形近: 'similar shape' };

export const STATISTICAL_MESSAGES: Readonly<Record<string, LocalizedText>> = {
  statistical: {
    zh: '“{wrong}”疑为“{right}”之误：“{char}”应为“{rightChar}”（{reason}；据上下文统计推断，请核对）',
    en: '"{wrong}" may be a slip for "{right}": "{char}" would be "{rightChar}" ({reasonEn}; a statistical guess from the context, check it)',
  },
  statisticalChoice: {
    zh: '“{char}”疑为错字，可能是“{rightChars}”（{reason}；据上下文统计推断，请核对）',
    en: '"{char}" may be a wrong character, perhaps "{rightCharsEn}" ({reasonEn}; a statistical guess from the context, check it)',
  },
};

/**
 * Reports the suspicions of every paragraph, skipping those where `skip`
 * says so (words the user allows, characters the other tiers flagged). Needs
 * the model and the segmenter; silent without either.
 */
export function reportStatistical(ctx: RuleContext, skip: (start: number, end: number) => boolean): void {
  const { typoModel, segmenter } = ctx.services;
  if (!typoModel || !segmenter) return;
  const { text } = ctx.doc;
  for (const p of ctx.doc.paragraphs) {
    for (const s of statisticalSuspicions(text, p.contentStart, p.contentEnd, typoModel, segmenter)) {
      const span = { start: s.start, end: s.start + 1 };
      if (skip(span.start, span.end)) continue;
      const [best] = s.rights;
      const wrong = text.slice(s.word.start, s.word.end);
      const right = text.slice(s.word.start, s.start) + best.char + text.slice(s.start + 1, s.word.end);
      const data = {
        wrong,
        right,
        char: text[s.start],
        rightChar: best.char,
        rightChars: s.rights.map((r) => r.char).join('”或“'),
        rightCharsEn: s.rights.map((r) => r.char).join('" or "'),
        reason: best.reason,
        reasonEn: REASONS_EN[best.reason] ?? best.reason,
      };
      if (s.rights.length === 1) ctx.report({ span, messageId: 'statistical', data, fix: [{ span, text: best.char }], suspicion: true });
      else ctx.report({ span, messageId: 'statisticalChoice', data, suspicion: true });
    }
  }
}
