/**
 * How the server's copy of each open draft follows the editor's edits:
 * `TextDocument.update`, with each edit's range first brought inside the text.
 * The library places a position past the last line at the end of the text, as
 * the protocol says, but updates its table of line starts by the range's raw
 * line numbers: such an edit leaves holes or stray lines in the table, and
 * every later edit placed by line lands at a wrong offset. The server then
 * checked, and published diagnostics for, a text the editor never had.
 */
import type { Position, Range, TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const syncedDocuments: TextDocumentsConfiguration<TextDocument> = {
  create: TextDocument.create,
  update(document, changes, version) {
    // One edit at a time: each edit's positions are in the text the edits before it left.
    for (const change of changes) TextDocument.update(document, [inside(document, change)], version);
    return TextDocument.update(document, [], version);
  },
};

/** `change` with its range, if it has one, at the same offsets but on lines the text has. */
function inside(document: TextDocument, change: TextDocumentContentChangeEvent): TextDocumentContentChangeEvent {
  const range = (change as { range?: Range }).range;
  if (!range || typeof range !== 'object' || !range.start || !range.end) return change;
  return { ...change, range: { start: clamped(document, range.start), end: clamped(document, range.end) } };
}

/** The position the library reads `p` as (past the end: the end; past a line's end: that end), on a line the text has. */
function clamped(document: TextDocument, p: Position): Position {
  return document.positionAt(document.offsetAt({ line: finite(p.line), character: finite(p.character) }));
}

/** A malformed number (null, NaN) as 0, the line start the library takes a missing character for. */
function finite(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}
