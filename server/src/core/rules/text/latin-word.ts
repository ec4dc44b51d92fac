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
 * - words with a letter outside ASCII: pinyin with its tone marks (`簋（guǐ）`)
 *   and names spelt with diacritics (`Müller`), never English;
 * - a web address whose colon was typed full-width (`http：//www.gov.cn`);
 * - a word glossed in brackets: Chinese after it (`na（那）`), or a bracket
 *   of Latin words right after a Chinese term (`脱口秀（talk show）`), which
 *   gives the original on purpose;
 * - a short quoted phrase (`名叫“Daily fitness”的健身房`, `“央视boys”`): a
 *   name or a coinage, mentioned rather than used;
 * - words in the `allow` option (case-insensitive).
 *
 * A word with one obvious Chinese equivalent (`and` → `和`) between Chinese
 * characters gets it as its fix, taking the spaces around it along, so the
 * fixed text holds no stray space.
 *
 * Classified on the People's Daily archive (docs/corpus.md), where nearly all
 * findings were pinyin annotations, web addresses, glosses and quoted names.
 */
import type { Rule } from '../../rule';
import { isHanAt } from '../../text/chars';
import { chineseContext, previousNonSpace, spacesBackToChinese, spacesUpToChinese } from '../../text/context';
import { allMatches } from '../../text/matches';

/**
 * Runs of Latin letters and digits (superscript ² ³ count as digits: `m²`).
 * Letters with diacritics belong to the word, so pinyin `guǐ` is one token,
 * not `gu` and a stray `ǐ`. Not × ÷ (U+00D7, U+00F7), which are operators.
 */
const TOKEN = /[A-Za-z0-9²³\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+/g;
/** A letter outside ASCII: pinyin tone marks, diacritics. */
const NON_ASCII = /[^\x00-\x7f]/;
/** A word needs two letters in a row; most paragraphs have none and are passed over at the cost of this one search. */
const TWO_LETTERS = /[A-Za-z]{2}/;
const INNER_CAPITAL = /^.+[A-Z]/;
const CAPITALISED = /^[A-Z][a-z]+$/;
/** Characters that glue a word into a formula, an address or a path. */
const GLUE = '+-*/=×÷^.@_:#&%~\\\'’';
/** English words that never name anything, so capitalising them is no excuse. */
const FUNCTION_WORDS = new Set(['and', 'or', 'but', 'nor', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'as', 'is', 'are', 'was', 'were', 'an']);

/**
 * Words whose Chinese equivalent is one word whatever the sentence, the only
 * ones fixed; `the`, `of`, `in`… read differently in each sentence.
 */
const EQUIVALENTS: Readonly<Record<string, string>> = { and: '和', or: '或' };

/** The user's list of words, compared case-insensitively. */
function allowed(option: unknown): Set<string> {
  const words = Array.isArray(option) ? option.map(String) : [];
  return new Set(words.filter((w) => w.length > 0).map((w) => w.toLowerCase()));
}

function isFault(word: string): boolean {
  if (word.length < 2 || /[0-9²³]/.test(word) || INNER_CAPITAL.test(word) || NON_ASCII.test(word)) return false;
  if (CAPITALISED.test(word)) return FUNCTION_WORDS.has(word.toLowerCase());
  return true;
}

/** How far a gloss, a bracket or a quotation around a word is looked for: glosses and quoted names are short. */
const REACH = 24;
/** A bracketed Chinese gloss right after the word (`na（那）`). */
const CHINESE_GLOSS = /^\s*[（(]\p{Script=Han}{1,8}[）)]/u;
/** A web address's scheme before `://` typed with a full-width colon. */
const FULLWIDTH_SCHEME = /^[:：]\/\//;

/**
 * The short pair opened by one of `open` and closed by one of `close` around
 * `text[start, end)`, as the offsets of its two marks; undefined when there is none.
 */
function enclosingPair(text: string, start: number, end: number, open: string, close: string): { from: number; to: number } | undefined {
  let from = start - 1;
  while (from >= 0 && start - from <= REACH && !open.includes(text[from])) {
    if (close.includes(text[from])) return undefined;
    from--;
  }
  if (from < 0 || start - from > REACH) return undefined;
  let to = end;
  while (to < text.length && to - end <= REACH && !close.includes(text[to])) {
    if (open.includes(text[to])) return undefined;
    to++;
  }
  return to < text.length && to - end <= REACH ? { from, to } : undefined;
}

const HAN = /\p{Script=Han}/u;
const CLAUSE_MARK = /[。！？；，]/;

/** Whether the word at [start, end) is given on purpose: a gloss, the original of a term, a quoted name or an address. */
function isDeliberate(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + REACH);
  if (FULLWIDTH_SCHEME.test(after) || CHINESE_GLOSS.test(after)) return true;
  // The original of a Chinese term: a bracket of Latin words only, right after a Han character.
  const bracket = enclosingPair(text, start, end, '（(', '）)');
  if (bracket && !HAN.test(text.slice(bracket.from + 1, bracket.to)) && isHanAt(text, bracket.from - 1)) return true;
  const quote = enclosingPair(text, start, end, '“', '”');
  return quote !== undefined && !CLAUSE_MARK.test(text.slice(quote.from + 1, quote.to));
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
    // Replacing a word changes the words: one at a time, never in bulk.
    fixable: 'edit',
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
        if (!chinese.around(start, end) || isDeliberate(text, start, end)) continue;
        const span = { start: p.contentStart + start, end: p.contentStart + end };
        const equivalent = Object.hasOwn(EQUIVALENTS, word.toLowerCase()) ? EQUIVALENTS[word.toLowerCase()] : undefined;
        const from = spacesBackToChinese(text, start);
        const to = spacesUpToChinese(text, end);
        // Only between two Chinese characters: `Belt and Road` in a sentence stays English for the writer to settle.
        const between = isHanAt(text, previousNonSpace(text, start)) && isHanAt(text, to);
        const fix = equivalent && between ? [{ span: { start: p.contentStart + from, end: p.contentStart + to }, text: equivalent }] : undefined;
        ctx.report({ span, messageId: 'word', data: { word }, fix });
      }
    }
  },
};
