/**
 * `terms`: a word written in a wrong form — a misspelling common in official
 * writing (`布署` for `部署`, `再接再励` for `再接再厉`) from the shipped list
 * `data/terms.json`, or a pair from the user's own list (option `pairs`, merged
 * over the shipped one; a pair mapped to `""` switches a shipped pair off).
 *
 * The shipped list holds only forms that no correct text contains; where a
 * correct phrase does hold one (`发布署名` holds `布署`), the phrase is listed
 * among the exceptions and silences the match it covers.
 *
 * Every paragraph is scanned once by an Aho-Corasick automaton over all wrong
 * forms and exceptions, built once per option set. The scan spends nearly all
 * its time at the automaton's root, where a pattern can start only at a pair
 * of code units that starts one (or a unit that is one): a bit test on the
 * pair passes over the rest.
 */
import shipped from '../../data/terms.json';
import type { Rule } from '../../rule';
import { splitsSurrogatePair } from '../../text/chars';

interface Automaton {
  /** Per state: next state by UTF-16 code unit. */
  next: Array<Map<number, number>>;
  fail: number[];
  /** Per state: indices of the patterns ending here (own and via fail links). */
  out: number[][];
  patterns: string[];
  /** Bit per code unit that is a whole pattern by itself (only a user's list has such). */
  singles: Int32Array;
  hasSingles: boolean;
  /** Bit per `pairHash` of the first two code units of a longer pattern (a collision only costs a step into the automaton). */
  pairs: Int32Array;
  /** Per code unit: 1 when a pattern starts with it. Most units start none, and one lookup passes them by. */
  firsts: Uint8Array;
}

const PAIR_BITS = 16;
const pairHash = (first: number, second: number): number => Math.imul((first << 16) | second, 0x9e3779b1) >>> (32 - PAIR_BITS);
const hasBit = (bits: Int32Array, n: number): boolean => ((bits[n >>> 5] >>> (n & 31)) & 1) === 1;
const setBit = (bits: Int32Array, n: number): void => {
  bits[n >>> 5] |= 1 << (n & 31);
};

function buildAutomaton(patterns: string[]): Automaton {
  const next: Array<Map<number, number>> = [new Map()];
  const out: number[][] = [[]];
  patterns.forEach((pattern, index) => {
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let to = next[state].get(code);
      if (to === undefined) {
        to = next.length;
        next.push(new Map());
        out.push([]);
        next[state].set(code, to);
      }
      state = to;
    }
    out[state].push(index);
  });
  const fail = new Array<number>(next.length).fill(0);
  const queue = [...next[0].values()];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    for (const [code, to] of next[state]) {
      let f = fail[state];
      while (f > 0 && !next[f].has(code)) f = fail[f];
      fail[to] = next[f].get(code) ?? 0;
      out[to] = [...out[to], ...out[fail[to]]];
      queue.push(to);
    }
  }
  const singles = new Int32Array(0x10000 >>> 5);
  const pairs = new Int32Array((1 << PAIR_BITS) >>> 5);
  const firsts = new Uint8Array(0x10000);
  for (const pattern of patterns) {
    if (pattern.length > 0) firsts[pattern.charCodeAt(0)] = 1;
    if (pattern.length === 1) setBit(singles, pattern.charCodeAt(0));
    else if (pattern.length > 1) setBit(pairs, pairHash(pattern.charCodeAt(0), pattern.charCodeAt(1)));
  }
  return { next, fail, out, patterns, singles, hasSingles: patterns.some((p) => p.length === 1), pairs, firsts };
}

interface Match {
  start: number;
  pattern: number;
}

/** The state `code` leads to from `state`, or 0 when it has no such transition. */
function step(automaton: Automaton, state: number, code: number): number {
  return automaton.next[state].get(code) ?? 0;
}

/** Whether offset `i` of the paragraph `text[from, to)` falls inside a surrogate pair (the paragraph's ends never do). */
const splitsPairWithin = (text: string, i: number, from: number, to: number): boolean => i > from && i < to && splitsSurrogatePair(text, i);

const NO_MATCHES: readonly Match[] = [];

/**
 * Runs the automaton over `text[at, to)` from its root until it is back at the
 * root, adding the matches it finds (inside the paragraph `text[from, to)`) to
 * `all`; returns where the scan goes on.
 */
function matchFrom(automaton: Automaton, text: string, at: number, from: number, to: number, all: Match[]): number {
  const { fail, out, patterns } = automaton;
  let state = 0;
  for (let i = at; i < to; i++) {
    const code = text.charCodeAt(i);
    let next = step(automaton, state, code);
    while (next === 0 && state > 0) {
      state = fail[state];
      next = step(automaton, state, code);
    }
    state = next;
    if (state === 0) return i + 1;
    for (const p of out[state]) {
      const start = i + 1 - patterns[p].length;
      // A user's term may be half a surrogate pair; it never matches half a character.
      if (!splitsPairWithin(text, start, from, to) && !splitsPairWithin(text, i + 1, from, to)) all.push({ start, pattern: p });
    }
  }
  return to;
}

/**
 * Leftmost-longest matches in the paragraph `text[from, to)` that do not
 * overlap, in text order, at offsets into `text`. The paragraph is read in the
 * document's text rather than as its `content`: reading a slice costs more per
 * character.
 */
function findMatches(automaton: Automaton, text: string, from: number, to: number): readonly Match[] {
  const { patterns, singles, hasSingles, pairs, firsts } = automaton;
  let all: Match[] | undefined;
  for (let i = from; i < to; ) {
    const code = text.charCodeAt(i);
    // At the root, a pattern starts here only if the pair (or the unit alone) starts one; else the root stays.
    if (firsts[code] === 1 && ((i + 1 < to && hasBit(pairs, pairHash(code, text.charCodeAt(i + 1)))) || (hasSingles && hasBit(singles, code)))) {
      i = matchFrom(automaton, text, i, from, to, (all ??= []));
    } else {
      i++;
    }
  }
  if (!all || all.length === 0) return NO_MATCHES;
  all.sort((a, b) => a.start - b.start || patterns[b.pattern].length - patterns[a.pattern].length);
  const chosen: Match[] = [];
  let freeFrom = from;
  for (const m of all) {
    if (m.start < freeFrom) continue;
    chosen.push(m);
    freeFrom = m.start + patterns[m.pattern].length;
  }
  return chosen;
}

interface TermTable {
  automaton: Automaton;
  /** Preferred form per pattern index; undefined for an exception. */
  preferred: Array<string | undefined>;
}

/** The shipped pairs with the user's merged over them. */
function buildTable(userPairs: Readonly<Record<string, unknown>>): TermTable {
  const pairs = new Map<string, string>(Object.entries(shipped.pairs));
  for (const [wrong, right] of Object.entries(userPairs)) {
    if (wrong === '' || typeof right !== 'string' || right === wrong) continue;
    if (right === '') pairs.delete(wrong);
    else pairs.set(wrong, right);
  }
  const patterns = [...pairs.keys(), ...shipped.exceptions.filter((e) => !pairs.has(e))];
  return { automaton: buildAutomaton(patterns), preferred: patterns.map((p) => pairs.get(p)) };
}

let cached: { key: string; table: TermTable } | undefined;

function tableFor(userPairs: Readonly<Record<string, unknown>>): TermTable {
  const key = JSON.stringify(userPairs);
  if (cached?.key !== key) cached = { key, table: buildTable(userPairs) };
  return cached.table;
}

export const rule: Rule = {
  meta: {
    id: 'terms',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '词语写法有误（公文常见错别字及自定义词表）',
      en: 'A word written in a wrong form (common misspellings in official writing, plus your own list)',
    },
    messages: {
      term: { zh: '“{wrong}”应为“{right}”', en: '"{wrong}" should be "{right}"' },
    },
    // A replacement changes the words.
    fixable: 'edit',
    options: {
      pairs: {
        type: 'pairs',
        default: {},
        description: {
          zh: '自定义词表：错误写法 → 正确写法，合并到内置词表之上；写成空字符串可关闭某个内置词条',
          en: 'Your own list, wrong form → preferred form, merged over the shipped list; map a shipped wrong form to "" to switch it off',
        },
      },
    },
  },
  check(ctx) {
    const userPairs = ctx.options.pairs;
    const table = tableFor(userPairs && typeof userPairs === 'object' ? (userPairs as Record<string, unknown>) : {});
    for (const p of ctx.doc.paragraphs) {
      for (const m of findMatches(table.automaton, ctx.doc.text, p.contentStart, p.contentEnd)) {
        const right = table.preferred[m.pattern];
        if (right === undefined) continue;
        const wrong = table.automaton.patterns[m.pattern];
        const span = { start: m.start, end: m.start + wrong.length };
        ctx.report({ span, messageId: 'term', data: { wrong, right }, fix: [{ span, text: right }] });
      }
    }
  },
};
