/** The print preview's page: the packaged script and stylesheet only, under a Content-Security-Policy that allows nothing else. */
import { randomBytes } from 'node:crypto';
import { Uri, type Webview } from 'vscode';

/**
 * No remote content, no inline script or style, no handler attributes: the one script runs by its nonce,
 * the stylesheet and everything else come from the extension's `dist/` (the webview's only resource root).
 */
export function previewHtml(webview: Webview, dist: Uri, language: 'zh' | 'en'): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
  ].join('; ');
  const script = webview.asWebviewUri(Uri.joinPath(dist, 'preview.js'));
  const style = webview.asWebviewUri(Uri.joinPath(dist, 'preview.css'));
  return `<!DOCTYPE html>
<html lang="${language === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
</head>
<body>
<header id="summary" role="status"></header>
<main id="pages"></main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}
