/** Section markers in the standard forms of GB/T 9704-2012 §7.3.3: `一、` `（一）` `1.` `（1）`. */
import type { Rule } from '../../rule';
import { forEachSection } from '../../stats';

export const rule: Rule = {
  meta: {
    id: 'section-marker',
    category: 'structure',
    defaultSeverity: 'warning',
    description: {
      zh: '标题序号写法不规范（如“一.”“一，”“1、”“(一)”“（一）、”）',
      en: 'A section marker in a non-standard form (such as "一." "一，" "1、" "(一)" "（一）、")',
    },
    messages: {
      nonStandard: {
        zh: '标题序号“{found}”应写作“{expected}”',
        en: 'Section marker "{found}" should be written "{expected}"',
      },
    },
    // The same level and number in the standard form: numbering and division stay.
    fixable: 'form',
  },
  check(ctx) {
    for (const speech of ctx.doc.speeches) {
      forEachSection(speech, ({ marker }) => {
        if (marker.standard) return;
        ctx.report({
          span: marker.span,
          messageId: 'nonStandard',
          data: { found: marker.text, expected: marker.canonical },
          fix: [{ span: marker.span, text: marker.canonical }],
        });
      });
    }
  },
};
