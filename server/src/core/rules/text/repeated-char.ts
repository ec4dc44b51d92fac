/**
 * `repeated-char`: a character or a word typed twice by accident — `争争一流`,
 * `交流交流会` — told apart from the doubles Chinese is full of:
 * reduplication (`牢牢` `密密麻麻` `一批批` `研究研究`), two words meeting on
 * the same character (`政协|协商`, `通信|信号`, `工作|作了`) and names
 * (`张蓓蓓`). The fix deletes the second copy.
 *
 * Telling a junction from a slip takes words, so the rule needs the word
 * segmenter the host lends (`ctx.services.segmenter`, dictionary-only cuts).
 * Without one it reports nothing: from characters alone no double can be
 * called a slip with confidence. The segmenter only ever sees a window of a
 * few characters around a candidate, never a whole paragraph.
 *
 * A doubled character AA is legitimate when it is a listed reduplication or
 * given name (`data/reduplication.json`), a `一AA` measure form, half of an
 * AABB form of a word AB (`认认真真`), inside one dictionary word (`历历在目`),
 * or where either A belongs to a longer word (`每年|年底`, `工作|作|了`), or
 * could (`转化为|为国`: `化为` is a word), or after a surname (`陈晨晨`). Two
 * lone characters are a slip, unless they stand where only a reduplication
 * would (closing the clause, cited whole, before 的/地, beside another pair;
 * see `standsAsReduplication`) and are no function word. A lone A before a
 * word starting with A (`要推推动改革`) is a slip when it opens its clause or
 * follows a function word and the word goes on.
 *
 * A doubled word WW (two to four characters) is a slip when the segmenter
 * reads W as a word and the second W as the same word (`党支部党支部`),
 * unless WW is an ordinary reduplication (`研究研究`, listed) or a
 * numeral-measure repeat (`一件一件`). W followed by a longer word starting
 * with W is usually fine (`代表|代表大会`, `研究|研究生`: a verb and its
 * object), except before an event named after the activity (`交流|交流会`,
 * `培训|培训班`) or when W is a listed modifier, which takes no object
 * (`切实|切实加强`).
 */
import reduplication from '../../data/reduplication.json';
import type { Paragraph } from '../../model';
import type { Rule, RuleContext, Segmenter } from '../../rule';
import { isHanCode } from '../../text/chars';

const ALLOWED_DOUBLES = new Set([...reduplication.doubledChars, ...reduplication.givenNames]);
const MEASURE_WORDS = new Set(reduplication.measureWords);
const WORD_DOUBLES = new Set(reduplication.wordDoubles);
const SURNAMES = new Set(reduplication.surnames);
const EVENT_SUFFIXES = new Set(reduplication.eventSuffixes);
const MODIFIERS = new Set(reduplication.modifiers);
const FUNCTION_CHARS = new Set(reduplication.functionChars);
/** Punctuation that ends a clause: a reduplication may stand right before it (`瞅瞅！`, `宣传宣传，`); a slip leaves a word hanging and rarely does. */
const CLAUSE_END = new Set('，。！？；：、”’）》…—');
/** Punctuation after which a clause starts. */
const CLAUSE_START = new Set('，。！？；：、“‘');
/** Openers and their closers: a double that makes up all that stands between them is cited — a sound, a name (`“咕嘟咕嘟”`, `“优优”`). */
const QUOTED: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '《': '》', '（': '）', '「': '」' };
/** A word double starting with one of these counts things one by one (`一步一步`, `两个两个`). */
const NUMERALS = '一二三四五六七八九十两几';

/** Characters of context on each side of a candidate that the segmenter sees. */
const CONTEXT = 4;
const LONGEST_WORD_DOUBLE = 4;
/** Enough for any draft's distinct windows; cleared beyond that so memory stays bounded. */
const CACHE_LIMIT = 50_000;

/**
 * The segmenter with a memo: drafts repeat their phrases (`政协协商`), so
 * windows recur. One per segmenter, kept across checks; an object with a
 * method rather than a closure per check, since optimized code that inlined
 * a closure is thrown away once that closure is collected.
 */
class CutMemo {
  private readonly memo = new Map<string, string[]>();

  constructor(private readonly segmenter: Segmenter) {}

  cut(text: string): string[] {
    let tokens = this.memo.get(text);
    if (!tokens) {
      if (this.memo.size >= CACHE_LIMIT) this.memo.clear();
      tokens = this.segmenter.cut(text);
      this.memo.set(text, tokens);
    }
    return tokens;
  }
}

const cutMemos = new WeakMap<Segmenter, CutMemo>();

function cutMemoFor(segmenter: Segmenter): CutMemo {
  let memo = cutMemos.get(segmenter);
  if (!memo) cutMemos.set(segmenter, (memo = new CutMemo(segmenter)));
  return memo;
}

/** The code unit at `i` of a paragraph ending at `to`, or -1 past its end. */
const codeIn = (text: string, i: number, to: number): number => (i < to ? text.charCodeAt(i) : -1);

const isHan = (text: string, i: number): boolean => i >= 0 && i < text.length && isHanCode(text.charCodeAt(i));

interface Token {
  start: number;
  text: string;
}

/** Judges the doubles of one paragraph's text, asking the segmenter about the words around them. */
class SlipJudge {
  constructor(
    private readonly text: string,
    private readonly words: CutMemo,
  ) {}

  private isWord(word: string): boolean {
    return this.words.cut(word).length === 1;
  }

  /** Tokens of the Han run around `[from, to)`, at most CONTEXT characters wider on each side; starts are offsets into the text. */
  private tokensAround(from: number, to: number): Token[] {
    let left = from;
    while (from - left < CONTEXT && isHan(this.text, left - 1)) left--;
    let right = to;
    while (right - to < CONTEXT && isHan(this.text, right)) right++;
    const tokens: Token[] = [];
    let at = left;
    for (const word of this.words.cut(this.text.slice(left, right))) {
      tokens.push({ start: at, text: word });
      at += word.length;
    }
    return tokens;
  }

  /** Whether the characters at `i` and `i + 1` (the same Han character) are a slip. */
  charDoubleIsSlip(i: number): boolean {
    const { text } = this;
    const a = text[i];
    if (ALLOWED_DOUBLES.has(a + a)) return false;
    if (text[i - 1] === '一' && MEASURE_WORDS.has(a)) return false;
    if (this.halfOfAabb(i)) return false;
    const tokens = this.tokensAround(i, i + 2);
    const first = tokens.find((t) => t.start <= i && i < t.start + t.text.length);
    const second = tokens.find((t) => t.start <= i + 1 && i + 1 < t.start + t.text.length);
    if (!first || !second || first === second || first.text.length > 1) return false;
    if (isHan(text, i - 1) && this.isWord(text[i - 1] + a)) return false;
    const before = tokens[tokens.indexOf(first) - 1];
    // `要推推动改革`: a lone character before a word it already begins is that word's first character typed
    // twice — when only a function word or a clause break stands before it (after other words the first copy
    // mostly ends an unlisted name: `环境部|部长`, `7旅|旅长`) and the word goes on to its object (a verb-object
    // word closing its clause is reduplicated as AAB: `唠唠嗑、`, `加加油，`). Both limits were tuned on the
    // People's Daily of January 2020.
    if (second.text.length > 1) {
      const opensClause = i === 0 || CLAUSE_START.has(text[i - 1]) || (before !== undefined && FUNCTION_CHARS.has(before.text));
      return second.start === i + 1 && opensClause && isHan(text, second.start + second.text.length);
    }
    if (before && SURNAMES.has(before.text)) return false;
    if (isHan(text, i + 2) && this.isWord(a + text[i + 2])) return false;
    if (FUNCTION_CHARS.has(a)) return true;
    // A one-character word closing the clause after the pair is the object of a reduplicated verb (`唠唠嗑、`, `眨眨眼，`).
    const after = tokens[tokens.indexOf(second) + 1];
    if (after?.text.length === 1 && !FUNCTION_CHARS.has(after.text) && CLAUSE_END.has(text[i + 3] ?? '')) return false;
    return !this.standsAsReduplication(i, 2);
  }

  /**
   * Whether the double `text[i, i + 2n)` stands where only a reduplication
   * would: cited whole between quotes or brackets (`“咕嘟咕嘟”`), after the `·`
   * of a transcribed name (`肉孜·麦麦提`), or closing its clause (`去瞅瞅！`,
   * `好好宣传宣传，`), or, for a character, before `的`/`地` (`滑滑的`) or
   * beside another doubled character (`行行字字`, `山山峁峁`).
   */
  private standsAsReduplication(i: number, length: number): boolean {
    const { text } = this;
    const after = text[i + length];
    if (QUOTED[text[i - 1]] !== undefined && QUOTED[text[i - 1]] === after) return true;
    if (text[i - 1] === '·' || (after !== undefined && CLAUSE_END.has(after))) return true;
    if (length !== 2 || text[i] !== text[i + 1]) return false;
    const isPair = (k: number): boolean => isHan(text, k) && text[k] === text[k + 1] && text[k] !== text[i];
    return after === '的' || after === '地' || isPair(i + 2) || isPair(i - 2);
  }

  /** AABB where AB is a word: `认认真真`, `扎扎实实` (the pair at `i` may be AA or BB). */
  private halfOfAabb(i: number): boolean {
    const { text } = this;
    const isPair = (k: number): boolean => isHan(text, k) && isHan(text, k + 1) && text[k] === text[k + 1];
    if (isPair(i + 2) && text[i + 2] !== text[i] && this.isWord(text[i] + text[i + 2])) return true;
    return isPair(i - 2) && text[i - 2] !== text[i] && this.isWord(text[i - 2] + text[i]);
  }

  /** Whether `text.slice(i, i + n)` followed by itself is a slip. */
  wordDoubleIsSlip(i: number, n: number): boolean {
    const word = this.text.slice(i, i + n);
    if (NUMERALS.includes(word[0])) return false;
    const tokens = this.tokensAround(i, i + 2 * n);
    const first = tokens.find((t) => t.start === i);
    const second = tokens.find((t) => t.start === i + n);
    if (!first || first.text !== word || !second) return false;
    if (second.text === word) return !WORD_DOUBLES.has(word) && !this.standsAsReduplication(i, 2 * n);
    if (!second.text.startsWith(word)) return false;
    return MODIFIERS.has(word) || (second.text.length === n + 1 && EVENT_SUFFIXES.has(second.text[n]));
  }
}

/** Whether `text[i, i + 2n)` (inside the text) is one Han word of `n` characters written twice (not one character repeated). */
function isWordDouble(text: string, i: number, n: number): boolean {
  for (let k = 0; k < 2 * n; k++) if (!isHanCode(text.charCodeAt(i + k))) return false;
  for (let k = 0; k < n; k++) if (text.charCodeAt(i + k) !== text.charCodeAt(i + n + k)) return false;
  for (let k = 1; k < n; k++) if (text.charCodeAt(i + k) !== text.charCodeAt(i)) return true;
  return false;
}

export const rule: Rule = {
  meta: {
    id: 'repeated-char',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '字词误重复（如“争争”“交流交流会”），不含正常的叠词',
      en: 'A character or word repeated by accident (争争, 交流交流会), not a legitimate reduplication',
    },
    messages: {
      char: { zh: '“{char}”字重复，删去一个', en: 'Character "{char}" is repeated; delete one' },
      charRun: { zh: '“{char}”字连写了 {count} 次，只留一个', en: 'Character "{char}" is written {count} times in a row; keep one' },
      word: { zh: '“{word}”一词重复，删去一个', en: 'Word "{word}" is repeated; delete one' },
    },
    // Deleting a character deletes a word when the repeat was meant.
    fixable: 'edit',
  },
  check(ctx) {
    const { segmenter } = ctx.services;
    if (!segmenter) return;
    const judges = new Judges(ctx, cutMemoFor(segmenter));
    // The paragraphs are read in the document's text rather than as their `content`: reading a slice costs more per character.
    const { text } = ctx.doc;
    for (const p of ctx.doc.paragraphs) {
      if (p.role === 'speaker') continue;
      const { contentStart: from, contentEnd: to } = p;
      // The code unit at `i` and the next ones ride along in locals, each read once: reading them again at every `i` costs several times more.
      let code = codeIn(text, from, to);
      let next1 = codeIn(text, from + 1, to);
      let next2 = codeIn(text, from + 2, to);
      let next3 = codeIn(text, from + 3, to);
      let next4 = codeIn(text, from + 4, to);
      let i = from;
      for (const stop = to - 5; i < stop; i++) {
        const next5 = text.charCodeAt(i + 5);
        if (mayDouble(code, next1, next2, next3, next4, next5) && isHanCode(code)) judges.at(p, i);
        code = next1;
        next1 = next2;
        next2 = next3;
        next3 = next4;
        next4 = next5;
      }
      // The last few characters, apart: with fewer than five after them, they would cost the loop above a bound check.
      for (; i + 1 < to; i++) {
        if (mayDouble(code, next1, next2, next3, next4, -1) && isHanCode(code)) judges.at(p, i);
        code = next1;
        next1 = next2;
        next2 = next3;
        next3 = next4;
        next4 = -1;
      }
    }
  },
};

/** Most paragraphs hold no candidate: a paragraph's judge is made when its first candidate is met. */
class Judges {
  private judged: Paragraph | undefined;
  private judge: SlipJudge | undefined;
  /** Where the last run of one character judged as a whole ends (document offset): the doubles inside it are done. */
  private runEnd = 0;

  constructor(
    private readonly ctx: RuleContext,
    private readonly words: CutMemo,
  ) {}

  /** Reports the slips among the doubles at offset `i` of the document, inside paragraph `p`: a run of one character at its start, words doubled at each offset. */
  at(p: Paragraph, i: number): void {
    if (this.judged !== p || !this.judge) {
      this.judged = p;
      this.judge = new SlipJudge(p.content, this.words);
    }
    const base = p.contentStart;
    if (i >= this.runEnd && p.content.charCodeAt(i - base + 1) === p.content.charCodeAt(i - base)) {
      this.runEnd = base + reportCharRun(this.ctx, this.judge, p, i - base);
    }
    // A word double inside a run of one character would be that character alone, which is no word double.
    if (i + 2 * LONGEST_WORD_DOUBLE > this.runEnd) reportWordDoublesAt(this.ctx, this.judge, p, i - base);
  }
}

/**
 * A pair inside a run of one character farther than this from both of the
 * run's ends sees nothing but that character in every window the judge looks
 * at (CONTEXT characters of segmenter window on each side, and the AABB test's
 * two), so all such pairs are judged alike.
 */
const RUN_EDGE = CONTEXT + 2;

/**
 * Reports the slips of the run of one character starting at `start` of the
 * paragraph, and returns where the run ends (an offset into the paragraph). Each neighbouring pair of the
 * run is judged as a double; consecutive slips are one finding, so
 * `的的的的` is one problem with one fix (keep one), not three — and a pasted
 * megabyte of one character costs a few judgements, not a million.
 */
function reportCharRun(ctx: RuleContext, judge: SlipJudge, p: Paragraph, start: number): number {
  const text = p.content;
  const code = text.charCodeAt(start);
  let end = start + 2;
  while (end < text.length && text.charCodeAt(end) === code) end++;
  const lastPair = end - 2;
  const middleIsSlip = lastPair - start > 2 * RUN_EDGE ? judge.charDoubleIsSlip(start + RUN_EDGE) : false;
  const isSlip = (i: number): boolean => (i - start < RUN_EDGE || lastPair - i < RUN_EDGE ? judge.charDoubleIsSlip(i) : middleIsSlip);
  let from = -1;
  for (let i = start; i <= lastPair + 1; i++) {
    const slip = i <= lastPair && isSlip(i);
    if (slip && from < 0) from = i;
    if (!slip && from >= 0) {
      reportCharSlip(ctx, p, from, i + 1);
      from = -1;
    }
  }
  return end;
}

/** Reports `text[from, to)` of the paragraph, one character written `to - from` times by mistake; the fix keeps the first. */
function reportCharSlip(ctx: RuleContext, p: Paragraph, from: number, to: number): void {
  const base = p.contentStart;
  const char = p.content[from];
  ctx.report({
    span: { start: base + from, end: base + to },
    messageId: to - from === 2 ? 'char' : 'charRun',
    data: to - from === 2 ? { char } : { char, count: to - from },
    fix: [{ span: { start: base + from + 1, end: base + to }, text: '' }],
  });
}

/**
 * Whether a double may start at the code unit `code`, followed by `next1` to
 * `next5` (-1 past the end): the same unit right after it, or a word of two
 * to four (LONGEST_WORD_DOUBLE) units whose first two come again as many
 * places on. Most characters are passed over here at the cost of a comparison
 * or four; `Judges.at` looks closer at the rest.
 */
const mayDouble = (code: number, next1: number, next2: number, next3: number, next4: number, next5: number): boolean =>
  code === next1 || (code === next2 && next1 === next3) || (code === next3 && next1 === next4) || (code === next4 && next1 === next5);

/** Reports the slips among the word doubles starting at `i`: a word of two to LONGEST_WORD_DOUBLE characters written twice. */
function reportWordDoublesAt(ctx: RuleContext, judge: SlipJudge, p: Paragraph, i: number): void {
  const text = p.content;
  const code = text.charCodeAt(i);
  const base = p.contentStart;
  for (let n = 2; n <= LONGEST_WORD_DOUBLE && i + 2 * n <= text.length; n++) {
    if (text.charCodeAt(i + n) !== code || !isWordDouble(text, i, n) || !judge.wordDoubleIsSlip(i, n)) continue;
    ctx.report({
      span: { start: base + i, end: base + i + 2 * n },
      messageId: 'word',
      data: { word: text.slice(i, i + n) },
      fix: [{ span: { start: base + i + n, end: base + i + 2 * n }, text: '' }],
    });
  }
}
