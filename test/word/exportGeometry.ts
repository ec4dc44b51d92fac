/**
 * Reading an exported .docx back as LibreOffice lays it out: soffice renders it
 * to PDF, `pdftotext -bbox` (poppler-utils) gives each word's box, and the
 * words are gathered into lines on the page and matched, in order, against
 * the paragraphs the .docx holds. A rendering that drops or adds a character
 * does not match, and says where.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const hasSoffice = spawnSync('soffice', ['--version'], { stdio: 'ignore' }).status === 0;

export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync(command, args, { encoding: 'utf8', env, timeout: 170_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.error}`);
  return result.stdout;
}

/** Converts `dir/<name>.docx` to `dir/<name>.pdf` with a LibreOffice profile of its own, fonts mapped as for Word. */
export function renderPdf(dir: string, name: string): string {
  run(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, `${name}.docx`)],
    // Maps 仿宋_GB2312 and friends to Noto CJK (full-width glyphs of 1 em, as the Windows fonts).
    { ...process.env, FONTCONFIG_FILE: join(__dirname, '..', 'fixtures', 'word', 'fonts.conf') },
  );
  return join(dir, `${name}.pdf`);
}

/** One line of text on a page, in points from the page's top left corner. */
export interface PdfLine {
  page: number;
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The lines of every page (1-based page numbers), top to bottom; words on one line joined without spaces. */
export function pdfLines(pdf: string): PdfLine[][] {
  const xhtml = run('pdftotext', ['-bbox', pdf, '-']);
  return xhtml
    .split('<page ')
    .slice(1)
    .map((pageXml, index) => {
      const words = [...pageXml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        left: Number(m[1]),
        top: Number(m[2]),
        right: Number(m[3]),
        bottom: Number(m[4]),
        text: m[5].replace(/&(\w+);/g, (all, name: string) => XML_ENTITIES[name] ?? all),
      }));
      const lines: PdfLine[] = [];
      // pdftotext lists a line's words together, left to right; a word whose box overlaps the
      // previous line's vertical middle belongs to it (titles and body share no line).
      for (const word of words) {
        const line = lines.find((l) => word.top < (l.top + l.bottom) / 2 && (l.top + l.bottom) / 2 < word.bottom);
        if (line) {
          line.text += word.text;
          line.left = Math.min(line.left, word.left);
          line.right = Math.max(line.right, word.right);
        } else {
          lines.push({ page: index + 1, ...word });
        }
      }
      return lines.sort((a, b) => a.top - b.top);
    });
}

/** A rendered line with the paragraph it belongs to. */
export interface PlacedLine extends PdfLine {
  /** Index of the paragraph in the document. */
  paragraph: number;
  /** First and last line of its paragraph. */
  first: boolean;
  last: boolean;
  /** The paragraph's text this line shows, spaces included (the PDF's words leave them out). */
  source: string;
}

const stripSpace = (text: string): string => text.replace(/\s+/g, '');

/**
 * Assigns each line, in reading order, to the paragraph whose text it continues. Throws, naming the
 * page and the text, at the first line that does not continue the expected paragraph.
 */
export function placeLines(lines: PdfLine[], paragraphs: string[]): PlacedLine[] {
  const placed: PlacedLine[] = [];
  let paragraph = 0;
  let consumed = '';
  for (const line of lines) {
    while (paragraph < paragraphs.length && stripSpace(paragraphs[paragraph]) === '') paragraph++;
    const original = paragraphs[paragraph] ?? '';
    const expected = stripSpace(original);
    const text = stripSpace(line.text);
    if (!expected.startsWith(consumed + text)) {
      const want = expected.slice(consumed.length, consumed.length + text.length + 5);
      throw new Error(`page ${line.page}: line "${line.text}" where paragraph ${paragraph + 1} goes on "${want}"`);
    }
    const first = consumed === '';
    const source = original.slice(sourceOffset(original, consumed.length), sourceOffset(original, consumed.length + text.length));
    consumed += text;
    const last = consumed === expected;
    placed.push({ ...line, paragraph, first, last, source });
    if (last) {
      paragraph++;
      consumed = '';
    }
  }
  if (paragraph < paragraphs.length) throw new Error(`the rendering ends in paragraph ${paragraph + 1} of ${paragraphs.length}`);
  return placed;
}

/** Offset in `text` of its `n`-th character that is not white space (its length past the last). */
function sourceOffset(text: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) continue;
    if (seen === n) return i;
    seen++;
  }
  return text.length;
}
