/** Level-1 sections of a speech are numbered 一、二、三… with no gap, repeat or disorder. */
import type { Rule } from '../../rule';
import { reportOutOfSequence } from './renumber';

export const rule: Rule = {
  meta: {
    id: 'section-numbering',
    category: 'structure',
    defaultSeverity: 'error',
    description: {
      zh: '一级标题序号不连续：跳号、重号、不从“一”开始或顺序颠倒',
      en: 'Level-1 section numbers out of sequence: a gap, a repeat, a wrong start or a wrong order',
    },
    messages: {
      outOfSequence: {
        zh: '第{index}个一级标题的序号应为“{expected}”，现为“{found}”',
        en: 'Level-1 section {index} should be numbered "{expected}", found "{found}"',
      },
    },
    // Renumbering trusts the parse: a speech it missed the start of looks like one long gap.
    fixable: 'edit',
  },
  check(ctx) {
    for (const speech of ctx.doc.speeches) {
      reportOutOfSequence(ctx, speech.sections.filter((s) => s.level === 1).map((s) => s.marker));
    }
  },
};
