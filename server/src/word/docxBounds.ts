/**
 * A .docx checked within bounds before mammoth reads it. A .docx is a zip
 * archive of XML parts; a small file can inflate to gigabytes (a zip bomb), or
 * nest elements deeply enough to exhaust the stack of any recursive reader.
 * This reads the zip's central directory itself, inflates every entry with
 * the output capped (`maxOutputLength`: the bound holds on the bytes inflated,
 * whatever sizes the headers claim), scans each XML part's nesting, and hands
 * back a canonical zip of exactly the compressed bytes it checked, so that
 * mammoth's own unzipping inflates nothing that was not bounded here.
 */
import * as zlib from 'node:zlib';
import { importRefusal, MB } from './importError';
import { scanXml } from './xmlScan';

export interface DocxLimits {
  /** Inflated bytes of any one part. */
  part: number;
  /** Inflated bytes of all parts together. */
  total: number;
  /**
   * Inflated bytes of the XML parts together. mammoth builds a DOM of each
   * XML part it reads, about 75 bytes of memory per byte of XML (measured:
   * 16 MB of document.xml peaked at 1.2 GB), so this, not `part`, is what
   * keeps a large but honest document from exhausting the heap.
   */
  xml: number;
  entries: number;
  /** Element nesting within one XML part. */
  depth: number;
}

/**
 * Far above any real Word document (a speech draft's document.xml is well
 * under 1 MB; photos are a few MB each; nesting rarely passes 30), and low
 * enough that refusing a bomb stays under 300 MB of memory: at most one
 * part's output is held at a time. Nesting: mammoth's reader overflows the
 * stack somewhere between 2,000 and 4,000 levels.
 */
export const DEFAULT_LIMITS: DocxLimits = { part: 64 * MB, total: 256 * MB, xml: 16 * MB, entries: 10_000, depth: 256 };

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
const FLAG_ENCRYPTED = 0x1;
/** Sizes follow the data (a streaming writer's zip): the central directory has them. */
const FLAG_DATA_DESCRIPTOR = 0x8;

interface Entry {
  name: Buffer;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  size: number;
  data: Buffer;
}

/** A .docx whose entries were checked within bounds. */
export interface BoundDocx {
  /** The names of all entries. */
  readonly names: ReadonlySet<string>;
  /** Each XML part inflated, by its entry name; together within `limits.xml`. */
  readonly xml: ReadonlyMap<string, Buffer>;
  /** A zip of exactly the checked entries, with the `replaced` parts (inflated bytes, by entry name) stored in place of theirs. */
  zip(replaced?: ReadonlyMap<string, Buffer>): Buffer;
}

/** The entries of a .docx checked within `limits`; throws `WordImportError` for anything else. */
export function boundDocx(bytes: Buffer, limits: DocxLimits = DEFAULT_LIMITS): BoundDocx {
  if (bytes.subarray(0, 8).equals(OLE_SIGNATURE)) {
    // Word keeps a password-protected .docx in an OLE compound file beside its key; an OLE file without one is an old .doc.
    throw importRefusal(holdsOleStream(bytes, 'EncryptedPackage') ? 'encrypted' : 'old-doc');
  }
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== LOCAL_HEADER) {
    // An empty archive starts with its end record: a zip, but no Word document.
    throw importRefusal('not-word');
  }
  const entries = readDirectory(bytes, limits);
  const checked: Entry[] = [];
  const xmlParts = new Map<string, Buffer>();
  let total = 0;
  let xml = 0;
  for (const entry of entries) {
    const name = partName(entry.name);
    const inflated = inflate(entry, name, Math.min(limits.part, limits.total - total), limits);
    total += inflated.length;
    if (inflated.length !== entry.size || zlib.crc32(inflated) !== entry.crc) throw importRefusal('damaged');
    const scan = scanXml(inflated, limits.depth);
    if (scan === 'not-xml') {
      // mammoth parses whatever part a relationship names as XML, and its parser skips leading junk:
      // a part that does not start like XML reaches it empty. Import drops images anyway.
      checked.push({ ...entry, method: STORED, crc: 0, size: 0, data: Buffer.alloc(0) });
      continue;
    }
    checked.push(entry);
    xmlParts.set(entry.name.toString('utf8'), inflated);
    xml += inflated.length;
    if (xml > limits.xml) throw importRefusal('xml-too-large', { limit: limits.xml });
    if (scan === 'dtd') throw importRefusal('dtd', { part: name });
    if (scan === 'too-deep') throw importRefusal('too-deep', { part: name, limit: limits.depth });
  }
  return {
    names: new Set(entries.map((entry) => entry.name.toString('utf8'))),
    xml: xmlParts,
    zip: (replaced = new Map()) =>
      writeZip(
        checked.map((entry) => {
          const data = replaced.get(entry.name.toString('utf8'));
          return data ? { ...entry, method: STORED, crc: zlib.crc32(data), size: data.length, data } : entry;
        }),
      ),
  };
}

/**
 * Whether an OLE compound file holds a stream of this name: a directory entry
 * (128 bytes, aligned to 128 in every sector) whose UTF-16 name, name length
 * and stream type all match. Looking there, not in the file's content, keeps a
 * .doc that merely mentions the word from passing for an encrypted one.
 */
function holdsOleStream(bytes: Buffer, stream: string): boolean {
  const name = Buffer.from(`${stream}\0`, 'utf16le');
  for (let at = bytes.indexOf(name.subarray(0, -2)); at !== -1; at = bytes.indexOf(name.subarray(0, -2), at + 1)) {
    if (at % 128 !== 0 || at + 128 > bytes.length) continue;
    if (bytes.readUInt16LE(at + 64) === name.length && bytes[at + 66] === 2) return true;
  }
  return false;
}

function readDirectory(bytes: Buffer, limits: DocxLimits): Entry[] {
  const end = findEndOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  // Multi-disk archives, and zip64 (needed only past 65,535 entries or 4 GB, far beyond the limits), are no .docx.
  if (bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 6) !== 0 || count === 0xffff || offset === 0xffffffff) throw importRefusal('damaged');
  if (count > limits.entries) throw importRefusal('too-many-entries', { limit: limits.entries });
  const entries: Entry[] = [];
  const names = new Set<string>();
  const spans: [start: number, end: number][] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_HEADER) throw importRefusal('damaged');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressed = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    if (next > bytes.length) throw importRefusal('damaged');
    const name = bytes.subarray(at + 46, at + 46 + nameLength);
    if (flags & FLAG_ENCRYPTED) throw importRefusal('encrypted');
    if (method !== STORED && method !== DEFLATED) throw importRefusal('damaged');
    // Two entries of one name could be read as either: the one checked might not be the one read.
    if (names.has(name.toString('latin1'))) throw importRefusal('damaged');
    names.add(name.toString('latin1'));
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL_HEADER) throw importRefusal('damaged');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compressed > bytes.length) throw importRefusal('damaged');
    entries.push({
      name,
      flags: flags & ~FLAG_DATA_DESCRIPTOR,
      method,
      time: bytes.readUInt16LE(at + 12),
      date: bytes.readUInt16LE(at + 14),
      crc: bytes.readUInt32LE(at + 16),
      size: bytes.readUInt32LE(at + 24),
      data: bytes.subarray(start, start + compressed),
    });
    spans.push([local, start + compressed]);
    at = next;
  }
  // Entries sharing their bytes (Fifield's overlapping zip bomb) would be checked once but copied, and inflated, once each.
  spans.sort((a, b) => a[0] - b[0]);
  if (spans.some(([start], i) => i > 0 && start < spans[i - 1][1])) throw importRefusal('damaged');
  return entries;
}

/** The end-of-central-directory record: the last one, within a comment's reach (64 KB) of the end. */
function findEndOfDirectory(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  // It starts like a zip but has no end: cut short.
  throw importRefusal('damaged');
}

/** The entry's bytes inflated, never more than `cap` of them: past it the refusal names the limit that `cap` came from. */
function inflate(entry: Entry, name: string, cap: number, limits: DocxLimits): Buffer {
  const tooLarge = () => (cap === limits.part ? importRefusal('part-too-large', { part: name, limit: limits.part }) : importRefusal('total-too-large', { part: name, limit: limits.total }));
  if (entry.method === STORED) {
    if (entry.data.length > cap) throw tooLarge();
    return entry.data;
  }
  let inflated: Buffer;
  try {
    inflated = zlib.inflateRawSync(entry.data, { maxOutputLength: Math.max(cap, 1), chunkSize: 1 * MB });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge();
    throw importRefusal('damaged');
  }
  if (inflated.length > cap) throw tooLarge();
  return inflated;
}

/** A part's name fit for a message: printable, and short. */
function partName(raw: Buffer): string {
  // eslint-disable-next-line no-control-regex
  const name = raw.toString('utf8').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
  return name.length > 80 ? `${name.slice(0, 80)}…` : name;
}

/** A plain zip of these entries: one local header each, then the central directory, nothing else. */
function writeZip(entries: readonly Entry[]): Buffer {
  const pieces: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(e.time, 10);
    local.writeUInt16LE(e.date, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL_HEADER, 0);
    central.writeUInt16LE(20, 4);
    local.copy(central, 6, 4, 28);
    central.writeUInt32LE(offset, 42);
    pieces.push(local, e.name, e.data);
    directory.push(central, e.name);
    offset += local.length + e.name.length + e.data.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...pieces, ...directory, end]);
}

/**
 * Parts of a zip that `boundDocx` wrote, inflated, by name as asked (part
 * names compare without regard to case, as in OPC); a part not there is left
 * out. Readers beside mammoth take their parts from here, within the same limits.
 */
export function readCheckedParts(checked: Buffer, names: readonly string[], limits: DocxLimits = DEFAULT_LIMITS): Map<string, Buffer> {
  const wanted = new Map(names.map((name) => [name.toLowerCase(), name]));
  const parts = new Map<string, Buffer>();
  for (const entry of readDirectory(checked, limits)) {
    const name = wanted.get(entry.name.toString('utf8').toLowerCase());
    if (name !== undefined && !parts.has(name)) parts.set(name, inflate(entry, partName(entry.name), limits.part, limits));
  }
  return parts;
}
