/**
 * Word documents in and out. Pure byte-level functions: the callers (CLI,
 * editor) read and write the files.
 */
import type { SpeechDocument } from '../core/model';
import type { ExportOptions } from '../core/layout/page';

/**
 * `export.ts` with the `docx` package (a third of the engine) is loaded at the
 * first export: an import, which the user waits for, never runs its code.
 */
export async function exportDocx(doc: SpeechDocument, options?: Partial<ExportOptions>): Promise<Buffer> {
  const { exportDocx: build } = await import('./export');
  return build(doc, options);
}

export { importDocx, noteSeverity, type ImportNote, type ImportNoteKind, type ImportResult } from './import';
export { DEFAULT_LIMITS, type DocxLimits } from './docxBounds';
export { WordImportError, type WordImportErrorKind } from './importError';
export { GRID_LIMITS } from '../core/exportLimits';
export { DEFAULT_EXPORT_OPTIONS, ExportOptionError, resolveExportOptions, type ExportOptions } from '../core/layout/page';
