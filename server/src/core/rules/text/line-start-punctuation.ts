/**
 * `line-start-punctuation`: a paragraph whose words start with `，。、；：？！`.
 * These marks close a clause, so one at the start of a paragraph means the
 * paragraph was broken in the wrong place or the mark is stray; which of the
 * two only the writer can tell, so there is no fix. Every paragraph is checked.
 */
import type { Rule } from '../../rule';

const LEADING = /^[，。、；：？！]+/;

export const rule: Rule = {
  meta: {
    id: 'line-start-punctuation',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '段落以“，。、；：？！”等标点开头',
      en: 'A paragraph starts with ，。、；：？！',
    },
    messages: {
      leading: {
        zh: '段首不应出现“{marks}”：检查是否断段有误或标点多余',
        en: 'Paragraph starts with "{marks}": check for a wrong paragraph break or a stray mark',
      },
    },
    fixable: false,
  },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      const m = LEADING.exec(p.content);
      if (!m) continue;
      ctx.report({ span: { start: p.contentStart, end: p.contentStart + m[0].length }, messageId: 'leading', data: { marks: m[0] } });
    }
  },
};
