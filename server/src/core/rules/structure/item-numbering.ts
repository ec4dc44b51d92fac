/**
 * Inline items (`一是…二是…`, `一要…二要…`, `第一，第二，`, `首先…其次…最后`)
 * count up from one without gaps or repeats, and a list has more than one item.
 */
import type { ItemRun } from '../../model';
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
      speech.itemRuns.forEach((run) => checkRun(ctx, run));
      forEachSection(speech, (s) => s.itemRuns.forEach((run) => checkRun(ctx, run)));
    }
  },
};

function checkRun(ctx: RuleContext, run: ItemRun): void {
  const [first, ...rest] = run.items;
  if (rest.length === 0) {
    // A lone 首先 is ordinary prose; a lone 二是 may be too. A lone 一是 promises a 二是.
    if (run.family !== 'sequence' && first.number === 1) {
      ctx.report({ span: first.span, messageId: 'lone', data: { found: first.text, next: renumbered(first.text, 2) } });
    }
    return;
  }
  if (run.family === 'sequence') {
    checkSequence(ctx, run);
    return;
  }
  reportOutOfSequence(ctx, run.items);
}

/** 首先, 其次, 再次 in that order; 最后 anywhere after the first, and nothing after it. */
function checkSequence(ctx: RuleContext, run: ItemRun): void {
  let lastSeen = false;
  run.items.forEach((item, i) => {
    const index = i + 1;
    if (lastSeen) {
      ctx.report({ span: item.span, messageId: 'afterLast', data: { found: item.text } });
    } else if (item.number === 0) {
      lastSeen = true;
    } else if (item.number !== index) {
      ctx.report({ span: item.span, messageId: 'outOfSequence', data: { index, expected: SEQUENCE_WORDS[index] ?? LAST, found: item.text } });
    }
  });
}
