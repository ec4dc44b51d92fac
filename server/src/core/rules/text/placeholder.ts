/**
 * `placeholder`: a leftover that must never reach the meeting — a blank to
 * fill (`××`, `XXX`, `某某`, `□□`) or a bracketed note to self (`【待补】`,
 * `（此处补充数据）`, `[TODO]`). Every paragraph is checked.
 *
 * Published text uses the same marks on purpose, and those uses are left
 * alone (measured on the People's Daily archive of January–February 2020,
 * where every `某某` and `××` is one of them):
 * - an anonymised name or firm: a placeholder right after a Han character
 *   (`张某某`, `侯××`, `江苏某某公司`, `应聘XX单位`) — unless that character
 *   is a function word that a name never ends in (`尊敬的某某`, `在××市`), which
 *   is where a draft leaves its blanks;
 * - a variable in a formula (`量子+××=高科技`);
 * - a blank inside a quotation or title of ten characters or more: reported
 *   words printed as said or posted (`“方位××，距离××……”`, `《请扩散，××小区出现疑似病例》`);
 * - `×` alone (multiplication, `7×24小时`) and `XX` glued to Latin letters or
 *   digits (an e-mail address, a size `XXL`).
 *
 * A speaker line whose name is the field's own label, `姓名`, is the speaker
 * template left unfilled (the snippets' neutral `单位负责人 姓名`): no one is
 * called 姓名, so it is reported as a blank too.
 */
import type { Rule } from '../../rule';
import { isHanAt } from '../../text/chars';
import { allMatches } from '../../text/matches';

/**
 * A blank (group 1) or a bracketed note whose words start with a to-do word
 * (group 2). `××` in any of the crosses drafts type; `XX` in Latin letters
 * only away from other letters and digits.
 */
const LEFTOVER =
  /(某{2,}|[×✕╳]{2,}|□{2,}|(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])[XxＸｘ]{2,}(?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９]))|([【\[［(（]\s*(?:待[补填定核查改议]|待确认|待完善|待更新|此处|这里|请补|请填|补充|填写|插入|TODO|todo|TBD|tbd)[^【】\[\]［］()（）]{0,30}[】\]］)）])/g;

/** The label of a speaker line's name field, which a template shows until it is filled in. */
const NAME_LABEL = '姓名';

/** Function words a blank follows in a draft and a surname never is (`的`, `在`, `为`…). */
const FUNCTION_WORDS = new Set('的是为和与及同对在由给请致自到把被让叫以');
const OPERATORS = new Set('+=＋＝/*');
/** Opening and closing marks of a quotation or title, as pairs. */
const OPENERS = '“‘《「『';
const CLOSERS = '”’》」』';
/** A quotation or title at least this long (its content, in UTF-16 units) is quoted matter, printed as found. */
const QUOTED_MATTER = 10;

/**
 * How far a quotation or title is looked for around a blank, in UTF-16 units:
 * far beyond any quotation printed as said, and a bound on the work per blank
 * on a megabyte-long paragraph.
 */
const QUOTE_REACH = 300;

/** The quotation or title around `[start, end)` in `text`, as its content length, or -1 when there is none within reach. */
function enclosingQuoteLength(text: string, start: number, end: number): number {
  for (let i = start - 1; i >= Math.max(0, start - QUOTE_REACH); i--) {
    if (CLOSERS.includes(text[i])) return -1;
    const opener = OPENERS.indexOf(text[i]);
    if (opener < 0) continue;
    const close = text.slice(end, end + QUOTE_REACH).indexOf(CLOSERS[opener]);
    return close < 0 ? -1 : end + close - i - 1;
  }
  return -1;
}

/** Whether a blank at `[start, end)` of a paragraph's words is published text's own use of it. */
function isDeliberate(text: string, start: number, end: number): boolean {
  if (start > 0 && isHanAt(text, start - 1) && !FUNCTION_WORDS.has(text[start - 1])) return true;
  if (OPERATORS.has(text[start - 1] ?? '') || OPERATORS.has(text[end] ?? '')) return true;
  return enclosingQuoteLength(text, start, end) >= QUOTED_MATTER;
}

export const rule: Rule = {
  meta: {
    id: 'placeholder',
    category: 'text',
    defaultSeverity: 'error',
    description: {
      zh: '文稿中留有未填写的占位符（××、XXX、某某）或待办批注（【待补】）',
      en: 'A placeholder (××, XXX, 某某) or a to-do note (【待补】) left in the draft',
    },
    docs: "No standard: a draft's blanks and notes to self must never reach the meeting (issue 16; the 占位符未填充 check of commercial proofreaders); the marks published text uses on purpose were measured on People's Daily 2020-01/02",
    messages: {
      blank: { zh: '“{found}”是未填写的占位符，定稿前须补全', en: '"{found}" is a placeholder left unfilled: fill it in before the meeting' },
      note: { zh: '待办批注“{found}”须在定稿前处理并删除', en: 'To-do note "{found}" left in the draft: resolve it and delete it before the meeting' },
    },
    fixable: false,
  },
  check(ctx) {
    for (const speech of ctx.doc.speeches) {
      const name = speech.speaker?.name;
      if (name?.value === NAME_LABEL) ctx.report({ span: name.span, messageId: 'blank', data: { found: name.text } });
    }
    for (const p of ctx.doc.paragraphs) {
      const text = p.content;
      for (const m of allMatches(LEFTOVER, text)) {
        const end = m.index + m[0].length;
        if (m[1] !== undefined && isDeliberate(text, m.index, end)) continue;
        ctx.report({
          span: { start: p.contentStart + m.index, end: p.contentStart + end },
          messageId: m[1] !== undefined ? 'blank' : 'note',
          data: { found: m[0] },
        });
      }
    }
  },
};
