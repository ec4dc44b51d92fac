/**
 * `stray-space`: a space (ASCII, ideographic U+3000, no-break, tab) with
 * Chinese on both sides — between Han characters, between a Han character
 * and Chinese punctuation (`两点半。 龙进品`), or between two Chinese marks. Chinese prose has no spaces
 * between words, so one there is left over from editing.
 *
 * Body paragraphs only: titles separate their parallel halves with a space and
 * speaker lines put one before the name (`雷 杰`). Indentation and trailing
 * spaces lie outside a paragraph's content, so they never come up. A space
 * next to Latin letters or digits (`精神 and 中办`, `共 30 人`) is not this rule's.
 *
 * Exceptions inside the body, each a layout every house style uses on
 * purpose (classified on published text, see docs/corpus.md):
 * - a quoted, titled or bracketed phrase with no punctuation of its own
 *   (`开展“创城有我 政协委员在行动”活动`, `《A B》`, `（坚定信心 同舟共济）`) is
 *   a name or column tag, and keeps its space; it may hold a whole name of its
 *   own (`“中缅之美 ‘胞波’之情”`);
 * - the unindented lines opening a document whose body is indented (at most
 *   three: kicker, title, subtitle) are headings the parser did not place: a
 *   space between two of their Han characters sets their parts apart;
 * - a run as wide as an indentation inside a line is a lost paragraph break:
 *   it is left alone, and the text after it is judged as a paragraph of its own;
 * - a line (or such a part) that is not prose — short, with no sentence
 *   punctuation — is a heading, byline, credit or caption the parser read as
 *   body (`讲团结 促发展 保稳定`, `本报记者 王  明`), whose spaces set its parts
 *   apart — unless the space cuts a word in two (`坚持和发 展中国特色`): the
 *   two sides are not parallel phrases of about the same length, neither is
 *   a lone padded character, and the segmenter, shown the few characters
 *   around the space without it, reads one word across the join;
 * - a label opening a paragraph or part and set off by a space: a dateline
 *   (`本报上海3月5日电  （记者…）`), an article or chapter number
 *   (`第十二条 各级组织…`), a caption label (`【画面】`), a two-character label
 *   padded to four columns (`电  话：`), or a term set off from its
 *   explanation by a wide gap (`严格防疫管理   尽一切可能…`).
 *
 * A space after a closing quote (`……。” 某某说`) is reported: GB/T 15834
 * gives a quote mark its own full width and no space, and the paper itself
 * writes `”某某说` 98 times in 100 — in the same articles that hold the space
 * (docs/rules/stray-space.md).
 */
import type { Rule, Segmenter } from '../../rule';
import type { Paragraph } from '../../model';
import { isHanAt, isIndentCode } from '../../text/chars';
import { ascendingSpanTest, isChineseAt, isChinesePunctuationCode, previousNonSpace } from '../../text/context';
import { allMatches } from '../../text/matches';

/** Longest quoted phrase still read as a name in title form. */
const MAX_NAME_LENGTH = 40;


/**
 * Longest line, in characters other than spaces, still read as a heading or
 * credit when it holds no sentence punctuation. Tuned on the People's Daily
 * archive, January 2020: titles of three parallel parts run to about 60
 * characters; prose paragraphs without any of `。！？；，` are almost all
 * shorter than that or much longer (running text whose paragraph breaks were lost).
 */
const MAX_NON_PROSE = 64;
/**
 * Marks that make a line prose: a sentence or clause ends at them. Not `：`,
 * which also ends the label of a credit (`制图：李  明`, `表演：某某`).
 */
const SENTENCE_MARKS = /[。！？；，!?;]/;
/** A bracketed note closing a title (`（基层观察，一线调研）`): its punctuation is not the line's. */
const CLOSING_NOTE = /[（(][^（）()]*[）)]\s*$/;
/**
 * A label that opens a paragraph (or a part of one after a lost paragraph
 * break) before a space:
 * - a dateline (`本报上海3月5日电`, `（本报北京、巴黎3月5日电`, `本报电`): a run
 *   without sentence punctuation or quotes ending in `电`, that holds a date,
 *   or opens with a bracket (`（本报马里加奥、贝鲁特、刚果（金）布卡武电`), or is
 *   at most five characters (prose that ends a clause in `来电` is longer, dateless and
 *   unbracketed); a short gloss in brackets may name a place (`刚果（金）`); the
 *   reporter's bracket may follow it (`本报济南1月12日电  （记者潘俊强）`).
 *   The archive's longest, listing seven foreign cities, is about 70 characters;
 * - a numbered article, chapter or section of a law or regulation (`第十二条`, `第三章`);
 * - a bracketed caption label (`【画面】`).
 */
const DATELINE_PART = /(?:[^\s。！？；，：“”《》（）]|（[^\s\p{P}]{1,3}）)/u.source;
const REPORTER = /(?:[ \t\u3000\u00a0]*（[^（）]{1,40}）)?/.source;
const OPENING_LABEL = new RegExp(
  [
    String.raw`（?(?=[^电]*\d)${DATELINE_PART}{1,90}电${REPORTER}`,
    String.raw`（${DATELINE_PART}{1,90}电${REPORTER}`,
    String.raw`（?[^\s\p{P}]{1,4}电${REPORTER}`,
    '第[〇零一二三四五六七八九十百千0-9]{1,6}[编章节条款]',
    '【[^\\s【】]{1,12}】',
  ]
    .map((label) => `^(?:${label})$`)
    .join('|'),
  'u',
);
/** The longest prefix OPENING_LABEL can match: a dateline of 90 parts of up to 5 characters and the reporter's bracket. */
const MAX_LABEL = 2 + 90 * 5 + 50;
/** The last character of every label: a space after anything else needs no label test. */
const LABEL_ENDS = '电）编章节条款】';
/**
 * A dateline without a date and longer than five characters (`据新华社北京电`)
 * is still one when the reporters' names follow it in brackets, as they
 * follow every dateline: the space is then followed by `（`.
 */
const UNDATED_DATELINE = /^[^\s\p{P}]{1,8}电$/u;
/**
 * A short term opening a line, set off from its explanation by a wide gap
 * (`严格防疫管理   尽一切可能做好防疫保护`): a glossary or list layout. Three
 * spaces or more; two may be a double space typed by accident.
 */
const MAX_TERM = 12;
const TERM = new RegExp(`^\\p{Script=Han}{4,${MAX_TERM}}$`, 'u');
const TERM_GAP = 3;

/** Whether a paragraph's content reads as a heading or credit rather than prose. */
function isNonProse(text: string): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!isIndentCode(text.charCodeAt(i)) && ++n > MAX_NON_PROSE) return false;
  return !SENTENCE_MARKS.test(text.replace(CLOSING_NOTE, ''));
}

/** Han characters on each side of a space that the segmenter sees: enough for any word that could span it. */
const WINDOW = 4;

/** Up to WINDOW Han characters ending a text, and starting one. */
const HAN_BEFORE = new RegExp(`\\p{Script=Han}{1,${WINDOW}}$`, 'u');
const HAN_AFTER = new RegExp(`^\\p{Script=Han}{1,${WINDOW}}`, 'u');

/**
 * Whether the space run [start, end) splits a word: the segmenter, shown the
 * Han characters on each side glued together, puts one word across the join.
 * A lone character on either side is a padded name (`王  明`, `李 华摄`),
 * never a split word.
 */
function splitsWord(text: string, start: number, end: number, segmenter: Segmenter): boolean {
  // Two code units per character at most (surrogate pairs): the slices bound the work whatever the line's length.
  const leftPart = HAN_BEFORE.exec(text.slice(Math.max(0, start - 2 * WINDOW), start))?.[0] ?? '';
  const rightPart = HAN_AFTER.exec(text.slice(end, end + 2 * WINDOW))?.[0] ?? '';
  if ([...leftPart].length < 2 || [...rightPart].length < 2) return false;
  let at = 0;
  for (const token of segmenter.cut(leftPart + rightPart)) {
    if (at < leftPart.length && at + token.length > leftPart.length) return true;
    at += token.length;
  }
  return false;
}

/**
 * Whether the parts of a heading on each side of the space run [start, end) —
 * from the previous run (at `from`) and to the next — are of about the same
 * length: parallel phrases (`溪流变清 水鸟成群`), set apart on purpose even
 * where a word could be read across the join (`清水`). Tuned on January 2020:
 * its two headings where the segmenter read a word across the space had
 * halves of equal length; a split word leaves parts of unequal length.
 */
function parallel(text: string, from: number, start: number, end: number): boolean {
  // A part of a line that is not prose is at most MAX_NON_PROSE characters long: look no further.
  const next = text.slice(end, end + 2 * MAX_NON_PROSE).search(/[ \t\u3000\u00a0]/);
  const after = next < 0 ? text.length - end : next;
  return Math.abs(start - from - after) <= 1;
}

/**
 * Marks a name in title form may hold: the dash and middle dot join its parts
 * (`“奋斗历程 时代画卷——成就展”`, `《协作·保障 服务》`) without making it prose.
 */
const NAME_MARKS = '—·';

/** ASCII punctuation and symbols: `!`–`/`, `:`–`@`, `[`–`` ` ``, `{`–`~`. */
const isAsciiMarkCode = (code: number): boolean =>
  (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);

/** The pairs that enclose a name: quotes, title marks and brackets, each with its closing mark. */
const NAME_PAIRS = new Map<number, number>([
  [0x201c, 0x201d], // “ ”
  [0x2018, 0x2019], // ‘ ’
  [0x300a, 0x300b], // 《 》
  [0x3008, 0x3009], // 〈 〉
  [0xff08, 0xff09], // （ ）
]);

/**
 * Insides of quoted, titled or bracketed phrases that hold no punctuation:
 * names (`“创城有我 政协委员在行动”`) and column tags (`（坚定信心 同舟共济）`),
 * whose spaces are deliberate. A name may hold another whole name
 * (`“中缅之美 ‘胞波’之情”`, `《协作保障 服务保障白皮书（2019）》`); one
 * holding punctuation makes the outer phrase prose too.
 */
function namePhrases(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  const open: Array<{ at: number; close: number; punctuated: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Most of a paragraph is Han characters, which neither open, close nor punctuate a phrase.
    if (code >= 0x4e00 && code <= 0x9fff) continue;
    // Not `open[-1]` when empty: V8 looks that up as a named property, slowly.
    const top = open.length > 0 ? open[open.length - 1] : undefined;
    if (top && code === top.close) {
      open.pop();
      const name = !top.punctuated && i - top.at - 1 <= MAX_NAME_LENGTH;
      if (name) spans.push({ start: top.at + 1, end: i });
      else if (open.length > 0) open[open.length - 1].punctuated = true;
      continue;
    }
    const close = NAME_PAIRS.get(code);
    if (close !== undefined) open.push({ at: i, close, punctuated: false });
    else if (top && (isChinesePunctuationCode(code) || isAsciiMarkCode(code)) && !NAME_MARKS.includes(text[i])) top.punctuated = true;
  }
  // Inner names close before the outer ones: in order of their starts, the membership test walks them once.
  return spans.sort((x, y) => x.start - y.start);
}

/**
 * A run as wide as a paragraph's indentation met inside a line marks a
 * paragraph break that was lost (the fix is a line break, not deleting it),
 * or aligns the parts of a notice: two ideographic spaces, or four spaces of
 * the other kinds (web pages indent with four or five no-break spaces). Not a
 * stray space; the text after it is read as a paragraph of its own.
 */
const isIndentRun = (run: string): boolean => run.length >= 4 || run.includes('\u3000\u3000');

/** Runs of spaces; a paragraph without one (most of them) is passed over at the cost of one search. */
const SPACE_RUN = /[ \t\u3000\u00a0]+/g;

/**
 * How many paragraphs may open a document unindented, above a body whose
 * paragraphs are indented: a kicker, a title and a subtitle (the People's Daily
 * prints all three), or a title, a subtitle and a byline. They are headings
 * the parser did not place, and a space between two of their Han characters
 * sets their parts apart (`……推进政府系统全面从严治党 韩正出席`).
 */
const MAX_HEAD = 3;
/**
 * A paragraph ending in a full stop (`……坚持学习。`) is prose even among the
 * opening lines: a first body paragraph left unindented. Not `！` or `？`,
 * which end headlines too (`……在行动！`, 39 of the archive's 4,449 titles).
 */
const SENTENCE_CLOSE = /。[”’）]*$/;

/** How many paragraphs open the document as an unindented heading block (0 when none, or the body is not indented). */
function headLength(paragraphs: readonly Paragraph[]): number {
  for (let k = 0; k < paragraphs.length && k <= MAX_HEAD; k++) {
    const p = paragraphs[k];
    if (p.contentStart > p.span.start && p.headingLevel === 0) return k;
  }
  return 0;
}

/**
 * Whether the space run [start, end) pads a two-character label to four
 * columns at the start of a part (`电  话：`, `地  址：`), as forms and notices align them.
 */
function padsLabel(text: string, partStart: number, start: number, end: number): boolean {
  return start === partStart + 1 && isHanAt(text, partStart) && isHanAt(text, end) && text[end + 1] === '：';
}

export const rule: Rule = {
  meta: {
    id: 'stray-space',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '汉字之间、汉字与中文标点之间的多余空格（标题、署名行除外）',
      en: 'A space between Han characters, or between a Han character and Chinese punctuation (outside titles and speaker lines)',
    },
    messages: {
      space: { zh: '中文之间多余的空格，应删除', en: 'Stray space in Chinese text: delete it' },
    },
    // A line read as body may be a title or speaker line the parser missed, whose spaces are deliberate.
    fixable: 'edit',
  },
  check(ctx) {
    const { paragraphs } = ctx.doc;
    const { segmenter } = ctx.services;
    const head = headLength(paragraphs);
    for (let k = 0; k < paragraphs.length; k++) {
      const p = paragraphs[k];
      if (p.role !== 'body') continue;
      const text = p.content;
      const runs = allMatches(SPACE_RUN, text);
      if (runs.length === 0) continue;
      // Name phrases are found only once a space between Chinese needs them.
      let inName: ((i: number) => boolean) | undefined;
      // The paragraph is read in parts, split at runs as wide as an indentation (lost paragraph breaks).
      let partStart = 0;
      let nonProse: boolean | undefined;
      let segmentFrom = 0;
      for (let r = 0; r < runs.length; r++) {
        const m = runs[r];
        const [start, end] = [m.index, m.index + m[0].length];
        if (isIndentRun(m[0])) {
          [partStart, segmentFrom, nonProse] = [end, end, undefined];
          continue;
        }
        const before = previousNonSpace(text, start);
        if (before < 0 || end >= text.length || !isChineseAt(text, before) || !isChineseAt(text, end)) continue;
        if (k < head && isHanAt(text, before) && isHanAt(text, end) && !SENTENCE_CLOSE.test(text)) continue;
        inName ??= ascendingSpanTest(namePhrases(text));
        if (inName(start)) continue;
        if (isOpeningLabel(text, partStart, start, end)) continue;
        if (padsLabel(text, partStart, start, end)) continue;
        if (nonProse === undefined) {
          let partEnd = text.length;
          for (let q = r + 1; q < runs.length; q++) {
            if (isIndentRun(runs[q][0])) {
              partEnd = runs[q].index;
              break;
            }
          }
          nonProse = isNonProse(text.slice(partStart, partEnd));
        }
        if (nonProse) {
          const from = segmentFrom;
          segmentFrom = end;
          if (!segmenter || parallel(text, from, start, end) || !splitsWord(text, start, end, segmenter)) continue;
        }
        const span = { start: p.contentStart + start, end: p.contentStart + end };
        ctx.report({ span, messageId: 'space', fix: [{ span, text: '' }] });
      }
    }
  },
};

/** Whether the space run [start, end) follows a label that opens the part starting at `partStart`: all of the text before it is the label. */
function isOpeningLabel(text: string, partStart: number, start: number, end: number): boolean {
  if (end - start >= TERM_GAP && start - partStart <= 2 * MAX_TERM && TERM.test(text.slice(partStart, start))) return true;
  if (start - partStart > MAX_LABEL || !LABEL_ENDS.includes(text[start - 1])) return false;
  const label = text.slice(partStart, start);
  return OPENING_LABEL.test(label) || (text[end] === '（' && UNDATED_DATELINE.test(label));
}
