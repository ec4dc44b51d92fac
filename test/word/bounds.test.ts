/**
 * Hostile .docx files: each refused before mammoth reads it, with its real
 * cause named in Chinese and English.
 */
import { strict as assert } from 'node:assert';
import { Document, Packer, Paragraph } from 'docx';
import { DEFAULT_LIMITS, importDocx, WordImportError, type DocxLimits, type WordImportErrorKind } from '../../server/src/word';
import { bombDocx, bombEntry, docx, DOCUMENT_END, DOCUMENT_START, entry, oleFile, packageParts, paragraph, W, zip } from './hostile';

/** The refusal `bytes` meet: its kind and both texts. */
async function refusal(bytes: Buffer, limits?: DocxLimits): Promise<WordImportError> {
  try {
    await importDocx(bytes, limits);
  } catch (error) {
    if (error instanceof WordImportError) return error;
    throw error;
  }
  assert.fail('imported');
}

async function assertRefused(bytes: Buffer, kind: WordImportErrorKind, zh: RegExp, en: RegExp, limits?: DocxLimits): Promise<void> {
  const error = await refusal(bytes, limits);
  assert.equal(error.kind, kind, error.text.en);
  assert.match(error.text.zh, zh);
  assert.match(error.text.en, en);
}

const exported = (): Promise<Buffer> => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('关于基层协商的发言'), new Paragraph('某县政协主席 王小明')] }] }));

describe('import refuses hostile .docx files, naming the cause', function () {
  this.timeout(60_000);

  it('reads the hand-made skeleton the refusals below start from', async function () {
    const { text } = await importDocx(docx(DOCUMENT_START + paragraph('关于基层协商的发言') + paragraph('某县政协主席 王小明') + DOCUMENT_END));
    assert.equal(text, '# 关于基层协商的发言\n\n某县政协主席 王小明\n');
  });

  it('a zip bomb: document.xml inflating to 200 MB, stopped at the 64 MB part limit', async function () {
    const bomb = bombDocx(200);
    assert.ok(bomb.length < 1024 * 1024, `${bomb.length} bytes`);
    await assertRefused(bomb, 'part-too-large', /“word\/document\.xml”解压后超过 64 MB/, /part "word\/document\.xml" inflates to more than 64 MB/);
  });

  it('a smaller bomb within the part limit but past the XML limit mammoth could hold (16 MB)', async function () {
    await assertRefused(bombDocx(20), 'xml-too-large', /文字部分（XML）解压后合计超过 16 MB/, /XML parts\) inflates to more than 16 MB in all/);
  });

  it('XML past the XML limit behind leading junk, which mammoth’s parser would skip: never parsed', async function () {
    const disguised = zip([...packageParts(), bombEntry('word/document.xml', `junk${DOCUMENT_START}`, paragraph('今年以来，我们抓学习、促落实。'), 60, DOCUMENT_END)]);
    await assertRefused(disguised, 'damaged', /已损坏/, /damaged/);
  });

  it('parts each within the limit, together past the total', async function () {
    const limits = { ...DEFAULT_LIMITS, part: 3 * 2 ** 20, total: 5 * 2 ** 20 };
    const media = (n: number) => bombEntry(`word/media/image${n}.png`, '', '\x89PNG', 2, '');
    const bytes = zip([...packageParts(), entry('word/document.xml', DOCUMENT_START + DOCUMENT_END), media(1), media(2), media(3)]);
    await assertRefused(bytes, 'total-too-large', /合计超过 5 MB（word\/media\/image3\.png）/, /more than 5 MB in all/, limits);
    // The same with the default limits imports: the bound, not the media, refused it.
    assert.equal((await importDocx(bytes)).text, '');
  });

  it('a stored (uncompressed) part larger than the limit', async function () {
    const limits = { ...DEFAULT_LIMITS, part: 1000 };
    await assertRefused(zip([...packageParts(), entry('word/document.xml', DOCUMENT_START + paragraph('甲'.repeat(400)) + DOCUMENT_END, 0)]), 'part-too-large', /超过 0 MB/, /more than 0 MB/, limits);
  });

  it('a password-protected document (OLE file holding EncryptedPackage)', async function () {
    await assertRefused(oleFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']), 'encrypted', /设有打开密码（已加密）.*取消密码/, /password-protected \(encrypted\)/);
  });

  it('a zip whose entries are encrypted', async function () {
    const parts = [...packageParts(), { ...entry('word/document.xml', DOCUMENT_START + DOCUMENT_END), flags: 1 }];
    await assertRefused(zip(parts), 'encrypted', /已加密/, /encrypted/);
  });

  it('an old binary .doc: an OLE file without EncryptedPackage, even one whose text says the word', async function () {
    await assertRefused(oleFile(['WordDocument', '1Table', '\u0005SummaryInformation']), 'old-doc', /旧版 Word 的 \.doc 文件；请先在 Word 中另存为 \.docx/, /old Word \.doc file; save it as \.docx/);
    await assertRefused(oleFile(['WordDocument', '1Table'], ' EncryptedPackage'), 'old-doc', /另存为 \.docx/, /save it as \.docx/);
  });

  it('a truncated .docx: cut anywhere, it is damaged', async function () {
    const whole = await exported();
    for (const length of [whole.length - 1, whole.length - 30, Math.floor(whole.length / 2), 100]) {
      await assertRefused(whole.subarray(0, length), 'damaged', /已损坏或不完整/, /damaged or truncated/);
    }
  });

  it('a part whose deflated bytes are spoilt, or whose checksum is wrong', async function () {
    const body = entry('word/document.xml', DOCUMENT_START + paragraph('今年以来，我们抓学习。'.repeat(50)) + DOCUMENT_END);
    const spoilt = Buffer.from(body.data);
    spoilt.fill(0xff, 10, 30);
    await assertRefused(zip([...packageParts(), { ...body, data: spoilt }]), 'damaged', /已损坏/, /damaged/);
    await assertRefused(zip([...packageParts(), { ...body, crc: (body.crc ^ 1) >>> 0 }]), 'damaged', /已损坏/, /damaged/);
    await assertRefused(zip([...packageParts(), { ...body, size: body.size + 1 }]), 'damaged', /已损坏/, /damaged/);
  });

  it('entries that share their bytes, or share a name, are damaged', async function () {
    const parts = [...packageParts(), entry('word/document.xml', DOCUMENT_START + DOCUMENT_END), entry('word/media/a.png', 'x'.repeat(1000))];
    await assertRefused(zip([...parts, parts[3]], { at: (i, offset) => (i === 4 ? 0 : offset) }), 'damaged', /已损坏/, /damaged/);
    await assertRefused(zip([...parts, entry('word/document.xml', DOCUMENT_START + DOCUMENT_END)]), 'damaged', /已损坏/, /damaged/);
  });

  it('elements nested 10,000 deep', async function () {
    const deep = DOCUMENT_START + '<w:x>'.repeat(10_000) + '</w:x>'.repeat(10_000) + DOCUMENT_END;
    await assertRefused(docx(deep), 'too-deep', /“word\/document\.xml”嵌套超过 256 层/, /nests elements more than 256 deep/);
    // In UTF-16 too; an attribute value holding "/>" hides nothing.
    await assertRefused(docx(Buffer.from(`\ufeff${deep}`, 'utf16le')), 'too-deep', /嵌套超过 256 层/, /more than 256 deep/);
    const quoted = DOCUMENT_START + '<w:x w:a="/>">'.repeat(300) + '</w:x>'.repeat(300) + DOCUMENT_END;
    await assertRefused(docx(quoted), 'too-deep', /嵌套超过 256 层/, /more than 256 deep/);
    await assertRefused(docx(DOCUMENT_START + '</w:y>'.repeat(300) + '<w:x>'.repeat(300) + '</w:x>'.repeat(300) + DOCUMENT_END), 'too-deep', /嵌套超过 256 层/, /more than 256 deep/);
    // Tags in comments and CDATA are no elements.
    const shallow = DOCUMENT_START + `<!--${'<w:x>'.repeat(300)}-->${paragraph('正文。')}<w:p><w:r><w:t><![CDATA[${'<w:x>'.repeat(300)}]]></w:t></w:r></w:p>` + DOCUMENT_END;
    assert.match((await importDocx(docx(shallow))).text, /^正文。\n/);
  });

  it('nesting up to the limit is read', async function () {
    const limits = { ...DEFAULT_LIMITS, depth: 9 };
    // document, body, p, r, t: five levels; two content controls (sdt, sdtContent) around the paragraph make nine.
    const control = (n: number) => `<w:document ${W}><w:body>${'<w:sdt><w:sdtContent>'.repeat(n)}${paragraph('正文。')}${'</w:sdtContent></w:sdt>'.repeat(n)}</w:body></w:document>`;
    assert.equal((await importDocx(docx(control(2)), limits)).text, '正文。\n');
    await assertRefused(docx(control(3)), 'too-deep', /超过 9 层/, /more than 9 deep/, limits);
  });

  it('more entries than the limit (10,000)', async function () {
    const many = Array.from({ length: 10_001 }, (_, i) => entry(`customXml/item${i}.bin`, '', 0));
    await assertRefused(zip([...packageParts(), ...many]), 'too-many-entries', /条目超过 10000 个/, /more than 10000 entries/);
  });

  it('external entities and entity expansion: any DTD is refused', async function () {
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body>${paragraph('&x;')}</w:body></w:document>`;
    const laughs = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "哈哈哈哈哈哈哈哈哈哈">${Array.from({ length: 9 }, (_, i) => `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join('')}]><w:document ${W}><w:body>${paragraph('&j;')}</w:body></w:document>`;
    for (const xml of [xxe, laughs]) await assertRefused(docx(xml), 'dtd', /“word\/document\.xml”含有 DTD 声明/, /holds a DTD declaration/);
  });

  it('not a Word document: text, an empty zip, a zip without a main document', async function () {
    const zh = /^这不是 \.docx 格式的 Word 文档/;
    const en = /^This is not a Word document in \.docx format/;
    await assertRefused(Buffer.from('关于基层协商的发言\n'), 'not-word', zh, en);
    await assertRefused(zip([]), 'not-word', zh, en);
    await assertRefused(zip([entry('notes.txt', '备忘')]), 'not-word', zh, en);
  });

  it('a streaming writer’s zip (sizes after the data) and a zip entry named ../../x read as usual', async function () {
    const parts = [...packageParts(), { ...entry('word/document.xml', DOCUMENT_START + paragraph('正文。') + DOCUMENT_END), flags: 0x8 }, entry('../../x', 'escaped')];
    assert.equal((await importDocx(zip(parts))).text, '正文。\n');
  });
});
