/**
 * The status-bar item with the speaking time of the active draft. The server
 * computes and words it (`speech/statistics`); this only asks, at most every
 * `THROTTLE_MS` while the cursor moves or the text changes, and shows it.
 */
import { StatusBarAlignment, window, workspace, type ExtensionContext, type TextEditor } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SETTINGS_SECTION, STATISTICS_REQUEST, type StatisticsParams, type StatisticsResult } from '../../server/src/lsp/protocol';
import { isChecked } from './served';
import { t } from './strings';

const THROTTLE_MS = 300;

export function registerStatusBar(context: ExtensionContext, client: LanguageClient): void {
  const item = window.createStatusBarItem('speech.statistics', StatusBarAlignment.Right, 100);
  item.name = t('statusBarName');
  // A click opens the Settings UI at the reading pace, the figure the time rests on.
  item.command = { title: t('setPace'), command: 'workbench.action.openSettings', arguments: ['speech.readingPace'] };
  let pending: NodeJS.Timeout | undefined;
  /** Answers can arrive out of order: only the latest question's answer is shown. */
  let asked = 0;

  // Only checked drafts: asking about any other file would start the server for nothing.
  const isDraft = (editor: TextEditor | undefined): editor is TextEditor => !!editor && isChecked(editor.document);

  const update = async (): Promise<void> => {
    const editor = window.activeTextEditor;
    if (!isDraft(editor)) {
      item.hide();
      return;
    }
    const question = ++asked;
    const c2p = client.code2ProtocolConverter;
    const params: StatisticsParams = { textDocument: { uri: c2p.asUri(editor.document.uri) }, position: c2p.asPosition(editor.selection.active) };
    const result = await client.sendRequest<StatisticsResult | null>(STATISTICS_REQUEST, params).catch(() => null);
    if (question !== asked) return;
    if (!result) {
      item.hide();
      return;
    }
    item.text = `$(clock) ${result.text}`;
    item.tooltip = result.tooltip;
    item.show();
  };

  // Trailing-edge throttle: the first event starts the clock, later ones ride along, and the last always gets an update.
  const schedule = (): void => {
    pending ??= setTimeout(() => {
      pending = undefined;
      void update();
    }, THROTTLE_MS);
  };

  context.subscriptions.push(
    item,
    window.onDidChangeActiveTextEditor(schedule),
    window.onDidChangeTextEditorSelection((e) => e.textEditor === window.activeTextEditor && schedule()),
    workspace.onDidChangeTextDocument((e) => e.document === window.activeTextEditor?.document && schedule()),
    // A new reading pace (or any setting of ours) changes the figures: ask again.
    workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SETTINGS_SECTION) && schedule()),
    { dispose: () => clearTimeout(pending) },
  );
  schedule();
}
