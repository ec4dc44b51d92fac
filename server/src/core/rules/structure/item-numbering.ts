/**
 * Inline items (`一是…二是…`, `一要…二要…`, `第一，第二，`, `首先…其次…最后`)
 * count up from one without gaps or repeats, and a list has more than one item.
 *
 * The parser starts a new run at every first item, so several lists in one
 * section, each restarting at `一是`, are several lists. Two readings are the
 * rule's own, because they need every run of the section at once:
 *
 * - a list nested in an item of another (`四是…：一是…二是…三是…。五是…`):
 *   an item that does not follow its own run but continues a run still open
 *   around it closes the inner list and resumes the outer one;
 * - a mixed series, `首先…第二…第三` or `首先…其次…第三`: a `第N` run that
 *   starts where an earlier `首先` run stopped continues it, and a `最后` after
 *   another family's items closes that series. Mixing the families is a matter
 *   of style, not a numbering fault, and is not reported.
 */
import type { ItemFamily, ItemMarker, ItemRun } from '../../model';
import type { Rule, RuleContext } from '../../rule';
import { forEachSection } from '../../stats';
import { renumbered, reportOutOfSequence } from './renumber';

/** The sequence family's words by position; past 再次 only 最后 fits. */
const SEQUENCE_WORDS: Readonly<Record<number, string>> = { 1: '首先', 2: '其次', 3: '再次' };
const LAST = '最后';

export const rule: Rule = {
  meta: {
    id: 'item-numbering',
    category: 'structure',
    defaultSeverity: 'warning',
    description: {
      zh: '段内分项（一是、二是……）顺序不对：跳号、重号，或只有“一是”',
      en: 'Inline items (一是, 二是…) out of order: a gap, a repeat, or a lone first item',
    },
    messages: {
      outOfSequence: {
        zh: '第{index}项的序号应为“{expected}”，现为“{found}”',
        en: 'Item {index} should be "{expected}", found "{found}"',
      },
      afterLast: {
        zh: '“最后”之后不应再有“{found}”',
        en: '"{found}" comes after "最后"',
      },
      lone: {
        zh: '只有“{found}”而没有“{next}”：补全后续各项，或删去序号',
        en: '"{found}" has no "{next}" after it: add the next items or drop the numbering',
      },
    },
    // Renumbering trusts the parse: items it misplaced look like a gap.
    fixable: 'edit',
  },
  check(ctx) {
    for (const speech of ctx.doc.speeches) {
      checkRuns(ctx, speech.itemRuns);
      forEachSection(speech, (s) => checkRuns(ctx, s.itemRuns));
    }
  },
};

/** A list as the rule reads it: the parser's run, nested lists taken out, and the place its first item holds. */
interface List {
  family: ItemFamily;
  items: ItemMarker[];
  firstPlace: number;
}

function checkRuns(ctx: RuleContext, runs: readonly ItemRun[]): void {
  // Most sections hold no item list: skip the four family passes.
  if (runs.length === 0) return;
  // Nearly all the rest hold one run (the 10 MB benchmark text: all 2,410 runs), which has no other list to nest in or continue.
  const lists = runs.length === 1 ? [{ family: runs[0].family, items: runs[0].items, firstPlace: 1 }] : (['shi', 'yao', 'di', 'sequence'] as const).flatMap((family) => unnested(runs.filter((r) => r.family === family)));
  for (const list of lists) {
    if (list.family === 'di') list.firstPlace = continuedPlace(list, lists);
    checkList(ctx, list, lists);
  }
}

/**
 * The runs of one family as lists, each run that another opened inside taken
 * out of it: an item that does not follow its own list but follows a list
 * still open around it goes back to that outer list.
 */
function unnested(runs: readonly ItemRun[]): List[] {
  if (runs.length === 0) return [];
  const starts = new Set(runs.map((r) => r.items[0]));
  const items = runs.flatMap((r) => r.items).sort((a, b) => a.span.start - b.span.start);
  const lists: List[] = [];
  const open: List[] = [];
  const follows = (list: List, item: ItemMarker): boolean => list.items[list.items.length - 1].number + 1 === item.number;
  for (const item of items) {
    const top = open[open.length - 1];
    if (starts.has(item) || !top) {
      const list: List = { family: runs[0].family, items: [item], firstPlace: 1 };
      lists.push(list);
      open.push(list);
      continue;
    }
    let outer = open.length - 1;
    if (!follows(top, item)) while (outer > 0 && !follows(open[outer], item)) outer--;
    if (!follows(open[outer], item)) outer = open.length - 1;
    open.length = outer + 1;
    open[outer].items.push(item);
  }
  return lists;
}

/** The place of a `第N` list's first item: N when it continues a `首先` list that stopped at N − 1 before it, else 1. */
function continuedPlace(list: List, lists: readonly List[]): number {
  const first = list.items[0];
  const continues = lists.some((l) => {
    const last = l.items[l.items.length - 1];
    return l.family === 'sequence' && last.span.start < first.span.start && last.number !== 0 && last.number + 1 === first.number;
  });
  return continues ? first.number : 1;
}

function checkList(ctx: RuleContext, run: List, lists: readonly List[]): void {
  const [first, ...rest] = run.items;
  if (rest.length === 0) {
    // A lone 首先 is ordinary prose; a lone 二是 may be too. A lone 一是 promises a 二是.
    if (run.family !== 'sequence' && first.number === 1) {
      ctx.report({ span: first.span, messageId: 'lone', data: { found: first.text, next: renumbered(first, 2) } });
    }
    return;
  }
  if (run.family === 'sequence') {
    checkSequence(ctx, run, lists);
    return;
  }
  reportOutOfSequence(ctx, run.items, run.firstPlace);
}

/** 首先, 其次, 再次 in that order; 最后 anywhere after the first, and nothing after it but the end of another series it closes. */
function checkSequence(ctx: RuleContext, run: List, lists: readonly List[]): void {
  let lastSeen = false;
  run.items.forEach((item, i) => {
    const index = i + 1;
    if (lastSeen && item.number === 0 && closesOther(run.items[i - 1], item, lists)) return;
    if (lastSeen) {
      ctx.report({ span: item.span, messageId: 'afterLast', data: { found: item.text } });
    } else if (item.number === 0) {
      lastSeen = true;
    } else if (item.number !== index) {
      ctx.report({ span: item.span, messageId: 'outOfSequence', data: { index, expected: SEQUENCE_WORDS[index] ?? LAST, found: item.text } });
    }
  });
}

/** Whether another list has items between `before` and `item`: `第一…第二…最后` closes that series. */
function closesOther(before: ItemMarker, item: ItemMarker, lists: readonly List[]): boolean {
  return lists.some((l) => l.family !== 'sequence' && l.items.some((x) => x.span.start > before.span.start && x.span.start < item.span.start));
}
