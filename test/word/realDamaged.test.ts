/**
 * A real .docx (LibreOffice wrote it) spoilt the ways files get spoilt on the
 * way: cut short, a part missing, a part cut in the middle, a part grown to
 * 50 MB. Each is refused with a `WordImportError` naming the cause.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { importDocx, WordImportError, type WordImportErrorKind } from '../../server/src/word';
import { entry, zip, type ZipEntry } from './hostile';
import { REAL } from './realFixtures';

const original: Buffer = fs.readFileSync(path.join(REAL, 'content.docx'));

async function refusedAs(bytes: Buffer): Promise<WordImportErrorKind> {
  try {
    await importDocx(bytes);
  } catch (error) {
    if (error instanceof WordImportError) return error.kind;
    throw error;
  }
  assert.fail('imported');
}

/** `docx` with `part` replaced (or removed, for null), zipped again by node's zlib. */
async function withPart(part: string, content: string | null, docx: Buffer = original): Promise<Buffer> {
  const parts = await JSZip.loadAsync(docx);
  const entries: ZipEntry[] = [];
  for (const name of Object.keys(parts.files)) {
    if (name !== part) entries.push(entry(name, Buffer.from(await parts.file(name)!.async('uint8array'))));
    else if (content !== null) entries.push(entry(name, content));
  }
  return zip(entries);
}

describe('a damaged real .docx is refused, naming the cause', function () {
  this.timeout(60_000);

  it('cut short anywhere: damaged', async () => {
    for (const fraction of [0.1, 0.5, 0.9, 0.999]) {
      assert.equal(await refusedAs(original.subarray(0, Math.floor(original.length * fraction))), 'damaged', `cut at ${fraction}`);
    }
  });

  it('its main document (word/document.xml) missing while the package still names it: damaged', async () => {
    assert.equal(await refusedAs(await withPart('word/document.xml', null)), 'damaged');
  });

  it('its main document cut in the middle of the XML: damaged', async () => {
    const xml = await (await JSZip.loadAsync(original)).file('word/document.xml')!.async('string');
    assert.equal(await refusedAs(await withPart('word/document.xml', xml.slice(0, xml.length / 2))), 'damaged');
  });

  it('parts it can do without (styles, header, settings) missing: still imported', async () => {
    let bytes: Buffer = original;
    for (const part of ['word/styles.xml', 'word/header1.xml', 'word/settings.xml']) bytes = await withPart(part, null, bytes);
    const { text, notes } = await importDocx(bytes);
    assert.match(text, /^# 关于加强基层协商民主建设的发言\n/);
    assert.ok(!notes.some((n) => n.kind === 'header'), 'the header that is gone is not reported');
  });

  it('a 50 MB document.xml: refused as more XML than import can hold, before any of it is parsed', async () => {
    const xml = await (await JSZip.loadAsync(original)).file('word/document.xml')!.async('string');
    const paragraph = /<w:p>.*?<\/w:p>/.exec(xml.slice(xml.indexOf('<w:body>')))![0];
    const body = paragraph.repeat(Math.ceil((50 * 2 ** 20) / Buffer.byteLength(paragraph)));
    const grown = xml.replace('<w:body>', `<w:body>${body}`);
    assert.ok(Buffer.byteLength(grown) > 50 * 2 ** 20);
    const error = await importDocx(await withPart('word/document.xml', grown)).catch((e: unknown) => e);
    assert.ok(error instanceof WordImportError);
    assert.equal(error.kind, 'xml-too-large');
    assert.equal(error.text.zh, '文件中的文字部分（XML）解压后合计超过 16 MB，超出可导入的范围，已拒绝');
  });
});
