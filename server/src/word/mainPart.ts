/**
 * The main document part as mammoth (1.13) should read it. Three things Word
 * shows would otherwise come out wrong, and mammoth has no option for them,
 * so the part is rewritten before it reads it:
 *  - a simple field (`w:fldSimple`, e.g. a page number or a date) has no reader
 *    there, and its shown text is dropped with it;
 *  - accepting all changes removes moved-away text and its paragraph marks,
 *    but mammoth merges only paragraphs whose mark is deleted (`w:del`), so an
 *    accepted move of whole paragraphs would leave empty ones behind;
 *  - a text box's paragraphs come out as ordinary paragraphs after the one the
 *    box is anchored in, with nothing to tell them apart.
 */
import { attribute, walkXml } from './partXml';
import { resolvePart } from './survey';

/** The name of the bookmark put at the start of each text box: Word's bookmark names never hold `-`. */
export const TEXT_BOX_MARK = '_speechlint-text-box';

const W_NAMESPACES = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];

/** The main part rewritten for mammoth; the same string when it binds no WordprocessingML prefix (mammoth finds no body there either). */
export function adaptMainPart(xml: string): string {
  const declared = /xmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g;
  let prefix: string | undefined;
  for (let m = declared.exec(xml); m && prefix === undefined; m = declared.exec(xml)) {
    if (W_NAMESPACES.includes(m[2])) prefix = m[1] === undefined ? '' : `${m[1]}:`;
  }
  if (prefix === undefined) return xml;
  const p = prefix.replace(/\./g, '\\.');
  return (
    xml
      // A container mammoth reads through; the field's instruction is an attribute and goes unread.
      .replace(new RegExp(`<(/?)${p}fldSimple(?=[\\s/>])`, 'g'), `<$1${prefix}smartTag`)
      .replace(new RegExp(`<(/?)${p}moveFrom(?=[\\s/>])`, 'g'), `<$1${prefix}del`)
      .replace(
        new RegExp(`<${p}txbxContent((?:[^>"'/]|"[^"]*"|'[^']*')*)>`, 'g'),
        (tag) => `${tag}<${prefix}bookmarkStart ${prefix}id="0" ${prefix}name="${TEXT_BOX_MARK}"/>`,
      )
  );
}

/** The main document part's entry name, as the package relationships give it. */
export function mainPartName(packageRelationships: string | undefined): string {
  let found: string | undefined;
  if (packageRelationships !== undefined) {
    walkXml(packageRelationships, {
      start(name, attributes) {
        const target = attribute(attributes, 'Target');
        if (found === undefined && name.endsWith('Relationship') && /\/officeDocument$/.test(attribute(attributes, 'Type') ?? '') && target) {
          found = resolvePart('', target);
        }
      },
      end() {},
      text() {},
    });
  }
  return found ?? 'word/document.xml';
}
