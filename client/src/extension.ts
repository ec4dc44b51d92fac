/**
 * The VS Code client: starts the language server and stops it, and hosts the
 * UI glue (palette commands, the status bar) that forwards to the server. All
 * language knowledge lives in the server, so the same checks run in any LSP editor.
 */
import * as path from 'node:path';
import { window, workspace, type ExtensionContext } from 'vscode';
import { CloseAction, LanguageClient, TransportKind, type ErrorHandler, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { SERVED_LANGUAGES, SETTINGS_SECTION, SHOW_RULE_DOCS_COMMAND, WORKSPACE_TRUSTED_NOTIFICATION, type InitializationOptions } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { registerPrintPreview } from './preview/panel';
import { registerRuleDocs } from './ruleDocs';
import { isChecked } from './served';
import { registerStatusBar } from './statusBar';
import { registerWordCommands } from './word';

/** Shown in the Output panel; the client id `speech` makes the library read `speech.trace.server`. */
const CLIENT_ID = 'speech';
const CLIENT_NAME = '发言稿检查 / Speech';

/** Restarts allowed within three minutes (the library's window) before the client gives up on a crashing server. */
const MAX_RESTARTS = 4;
const RESTARTING = '发言稿检查服务意外退出，正在重新启动。/ The speech checker stopped unexpectedly and is being restarted.';
const GIVING_UP = `发言稿检查服务在 3 分钟内崩溃了 ${MAX_RESTARTS + 1} 次，不再重新启动；详情见此输出面板。/ The speech checker crashed ${MAX_RESTARTS + 1} times in 3 minutes and will not be restarted; see this output panel for details.`;

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = { module: serverModule, transport: TransportKind.ipc };
  const outputChannel = window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    // Markdown and plain text go to the server too: it checks them only when
    // `speech.checkMarkdown` / `speech.checkPlaintext` say so, and stays silent otherwise.
    documentSelector: SERVED_LANGUAGES.flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel,
    errorHandler: restartPolicy(() => client),
    // Snippets come from the server's completion (Chinese labels; the package contributes no snippets file), rule
    // pages are shown rendered by the client. Asked at each start: trust may have been granted since activation.
    initializationOptions: (): InitializationOptions => ({ workspaceTrusted: workspace.isTrusted, ruleDocsCommand: SHOW_RULE_DOCS_COMMAND }),
  };
  const languageClient = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  client = languageClient;
  // Requests start the server themselves (the library starts a client on its first request).
  registerCommands(context, languageClient);
  registerStatusBar(context, languageClient);
  registerWordCommands(context, languageClient);
  registerRuleDocs(context);
  registerPrintPreview(context, languageClient);
  await startWhenNeeded(context, languageClient);
}

/**
 * VS Code activates the extension for every Markdown and plain-text file, since
 * activation cannot depend on settings; the server, a process of its own, is
 * started only once there is something for it to check: a speech draft, a
 * Markdown or plain-text file whose checking is switched on, or a
 * `.speechlintrc.json` in a trusted workspace (the server reports on it; in
 * Restricted Mode it reads none). Trust granted later is passed on to a running
 * server, which then reads the configuration and checks the drafts again.
 */
async function startWhenNeeded(context: ExtensionContext, languageClient: LanguageClient): Promise<void> {
  let starting: Promise<void> | undefined;
  // A failed start is reported by the library itself (output channel and notification).
  const start = (): Promise<void> => (starting ??= languageClient.start().catch(() => undefined));
  const anyChecked = (): boolean => workspace.textDocuments.some(isChecked);
  context.subscriptions.push(
    workspace.onDidOpenTextDocument((document) => isChecked(document) && void start()),
    workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(SETTINGS_SECTION) && anyChecked() && void start()),
  );
  // The configuration file is checked, and its diagnostics shown, only by a running server. Not awaited:
  // a search of a large workspace must not hold up activation.
  const startForConfiguration = (): void =>
    void workspace.findFiles('**/.speechlintrc.json', '**/node_modules/**', 1).then(
      (found) => found.length > 0 && void start(),
      () => undefined,
    );
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => {
      // A server started (or starting) before the grant was told the workspace is restricted; one started after learns it at initialization.
      if (starting) void starting.then(() => (languageClient.isRunning() ? languageClient.sendNotification(WORKSPACE_TRUSTED_NOTIFICATION) : undefined)).catch(() => undefined);
      else startForConfiguration();
    }),
  );
  if (anyChecked()) return start();
  if (workspace.isTrusted) startForConfiguration();
}

/**
 * The library's policy (restart a crashed server, give up after MAX_RESTARTS
 * crashes in three minutes), saying in both languages what happened: a
 * restart only in the output channel, giving up also in a notification.
 */
function restartPolicy(current: () => LanguageClient | undefined): ErrorHandler {
  let policy: ErrorHandler | undefined;
  const fallback = (): ErrorHandler => (policy ??= current()!.createDefaultErrorHandler(MAX_RESTARTS));
  return {
    error: (error, message, count) => fallback().error(error, message, count),
    closed: async () => {
      const result = await fallback().closed();
      return result.action === CloseAction.Restart ? { action: result.action, message: RESTARTING, handled: true } : { action: result.action, message: GIVING_UP };
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
