/**
 * `doc-number`: a document number (发文字号) cited in a speech, written as
 * GB/T 9704-2012 §7.2.5 has it: the year in hexagonal brackets `〔〕`, the
 * serial number without `第` and without leading zeros, then `号`
 * (`国发〔2018〕59号`). Flags `国发[2018]59号`, `国发（2018）59号`,
 * `国发〔2018〕第59号`, `国发〔2018〕059号`. Every paragraph is checked.
 *
 * A document number is an issuer's code in Han characters, a four-digit year
 * in brackets and a serial number with `号`, all adjoining. A bracketed year
 * with no issuer's code before it, or with no number after it (`发展报告（2019）`),
 * is no document number; nor is a certificate or licence number, whose code
 * holds `证` (`卫消证字（2020）第0001号`), which its issuer numbers by its own
 * rules; nor an order or notice numbered with `第` and no year (`国务院令第724号`).
 */
import type { Rule } from '../../rule';
import { isHanAt } from '../../text/chars';
import { allMatches } from '../../text/matches';

/** Bracket, year, bracket, optional `第`, serial number, `号` (the issuer's code before it is read apart: a lookbehind first would be tried at every character). */
const CITED = /[〔［【（(\[﹝]\s*((?:19|20)\d{2})\s*[〕］】）)\]﹞]\s*第?\s*(\d+)\s*号/g;
/** How far back the issuer's code is read, in UTF-16 units: codes run to a dozen characters (`税委会公告`, `中办发`). */
const CODE_REACH = 12;

/** The issuer's code ending at `end`: the Han characters before it, at most `CODE_REACH` units. */
function issuerCode(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < CODE_REACH && isHanAt(text, start - 1)) start--;
  return text.slice(start, end);
}

export const rule: Rule = {
  meta: {
    id: 'doc-number',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '发文字号写法不规范（年份应用六角括号〔〕，序号不加“第”字、不编虚位）',
      en: 'A document number not written as GB/T 9704 has it (the year in 〔〕, no 第, no leading zeros)',
    },
    docs: 'GB/T 9704-2012 党政机关公文格式, §7.2.5 发文字号 (the year in 〔〕, no 第, no leading zeros), applied to document numbers cited in a speech',
    messages: {
      form: {
        zh: '发文字号“{found}”应写作“{fixed}”：年份用六角括号〔〕，序号不加“第”字、不编虚位',
        en: 'Document number "{found}" should be written "{fixed}": the year in 〔〕, the serial number without 第 or leading zeros',
      },
    },
    // Dropping `第` changes a character that is not a mark; the fix is offered one finding at a time.
    fixable: 'edit',
  },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      const text = p.content;
      // Every document number ends in `号`, which few paragraphs hold: a search for one character is much cheaper than the pattern's.
      if (!text.includes('号')) continue;
      for (const m of allMatches(CITED, text)) {
        const [found, year, serial] = m;
        const fixed = `〔${year}〕${serial.replace(/^0+(?=\d)/, '')}号`;
        if (found === fixed) continue;
        const code = issuerCode(text, m.index);
        if (code === '' || code.includes('证')) continue;
        const span = { start: p.contentStart + m.index, end: p.contentStart + m.index + found.length };
        ctx.report({ span, messageId: 'form', data: { found, fixed }, fix: [{ span, text: fixed }] });
      }
    }
  },
};
