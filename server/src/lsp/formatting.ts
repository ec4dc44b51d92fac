/** Document and range formatting: the core's minimal normalizing edits as LSP edits. */
import type { Range, TextEdit } from 'vscode-languageserver';
import type { LintOptions, SpeechDocument } from '../core';
import { formatEdits, type BlankLines } from '../core/format';
import { toLspEdits } from './positions';

export interface FormatSettings {
  blankLines: BlankLines;
}

export const DEFAULT_FORMAT_SETTINGS: FormatSettings = { blankLines: 'one' };

/** Reads `format` from the `speech` settings section (`speech.format.blankLines`); anything unexpected keeps the default. */
export function readFormatSettings(speechSection: unknown): FormatSettings {
  const blankLines = (speechSection as { format?: { blankLines?: unknown } | null } | null | undefined)?.format?.blankLines;
  return { blankLines: blankLines === 'none' || blankLines === 'one' ? blankLines : DEFAULT_FORMAT_SETTINGS.blankLines };
}

/** Edits that format `doc`, or only the lines `range` covers (a range ending at column 0 leaves that line alone). */
export function formattingEdits(doc: SpeechDocument, settings: FormatSettings, lint: LintOptions, range?: Range): TextEdit[] {
  const lines = range && {
    first: range.start.line,
    last: range.end.line > range.start.line && range.end.character === 0 ? range.end.line - 1 : range.end.line,
  };
  return toLspEdits(doc.lines, formatEdits(doc, { blankLines: settings.blankLines, lint, lines }));
}
