/** Whether a document is one the language server is handed (its language is in the client's selector). */
import { languages, type TextDocument } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export function isServed(client: LanguageClient, document: TextDocument): boolean {
  const selector = client.clientOptions.documentSelector;
  if (!selector) return false;
  const filters = typeof selector[0] === 'string' ? (selector as string[]) : client.protocol2CodeConverter.asDocumentSelector(selector as Exclude<typeof selector, string[]>);
  return languages.match(filters, document) > 0;
}
