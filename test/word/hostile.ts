/**
 * Hostile Word files made on the spot: zips written byte by byte (so that
 * their headers can lie, their entries overlap or their names repeat), zip
 * bombs built cheaply, and OLE compound files like the ones Word writes for
 * a password-protected document or an old .doc.
 */
import * as zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** The bytes as stored: deflated unless `method` is 0. */
  data: Buffer;
  /** Inflated size and CRC-32, as the headers claim them. */
  size: number;
  crc: number;
  method?: 0 | 8;
  flags?: number;
}

/** An entry holding `content`, deflated (or stored with `method` 0), with true headers. */
export function entry(name: string, content: string | Buffer, method: 0 | 8 = 8): ZipEntry {
  const bytes = Buffer.from(content);
  return { name, data: method === 8 ? zlib.deflateRawSync(bytes) : bytes, size: bytes.length, crc: zlib.crc32(bytes), method };
}

/**
 * `prefix`, then `unit` repeated until `megabytes` MB, then `suffix`, deflated
 * without ever holding the whole: a deflate segment ended by a sync flush is
 * whole on its own, so one segment of 1 MB of units, repeated, inflates to
 * the units repeated.
 */
export function bombEntry(name: string, prefix: string, unit: string, megabytes: number, suffix: string): ZipEntry {
  const sync = { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 };
  const chunk = Buffer.from(unit.repeat(Math.ceil(2 ** 20 / Buffer.byteLength(unit))));
  const head = Buffer.from(prefix);
  const tail = Buffer.from(suffix);
  const segment = zlib.deflateRawSync(chunk, sync);
  let crc = zlib.crc32(head);
  for (let i = 0; i < megabytes; i++) crc = zlib.crc32(chunk, crc);
  crc = zlib.crc32(tail, crc);
  const data = Buffer.concat([zlib.deflateRawSync(head, sync), ...Array<Buffer>(megabytes).fill(segment), zlib.deflateRawSync(tail)]);
  // Past 4 GB the size field would wrap; the bombs here stay far below.
  return { name, data, size: head.length + chunk.length * megabytes + tail.length, crc, method: 8 };
}

/** The entries as a zip: local headers and data, then the central directory; `at` overrides where an entry's local header is said to be. */
export function zip(entries: readonly ZipEntry[], options: { at?: (index: number, offset: number) => number } = {}): Buffer {
  const pieces: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  entries.forEach((e, index) => {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.flags ?? 0, 6);
    local.writeUInt16LE(e.method ?? 8, 8);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    local.copy(central, 6, 4, 28);
    central.writeUInt32LE(options.at ? options.at(index, offset) : offset, 42);
    pieces.push(local, name, e.data);
    directory.push(central, name);
    offset += local.length + name.length + e.data.length;
  });
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.reduce((n, b) => n + b.length, 0), 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...pieces, ...directory, end]);
}

export const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
export const DOCUMENT_START = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>`;
export const DOCUMENT_END = '</w:body></w:document>';
export const paragraph = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** The parts every .docx has besides its main document. */
export function packageParts(): ZipEntry[] {
  return [
    entry(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    entry(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
  ];
}

/** A .docx whose document.xml is `documentXml`. */
export function docx(documentXml: string | Buffer): Buffer {
  return zip([...packageParts(), entry('word/document.xml', documentXml)]);
}

/** A .docx whose document.xml is `megabytes` MB of paragraphs, from about 1 KB of deflate per MB. */
export function bombDocx(megabytes: number): Buffer {
  return zip([...packageParts(), bombEntry('word/document.xml', DOCUMENT_START, paragraph('今年以来，我们抓学习、促落实。'), megabytes, DOCUMENT_END)]);
}

/**
 * An OLE compound file holding streams of these names: a 512-byte header,
 * then one sector of directory entries (128 bytes each: a UTF-16 name, its
 * byte length with the terminator, and type 2 for a stream).
 */
export function oleFile(streams: readonly string[], filler = ''): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(128 * Math.max(4, streams.length + 1));
  ['Root Entry', ...streams].forEach((name, i) => {
    const at = i * 128;
    directory.write(`${name}\0`, at, 'utf16le');
    directory.writeUInt16LE((name.length + 1) * 2, at + 64);
    directory[at + 66] = i === 0 ? 5 : 2;
  });
  return Buffer.concat([header, directory, Buffer.from(filler, 'utf16le')]);
}
