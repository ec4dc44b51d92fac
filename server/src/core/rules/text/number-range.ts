/**
 * `number-range`: a range of numbers joined with a hyphen or a tilde
 * (`1-2名`, `3~5年`, `10%-20%`, `2021-2022年`) where Chinese uses the wave dash
 * `～` (GB/T 15834-2011 §4.13) or the word `至` (option `separator`). Every
 * paragraph is checked.
 *
 * Only a plain ascending pair counts as a range. Left alone: three parts or
 * more (`2021-10-17`, `1-2-3`), a part with a leading zero (`010-8888`,
 * `2021-02`), a descending pair (a score `3-1`, a month `2021-10`), numbers
 * after Latin letters or a slash (`GB/T 9704-2012`, `A4-5`) or glued to other
 * marks (`9:00-10:00`, `-5~-3`), the one-em dash `—` (the connecting dash the
 * standard allows for ranges), and `1+4`.
 */
import type { Rule } from '../../rule';
import { previousNonSpace } from '../../text/context';
import { allMatches } from '../../text/matches';

/** A chain of numbers joined by `-` `~` `－`, starting at the head of a digit run (so each run is tried once). */
const CHAIN = /(?<![\d.])\d+(?:\.\d+)?[%％]?(?:[-~－]\d+(?:\.\d+)?[%％]?)+/g;
const PART = /^(\d+(?:\.\d+)?)([%％]?)([-~－])(\d+(?:\.\d+)?)[%％]?$/;
/** What standing before a chain makes it a code, a time or a negative number rather than a count. */
const CODE_BEFORE = /[A-Za-z/\-.#:~－+]/;

const hasLeadingZero = (n: string): boolean => n.length > 1 && n[0] === '0' && n[1] !== '.';

export const rule: Rule = {
  meta: {
    id: 'number-range',
    category: 'text',
    defaultSeverity: 'info',
    description: {
      zh: '数值范围用“-”或“~”连接，应为“～”（或“至”）',
      en: 'A number range joined with "-" or "~" should use "～" (or "至")',
    },
    messages: {
      range: { zh: '数值范围“{found}”应写作“{fixed}”', en: 'Number range "{found}" should be written "{fixed}"' },
    },
    // A hyphen between numbers may be an identifier (`3-12号楼`, `图2-3`), which a range sign would misstate.
    fixable: 'edit',
    options: {
      separator: {
        type: 'string',
        default: '～',
        enum: ['～', '至'],
        description: { zh: '范围连接符：“～”或“至”', en: 'Range separator: "～" or "至"' },
      },
    },
  },
  check(ctx) {
    const separator = ctx.options.separator === '至' ? '至' : '～';
    for (const p of ctx.doc.paragraphs) {
      const text = p.content;
      for (const m of allMatches(CHAIN, text)) {
        const parts = PART.exec(m[0]);
        if (!parts) continue;
        const [found, from, fromUnit, sep, to] = parts;
        if (hasLeadingZero(from) || hasLeadingZero(to) || !(Number(from) < Number(to))) continue;
        const before = previousNonSpace(text, m.index);
        if (before >= 0 && CODE_BEFORE.test(text[before])) continue;
        const sepAt = p.contentStart + m.index + from.length + fromUnit.length;
        ctx.report({
          span: { start: p.contentStart + m.index, end: p.contentStart + m.index + found.length },
          messageId: 'range',
          data: { found, fixed: found.replace(sep, separator) },
          fix: [{ span: { start: sepAt, end: sepAt + 1 }, text: separator }],
        });
      }
    }
  },
};
