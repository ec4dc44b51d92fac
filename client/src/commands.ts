/**
 * The palette's commands: UI glue that forwards to the server (renumber, check
 * the workspace) or inserts the package's snippets. No language logic here.
 * Commands that act on a draft act on the one in the editor, or, when focus is
 * elsewhere (the walkthrough beside the example it opened), on the draft shown
 * beside it, focused first.
 */
import { commands, languages, ProgressLocation, Selection, Uri, window, workspace, type Diagnostic, type ExtensionContext, type TextDocument, type TextEditor } from 'vscode';
import { ExecuteCommandRequest, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { CHECK_WORKSPACE_COMMAND, DIAGNOSTIC_SOURCE, RENUMBER_COMMAND, type CheckResult } from '../../server/src/lsp/protocol';
import speechSnippets from '../../snippets/speech.code-snippets' with { type: 'json' };
import { isServed } from './served';
import { t } from './strings';

/** The example the walkthrough opens: a short draft with a numbering fault to fix. */
const EXAMPLE_DRAFT = ['examples', 'section-faults.speech.md'];

export function registerCommands(context: ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand('speech.renumber', () => renumber(client)),
    commands.registerCommand('speech.insertSkeleton', () => insertSnippet('发言稿全文')),
    commands.registerCommand('speech.insertCompilationHeader', () => insertSnippet('发言摘登标题')),
    commands.registerCommand('speech.checkWorkspace', () => checkWorkspace(client)),
    commands.registerCommand('speech.openExample', () => openExample(context)),
    commands.registerCommand('speech.showOutline', () => showOutline(client)),
    commands.registerCommand('speech.showQuickFix', () => showQuickFix(client)),
  );
}

/** Inserts one of the package's snippets by name (the file is not contributed to VS Code, see server/src/lsp/completion.ts). */
function insertSnippet(name: string): Thenable<unknown> {
  const body = speechSnippets[name]?.body ?? '';
  return commands.executeCommand('editor.action.insertSnippet', { snippet: typeof body === 'string' ? body : body.join('\n') });
}

/** The example opened last: what the walkthrough's later steps act on while it is open. */
let example: TextDocument | undefined;

/**
 * The draft to act on, focused: the active editor's, else one shown beside
 * (the example first), else the example in a tab of its own. Warns and gives
 * nothing when no draft is open.
 */
async function focusDraft(client: LanguageClient): Promise<TextEditor | undefined> {
  const active = window.activeTextEditor;
  if (active && isServed(client, active.document)) return active;
  const open = (d: TextDocument | undefined): d is TextDocument => !!d && !d.isClosed && isServed(client, d);
  const beside = window.visibleTextEditors.filter((e) => open(e.document));
  const target = beside.find((e) => e.document === example)?.document ?? beside[0]?.document ?? (open(example) ? example : undefined);
  if (!target) {
    void window.showWarningMessage(t('notADraft'));
    return undefined;
  }
  const column = window.visibleTextEditors.find((e) => e.document === target)?.viewColumn;
  return window.showTextDocument(target, { viewColumn: column, preserveFocus: false });
}

async function showOutline(client: LanguageClient): Promise<void> {
  if (await focusDraft(client)) await commands.executeCommand('outline.focus');
}

/** Puts the cursor on the draft's first problem that has a fix (in the example, the misnumbered `三、`) and opens its quick fixes. */
async function showQuickFix(client: LanguageClient): Promise<void> {
  const editor = await focusDraft(client);
  if (!editor) return;
  const problems = languages.getDiagnostics(editor.document.uri).filter((d) => d.source === DIAGNOSTIC_SOURCE);
  const fixable = problems.find(hasFix) ?? problems[0];
  if (fixable) {
    editor.selection = new Selection(fixable.range.start, fixable.range.start);
    editor.revealRange(fixable.range);
  }
  await commands.executeCommand('editor.action.quickFix');
}

/**
 * Our diagnostics carry their fix in `data` (server/src/lsp/diagnostics.ts),
 * which the language client keeps on the diagnostics it makes (its
 * `ProtocolDiagnostic`); the client only asks whether there is one.
 */
function hasFix(diagnostic: Diagnostic): boolean {
  const data = (diagnostic as Diagnostic & { data?: unknown }).data;
  return typeof data === 'object' && data !== null && Array.isArray((data as { fix?: unknown }).fix);
}

async function renumber(client: LanguageClient): Promise<void> {
  const editor = await focusDraft(client);
  if (!editor) return;
  const c2p = client.code2ProtocolConverter;
  // The server applies the edit itself (workspace/applyEdit): one undo step.
  const result = await client.sendRequest(ExecuteCommandRequest.type, {
    command: RENUMBER_COMMAND,
    arguments: [c2p.asUri(editor.document.uri), c2p.asPosition(editor.selection.active)],
  });
  if (result === null) void window.showWarningMessage(t('notADraft'));
}

async function checkWorkspace(client: LanguageClient): Promise<void> {
  const result = await window.withProgress({ location: ProgressLocation.Notification, title: t('checking'), cancellable: true }, async (progress, token) => {
    const workDoneToken = `speech-check-${Date.now()}`;
    let reported = 0;
    const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
      if (value.kind === 'end') return;
      const percentage = value.percentage ?? reported;
      progress.report({ message: value.message, increment: percentage - reported });
      reported = percentage;
    });
    try {
      return (await client.sendRequest(ExecuteCommandRequest.type, { command: CHECK_WORKSPACE_COMMAND, arguments: [], workDoneToken }, token)) as CheckResult | null;
    } finally {
      listener.dispose();
    }
  });
  if (!result) return;
  if (result.problems === 0) {
    void window.showInformationMessage(result.message);
    return;
  }
  const choice = await window.showInformationMessage(result.message, t('showProblems'));
  if (choice) await commands.executeCommand('workbench.actions.view.problems');
}

/**
 * Opens a copy of the example draft kept in the extension's storage, so trying fixes on it never
 * touches the installed extension, and its tab is titled by its file name (an untitled copy would
 * be titled by its first line, `### 强化责任担当…`). A copy already open is shown as it is; a closed
 * one is refreshed from the package.
 */
async function openExample(context: ExtensionContext): Promise<void> {
  const copy = Uri.joinPath(context.globalStorageUri, ...EXAMPLE_DRAFT);
  const open = workspace.textDocuments.find((d) => d.uri.toString() === copy.toString());
  if (!open) {
    await workspace.fs.createDirectory(Uri.joinPath(copy, '..'));
    await workspace.fs.writeFile(copy, await workspace.fs.readFile(Uri.joinPath(context.extensionUri, ...EXAMPLE_DRAFT)));
  }
  example = open ?? (await workspace.openTextDocument(copy));
  await window.showTextDocument(example);
}
