/**
 * The VS Code client: starts the language server and stops it. All language
 * knowledge lives in the server, so the same checks run in any LSP editor.
 */
import * as path from 'node:path';
import { window, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

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
    documentSelector: [
      { scheme: 'file', language: 'speech' },
      { scheme: 'untitled', language: 'speech' },
    ],
    outputChannel,
  };
  client = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
