/** Core spans and edits as LSP ranges and edits. Every lookup goes through the document's LineIndex (binary search, no rescans). */
import type { Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { LineIndex, TextEdit, TextSpan } from '../core';

export function toRange(lines: LineIndex, span: TextSpan): Range {
  return { start: lines.positionAt(span.start), end: lines.positionAt(span.end) };
}

export function toLspEdits(lines: LineIndex, edits: readonly TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(lines, e.span), newText: e.text }));
}
