/**
 * The palette's commands: UI glue that forwards to the server (renumber, check
 * the workspace) or inserts the package's snippets. No language logic here.
 */
import { commands, ProgressLocation, Uri, window, workspace, type ExtensionContext } from 'vscode';
import { ExecuteCommandRequest, WorkDoneProgress, type LanguageClient } from 'vscode-languageclient/node';
import { CHECK_WORKSPACE_COMMAND, RENUMBER_COMMAND, type CheckResult } from '../../server/src/lsp/protocol';
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
  );
}

/** Inserts one of the package's snippets by name (the file is not contributed to VS Code, see server/src/lsp/completion.ts). */
function insertSnippet(name: string): Thenable<unknown> {
  const body = speechSnippets[name]?.body ?? '';
  return commands.executeCommand('editor.action.insertSnippet', { snippet: typeof body === 'string' ? body : body.join('\n') });
}

async function renumber(client: LanguageClient): Promise<void> {
  const editor = window.activeTextEditor;
  if (!editor || !isServed(client, editor.document)) {
    void window.showWarningMessage(t('notADraft'));
    return;
  }
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
  await window.showTextDocument(open ?? (await workspace.openTextDocument(copy)));
}
