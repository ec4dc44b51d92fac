/** VS Code snippet files, imported as JSON (`with { type: 'json' }`) so esbuild bundles them. */
declare module '*.code-snippets' {
  import type { SnippetFile } from './lsp/completion';
  const snippets: SnippetFile;
  export default snippets;
}
