/**
 * What the VS Code client and the server agree on beyond LSP: command ids, the
 * statistics request, initialization options, which languages are checked. No imports, so the client can
 * share it without bundling any language logic.
 */

/** The `source` of every diagnostic of ours: the client tells them from other tools' by it. */
export const DIAGNOSTIC_SOURCE = 'speechlint';

/** The settings section (`speech.*`) the server asks for and the client reads. */
export const SETTINGS_SECTION = 'speech';

/** The languages the client hands the server; the server checks those `checksLanguage` accepts. */
export const SERVED_LANGUAGES = ['speech', 'markdown', 'plaintext'] as const;

/**
 * Whether a document in `languageId` is checked at all: speech drafts always,
 * Markdown and plain text when `speech.checkMarkdown` / `speech.checkPlaintext`
 * switch them on. The server decides by it; the client starts the server only
 * once a document it accepts is open.
 */
export function checksLanguage(languageId: string, switches: { checkMarkdown: boolean; checkPlaintext: boolean }): boolean {
  switch (languageId) {
    case 'speech':
      return true;
    case 'markdown':
      return switches.checkMarkdown;
    case 'plaintext':
      return switches.checkPlaintext;
    default:
      return false;
  }
}

/** Server commands (`workspace/executeCommand`). */
export const RENUMBER_COMMAND = 'speech.server.renumber';
export const CHECK_WORKSPACE_COMMAND = 'speech.server.checkWorkspace';
/** `[ExportWordParams]` → `WordExportResult`. */
export const EXPORT_WORD_COMMAND = 'speech.server.exportWord';
/** `[ImportWordParams]` → `ImportWordResult`. */
export const IMPORT_WORD_COMMAND = 'speech.server.importWord';
/** `[CompileParams]` → `CompileResult`. */
export const COMPILE_COMMAND = 'speech.server.compile';
/** `[uris: string[]]` → `DraftDescription[]`, in the same order: how a picker lists drafts. */
export const DESCRIBE_DRAFTS_COMMAND = 'speech.server.describeDrafts';

/** A draft as a picker lists it, in the client's language. */
export interface DraftDescription {
  uri: string;
  /** The speech's title; a compilation's title; the file name when the draft has neither. */
  label: string;
  /** Who speaks (a single speech), or how many speeches a compilation holds. */
  description?: string;
}

/** The status bar's request: `StatisticsParams` in, `StatisticsResult` (or null for a document the server does not check) out. */
export const STATISTICS_REQUEST = 'speech/statistics';

export interface StatisticsParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}

export interface StatisticsResult {
  /** One line for the status bar. */
  text: string;
  /** Details for its tooltip. */
  tooltip: string;
  charsPerMinute: number;
  /** `pages`: printed on the export's page, when the server could lay the draft out. */
  file: { chars: number; minutes: number; speeches: number; pages?: number };
  /** The speech under the cursor, when there is one. */
  speech?: { title?: string; chars: number; minutes: number; sections: number; subsections: number; items: number };
}

/** The answer to `CHECK_WORKSPACE_COMMAND`. */
export interface CheckResult {
  files: number;
  done: number;
  problems: number;
  withProblems: number;
  cancelled: boolean;
  /** The outcome in the client's language, for a notification. */
  message: string;
}

export interface InitializationOptions {
  /** The editor lists the extension's contributed snippets itself, so completion leaves them out. */
  editorShowsSnippets?: boolean;
  /**
   * Whether the user trusts the workspace (VS Code's workspace trust). `false`:
   * the server reads no workspace configuration file and searches nothing
   * workspace-wide until `WORKSPACE_TRUSTED_NOTIFICATION`. Left out (an editor
   * without workspace trust): configuration files are read, but `extends`
   * stays inside the workspace folder.
   */
  workspaceTrusted?: boolean;
  /**
   * A client command that shows a rule's page (its `file:` URL the one argument) rendered and
   * read-only; diagnostics then link to it (`command:` URI) rather than to the page's file.
   */
  ruleDocsCommand?: string;
}

/** The VS Code client's `ruleDocsCommand`: a Markdown preview of the page. */
export const SHOW_RULE_DOCS_COMMAND = 'speech.showRuleDocs';

/** Client → server, no params: the user has just trusted the workspace (trust is never taken back without a restart). */
export const WORKSPACE_TRUSTED_NOTIFICATION = 'speech/workspaceTrusted';

/** What a Word command could not do, in the client's language. */
export interface WordFailure {
  error: string;
}

export interface ExportWordParams {
  /** The draft: its text as open in the editor (else as saved), its configuration's `export` settings. */
  uri: string;
}

/** The .docx, base64-encoded. */
export type WordExportResult = { docx: string } | WordFailure;

export interface ImportWordParams {
  /** The .docx, base64-encoded. */
  docx: string;
}

export type ImportWordResult =
  | {
      /** The draft (Markdown, LF). */
      text: string;
      /** What did not carry over; `line` is the draft's 1-based line nearest to where it was; `info` changed nothing the reader reads. */
      notes: Array<{ line?: number; severity: 'warning' | 'info'; message: string }>;
      /** One line saying how it went, for a notification. */
      summary: string;
    }
  | WordFailure;

export interface CompileParams {
  /** The drafts, in order. */
  uris: string[];
  title: string;
  subtitle?: string;
  /** When set, the compilation is also exported to Word with the `export` settings that apply to this (output) file. */
  docxFor?: string;
}

export type CompileResult =
  | {
      /** The compilation as a Markdown draft. */
      text: string;
      /** With `docxFor`: the .docx, base64-encoded. */
      docx?: string;
      /** Drafts with structure errors, in order: the client should not write the result unasked. Positions as LSP's (0-based). */
      blocked: Array<{ uri: string; errors: Array<{ line: number; character: number; message: string; ruleId: string }> }>;
      /** With blocked drafts: one line naming them, for a notification. */
      summary?: string;
    }
  | WordFailure;

/**
 * The print preview's request: `LayoutParams` in, `LayoutResult` (or null for a document the server does
 * not check) out. The server lays the draft out and words every figure; the client hands the answer to the
 * webview, which only draws it.
 */
export const LAYOUT_REQUEST = 'speech/layout';

export interface LayoutParams {
  textDocument: { uri: string };
}

/** One laid-out line of a page, with where it comes from in the draft. */
export interface LayoutLine {
  /** Row on the page's grid, 0-based. */
  row: number;
  /** The characters as printed, in runs of one font (a section's heading sentence is in 黑体 or 楷体): `font` indexes `LayoutResult.fonts`. */
  runs: Array<{ text: string; font: number }>;
  /** Type size in points. */
  size: number;
  /** `justify`: a full line of a paragraph, spread to the type area's width; a paragraph's last line is set `left`, titles `center`. */
  align: 'left' | 'center' | 'justify';
  /** Set on the character grid (body text): each character condensed to one cell, as the export sets it. */
  grid: boolean;
  /** The first-line indent, in millimetres. */
  indent: number;
  /** Where the line's first character is in the draft (LSP position), for a click to move the cursor to. */
  start: { line: number; character: number };
  /** The draft's line of the line's last character, for following the editor's scrolling. */
  endLine: number;
  /** Problems found on this line, most severe first, worded in the client's language. */
  marks?: Array<{ severity: 'error' | 'warning' | 'info' | 'hint'; message: string }>;
}

export interface LayoutPage {
  /** 1-based, as printed in the footer. */
  number: number;
  /** `第 1 页 · 512字 · 约2.3分钟`: the page's characters and speaking time, worded. */
  caption: string;
  chars: number;
  minutes: number;
  lines: LayoutLine[];
}

export interface LayoutResult {
  /** The document version laid out: the client asks again when the editor has moved on. */
  version: number;
  /** The page and its grid, in millimetres. */
  page: {
    width: number;
    height: number;
    margin: { top: number; bottom: number; left: number; right: number };
    linesPerPage: number;
    charsPerLine: number;
    /** Distance between two grid lines, and a body character's cell. */
    linePitch: number;
    charPitch: number;
    pageNumbers: boolean;
  };
  /** CSS font-family lists, each an export font followed by the fallbacks the export names. */
  fonts: string[];
  /** `— N —`: its font (an index into `fonts`) and size in points. */
  pageNumber: { font: number; size: number };
  /** `3 pages · 1,234 chars · ~5.6 min`, for the preview's header. */
  summary: string;
  pages: LayoutPage[];
}
