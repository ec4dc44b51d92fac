/**
 * `number-form`: numbers written against GB/T 15835-2011 (出版物上数字用法).
 * Every paragraph is checked.
 *
 * - A year in Chinese numerals with `零` for zero (`二零二一年` → `二〇二一年`):
 *   a number used as a name or an order writes zero `〇`.
 * - A year cut to two digits in a date (`21年3月`): only before a month, where
 *   it cannot be a count of years; no fix, since the century is the writer's.
 * - A set phrase whose numerals are its own (`十四五`, `一带一路`, `三会一课`,
 *   `第一书记`) written with Arabic digits (`14五`, `1带1路`).
 * - One number half in Arabic and half in Chinese numerals (`5千`, `3百万`):
 *   only `万` and `亿` may stand after Arabic digits. Units spelt with `千`
 *   (`千米` `千克` `千瓦` …) are words of their own. No fix: `5000` and `五千`
 *   are both right.
 * - A range whose unit `%`, `万` or `亿` stands only at its end (`10～20%`,
 *   `3～5万元`), which the standard writes on both ends (`10%～20%`, `3万～5万元`).
 * - A month or day padded with a zero in a date written with `年月日`
 *   (`2024年01月05日` → `2024年1月5日`).
 */
import type { Paragraph } from '../../model';
import type { Rule, RuleContext, TextEdit } from '../../rule';
import { allMatches } from '../../text/matches';
import { parseChineseNumber } from '../../text/numerals';

export const rule: Rule = {
  meta: {
    id: 'number-form',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '数字用法不合 GB/T 15835—2011：年份中的“零”、简写年份、定型词语中的阿拉伯数字、阿拉伯数字与汉字数字混写、范围单位、月日补零',
      en: 'Numbers written against GB/T 15835-2011: 零 in a year, a two-digit year, digits in a set phrase, digits mixed with Chinese numerals, a range unit on one end only, a padded month or day',
    },
    docs: 'GB/T 15835-2011 出版物上数字用法: 〇 in numbers used as names, full years, Chinese numerals in set phrases, 万/亿 the only Chinese units after digits, units on both ends of a range; GB/T 9704-2012 §7.3.5.4 (dates not padded)',
    messages: {
      yearZero: { zh: '年份中的“0”应写作“〇”：“{found}”应为“{fixed}”', en: 'Zero in a year is written "〇": "{found}" should be "{fixed}"' },
      shortYear: { zh: '年份不应简写：“{found}”应写出完整的四位年份', en: 'A year is not shortened: write "{found}" with all four digits' },
      setPhrase: {
        zh: '定型词语中的数字应使用汉字：“{found}”应为“{fixed}”',
        en: 'The numerals of a set phrase are written in Chinese: "{found}" should be "{fixed}"',
      },
      mixed: {
        zh: '除“万”“亿”外，阿拉伯数字不与汉字数字混写：“{found}”应写作阿拉伯数字或汉字数字',
        en: 'Apart from 万 and 亿, Arabic digits are not mixed with Chinese numerals: write "{found}" all in digits or all in Chinese',
      },
      rangeUnit: {
        zh: '范围两端都应带“{unit}”：“{found}”应为“{fixed}”',
        en: 'Both ends of a range take "{unit}": "{found}" should be "{fixed}"',
      },
      padded: { zh: '日期中的月、日不补“0”：“{found}”应为“{fixed}”', en: 'A month or day in a date is not padded with 0: "{found}" should be "{fixed}"' },
    },
    // Set phrases and range units rewrite the words; each is offered one at a time.
    fixable: 'edit',
  },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      const text = p.content;
      // One search finds what each check needs; most paragraphs hold none of it, and a check runs only where its own cue is.
      let found = 0;
      CUE.lastIndex = 0;
      while (CUE.test(text)) found |= cueKind(text, CUE.lastIndex - 1);
      if (found === 0) continue;
      if (found & YEAR_ZERO) checkYearZero(ctx, p);
      if (found & SHORT_YEAR_CUE) checkShortYears(ctx, p);
      if (found & SET_PHRASE_CUE) checkSetPhrases(ctx, p);
      if (found & MIXED_CUE) checkMixed(ctx, p);
      if (found & RANGE_CUE) checkRangeUnits(ctx, p);
      if (found & PADDED_CUE) checkPadded(ctx, p);
    }
  },
};

/**
 * What each check needs to find, each match one code unit: `零`; two digits,
 * `年` and a digit; a digit before `千` or `百`; digits joined by a range
 * sign; a digit next to a set phrase's characters; a month or day with a `0`
 * before it. Every branch but the first starts with a digit, which keeps the
 * search to a quick scan (a branch starting with a Han character made it three
 * times slower).
 */
const CUE = /零|0(?=[1-9][月日号])|\d(?=\d年\d|[千百]|[～~—－\-至]\d|[五带会学位严国书课路做体实制]|个[意自维确])/g;

const YEAR_ZERO = 1;
const SHORT_YEAR_CUE = 2;
const SET_PHRASE_CUE = 4;
const MIXED_CUE = 8;
const RANGE_CUE = 16;
const PADDED_CUE = 32;
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Which check the cue at `at` is for (a digit may start more than one). */
function cueKind(text: string, at: number): number {
  const next = text[at + 1];
  if (text[at] === '零') return YEAR_ZERO;
  // `2020年1月` ends in two digits and `年` too: a year cut short has no digit before its two.
  if (isDigit(next)) return text[at + 2] !== '年' ? PADDED_CUE : isDigit(text[at - 1]) ? 0 : SHORT_YEAR_CUE;
  if (next === '千' || next === '百') return MIXED_CUE;
  if (next === '个' || '五带会学位严国书课路做体实制'.includes(next)) return SET_PHRASE_CUE;
  return RANGE_CUE;
}

/** Four Chinese digits and `年`, not part of a longer numeral (`一千零二年` counts, it names no year). */
const CHINESE_YEAR = /(?<![〇零一二三四五六七八九十百千万亿两])[〇零一二三四五六七八九]{4}(?=年)/g;

function checkYearZero(ctx: RuleContext, p: Paragraph): void {
  for (const m of allMatches(CHINESE_YEAR, p.content)) {
    if (!m[0].includes('零')) continue;
    const span = { start: p.contentStart + m.index, end: p.contentStart + m.index + 4 };
    const fixed = m[0].replaceAll('零', '〇');
    ctx.report({ span, messageId: 'yearZero', data: { found: `${m[0]}年`, fixed: `${fixed}年` }, fix: [{ span, text: fixed }] });
  }
}

/**
 * Two digits, `年`, then a month (`21年3月`): a date, so the year is cut short.
 * `10年3个月` is a duration and has `个`; a digit, point or letter before the
 * two digits makes them part of something else (`2021年`, `1.21年`, `A21年`).
 */
const SHORT_YEAR = /(?<![\dA-Za-z.%／/:：-])\d{2}年(?=(?:1[0-2]|0?[1-9])月)/g;

function checkShortYears(ctx: RuleContext, p: Paragraph): void {
  if (!p.content.includes('年')) return;
  for (const m of allMatches(SHORT_YEAR, p.content)) {
    const span = { start: p.contentStart + m.index, end: p.contentStart + m.index + 3 };
    ctx.report({ span, messageId: 'shortYear', data: { found: m[0] } });
  }
}

/**
 * Set phrases whose numerals are part of the word (GB/T 15835-2011 names
 * `第一书记` among its examples; the others are the fixed wordings official
 * speeches use). Numeral runs are bracketed. Kept to phrases whose Arabic form
 * can mean nothing else: `4个全面`, `8项规定` and `3农` can be counts, and a
 * five-year plan's `五` stays Chinese in every form it is miswritten (`14五`).
 */
const SET_PHRASES: readonly string[] = [
  '[十二]五',
  '[十三]五',
  '[十四]五',
  '[十五]五',
  '[一]带[一]路',
  '[三]会[一]课',
  '第[一]书记',
  '[两]学[一]做',
  '[四]个意识',
  '[四]个自信',
  '[两]个维护',
  '[两]个确立',
  '[五]位[一]体',
  '[三]严[三]实',
  '[一]国[两]制',
];

/** Every way of writing the phrase with at least one numeral run in digits, mapped to the phrase itself. */
function arabicVariants(pattern: string): Array<[string, string]> {
  const parts = pattern.split(/(\[[^\]]+\])/).filter((s) => s !== '');
  const runs = parts.filter((s) => s.startsWith('['));
  const fixed = parts.map((s) => (s.startsWith('[') ? s.slice(1, -1) : s)).join('');
  const variants: Array<[string, string]> = [];
  for (let mask = 1; mask < 1 << runs.length; mask++) {
    let run = 0;
    const written = parts
      .map((s) => {
        if (!s.startsWith('[')) return s;
        const chinese = s.slice(1, -1);
        return mask & (1 << run++) ? String(parseChineseNumber(chinese)) : chinese;
      })
      .join('');
    variants.push([written, fixed]);
  }
  return variants;
}

const SET_PHRASE_FIXES = new Map(SET_PHRASES.flatMap(arabicVariants));
/** Longest first, so `14五` is not read as a shorter phrase; a digit may not run on from before or after. */
const SET_PHRASE = new RegExp(
  `(?<![\\d.])(?:${[...SET_PHRASE_FIXES.keys()].sort((a, b) => b.length - a.length).join('|')})(?![\\d.])`,
  'g',
);

function checkSetPhrases(ctx: RuleContext, p: Paragraph): void {
  for (const m of allMatches(SET_PHRASE, p.content)) {
    const fixed = SET_PHRASE_FIXES.get(m[0])!;
    const span = { start: p.contentStart + m.index, end: p.contentStart + m.index + m[0].length };
    ctx.report({ span, messageId: 'setPhrase', data: { found: m[0], fixed }, fix: [{ span, text: fixed }] });
  }
}

/**
 * Up to three digits (a larger number is a year or a code: `2019百强`) before
 * `千` or `百`, not in a unit spelt with them (`千米`, `百分点`).
 */
const MIXED = /(?<![\dA-Za-z.／/-])\d{1,3}(?:\.\d+)?[千百](?!米|克|瓦|伏|卡|帕|赫|焦|兆|公顷|分)/g;

function checkMixed(ctx: RuleContext, p: Paragraph): void {
  if (!p.content.includes('千') && !p.content.includes('百')) return;
  for (const m of allMatches(MIXED, p.content)) {
    const span = { start: p.contentStart + m.index, end: p.contentStart + m.index + m[0].length };
    ctx.report({ span, messageId: 'mixed', data: { found: m[0] } });
  }
}

/**
 * A range `a～b%`, `a～b万`, `a～b亿` whose first number goes without the unit.
 * Only an ascending pair is a range whose unit is missing (`5000～2万` already
 * says what it means); a code-like start (`GB/T 9704-2012`) is no range.
 */
const RANGE = /(?<![\dA-Za-z.／/:：#-])(\d+(?:\.\d+)?)(?:[～~—－-]|至)(\d+(?:\.\d+)?)([%％万亿])/g;

function checkRangeUnits(ctx: RuleContext, p: Paragraph): void {
  const text = p.content;
  if (!/[%％万亿]/.test(text)) return;
  for (const m of allMatches(RANGE, text)) {
    const [found, from, to, unit] = m;
    if (!(Number(from) < Number(to))) continue;
    const at = p.contentStart + m.index + from.length;
    const fixed = from + unit + found.slice(from.length);
    ctx.report({
      span: { start: p.contentStart + m.index, end: at },
      messageId: 'rangeUnit',
      data: { unit, found, fixed },
      fix: [{ span: { start: at, end: at }, text: unit }],
    });
  }
}

/** A month after `年`, or a day after `月`, written with a leading zero. */
const PADDED = /(?<=[年月])0[1-9](?=[月日号])/g;

function checkPadded(ctx: RuleContext, p: Paragraph): void {
  const text = p.content;
  if (!text.includes('月0') && !text.includes('年0')) return;
  const matches = allMatches(PADDED, text).filter((m) => (text[m.index - 1] === '年') === (text[m.index + 2] === '月'));
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    // A padded month and its padded day are one date, one finding.
    const next = matches[k + 1];
    const group = next && text[m.index + 2] === '月' && next.index === m.index + 3 ? [m, matches[++k]] : [m];
    const start = group[0].index;
    const end = group[group.length - 1].index + 3;
    const found = text.slice(start, end);
    const edits: TextEdit[] = group.map((g) => ({ span: { start: p.contentStart + g.index, end: p.contentStart + g.index + 1 }, text: '' }));
    ctx.report({
      span: { start: p.contentStart + start, end: p.contentStart + end },
      messageId: 'padded',
      data: { found, fixed: found.replace(/0(?=[1-9])/g, '') },
      fix: edits,
    });
  }
}
