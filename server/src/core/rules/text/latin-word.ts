/**
 * `latin-word`: an English word left in Chinese text (`精神 and 中办印发`).
 * Every paragraph is checked. A run of Latin letters in Chinese context is a
 * fault when it is written all in lower case (`and`, `the`), or is a
 * capitalised function word (`And`). Left alone, as deliberate:
 * - single letters (`N` in `1+N`, `x轴`, `a类`): symbols;
 * - anything with a digit (`5G`, `H5`, `5km`, `m²`): codes, models, measures;
 * - words with a capital after the first letter: acronyms (`GDP`, `AI`, `APP`)
 *   and names (`iPhone`, `WeChat`) and units (`kW`, `pH`);
 * - capitalised words (`Python`, `Huawei`): names;
 * - a word touching an operator, dot or slash (`1+x`, `km/h`, `www.gov.cn`,
 *   `a@b.cn`): formulae, addresses and paths;
 * - a lower-case word right after a number (`30 km`): a unit;
 * - words in the `allow` option (case-insensitive).
 */
import type { Rule } from '../../rule';
import { chineseContext, previousNonSpace } from '../../text/context';
import { allMatches } from '../../text/matches';

/** Runs of ASCII letters and digits (superscript ² ³ count as digits: `m²`). */
const TOKEN = /[A-Za-z0-9²³]+/g;
/** A word needs two letters in a row; most paragraphs have none and are passed over at the cost of this one search. */
const TWO_LETTERS = /[A-Za-z]{2}/;
const INNER_CAPITAL = /^.+[A-Z]/;
const CAPITALISED = /^[A-Z][a-z]+$/;
/** Characters that glue a word into a formula, an address or a path. */
const GLUE = '+-*/=×÷^.@_:#&%~\\\'’';
/** English words that never name anything, so capitalising them is no excuse. */
const FUNCTION_WORDS = new Set(['and', 'or', 'but', 'nor', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'is', 'are', 'was', 'were', 'an']);

/** The user's list of words, compared case-insensitively. */
function allowed(option: unknown): Set<string> {
  const words = Array.isArray(option) ? option.map(String) : [];
  return new Set(words.filter((w) => w.length > 0).map((w) => w.toLowerCase()));
}

function isFault(word: string): boolean {
  if (word.length < 2 || /[0-9²³]/.test(word) || INNER_CAPITAL.test(word)) return false;
  if (CAPITALISED.test(word)) return FUNCTION_WORDS.has(word.toLowerCase());
  return true;
}

export const rule: Rule = {
  meta: {
    id: 'latin-word',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '中文里夹杂的英文单词（缩略语、公式、单位、名称除外）',
      en: 'An English word inside Chinese text (acronyms, formulae, units and names aside)',
    },
    messages: {
      word: { zh: '中文里夹有英文单词“{word}”，应改为中文或删除', en: 'English word "{word}" in Chinese text: translate or delete it' },
    },
    fixable: false,
    options: {
      allow: {
        type: 'strings',
        default: [],
        description: {
          zh: '允许出现的英文词，不区分大小写',
          en: 'Latin words to accept; case-insensitive',
        },
      },
    },
  },
  check(ctx) {
    const allow = allowed(ctx.options.allow);
    for (const p of ctx.doc.paragraphs) {
      const text = p.content;
      if (!TWO_LETTERS.test(text)) continue;
      const chinese = chineseContext(text);
      for (const m of allMatches(TOKEN, text)) {
        const word = m[0];
        const start = m.index;
        const end = start + word.length;
        if (!isFault(word) || allow.has(word.toLowerCase())) continue;
        if (GLUE.includes(text[start - 1] ?? ' ') || GLUE.includes(text[end] ?? ' ')) continue;
        const before = previousNonSpace(text, start);
        if (before >= 0 && /[0-9²³]/.test(text[before]) && /^[a-z]+$/.test(word)) continue;
        if (!chinese.around(start, end)) continue;
        ctx.report({ span: { start: p.contentStart + start, end: p.contentStart + end }, messageId: 'word', data: { word } });
      }
    }
  },
};
