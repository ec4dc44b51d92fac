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
import { allMatches } from '../../text/matches';

/** Longest quoted phrase still read as a name in title form. */
const MAX_NAME_LENGTH = 40;

const LEFT_DOUBLE_QUOTE = 0x201c;
const RIGHT_DOUBLE_QUOTE = 0x201d;
const LEFT_TITLE_MARK = 0x300a;
const RIGHT_TITLE_MARK = 0x300b;

/** ASCII punctuation and symbols: `!`–`/`, `:`–`@`, `[`–`` ` ``, `{`–`~`. */
const isAsciiMarkCode = (code: number): boolean =>
  (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);

/** Insides of quoted/titled phrases that hold no punctuation: names, whose spaces are deliberate. */
function namePhrases(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const open: Array<{ at: number; close: number; punctuated: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Not `open[-1]` when empty: V8 looks that up as a named property, slowly.
    const top = open.length > 0 ? open[open.length - 1] : undefined;
    if (top && code === top.close) {
      open.pop();
      if (!top.punctuated && i - top.at - 1 <= MAX_NAME_LENGTH) spans.push({ start: top.at + 1, end: i });
    } else if (code === LEFT_DOUBLE_QUOTE || code === LEFT_TITLE_MARK) {
      if (top) top.punctuated = true;
      open.push({ at: i, close: code === LEFT_DOUBLE_QUOTE ? RIGHT_DOUBLE_QUOTE : RIGHT_TITLE_MARK, punctuated: false });
    } else if (top && (isChinesePunctuationCode(code) || isAsciiMarkCode(code))) {
      top.punctuated = true;
    }
  }
  // A phrase holding another is punctuated, so name phrases never nest: pushed as they close, they are in order.
  return spans;
}

/** Runs of spaces; a paragraph without one (most of them) is passed over at the cost of one search. */
const SPACE_RUN = /[ \t\u3000\u00a0]+/g;

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
    // A line read as body may be a title or speaker line the parser missed, whose spaces are deliberate.
    fixable: 'edit',
  },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      if (p.role !== 'body') continue;
      const text = p.content;
      // Name phrases are found only once a space between Chinese needs them.
      let inName: ((i: number) => boolean) | undefined;
      for (const m of allMatches(SPACE_RUN, text)) {
        const [start, end] = [m.index, m.index + m[0].length];
        const before = previousNonSpace(text, start);
        if (before < 0 || end >= text.length || !isChineseAt(text, before) || !isChineseAt(text, end)) continue;
        inName ??= ascendingSpanTest(namePhrases(text));
        if (inName(start)) continue;
        const span = { start: p.contentStart + start, end: p.contentStart + end };
        ctx.report({ span, messageId: 'space', fix: [{ span, text: '' }] });
      }
    }
  },
};
