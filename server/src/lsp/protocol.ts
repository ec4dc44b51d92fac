/**
 * What the VS Code client and the server agree on beyond LSP: command ids, the
 * statistics request, initialization options. No imports, so the client can
 * share it without bundling any language logic.
 */

/** Server commands (`workspace/executeCommand`). */
export const RENUMBER_COMMAND = 'speech.server.renumber';
export const CHECK_WORKSPACE_COMMAND = 'speech.server.checkWorkspace';

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
  file: { chars: number; minutes: number; speeches: number };
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
}
