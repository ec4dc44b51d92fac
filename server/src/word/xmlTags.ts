/**
 * The tags of an XML part, one after another, for readers that need a few
 * elements and attributes out of a part rather than a tree of it. The parts
 * it is given have passed `boundDocx` (size, nesting, no DTD: `scanXml`), so
 * a flat scan needs no further bounds; malformed markup is skipped, never thrown on.
 */

export interface XmlTag {
  /** Qualified name as written, `w:numPr`. */
  name: string;
  kind: 'open' | 'close' | 'empty';
  /** Attributes, entities decoded; empty for a closing tag. Parsed when first asked for: most tags are passed over. */
  readonly attributes: Record<string, string>;
  /** Index just past the tag in the text. */
  end: number;
}

/** The text of an XML part: UTF-16 when its byte order mark says so, else UTF-8. */
export function xmlText(bytes: Uint8Array): string {
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  return new TextDecoder(utf16 ? (bytes[0] === 0xff ? 'utf-16le' : 'utf-16be') : 'utf-8').decode(bytes);
}

// Comments, processing instructions and CDATA are matched whole so that a `<` inside them is no tag.
const MARKUP = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function* xmlTags(xml: string): Generator<XmlTag> {
  const markup = new RegExp(MARKUP.source, 'g');
  for (let m = markup.exec(xml); m; m = markup.exec(xml)) {
    if (m[2] === undefined) continue;
    const kind = m[1] ? 'close' : m[4] ? 'empty' : 'open';
    yield new Tag(m[2], kind, kind === 'close' ? '' : m[3], markup.lastIndex);
  }
}

class Tag implements XmlTag {
  private parsed: Record<string, string> | undefined;

  constructor(
    readonly name: string,
    readonly kind: XmlTag['kind'],
    private readonly source: string,
    readonly end: number,
  ) {}

  get attributes(): Record<string, string> {
    if (!this.parsed) {
      this.parsed = {};
      for (const a of this.source.matchAll(ATTRIBUTE)) this.parsed[a[1]] = decodeEntities(a[2] ?? a[3]);
    }
    return this.parsed;
  }
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, entity: string) => {
    if (entity[0] !== '#') return NAMED[entity];
    const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
