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
 * And what mammoth parses only to drop, or to read into properties the import
 * never looks at, is taken out first: parsing the part into a DOM is most of an
 * import's time, and in a file full of shapes or written by Word this is most
 * of the XML (see `withoutChoices` and `withoutUnreadFormatting`).
 */
import { attribute, walkXml } from './partXml';
import { resolvePart } from './survey';

/** The name of the bookmark put at the start of each text box: Word's bookmark names never hold `-`. */
export const TEXT_BOX_MARK = '_speechlint-text-box';

const W_NAMESPACES = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];
const MC_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** The main part rewritten for mammoth; the same string when it binds no WordprocessingML prefix (mammoth finds no body there either). */
export function adaptMainPart(xml: string): string {
  const prefix = prefixOf(xml, W_NAMESPACES);
  if (prefix === undefined) return xml;
  const p = escape(prefix);
  const mc = prefixOf(xml, [MC_NAMESPACE]);
  return (
    withoutUnreadFormatting(mc === undefined ? xml : withoutChoices(xml, escape(mc)), p)
      // A container mammoth reads through; the field's instruction is an attribute and goes unread.
      .replace(new RegExp(`<(/?)${p}fldSimple(?=[\\s/>])`, 'g'), `<$1${prefix}smartTag`)
      .replace(new RegExp(`<(/?)${p}moveFrom(?=[\\s/>])`, 'g'), `<$1${prefix}del`)
      .replace(
        new RegExp(`<${p}txbxContent((?:[^>"'/]|"[^"]*"|'[^']*')*)>`, 'g'),
        (tag) => `${tag}<${prefix}bookmarkStart ${prefix}id="0" ${prefix}name="${TEXT_BOX_MARK}"/>`,
      )
  );
}

/** The prefix (with its colon; '' for the default namespace) bound to one of `namespaces`, if any. */
function prefixOf(xml: string, namespaces: readonly string[]): string | undefined {
  for (const m of xml.matchAll(/xmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g)) {
    if (namespaces.includes(m[2])) return m[1] === undefined ? '' : `${m[1]}:`;
  }
  return undefined;
}

function escape(prefix: string): string {
  return prefix.replace(/\./g, '\\.');
}

/**
 * Formatting properties that mammoth does not read, or reads only into what
 * import.ts passes over (alignment, indents, sizes, bold…). Not `w:rFonts`
 * (a symbol's font), nor a style, numbering or revision mark: those are read.
 */
const UNREAD_PROPERTIES = [
  // Paragraph properties.
  'adjustRightInd', 'autoSpaceDE', 'autoSpaceDN', 'bidi', 'contextualSpacing', 'ind', 'jc', 'keepLines', 'keepNext', 'kinsoku',
  'outlineLvl', 'overflowPunct', 'snapToGrid', 'spacing', 'textAlignment', 'topLinePunct', 'widowControl', 'wordWrap',
  // Run properties.
  'b', 'bCs', 'caps', 'color', 'highlight', 'i', 'iCs', 'kern', 'lang', 'noProof', 'position', 'smallCaps', 'strike', 'sz', 'szCs',
  'u', 'vertAlign', 'w',
];

// A tag: quoted attribute values may hold `>`; text never holds `<`, so a match is always markup.
const TAG = /<(?:[^<>"']|"[^"<]*"|'[^'<]*')*>/g;

/**
 * `xml` (`p` the escaped WordprocessingML prefix) without the empty elements
 * of `UNREAD_PROPERTIES`, Word's revision-session ids (`w:rsid…`, on most
 * paragraphs and runs Word writes), and the property lists left empty.
 */
function withoutUnreadFormatting(xml: string, p: string): string {
  const unread = new RegExp(`^<${p}(?:${UNREAD_PROPERTIES.join('|')})[\\s/]`);
  const sessionId = new RegExp(`\\s${p}rsid\\w*\\s*=\\s*(?:"[^"]*"|'[^']*')`, 'g');
  return xml
    .replace(TAG, (tag) => (tag.endsWith('/>') && unread.test(tag) ? '' : tag.includes('rsid') ? tag.replace(sessionId, '') : tag))
    .replace(new RegExp(`<${p}rPr\\s*(?:/>|></${p}rPr>)`, 'g'), '')
    .replace(new RegExp(`<${p}pPr\\s*(?:/>|></${p}pPr>)`, 'g'), '');
}

/** `xml` without its `mc:Choice` elements (`mc` the escaped prefix); as it was if they do not nest properly, for mammoth to judge. */
function withoutChoices(xml: string, mc: string): string {
  const kept: string[] = [];
  let last = 0;
  let depth = 0;
  let start = 0;
  for (const m of xml.matchAll(new RegExp(`<(/?)${mc}Choice(?=[\\s/>])[^>]*?(/?)>`, 'g'))) {
    const at = m.index;
    if (m[1] === '/') {
      if (depth === 0) return xml;
      if (--depth === 0) {
        kept.push(xml.slice(last, start));
        last = at + m[0].length;
      }
    } else if (m[2] === '/') {
      if (depth === 0) {
        kept.push(xml.slice(last, at));
        last = at + m[0].length;
      }
    } else if (depth++ === 0) start = at;
  }
  if (depth !== 0) return xml;
  kept.push(xml.slice(last));
  return kept.join('');
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
