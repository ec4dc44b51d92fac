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
import { boundDocx, DEFAULT_LIMITS, type DocxLimits } from './docxBounds';
import { importRefusal } from './importError';
import type { NumberLabel } from './numbering';
import { numberLabels } from './numberLabels';
import { roleOfStyle } from './styles';

export type ImportNoteKind = 'table' | 'image' | 'footnote' | 'endnote' | 'comment' | 'checkbox' | 'line-break' | 'empty-paragraphs' | 'word-warning' | 'numbering';

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
}

interface WordDocument extends WordNode {
  notes: { resolve(reference: WordNode): { body: WordNode[] } | null };
  comments: { commentId: string; body: WordNode[] }[];
}

interface SourceParagraph {
  text: string;
  styleId: string | null;
}

/** A note waiting for its line: `at` is the index of the kept paragraph it was met in (or just before). */
interface PendingNote {
  kind: ImportNoteKind;
  at: number;
  message: LocalizedText;
}

/**
 * Reads the .docx bytes. Rejects with a `WordImportError` naming the cause when
 * they are not a Word document it can read within `limits`.
 */
export async function importDocx(buffer: Buffer, limits: DocxLimits = DEFAULT_LIMITS): Promise<ImportResult> {
  const checked = boundDocx(buffer, limits);
  const { document, warnings } = await readWordDocument(checked);
  // Word's automatic numbering (一、（一）1.) is drawn by Word, not written in the text: each numbered paragraph gets its label.
  const numbering = numberLabels(checked, document, limits);
  const reader = new ParagraphReader(document, numbering.labels);
  if (numbering.note) reader.note('word-warning', numbering.note);
  reader.block(document.children ?? []);
  for (const warning of warnings) {
    reader.note('word-warning', { zh: `Word 文件中有未能识别的内容：${warning}`, en: `Word content not understood: ${warning}` });
  }
  if (reader.emptyParagraphs > 0) {
    reader.note('empty-paragraphs', {
      zh: `已忽略 ${reader.emptyParagraphs} 个空段落`,
      en: `${reader.emptyParagraphs} empty paragraph(s) ignored`,
    });
  }
  const paragraphs = reader.paragraphs;
  const roles = assignRoles(paragraphs);
  const text = toMarkdown(paragraphs, roles);
  const notes = reader.pending.map(({ kind, at, message }): ImportNote => {
    if (kind === 'empty-paragraphs' || kind === 'word-warning' || paragraphs.length === 0) return { kind, message };
    // Paragraph k (0-based) lands on line 2k+1: one paragraph per line, a blank line between.
    return { kind, line: 2 * Math.min(at, paragraphs.length - 1) + 1, message };
  });
  return { text, notes };
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

  constructor(
    private readonly document: WordDocument,
    private readonly numberLabels: ReadonlyMap<WordNode, NumberLabel>,
  ) {}

  note(kind: ImportNoteKind, message: LocalizedText): void {
    this.pending.push({ kind, at: this.paragraphs.length, message });
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
        case 'text':
          this.current += node.value ?? '';
          break;
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
