/**
 * Shows a rule's page, as the diagnostics' rule links ask (`SHOW_RULE_DOCS_COMMAND`): the
 * packaged Markdown rendered in VS Code's Markdown preview, read-only, never an editable
 * source. The server chose the page (its language among them); this only displays it.
 */
import { commands, Uri, type ExtensionContext } from 'vscode';
import { SHOW_RULE_DOCS_COMMAND } from '../../server/src/lsp/protocol';

export function registerRuleDocs(context: ExtensionContext): void {
  const docsRoot = Uri.joinPath(context.extensionUri, 'docs');
  context.subscriptions.push(commands.registerCommand(SHOW_RULE_DOCS_COMMAND, (page: unknown) => showRuleDocs(docsRoot, page)));
}

async function showRuleDocs(docsRoot: Uri, page: unknown): Promise<void> {
  const relative = typeof page === 'string' ? packagedPage(docsRoot, Uri.parse(page)) : undefined;
  // A command link can come from any Markdown VS Code renders: only the package's own pages are shown.
  if (relative === undefined) return;
  await commands.executeCommand('markdown.showPreview', Uri.joinPath(docsRoot, ...relative));
}

/** The segments of `page` under the package's `docs/` folder, when it is a Markdown page there. */
function packagedPage(docsRoot: Uri, page: Uri): string[] | undefined {
  // Compared by path: the server names the page as a file URL, the extension host may see its folder under another scheme.
  const root = `${docsRoot.path.replace(/\/$/, '')}/`;
  if (!page.path.startsWith(root) || !page.path.endsWith('.md')) return undefined;
  const segments = page.path.slice(root.length).split('/');
  return segments.every((s) => s !== '' && s !== '.' && s !== '..') ? segments : undefined;
}
