/**
 * A speech title must be followed by the speaker line (unit, position, name). A piece whose author
 * is printed after its body (`…讲述`, a `——` attribution, `（作者为…）`, a letter's signature) has
 * its speaker: the parser reads that line as a `closing` speaker.
 */
import type { Rule } from '../../rule';

export const rule: Rule = {
  meta: {
    id: 'speaker-missing',
    category: 'structure',
    defaultSeverity: 'error',
    description: {
      zh: '标题后缺少发言人行',
      en: 'No speaker line right after a speech title',
    },
    messages: {
      missing: {
        zh: '标题后缺少发言人行，应写明单位、职务和姓名',
        en: 'No speaker line after the title: add the unit, position and name',
      },
    },
    fixable: false,
  },
  check(ctx) {
    for (const speech of ctx.doc.speeches) {
      if (speech.title && !speech.speaker) ctx.report({ span: speech.title.span, messageId: 'missing' });
    }
  },
};
