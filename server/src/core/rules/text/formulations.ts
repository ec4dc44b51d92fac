/**
 * `formulations`: a fixed formulation (`四个意识`, `四个自信`, `四个全面`…)
 * spelled out with a member misspelled, missing or out of the official order.
 * The formulations, their members in order and the public document each is
 * quoted from are data: `data/formulations.json`. Every paragraph is checked.
 *
 * A list formulation is recognised by its members, as a run separated by `、`
 * (the last may be joined by `和` `与` `及`): the first member may end a longer
 * phrase (`增强政治意识`), the last may begin one (`文化自信的基本依据`), the
 * ones between stand alone. Partial quotations and talk about one member are
 * not faults, so the rule speaks only when the run is the formulation beyond
 * doubt:
 * - all members, out of order (`道路自信、制度自信、理论自信、文化自信`);
 * - all members but one, and in its place a word one or two characters off
 *   the missing member (`政治意识、大局意识、核心意思、看齐意识`);
 * - the name right before the run, introducing it (`“四个意识”即……`,
 *   `“四个自信”（……）`): then a missing member or a wrong order is a fault too.
 * A clause formulation (`两个维护`, `两个确立`) is checked for order only,
 * within one sentence. A name (`习近平新时代中国特色社会主义思想`) is checked
 * for a near miss between its head and tail (`习近平新时期中国特色社会主义思想`),
 * leaving alone the names that extend it (`……社会主义经济思想`).
 *
 * Where the official wording changed (`四个全面`, 2020), a run matching an
 * earlier wording in full is correct for its time and reported only with the
 * option `superseded`; every message names the current wording.
 */
import data from '../../data/formulations.json';
import type { Rule, RuleContext, TextEdit } from '../../rule';
import { SENTENCE_END } from '../../text/chars';
import { editDistance } from '../../text/editDistance';
import { escapeRegExp } from '../../text/regex';

interface Wording {
  members: string[];
  since: string;
  /** The document quoted; `retrieved`: the address of a public copy of the passage that the search tool found, and what it shows. */
  source: { document: string; year: number; section: string; retrieved?: string };
  keys?: string[];
  verb?: string;
  head?: string;
  tail?: string;
}

interface Formulation {
  name: string;
  kind: 'list' | 'clauses' | 'name';
  wordings: Wording[];
}

const formulations = data.formulations as Formulation[];

interface MemberRef {
  formulation: number;
  wording: number;
  position: number;
}

/** Every member of a list formulation, to the wordings it belongs to. */
const members = new Map<string, MemberRef[]>();
formulations.forEach((f, formulation) => {
  if (f.kind !== 'list') return;
  f.wordings.forEach((w, wording) =>
    w.members.forEach((member, position) => {
      const refs = members.get(member) ?? [];
      refs.push({ formulation, wording, position });
      members.set(member, refs);
    }),
  );
});
/** Member lengths, longest first: the longest member ending (or starting) an item wins. */
const memberLengths = [...new Set([...members.keys()].map((m) => m.length))].sort((a, b) => b - a);

/** Quotes, trimmed off list items; they may stand between a `、` and the member after it. */
const QUOTES = '“”‘’「」『』"\'';
/** Per UTF-16 code unit: 1 where a list item ends besides `、` (any other punctuation, a space), 2 for a quote (trimmed off items instead). */
const CLASS = new Uint8Array(0x10000);
for (const c of '，。；：！？,.;:!?（）()《》〈〉【】[]〔〕…—/ \t\u3000') CLASS[c.charCodeAt(0)] = 1;
for (const c of QUOTES) CLASS[c.charCodeAt(0)] = 2;
const COMMA = 0x3001;
const isStop = (text: string, i: number): boolean => CLASS[text.charCodeAt(i)] === 1;
const isQuote = (text: string, i: number): boolean => CLASS[text.charCodeAt(i)] === 2;
/** Words joining the last two members (`制度自信和文化自信`). */
const CONJUNCTIONS = ['以及', '和', '与', '及'];
/** The name introducing a spelled-out run: `“四个意识”即`, `四个意识：`, `“四个自信”（`. */
const INTRODUCES = /^[”’」』"]?\s*(?:[（(：:]|——|，?\s*(?:即|就是|是指|指的是|包括))\s*[“‘「]?$/;

/** One item of a `、` run, quotes trimmed; `start`/`end` are offsets in the paragraph's words. */
interface Slot {
  start: number;
  end: number;
  /** Which item of the run it is in (the last item may hold two slots, `A和B`). */
  item: number;
  refs: readonly MemberRef[] | undefined;
}

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && isQuote(text, start)) start++;
  while (end > start && isQuote(text, end - 1)) end--;
  return [start, end];
}

/** The longest member that `text[start, end)` ends with, as a slot (else the whole item, unmatched). */
function suffixSlot(text: string, start: number, end: number, item: number): Slot {
  for (const length of memberLengths) {
    if (length > end - start) continue;
    const refs = members.get(text.slice(end - length, end));
    if (refs) return { start: end - length, end, item, refs };
  }
  return { start, end, item, refs: undefined };
}

/** The member `text` has at `at`, longest first, within `end`. */
function memberAt(text: string, at: number, end: number): string | undefined {
  for (const length of memberLengths) {
    if (at + length > end) continue;
    const candidate = text.slice(at, at + length);
    if (members.has(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The slots of an item after the first: a member it starts with, and one more
 * after a conjunction (`制度自信和文化自信`). The last item may go on after its
 * member (`文化自信的基本依据`); an item between holds members alone, or one
 * before a conjunction (`生态文明建设和国防军队`).
 */
function itemSlots(text: string, start: number, end: number, item: number, last: boolean): Slot[] {
  const unmatched: Slot[] = [{ start, end, item, refs: undefined }];
  const first = memberAt(text, start, end);
  if (!first) return unmatched;
  const after = start + first.length;
  const slots: Slot[] = [{ start, end: after, item, refs: members.get(first) }];
  if (after === end) return slots;
  const conjunction = CONJUNCTIONS.find((c) => text.startsWith(c, after));
  if (conjunction) {
    const from = after + conjunction.length;
    const second = memberAt(text, from, end);
    if (second) slots.push({ start: from, end: from + second.length, item, refs: members.get(second) });
    else if (!last) return slots;
  }
  return last || slots.length === 2 ? slots : unmatched;
}

/**
 * The current wording, as message data. The engine shortens every value over
 * 40 units, a bound meant for quotes of the draft; the official wording is no
 * quote and is told in full, so it is passed in two pieces.
 */
function official(f: Formulation): { official: string; more: string } {
  const text = f.wordings[f.wordings.length - 1].members.join(f.kind === 'clauses' ? '，' : '、');
  return { official: text.slice(0, 40), more: text.slice(40) };
}

/** Whether the formulation's name introduces the run starting at `at`. */
function introduced(text: string, at: number, name: string): boolean {
  const before = text.slice(Math.max(0, at - name.length - 6), at);
  const found = before.lastIndexOf(name);
  return found >= 0 && INTRODUCES.test(before.slice(found + name.length));
}

/** How far a misspelt member may be from the real one. */
const closeEnough = (found: string, member: string): boolean => found !== member && editDistance(found, member) <= (member.length >= 6 ? 2 : 1);

/** The words of an unmatched slot to compare with a missing member: the end of a first item, the start of a last one. */
function candidateFor(slot: Slot, runItems: number, member: string): { start: number; end: number } {
  if (slot.item === 0 && slot.end - slot.start > member.length) return { start: slot.end - member.length, end: slot.end };
  if (slot.item === runItems - 1 && slot.end - slot.start > member.length) return { start: slot.start, end: slot.start + member.length };
  return { start: slot.start, end: slot.end };
}

function checkRun(ctx: RuleContext, text: string, offset: number, slots: readonly Slot[], runItems: number): void {
  const tried = new Set<string>();
  const candidates: Array<{ formulation: number; wording: number; found: number }> = [];
  for (const slot of slots) {
    for (const ref of slot.refs ?? []) {
      const key = `${ref.formulation}/${ref.wording}`;
      if (tried.has(key)) continue;
      tried.add(key);
      const found = new Set(slots.flatMap((s) => (s.refs ?? []).filter((r) => r.formulation === ref.formulation && r.wording === ref.wording).map((r) => r.position))).size;
      candidates.push({ formulation: ref.formulation, wording: ref.wording, found });
    }
  }
  // The wording most of the run matches; on a tie the later (current) one.
  candidates.sort((a, b) => b.found - a.found || b.wording - a.wording);
  const done = new Set<number>();
  for (const { formulation, wording } of candidates) {
    if (done.has(formulation)) continue;
    if (checkWording(ctx, text, offset, slots, runItems, formulation, wording)) done.add(formulation);
  }
}

/** Checks one run against one wording; returns whether the run was read as that formulation (reported or found right). */
function checkWording(ctx: RuleContext, text: string, offset: number, slots: readonly Slot[], runItems: number, formulation: number, wording: number): boolean {
  const f = formulations[formulation];
  const list = f.wordings[wording].members;
  const n = list.length;
  const at: number[] = [];
  const positions: number[] = [];
  slots.forEach((slot, index) => {
    const ref = slot.refs?.find((r) => r.formulation === formulation && r.wording === wording);
    if (ref) {
      at.push(index);
      positions.push(ref.position);
    }
  });
  const k = new Set(positions).size;
  if (k !== positions.length || k < 2) return false;
  const first = at[0];
  const last = at[at.length - 1];
  const gaps = last - first + 1 - k;
  const named = introduced(text, slots[first].start, f.name);
  const inOrder = positions.every((p, i) => i === 0 || positions[i - 1] < p);
  const data = { name: f.name, ...official(f) };
  const spanOf = (from: Slot, to: Slot) => ({ start: offset + from.start, end: offset + to.end });

  if (k === n && gaps === 0) {
    if (!inOrder) {
      const fix: TextEdit[] = at.map((slotIndex, i) => ({
        span: { start: offset + slots[slotIndex].start, end: offset + slots[slotIndex].end },
        text: list[[...positions].sort((a, b) => a - b)[i]],
      }));
      ctx.report({ span: spanOf(slots[first], slots[last]), messageId: 'order', data, fix });
    } else if (wording < f.wordings.length - 1 && ctx.options.superseded === true) {
      ctx.report({
        span: spanOf(slots[first], slots[last]),
        messageId: 'superseded',
        data: { name: f.name, since: f.wordings[wording + 1].since, ...official(f) },
      });
    }
    return true;
  }
  if (k === n - 1 && n >= 3 && gaps <= 1) {
    const missing = list.findIndex((_, p) => !positions.includes(p));
    // Where the missing member should stand: the gap, or the item just before or after the run of members.
    const slotIndex = gaps === 1 ? at.findIndex((s, i) => i > 0 && s !== at[i - 1] + 1) : missing === 0 ? first - 1 : missing === n - 1 ? last + 1 : -1;
    const gapSlot = gaps === 1 ? slots[at[slotIndex] - 1] : slots[slotIndex];
    if (gapSlot && gapSlot.refs === undefined && inOrder) {
      const candidate = candidateFor(gapSlot, runItems, list[missing]);
      const found = text.slice(candidate.start, candidate.end);
      if (closeEnough(found, list[missing])) {
        const span = { start: offset + candidate.start, end: offset + candidate.end };
        ctx.report({ span, messageId: 'misspelt', data: { ...data, found, member: list[missing] }, fix: [{ span, text: list[missing] }] });
        return true;
      }
    }
  }
  if (!named || gaps > 0) return false;
  if (!inOrder) {
    ctx.report({ span: spanOf(slots[first], slots[last]), messageId: 'order', data });
  } else if (k < n) {
    const missing = list.filter((_, p) => !positions.includes(p)).join('、');
    ctx.report({ span: spanOf(slots[first], slots[last]), messageId: 'missing', data: { ...data, missing } });
  }
  return true;
}

/**
 * The `、` run around the `、` at `comma`, checked against the list
 * formulations; returns where the run ends. A run holds a formulation only if
 * a member starts right after one of its `、` (only the first item may end in
 * one), so a run is read only from such a `、` (see `memberStarts`).
 */
function checkList(ctx: RuleContext, text: string, offset: number, comma: number): number {
  let start = comma;
  while (start > 0 && !isStop(text, start - 1)) start--;
  const first = text.indexOf('、', start);
  const bounds: Array<[number, number]> = [trimmed(text, start, first)];
  let at = first;
  while (text.charCodeAt(at) === COMMA) {
    let end = at + 1;
    while (end < text.length && text.charCodeAt(end) !== COMMA && !isStop(text, end)) end++;
    bounds.push(trimmed(text, at + 1, end));
    at = end;
  }
  const slots: Slot[] = [];
  bounds.forEach(([s, e], item) => {
    if (item === 0) slots.push(suffixSlot(text, s, e, item));
    else slots.push(...itemSlots(text, s, e, item, item === bounds.length - 1));
  });
  if (slots.filter((s) => s.refs).length >= 2) checkRun(ctx, text, offset, slots, bounds.length);
  return at;
}

const inOneSentence = (text: string, from: number, to: number): boolean => {
  for (let i = from; i < to; i++) if (SENTENCE_END.includes(text[i]) || text[i] === '；') return false;
  return true;
};
/** How far apart two clauses of one formulation stand at most (the second clause's verb phrase and a comma). */
const CLAUSE_GAP = 30;

/** Clause formulations: a later clause before an earlier one, each after its verb, in one sentence. */
function checkClauses(ctx: RuleContext, text: string, offset: number, f: Formulation): void {
  const w = f.wordings[f.wordings.length - 1];
  const keys = w.keys ?? [];
  const verb = w.verb ?? '';
  const afterVerb = (at: number): boolean => text.slice(Math.max(0, at - 10), at).includes(verb);
  for (let later = 1; later < keys.length; later++) {
    for (let at = text.indexOf(keys[later]); at >= 0; at = text.indexOf(keys[later], at + 1)) {
      const end = at + keys[later].length;
      const near = text.slice(end, end + CLAUSE_GAP + keys[later - 1].length).indexOf(keys[later - 1]);
      if (near < 0) continue;
      const earlier = end + near;
      if (!inOneSentence(text, end, earlier)) continue;
      if (!afterVerb(at) || !afterVerb(earlier)) continue;
      ctx.report({
        span: { start: offset + at, end: offset + earlier + keys[later - 1].length },
        messageId: 'order',
        data: { name: f.name, ...official(f) },
      });
    }
  }
}

/** Every clause formulation's keys and every name formulation's head: a paragraph holds one of these if it holds such a formulation. */
const ANCHORS = formulations
  .flatMap((f) => f.wordings.flatMap((w) => (f.kind === 'clauses' ? (w.keys ?? []) : f.kind === 'name' ? [w.head ?? ''] : [])))
  .filter((a) => a !== '');
/** The first two code units of every member, as one number. */
const MEMBER_STARTS = new Set([...members.keys()].map((m) => (m.charCodeAt(0) << 16) | m.charCodeAt(1)));

/**
 * Whether a member starts at `at` (after any opening quotes): what a `、`
 * must be followed by for its run to hold a formulation. A run is read from its
 * first such `、`; most `、` before a member's first characters (`经济`,
 * `政治`) are followed by other words.
 */
function memberStarts(text: string, at: number): boolean {
  while (at < text.length && isQuote(text, at)) at++;
  return MEMBER_STARTS.has((text.charCodeAt(at) << 16) | text.charCodeAt(at + 1)) && memberAt(text, at, text.length) !== undefined;
}

/**
 * Where a check may start: a `、` that a member's first character follows
 * (after any quotes), or an anchor of a clause or name formulation. One search
 * finds both, in a fraction of the time a search per key or a look at every
 * `、` takes (`、` is one character in fifty of a speech).
 */
const CUES = new RegExp(
  `、(?=[${escapeRegExp(QUOTES)}]*[${[...new Set([...members.keys()].map((m) => m[0]))].map(escapeRegExp).join('')}])|${ANCHORS.map(escapeRegExp).join('|')}`,
  'g',
);

/** Words that put a `head…tail` span outside the name: it is another phrase (`习近平总书记关于……的重要思想`). */
const NOT_A_NAME = /总书记|同志|关于|的/;

/** Name formulations: a near miss of the name between its head and its tail. */
function checkName(ctx: RuleContext, text: string, offset: number, f: Formulation): void {
  const w = f.wordings[f.wordings.length - 1];
  const name = w.members[0];
  const head = w.head ?? '';
  const tail = w.tail ?? '';
  const middle = name.slice(head.length, name.length - tail.length);
  for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + head.length)) {
    const from = at + head.length;
    // Within reach of the name only: a search to the paragraph's end from every head would be quadratic.
    const near = text.slice(from, from + middle.length + 2 + tail.length).indexOf(tail);
    if (near < 0) continue;
    const close = from + near;
    const found = text.slice(from, close);
    if (found === middle || found.startsWith(middle) || NOT_A_NAME.test(found) || !/^\p{Script=Han}+$/u.test(found)) continue;
    if (!closeEnough(found, middle) || found.length < middle.length - 2) continue;
    const span = { start: offset + at, end: offset + close + tail.length };
    ctx.report({ span, messageId: 'name', data: { found: text.slice(at, close + tail.length), official: name }, fix: [{ span, text: name }] });
  }
}

export const rule: Rule = {
  meta: {
    id: 'formulations',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '固定提法（“四个意识”“四个自信”“四个全面”等）的内容缺项、写错或顺序有误',
      en: 'A fixed formulation (四个意识, 四个自信, 四个全面…) spelled out with a member missing, misspelt or out of order',
    },
    docs: 'The public documents each formulation is quoted from, listed with document, year and passage in data/formulations.json (十八届六中全会公报, 十八大 and 十九大 reports, 十九届五中全会公报, the 2021 历史决议…)',
    messages: {
      order: { zh: '“{name}”的各项顺序应为：{official}{more}', en: 'The members of "{name}" go in this order: {official}{more}' },
      missing: { zh: '“{name}”缺少“{missing}”，完整表述为：{official}{more}', en: '"{name}" lacks "{missing}"; in full: {official}{more}' },
      misspelt: { zh: '“{found}”应为“{member}”（“{name}”现行表述：{official}{more}）', en: '"{found}" should be "{member}" ("{name}", current wording: {official}{more})' },
      name: { zh: '“{found}”应为“{official}”', en: '"{found}" should be "{official}"' },
      superseded: {
        zh: '“{name}”的这一表述已于{since}更新，现行表述为：{official}{more}',
        en: 'This wording of "{name}" was replaced in {since}; the current one is: {official}{more}',
      },
    },
    // A reordering or a corrected member changes the words.
    fixable: 'edit',
    options: {
      superseded: {
        type: 'boolean',
        default: false,
        description: {
          zh: '同时提示已被更新的旧表述（如2020年10月前的“四个全面”）；回顾往年工作时旧表述是正确的，故默认不提示',
          en: 'Also report a wording since replaced (such as 四个全面 before October 2020); off by default, since a draft looking back quotes the wording of its time',
        },
      },
    },
  },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      const text = p.content;
      let anchored = false;
      /** Where the next run may start: the `、` of a run already read are not read again. */
      let resume = 0;
      // A match object is made only where a check starts, a few times in a long speech.
      for (let m = CUES.exec(text); m; m = CUES.exec(text)) {
        if (m[0] !== '、') anchored = true;
        else if (m.index >= resume && memberStarts(text, m.index + 1)) resume = checkList(ctx, text, p.contentStart, m.index);
      }
      if (!anchored) continue;
      for (const f of formulations) {
        if (f.kind === 'clauses') checkClauses(ctx, text, p.contentStart, f);
        else if (f.kind === 'name') checkName(ctx, text, p.contentStart, f);
      }
    }
  },
};
