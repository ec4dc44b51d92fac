/**
 * The print preview's page drawing, run inside the webview. It draws the
 * layout the server computed — nothing here knows the language — and reports
 * clicks on lines back to the panel. A new layout replaces only the pages that
 * changed, so typing redraws one or two pages, not the whole draft.
 */
import type { LayoutLine, LayoutPage, LayoutResult } from '../../../../server/src/lsp/protocol';
import type { FromWebview, ToWebview } from '../messages';
import './preview.css';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };

const vscode = acquireVsCodeApi();
const summary = document.getElementById('summary')!;
const pagesRoot = document.getElementById('pages')!;

/** Points to millimetres: sizes come in points, the page in millimetres. */
const MM_PER_PT = 25.4 / 72;

/** Each drawn page with the fingerprint of what it shows, so an unchanged page is kept as it is. */
let drawn: Array<{ key: string; element: HTMLElement }> = [];
/** The page frame (size, grid, fonts) last drawn: a change redraws every page. */
let frameKey = '';
/** Every drawn line by the draft line it starts on, in reading order, for following the editor. */
let lineIndex: Array<{ line: number; endLine: number; element: HTMLElement }> = [];

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  if (message.type === 'layout') draw(message.layout);
  else if (message.type === 'follow') follow(message.line);
  else if (message.type === 'notice') notice(message.text);
});

// One listener for every line (no handler per element, none inline: the CSP forbids those).
pagesRoot.addEventListener('click', (event) => {
  const line = (event.target as HTMLElement).closest<HTMLElement>('.line');
  if (!line?.dataset.line || !line.dataset.character) return;
  vscode.postMessage({ type: 'goto', position: { line: Number(line.dataset.line), character: Number(line.dataset.character) } });
});

window.addEventListener('resize', scaleToWidth);
scaleToWidth();
vscode.postMessage({ type: 'ready' });

/** The page fills the panel's width (at most its printed size): every length is a multiple of `--mm`. */
function scaleToWidth(): void {
  const width = document.documentElement.clientWidth - 32;
  const pageWidth = Number(document.body.dataset.pageWidth ?? '210');
  const pxPerMm = Math.max(0.5, Math.min(96 / 25.4, width / pageWidth));
  document.documentElement.style.setProperty('--mm', `${pxPerMm}px`);
}

function notice(text: string): void {
  summary.textContent = text;
  summary.classList.add('notice');
}

function draw(layout: LayoutResult): void {
  summary.textContent = layout.summary;
  summary.classList.remove('notice');
  const frame = JSON.stringify([layout.page, layout.fonts, layout.pageNumber]);
  if (frame !== frameKey) {
    frameKey = frame;
    setFrame(layout);
    for (const page of drawn) page.element.remove();
    drawn = [];
  }
  layout.pages.forEach((page, i) => {
    const key = JSON.stringify(page);
    if (drawn[i]?.key === key) return;
    const element = drawPage(page, layout);
    if (drawn[i]) drawn[i].element.replaceWith(element);
    else pagesRoot.append(element);
    drawn[i] = { key, element };
  });
  for (const gone of drawn.splice(layout.pages.length)) gone.element.remove();
  lineIndex = [...pagesRoot.querySelectorAll<HTMLElement>('.line')].map((element) => ({
    line: Number(element.dataset.line),
    endLine: Number(element.dataset.endLine),
    element,
  }));
}

/** Page size, margins, grid pitch and fonts as CSS variables: the stylesheet draws everything from them. */
function setFrame({ page, fonts, pageNumber }: LayoutResult): void {
  const root = document.documentElement.style;
  const values: Record<string, number> = {
    'page-width': page.width,
    'page-height': page.height,
    'margin-top': page.margin.top,
    'margin-left': page.margin.left,
    'margin-right': page.margin.right,
    'type-width': page.width - page.margin.left - page.margin.right,
    'type-height': page.height - page.margin.top - page.margin.bottom,
    'line-pitch': page.linePitch,
    'char-pitch': page.charPitch,
    'page-number-size': pageNumber.size * MM_PER_PT,
  };
  for (const [name, value] of Object.entries(values)) root.setProperty(`--${name}`, String(value));
  root.setProperty('--page-number-font', fonts[pageNumber.font] ?? 'serif');
  document.body.dataset.pageWidth = String(page.width);
  scaleToWidth();
}

function drawPage(page: LayoutPage, layout: LayoutResult): HTMLElement {
  const figure = element('figure', 'page-frame');
  figure.dataset.page = String(page.number);
  const caption = element('figcaption', 'caption', page.caption);
  const sheet = element('div', `page ${page.number % 2 === 1 ? 'odd' : 'even'}`);
  const type = element('div', 'type-area');
  for (const line of page.lines) type.append(drawLine(line, layout.fonts));
  sheet.append(type);
  // GB/T 9704: `— N —` under the type area, on the outer side (odd pages right, even pages left).
  if (layout.page.pageNumbers) sheet.append(element('div', 'page-number', `— ${page.number} —`));
  figure.append(caption, sheet);
  return figure;
}

function drawLine(line: LayoutLine, fonts: readonly string[]): HTMLElement {
  const div = element('div', `line align-${line.align}${line.grid ? ' grid' : ''}`);
  div.dataset.line = String(line.start.line);
  div.dataset.character = String(line.start.character);
  div.dataset.endLine = String(line.endLine);
  div.style.setProperty('--row', String(line.row));
  div.style.setProperty('--indent', String(line.indent));
  div.style.setProperty('--size', String(line.size * MM_PER_PT));
  for (const run of line.runs) {
    const span = element('span', 'run', run.text);
    span.style.fontFamily = fonts[run.font] ?? 'serif';
    div.append(span);
  }
  if (line.marks?.length) {
    const mark = element('span', `mark ${line.marks[0].severity}`);
    mark.title = line.marks.map((m) => m.message).join('\n');
    div.append(mark);
  }
  return div;
}

/** Brings the printed line holding the editor's first visible line to the top of the panel. */
function follow(editorLine: number): void {
  // Lines are in reading order, so their draft lines rise: the first one ending at or after the editor's line holds it.
  let low = 0;
  let high = lineIndex.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineIndex[mid].endLine < editorLine) low = mid + 1;
    else high = mid;
  }
  const target = lineIndex[Math.min(low, lineIndex.length - 1)];
  if (!target) return;
  for (const current of pagesRoot.querySelectorAll('.line.current')) current.classList.remove('current');
  target.element.classList.add('current');
  // A page's first line brings its caption into view with it.
  const first = target.element.parentElement?.firstElementChild === target.element;
  (first ? target.element.closest('.page-frame') ?? target.element : target.element).scrollIntoView({ block: 'start' });
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const made = document.createElement(tag);
  made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}
