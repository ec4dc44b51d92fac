/**
 * Formatting a draft: the bulk fixes — those of the rules whose fixes are
 * declared `form` (punctuation width, quotes, ellipses and dashes, doubled
 * punctuation, full-width letters and digits, section-marker forms) —
 * trailing whitespace, and blank lines between paragraphs (one, or none).
 * Formatting runs unseen (format on save), so fixes that rest on the parser's
 * reading — the numbering (that is the renumber command's job), joining
 * paragraphs, deleting a repeat or a space, replacing a term, title and
 * speaker-line edits — are left to the drafter as quick fixes.
 *
 * The fixes are found on the draft as it will be spaced, since blank lines
 * help the parser place plain-text titles; so formatting the result again
 * changes nothing. The result is a few small edits against the original text
 * (a diff of each changed line), not a replacement of the whole.
 */
import { diffEdits } from './diff';
import { applyFixes, isBulkFix } from './fix';
import { lint, type LintOptions } from './lint';
import type { SpeechDocument } from './model';
import { parse } from './parse';
import type { Rule, TextEdit } from './rule';
import { allRules } from './rules';
import { isIndentCode } from './text/chars';
import { LineIndex } from './text/lineIndex';

export type BlankLines = 'one' | 'none';

export interface FormatOptions {
  /** Blank lines between two paragraphs. */
  blankLines: BlankLines;
  /** The document's rule settings and services (a rule turned off is not applied); `only` is ignored. */
  lint?: LintOptions;
  /** Format only these lines (0-based, inclusive): range formatting. */
  lines?: { first: number; last: number };
}

/** The rules whose fixes are applied in bulk. */
export const NORMALIZING_RULES: readonly Rule[] = allRules.filter((r) => r.meta.fixable === 'form');

/** A bound on fix passes (one fix can make room for another), should fixes ever undo each other. */
const MAX_PASSES = 10;

/** A spacing edit with the lines it lies between: it belongs to a range that holds both. */
interface SpacingEdit {
  edit: TextEdit;
  lines: [number, number];
}

export function formatEdits(doc: SpeechDocument, options: FormatOptions): TextEdit[] {
  const { text, lines, bom } = doc;
  const first = Math.max(0, options.lines?.first ?? 0);
  const last = Math.min(lines.lineCount - 1, options.lines?.last ?? lines.lineCount - 1);
  const trimmed: string[] = [];
  const content: number[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    trimmed.push(trimEnd(text.slice(lineStart(lines, line, bom), lines.lineEnd(line))));
    if (trimmed[line] !== '') content.push(line);
  }

  const layout = laidOut(doc, content.length > 0 && content[content.length - 1] + 1 < lines.lineCount, options.blankLines);
  const final = normalize(layout(content.map((l) => trimmed[l])), layout, options.lint ?? {});
  const finalLines = contentLines(final);
  // Fixes never empty a line nor break one; should one ever do so, a plain diff keeps the result right.
  if (content.length > 0 && finalLines.length !== content.length) {
    const scope = { start: lines.starts[first], end: last + 1 < lines.lineCount ? lines.starts[last + 1] : text.length };
    return diffEdits(text, final).filter((e) => scope.start <= e.span.start && e.span.end <= scope.end);
  }

  const wanted = new Map(content.map((line, k) => [line, finalLines[k]]));
  const spacing = spacingEdits(doc, content, options.blankLines).filter((s) => first <= s.lines[0] && s.lines[1] <= last);
  const edits: TextEdit[] = [];
  for (let line = first; line <= last; line++) {
    const start = lineStart(lines, line, bom);
    // A blank line that goes away whole needs no edit of its own.
    if (spacing.some(({ edit }) => edit.span.start <= start && start < edit.span.end)) continue;
    edits.push(...diffEdits(text.slice(start, lines.lineEnd(line)), wanted.get(line) ?? '', start));
  }
  return merge([...edits, ...spacing.map((s) => s.edit)]);
}

/**
 * The draft's paragraphs laid out as formatting leaves them: BOM kept, no
 * leading blank lines, `blankLines` between paragraphs, and a final line break
 * when the draft had one.
 */
function laidOut({ bom, eol }: SpeechDocument, finalBreak: boolean, blankLines: BlankLines): (paragraphs: readonly string[]) => string {
  const separator = blankLines === 'one' ? eol + eol : eol;
  return (paragraphs) => (bom ? '\uFEFF' : '') + paragraphs.join(separator) + (finalBreak && paragraphs.length > 0 ? eol : '');
}

/** The non-blank lines of `text`, without trailing whitespace. */
function contentLines(text: string): string[] {
  const index = new LineIndex(text);
  const out: string[] = [];
  for (let line = 0; line < index.lineCount; line++) {
    const trimmed = trimEnd(text.slice(lineStart(index, line, text.charCodeAt(0) === 0xfeff ? 1 : 0), index.lineEnd(line)));
    if (trimmed !== '') out.push(trimmed);
  }
  return out;
}

/** `text` with every normalizing fix applied and laid out again, pass after pass, until nothing changes. */
function normalize(text: string, layout: (paragraphs: readonly string[]) => string, lintOptions: LintOptions): string {
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const doc = parse(text);
    const result = applyFixes(text, lint(doc, { ...lintOptions, only: NORMALIZING_RULES }).filter(isBulkFix));
    if (result.applied === 0) break;
    text = layout(contentLines(result.text));
  }
  return text;
}

function trimEnd(line: string): string {
  let end = line.length;
  while (end > 0 && isIndentCode(line.charCodeAt(end - 1))) end--;
  return line.slice(0, end);
}

/**
 * Blank lines: none before the first paragraph, `blankLines` between two
 * paragraphs, and nothing after the last one but its line break. Whitespace
 * on kept blank lines goes with the trailing whitespace of every line.
 */
function spacingEdits({ text, lines, bom, eol }: SpeechDocument, content: readonly number[], blankLines: BlankLines): SpacingEdit[] {
  if (content.length === 0) return [];
  const want = blankLines === 'one' ? 1 : 0;
  const out: SpacingEdit[] = [];
  const first = content[0];
  if (first > 0) out.push({ edit: { span: { start: bom, end: lines.starts[first] }, text: '' }, lines: [0, first] });
  for (let i = 1; i < content.length; i++) {
    const [a, b] = [content[i - 1], content[i]];
    const blanks = b - a - 1;
    if (blanks > want) out.push({ edit: { span: { start: lines.starts[a + 1 + want], end: lines.starts[b] }, text: '' }, lines: [a, b] });
    else if (blanks < want) out.push({ edit: { span: { start: lines.lineEnd(a), end: lines.lineEnd(a) }, text: eol }, lines: [a, b] });
  }
  const last = content[content.length - 1];
  if (last + 1 < lines.lineCount && lines.starts[last + 1] < text.length) {
    out.push({ edit: { span: { start: lines.starts[last + 1], end: text.length }, text: '' }, lines: [last, lines.lineCount - 1] });
  }
  return out;
}

/**
 * Sorted, with edits that touch folded into one: a line's own edit and a
 * blank-line edit can meet at a line break, and some clients refuse edits
 * that share a position. No two edits overlap (deleted lines get no line edit).
 */
function merge(edits: TextEdit[]): TextEdit[] {
  // Stable sort: of two insertions at one point, the line's own text comes before the line break added after it.
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && e.span.start === prev.span.end) out[out.length - 1] = { span: { start: prev.span.start, end: e.span.end }, text: prev.text + e.text };
    else out.push(e);
  }
  return out;
}

/** Where `line`'s text starts: after the line break before it, and after a BOM on the first line. */
function lineStart(lines: LineIndex, line: number, bom: number): number {
  return Math.max(lines.starts[line], line === 0 ? bom : 0);
}
