/**
 * `halfwidth-punctuation`: ASCII `, ; : ? ! ( )` in Chinese context. Body
 * paragraphs only: titles are `title-form`'s, speaker lines `speaker-form`'s,
 * and a faulty section marker such as `(一)` is `section-marker`'s.
 */
import type { Section, SpeechDocument } from '../../model';
import type { Rule, RuleContext } from '../../rule';
import { ascendingSpanTest, chineseContext, previousNonSpace, spacesBackToChinese, spacesUpToChinese, urlSpans, type ChineseContext } from '../../text/context';

/** Each ASCII mark, its full-width form and the message that names it. */
const SINGLE_MARKS: Readonly<Record<string, { fullwidth: string; messageId: string }>> = {
  ',': { fullwidth: '，', messageId: 'comma' },
  ';': { fullwidth: '；', messageId: 'semicolon' },
  ':': { fullwidth: '：', messageId: 'colon' },
  '?': { fullwidth: '？', messageId: 'question' },
  '!': { fullwidth: '！', messageId: 'exclamation' },
};

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/** Where each paragraph's section marker ends, keyed by the paragraph's content start. */
function markerEnds(doc: SpeechDocument): Map<number, number> {
  const ends = new Map<number, number>();
  const visit = (s: Section): void => {
    ends.set(s.marker.span.start, s.marker.span.end);
    s.children.forEach(visit);
  };
  for (const speech of doc.speeches) speech.sections.forEach(visit);
  return ends;
}

export const rule: Rule = {
  meta: {
    id: 'halfwidth-punctuation',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '中文语境中的半角标点 , ; : ? ! ( ) 应为全角',
      en: 'ASCII punctuation , ; : ? ! ( ) in Chinese text should be full-width',
    },
    messages: {
      comma: { zh: '半角逗号“,”应为全角逗号“，”', en: 'Half-width comma "," should be full-width "，"' },
      semicolon: { zh: '半角分号“;”应为全角分号“；”', en: 'Half-width semicolon ";" should be full-width "；"' },
      colon: { zh: '半角冒号“:”应为全角冒号“：”', en: 'Half-width colon ":" should be full-width "："' },
      question: { zh: '半角问号“?”应为全角问号“？”', en: 'Half-width question mark "?" should be full-width "？"' },
      exclamation: { zh: '半角叹号“!”应为全角叹号“！”', en: 'Half-width exclamation mark "!" should be full-width "！"' },
      parentheses: { zh: '半角括号“()”应为全角括号“（）”', en: 'Half-width parentheses "()" should be full-width "（）"' },
      openParen: { zh: '半角左括号“(”应为全角“（”', en: 'Half-width "(" should be full-width "（"' },
      closeParen: { zh: '半角右括号“)”应为全角“）”', en: 'Half-width ")" should be full-width "）"' },
    },
    fixable: 'form',
  },
  check(ctx) {
    // Gathered once a paragraph needs them: most speeches hold no mark to check.
    let markers: Map<number, number> | undefined;
    for (const p of ctx.doc.paragraphs) {
      if (p.role !== 'body' || !HAS_CONVERTED.test(p.content)) continue;
      markers ??= markerEnds(ctx.doc);
      checkParagraph(ctx, p.content, p.contentStart, (markers.get(p.contentStart) ?? p.contentStart) - p.contentStart);
    }
  },
};

/** The marks this rule turns full-width: context is judged past them, as the fixed text will have it. */
const CONVERTED = ',;:?!()';
/** Most paragraphs hold none of them and are passed over at the cost of this one search. */
const HAS_CONVERTED = /[,;:?!()]/;
const CONVERTED_MARK = /[,;:?!()]/g;

/**
 * Whether the pair `(` at `open`, `)` at `close` belongs to Chinese text:
 * Chinese just outside the `(` (`增长(GDP)`) or just inside either bracket
 * (`GDP(国内生产总值)`). What follows the `)` does not count, so `f(x)与` stays.
 */
function pairInChineseContext(chinese: ChineseContext, open: number, close: number): boolean {
  return chinese.around(open) || chinese.before(close);
}

function checkParagraph(ctx: RuleContext, text: string, base: number, from: number): void {
  const inUrl = ascendingSpanTest(urlSpans(text));
  const chinese = chineseContext(text, CONVERTED);
  /** Open `(` not yet closed, with its run; `at: -1` marks a Markdown link target `](…)`, which is never prose. */
  const open: Array<{ at: number; run: number }> = [];
  const span = (start: number, end: number) => ({ start: base + start, end: base + end });
  // A mark's edit takes along the English-style spaces beside it (see `spacesUpToChinese`).
  const before = (at: number) => spacesBackToChinese(text, at);
  const after = (at: number) => spacesUpToChinese(text, at + 1);
  const report = (messageId: string, start: number, end: number, edits: Array<[number, number, string]>): void =>
    ctx.report({ span: span(start, end), messageId, fix: edits.map(([s, e, by]) => ({ span: span(s, e), text: by })) });
  /** `text[start, end)`, one mark written one or more times in a row: one finding, one edit. */
  const reportMarks = (start: number, end: number): void => {
    const mark = SINGLE_MARKS[text[start]];
    report(mark.messageId, before(start), after(end - 1), [[before(start), after(end - 1), mark.fullwidth.repeat(end - start)]]);
  };
  const reportSingle = (i: number): void => reportMarks(i, i + 1);
  /** The run of one mark in Chinese context being gathered (`!!!` is one fault, not three), from `runStart` (-1: none) to `runEnd`. */
  let runStart = -1;
  let runEnd = -1;
  const endRun = (): void => {
    if (runStart >= 0) reportMarks(runStart, runEnd);
    runStart = -1;
  };
  /**
   * Marks standing together (only spaces between) share their context, except
   * that a bracket pair is judged by what it encloses. When a pair is made
   * full-width, the marks beside it (`党(b?)`) must follow, or the next check
   * would find them in Chinese context: runs are numbered for that.
   */
  let run = 0;
  /** The last mark counted in a run: a mark whose nearest non-space neighbour before it is that one continues its run. */
  let lastMark = -1;
  const convertedRuns = new Set<number>();
  const waiting: Array<{ at: number; run: number }> = [];
  CONVERTED_MARK.lastIndex = from;
  for (let m = CONVERTED_MARK.exec(text); m; m = CONVERTED_MARK.exec(text)) {
    const i = m.index;
    if (inUrl(i)) continue;
    if (lastMark < 0 || previousNonSpace(text, i) !== lastMark) run++;
    lastMark = i;
    const ch = text[i];
    if (ch === '(') {
      open.push({ at: text[i - 1] === ']' ? -1 : i, run });
    } else if (ch === ')') {
      const o = open.pop();
      if (o?.at === -1) continue;
      if (o !== undefined) {
        if (!pairInChineseContext(chinese, o.at, i)) continue;
        report('parentheses', before(o.at), after(i), [[before(o.at), o.at + 1, '（'], [i, after(i), '）']]);
        convertedRuns.add(o.run).add(run);
      } else if (chinese.around(i)) {
        report('closeParen', i, after(i), [[i, after(i), '）']]);
      }
    } else {
      // `1,000` and `10:30` are numbers and times, not prose.
      if ((ch === ',' || ch === ':') && isDigit(text[i - 1]) && isDigit(text[i + 1])) continue;
      // Right after the run of the same mark, it has the run's neighbours, so its context too.
      if (runStart >= 0 && runEnd === i && text[runStart] === ch) runEnd = i + 1;
      else if (!chinese.around(i)) waiting.push({ at: i, run });
      else {
        endRun();
        runStart = i;
        runEnd = i + 1;
      }
    }
  }
  endRun();
  for (const o of open) {
    if (o.at >= 0 && chinese.around(o.at)) report('openParen', before(o.at), o.at + 1, [[before(o.at), o.at + 1, '（']]);
  }
  for (const w of waiting) if (convertedRuns.has(w.run)) reportSingle(w.at);
}
