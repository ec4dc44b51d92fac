/**
 * Word's automatic numbering for the paragraphs mammoth read. mammoth tells a
 * paragraph's list level but not which list (`w:numId`) it belongs to, so
 * the count cannot be taken from its tree: this reads the document part
 * itself, walking it as mammoth walks it (the same containers, `mc:Fallback`
 * of a choice, no deleted paragraph or table row), counts there, and hands
 * the labels to mammoth's paragraphs one for one. The two walks are checked
 * against each other (as many paragraphs, the same style on each); if they
 * differ, no label is given and a note says so: a number on the wrong
 * paragraph would be worse than none.
 */
import type { LocalizedText } from '../core/rule';
import { DEFAULT_LIMITS, readCheckedParts, type DocxLimits } from './docxBounds';
import { Numbering, type NumberLabel, type ParagraphNumberingProperties } from './numbering';
import { xmlTags, xmlText } from './xmlTags';

/** The part of a mammoth document node this module reads. */
export interface TreeNode {
  type: string;
  styleId?: string | null;
  /** mammoth's own finding that the paragraph is in a list (its level, not its list). */
  numbering?: unknown;
  children?: TreeNode[];
}

export interface NumberLabels {
  /** Each numbered paragraph node of the tree and the label Word draws before it. */
  labels: Map<TreeNode, NumberLabel>;
  /** Said once when the numbering was there but could not be placed. */
  note?: LocalizedText;
}

const RELATIONSHIP = {
  document: /\/officeDocument$/,
  numbering: /\/numbering$/,
  styles: /\/styles$/,
};

export function numberLabels(docx: Buffer, tree: TreeNode, limits: DocxLimits = DEFAULT_LIMITS): NumberLabels {
  const none: NumberLabels = { labels: new Map() };
  const documentPart = relationships(docx, '', limits).find((r) => RELATIONSHIP.document.test(r.type))?.part;
  if (!documentPart) return none;
  const fromDocument = relationships(docx, documentPart, limits);
  const numberingPart = fromDocument.find((r) => RELATIONSHIP.numbering.test(r.type))?.part;
  // No numbering part, no list: the common case costs one look at two small parts.
  if (!numberingPart) return none;
  const stylesPart = fromDocument.find((r) => RELATIONSHIP.styles.test(r.type))?.part;
  const parts = readCheckedParts(docx, [documentPart, numberingPart, ...(stylesPart ? [stylesPart] : [])], limits);
  const text = (name: string | undefined): string | undefined => {
    const bytes = name === undefined ? undefined : parts.get(name);
    return bytes && xmlText(bytes);
  };
  const numbering = new Numbering(text(numberingPart), text(stylesPart));
  const documentXml = text(documentPart);
  if (numbering.empty || documentXml === undefined) return none;

  const source = documentParagraphs(documentXml);
  const read = treeParagraphs(tree);
  const matched = source.length === read.length && source.every((p, i) => p.styleId === (read[i].styleId ?? null));
  const labels = source.map((p) => numbering.next(p));
  if (!matched) {
    // Silent only when neither reading saw a numbered paragraph.
    if (!labels.some((label) => label !== undefined) && !read.some((p) => p.numbering)) return none;
    return {
      labels: new Map(),
      note: {
        zh: 'Word 自动编号（如“一、”“（一）”）未能与段落逐一对应，编号未导入，请对照原文补上',
        en: 'Word\'s automatic numbering (such as "一、", "（一）") could not be matched to the paragraphs and was not imported; add it from the original',
      },
    };
  }
  const map = new Map<TreeNode, NumberLabel>();
  labels.forEach((label, i) => {
    if (label) map.set(read[i], label);
  });
  return { labels: map };
}

/** The internal relationships of `source` ('' for the package): each one's type and target part name. */
function relationships(docx: Buffer, source: string, limits: DocxLimits): { type: string; part: string }[] {
  const folder = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
  const relsName = `${folder}_rels/${source.slice(folder.length)}.rels`;
  const rels = readCheckedParts(docx, [relsName], limits).get(relsName);
  if (!rels) return [];
  const out: { type: string; part: string }[] = [];
  for (const tag of xmlTags(xmlText(rels))) {
    const { Type: type, Target: target, TargetMode: mode } = tag.attributes;
    if (tag.name === 'Relationship' && type && target && mode !== 'External') out.push({ type, part: resolvePart(folder, target) });
  }
  return out;
}

function resolvePart(folder: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : folder + target).split('/');
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  return out.join('/');
}

/** Paragraph nodes of mammoth's tree in the order its reader meets them. */
function treeParagraphs(tree: TreeNode): TreeNode[] {
  const out: TreeNode[] = [];
  const visit = (node: TreeNode): void => {
    if (node.type === 'paragraph') out.push(node);
    node.children?.forEach(visit);
  };
  visit(tree);
  return out;
}

/**
 * The elements mammoth's body reader reads into; it passes over any other
 * element with everything inside it. Inside a drawing (`wp:inline`,
 * `wp:anchor`) it reads only pictures.
 */
const READ_INTO = new Set([
  'w:document', 'w:body', 'w:p', 'w:r', 'w:hyperlink', 'w:tbl', 'w:tr', 'w:tc', 'w:sdt', 'mc:AlternateContent',
  'w:customXml', 'w:ins', 'w:moveTo', 'w:object', 'w:smartTag', 'w:drawing', 'w:pict',
  'v:roundrect', 'v:shape', 'v:textbox', 'w:txbxContent', 'v:group', 'v:rect',
]);
/** Read only inside their own parent: the content of a content control, the fallback of a choice. */
const READ_INTO_UNDER: Readonly<Record<string, string>> = { 'w:sdtContent': 'w:sdt', 'mc:Fallback': 'mc:AlternateContent' };

const PARAGRAPH_PROPERTIES = new Set(['w:pStyle', 'w:numId', 'w:ilvl', 'w:del', 'w:moveFrom']);

interface SourceParagraph extends ParagraphNumberingProperties {
  deleted: boolean;
}

/**
 * The document part's paragraphs as mammoth reads them: a paragraph whose
 * mark is deleted (tracked changes) joins the next one and is no paragraph of
 * its own; a deleted table row is not read.
 */
export function documentParagraphs(xml: string): ParagraphNumberingProperties[] {
  const out: SourceParagraph[] = [];
  // Open elements, and for each whether mammoth reads inside it.
  const names: string[] = [];
  const reading: boolean[] = [];
  const paragraphs: SourceParagraph[] = [];
  let deletedRows = 0;
  const rowDeleted: boolean[] = [];
  for (const tag of xmlTags(xml)) {
    const parent = names[names.length - 1];
    if (tag.kind === 'close') {
      if (names.length === 0) continue;
      names.pop();
      reading.pop();
      if (tag.name === 'w:p' && paragraphs.length > 0) paragraphs.pop();
      if (tag.name === 'w:tr' && rowDeleted.pop()) deletedRows--;
      continue;
    }
    const inRead = reading.length === 0 || reading[reading.length - 1];
    const paragraph = paragraphs[paragraphs.length - 1];
    // Paragraph properties: only the direct ones, not the former ones of a tracked change (`w:pPrChange`).
    if (paragraph && inRead && PARAGRAPH_PROPERTIES.has(tag.name)) {
      const where = names.slice(-3).join('/');
      const val = tag.attributes['w:val'];
      if (tag.name === 'w:pStyle' && where.endsWith('w:p/w:pPr') && val !== undefined) paragraph.styleId = val;
      else if (tag.name === 'w:numId' && where === 'w:p/w:pPr/w:numPr' && val !== undefined) paragraph.numId = val;
      else if (tag.name === 'w:ilvl' && where === 'w:p/w:pPr/w:numPr' && /^\d+$/.test(val ?? '')) paragraph.level = Number(val);
      else if ((tag.name === 'w:del' || tag.name === 'w:moveFrom') && where === 'w:p/w:pPr/w:rPr') paragraph.deleted = true;
    }
    if (tag.name === 'w:del' && parent === 'w:trPr' && inRead && rowDeleted.length > 0 && !rowDeleted[rowDeleted.length - 1]) {
      rowDeleted[rowDeleted.length - 1] = true;
      deletedRows++;
    }
    if (tag.kind === 'empty') {
      if (tag.name === 'w:p' && inRead && deletedRows === 0) out.push({ styleId: null, deleted: false });
      continue;
    }
    const readsInside = inRead && (READ_INTO.has(tag.name) || READ_INTO_UNDER[tag.name] === parent);
    names.push(tag.name);
    // Properties are not read into as content, but their direct children are looked at above.
    reading.push(readsInside || (inRead && (tag.name === 'w:pPr' || tag.name === 'w:numPr' || tag.name === 'w:rPr' || tag.name === 'w:trPr')));
    if (tag.name === 'w:tr') rowDeleted.push(false);
    if (tag.name === 'w:p') {
      const p: SourceParagraph = { styleId: null, deleted: false };
      paragraphs.push(p);
      if (readsInside && deletedRows === 0) out.push(p);
    }
  }
  return out.filter((p) => !p.deleted).map(({ styleId, numId, level }) => ({ styleId, ...(numId !== undefined && { numId }), ...(level !== undefined && { level }) }));
}
