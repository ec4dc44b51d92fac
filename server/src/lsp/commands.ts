/**
 * The server's commands (`workspace/executeCommand`): renumbering a speech in
 * one edit, and checking every draft of the workspace with progress and
 * cancellation. The connection stays in `server.ts`; what these need from it
 * comes in as functions.
 */
import type { Position, WorkspaceEdit } from 'vscode-languageserver';
import { formatMessage, type Locale, type LocalizedText, type SpeechDocument } from '../core';
import { speechAtLine } from '../core/locate';
import { renumberEdits } from '../core/renumber';
import { toLspEdits } from './positions';
import { CHECK_WORKSPACE_COMMAND, DESCRIBE_DRAFTS_COMMAND, RENUMBER_COMMAND, type CheckResult } from './protocol';

export const SERVER_COMMANDS = [RENUMBER_COMMAND, CHECK_WORKSPACE_COMMAND, DESCRIBE_DRAFTS_COMMAND];

export const MESSAGES = {
  renumberLabel: { zh: '重新编号', en: 'Renumber' },
  nothingToRenumber: { zh: '序号都已连续，无须重新编号', en: 'The numbering is already in sequence: nothing to renumber' },
  checkTitle: { zh: '检查工作区中的发言稿', en: 'Checking the speech drafts in the workspace' },
  checkProgress: { zh: '{done}/{total}：{file}', en: '{done}/{total}: {file}' },
  noDrafts: { zh: '工作区中没有发言稿（*.speech.md、*.speech.txt、*.speech）', en: 'No speech drafts (*.speech.md, *.speech.txt, *.speech) in the workspace' },
  checked: { zh: '已检查{files}份发言稿：{withProblems}份有问题，共{problems}处', en: 'Checked {files} speech drafts: {problems} problems in {withProblems} of them' },
  cancelled: { zh: '检查已取消：已检查{files}份发言稿中的{done}份，共{problems}处问题', en: 'Check cancelled after {done} of {files} speech drafts: {problems} problems so far' },
} satisfies Record<string, LocalizedText>;

export interface RenumberArguments {
  uri: string;
  /** The cursor: the speech under it is renumbered. Without it, every speech of the document. */
  position?: Position;
}

/** Reads `[uri, position?]` as the client sends it; undefined when malformed. */
export function readRenumberArguments(args: readonly unknown[] | undefined): RenumberArguments | undefined {
  const [uri, position] = args ?? [];
  if (typeof uri !== 'string') return undefined;
  const p = position as Partial<Position> | undefined;
  return { uri, position: p && typeof p.line === 'number' && typeof p.character === 'number' ? { line: p.line, character: p.character } : undefined };
}

/**
 * One edit that renumbers the speech at `position` (or all speeches): every gap
 * and repeat at once, so a single undo restores the draft. Versioned when the
 * client accepts `documentChanges`, so an edit for an older text is refused.
 * Undefined when the numbering is already right.
 */
export function renumberWorkspaceEdit(doc: SpeechDocument, target: { uri: string; version: number; position?: Position }, versioned: boolean): WorkspaceEdit | undefined {
  const speech = target.position && speechAtLine(doc, target.position.line);
  const edits = toLspEdits(doc.lines, renumberEdits(doc, speech ? [speech] : doc.speeches));
  if (edits.length === 0) return undefined;
  if (versioned) return { documentChanges: [{ textDocument: { uri: target.uri, version: target.version }, edits }] };
  return { changes: { [target.uri]: edits } };
}

export interface CheckProgress {
  begin(title: string, message: string): void;
  report(percentage: number, message: string): void;
  done(): void;
}

/**
 * Checks `files` one after another: `checkFile` lints one, publishes its
 * diagnostics and says how many problems it has. Between files the event loop
 * runs, so a cancellation that arrives meanwhile is seen before the next file.
 */
export async function checkDrafts(
  files: readonly string[],
  checkFile: (file: string) => Promise<number>,
  io: { progress: CheckProgress; isCancelled: () => boolean; displayName: (file: string) => string; locale: Locale },
): Promise<CheckResult> {
  const { locale, progress } = io;
  const result: Omit<CheckResult, 'message'> = { files: files.length, done: 0, problems: 0, withProblems: 0, cancelled: false };
  if (files.length === 0) return { ...result, message: MESSAGES.noDrafts[locale] };
  progress.begin(MESSAGES.checkTitle[locale], '');
  try {
    for (const file of files) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (io.isCancelled()) {
        result.cancelled = true;
        break;
      }
      progress.report(Math.floor((result.done * 100) / files.length), formatMessage(MESSAGES.checkProgress[locale], { done: result.done + 1, total: files.length, file: io.displayName(file) }));
      const problems = await checkFile(file);
      result.done++;
      result.problems += problems;
      if (problems > 0) result.withProblems++;
    }
  } finally {
    progress.done();
  }
  const { files: total, done, problems, withProblems } = result;
  const message = formatMessage((result.cancelled ? MESSAGES.cancelled : MESSAGES.checked)[locale], { files: total, done, problems, withProblems });
  return { ...result, message };
}
