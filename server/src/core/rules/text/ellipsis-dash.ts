/**
 * `ellipsis-dash`: an ellipsis or a dash typed in a non-standard way. The
 * Chinese ellipsis is `……` (two `…`), the Chinese dash `——` (two `—`).
 *
 * - `...` (three dots or more) in Chinese context, `。。。` anywhere, and a lone
 *   `…` → `……`;
 * - `--` (two hyphens or more, also full-width `－－`) in Chinese context and a
 *   lone `—` → `——`.
 *
 * Every paragraph is checked: a subtitle starting `--` or `—` is the same
 * fault as one in the body. Left alone: a lone `—` with a digit directly on
 * either side (`1—2`, `2021—2022年`, `10月—12月`), which is the one-em
 * connecting dash GB/T 15834-2011 uses for ranges; a lone `—` with a Han
 * character directly on both sides (`兰州—西宁`, `中国—东盟自贸区`,
 * `迪亚斯—卡内尔`), the same dash connecting two names or nouns, unless the
 * phrase after it is a short one that ends the sentence (`改革—发展。`), which
 * is an aside set off by a half dash; a lone `—` right after a Latin or Greek
 * letter, before a letter or a Han character (`α—干扰素`, `“XMM—牛顿”`), which
 * joins the parts of a term or a name; runs of three `…`/`—` or
 * more, which are deliberate (a twelve-dot `…………` marks a whole omitted
 * paragraph); and `<!--`/`-->`, which are comment syntax.
 */
import type { Rule } from '../../rule';
import { isHanAt, SENTENCE_END } from '../../text/chars';
import { chineseContext, spacesBackToChinese, spacesUpToChinese, type ChineseContext } from '../../text/context';
import { allMatches } from '../../text/matches';

// `…` and `—` only alone: runs of them are the standard forms (or deliberate), and matching them would cost the scan a match in most paragraphs.
const CANDIDATE = /\.{3,}|。{3,}|(?<!…)…(?!…)|[-－]{2,}|(?<!—)—(?!—)/g;

/** The marks of the forms typed on an English keyboard; context is judged past them, as the fixed text will have it. */
const TYPED_ENGLISH = '.-－';

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/**
 * Longest phrase after a lone `—` that, ending the sentence, marks the dash as
 * an aside rather than a connector. Tuned on the People's Daily of January
 * 2020: connectors there are followed by a longer run (`兰州—西宁城市群发展`)
 * or by a comma; a short run closing the sentence is an explanation.
 */
const ASIDE_MAX = 4;

/** A Latin or Greek letter: a term or name spelt in letters ends there (`α`, `XMM`). */
const LETTER = /^[\p{Script=Latin}\p{Script=Greek}]$/u;

/**
 * A lone `—` at `at` joining two Han words, as GB/T 15834 uses the one-em dash
 * (`兰州—西宁`); the left word may end in a bracketed gloss (`农户（贫困户）—合作社`).
 * Or the parts of a term or name spelt partly in letters (`α—干扰素`).
 * A short phrase after it that ends the sentence makes it an aside, unless it
 * closes a series of such dashes (`孕育—孵化—成长—成熟。`).
 */
function isConnector(text: string, at: number): boolean {
  if (LETTER.test(text[at - 1] ?? '') && (LETTER.test(text[at + 1] ?? '') || isHanAt(text, at + 1))) return true;
  if (!(isHanAt(text, at - 1) || text[at - 1] === '）') || !isHanAt(text, at + 1)) return false;
  let end = at + 1;
  while (end < text.length && isHanAt(text, end)) end++;
  if (end - at - 1 > ASIDE_MAX || end === text.length || !SENTENCE_END.includes(text[end]!)) return true;
  let start = at - 1;
  while (start >= 0 && isHanAt(text, start)) start--;
  return text[start] === '—' && text[start - 1] !== '—';
}

/** The standard form `found` should take, or undefined when it is fine where it stands. */
function standardFor(text: string, chinese: ChineseContext, found: string, start: number): string | undefined {
  const end = start + found.length;
  switch (found[0]) {
    case '.':
      return chinese.around(start, end) ? '……' : undefined;
    case '。':
      return '……';
    case '…':
      return '……';
    case '—':
      if (isDigit(text[start - 1]) || isDigit(text[end]) || isConnector(text, start)) return undefined;
      return chinese.around(start, end) ? '——' : undefined;
    default: {
      const comment = (text[start - 1] === '!' && text[start - 2] === '<') || text[end] === '>';
      return !comment && chinese.around(start, end) ? '——' : undefined;
    }
  }
}

export const rule: Rule = {
  meta: {
    id: 'ellipsis-dash',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '省略号应为“……”，破折号应为“——”',
      en: 'The ellipsis should be "……" and the dash "——"',
    },
    messages: {
      ellipsis: { zh: '“{found}”应为省略号“……”', en: '"{found}" should be the ellipsis "……"' },
      dash: { zh: '“{found}”应为破折号“——”', en: '"{found}" should be the dash "——"' },
    },
    fixable: 'form',
  },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      const text = p.content;
      const candidates = allMatches(CANDIDATE, text);
      if (candidates.length === 0) continue;
      const chinese = chineseContext(text, TYPED_ENGLISH);
      for (const m of candidates) {
        const standard = standardFor(text, chinese, m[0], m.index);
        if (!standard) continue;
        let [start, end] = [m.index, m.index + m[0].length];
        // Typed the English way (`...`, `--`), the mark may carry English spacing too: the fix takes it along (see `spacesUpToChinese`).
        if (TYPED_ENGLISH.includes(m[0][0])) [start, end] = [spacesBackToChinese(text, start), spacesUpToChinese(text, end)];
        const span = { start: p.contentStart + start, end: p.contentStart + end };
        ctx.report({ span, messageId: standard === '……' ? 'ellipsis' : 'dash', data: { found: m[0] }, fix: [{ span, text: standard }] });
      }
    }
  },
};
