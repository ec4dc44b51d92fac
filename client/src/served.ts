/** Which documents the language server is handed, and which of those it checks. */
import { languages, workspace, type TextDocument } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { checksLanguage, SETTINGS_SECTION } from '../../server/src/lsp/protocol';

/** Whether a document is one the language server is handed (its language is in the client's selector). */
export function isServed(client: LanguageClient, document: TextDocument): boolean {
  const selector = client.clientOptions.documentSelector;
  if (!selector) return false;
  const filters = typeof selector[0] === 'string' ? (selector as string[]) : client.protocol2CodeConverter.asDocumentSelector(selector as Exclude<typeof selector, string[]>);
  return languages.match(filters, document) > 0;
}

/** Whether the server checks a document: a speech draft, or Markdown / plain text with its setting on. */
export function isChecked(document: TextDocument): boolean {
  const settings = workspace.getConfiguration(SETTINGS_SECTION, document.uri);
  return checksLanguage(document.languageId, {
    checkMarkdown: settings.get('checkMarkdown') === true,
    checkPlaintext: settings.get('checkPlaintext') === true,
  });
}
