/**
 * `unmatched-pair`: an opening `“ ‘ 《 （ 【 〈` without its closing partner in
 * the same paragraph, or a closing mark without its opener. Every paragraph is
 * checked, titles and speaker lines included (no form rule covers balance).
 *
 * A body paragraph that stops mid-sentence (a page or column break in print)
 * hands its still-open marks to the next body paragraph: a pair split by such
 * a break is the `broken-paragraph` rule's finding, not a second one here.
 *
 * A quotation running over several paragraphs opens each of them with `“`
 * and closes only in the last (GB/T 15834-2011 §4.1.3.3): a paragraph whose
 * one open mark is a `“`, followed by a body paragraph that opens with `“`,
 * hands that quotation on, and the next paragraph's `“` repeats it rather than
 * opening another.
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
/** Any mark of a pair. Paragraphs hold few, and the regular expression finds them faster than a loop over every character. */
const PAIR_MARK = new RegExp(`[${KINDS.map((k) => k.open + k.close).join('')}]`, 'g');
const RIGHT_SINGLE_QUOTE = 0x2019;

/** Last characters of a paragraph that has finished its sentence (or its clause: `；` `：`), closing marks included; after anything else it was broken off. */
const FINISHED = '。！？…；：”’）》】〉—';

const isLatinLetter = (ch: string | undefined): boolean => ch !== undefined && /^[A-Za-z]$/.test(ch);

/**
 * The marks still open, innermost last: where each stands and its kind, in
 * two stacks that move together — no object per mark, and storage kept from
 * paragraph to paragraph (setting a JS array's length to 0 frees its storage,
 * so the stacks keep their own size).
 */
class OpenMarks {
  readonly offsets: number[] = [];
  readonly kinds: number[] = [];
  size = 0;
  /** Open marks per kind: a closer with none of its kind open is unopened, and pops nothing. */
  readonly counts = new Int32Array(KINDS.length);

  push(offset: number, kind: number): void {
    this.offsets[this.size] = offset;
    this.kinds[this.size++] = kind;
    this.counts[kind]++;
  }

  /** Drops the innermost mark; returns its index in `offsets` and `kinds`, valid until the next push. */
  pop(): number {
    this.counts[this.kinds[--this.size]]--;
    return this.size;
  }

  clear(): void {
    this.size = 0;
    this.counts.fill(0);
  }
}

/** Reused from check to check (a check runs to its end before the next starts), so speeches allocate no stacks. */
const openMarks = new OpenMarks();

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
    const open = openMarks;
    open.clear();
    const paragraphs = ctx.doc.paragraphs;
    let reopened = false;
    for (let i = 0; i < paragraphs.length; i++) {
      const p = paragraphs[i];
      scan(ctx, p, open, reopened ? 1 : 0);
      const next = i + 1 < paragraphs.length ? paragraphs[i + 1] : undefined;
      const bodyFollows = p.role === 'body' && next?.role === 'body';
      reopened = bodyFollows && open.size === 1 && KINDS[open.kinds[0]].open === '“' && next.content.startsWith('“');
      const carries = reopened || (bodyFollows && !FINISHED.includes(p.content[p.content.length - 1]));
      if (!carries) {
        for (let k = 0; k < open.size; k++) report(ctx, open.offsets[k], open.kinds[k], 'unclosed');
        open.clear();
      }
    }
  },
};

/** Checks the marks of `p` from `from` on (1 when its opening `“` repeats the one a quotation carries over). */
function scan(ctx: RuleContext, p: Paragraph, open: OpenMarks, from: number): void {
  const text = p.content;
  PAIR_MARK.lastIndex = from;
  while (PAIR_MARK.test(text)) {
    const i = PAIR_MARK.lastIndex - 1;
    const code = text.charCodeAt(i);
    const role = PAIR_ROLE[code];
    if (role > 0) {
      open.push(p.contentStart + i, role - 1);
      continue;
    }
    const closed = -role - 1;
    // `People’s`: a right single quote inside a Latin word is an apostrophe.
    if (code === RIGHT_SINGLE_QUOTE && isLatinLetter(text[i - 1]) && isLatinLetter(text[i + 1])) continue;
    if (open.counts[closed] === 0) {
      report(ctx, p.contentStart + i, closed, 'unopened');
      continue;
    }
    // Some mark of the closer's kind is open (its count says so): pop down to it.
    for (let top = open.pop(); open.kinds[top] !== closed; top = open.pop()) report(ctx, open.offsets[top], open.kinds[top], 'unclosed');
  }
}

function report(ctx: RuleContext, offset: number, kind: number, messageId: 'unclosed' | 'unopened'): void {
  const k = KINDS[kind];
  const [mark, partner] = messageId === 'unclosed' ? [k.open, k.close] : [k.close, k.open];
  ctx.report({ span: { start: offset, end: offset + 1 }, messageId, data: { nameZh: k.zh, nameEn: k.en, mark, partner } });
}
