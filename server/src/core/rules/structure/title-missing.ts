/** A speech needs a title line above its speaker line. */
import type { Rule } from '../../rule';

export const rule: Rule = {
  meta: {
    id: 'title-missing',
    category: 'structure',
    defaultSeverity: 'error',
    description: {
      zh: '发言缺少标题',
      en: 'A speech has no title',
    },
    messages: {
      missing: {
        zh: '发言缺少标题，应在发言人行上方加一行标题',
        en: 'Speech has no title: add a title line above the speaker line',
      },
    },
    fixable: false,
  },
  check(ctx) {
    for (const speech of ctx.doc.speeches) {
      // A piece signed after its body (a quote over its `——` attribution, a letter) is often printed
      // untitled, and so is a remark opened by `positions+name：` on a page of remarks.
      if (speech.title || speech.speaker?.form === 'closing' || speech.speaker?.form === 'leading') continue;
      const first = speech.paragraphs[0];
      ctx.report({ span: { start: first.contentStart, end: first.contentEnd }, messageId: 'missing' });
    }
  },
};
