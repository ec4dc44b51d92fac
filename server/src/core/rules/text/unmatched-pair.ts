/**
 * `unmatched-pair`: an opening `“ ‘ 《 （ 【 〈` without its closing partner in
 * the same paragraph, or a closing mark without its opener. Every paragraph is
 * checked, titles and speaker lines included (no form rule covers balance).
 *
 * A body paragraph that stops mid-sentence (a page or column break in print)
 * hands its still-open marks to the next body paragraph: a pair split by such
 * a break is the `broken-paragraph` rule's finding, not a second one here.
 *
 * One pass with a stack; a closer that matches a mark deeper in the stack
 * pops down to it (each mark is pushed and popped once, so the pass stays
 * linear), and the marks it pops over are the unclosed ones.
 */
import type { Paragraph } from '../../model';
import type { Rule, RuleContext } from '../../rule';

interface PairKind {
  open: string;
  close: string;
  zh: string;
  en: string;
}

const KINDS: readonly PairKind[] = [
  { open: '“', close: '”', zh: '双引号', en: 'double quote' },
  { open: '‘', close: '’', zh: '单引号', en: 'single quote' },
  { open: '《', close: '》', zh: '书名号', en: 'title mark' },
  { open: '（', close: '）', zh: '括号', en: 'parenthesis' },
  { open: '【', close: '】', zh: '方头括号', en: 'square bracket' },
  { open: '〈', close: '〉', zh: '单书名号', en: 'angle bracket' },
];
/** Per UTF-16 code unit: 0 for most, `kind + 1` for an opening mark, `-(kind + 1)` for a closing one. */
const PAIR_ROLE = new Int8Array(0x10000);
KINDS.forEach((k, i) => {
  PAIR_ROLE[k.open.charCodeAt(0)] = i + 1;
  PAIR_ROLE[k.close.charCodeAt(0)] = -(i + 1);
});
const RIGHT_SINGLE_QUOTE = 0x2019;

/** Last characters of a paragraph that has finished its sentence (or its clause: `；` `：`), closing marks included; after anything else it was broken off. */
const FINISHED = '。！？…；：”’）》】〉—';

const isLatinLetter = (ch: string | undefined): boolean => ch !== undefined && /^[A-Za-z]$/.test(ch);

interface OpenMark {
  offset: number;
  kind: number;
}

export const rule: Rule = {
  meta: {
    id: 'unmatched-pair',
    category: 'text',
    defaultSeverity: 'error',
    description: {
      zh: '段落内成对标点（“” ‘’ 《》 （） 【】 〈〉）不配对',
      en: 'Paired punctuation (“” ‘’ 《》 （） 【】 〈〉) left unbalanced within a paragraph',
    },
    messages: {
      unclosed: { zh: '左{nameZh}缺少配对的右{nameZh}', en: 'Opening {nameEn} "{mark}" has no closing "{partner}"' },
      unopened: { zh: '右{nameZh}缺少配对的左{nameZh}', en: 'Closing {nameEn} "{mark}" has no opening "{partner}"' },
    },
    fixable: false,
  },
  check(ctx) {
    const stack: OpenMark[] = [];
    const counts = KINDS.map(() => 0);
    const paragraphs = ctx.doc.paragraphs;
    paragraphs.forEach((p, i) => {
      scan(ctx, p, stack, counts);
      const next = paragraphs[i + 1];
      const carries = p.role === 'body' && next?.role === 'body' && !FINISHED.includes(p.content[p.content.length - 1]);
      if (!carries) {
        for (const m of stack) report(ctx, m.offset, m.kind, 'unclosed');
        stack.length = 0;
        counts.fill(0);
      }
    });
  },
};

function scan(ctx: RuleContext, p: Paragraph, stack: OpenMark[], counts: number[]): void {
  const text = p.content;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const role = PAIR_ROLE[code];
    if (role === 0) continue;
    if (role > 0) {
      stack.push({ offset: p.contentStart + i, kind: role - 1 });
      counts[role - 1]++;
      continue;
    }
    const closed = -role - 1;
    // `People’s`: a right single quote inside a Latin word is an apostrophe.
    if (code === RIGHT_SINGLE_QUOTE && isLatinLetter(text[i - 1]) && isLatinLetter(text[i + 1])) continue;
    if (counts[closed] === 0) {
      report(ctx, p.contentStart + i, closed, 'unopened');
      continue;
    }
    for (let top = stack.pop(); top; top = stack.pop()) {
      counts[top.kind]--;
      if (top.kind === closed) break;
      report(ctx, top.offset, top.kind, 'unclosed');
    }
  }
}

function report(ctx: RuleContext, offset: number, kind: number, messageId: 'unclosed' | 'unopened'): void {
  const k = KINDS[kind];
  const [mark, partner] = messageId === 'unclosed' ? [k.open, k.close] : [k.close, k.open];
  ctx.report({ span: { start: offset, end: offset + 1 }, messageId, data: { nameZh: k.zh, nameEn: k.en, mark, partner } });
}
