/**
 * Word documents in and out. Pure byte-level functions: the callers (CLI,
 * editor) read and write the files.
 */
export { exportDocx } from './export';
export { importDocx, type ImportNote, type ImportNoteKind, type ImportResult } from './import';
export { DEFAULT_LIMITS, type DocxLimits } from './docxBounds';
export { WordImportError, type WordImportErrorKind } from './importError';
export { GRID_LIMITS } from '../core/exportLimits';
export { DEFAULT_EXPORT_OPTIONS, ExportOptionError, resolveExportOptions, type ExportOptions } from './layout';
