/**
 * `confusable`: one of the classic confusable words of official writing used
 * where the other belongs — `截止` before a date, `权力和义务`, `制订法律`,
 * `如实反应`, `必需坚持`, `即要……又要`, `工作开展的很扎实` — reported only where
 * the words around it decide which one is meant, and silent everywhere else.
 *
 * The pairs and the contexts that decide them are data (`data/confusable.json`),
 * each with the dictionary that defines the two words; the code only matches
 * them. A pair matches only where the segmenter reads its word as a word of its
 * own (`势必|需要` holds no `必需`, `当即|要求` no `即要`).
 *
 * `的/地/得`: only the complement of degree is checked — a verb, then `的` or
 * `地`, then a degree adverb and a short predicate closing the clause, where
 * the norm is `得` (`开展得很扎实`). The verb is told by jieba's part-of-speech
 * tag (`Segmenter.tag`). The other two cases, `的` for `地` before a verb and
 * `地`/`得` for `的` before a noun, are left out: jieba gives one tag per word
 * and cannot tell an attributive adjective from an adverbial one, and on
 * People's Daily text every such candidate was correct (`严格的配置审批管理`,
 * `不断的写作`, `全新的学习平台`).
 *
 * Without a segmenter the rule reports nothing: no pair is decided without
 * word boundaries. The segmenter only sees a window around a candidate: the
 * occurrence of a listed word, or a `的`/`地` directly followed by a degree
 * adverb.
 */
import data from '../../data/confusable.json';
import type { LocalizedText, Rule, RuleContext, Segmenter } from '../../rule';
import { isHanCode } from '../../text/chars';
import { escapeRegExp } from '../../text/regex';

interface Pair {
  id: string;
  word: string;
  right: string;
  after?: RegExp;
  before?: RegExp;
  notAfter?: RegExp;
  notBefore?: RegExp;
  nextTags?: ReadonlySet<string>;
}

interface PairEntry {
  id: string;
  word: string;
  right: string;
  after?: string;
  before?: string;
  notAfter?: string;
  notBefore?: string;
  nextTags?: string[];
  why: LocalizedText;
}

const regex = (source: string | undefined): RegExp | undefined => (source === undefined ? undefined : new RegExp(source));
/** A pattern anchored at its start (`^…`), made sticky to test it at an offset of the text without slicing. */
const stickyRegex = (source: string | undefined): RegExp | undefined => (source === undefined ? undefined : new RegExp(source.replace(/^\^/, ''), 'y'));

const PAIR_ENTRIES = data.pairs as PairEntry[];

const PAIRS: readonly Pair[] = PAIR_ENTRIES.map((e) => ({
  id: e.id,
  word: e.word,
  right: e.right,
  after: stickyRegex(e.after),
  before: regex(e.before),
  notAfter: stickyRegex(e.notAfter),
  notBefore: regex(e.notBefore),
  nextTags: e.nextTags && new Set(e.nextTags),
}));

/** One message per reason: the reason is too long to pass as a quoted value, and each is fixed text. */
const PAIR_MESSAGES: Record<string, LocalizedText> = Object.fromEntries(
  PAIR_ENTRIES.map((e) => [e.id, { zh: `“{wrong}”应为“{right}”：${e.why.zh}`, en: `"{wrong}" should be "{right}": ${e.why.en}` }]),
);

/** The pairs of each listed word. */
const PAIRS_BY_WORD = new Map<string, readonly Pair[]>();
for (const word of new Set(PAIRS.map((p) => p.word))) PAIRS_BY_WORD.set(word, PAIRS.filter((p) => p.word === word));

const COMPLEMENT = data.complement;
/** Longest first: the one that starts a token is the longest that does. */
const DEGREE_ADVERBS = [...COMPLEMENT.degreeAdverbs].sort((a, b) => b.length - a.length);
/**
 * Where a check may start: a listed word, or a `的`/`地` right before a degree
 * adverb (`的` is one character in thirty of a speech, the pair with an adverb
 * one in thousands). One search finds both; a loop reading each character of
 * a paragraph takes twice as long, and a search for the words' first
 * characters stops at every `制度` and `当前`.
 */
const CANDIDATE = new RegExp(
  `${[...new Set(PAIRS.map((p) => p.word))].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')}|[${escapeRegExp(COMPLEMENT.markers)}](?=${DEGREE_ADVERBS.map(escapeRegExp).join('|')})`,
  'g',
);
const VERB_TAGS = new Set(COMPLEMENT.verbTags);
const VERBS = new Set(COMPLEMENT.verbs);
const NOT_VERBS = new Set(COMPLEMENT.notVerbs);
const NOMINALIZERS = new Set(COMPLEMENT.nominalizers);
const QUANTITY_TAGS = new Set(COMPLEMENT.quantityTags);
const MAX_TAIL = COMPLEMENT.maxTail;

/** Marks that end a clause: the complement's predicate must reach one (or the paragraph's end). */
const CLAUSE_END = new Set('，。！？；：、”’）…—');
/** How much text a `before` pattern sees (the longest needs a few characters). */
const CONTEXT_REACH = 40;
/** Han characters of context on each side of a candidate that the segmenter sees. */
const CUT_REACH = 6;

const isHan = (text: string, i: number): boolean => isHanCode(text.charCodeAt(i));

interface Token {
  start: number;
  end: number;
  text: string;
}

/** The tokens of the Han run around `[from, to)` inside `[lo, hi)`, at most CUT_REACH characters wider on each side; offsets into `text`. */
function tokensAround(segmenter: Segmenter, text: string, from: number, to: number, lo: number, hi: number): Token[] {
  let left = from;
  while (left > lo && from - left < CUT_REACH && isHan(text, left - 1)) left--;
  let right = to;
  while (right < hi && right - to < CUT_REACH && isHan(text, right)) right++;
  const tokens: Token[] = [];
  let at = left;
  for (const word of segmenter.cut(text.slice(left, right))) {
    tokens.push({ start: at, end: at + word.length, text: word });
    at += word.length;
  }
  return tokens;
}

/** Whether no token runs across either edge of `[start, end)`: the span is a word of its own, or the start of a longer one. */
function standsAlone(tokens: readonly Token[], start: number, end: number): boolean {
  return tokens.every((t) => !(t.start < start && t.end > start) && !(t.start > start && t.start < end && t.end > end));
}

/** Whether the sticky `pattern` matches at `at` and ends inside the paragraph (which ends at `to`). */
function matchesAt(pattern: RegExp, text: string, at: number, to: number): boolean {
  pattern.lastIndex = at;
  const m = pattern.exec(text);
  return m !== null && at + m[0].length <= to;
}

function checkPair(ctx: RuleContext, segmenter: Segmenter, pairs: readonly Pair[], at: number, from: number, to: number): void {
  const { text } = ctx.doc;
  const word = pairs[0].word;
  const end = at + word.length;
  let before: string | undefined;
  let tokens: Token[] | undefined;
  for (const pair of pairs) {
    if (pair.after && !matchesAt(pair.after, text, end, to)) continue;
    if (pair.notAfter && matchesAt(pair.notAfter, text, end, to)) continue;
    if (pair.before || pair.notBefore) {
      before ??= text.slice(Math.max(from, at - CONTEXT_REACH), at);
      if (pair.before && !pair.before.test(before)) continue;
      if (pair.notBefore?.test(before)) continue;
    }
    tokens ??= tokensAround(segmenter, text, at, end, from, to);
    if (!standsAlone(tokens, at, end)) return;
    if (pair.nextTags) {
      const next = tokens.find((t) => t.start === end);
      const tag = next && segmenter.tag?.(next.text);
      if (tag === undefined || !pair.nextTags.has(tag)) continue;
    }
    const span = { start: at, end };
    ctx.report({
      span,
      messageId: pair.id,
      data: { wrong: word, right: pair.right },
      fix: [{ span, text: pair.right }],
    });
    return;
  }
}

/** Whether `text[i]` (a `的` or `地`) stands for the `得` of a complement of degree. */
function standsForDe(segmenter: Segmenter, text: string, i: number, from: number, to: number): boolean {
  const tokens = tokensAround(segmenter, text, i, i + 1, from, to);
  const k = tokens.findIndex((t) => t.start === i);
  if (k < 1 || tokens[k].end !== i + 1) return false;
  const verb = tokens[k - 1];
  const degree = tokens[k + 1];
  // The adverb may be cut together with its predicate (很快, 很好).
  const adverb = degree && DEGREE_ADVERBS.find((a) => degree.text.startsWith(a));
  if (!adverb) return false;
  // 很多, 很少: the adverb cut into a quantity word counts the noun after it (有关的很多内容), no complement.
  if (degree.text !== adverb && QUANTITY_TAGS.has(segmenter.tag?.(degree.text) ?? '')) return false;
  // The predicate after the adverb closes the clause within a few characters, and the cut saw all of it.
  const tailStart = degree.start + adverb.length;
  const tailEnd = tokens[tokens.length - 1].end;
  if (tailEnd - tailStart < 1 || tailEnd - tailStart > MAX_TAIL) return false;
  if (tailEnd < to && !CLAUSE_END.has(text[tailEnd])) return false;
  if (tokens.slice(k + 2).some((t) => t.text === '的' || t.text === '地' || t.text === '得')) return false;
  if (NOT_VERBS.has(verb.text)) return false;
  // 地 after a one-character verb is the noun (入地更难).
  if (text[i] === '地' && verb.text.length < 2) return false;
  const tag = segmenter.tag?.(verb.text);
  if (!VERBS.has(verb.text) && (tag === undefined || !VERB_TAGS.has(tag))) return false;
  // A modal or 所 before the verb makes V的 a noun phrase: 我们能做的很有限.
  const previous = tokens[k - 2];
  if (previous && (NOMINALIZERS.has(previous.text) || NOMINALIZERS.has(previous.text.slice(-1)))) return false;
  // …unless the cut began at the verb: then what stands before it is unseen, and a nominalizer may hide there.
  if (!previous && verb.start > from && isHan(text, verb.start - 1)) return false;
  return true;
}

export const rule: Rule = {
  meta: {
    id: 'confusable',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '易混淆词语用错（截止/截至、权利/权力、反应/反映、的/地/得等），只在上下文能够判定时提示',
      en: 'A confusable word used for its pair (截止/截至, 权利/权力, 反应/反映, 的/地/得…), reported only where the context decides',
    },
    messages: {
      ...PAIR_MESSAGES,
      complement: {
        zh: '动词后连接程度补语应用“得”，不用“{wrong}”',
        en: 'A verb and its complement of degree are joined by 得, not {wrong}',
      },
    },
    // A replacement changes the words.
    fixable: 'edit',
  },
  check(ctx) {
    const segmenter = ctx.services.segmenter;
    if (!segmenter) return;
    const { text } = ctx.doc;
    for (const p of ctx.doc.paragraphs) {
      const from = p.contentStart;
      const to = p.contentEnd;
      const content = p.content;
      // A match object is made only for a candidate, a few times in a long speech.
      for (let m = CANDIDATE.exec(content); m; m = CANDIDATE.exec(content)) {
        const i = from + m.index;
        const pairs = PAIRS_BY_WORD.get(m[0]);
        if (pairs) checkPair(ctx, segmenter, pairs, i, from, to);
        else if (i > from && standsForDe(segmenter, text, i, from, to)) {
          const span = { start: i, end: i + 1 };
          ctx.report({ span, messageId: 'complement', data: { wrong: text[i] }, fix: [{ span, text: '得' }] });
        }
      }
    }
  },
};
