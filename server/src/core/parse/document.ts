/**
 * `parse(text)`: text in, document model out. Never throws: whatever the text,
 * the result is a model whose faults the structure rules then report.
 * `parseSteps` is the same work in steps, for a host that must stay responsive
 * while a huge draft is read.
 */
import type { CommentLine, Paragraph, SpeakerNode, Speech, SpeechDocument, TitleNode } from '../model';
import { LineIndex } from '../text/lineIndex';
import { runToEnd, STEP_SIZE, type Steps } from '../steps';
import { scanLines } from './lines';
import { isCredit, isLabel, readClosingLine, type ClosingKind, type ClosingLine } from './closing';
import { buildBody } from './sections';
import { readSpeaker } from './speaker';

/** A line that could be a title: short, and not ending like a sentence or clause. */
function titleLike(p: Paragraph): boolean {
  return p.content.length <= 60 && !/[。！？；，、：,;:!?]$/.test(p.content);
}

/**
 * In plain text, a line ending in a stop can still be a title (a faulty one,
 * for title-form to report) when it is short, holds no other punctuation and
 * stands apart after a blank line, as titles do; a short closing sentence
 * of the previous speech sits right under its paragraph.
 */
function faultyTitleLike(ps: Paragraph[], j: number): boolean {
  const p = ps[j];
  // An exclamation may repeat inside a title (`湖北加油！中国加油！`); other stops may not.
  const shape = /[！!]$/.test(p.content) ? /^[^，。？；,]+$/ : /^[^，。！？；,]+[。！？；，、：,.;:!?]$/;
  return p.content.length <= 40 && shape.test(p.content) && (j === 0 || ps[j - 1].line < p.line - 1);
}

/**
 * A draft's only line is its title when it is written as one: flush left (body
 * paragraphs are indented), with no clause or sentence punctuation inside. A new
 * draft holds its title before anything else; a lone sentence stays body text.
 */
const loneTitle = (p: Paragraph): boolean => p.contentStart === p.span.start && !/[，。！？；：,.!?;:]/.test(p.content);

const isSubtitleText = (p: Paragraph): boolean => /^(?:——|--|—)/.test(p.content);

function titleNode(p: Paragraph): TitleNode {
  return { paragraph: p, text: p.content, span: { start: p.contentStart, end: p.contentEnd } };
}

export function parse(text: string): SpeechDocument {
  return runToEnd(parseSteps(text));
}

export function* parseSteps(text: string): Steps<SpeechDocument> {
  const lines = new LineIndex(text);
  const paragraphs: Paragraph[] = [];
  const comments: CommentLine[] = [];
  yield* scanLines(text, lines, bomOf(text), paragraphs, comments);
  return yield* documentSteps(text, lines, paragraphs, comments);
}

export const bomOf = (text: string): number => (text.charCodeAt(0) === 0xfeff ? 1 : 0);

/**
 * A speech the last parse assembled, offered again for a speech starting as
 * `start` does and ending before paragraph `end` (indices into the new
 * paragraphs): its copy, or undefined when the speech must be assembled anew.
 */
export type ReuseSpeech = (start: SpeechStart, end: number) => Speech | undefined;

/** What `reparse` compares and reuses of a parsed document: where each speech started, and which speaker readings found nothing. */
export interface ParseTrace {
  starts: readonly SpeechStart[];
  none: Uint8Array;
}

const traces = new WeakMap<SpeechDocument, ParseTrace>();

export const traceOf = (doc: SpeechDocument): ParseTrace | undefined => traces.get(doc);

/**
 * Everything after the line scan: speeches found in the paragraphs, then assembled (or reused).
 * `known`: per paragraph, the speaker readings known to find nothing (`SpeakerReader.none`).
 */
export function* documentSteps(text: string, lines: LineIndex, paragraphs: Paragraph[], comments: CommentLine[], reuse?: ReuseSpeech, known?: Uint8Array): Steps<SpeechDocument> {
  const eol = /\r\n/.test(text.slice(0, (text.indexOf('\n') + 1) || 0)) ? '\r\n' : '\n';
  const syntax = paragraphs.some((p) => p.headingLevel) ? 'markdown' : 'plain';
  const doc: SpeechDocument = { text, lines, syntax, bom: bomOf(text), eol, title: undefined, subtitle: undefined, speeches: [], paragraphs, comments };
  const speakerAt = speakerReader(paragraphs, known);
  const starts = yield* (syntax === 'markdown' ? markdownSpeechStarts(doc, speakerAt) : plainSpeechStarts(doc, speakerAt));
  yield* assembleSpeeches(doc, starts, speakerAt, reuse);
  traces.set(doc, { starts, none: speakerAt.none });
  return doc;
}

/** The paragraph at an index read as a speaker line, in either strength (`readSpeaker`). */
interface SpeakerReader {
  weak(i: number): SpeakerNode | undefined;
  strong(i: number): SpeakerNode | undefined;
  /** Per paragraph, the readings asked that found nothing (`WEAK_NONE`, `STRONG_NONE`): what a re-parse need not ask again of a line it keeps. */
  readonly none: Uint8Array;
}

const WEAK_NONE = 1;
const STRONG_NONE = 2;

/**
 * Reads each paragraph once: finding the speeches and assembling them ask about the same lines.
 * A strong reading that finds a speaker is the weak one too (the strong one only turns more
 * lines away), so it fills the weak cache, and a line no weak reading takes no strong one takes.
 * `known` holds what an earlier parse found nothing in (a reading depends on the line's words alone).
 */
function speakerReader(ps: readonly Paragraph[], known: Uint8Array | undefined): SpeakerReader {
  const weak = new Map<number, SpeakerNode | undefined>();
  const none = new Uint8Array(ps.length);
  return {
    none,
    weak(i) {
      if (!weak.has(i)) {
        const node = known && known[i] & WEAK_NONE ? undefined : readSpeaker(ps[i], 'weak');
        if (!node) none[i] |= WEAK_NONE | STRONG_NONE;
        weak.set(i, node);
      }
      return weak.get(i);
    },
    // Not kept: the strong reading is asked of nearly every paragraph, about once each.
    strong(i) {
      if ((known && known[i] & STRONG_NONE) || none[i] & STRONG_NONE) {
        none[i] |= STRONG_NONE;
        return undefined;
      }
      const node = readSpeaker(ps[i], 'strong');
      if (!node) none[i] |= STRONG_NONE;
      else if (!weak.has(i)) weak.set(i, node);
      return node;
    },
  };
}

/**
 * Where a speech begins: the index of its first paragraph, and which paragraphs are its title,
 * subtitle and speaker line; or, instead of a speaker line, the author line after its body.
 */
export interface SpeechStart {
  first: number;
  title?: number;
  subtitle?: number;
  speaker?: number;
  closing?: SpeakerNode;
  /** The speaker line is `positions+name：`, glued and colon-ended by house style (before a title, or opening an untitled remark). */
  leading?: true;
}

function* markdownSpeechStarts(doc: SpeechDocument, speakerAt: SpeakerReader): Steps<SpeechStart[]> {
  const ps = doc.paragraphs;
  const headings = ps.map((p, i) => (p.headingLevel && !isSubtitleText(p) ? i : -1)).filter((i) => i >= 0);
  // The speech-title level: the one whose headings are followed by a speaker line, else the deepest in use.
  const votes = new Map<number, number>();
  for (const i of headings) {
    const next = ps[i + 1];
    if (next && !next.headingLevel && speakerAt.weak(i + 1)) votes.set(ps[i].headingLevel, (votes.get(ps[i].headingLevel) ?? 0) + 1);
  }
  let speechLevel = 0;
  if (votes.size > 0) speechLevel = [...votes.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0][0];
  else speechLevel = Math.max(0, ...headings.map((i) => ps[i].headingLevel));

  const starts: SpeechStart[] = [];
  for (let i = 0; i < ps.length; i++) {
    if (i % STEP_SIZE === STEP_SIZE - 1) yield;
    const p = ps[i];
    if (p.headingLevel && !isSubtitleText(p)) {
      const level = p.headingLevel;
      if (level < speechLevel && starts.length === 0) {
        if (!doc.title) {
          doc.title = titleNode(p);
          p.role = 'compilation-title';
          continue;
        }
      }
      if (level <= speechLevel) {
        const start: SpeechStart = { first: i, title: i };
        let j = i + 1;
        if (ps[j] && isSubtitleText(ps[j])) start.subtitle = j++;
        if (ps[j] && !ps[j].headingLevel && speakerAt.weak(j)) start.speaker = j;
        else if (start.subtitle !== undefined && speakerAt.weak(start.subtitle)) start.speaker = start.subtitle;
        starts.push(start);
        i = Math.max(i, (start.speaker ?? start.subtitle ?? i));
        continue;
      }
    } else if (p.headingLevel && isSubtitleText(p) && starts.length === 0 && !doc.subtitle) {
      doc.subtitle = titleNode(p);
      p.role = 'compilation-subtitle';
      continue;
    }
    // A speaker line with no heading above it still starts a speech (one whose title is missing).
    if (!p.headingLevel && speakerAt.strong(i) && !precededByTitle(i, starts)) {
      starts.push({ first: i, speaker: i });
    }
  }
  return starts;
}

function precededByTitle(i: number, starts: SpeechStart[]): boolean {
  const last = starts[starts.length - 1];
  return !!last && (last.speaker === i || last.title === i - 1 || last.subtitle === i - 1);
}

/** A paragraph of body text: it ends like a sentence. */
const isProse = (p: Paragraph | undefined): boolean => !!p && /[。！？…”」）)]$/.test(p.content) && !titleLike(p);

/** The date (and place) of a speech printed under its title: `（2020年1月17日，内比都）`, `（二〇二〇年一月二十三日）`. */
const isDateLine = (p: Paragraph): boolean => /^[（(][^（）()]*(?:\d{4}|[〇零一二三四五六七八九]{4})年[^（）()]*[）)]$/.test(p.content);

/** Marks inside a clause or sentence, never in a speaker line's positions and name. */
const CLAUSE_MARKS = /[，。；！？,;!?“”《》]/;

/** A kicker (引题) printed above a title, ending in a dash: `五位第一书记的脱贫计划——`. */
const isKicker = (p: Paragraph): boolean => /——$/.test(p.content);

/**
 * A short line standing apart (a blank line above it, or the text's start) right
 * over a title is the title's kicker (引题), as a page of reports prints the
 * place or subject above each headline: the piece starts there.
 */
function kickerAbove(ps: readonly Paragraph[], title: number): boolean {
  const k = title - 1;
  if (k < 0 || !titleLike(ps[k]) || isSubtitleText(ps[k]) || ps[k].line !== ps[title].line - 1) return false;
  return k === 0 || ps[k - 1].line < ps[k].line - 1;
}

/**
 * Speaker lines that no strong reading finds but the layout does, each a
 * start. Three layouts, each taken only when it recurs (a compilation prints
 * every piece alike, so one occurrence is not evidence; tuned on the People's
 * Daily selection, where such pages hold three to nine pieces):
 * - a title, then a line holding only a name (`张  红`; the position is left to
 *   a closing note), then body text;
 * - a title (under a kicker or not), then a unit with no position and a name
 *   (`某某省考古研究所 张 某`), then body text;
 * - `positions+name：` on the line before the title (`全国人大代表某某：`), then body text.
 */
function layoutSpeakerStarts(ps: readonly Paragraph[], speakerAt: SpeakerReader): Map<number, SpeechStart> {
  const namesAfterTitles: SpeechStart[] = [];
  const unitsAfterTitles: SpeechStart[] = [];
  const leading: SpeechStart[] = [];
  for (let i = 0; i < ps.length; i++) {
    // The layout first, then the reading: almost every paragraph fails the cheap tests.
    const c = ps[i].content;
    const last = c.charCodeAt(c.length - 1);
    if (last === 0xff1a || last === 0x3a) {
      if (c.length > 60 || !ps[i + 1]) continue;
      // `positions+name：` over a title, or straight over the remark it opens (a page of remarks
      // printed without titles, `某某研究院院长某某：`).
      // Body text ends clauses in `：` too, so the untitled reading first asks for a short line without clause marks.
      const untitled = c.length <= 40 && !CLAUSE_MARKS.test(c) && isProse(ps[i + 1]);
      if (!untitled && (!titleLike(ps[i + 1]) || !isProse(ps[i + 2]))) continue;
      const sp = speakerAt.weak(i);
      if (!sp?.name || sp.form !== 'trailing-name') continue;
      if (untitled) leading.push({ first: i, speaker: i, leading: true });
      else if (!speakerAt.strong(i + 1)) leading.push({ first: i, speaker: i, title: i + 1, leading: true });
    } else {
      // A speaker line is short: a bare name (even a transliterated one) at most 20, a unit and name 40.
      if (c.length > 40 || i === 0 || !titleLike(ps[i - 1]) || isKicker(ps[i - 1]) || !isProse(ps[i + 1])) continue;
      const sp = speakerAt.weak(i);
      // The title must not itself read as a bare name: a letter's signature (a name) above a short
      // sub-heading (`新闻回放`) has the same layout.
      if (sp?.form === 'name-only' && c.length <= 20 && speakerAt.weak(i - 1)?.form !== 'name-only') {
        namesAfterTitles.push({ first: i - 1, title: i - 1, speaker: i });
      } else if (sp?.form === 'trailing-name' && sp.unit && sp.positions.length === 0 && (speakerAt.weak(i - 1)?.form ?? 'name-only') === 'name-only') {
        // The title may be as short as a name (`坚守`), but not read as another speaker line.
        unitsAfterTitles.push({ first: kickerAbove(ps, i - 1) ? i - 2 : i - 1, title: i - 1, speaker: i });
      }
    }
  }
  const found = new Map<number, SpeechStart>();
  for (const layout of [namesAfterTitles, unitsAfterTitles, leading]) if (layout.length >= 2) for (const s of layout) found.set(s.first, s);
  // One remark alone is evidence only where nothing stands above it: the draft opens with it.
  if (leading.length === 1 && leading[0].first === 0 && leading[0].title === undefined) found.set(0, leading[0]);
  return found;
}

function* plainSpeechStarts(doc: SpeechDocument, speakerAt: SpeakerReader): Steps<SpeechStart[]> {
  const ps = doc.paragraphs;
  const starts: SpeechStart[] = [];
  const byLayout = layoutSpeakerStarts(ps, speakerAt);
  let claimed = -1;
  for (let i = 0; i < ps.length; i++) {
    if (i % STEP_SIZE === STEP_SIZE - 1) yield;
    const laid = byLayout.get(i);
    if (laid && i > claimed) {
      starts.push(laid);
      claimed = Math.max(laid.title ?? i, laid.speaker ?? i);
      continue;
    }
    if (i <= claimed || !speakerAt.strong(i)) continue;
    const start: SpeechStart = { first: i, speaker: i };
    let j = i - 1;
    // A reporter's credit may stand between a title and a narrator's line.
    if (j > claimed && isCredit(ps[j])) j--;
    // An interview's subtitle (`——访…`) is its own speech's subtitle and speaker line at once.
    if (isSubtitleText(ps[i])) start.subtitle = i;
    else if (j > claimed && isSubtitleText(ps[j]) && j - 1 > claimed && titleLike(ps[j - 1])) {
      start.subtitle = j;
      j--;
    }
    if (j > claimed && (titleLike(ps[j]) || faultyTitleLike(ps, j)) && !speakerAt.strong(j)) {
      start.title = j;
      start.first = j;
    } else if (start.subtitle !== undefined) {
      start.first = start.subtitle;
    }
    starts.push(start);
    claimed = i;
  }
  const byClosing = starts.length === 0 ? closingSpeechStarts(ps) : undefined;
  if (byClosing) starts.push(...byClosing);
  else if (starts.length === 0 && ps.length > 0) {
    // No speaker line anywhere: one speech, titled by its first line (after a kicker) if that line
    // looks like a title, with the subtitle or date line under it, and its author line at its end.
    const t = isKicker(ps[0]) && ps.length > 2 ? 1 : 0;
    const start: SpeechStart = { first: 0 };
    if (titleLike(ps[t]) && (ps.length > t + 1 || loneTitle(ps[t]))) {
      start.title = t;
      let next = t + 1;
      if (ps[next] && (isSubtitleText(ps[next]) || isDateLine(ps[next]))) start.subtitle = next++;
      // Under a subtitle the next line is as often the first sentence: only a clean speaker line counts.
      const sp = ps[next] ? speakerAt.weak(next) : undefined;
      if (sp && (next === t + 1 || !sp.trailing)) start.speaker = next;
    }
    if (start.speaker === undefined) start.closing = closingAtEnd(ps, start.subtitle ?? start.title ?? -1);
    starts.push(start);
  }
  // Before the first speech: the compilation's title and subtitle.
  const first = starts[0]?.first ?? 0;
  for (let i = 0; i < first; i++) {
    const p = ps[i];
    if (!doc.title && titleLike(p) && !isSubtitleText(p) && !isKicker(p)) {
      doc.title = titleNode(p);
      p.role = 'compilation-title';
    } else if (!doc.subtitle && isSubtitleText(p) && doc.title?.paragraph === ps[i - 1]) {
      doc.subtitle = titleNode(p);
      p.role = 'compilation-subtitle';
    }
  }
  return starts;
}

function* assembleSpeeches(doc: SpeechDocument, starts: SpeechStart[], speakerAt: SpeakerReader, reuse: ReuseSpeech | undefined): Steps<void> {
  const ps = doc.paragraphs;
  for (let k = 0; k < starts.length; k++) {
    const s = starts[k];
    const end = k + 1 < starts.length ? starts[k + 1].first : ps.length;
    const reused = reuse?.(s, end);
    if (reused) {
      doc.speeches.push(reused);
      // A copy is cheap, but a compilation holds thousands.
      if (k % 64 === 63) yield;
      continue;
    }
    const own = ps.slice(s.first, end);
    // The optional fields are there from the start, as in every model object: see scanLines.
    const speech: Speech = {
      span: { start: ps[s.first].contentStart, end: own[own.length - 1].contentEnd },
      title: undefined,
      subtitle: undefined,
      speaker: undefined,
      lead: [],
      sections: [],
      closing: [],
      itemRuns: [],
      headings: [],
      paragraphs: own,
    };
    if (s.title !== undefined) {
      ps[s.title].role = 'speech-title';
      speech.title = titleNode(ps[s.title]);
    }
    if (s.subtitle !== undefined) {
      ps[s.subtitle].role = 'speech-subtitle';
      speech.subtitle = titleNode(ps[s.subtitle]);
    }
    if (s.speaker !== undefined) {
      const speaker = speakerAt.weak(s.speaker);
      if (speaker && (s.leading || (s.title !== undefined && s.speaker < s.title))) {
        // The line ends in `：` and glues the name on, as papers print it.
        speaker.form = 'leading';
        speaker.trailing = undefined;
      }
      if (speaker) {
        // An interview's subtitle names the speaker and stays a subtitle.
        if (s.speaker !== s.subtitle) ps[s.speaker].role = 'speaker';
        speech.speaker = speaker;
      }
    }
    if (s.closing) {
      // After the body: the line is the speaker's, and the body runs on around it to the piece's end (credits).
      s.closing.paragraph.role = 'speaker';
      speech.speaker = s.closing;
    }
    const header = [s.title, s.subtitle, s.speaker].filter((x): x is number => x !== undefined);
    const bodyFrom = header.length > 0 ? Math.max(...header) + 1 : s.first;
    buildBody(speech, ps.slice(bodyFrom, end).filter((p) => p.role === 'body'));
    doc.speeches.push(speech);
    yield;
  }
}

/**
 * The author line closing a lone piece: its last line, credits and labels (`版式设计：…`) after it
 * aside, under prose. A signature (a place and a name) is weak evidence alone and is not taken.
 */
function closingAtEnd(ps: readonly Paragraph[], header: number): SpeakerNode | undefined {
  let i = ps.length - 1;
  while (i > header + 1 && (isCredit(ps[i]) || isLabel(ps[i]))) i--;
  if (i <= header + 1 || !isProse(ps[i - 1])) return undefined;
  const line = readClosingLine(ps[i]);
  return line && line.kind !== 'signature' ? line.speaker : undefined;
}

/**
 * Pieces told apart by the author line after each body (closing.ts), in a text with no speaker line
 * above any body. A line counts where it stands as an author line stands: under prose, and followed
 * (after any credits) by the end, by a line that is not prose (the next title, a kicker, a label) or,
 * under a quote, by the next quote. A form counts only when it recurs: one line of that shape is not
 * evidence of a page of pieces (the People's Daily selection prints three to twelve pieces a page so).
 * Each piece's title is the first title-shaped line after the previous piece (labels, kickers and
 * credits skipped); the first piece's is the one its body runs up to, after the compilation's own
 * heading and introduction.
 */
function closingSpeechStarts(ps: readonly Paragraph[]): SpeechStart[] | undefined {
  const found: { at: number; line: ClosingLine; next: number }[] = [];
  const seen = new Map<ClosingKind, number>();
  for (let i = 1; i < ps.length; i++) {
    // The line's own shape first: almost every line fails it before any pattern runs.
    const line = readClosingLine(ps[i]);
    if (!line || !isProse(ps[i - 1]) || (found.length > 0 && i < found[found.length - 1].next)) continue;
    let next = i + 1;
    while (next < ps.length && isCredit(ps[next])) next++;
    if (next < ps.length && isProse(ps[next]) && line.kind !== 'attribution') continue;
    found.push({ at: i, line, next });
    seen.set(line.kind, (seen.get(line.kind) ?? 0) + 1);
  }
  const closings = found.filter((f) => (seen.get(f.line.kind) ?? 0) >= 2);
  if (closings.length < 2) return undefined;

  // The compilation's heading: a kicker ending in ——, its title, a —— subtitle under it.
  let from = isKicker(ps[0]) && ps.length > 1 ? 1 : 0;
  const heading = titleLike(ps[from]) && !isLabel(ps[from]) ? from : undefined;
  if (heading !== undefined) from += ps[heading + 1] && isSubtitleText(ps[heading + 1]) ? 2 : 1;
  const notTitle = (p: Paragraph): boolean => isLabel(p) || isKicker(p) || isCredit(p) || isSubtitleText(p);
  const starts: SpeechStart[] = [];
  for (const c of closings) {
    let title: number | undefined;
    let first = from;
    if (starts.length === 0) {
      // The first piece's title is the title-shaped line its body runs up to: an introduction, itself
      // perhaps headed (`开栏的话`), may come between the compilation's heading and the piece.
      let t = c.at - 1;
      while (t >= from && (isProse(ps[t]) || isLabel(ps[t]))) t--;
      if (t >= from && titleLike(ps[t]) && !notTitle(ps[t])) {
        title = t;
        first = t;
        while (first > from && (isLabel(ps[first - 1]) || isKicker(ps[first - 1]))) first--;
      }
    } else {
      let t = from;
      while (t < c.at && notTitle(ps[t])) t++;
      if (t < c.at && titleLike(ps[t])) title = t;
    }
    // A label under the title (`时间：1月24日，大年三十，雨`) dates the piece, as a date line under a title does.
    const subtitle = title !== undefined && title + 1 < c.at && isLabel(ps[title + 1]) ? title + 1 : undefined;
    starts.push({ first, title, subtitle, closing: c.line.speaker });
    from = c.next;
  }
  // Every other piece titled and the first not: the first line was the first piece's title, not the page's.
  if (heading !== undefined && starts[0].title === undefined && starts.slice(1).every((s) => s.title !== undefined)) {
    starts[0].title = heading;
    starts[0].first = 0;
  }
  return starts;
}
