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
 * forms and exceptions, built once per option set.
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
  /** The root's transitions by code unit (0: none, the root stays), read at one array lookup: the scan spends most of its time at the root. */
  fromRoot: Uint32Array;
}

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
  const fromRoot = new Uint32Array(0x10000);
  for (const [code, to] of next[0]) fromRoot[code] = to;
  return { next, fail, out, patterns, fromRoot };
}

interface Match {
  start: number;
  pattern: number;
}

/** The state `code` leads to from `state`, or 0 when it has no such transition. */
function step(automaton: Automaton, state: number, code: number): number {
  return state === 0 ? automaton.fromRoot[code] : (automaton.next[state].get(code) ?? 0);
}

/** Leftmost-longest matches that do not overlap, in text order. */
function findMatches(automaton: Automaton, text: string): Match[] {
  const { fail, out, patterns, fromRoot } = automaton;
  const all: Match[] = [];
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Most characters start no pattern and the scan stays at the root: one array read.
    if (state === 0 && fromRoot[code] === 0) continue;
    let to = step(automaton, state, code);
    while (to === 0 && state > 0) {
      state = fail[state];
      to = step(automaton, state, code);
    }
    state = to;
    if (state === 0) continue;
    for (const p of out[state]) {
      const start = i + 1 - patterns[p].length;
      // A user's term may be half a surrogate pair; it never matches half a character.
      if (!splitsSurrogatePair(text, start) && !splitsSurrogatePair(text, i + 1)) all.push({ start, pattern: p });
    }
  }
  all.sort((a, b) => a.start - b.start || patterns[b.pattern].length - patterns[a.pattern].length);
  const chosen: Match[] = [];
  let freeFrom = 0;
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
    fixable: true,
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
      for (const m of findMatches(table.automaton, p.content)) {
        const right = table.preferred[m.pattern];
        if (right === undefined) continue;
        const wrong = table.automaton.patterns[m.pattern];
        const span = { start: p.contentStart + m.start, end: p.contentStart + m.start + wrong.length };
        ctx.report({ span, messageId: 'term', data: { wrong, right }, fix: [{ span, text: right }] });
      }
    }
  },
};
