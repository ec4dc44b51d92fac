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

/**
 * The prefixes readers here match on, by namespace. Word and LibreOffice
 * write exactly these; a part that binds a namespace to another prefix (or
 * makes it the default) has its names rewritten to them, as mammoth does.
 */
const PREFIXES: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  // Relationship parts are written unprefixed.
  'http://schemas.openxmlformats.org/package/2006/relationships': '',
};

export function* xmlTags(xml: string): Generator<XmlTag> {
  const markup = new RegExp(MARKUP.source, 'g');
  // Prefix as written → prefix expected; empty in the usual case, so names pass unchanged.
  const renamed = new Map<string, string>();
  for (let m = markup.exec(xml); m; m = markup.exec(xml)) {
    if (m[2] === undefined) continue;
    const kind = m[1] ? 'close' : m[4] ? 'empty' : 'open';
    const source = kind === 'close' ? '' : m[3];
    // Declarations count from where they are met to the end of the part: no generator rebinds a prefix.
    if (source.includes('xmlns')) declare(source, renamed);
    yield new Tag(renamed.size === 0 ? m[2] : rename(m[2], renamed), kind, source, markup.lastIndex, renamed);
  }
}

function declare(source: string, renamed: Map<string, string>): void {
  for (const a of source.matchAll(ATTRIBUTE)) {
    const declared = /^xmlns(?::(.+))?$/.exec(a[1]);
    const expected = declared ? PREFIXES[decodeEntities(a[2] ?? a[3])] : undefined;
    if (declared && expected !== undefined && (declared[1] ?? '') !== expected) renamed.set(declared[1] ?? '', expected);
  }
}

function rename(name: string, renamed: ReadonlyMap<string, string>): string {
  const colon = name.indexOf(':');
  const prefix = colon === -1 ? '' : name.slice(0, colon);
  const expected = renamed.get(prefix);
  if (expected === undefined) return name;
  const local = name.slice(colon + 1);
  return expected === '' ? local : `${expected}:${local}`;
}

class Tag implements XmlTag {
  private parsed: Record<string, string> | undefined;

  constructor(
    readonly name: string,
    readonly kind: XmlTag['kind'],
    private readonly source: string,
    readonly end: number,
    private readonly renamed: ReadonlyMap<string, string>,
  ) {}

  get attributes(): Record<string, string> {
    if (!this.parsed) {
      this.parsed = {};
      for (const a of this.source.matchAll(ATTRIBUTE)) {
        // An unprefixed attribute is in no namespace, whatever the default one: only prefixed names are rewritten.
        const name = this.renamed.size > 0 && a[1].includes(':') && !a[1].startsWith('xmlns') ? rename(a[1], this.renamed) : a[1];
        this.parsed[name] = decodeEntities(a[2] ?? a[3]);
      }
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
