/**
 * `stray-space`: a space (ASCII, ideographic U+3000, no-break, tab) with
 * Chinese on both sides — between Han characters, between a Han character
 * and Chinese punctuation (`两点半。 龙进品`), or between two Chinese marks. Chinese prose has no spaces
 * between words, so one there is left over from editing.
 *
 * Body paragraphs only: titles separate their parallel halves with a space and
 * speaker lines put one before the name (`雷 杰`). Indentation and trailing
 * spaces lie outside a paragraph's content, so they never come up. A space
 * next to Latin letters or digits (`精神 and 中办`, `共 30 人`) is not this rule's.
 *
 * One exception inside the body: a quoted or titled phrase with no punctuation
 * of its own (`开展“创城有我 政协委员在行动”活动`, `《A B》`) is a name written
 * in title form, and keeps its space.
 */
import type { Rule } from '../../rule';
import { ascendingSpanTest, isChineseAt, isChinesePunctuationCode, previousNonSpace } from '../../text/context';
import { isIndentCode } from '../../text/chars';

const PAIRS: Readonly<Record<string, string>> = { '“': '”', '《': '》' };
/** Longest quoted phrase still read as a name in title form. */
const MAX_NAME_LENGTH = 40;

/** Insides of quoted/titled phrases that hold no punctuation: names, whose spaces are deliberate. */
function namePhrases(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const open: Array<{ at: number; close: string; punctuated: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const top = open[open.length - 1];
    if (top && ch === top.close) {
      open.pop();
      if (!top.punctuated && i - top.at - 1 <= MAX_NAME_LENGTH) spans.push({ start: top.at + 1, end: i });
    } else if (ch in PAIRS) {
      if (top) top.punctuated = true;
      open.push({ at: i, close: PAIRS[ch], punctuated: false });
    } else if (top && (isChinesePunctuationCode(text.charCodeAt(i)) || /[!-/:-@[-`{-~]/.test(ch))) {
      top.punctuated = true;
    }
  }
  // A phrase holding another is punctuated, so name phrases never nest: pushed as they close, they are in order.
  return spans;
}

export const rule: Rule = {
  meta: {
    id: 'stray-space',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '汉字之间、汉字与中文标点之间的多余空格（标题、署名行除外）',
      en: 'A space between Han characters, or between a Han character and Chinese punctuation (outside titles and speaker lines)',
    },
    messages: {
      space: { zh: '中文之间多余的空格，应删除', en: 'Stray space in Chinese text: delete it' },
    },
    fixable: true,
  },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      if (p.role !== 'body') continue;
      const text = p.content;
      const inName = ascendingSpanTest(namePhrases(text));
      for (let i = 0; i < text.length; i++) {
        if (!isIndentCode(text.charCodeAt(i))) continue;
        let end = i + 1;
        while (end < text.length && isIndentCode(text.charCodeAt(end))) end++;
        const before = previousNonSpace(text, i);
        if (before >= 0 && end < text.length && isChineseAt(text, before) && isChineseAt(text, end) && !inName(i)) {
          const span = { start: p.contentStart + i, end: p.contentStart + end };
          ctx.report({ span, messageId: 'space', fix: [{ span, text: '' }] });
        }
        i = end;
      }
    }
  },
};
