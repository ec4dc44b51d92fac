/**
 * A forward walk over one XML part of a .docx, for the few facts mammoth's
 * document tree does not keep (how many tracked changes there were, which text
 * boxes it could not reach, what headers say). Element names come out with the
 * conventional prefix of their namespace (`w:`, `mc:`, `wp:`…) whatever prefix
 * the file bound, so callers match names, not the writer's habits. The part
 * has passed `boundDocx` (no DTD, bounded size and depth); well-formedness is
 * not checked: a broken part reads as far as it goes, and mammoth refuses it.
 */

export interface XmlVisitor {
  start(name: string, attributes: string, selfClosing: boolean): void;
  end(name: string): void;
  text(decoded: string): void;
}

/** Namespaces by the prefix used for them in this module and in mammoth (transitional and strict OOXML alike). */
const PREFIXES: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'urn:schemas-microsoft-com:vml': 'v',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
};

// Markup that holds no elements (comments, CDATA, processing instructions), a tag, or text up to the next `<`.
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<(\/?)([^\s/>]+)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g;
const NAMESPACE = /xmlns(?::([^\s=]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Walks `xml`, calling `visitor` for each element start and end and each run of character data. */
export function walkXml(xml: string, visitor: XmlVisitor): void {
  // Prefix declarations are read wherever they stand and kept for the rest of the part: Word and
  // LibreOffice declare them all on the root, and rebinding a prefix within one part is unheard of.
  const canonical = new Map<string, string>();
  const nameOf = (raw: string): string => {
    const colon = raw.indexOf(':');
    const prefix = colon === -1 ? '' : raw.slice(0, colon);
    const known = canonical.get(prefix);
    return known === undefined ? raw : `${known}:${raw.slice(colon + 1)}`;
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    if (m[3] !== undefined) {
      const attributes = m[4];
      if (m[2] === '/') {
        visitor.end(nameOf(m[3]));
        continue;
      }
      if (attributes.includes('xmlns')) {
        for (const d of attributes.matchAll(NAMESPACE)) {
          const known = PREFIXES[d[2] ?? d[3]];
          if (known !== undefined) canonical.set(d[1] ?? '', known);
        }
      }
      const name = nameOf(m[3]);
      visitor.start(name, attributes, m[5] === '/');
      if (m[5] === '/') visitor.end(name);
    } else if (m[6] !== undefined) visitor.text(decodeEntities(m[6]));
    else if (m[1] !== undefined) visitor.text(m[1]);
  }
}

/** An attribute's value, decoded; `undefined` when absent. `name` as written in the part (`Type`, `Target`). */
export function attribute(attributes: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return m ? decodeEntities(m[1] ?? m[2]) : undefined;
}

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref];
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
