/**
 * Reading an exported .docx in tests: unzip it and pick elements and
 * attributes out of its XML parts. Regular expressions suffice because the
 * parts are machine-written (no comments, no CDATA) and the tests only look
 * for elements they expect to be there.
 */
import JSZip from 'jszip';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  /** Footer parts by the `w:type` of the `w:footerReference` that points at them. */
  footers: Record<string, string>;
  files: string[];
}

export async function openDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const read = async (path: string): Promise<string> => {
    const file = zip.file(path);
    if (!file) throw new Error(`${path} missing from the .docx`);
    return file.async('string');
  };
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const footers: Record<string, string> = {};
  for (const ref of elements(document, 'w:footerReference')) {
    const rel = elements(rels, 'Relationship').find((r) => r.Id === ref['r:id']);
    if (rel) footers[ref['w:type']] = await read(`word/${rel.Target}`);
  }
  return { document, styles: await read('word/styles.xml'), settings: await read('word/settings.xml'), footers, files: Object.keys(zip.files) };
}

/** Attributes of every `<tag …>` (open or self-closing) in `xml`, in order. */
export function elements(xml: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`<${tag}(?=[\\s/>])([^>]*?)/?>`, 'g');
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const attributes: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:]+)="([^"]*)"/g)) attributes[a[1]] = unescape(a[2]);
    out.push(attributes);
  }
  return out;
}

/** The single `<tag …>`'s attributes; fails unless there is exactly one. */
export function only(xml: string, tag: string): Record<string, string> {
  const found = elements(xml, tag);
  if (found.length !== 1) throw new Error(`expected one <${tag}>, found ${found.length}`);
  return found[0];
}

/** The whole `<w:style>` element with this id. */
export function style(stylesXml: string, styleId: string): string {
  const found = [...stylesXml.matchAll(/<w:style [^>]*>[\s\S]*?<\/w:style>/g)].map((m) => m[0]).filter((s) => s.includes(` w:styleId="${styleId}"`));
  if (found.length !== 1) throw new Error(`expected one style ${styleId}, found ${found.length}`);
  return found[0];
}

/** The content of `<parent>…</parent>` inside `xml` (e.g. a style's `w:pPr`), or '' when absent. */
export function child(xml: string, parent: string): string {
  const m = new RegExp(`<${parent}>([\\s\\S]*?)</${parent}>`).exec(xml);
  return m ? m[1] : '';
}

export interface BodyParagraph {
  style?: string;
  runs: { style?: string; text: string }[];
  /** The paragraph's own properties, as XML. */
  properties: string;
}

/** The body's paragraphs with their style and runs (run text is the concatenated `w:t`). */
export function paragraphs(documentXml: string): BodyParagraph[] {
  const body = child(documentXml, 'w:body');
  return [...body.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([, p]) => {
    const properties = child(p, 'w:pPr');
    const runs = [...p.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map(([, r]) => ({
      style: elements(child(r, 'w:rPr'), 'w:rStyle')[0]?.['w:val'],
      text: [...r.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescape(t[1])).join(''),
    }));
    return { style: elements(properties, 'w:pStyle')[0]?.['w:val'], runs, properties };
  });
}

function unescape(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);
}
