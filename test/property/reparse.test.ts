/**
 * Parsing again after an edit (`reparse`, what the language server does on
 * every keystroke) makes the model a fresh `parse` of the new text makes:
 * the same nodes, offsets, lines and roles, with the speeches' paragraphs the
 * very objects of the document's paragraph list. Edits land anywhere (inside
 * a line, across line breaks, at a BOM or a CR), insert draft pieces and
 * hostile characters or delete, one after another, each re-parse taking over
 * the last one's model. Seeds and case counts: seeds.ts.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { check, checkSteps, LintCache, parse, reparse, runToEnd, type SpeechDocument } from '../../server/src/core';
import { corpus, mutatedCorpus, speechSoup, uniformText } from './arbitraries';
import { LINT_OPTIONS } from './invariants';
import { itHolds } from './seeds';

/** Short insertions: one character typed, a line break, a marker, a pasted stretch. */
const inserted = fc.oneof(
  fc.constantFrom('', '的', '。', '，', '\n', '\r\n', '\r', '\n\n', '# ', '### ', '一、', '（二）', '三是', '——', '\u3000\u3000', '<!-- speechlint-disable -->\n', '\uFEFF', '\uD800', '😀', '唐山市政协主席、党组书记 胡国辉\n'),
  speechSoup,
);

const edit = fc.record({ at: fc.nat(), removed: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 400 })), text: inserted });
type Edit = { at: number; removed: number; text: string };

function applied(text: string, { at, removed, text: insert }: Edit): string {
  const start = at % (text.length + 1);
  return text.slice(0, start) + insert + text.slice(Math.min(text.length, start + removed));
}

/** Every paragraph a speech holds is the document's own paragraph object, as `parse` makes them. */
function assertParagraphsShared(doc: SpeechDocument): void {
  const own = new Set(doc.paragraphs);
  for (const speech of doc.speeches) for (const p of speech.paragraphs) assert.ok(own.has(p), `a speech holds a paragraph not in the document (line ${p.line})`);
}

function assertReparseHolds(base: string, edits: readonly Edit[]): void {
  let text = base;
  let doc = parse(text);
  for (const e of edits) {
    text = applied(text, e);
    doc = reparse(doc, text);
    assert.deepEqual(doc, parse(text));
    assertParagraphsShared(doc);
  }
}

/**
 * As the language server checks a draft typed into: each check re-parses from the last model and
 * reuses the lint cache's findings of unchanged speeches. The findings must be a fresh check's:
 * findings of the last check hold spans of the model the re-parse moves, and the cache moves them.
 */
function assertCheckAfterEditsHolds(base: string, edits: readonly Edit[]): void {
  const cache = new LintCache();
  let text = base;
  let doc = check(text, { ...LINT_OPTIONS, cache }).doc;
  for (const e of edits) {
    text = applied(text, e);
    const checked = runToEnd(checkSteps(text, { ...LINT_OPTIONS, cache }, doc));
    assert.deepEqual(checked.findings, check(text, LINT_OPTIONS).findings);
    doc = checked.doc;
  }
}

describe('re-parsing after edits', function () {
  this.timeout(120_000);

  itHolds(
    'equals a fresh parse of the new text, edit after edit, on whole corpus drafts (Markdown compilations and plain text)',
    fc.record({ file: fc.nat({ max: corpus.length - 1 }), edits: fc.array(edit, { minLength: 1, maxLength: 6 }) }),
    ({ file, edits }) => assertReparseHolds(corpus[file], edits),
    40,
  );

  itHolds(
    'equals a fresh parse of the new text on mutated excerpts and arbitrary text, any line ending, with or without a BOM',
    fc.record({ base: fc.oneof(mutatedCorpus, uniformText.map((u) => u.text)), edits: fc.array(edit, { minLength: 1, maxLength: 8 }) }),
    ({ base, edits }) => assertReparseHolds(base, edits),
    300,
  );

  itHolds(
    'checking with the last model and the lint cache gives the findings of a fresh check, edit after edit',
    fc.record({ base: fc.oneof(fc.constantFrom(...corpus), mutatedCorpus, uniformText.map((u) => u.text)), edits: fc.array(edit, { minLength: 1, maxLength: 6 }) }),
    ({ base, edits }) => assertCheckAfterEditsHolds(base, edits),
    60,
  );
});
