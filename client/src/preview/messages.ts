/** What the preview panel (extension host) and its webview say to each other. Types only: both sides import it. */
import type { LayoutResult } from '../../../server/src/lsp/protocol';

export type ToWebview =
  /** A new layout of the draft, to draw. */
  | { type: 'layout'; layout: LayoutResult }
  /** The editor scrolled: its first visible line of the draft, to bring the page holding it into view. */
  | { type: 'follow'; line: number }
  /** Nothing to draw (no draft, the server not answering): a sentence saying why. */
  | { type: 'notice'; text: string };

export type FromWebview =
  /** The script runs and listens: the panel sends what it has. */
  | { type: 'ready' }
  /** A click on a printed line: put the editor's cursor at its source. */
  | { type: 'goto'; position: { line: number; character: number } };
