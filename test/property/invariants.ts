/**
 * What must hold for any text whatever: the checks the property suites apply
 * to each generated case. Each throws an AssertionError naming the case.
 */
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSymbol } from 'vscode-languageserver';
import { applyFixes, check, LineIndex, parse, type Finding, type LintOptions, type TextEdit, type TextSpan } from '../../server/src/core';
import { documentSymbols } from '../../server/src/lsp/documentSymbols';
import { foldingRanges } from '../../server/src/lsp/foldingRanges';
import { toLspEdits } from '../../server/src/lsp/positions';
import { loadSegmenter } from '../../server/src/segmenter';

/** The rules run as the server and CLI run them: with the word segmenter. */
export const LINT_OPTIONS: LintOptions = { services: { segmenter: loadSegmenter() } };

/** Generous: a fix that needs more passes than this oscillates. */
const MAX_FIX_PASSES = 10;

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Whether offset `at` falls between the halves of a surrogate pair. */
function splitsSurrogatePair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
}

/** Whether offset `at` falls between the CR and LF of a CRLF. */
function splitsCrlf(text: string, at: number): boolean {
  return at > 0 && at < text.length && text[at - 1] === '\r' && text[at] === '\n';
}

function assertSpanInside(text: string, span: TextSpan, what: string): void {
  const { start, end } = span;
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: non-integer span ${start}–${end}`);
  assert.ok(0 <= start && start <= end && end <= text.length, `${what}: span ${start}–${end} outside 0–${text.length}`);
  for (const at of [start, end]) assert.ok(!splitsSurrogatePair(text, at), `${what}: offset ${at} splits a surrogate pair`);
}

const describeFinding = (f: Finding): string => `${f.ruleId}/${f.messageId} at ${f.span.start}–${f.span.end}`;

/**
 * Every finding lies inside the text, splits no surrogate pair, and carries
 * edits that do the same, do not overlap one another, leave a BOM alone and
 * do not cut a CRLF in two (an editor would apply such an edit elsewhere).
 */
export function assertFindingsWellFormed(text: string, findings: readonly Finding[]): void {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (const f of findings) {
    assertSpanInside(text, f.span, describeFinding(f));
    const edits = [...(f.fix ?? [])].sort((a, b) => a.span.start - b.span.start);
    edits.forEach((e, i) => {
      const what = `${describeFinding(f)}, edit ${e.span.start}–${e.span.end} → ${JSON.stringify(e.text)}`;
      assertSpanInside(text, e.span, what);
      assert.ok(e.span.start >= bom, `${what}: touches the BOM`);
      for (const at of [e.span.start, e.span.end]) assert.ok(!splitsCrlf(text, at), `${what}: offset ${at} splits a CRLF`);
      const next = edits[i + 1];
      if (next) assert.ok(e.span.end <= next.span.start, `${what}: overlaps the fix's next edit`);
    });
  }
}

/**
 * `after` is `before` with exactly the accepted edits' spans replaced: the
 * text between and around them is untouched. Checked twice — piece by piece
 * against the edits, and by applying the same edits the way an editor does
 * (LSP ranges through TextDocument), which must give the same text.
 */
export function assertOnlySpansChanged(before: string, after: string, edits: readonly TextEdit[]): void {
  let from = 0;
  let at = 0;
  for (const e of edits) {
    const kept = before.slice(from, e.span.start);
    assert.equal(after.slice(at, at + kept.length), kept, `text before the edit at ${e.span.start} changed`);
    at += kept.length;
    assert.equal(after.slice(at, at + e.text.length), e.text, `edit at ${e.span.start} not applied as given`);
    at += e.text.length;
    from = e.span.end;
  }
  assert.equal(after.slice(at), before.slice(from), 'text after the last edit changed');

  const doc = TextDocument.create('untitled:property', 'speech', 1, before);
  assert.equal(TextDocument.applyEdits(doc, toLspEdits(new LineIndex(before), edits)), after, 'the same edits as LSP ranges give another text');
}

/**
 * Edits as a formatter returns them must be sorted, apart, inside the text
 * at whole characters and line breaks, and clear of the BOM; applied, they
 * change nothing outside their spans. Returns the edited text.
 */
export function applyWellFormedEdits(text: string, edits: readonly TextEdit[]): string {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let out = '';
  let at = 0;
  for (const e of edits) {
    const what = `edit ${e.span.start}–${e.span.end} → ${JSON.stringify(e.text)}`;
    assertSpanInside(text, e.span, what);
    assert.ok(e.span.start >= at, `${what}: not after the previous edit`);
    assert.ok(e.span.start >= bom, `${what}: touches the BOM`);
    for (const offset of [e.span.start, e.span.end]) assert.ok(!splitsCrlf(text, offset), `${what}: offset ${offset} splits a CRLF`);
    out += text.slice(at, e.span.start) + e.text;
    at = e.span.end;
  }
  out += text.slice(at);
  assertOnlySpansChanged(text, out, edits);
  return out;
}

export interface FixAllResult {
  text: string;
  passes: number;
}

/**
 * Checks and fixes until nothing is fixable, at most MAX_FIX_PASSES times,
 * asserting on every pass that the findings are well-formed and that the
 * fixes changed nothing outside their spans.
 */
export function fixAll(text: string): FixAllResult {
  let current = text;
  for (let pass = 1; pass <= MAX_FIX_PASSES; pass++) {
    const { findings } = check(current, LINT_OPTIONS);
    assertFindingsWellFormed(current, findings);
    const fixed = applyFixes(current, findings);
    if (fixed.applied === 0) return { text: current, passes: pass - 1 };
    assertOnlySpansChanged(current, fixed.text, fixed.edits);
    current = fixed.text;
  }
  const left = check(current, LINT_OPTIONS).findings.filter((f) => f.fix?.length);
  assert.fail(`fixes did not converge in ${MAX_FIX_PASSES} passes; still fixable: ${left.map(describeFinding).join(', ')} in ${JSON.stringify(current)}`);
}

/** The core's line/column for every finding boundary is the one an LSP client computes for that offset. */
export function assertPositionsAgree(text: string, findings: readonly Finding[]): void {
  const lines = new LineIndex(text);
  const editor = TextDocument.create('untitled:property', 'speech', 1, text);
  for (const f of findings) {
    for (const at of [f.span.start, f.span.end]) {
      assert.deepEqual(lines.positionAt(at), editor.positionAt(at), `${describeFinding(f)}: position of offset ${at}`);
    }
  }
}

/** Document symbols nest as LSP requires (range ⊇ selection range and children); folds run forwards inside the text. */
export function assertOutlineWellFormed(text: string): void {
  const doc = parse(text);
  const lineCount = doc.lines.lineCount;
  const offset = (p: { line: number; character: number }): number => doc.lines.offsetAt(p);
  const contains = (outer: DocumentSymbol['range'], inner: DocumentSymbol['range']): boolean =>
    offset(outer.start) <= offset(inner.start) && offset(inner.end) <= offset(outer.end);
  const visit = (s: DocumentSymbol): void => {
    assert.ok(s.name.length > 0, 'a symbol has an empty name (VS Code rejects it: "name must not be falsy")');
    assert.ok(offset(s.range.start) <= offset(s.range.end), `symbol "${s.name}" range runs backwards`);
    assert.ok(contains(s.range, s.selectionRange), `symbol "${s.name}": selection range outside its range`);
    for (const child of s.children ?? []) {
      assert.ok(contains(s.range, child.range), `symbol "${child.name}" sticks out of its parent "${s.name}"`);
      visit(child);
    }
  };
  for (const locale of ['zh', 'en'] as const) documentSymbols(doc, locale).forEach(visit);
  for (const fold of foldingRanges(doc)) {
    assert.ok(0 <= fold.startLine && fold.startLine < fold.endLine && fold.endLine < lineCount, `bad folding range ${JSON.stringify(fold)}`);
  }
}
