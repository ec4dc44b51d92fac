/**
 * `repeated-char`: a character or a word typed twice by accident — `争争一流`,
 * `交流交流会`, `推推动` — told apart from the doubles Chinese is full of:
 * reduplication (`牢牢` `密密麻麻` `一批批` `瞅瞅` `整修整修`), distributive
 * nouns (`岁岁安澜`, `村村`), sounds, names (`兰英英`, `张蓓蓓`) and two words
 * meeting on the same character (`政协|协商`, `抚琴站|站厅`). The fix deletes
 * the second copy.
 *
 * Telling a junction from a slip takes words, so the rule needs the word
 * segmenter the host lends (`ctx.services.segmenter`, dictionary-only cuts).
 * Without one it reports nothing: from characters alone no double can be
 * called a slip with confidence. The segmenter only ever sees a window of a
 * few characters around a candidate, never a whole paragraph, and only where
 * a slip could stand at all.
 *
 * A doubled character AA of a content word is taken as meant — reduplication
 * is productive, names are open-ended — unless a slip shows itself:
 * - the second copy begins a dictionary word, the first stands alone, only a
 *   clause break or a function word stands before it, and the word goes on to
 *   another word (`要|推|推动|改革`, `，|对|对口|支援`);
 * - it opens a paragraph or a list item after items of another form
 *   (`创新作为、争争一流`; items of one list share their form).
 * A function word (`的` `以` `要`) never reduplicates: its AA is a slip
 * wherever both copies stand alone. Never a slip: a listed reduplication or
 * given name (`data/reduplication.json`), a `一AA` measure form, half of an
 * AABB form, a double with another double in its clause (`拔拔茅草`…
 * `踩踩井坎`), an AA the dictionary lists however rarely (`心心`, `过过`),
 * either copy belonging to a longer word (`每年|年底`, `转化为|为国`), AA after
 * a surname, and a double written the same way elsewhere in the speech (a
 * name comes back; a slip is a one-off).
 *
 * A doubled word WW is a slip when the segmenter reads both copies as the
 * same word: always for three or four characters (`党支部党支部`) unless cited
 * or closing its clause; for two characters (ABAB, an open class of verbs,
 * state adjectives and sounds: `整修整修`, `黑瘦黑瘦`, `啪嗒啪嗒`) only when W
 * is a listed word that never reduplicates — an adverb, a pronoun, a
 * conjunction, a formal verb or noun of speeches (`必须必须`, `推动推动`,
 * `工作工作`). A numeral-measure repeat
 * (`一件一件`) is fine. W followed by a longer word starting with W is usually
 * a verb and its object (`代表|代表大会`) except before an event named after
 * the activity (`交流|交流会`, `培训|培训班`) or when W is a listed word that
 * takes no object (`切实|切实加强`).
 */
import reduplication from '../../data/reduplication.json';
import type { Paragraph } from '../../model';
import type { Rule, RuleContext, Segmenter } from '../../rule';
import { isHanCode } from '../../text/chars';

const ALLOWED_DOUBLES = new Set([...reduplication.doubledChars, ...reduplication.givenNames]);
const MEASURE_WORDS = new Set(reduplication.measureWords);
const SURNAMES = new Set(reduplication.surnames);
const EVENT_SUFFIXES = new Set(reduplication.eventSuffixes);
const NON_REDUPLICATING = new Set(reduplication.nonReduplicating);
const FUNCTION_CHARS = new Set(reduplication.functionChars);
/** Punctuation that ends a clause: a reduplication may stand right before it (`嘀嗒嘀嗒嘀嗒！`); a slip leaves a word hanging and rarely does. */
const CLAUSE_END = new Set('，。！？；：、”’）》…—');
/** Punctuation after which a clause starts. */
const CLAUSE_START = new Set('，。！？；：、“‘');
/** Openers and their closers: a double that makes up all that stands between them is cited — a sound, a name (`“哗啦啦哗啦啦”`). */
const QUOTED: Readonly<Record<string, string>> = { '“': '”', '‘': '’', '《': '》', '（': '）', '「': '」' };
/** A word double starting with one of these counts things one by one (`一步一步`, `两个两个`). */
const NUMERALS = '一二三四五六七八九十两几';

/** Characters of context on each side of a candidate that the segmenter sees. */
const CONTEXT = 4;
const LONGEST_WORD_DOUBLE = 4;
/** How far back a list item before a `、` is read: four-character items and a little more. */
const ITEM_REACH = 8;
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

  /** Whether the dictionary lists `word` at all (false when the host's segmenter cannot say). */
  listed(word: string): boolean {
    return this.segmenter.isWord?.(word) ?? false;
  }

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
    private readonly pairs: PairCounts,
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
    // A content character doubled is a reduplication or part of a name wherever it stands, except where a slip
    // shows itself: opening a clause or after a function word (`要推推动`, `，对对口`, `、争争一流`). Elsewhere
    // it is not even segmented: a reduplicated verb (`蹲着瞅瞅`, `去井边踩踩`), a distributive noun (`新中国70年里岁岁安澜`)
    // or a name (`村民兰英英`) is as likely as a slip, and far more common in edited text.
    const opens = i === 0 || CLAUSE_START.has(text[i - 1]) || FUNCTION_CHARS.has(text[i - 1]);
    if (!opens && !FUNCTION_CHARS.has(a)) return false;
    if (this.halfOfAabb(i) || (!FUNCTION_CHARS.has(a) && this.hasCompany(i))) return false;
    const tokens = this.tokensAround(i, i + 2);
    const first = tokens.find((t) => t.start <= i && i < t.start + t.text.length);
    const second = tokens.find((t) => t.start <= i + 1 && i + 1 < t.start + t.text.length);
    if (!first || !second || first === second || first.text.length > 1) return false;
    if (isHan(text, i - 1) && this.isWord(text[i - 1] + a)) return false;
    const before = tokens[tokens.indexOf(first) - 1];
    // `要推推动改革`: a lone character before a word it already begins is that word's first character typed
    // twice — when only a function word or a clause break stands before it (after other words the first copy
    // mostly ends an unlisted name: `环境部|部长`, `7旅|旅长`) and the word goes on to another word (a verb-object
    // word closing its clause is reduplicated as AAB: `唠唠嗑、`, `加加油，`; a doubled measure word before a
    // word that merely shares its character leaves a lone character: `根根茎脉`). These limits were tuned on the
    // People's Daily of January 2020 and checked on February.
    if (second.text.length > 1) {
      const opensClause = i === 0 || CLAUSE_START.has(text[i - 1]) || (before !== undefined && FUNCTION_CHARS.has(before.text));
      return second.start === i + 1 && opensClause && this.goesOnToWord(tokens, second) && !this.recurs(i);
    }
    if (before && SURNAMES.has(before.text)) return false;
    if (isHan(text, i + 2) && this.isWord(a + text[i + 2])) return false;
    // A rare word of the dictionary that the cut splits: `心心相依`, `没过过苦日子`.
    if (this.words.listed(a + a)) return false;
    if (FUNCTION_CHARS.has(a)) return !this.recurs(i);
    // Opening a paragraph or a list item, a double with nothing after it but a function word is the whole item,
    // a name or a sound (`、景景（女）、`, `、川川和桐桐`: a verb would take an object); followed by more, it is
    // a slip unless the items before are alike.
    if (!isHan(text, i + 2) || FUNCTION_CHARS.has(text[i + 2])) return false;
    return (i === 0 || (text[i - 1] === '、' && !this.itemBeforeIsAlike(i - 1, a))) && !this.recurs(i);
  }

  /**
   * Whether the word `token` of the window goes on to another word: a slip's
   * word is followed by its object (`推推动|改革`, `对对口|支援`), while a
   * doubled measure word before a word that merely shares its character
   * leaves a lone character behind (`根根茎脉` cuts `根|根茎|脉`).
   */
  private goesOnToWord(tokens: readonly Token[], token: Token): boolean {
    const next = tokens[tokens.indexOf(token) + 1];
    if (next === undefined) return false;
    // The window may end inside the next word: a lone character there, with more text after, is a word cut short.
    const cutShort = next === tokens[tokens.length - 1] && isHan(this.text, next.start + 1);
    return next.text.length > 1 || cutShort;
  }

  /**
   * Whether the list item that ends at the `、` at `comma` holds a doubled
   * character or the character `a`. Items of one list share their form: a
   * double opening an item after items that hold doubles (`层层开会、级级陪会`,
   * `逛逛、吃吃`) or that name the same thing (`纪法贯通、法法衔接`,
   * `公铁联运、铁铁联运`) is distributive; after items of another form it is a
   * slip (`创新作为、争争一流`).
   */
  private itemBeforeIsAlike(comma: number, a: string): boolean {
    const { text } = this;
    for (let k = comma - 1; k >= 0 && comma - k <= ITEM_REACH && !CLAUSE_START.has(text[k]); k--) {
      if (text[k] === a || (isHan(text, k) && text[k] === text[k + 1])) return true;
    }
    return false;
  }

  /**
   * Whether another character stands doubled within ITEM_REACH of the pair at
   * `i`, in the same clause: reduplications come in company (`拔拔茅草`…,
   * `搬搬东西做做杂活`, `桩桩件件`), a slip comes alone.
   */
  private hasCompany(i: number): boolean {
    const { text } = this;
    const inClause = (k: number): boolean => isHan(text, k) || !(CLAUSE_START.has(text[k]) || CLAUSE_END.has(text[k]));
    const isOtherPair = (k: number): boolean => isHan(text, k) && text[k] === text[k + 1] && text[k] !== text[i];
    for (let k = i - 1; k >= 0 && i - k <= ITEM_REACH && inClause(k); k--) if (isOtherPair(k)) return true;
    for (let k = i + 2; k + 1 < text.length && k - i <= ITEM_REACH && inClause(k); k++) if (isOtherPair(k)) return true;
    return false;
  }

  /**
   * Whether the pair at `i`, standing alone (no third copy either side), is
   * written so once more in the speech: a name or a term comes back in the
   * same form (`孟根其其格` three times in one report), a slip is a one-off.
   */
  private recurs(i: number): boolean {
    const { text } = this;
    const a = text.charCodeAt(i);
    if (text.charCodeAt(i - 1) === a || text.charCodeAt(i + 2) === a) return false;
    return this.pairs.count(a) > 1;
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
    // An unlisted two-character word can be a slip only before an event named after it (`交流交流会`): no cut needed otherwise.
    if (n === 2 && !NON_REDUPLICATING.has(word) && !EVENT_SUFFIXES.has(this.text[i + 2 * n])) return false;
    const tokens = this.tokensAround(i, i + 2 * n);
    const first = tokens.find((t) => t.start === i);
    const second = tokens.find((t) => t.start === i + n);
    if (!first || first.text !== word || !second) return false;
    if (second.text === word) {
      // Only a word of two characters reduplicates (ABAB): a verb (`整修整修茶叶机械`), a state adjective
      // (`黑瘦黑瘦的`), a sound (`啪嗒啪嗒`), `V着V着` — an open class, so any two-character word may but a
      // listed one: an adverb, a function word, a formal verb or noun of speeches (`必须必须`, `推动推动`).
      if (n === 2) return NON_REDUPLICATING.has(word);
      return !this.standsAsReduplication(i, 2 * n);
    }
    if (!second.text.startsWith(word)) return false;
    return NON_REDUPLICATING.has(word) || (second.text.length === n + 1 && EVENT_SUFFIXES.has(second.text[n]));
  }

  /**
   * Whether the word double `text[i, i + length)` stands where only a
   * reduplication or a citation would: between quotes or brackets
   * (`“哗啦啦哗啦啦”`), after the `·` of a transcribed name, or closing its
   * clause.
   */
  private standsAsReduplication(i: number, length: number): boolean {
    const { text } = this;
    const after = text[i + length];
    if (QUOTED[text[i - 1]] !== undefined && QUOTED[text[i - 1]] === after) return true;
    return text[i - 1] === '·' || (after !== undefined && CLAUSE_END.has(after));
  }
}

/**
 * How many times each character stands doubled on its own (no third copy
 * either side) in the paragraphs being checked — one speech, since findings
 * are cached per speech and must not depend on another. Counted in one pass
 * the first time a slip is about to be reported, so that a speech full of
 * doubles costs one pass, not one per double.
 */
class PairCounts {
  private counts: Map<number, number> | undefined;

  constructor(
    private readonly text: string,
    private readonly paragraphs: readonly Paragraph[],
  ) {}

  count(code: number): number {
    if (!this.counts) {
      const counts = new Map<number, number>();
      const { text } = this;
      for (const { contentStart, contentEnd } of this.paragraphs) {
        const at = (k: number): number => (k >= contentStart && k < contentEnd ? text.charCodeAt(k) : -1);
        for (let k = contentStart; k + 1 < contentEnd; k++) {
          const c = text.charCodeAt(k);
          if (c !== text.charCodeAt(k + 1) || !isHanCode(c)) continue;
          if (at(k - 1) !== c && at(k + 2) !== c) counts.set(c, (counts.get(c) ?? 0) + 1);
        }
      }
      this.counts = counts;
    }
    return this.counts.get(code) ?? 0;
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
  private readonly pairs: PairCounts;

  constructor(
    private readonly ctx: RuleContext,
    private readonly words: CutMemo,
  ) {
    this.pairs = new PairCounts(ctx.doc.text, ctx.doc.paragraphs);
  }

  /** Reports the slips among the doubles at offset `i` of the document, inside paragraph `p`: a run of one character at its start, words doubled at each offset. */
  at(p: Paragraph, i: number): void {
    if (this.judged !== p || !this.judge) {
      this.judged = p;
      this.judge = new SlipJudge(p.content, this.words, this.pairs);
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
