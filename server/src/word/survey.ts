/**
 * What the import needs to say about a .docx beyond the text mammoth hands
 * over: how many tracked changes were accepted on the way in, the text of
 * text boxes mammoth cannot reach, and what the headers and footers say.
 */
import { attribute, walkXml } from './partXml';

export interface Revisions {
  /** `w:ins`: inserted runs, paragraph marks, table rows. */
  inserted: number;
  /** `w:del`: deleted runs, paragraph marks, table rows. */
  deleted: number;
  /** Moves: text moved away and kept where it landed. */
  moved: number;
}

export interface DocumentSurvey {
  revisions: Revisions;
  /**
   * The text of each text box mammoth does not read: mammoth takes the VML
   * `mc:Fallback` of `mc:AlternateContent` and no text from DrawingML, so a
   * DrawingML shape without a VML fallback (a bare `wp:anchor`, or a
   * `mc:Choice` whose fallback has no text box) would be lost unsaid.
   */
  unreadTextBoxes: string[];
  /** For each text box mammoth reads, in document order: whether it holds any text. */
  readTextBoxHasText: boolean[];
}

/** The VML elements mammoth reads through to a text box; any other (v:oval, v:line…) hides the text inside it from mammoth. */
const READ_VML = new Set(['v:shape', 'v:rect', 'v:roundrect', 'v:group', 'v:textbox']);

interface Alternatives {
  /** Text boxes met in `mc:Choice`, waiting to learn whether the fallback reads one. */
  unread: string[];
  fallbackReadsBox: boolean;
}

/** A survey of the main document part. Revisions inside a `mc:Choice` are not counted: the same change stands in the fallback mammoth reads. */
export function surveyDocument(xml: string): DocumentSurvey {
  const revisions: Revisions = { inserted: 0, deleted: 0, moved: 0 };
  const unreadTextBoxes: string[] = [];
  const readTextBoxHasText: boolean[] = [];
  const frames: Alternatives[] = [];
  let choice = 0;
  let fallback = 0;
  let drawing = 0;
  let opaqueVml = 0;
  let box: { text: string[]; read: boolean } | undefined;
  let boxDepth = 0;
  let inText = false;
  // Word marks a move as a named range (w:moveFromRangeStart) around moved runs and paragraph marks;
  // a writer that leaves the ranges out has only the moved runs to count.
  let moveRanges = 0;
  let movedRuns = 0;
  let properties = 0;
  walkXml(xml, {
    start(name) {
      switch (name) {
        case 'w:pPr':
          properties++;
          break;
        case 'w:moveFromRangeStart':
          if (choice === 0) moveRanges++;
          break;
        case 'w:moveFrom':
          if (choice === 0 && properties === 0) movedRuns++;
          break;
        case 'mc:AlternateContent':
          frames.push({ unread: [], fallbackReadsBox: false });
          break;
        case 'mc:Choice':
          choice++;
          break;
        case 'mc:Fallback':
          fallback++;
          break;
        case 'wp:anchor':
        case 'wp:inline':
          drawing++;
          break;
        case 'w:txbxContent':
          if (boxDepth++ === 0) box = { text: [], read: choice === 0 && drawing === 0 && opaqueVml === 0 };
          break;
        case 'w:p':
          if (box && box.text.length > 0) box.text.push(' ');
          break;
        case 'w:t':
          inText = true;
          break;
        default:
          if (name.startsWith('v:') && !READ_VML.has(name)) opaqueVml++;
          else if (choice === 0) count(name, revisions);
      }
    },
    end(name) {
      switch (name) {
        case 'w:pPr':
          properties = Math.max(0, properties - 1);
          break;
        case 'mc:AlternateContent': {
          const frame = frames.pop();
          // Both branches hold the same box: said once.
          if (frame && !frame.fallbackReadsBox) (frames.at(-1)?.unread ?? unreadTextBoxes).push(...new Set(frame.unread));
          break;
        }
        case 'mc:Choice':
          choice = Math.max(0, choice - 1);
          break;
        case 'mc:Fallback':
          fallback = Math.max(0, fallback - 1);
          break;
        case 'wp:anchor':
        case 'wp:inline':
          drawing = Math.max(0, drawing - 1);
          break;
        case 'w:txbxContent':
          if (--boxDepth === 0 && box) {
            const frame = frames.at(-1);
            const text = box.text.join('').trim();
            if (box.read) {
              readTextBoxHasText.push(text !== '');
              if (frame && fallback > 0) frame.fallbackReadsBox = true;
            } else if (text !== '') (frame ? frame.unread : unreadTextBoxes).push(text);
            box = undefined;
          }
          boxDepth = Math.max(0, boxDepth);
          break;
        case 'w:t':
          inText = false;
          break;
        default:
          if (name.startsWith('v:') && !READ_VML.has(name)) opaqueVml = Math.max(0, opaqueVml - 1);
      }
    },
    text(decoded) {
      if (inText && box) box.text.push(decoded);
    },
  });
  revisions.moved = moveRanges > 0 ? moveRanges : movedRuns;
  return { revisions, unreadTextBoxes, readTextBoxHasText };
}

function count(name: string, revisions: Revisions): void {
  if (name === 'w:ins') revisions.inserted++;
  else if (name === 'w:del') revisions.deleted++;
}

/**
 * The text a reader sees in a header or footer part, paragraphs joined by a
 * space: `w:t` only (so no deleted text, no field instructions), one branch of
 * each `mc:AlternateContent`, moved-away text left out.
 */
export function visibleText(xml: string): string {
  const parts: string[] = [];
  let hidden = 0;
  let inText = false;
  walkXml(xml, {
    start(name) {
      if (name === 'mc:Choice' || name === 'w:moveFrom' || name === 'w:del') hidden++;
      else if (name === 'w:p' && parts.length > 0) parts.push(' ');
      else if (name === 'w:t') inText = true;
    },
    end(name) {
      if (name === 'mc:Choice' || name === 'w:moveFrom' || name === 'w:del') hidden = Math.max(0, hidden - 1);
      else if (name === 'w:t') inText = false;
    },
    text(decoded) {
      if (inText && hidden === 0) parts.push(decoded);
    },
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export type PageMargin = 'header' | 'footer';

/** The header and footer parts a main part's relationships name, as zip entry names. */
export function marginParts(relationshipsXml: string, mainPart: string): { kind: PageMargin; part: string }[] {
  const found: { kind: PageMargin; part: string }[] = [];
  walkXml(relationshipsXml, {
    start(name, attributes) {
      if (!name.endsWith('Relationship')) return;
      const kind = /\/(header|footer)$/.exec(attribute(attributes, 'Type') ?? '')?.[1] as PageMargin | undefined;
      const target = attribute(attributes, 'Target');
      if (kind && target && attribute(attributes, 'TargetMode') !== 'External') found.push({ kind, part: resolvePart(mainPart, target) });
    },
    end() {},
    text() {},
  });
  return found;
}

/** A relationship target as a zip entry name: relative to the source part's folder, or absolute from the package root. */
export function resolvePart(source: string, target: string): string {
  const segments = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '.' && segment !== '') segments.push(segment);
  }
  return segments.join('/');
}
