/**
 * The VS Code client: starts the language server and stops it, and hosts the
 * UI glue (palette commands, the status bar) that forwards to the server. All
 * language knowledge lives in the server, so the same checks run in any LSP editor.
 */
import * as path from 'node:path';
import { window, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { InitializationOptions } from '../../server/src/lsp/protocol';
import { registerCommands } from './commands';
import { registerStatusBar } from './statusBar';

/** Shown in the Output panel; the client id `speech` makes the library read `speech.trace.server`. */
const CLIENT_ID = 'speech';
const CLIENT_NAME = '发言稿检查 / Speech';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = { module: serverModule, transport: TransportKind.ipc };
  const outputChannel = window.createOutputChannel(CLIENT_NAME, { log: true });
  context.subscriptions.push(outputChannel);
  const clientOptions: LanguageClientOptions = {
    // Markdown and plain text go to the server too: it checks them only when
    // `speech.checkMarkdown` / `speech.checkPlaintext` say so, and stays silent otherwise.
    documentSelector: ['speech', 'markdown', 'plaintext'].flatMap((language) => [
      { scheme: 'file', language },
      { scheme: 'untitled', language },
    ]),
    outputChannel,
    // VS Code shows the contributed snippets in completion already.
    initializationOptions: { editorShowsSnippets: true } satisfies InitializationOptions,
  };
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  await client.start();
  registerCommands(context, client);
  registerStatusBar(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
