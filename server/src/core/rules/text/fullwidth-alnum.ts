/**
 * `fullwidth-alnum`: digits and Latin letters typed in their full-width forms
 * (`２０２１`, `ＧＤＰ`). Chinese official writing sets numbers and Latin letters
 * half-width (GB/T 15835-2011), and full-width ones also defeat search and the
 * other rules. Every paragraph is checked; a run is one finding.
 */
import type { Rule } from '../../rule';
import { allMatches } from '../../text/matches';

const RUN = /[０-９Ａ-Ｚａ-ｚ]+/g;
/** Distance from a full-width form (U+FF10…) to its ASCII twin. */
const FULLWIDTH_OFFSET = 0xfee0;

const toHalfwidth = (run: string): string => run.replace(/./g, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULLWIDTH_OFFSET));

export const rule: Rule = {
  meta: {
    id: 'fullwidth-alnum',
    category: 'text',
    defaultSeverity: 'info',
    description: {
      zh: '全角数字、全角英文字母应为半角',
      en: 'Full-width digits and Latin letters should be half-width',
    },
    messages: {
      fullwidth: { zh: '全角字符“{found}”应为半角“{fixed}”', en: 'Full-width "{found}" should be half-width "{fixed}"' },
    },
    fixable: 'form',
  },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      for (const m of allMatches(RUN, p.content)) {
        const fixed = toHalfwidth(m[0]);
        const span = { start: p.contentStart + m.index, end: p.contentStart + m.index + m[0].length };
        ctx.report({ span, messageId: 'fullwidth', data: { found: m[0], fixed }, fix: [{ span, text: fixed }] });
      }
    }
  },
};
