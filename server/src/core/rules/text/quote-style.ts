/**
 * `quote-style`: straight quotes `"…"` `'…'` in Chinese text. Body paragraphs
 * only (titles and speaker lines have form rules of their own). Quotes pair up
 * in order within a paragraph; when a paragraph holds an odd number of one
 * kind, which one is unpaired is a guess, so all of that kind are reported
 * without a fix.
 */
import type { Paragraph, TextSpan } from '../../model';
import type { Rule, RuleContext } from '../../rule';
import { ascendingSpanTest, chineseContext, spacesBackToChinese, spacesUpToChinese, urlSpans, type ChineseContext } from '../../text/context';

/** Most paragraphs hold no straight quote and are passed over at the cost of this test: two searches for one character, which cost less than one for a class of characters. */
const hasStraightQuote = (text: string): boolean => text.includes('"') || text.includes("'");

const isLatinLetter = (ch: string | undefined): boolean => ch !== undefined && /^[A-Za-z]$/.test(ch);

interface QuoteKind {
  mark: '"' | "'";
  open: string;
  close: string;
  pairedId: string;
  unpairedId: string;
}

const KINDS: readonly QuoteKind[] = [
  { mark: '"', open: '“', close: '”', pairedId: 'double', unpairedId: 'doubleUnpaired' },
  { mark: "'", open: '‘', close: '’', pairedId: 'single', unpairedId: 'singleUnpaired' },
];

export const rule: Rule = {
  meta: {
    id: 'quote-style',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '中文里的直引号 "…" \'…\' 应为中文引号 “…” ‘…’',
      en: 'Straight quotes "…" \'…\' in Chinese text should be Chinese quotes “…” ‘…’',
    },
    messages: {
      double: { zh: '直双引号应为中文双引号“”', en: 'Straight double quotes should be Chinese quotes “”' },
      single: { zh: '直单引号应为中文单引号‘’', en: "Straight single quotes should be Chinese quotes ‘’" },
      doubleUnpaired: {
        zh: '直双引号应为中文双引号；本段直双引号个数为奇数，请逐个改为“或”',
        en: 'Straight double quote should be a Chinese quote; this paragraph has an odd number of them, so change each to “ or ” by hand',
      },
      singleUnpaired: {
        zh: '直单引号应为中文单引号；本段直单引号个数为奇数，请逐个改为‘或’',
        en: "Straight single quote should be a Chinese quote; this paragraph has an odd number of them, so change each to ‘ or ’ by hand",
      },
    },
    fixable: 'form',
  },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      if (p.role !== 'body' || !hasStraightQuote(p.content)) continue;
      const urls = urlSpans(p.content);
      // Both kinds of straight quote become Chinese, so neither decides the other's context.
      const chinese = chineseContext(p.content, `"'`);
      for (const kind of KINDS) checkKind(ctx, p, urls, chinese, kind);
    }
  },
};

function checkKind(ctx: RuleContext, p: Paragraph, urls: readonly TextSpan[], chinese: ChineseContext, kind: QuoteKind): void {
  const { content: text, contentStart: base } = p;
  const inUrl = ascendingSpanTest(urls);
  const marks: number[] = [];
  for (let i = text.indexOf(kind.mark); i >= 0; i = text.indexOf(kind.mark, i + 1)) {
    if (inUrl(i)) continue;
    // `Xi'an`, `it's`: an apostrophe inside a Latin word is no quote.
    if (kind.mark === "'" && isLatinLetter(text[i - 1]) && isLatinLetter(text[i + 1])) continue;
    marks.push(i);
  }
  const at = (i: number) => ({ start: base + i, end: base + i + 1 });
  if (marks.length % 2 === 1) {
    for (const i of marks) if (chinese.around(i)) ctx.report({ span: at(i), messageId: kind.unpairedId });
    return;
  }
  for (let k = 0; k < marks.length; k += 2) {
    const [o, c] = [marks[k], marks[k + 1]];
    if (!chinese.around(o) && !chinese.around(c)) continue;
    // The edits take along English-style spaces outside the quotes (see `spacesUpToChinese`).
    const start = spacesBackToChinese(text, o);
    const end = spacesUpToChinese(text, c + 1);
    ctx.report({
      span: { start: base + start, end: base + end },
      messageId: kind.pairedId,
      fix: [
        { span: { start: base + start, end: base + o + 1 }, text: kind.open },
        { span: { start: base + c, end: base + end }, text: kind.close },
      ],
    });
  }
}
