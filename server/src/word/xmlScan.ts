/**
 * A look at an XML part before a parser builds anything from it: is it XML at
 * all, does it declare a DTD (the door to external entities and entity
 * expansion, which Word documents never use), and how deep do its elements
 * nest. It only counts tags; well-formedness is left to the parser.
 */

export type XmlScan = 'not-xml' | 'dtd' | 'too-deep' | 'ok';

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COMMENT_OPEN = [BANG, 0x2d, 0x2d];
const COMMENT_CLOSE = [0x2d, 0x2d, GT];
const CDATA_OPEN = [BANG, 0x5b, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5b];
const CDATA_CLOSE = [0x5d, 0x5d, GT];
const PI_CLOSE = [QUESTION, GT];

/** Code units to scan: bytes for UTF-8, where no byte of a multi-byte character is ASCII; 16-bit units for UTF-16. */
type Units = Uint8Array | Uint16Array;

/** What `bytes` hold; `too-deep` when elements nest more than `maxDepth`. */
export function scanXml(bytes: Uint8Array, maxDepth: number): XmlScan {
  const units = codeUnits(bytes);
  // A UTF-8 byte order mark; UTF-16's is the unit U+FEFF.
  let i = units[0] === 0xef && units[1] === 0xbb && units[2] === 0xbf ? 3 : 0;
  while (i < units.length && (units[i] === 0x20 || units[i] === 0x09 || units[i] === 0x0a || units[i] === 0x0d || units[i] === 0xfeff)) i++;
  if (units[i] !== LT) return 'not-xml';
  let depth = 0;
  for (i = units.indexOf(LT, i); i !== -1; i = units.indexOf(LT, i)) {
    const next = units[i + 1];
    if (next === QUESTION) i = after(units, PI_CLOSE, i + 2);
    else if (startsWith(units, COMMENT_OPEN, i + 1)) i = after(units, COMMENT_CLOSE, i + 4);
    else if (startsWith(units, CDATA_OPEN, i + 1)) i = after(units, CDATA_CLOSE, i + 9);
    // The only other markup opening with <! is a document type declaration.
    else if (next === BANG) return 'dtd';
    else if (next === SLASH) {
      // Stray end tags before the elements cannot buy depth for them.
      depth = Math.max(0, depth - 1);
      i = units.indexOf(GT, i);
    } else {
      const end = tagEnd(units, i + 1);
      if (end === -1) return 'ok';
      if (units[end - 1] !== SLASH && ++depth > maxDepth) return 'too-deep';
      i = end;
    }
    if (i === -1) return 'ok';
  }
  return 'ok';
}

function codeUnits(bytes: Uint8Array): Units {
  const le = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === LT && bytes[1] === 0);
  const be = (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0 && bytes[1] === LT);
  if (!le && !be) return bytes;
  // A buffer of its own, so that the 16-bit view starts on an even offset.
  const copy = Buffer.allocUnsafeSlow(bytes.length & ~1);
  copy.set(bytes.subarray(0, copy.length));
  if (be) copy.swap16();
  return new Uint16Array(copy.buffer, copy.byteOffset, copy.length / 2);
}

function startsWith(units: Units, sequence: readonly number[], at: number): boolean {
  return sequence.every((unit, k) => units[at + k] === unit);
}

/** The index just past the next `sequence` from `from`; -1 when there is none. */
function after(units: Units, sequence: readonly number[], from: number): number {
  for (let at = units.indexOf(sequence[0], from); at !== -1; at = units.indexOf(sequence[0], at + 1)) {
    if (startsWith(units, sequence, at)) return at + sequence.length;
  }
  return -1;
}

/** The index of the `>` closing a start tag, skipping `>` inside quoted attribute values; -1 when unclosed. */
function tagEnd(units: Units, from: number): number {
  for (let at = from; at < units.length; at++) {
    const unit = units[at];
    if (unit === GT) return at;
    if (unit === QUOTE || unit === APOSTROPHE) {
      at = units.indexOf(unit, at + 1);
      if (at === -1) return -1;
    }
  }
  return -1;
}
