/**
 * The print preview: a webview beside the draft showing its pages as the export prints them.
 * The server lays the draft out (`speech/layout`) and words every figure; this panel asks as the
 * draft changes, hands the answer to the webview, follows the editor's scrolling and moves the
 * cursor where a printed line is clicked. UI glue only: no language logic here.
 */
import * as path from 'node:path';
import { commands, env, languages, Range, Uri, ViewColumn, window, workspace, type Disposable, type ExtensionContext, type TextDocument, type WebviewPanel } from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { LAYOUT_REQUEST, SETTINGS_SECTION, type LayoutParams, type LayoutResult } from '../../../server/src/lsp/protocol';
import { isChecked } from '../served';
import { fill, t } from '../strings';
import { previewHtml } from './html';
import type { FromWebview, ToWebview } from './messages';

export const OPEN_PREVIEW_COMMAND = 'speech.openPrintPreview';
const VIEW_TYPE = 'speech.printPreview';

export function registerPrintPreview(context: ExtensionContext, client: LanguageClient): void {
  let preview: PrintPreview | undefined;
  context.subscriptions.push(
    commands.registerCommand(OPEN_PREVIEW_COMMAND, (resource?: unknown) => {
      const document = draftFor(resource);
      if (!document) {
        void window.showWarningMessage(t('notADraft'));
        return;
      }
      if (preview) preview.show(document);
      else {
        preview = new PrintPreview(context, client, document);
        preview.onDispose(() => (preview = undefined));
      }
    }),
    // A preview open follows the draft in the active editor, as the Markdown preview does.
    window.onDidChangeActiveTextEditor((editor) => editor && isChecked(editor.document) && preview?.retarget(editor.document)),
    { dispose: () => preview?.dispose() },
  );
}

/** The draft to preview: the one whose title-bar button was pressed, else the active editor's. */
function draftFor(resource: unknown): TextDocument | undefined {
  const uri = resource instanceof Uri ? resource.toString() : window.activeTextEditor?.document.uri.toString();
  const document = workspace.textDocuments.find((d) => d.uri.toString() === uri);
  return document && isChecked(document) ? document : undefined;
}

class PrintPreview {
  private readonly panel: WebviewPanel;
  private readonly subscriptions: Disposable[] = [];
  private readonly disposed: Array<() => void> = [];
  /** A request is out: changes meanwhile only mark the layout stale, and one more request follows the answer. */
  private asking = false;
  private stale = false;
  /** The draft whose pages the webview shows. */
  private drawnFor: TextDocument | undefined;

  constructor(
    context: ExtensionContext,
    private readonly client: LanguageClient,
    private document: TextDocument,
  ) {
    const dist = Uri.joinPath(context.extensionUri, 'dist');
    this.panel = window.createWebviewPanel(VIEW_TYPE, this.title(), { viewColumn: ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [dist],
    });
    this.panel.webview.html = previewHtml(this.panel.webview, dist, env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en');
    const isMine = (document: TextDocument): boolean => document.uri.toString() === this.document.uri.toString();
    this.subscriptions.push(
      this.panel.webview.onDidReceiveMessage((message: FromWebview) => this.received(message)),
      workspace.onDidChangeTextDocument((e) => isMine(e.document) && e.contentChanges.length > 0 && this.update()),
      // Marks follow the diagnostics, which come after the check a change starts.
      languages.onDidChangeDiagnostics((e) => e.uris.some((uri) => uri.toString() === this.document.uri.toString()) && this.update()),
      // Settings and the configuration file set the page (lines, characters, reading pace).
      workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(SETTINGS_SECTION) && this.update()),
      // A restarted server knows nothing of the last answer: ask it again.
      this.client.onDidChangeState((e) => e.newState === State.Running && this.update()),
      window.onDidChangeTextEditorVisibleRanges((e) => isMine(e.textEditor.document) && this.follow(e.visibleRanges[0]?.start.line)),
      workspace.onDidCloseTextDocument((document) => isMine(document) && this.post({ type: 'notice', text: t('previewClosed') })),
    );
    this.panel.onDidDispose(() => {
      this.subscriptions.forEach((s) => s.dispose());
      this.disposed.forEach((f) => f());
    });
  }

  onDispose(listener: () => void): void {
    this.disposed.push(listener);
  }

  dispose(): void {
    this.panel.dispose();
  }

  /** Brings the panel up beside the draft, showing `document`. */
  show(document: TextDocument): void {
    this.retarget(document);
    this.panel.reveal(ViewColumn.Beside, true);
  }

  retarget(document: TextDocument): void {
    if (document.uri.toString() === this.document.uri.toString()) return;
    this.document = document;
    this.panel.title = this.title();
    this.update();
  }

  private title(): string {
    return fill(t('previewTitle'), { file: path.posix.basename(this.document.uri.path) });
  }

  private received(message: FromWebview): void {
    // A webview shown again after being hidden starts afresh.
    if (message.type === 'ready') {
      this.drawnFor = undefined;
      this.update();
    }
    else if (message.type === 'goto') void this.reveal(message.position);
  }

  /** Asks for the layout now, or, with a request out, right after its answer: typing is followed at the server's pace, with no timer. */
  private update(): void {
    if (this.asking) {
      this.stale = true;
      return;
    }
    this.asking = true;
    this.stale = false;
    const document = this.document;
    const params: LayoutParams = { textDocument: { uri: this.client.code2ProtocolConverter.asUri(document.uri) } };
    this.client
      .sendRequest<LayoutResult | null>(LAYOUT_REQUEST, params)
      .then(
        (layout) => {
          if (document !== this.document) return;
          if (layout) {
            this.post({ type: 'layout', layout });
            // The first pages drawn for a draft open where the editor is.
            if (this.drawnFor !== document) {
              this.drawnFor = document;
              this.follow(window.visibleTextEditors.find((e) => e.document === document)?.visibleRanges[0]?.start.line);
            }
          } else this.post({ type: 'notice', text: t('notADraft') });
          // The editor has moved on since the request: that version's layout follows.
          if (layout && layout.version !== document.version) this.stale = true;
        },
        // The server is not running (starting, restarting): its next start asks again.
        () => this.client.state !== State.Running && this.post({ type: 'notice', text: t('previewWaiting') }),
      )
      .finally(() => {
        this.asking = false;
        if (this.stale && this.client.state === State.Running) this.update();
      });
  }

  private follow(line: number | undefined): void {
    if (line !== undefined) this.post({ type: 'follow', line });
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  /** A click on a printed line: the cursor goes to its first character, in the editor showing the draft (opened beside if none does). */
  private async reveal(position: { line: number; character: number }): Promise<void> {
    const shown = window.visibleTextEditors.find((e) => e.document === this.document);
    const at = new Range(position.line, position.character, position.line, position.character);
    await window.showTextDocument(this.document, { viewColumn: shown?.viewColumn ?? ViewColumn.One, selection: at, preserveFocus: false });
  }
}
