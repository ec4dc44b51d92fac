/**
 * A level-1 heading is one short sentence. Too long, and it stops being a
 * heading; with no full stop at all, the body has probably run into it.
 */
import type { Rule } from '../../rule';
import { countVisibleChars } from '../../stats';

const MAX_HEADING_CHARS = 40;

export const rule: Rule = {
  meta: {
    id: 'heading-sentence',
    category: 'structure',
    defaultSeverity: 'info',
    description: {
      zh: '一级标题句超过40字，或标题后接正文却没有句号',
      en: 'A level-1 heading sentence longer than 40 characters, or a heading followed by body text without a terminal "。"',
    },
    messages: {
      tooLong: {
        zh: '标题句共{count}字，超过{max}字，宜精简',
        en: 'Heading sentence is {count} characters long, over {max}: shorten it',
      },
      unterminated: {
        zh: '标题句没有句号，与正文连成了一句：应在标题末尾加“。”',
        en: 'Heading has no full stop and runs into the body: end the heading with "。"',
      },
    },
    fixable: false,
  },
  check(ctx) {
    for (const speech of ctx.doc.speeches) {
      for (const { level, heading } of speech.sections) {
        if (level !== 1) continue;
        const count = countVisibleChars(heading.terminated ? heading.text.slice(0, -1) : heading.text);
        if (count <= MAX_HEADING_CHARS) continue;
        // Unterminated, the heading is the whole paragraph: past the limit it must hold body text too.
        ctx.report({ span: heading.span, messageId: heading.terminated ? 'tooLong' : 'unterminated', data: { count, max: MAX_HEADING_CHARS } });
      }
    }
  },
};
