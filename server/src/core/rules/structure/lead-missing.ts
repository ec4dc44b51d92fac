/** A sectioned speech opens with a lead paragraph (导语) before its first section. */
import type { Rule } from '../../rule';

export const rule: Rule = {
  meta: {
    id: 'lead-missing',
    category: 'structure',
    defaultSeverity: 'info',
    description: {
      zh: '第一个一级标题前缺少导语',
      en: 'No lead paragraph before the first level-1 section',
    },
    messages: {
      missing: {
        zh: '“{marker}”前缺少导语，宜先用一段话概述总体情况',
        en: 'No lead paragraph before "{marker}": open with a paragraph that sums up the whole',
      },
    },
    fixable: false,
  },
  check(ctx) {
    for (const speech of ctx.doc.speeches) {
      const first = speech.sections[0];
      if (!first || speech.lead.length > 0) continue;
      ctx.report({ span: first.marker.span, messageId: 'missing', data: { marker: first.marker.text } });
    }
  },
};
