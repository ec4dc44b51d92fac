/**
 * Import: a .docx in, a Markdown draft out (`#` titles, speaker line, one
 * paragraph per line, blank lines between), plus a list of what could not be
 * carried over. Paragraph roles come from this extension's own styles when the
 * file was exported by it, otherwise from the core parser reading the text.
 */
import mammoth from 'mammoth';
import { parse } from '../core/parse';
import type { LocalizedText } from '../core/rule';
import type { ParagraphRole } from '../core/model';
import { isIndentCode } from '../core/text/chars';
import { boundDocx, DEFAULT_LIMITS, type BoundDocx, type DocxLimits } from './docxBounds';
import { importRefusal } from './importError';
import type { NumberLabel } from './numbering';
import { numberLabels } from './numberLabels';
import { adaptMainPart, mainPartName, TEXT_BOX_MARK } from './mainPart';
import { roleOfStyle } from './styleIds';
import { marginParts, surveyDocument, visibleText, type DocumentSurvey, type PageMargin, type Revisions } from './survey';
import { symbolText } from './symbols';

export type ImportNoteKind =
  | 'table'
  | 'image'
  | 'footnote'
  | 'endnote'
  | 'comment'
  | 'checkbox'
  | 'line-break'
  | 'empty-paragraphs'
  | 'word-warning'
  | 'tracked-changes'
  | 'text-box'
  | 'header'
  | 'footer'
  | 'symbol'
  | 'numbering';

/** Notes that change nothing the reader of the draft will read: information, not a warning. */
const INFORMATION: ReadonlySet<ImportNoteKind> = new Set(['empty-paragraphs']);

/** How a note of `kind` is told: `warning` when what the reader will read changed, `info` otherwise (empty paragraphs dropped). */
export function noteSeverity(kind: ImportNoteKind): 'warning' | 'info' {
  return INFORMATION.has(kind) ? 'info' : 'warning';
}

/** Something in the Word file that the draft does not hold as it was. */
export interface ImportNote {
  kind: ImportNoteKind;
  /** 1-based line of the draft nearest to where it was, when it had a place. */
  line?: number;
  message: LocalizedText;
}

export interface ImportResult {
  /** The draft, LF line endings, ending with a newline. */
  text: string;
  notes: ImportNote[];
}

/** The parts of mammoth's document tree this module reads (mammoth ships no types for it). */
interface WordNode {
  type: string;
  children?: WordNode[];
  value?: string;
  styleId?: string | null;
  breakType?: string;
  noteType?: string;
  noteId?: string;
  commentId?: string;
  checked?: boolean;
  /** A run's font (`w:rFonts w:ascii`). */
  font?: string | null;
  /** A bookmark's name. */
  name?: string;
}

interface WordDocument extends WordNode {
  notes: { resolve(reference: WordNode): { body: WordNode[] } | null };
  comments: { commentId: string; body: WordNode[] }[];
}

interface SourceParagraph {
  text: string;
  styleId: string | null;
}

/** A note waiting for its line: `at` is the index of the kept paragraph it was met in (or just before); none for a note about the whole file. */
interface PendingNote {
  kind: ImportNoteKind;
  at?: number;
  message: LocalizedText;
}

/** What is read around mammoth: the zip it reads, and what the survey of the XML found. */
interface Prepared {
  zip: Buffer;
  survey: DocumentSurvey | undefined;
  margins: { kind: PageMargin; text: string }[];
}

/**
 * Reads the .docx bytes. Rejects with a `WordImportError` naming the cause when
 * they are not a Word document it can read within `limits`.
 */
export async function importDocx(buffer: Buffer, limits: DocxLimits = DEFAULT_LIMITS): Promise<ImportResult> {
  const prepared = prepare(boundDocx(buffer, limits), limits);
  const { document, warnings } = await readWordDocument(prepared.zip);
  // Word's automatic numbering (一、（一）1.) is drawn by Word, not written in the text: each numbered
  // paragraph gets its label, counted over the same bytes mammoth read.
  const numbering = numberLabels(prepared.zip, document, limits);
  const reader = new ParagraphReader(document, numbering.labels, prepared.survey?.readTextBoxHasText ?? []);
  if (numbering.note) reader.noteFile('word-warning', numbering.note);
  const revisions = prepared.survey?.revisions;
  if (revisions && revisions.inserted + revisions.deleted + revisions.moved > 0) reader.noteFile('tracked-changes', revisionsNote(revisions));
  reader.block(document.children ?? []);
  for (const text of prepared.survey?.unreadTextBoxes ?? []) {
    reader.noteFile('text-box', { zh: `文本框中的文字未能导入：“${text}”`, en: `Text in a text box could not be imported: "${text}"` });
  }
  for (const { kind, text } of prepared.margins) {
    reader.noteFile(
      kind,
      kind === 'header'
        ? { zh: `页眉不属于发言稿，未导入；内容为：${text}`, en: `The page header is not part of the draft and was left out; it reads: ${text}` }
        : { zh: `页脚不属于发言稿，未导入；内容为：${text}`, en: `The page footer is not part of the draft and was left out; it reads: ${text}` },
    );
  }
  for (const warning of warnings) {
    const symbol = /^A w:sym element with an unsupported character was ignored: char (\S+) in font (.*)$/.exec(warning);
    if (symbol) reader.noteFile('symbol', symbolNote(symbol[2], symbol[1]));
    else if (!isShapeLook(warning)) reader.noteFile('word-warning', { zh: `Word 文件中有未能识别的内容：${warning}`, en: `Word content not understood: ${warning}` });
  }
  if (reader.emptyParagraphs > 0) {
    reader.noteFile('empty-paragraphs', {
      zh: `已忽略 ${reader.emptyParagraphs} 个空段落`,
      en: `${reader.emptyParagraphs} empty paragraph(s) ignored`,
    });
  }
  const paragraphs = reader.paragraphs;
  const roles = assignRoles(paragraphs);
  const text = toMarkdown(paragraphs, roles);
  const notes = reader.pending.map(({ kind, at, message }): ImportNote => {
    if (at === undefined || paragraphs.length === 0) return { kind, message };
    // Paragraph k (0-based) lands on line 2k+1: one paragraph per line, a blank line between.
    return { kind, line: 2 * Math.min(at, paragraphs.length - 1) + 1, message };
  });
  return { text, notes };
}

/**
 * The zip mammoth is to read, its main part adapted (see mainPart.ts), and the
 * survey of that part and of the headers and footers. Without a main part
 * there is nothing to survey: mammoth refuses the file.
 */
function prepare(docx: BoundDocx, limits: DocxLimits): Prepared {
  const packageRelationships = docx.xml.get('_rels/.rels')?.toString('utf8');
  const name = mainPartName(packageRelationships);
  // A package that names its main document but lacks it lost a part on the way: damaged, not some other kind of file.
  if (packageRelationships !== undefined && !docx.names.has(name) && /\/officeDocument["']/.test(packageRelationships)) throw importRefusal('damaged');
  const main = docx.xml.get(name);
  if (!main) return { zip: docx.zip(), survey: undefined, margins: [] };
  const xml = main.toString('utf8');
  const adapted = adaptMainPart(xml);
  const replaced = new Map<string, Buffer>();
  if (adapted !== xml) {
    const bytes = Buffer.from(adapted, 'utf8');
    // The adaptation adds a bookmark per text box: it must not carry the XML past what mammoth can hold.
    const total = [...docx.xml.values()].reduce((n, part) => n + part.length, 0) - main.length + bytes.length;
    if (total > limits.xml) throw importRefusal('xml-too-large', { limit: limits.xml });
    replaced.set(name, bytes);
  }
  const slash = name.lastIndexOf('/');
  const relationships = docx.xml.get(`${name.slice(0, slash + 1)}_rels/${name.slice(slash + 1)}.rels`);
  const margins = relationships ? marginParts(relationships.toString('utf8'), name) : [];
  const seen = new Set<string>();
  const texts = margins.flatMap(({ kind, part }) => {
    const text = visibleText(docx.xml.get(part)?.toString('utf8') ?? '');
    // A page number alone ("— 1 —", as the export writes it) holds no words the draft could miss;
    // one section's first-page, even and odd headers often say the same.
    if (!/\p{L}/u.test(text) || seen.has(`${kind}\n${text}`)) return [];
    seen.add(`${kind}\n${text}`);
    return [{ kind, text }];
  });
  return { zip: docx.zip(replaced), survey: surveyDocument(xml), margins: texts };
}

function revisionsNote({ inserted, deleted, moved }: Revisions): LocalizedText {
  const zh = [inserted && `插入 ${inserted} 处`, deleted && `删除 ${deleted} 处`, moved && `移动 ${moved} 处`].filter(Boolean).join('、');
  const en = [inserted && `${inserted} insertion(s)`, deleted && `${deleted} deletion(s)`, moved && `${moved} move(s)`].filter(Boolean).join(', ');
  return {
    zh: `文档中有未接受的修订（${zh}），已按全部接受后的文字导入`,
    en: `The document holds tracked changes not yet accepted (${en}); imported as it reads with all of them accepted`,
  };
}

function symbolNote(font: string, code: string): LocalizedText {
  return {
    zh: `字体“${font}”中的符号 ${code} 无法转换为文字，已略去`,
    en: `A symbol (${code} in the font "${font}") has no known text form and was left out`,
  };
}

/**
 * mammoth's warning about a VML element it skips that only says how a shape
 * looks (fill, stroke, path, wrapping): VML holds text only in `v:textbox`,
 * which mammoth reads, and `v:textpath` (WordArt), whose warning stays.
 */
function isShapeLook(warning: string): boolean {
  return /^An unrecognised element was ignored: (?:v|o|w10):(?!textpath$)/.test(warning);
}

/** `checked` has passed `boundDocx`: mammoth inflates only what was inflated within bounds there. */
async function readWordDocument(checked: Buffer): Promise<{ document: WordDocument; warnings: string[] }> {
  let captured: WordDocument | undefined;
  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    // mammoth's documented hook hands over the document tree it read; returning it
    // emptied skips the HTML conversion (and its warnings about unmapped styles).
    result = await mammoth.convertToHtml(
      { buffer: checked },
      {
        transformDocument: (document: WordDocument) => {
          captured = document;
          return { ...document, children: [] };
        },
      },
    );
  } catch (error) {
    // The zip was whole: a zip of other things has no main document part, a Word document that fails to parse was spoilt.
    throw importRefusal(error instanceof Error && /main document part/.test(error.message) ? 'not-word' : 'damaged');
  }
  if (!captured) throw importRefusal('not-word');
  return { document: captured, warnings: result.messages.map((m) => m.message) };
}

class ParagraphReader {
  readonly paragraphs: SourceParagraph[] = [];
  readonly pending: PendingNote[] = [];
  emptyParagraphs = 0;
  private tables = 0;
  private current = '';
  /** The font of the run being read. */
  private font: string | null = null;

  /** How many text-box markers have been met. */
  private textBoxes = 0;

  /** `textBoxHasText`: for each text box mammoth reads, in order, whether it holds text (an empty one gets no note). */
  constructor(
    private readonly document: WordDocument,
    private readonly numberLabels: ReadonlyMap<WordNode, NumberLabel>,
    private readonly textBoxHasText: readonly boolean[],
  ) {}

  note(kind: ImportNoteKind, message: LocalizedText): void {
    this.pending.push({ kind, at: this.paragraphs.length, message });
  }

  /** A note about the file as a whole, with no line. */
  noteFile(kind: ImportNoteKind, message: LocalizedText): void {
    this.pending.push({ kind, message });
  }

  /** Block-level content: paragraphs, and tables whose cells hold paragraphs. */
  block(nodes: readonly WordNode[]): void {
    for (const node of nodes) {
      if (node.type === 'paragraph') this.paragraph(node);
      else if (node.type === 'table') {
        this.tables++;
        this.note('table', {
          zh: `第 ${this.tables} 个表格已拆成段落导入，请核对`,
          en: `Table ${this.tables} was imported as plain paragraphs, one per cell paragraph; check it`,
        });
        this.block(node.children ?? []);
      } else if (node.type === 'bookmarkStart' && node.name === TEXT_BOX_MARK) {
        if (this.textBoxHasText[this.textBoxes++] === false) continue;
        this.note('text-box', {
          zh: '此处起的段落来自文本框，已作为单独的段落放在文本框所在段落之后，请核对位置',
          en: 'The paragraph(s) from here come from a text box and were placed after the paragraph it stands in; check where they belong',
        });
      } else this.block(node.children ?? []);
    }
  }

  private paragraph(node: WordNode): void {
    this.current = '';
    this.inline(node.children ?? []);
    const text = trimIndent(this.current);
    const number = this.numberLabels.get(node);
    if (text === '') this.emptyParagraphs++;
    else {
      if (number?.note) this.note('numbering', number.note);
      this.paragraphs.push({ text: (number?.text ?? '') + text, styleId: node.styleId ?? null });
    }
  }

  private inline(nodes: readonly WordNode[]): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'run': {
          const outer = this.font;
          this.font = node.font ?? null;
          this.inline(node.children ?? []);
          this.font = outer;
          break;
        }
        case 'text': {
          // A soft hyphen (w:softHyphen, or U+00AD typed) shows only where Word breaks a line there; a draft has no such breaks.
          const { text, unknown } = symbolText((node.value ?? '').replace(/\u00ad/g, ''), this.font);
          this.current += text;
          for (const code of unknown) this.note('symbol', symbolNote(this.font ?? '', code));
          break;
        }
        case 'tab':
          this.current += ' ';
          break;
        case 'break':
          // A draft holds a paragraph on one line: a soft line break joins (Chinese needs no space).
          if (node.breakType === 'line') {
            this.note('line-break', { zh: '段内换行已合并为一段', en: 'A line break inside a paragraph was joined into one line' });
          }
          break;
        case 'image':
          this.note('image', { zh: '图片无法导入草稿，已略去', en: 'An image cannot be held by a draft and was left out' });
          break;
        case 'noteReference':
          this.footnote(node);
          break;
        case 'commentReference':
          this.comment(node);
          break;
        case 'checkbox':
          this.note('checkbox', { zh: '复选框已略去', en: 'A checkbox was left out' });
          break;
        default:
          this.inline(node.children ?? []);
      }
    }
  }

  private footnote(reference: WordNode): void {
    const kind: ImportNoteKind = reference.noteType === 'endnote' ? 'endnote' : 'footnote';
    const body = plainText(this.document.notes.resolve(reference)?.body ?? []);
    this.note(
      kind,
      kind === 'endnote'
        ? { zh: `尾注未导入，内容为：${body}`, en: `Endnote not imported; it reads: ${body}` }
        : { zh: `脚注未导入，内容为：${body}`, en: `Footnote not imported; it reads: ${body}` },
    );
  }

  private comment(reference: WordNode): void {
    const comment = this.document.comments.find((c) => c.commentId === reference.commentId);
    const body = plainText(comment?.body ?? []);
    this.note('comment', { zh: `批注未导入，内容为：${body}`, en: `Comment not imported; it reads: ${body}` });
  }
}

function plainText(nodes: readonly WordNode[]): string {
  const parts: string[] = [];
  const visit = (node: WordNode): void => {
    if (node.type === 'text') parts.push(node.value ?? '');
    else if (node.type === 'paragraph' && parts.length > 0) parts.push(' ');
    node.children?.forEach(visit);
  };
  nodes.forEach(visit);
  return parts.join('').trim();
}

function trimIndent(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isIndentCode(text.charCodeAt(start))) start++;
  while (end > start && isIndentCode(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Roles from our own styles when the file has them; else whatever the parser makes of the text. */
function assignRoles(paragraphs: readonly SourceParagraph[]): ParagraphRole[] {
  const styled = paragraphs.map((p) => roleOfStyle(p.styleId));
  if (styled.some((role) => role !== undefined && role !== 'body')) return styled.map((role) => role ?? 'body');
  const doc = parse(paragraphs.map((p) => p.text).join('\n'));
  const byLine = new Map(doc.paragraphs.map((p) => [p.line, p.role] as const));
  return paragraphs.map((_, i) => byLine.get(i) ?? 'body');
}

function toMarkdown(paragraphs: readonly SourceParagraph[], roles: readonly ParagraphRole[]): string {
  const compilation = roles.includes('compilation-title') || roles.filter((r) => r === 'speech-title').length > 1;
  const prefix: Readonly<Record<ParagraphRole, string>> = {
    'compilation-title': '# ',
    'compilation-subtitle': '## ',
    'speech-title': compilation ? '### ' : '# ',
    'speech-subtitle': '',
    speaker: '',
    body: '',
  };
  if (paragraphs.length === 0) return '';
  return paragraphs.map((p, i) => prefix[roles[i]] + p.text).join('\n\n') + '\n';
}
