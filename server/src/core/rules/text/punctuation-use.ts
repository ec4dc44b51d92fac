/**
 * `punctuation-use`: marks used where GB/T 15834-2011 (标点符号用法) puts
 * another, in the cases no other rule covers. Every paragraph is checked.
 *
 * - `、` between items each in quotes or each in 书名号, nothing between them
 *   (§4.5.3.5: `“A”、“B”` → `“A”“B”`). Only a series that reads as one list:
 *   not when an item is one side of a pair (`“差异”与“协同”、“跟跑”与“领跑”`)
 *   or the last item runs on into the sentence (`“橡皮筋”、“长效”变成“无效”`),
 *   where the `、` parts clauses, not items.
 * - `、` inside an approximate number of two adjacent numerals (§4.5.3.4:
 *   `三、四十人` → `三四十人`), only before a counting word (`人` `个` `岁` `倍`
 *   …): `一、二线城市`, `三、四级` and `二、三十年代` are short for two
 *   numbers, where the standard wants the `、`.
 * - A quote inside a quote in `“”` rather than `‘’`, and a title inside a
 *   title in `《》` rather than `〈〉` (the outer mark alternates with the
 *   inner). Only in a paragraph whose marks pair up and nest; an unbalanced one
 *   is `unmatched-pair`'s, and a top level written `‘’` or `〈〉` is left alone.
 * - `？` and `！` together in a form the standard does not give: it allows
 *   `？！` (question first), and up to three `？` or three `！`. Runs mixed
 *   with other marks are `punctuation-run`'s.
 * - `～` or `~` between two names (`北京～上海`), and `-` `~` `～` between two
 *   times written with their units (`2021年-2025年`, `10月1日~7日`): the
 *   one-em connector `—` marks where such a span starts and ends. A hyphen
 *   between two names is left alone (the standard itself writes
 *   `吐鲁番-哈密盆地`), and so are plain digits (`number-range`) and Chinese
 *   numerals (`第五～八课` is the standard's own example).
 */
import type { Paragraph } from '../../model';
import type { Rule, RuleContext } from '../../rule';
import { isHanAt } from '../../text/chars';
import { allMatches } from '../../text/matches';

export const rule: Rule = {
  meta: {
    id: 'punctuation-use',
    category: 'text',
    defaultSeverity: 'info',
    description: {
      zh: '标点用法不合 GB/T 15834—2011：引号、书名号间的顿号，概数中的顿号，引号和书名号的套用，问号叹号连用，连接号',
      en: 'Punctuation used against GB/T 15834-2011: 、 between quoted or titled items or inside an approximate number, nested quotes and titles, ？/！ together, connectors',
    },
    docs: 'GB/T 15834-2011 标点符号用法, §4.5.3.4, §4.5.3.5, quotes and title marks (nesting), question and exclamation marks, connectors',
    messages: {
      seriesComma: {
        zh: '并列的{kind}之间通常不用顿号：“{found}”应为“{fixed}”',
        en: 'No 、 between items each in {kindEn}: "{found}" should be "{fixed}"',
      },
      approximate: {
        zh: '相邻两数字连用表示概数，中间不用顿号：“{found}”应为“{fixed}”',
        en: 'No 、 inside an approximate number: "{found}" should be "{fixed}"',
      },
      nestedQuote: {
        zh: '引号里面的引号应用{inner}：“{found}”应为“{fixed}”',
        en: 'A quote inside a quote takes {inner}: "{found}" should be "{fixed}"',
      },
      nestedTitle: {
        zh: '书名号里面的书名号应用单书名号〈〉：“{found}”应为“{fixed}”',
        en: 'A title inside a title takes 〈〉: "{found}" should be "{fixed}"',
      },
      emphasis: {
        zh: '问号、叹号连用应为“？！”，叠用最多三个：“{found}”应为“{fixed}”',
        en: 'Question and exclamation marks together are written "？！", at most three of one kind: "{found}" should be "{fixed}"',
      },
      emphasisNoFix: {
        zh: '问号、叹号连用应为“？！”（问号在前，各一个），叠用最多三个：“{found}”',
        en: 'Question and exclamation marks together are written "？！" (one of each, question first), at most three of one kind: "{found}"',
      },
      connector: {
        zh: '时间、地点的起止用一字线“—”：“{found}”应为“{fixed}”',
        en: 'The span between two times or places takes the connector "—": "{found}" should be "{fixed}"',
      },
    },
    // The nesting fix trusts how the marks pair up, and the 、 rules trust a reading of the series.
    fixable: 'edit',
  },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      const text = p.content;
      // One search finds where every check starts; most paragraphs hold none, or a few.
      CUE.lastIndex = 0;
      /** Where the next check may start: a series or a run of marks already read is not read again. */
      let resume = 0;
      let mayNest = false;
      // `test` and `lastIndex` find each cue without making a match object; every match is one code unit.
      while (CUE.test(text)) {
        const at = CUE.lastIndex - 1;
        const cue = text[at];
        if (cue === '“' || cue === '《' || cue === '‘' || cue === '〈') mayNest = true;
        else if (at < resume) continue;
        else if (cue === '、') {
          const before = text[at - 1];
          const next = text[at + 1];
          if ((before === '”' && next === '“') || (before === '》' && next === '《')) resume = checkSeries(ctx, p, at - 1, next, before);
          else if (isOneOf(NUMERAL_VALUE, before) && isOneOf(SECOND_NUMERALS, next)) checkApproximate(ctx, p, at - 1);
        } else if (cue === '？' || cue === '！') {
          let end = at + 2;
          while (text[end] === '？' || text[end] === '！') end++;
          resume = end;
          checkEmphasis(ctx, p, at, end - at);
        } else if (cue === '~' || cue === '～') checkTilde(ctx, p, at);
        else if (isOneOf('0123456789', text[at - 1]) && timeFollows(text, at + 2)) reportConnector(ctx, p, at + 1);
      }
      if (mayNest) checkNesting(ctx, p);
    }
  },
};

/**
 * Where a check starts: `、` before an opening quote or title mark or a
 * numeral (what stands before it is looked at then); the first of two
 * `？`/`！`; a tilde; a time unit before a hyphen (`5年-`). And where the quote
 * or title marks may nest: a `“` with another `“` before the next `”`,
 * likewise `《`, or any `‘` or `〈` (rarer, so they are always paired up in
 * full). One search finds all of them; each look from a `“` stops at the next
 * quote mark, so the search stays linear, and it is cheaper than pairing every
 * mark of every paragraph.
 */
const CUE = /、(?=[“《二两三四五六七八九])|[？！](?=[？！])|[~～]|[年月日](?=[-－])|“(?=[^“”]*“)|《(?=[^《》]*《)|[‘〈]/g;

const NUMERAL_VALUE = '一二三四五六七八九';
/** What may follow `、` in an approximate number: `两` counts as 2 (`一、两个`). */
const SECOND_NUMERALS = '二两三四五六七八九';

/** Whether `ch` is one of the characters of `set` (`includes` would find the empty string past either end of a text). */
const isOneOf = (set: string, ch: string | undefined): boolean => ch !== undefined && set.includes(ch);

/** What may follow the last item of a list of quoted or titled items: the sentence goes on past the list, not from its last item. */
const AFTER_SERIES = '、，。；：？！…）】等';
/** Before the first item, these make it one side of a pair (`“A”与“B”、“C”与“D”`), not a list item. */
const PAIRING = '与和及同或跟';

/**
 * `、` between items each wrapped in `open`/`close` with nothing else between
 * them: one finding per series (`“A”、“B”、“C”`), deleting each `、`.
 */
function checkSeries(ctx: RuleContext, p: Paragraph, at: number, open: string, close: string): number {
  const text = p.content;
  // The first item: back from its closer to its opener, no mark of the kind inside.
  const start = text.lastIndexOf(open, at - 1);
  if (start < 0 || text.lastIndexOf(close, at - 1) > start) return at + 1;
  const commas: number[] = [];
  let end = at + 1;
  while (text[end] === '、' && text[end + 1] === open) {
    const next = text.indexOf(close, end + 2);
    const reopened = text.indexOf(open, end + 2);
    if (next < 0 || (reopened >= 0 && reopened < next)) break;
    commas.push(end);
    end = next + 1;
  }
  if (commas.length === 0) return end;
  const last = commas[commas.length - 1];
  const after = text[end];
  if (isOneOf(PAIRING, text[start - 1]) || (after !== undefined && !AFTER_SERIES.includes(after))) return end;
  const found = excerpt(text, start, end);
  const fixed = found.replaceAll(`${close}、${open}`, `${close}${open}`);
  const base = p.contentStart;
  ctx.report({
    span: { start: base + commas[0], end: base + last + 1 },
    messageId: 'seriesComma',
    data: {
      kind: open === '“' ? '引号' : '书名号',
      kindEn: open === '“' ? 'quotes' : 'title marks',
      found,
      fixed,
    },
    fix: commas.map((c) => ({ span: { start: base + c, end: base + c + 1 }, text: '' })),
  });
  return end;
}

/** At most this many characters of a span are quoted in a message (the span shows the rest). */
const QUOTED_MAX = 24;
/**
 * `text.slice(start, end)`, cut in the middle when long, its last character
 * kept (a closing mark): a nested pair may span a whole paragraph, and each
 * of thousands of findings must not copy it.
 */
const excerpt = (text: string, start: number, end: number): string =>
  end - start <= QUOTED_MAX ? text.slice(start, end) : `${text.slice(start, start + QUOTED_MAX - 2)}…${text[end - 1]}`;

/**
 * Two adjacent numerals joined by `、` before a counting word: `三、四十人`,
 * `七、八个`, `十七、八岁`. The counting words are those an approximate count
 * takes (tuned on the People's Daily of January 2020, where `、` between
 * adjacent numerals otherwise stood for two numbers: `一、二线`, `三、四级`,
 * `一、二队`, `三、四层`); `年` only as years counted, not `年级`/`年代`, and
 * `月`/`日` never (`三、四月` are two months).
 */
const APPROXIMATE = /([一二三四五六七八九])、([二两三四五六七八九])(?=([十百千万亿]?多?(?:个|人|名|位|天|次|岁|倍|成|斤|里|米|公里|小时|分钟|周|遍|趟|家|户|件|本|条|只|头|棵|株|年(?!级|代))|[十百千万亿](?!年代)))/y;

function checkApproximate(ctx: RuleContext, p: Paragraph, at: number): void {
  const text = p.content;
  APPROXIMATE.lastIndex = at;
  const m = APPROXIMATE.exec(text);
  if (!m) return;
  // At the head of a paragraph `三、` is a section marker; after `第` the numerals are ordinals (`第十三、四名`); after `、` part of a list.
  let head = at;
  while (head > 0 && text[head - 1] === '十') head--;
  if (head === 0 || isOneOf('第、', text[head - 1])) return;
  const first = NUMERAL_VALUE.indexOf(m[1]) + 1;
  const second = m[2] === '两' ? 2 : NUMERAL_VALUE.indexOf(m[2]) + 1;
  if (second !== first + 1) return;
  const comma = p.contentStart + at + 1;
  const found = text.slice(at, at + 3 + m[3].length);
  ctx.report({
    span: { start: comma, end: comma + 1 },
    messageId: 'approximate',
    data: { found, fixed: found.replace('、', '') },
    fix: [{ span: { start: comma, end: comma + 1 }, text: '' }],
  });
}

/** Quote and title marks. */
const NEST_MARKS = /[“”‘’《》〈〉]/g;
const OPENERS = '“‘《〈';
const CLOSER_OF: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '《': '》', '〈': '〉' };
const isQuote = (mark: string): boolean => mark === '“' || mark === '‘' || mark === '”' || mark === '’';

/**
 * Pairs up the quote and title marks of a paragraph. Quotes alternate
 * `“”` `‘’` `“”` by depth (counted over quotes alone, so a quote inside a
 * title starts again at `“”`), titles `《》` `〈〉` (only the second level is
 * checked: the standard names no third). A paragraph whose marks do not pair
 * and nest is left to `unmatched-pair`; so is one whose top level is `‘’` or
 * `〈〉`, a house style rather than a slip.
 */
function checkNesting(ctx: RuleContext, p: Paragraph): void {
  const text = p.content;
  const marks = allMatches(NEST_MARKS, text);
  const stack: number[] = [];
  const wrong: Array<[number, number]> = [];
  let quoteDepth = 0;
  let titleDepth = 0;
  for (const m of marks) {
    const mark = m[0];
    if (OPENERS.includes(mark)) {
      if (isQuote(mark)) quoteDepth++;
      else titleDepth++;
      // A top level in single quotes or single title marks: a style of its own, not checked.
      if ((isQuote(mark) ? quoteDepth : titleDepth) === 1 && (mark === '‘' || mark === '〈')) return;
      stack.push(m.index);
      continue;
    }
    // `People’s`: a right single quote inside a Latin word is an apostrophe.
    if (mark === '’' && /[A-Za-z]/.test(text[m.index - 1] ?? '') && /[A-Za-z]/.test(text[m.index + 1] ?? '')) continue;
    const top = stack.pop();
    if (top === undefined || CLOSER_OF[text[top]] !== mark) return;
    const depth = isQuote(mark) ? quoteDepth-- : titleDepth--;
    const expected = isQuote(mark) ? (depth % 2 === 1 ? '“' : '‘') : depth === 2 ? '〈' : text[top];
    if (text[top] !== expected) wrong.push([top, m.index]);
  }
  if (stack.length > 0) return;
  for (const [open, close] of wrong) {
    const inner = CLOSER_OF[text[open]] === '》' ? '〈〉' : text[open] === '“' ? '‘’' : '“”';
    const found = excerpt(text, open, close + 1);
    const fixed = inner[0] + found.slice(1, -1) + inner[1];
    const base = p.contentStart;
    ctx.report({
      span: { start: base + open, end: base + close + 1 },
      messageId: isQuote(text[open]) ? 'nestedQuote' : 'nestedTitle',
      data: { inner, found, fixed },
      fix: [
        { span: { start: base + open, end: base + open + 1 }, text: inner[0] },
        { span: { start: base + close, end: base + close + 1 }, text: inner[1] },
      ],
    });
  }
}

/** The marks `punctuation-run` knows: a run of `？`/`！` next to one of these is that rule's. */
const OTHER_RUN_MARKS = '，。、；：';
const ALLOWED_EMPHASIS = new Set(['？！', '？？', '？？？', '！！', '！！！']);

function checkEmphasis(ctx: RuleContext, p: Paragraph, at: number, length: number): void {
  const text = p.content;
  if (isOneOf(OTHER_RUN_MARKS, text[at - 1]) || isOneOf(OTHER_RUN_MARKS, text[at + length])) return;
  const found = text.slice(at, at + length);
  if (ALLOWED_EMPHASIS.has(found)) return;
  const span = { start: p.contentStart + at, end: p.contentStart + at + length };
  // Only two repairs are certain: the order of one of each, and a run of one kind cut to three.
  const fixed = found === '！？' ? '？！' : /^(？+|！+)$/.test(found) ? found.slice(0, 3) : undefined;
  if (fixed === undefined) ctx.report({ span, messageId: 'emphasisNoFix', data: { found } });
  else ctx.report({ span, messageId: 'emphasis', data: { found, fixed }, fix: [{ span, text: fixed }] });
}

/** A time written with its unit (`2025年`, `7日`), where a span's end stands. */
const TIME_AFTER = /\d{1,4}[年月日号]/y;
const timeFollows = (text: string, at: number): boolean => {
  TIME_AFTER.lastIndex = at;
  return TIME_AFTER.test(text);
};
const NUMERAL_CHARS = '〇零一二三四五六七八九十百千万亿两几';

/**
 * A tilde after a time written with its unit, before another (`10月1日~7日`),
 * or between two Han words that are not numerals (`北京～上海`). A Chinese
 * numeral on either side makes it a numeric range (`第五～八课`), where the
 * wave dash is right.
 */
function checkTilde(ctx: RuleContext, p: Paragraph, at: number): void {
  const text = p.content;
  const afterTime = isOneOf('年月日', text[at - 1]) && isOneOf('0123456789', text[at - 2]);
  if (afterTime ? timeFollows(text, at + 1) : isName(text, at - 1) && isName(text, at + 1)) reportConnector(ctx, p, at);
}

const isName = (text: string, i: number): boolean => isHanAt(text, i) && !isOneOf(NUMERAL_CHARS, text[i]);

function reportConnector(ctx: RuleContext, p: Paragraph, at: number): void {
  const text = p.content;
  const found = text.slice(Math.max(0, at - 2), at + 3);
  const span = { start: p.contentStart + at, end: p.contentStart + at + 1 };
  ctx.report({ span, messageId: 'connector', data: { found, fixed: found.replace(text[at], '—') }, fix: [{ span, text: '—' }] });
}
