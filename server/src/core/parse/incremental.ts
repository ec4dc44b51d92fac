/**
 * Parsing a text again after an edit, reusing what the edit did not touch:
 * the model is the one `parse` would make of the new text (a property test
 * holds the two equal), at the cost of the lines and speeches the edit
 * reached. Only lines around the changed stretch are scanned again; the
 * speeches are found again over all paragraphs (where they start depends on
 * the whole draft: a recurring layout, the level the titles use), and a
 * speech that starts as it did and holds the same lines is kept, its offsets
 * moved, instead of assembled again.
 *
 * The previous model is taken over, not copied: its paragraphs and speeches
 * move into the new one, so a re-parse makes little garbage and never holds
 * two models of a huge draft at once. The caller gives it up: a re-parse
 * dropped half-way leaves it unusable, and the next parse starts afresh.
 */
import type { CommentLine, ItemRun, Paragraph, Section, Speech, SpeechDocument, SubHeading, TextSpan, TitleNode } from '../model';
import { fingerprint } from '../text/hash';
import { LineIndex } from '../text/lineIndex';
import { runToEnd, type Steps } from '../steps';
import { bomOf, documentSteps, parseSteps, traceOf, type SpeechStart } from './document';
import { scanLines } from './lines';

export function reparse(previous: SpeechDocument, text: string): SpeechDocument {
  return runToEnd(reparseSteps(previous, text));
}

/** `parse(text)`, in steps, reusing `previous` (a model `parse` or `reparse` made of an earlier text). */
export function* reparseSteps(previous: SpeechDocument, text: string): Steps<SpeechDocument> {
  const before = previous.text;
  const trace = traceOf(previous);
  const prefix = commonPrefix(before, text);
  // An edit at the very start may touch a BOM, which shifts the first line's paragraph.
  if (!trace || prefix === 0) return yield* parseSteps(text);
  const oldStarts = trace.starts;
  const suffix = commonSuffix(before, text, prefix);
  const delta = text.length - before.length;
  const oldLines = previous.lines;
  const lines = new LineIndex(text);

  // A line start depends on the two characters around it, so lines ending before the edit's
  // first changed character keep their place, and lines starting after its last one keep theirs, shifted.
  const firstChanged = firstLineEndingAtOrAfter(oldLines.starts, prefix - 1);
  const keptAfterOld = firstLineStartingAtOrAfter(oldLines.starts, before.length - suffix + 1);
  const keptAfterNew = lines.lineCount - (oldLines.lineCount - keptAfterOld);
  const lineShift = keptAfterNew - keptAfterOld;

  const paragraphs: Paragraph[] = [];
  const comments: CommentLine[] = [];
  const old = previous.paragraphs;
  // The roles the last parse gave; a kept speech's paragraphs take theirs back.
  const roles = old.map((p) => p.role);
  let i = 0;
  for (; i < old.length && old[i].line < firstChanged; i++) paragraphs.push(moved(old[i], text, 0, 0));
  const changedFrom = i;
  for (const c of previous.comments) if (c.line < firstChanged) comments.push(movedComment(c, text, 0, 0));
  yield* scanLines(text, lines, bomOf(text), paragraphs, comments, firstChanged, keptAfterNew);
  const changedTo = paragraphs.length;
  while (i < old.length && old[i].line < keptAfterOld) i++;
  const oldChangedTo = i;
  for (; i < old.length; i++) paragraphs.push(moved(old[i], text, delta, lineShift));
  for (const c of previous.comments) if (c.line >= keptAfterOld) comments.push(movedComment(c, text, delta, lineShift));
  const indexShift = changedTo - oldChangedTo;

  // Speeches of the previous model by their first paragraph's index.
  const speechAt = new Map<number, number>();
  oldStarts.forEach((s, k) => speechAt.set(s.first, k));
  const reuse = (start: SpeechStart, end: number): Speech | undefined => {
    const after = start.first >= changedTo;
    if (!after && end > changedFrom) return undefined;
    const shift = after ? indexShift : 0;
    const k = speechAt.get(start.first - shift);
    if (k === undefined) return undefined;
    const was = oldStarts[k];
    const oldEnd = k + 1 < oldStarts.length ? oldStarts[k + 1].first : old.length;
    if (oldEnd + shift !== end || !sameStart(was, start, shift)) return undefined;
    for (let j = start.first; j < end; j++) paragraphs[j].role = roles[j - shift];
    const speech = previous.speeches[k];
    new SpeechMover(text, after ? delta : 0).speech(speech);
    return speech;
  };
  // A kept line's speaker readings that found nothing find nothing again.
  const known = new Uint8Array(paragraphs.length);
  known.set(trace.none.subarray(0, changedFrom));
  known.set(trace.none.subarray(oldChangedTo), changedTo);
  return yield* documentSteps(text, lines, paragraphs, comments, reuse, known);
}

/**
 * Whether two speeches start alike, the new one's paragraph indices `shift` past the old one's.
 * One found by its author line (`closing`) is always assembled again: that reading is not kept apart.
 */
function sameStart(a: SpeechStart, b: SpeechStart, shift: number): boolean {
  const at = (x: number | undefined): number | undefined => (x === undefined ? undefined : x + shift);
  return (
    a.closing === undefined &&
    b.closing === undefined &&
    a.first + shift === b.first &&
    at(a.title) === b.title &&
    at(a.subtitle) === b.subtitle &&
    at(a.speaker) === b.speaker &&
    a.leading === b.leading
  );
}

/**
 * A paragraph of the last parse moved in place: offsets by `delta`, lines by `lineShift`, its role
 * back to the one `scanLines` gives (the parse sets the rest). Its words are sliced from the new text:
 * V8 keeps a slice's whole parent string alive, and slices of old texts would keep every version of
 * a draft typed into.
 */
function moved(p: Paragraph, text: string, delta: number, lineShift: number): Paragraph {
  p.span = { start: p.span.start + delta, end: p.span.end + delta };
  p.contentStart += delta;
  p.contentEnd += delta;
  p.content = text.slice(p.contentStart, p.contentEnd);
  p.line += lineShift;
  p.role = 'body';
  return p;
}

function movedComment(c: CommentLine, text: string, delta: number, lineShift: number): CommentLine {
  c.span = { start: c.span.start + delta, end: c.span.end + delta };
  c.line += lineShift;
  c.body = resliced(c.body, text, c.span.start, c.span.end);
  return c;
}

/** `words`, found in `text` between `from` and `to`, as a slice of `text` (see `moved`). */
function resliced(words: string, text: string, from: number, to: number): string {
  const at = words.length === 0 ? -1 : text.indexOf(words, from);
  return at >= 0 && at + words.length <= to ? text.slice(at, at + words.length) : words;
}

/** V8 copies a substring shorter than this instead of slicing its parent: such words hold no old text. */
const SLICED_FROM = 13;

/**
 * Moves a kept speech's nodes in place: every offset of the model is in a `span`, and each gets a new
 * one, never changed in place, as findings of the last check hold the model's spans (the lint cache
 * keeps them); words are sliced from the new text (see `moved`). Its paragraphs have moved already.
 */
class SpeechMover {
  constructor(
    private readonly text: string,
    private readonly delta: number,
  ) {}

  speech(s: Speech): void {
    s.span = this.span(s.span);
    this.title(s.title);
    this.title(s.subtitle);
    if (s.speaker) this.speakerPart(s.speaker);
    for (const x of s.sections) this.section(x);
    for (const r of s.itemRuns) this.run(r);
    for (const h of s.headings) this.heading(h);
  }

  private span(x: TextSpan): TextSpan {
    return { start: x.start + this.delta, end: x.end + this.delta };
  }

  /** Words now at `at` (a moved offset), as a slice of the new text when they are a slice at all. */
  private words(w: string, at: number): string {
    if (w.length < SLICED_FROM) return w;
    const fresh = this.text.slice(at, at + w.length);
    return fresh === w ? fresh : w;
  }

  private title(t: TitleNode | undefined): void {
    if (!t) return;
    t.span = this.span(t.span);
    t.text = t.paragraph.content;
  }

  private run(r: ItemRun): void {
    r.span = this.span(r.span);
    for (const m of r.items) {
      m.span = this.span(m.span);
      m.text = this.words(m.text, m.span.start);
    }
  }

  private heading(h: SubHeading): void {
    h.span = this.span(h.span);
    h.text = h.paragraph.content;
  }

  private section(x: Section): void {
    x.marker.span = this.span(x.marker.span);
    x.marker.text = this.words(x.marker.text, x.marker.span.start);
    x.heading.span = this.span(x.heading.span);
    x.heading.text = this.words(x.heading.text, x.heading.span.start);
    x.span = this.span(x.span);
    for (const c of x.children) this.section(c);
    for (const r of x.itemRuns) this.run(r);
    for (const h of x.headings) this.heading(h);
  }

  /** A speaker node and its pieces, whose optional fields vary with the reading: walked key by key. */
  private speakerPart(node: object): void {
    const n = node as Record<string, unknown> & { span?: TextSpan; text?: string };
    if (n.span) n.span = this.span(n.span);
    for (const key in n) {
      const v = n[key];
      if (key === 'paragraph' || key === 'span' || v === undefined) continue;
      if (typeof v === 'string') {
        if ((key === 'text' || key === 'value') && n.span && v === n.text) n[key] = this.words(v, n.span.start);
      } else if (Array.isArray(v)) {
        for (const piece of v) this.speakerPart(piece as object);
      } else if (typeof v === 'object' && v !== null) this.speakerPart(v);
    }
  }
}

const fingerprints = new WeakMap<Speech, string>();

/** A speech's text fingerprint (`fingerprint`), computed once per speech: a speech `reparse` keeps holds the same text. */
export function speechFingerprint(text: string, speech: Speech): string {
  let key = fingerprints.get(speech);
  if (key === undefined) fingerprints.set(speech, (key = fingerprint(text, speech.span.start, speech.span.end)));
  return key;
}

/** Compared a stretch at a time: equal slices are compared natively, far faster than unit by unit. */
const STRETCH = 4096;

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  while (i + STRETCH <= max && a.slice(i, i + STRETCH) === b.slice(i, i + STRETCH)) i += STRETCH;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many units `a` and `b` share at their ends, not reaching back past `prefix` in either. */
function commonSuffix(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let n = 0;
  while (n + STRETCH <= max && a.slice(a.length - n - STRETCH, a.length - n) === b.slice(b.length - n - STRETCH, b.length - n)) n += STRETCH;
  while (n < max && a.charCodeAt(a.length - n - 1) === b.charCodeAt(b.length - n - 1)) n++;
  return n;
}

/** The first line whose end (the next line's start) is past `offset`: where unchanged lines stop. */
function firstLineEndingAtOrAfter(starts: ArrayLike<number>, offset: number): number {
  // Line i ends where line i + 1 starts; a line ending at or before `offset` holds only unchanged text.
  return Math.max(0, firstLineStartingAtOrAfter(starts, offset + 1) - 1);
}

/** The first line starting at or after `offset` (the line count when none does). */
function firstLineStartingAtOrAfter(starts: ArrayLike<number>, offset: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
