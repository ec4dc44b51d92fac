/** Telling a draft's encoding and writing it back: server/src/io/textEncoding.ts. */
import assert from 'node:assert/strict';
import * as iconv from 'iconv-lite';
import { decodeText, encodeText } from '../../server/src/io/textEncoding';

const DRAFT = '关于加强基层治理的发言\n\n市委办公室主任 张三\n\n一、提高认识\n\n（一）统一思想。①要学习；②要落实。温度 25℃，完成率 98%。\r\n';

describe('textEncoding', function () {
  describe('decodeText', function () {
    it('reads valid UTF-8 as UTF-8, keeping a BOM as U+FEFF', function () {
      assert.deepEqual(decodeText(Buffer.from(DRAFT)), { kind: 'text', text: DRAFT, encoding: 'utf-8' });
      assert.deepEqual(decodeText(Buffer.from(`\ufeff${DRAFT}`)), { kind: 'text', text: `\ufeff${DRAFT}`, encoding: 'utf-8' });
    });

    it('reads UTF-16 by its BOM, little- and big-endian, keeping the BOM as U+FEFF', function () {
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DRAFT, 'utf16le')]);
      const be = Buffer.from(le).swap16();
      assert.deepEqual(be.subarray(0, 2), Buffer.from([0xfe, 0xff]));
      assert.deepEqual(decodeText(le), { kind: 'text', text: `\ufeff${DRAFT}`, encoding: 'utf-16le' });
      assert.deepEqual(decodeText(be), { kind: 'text', text: `\ufeff${DRAFT}`, encoding: 'utf-16be' });
    });

    it('reads bytes that are not UTF-8 but clean GBK as GB18030, with no doubt', function () {
      const gbk = iconv.encode(DRAFT, 'gbk');
      // Checked by hand: 关 is B9 D8 in GBK, and the bytes are not valid UTF-8.
      assert.deepEqual(gbk.subarray(0, 2), Buffer.from([0xb9, 0xd8]));
      assert.deepEqual(decodeText(gbk), { kind: 'text', text: DRAFT, encoding: 'gb18030' });
    });

    it('doubts a GB18030 reading that is mostly rare characters, and reads undecodable bytes as UTF-8 with a doubt', function () {
      // Valid GB18030 that reads as private-use code points (AAA1…) and a four-byte sequence (81 30 81 30): no draft anyone typed.
      const odd = Buffer.from([0xaa, 0xa1, 0xaa, 0xa2, 0x41, 0xaa, 0xa3, 0x81, 0x30, 0x81, 0x30, 0xb9, 0xd8]);
      assert.equal(new TextDecoder('gb18030').decode(odd), '\ue000\ue001A\ue002\u0080关');
      const rare = decodeText(odd);
      assert.equal(rare.kind === 'text' && rare.doubt, 'unlikely-characters');
      const broken = decodeText(Buffer.from([0x41, 0xff, 0x42, 0x0a]));
      assert.deepEqual(broken, { kind: 'text', text: 'A\ufffdB\n', encoding: 'utf-8', doubt: 'undecodable' });
      // After a UTF-8 BOM, bytes that would pass as GBK (B9 D8) are damaged UTF-8, not GBK.
      const damaged = decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0xb9, 0xd8]));
      assert.deepEqual(damaged, { kind: 'text', text: '\ufeff\ufffd\ufffd', encoding: 'utf-8', doubt: 'undecodable' });
    });

    it('calls a file with a binary signature or NUL bytes binary', function () {
      assert.deepEqual(decodeText(Buffer.from('PK\u0003\u0004word/document.xml')), { kind: 'binary', format: 'ZIP (.docx/.xlsx/.pptx)' });
      assert.deepEqual(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])), { kind: 'binary', format: 'PNG' });
      assert.deepEqual(decodeText(Buffer.from('%PDF-1.7\n')), { kind: 'binary', format: 'PDF' });
      assert.deepEqual(decodeText(Buffer.from('text\u0000more')), { kind: 'binary', format: 'NUL' });
      // UTF-16 without a BOM has NUL bytes: binary unless named.
      assert.deepEqual(decodeText(Buffer.from('ab', 'utf16le')), { kind: 'binary', format: 'NUL' });
      assert.equal(decodeText(Buffer.from('BMI 指数\n')).kind, 'text');
    });

    it('follows an encoding named by the caller, and says when the bytes are not valid in it', function () {
      assert.deepEqual(decodeText(Buffer.from('ab', 'utf16le'), 'utf-16le'), { kind: 'text', text: 'ab', encoding: 'utf-16le' });
      assert.deepEqual(decodeText(iconv.encode(DRAFT, 'gbk'), 'gbk'), { kind: 'text', text: DRAFT, encoding: 'gbk' });
      assert.deepEqual(decodeText(iconv.encode(DRAFT, 'gbk'), 'utf-8'), { kind: 'invalid', encoding: 'utf-8' });
      assert.deepEqual(decodeText(Buffer.from([0x61, 0x00, 0x62]), 'utf-16le'), { kind: 'invalid', encoding: 'utf-16le' });
    });
  });

  describe('encodeText', function () {
    it('gives back the exact bytes of every encoding it reads', function () {
      const files = [
        Buffer.from(DRAFT),
        Buffer.from(`\ufeff${DRAFT}`),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DRAFT, 'utf16le')]),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DRAFT, 'utf16le')]).swap16(),
        iconv.encode(DRAFT, 'gbk'),
      ];
      for (const bytes of files) {
        const decoded = decodeText(bytes);
        assert.equal(decoded.kind, 'text');
        if (decoded.kind === 'text') assert.deepEqual(encodeText(decoded.text, decoded.encoding), bytes);
      }
    });

    it('refuses a text its encoding cannot hold', function () {
      assert.equal(encodeText('𠀀', 'gbk'), undefined);
      assert.equal(encodeText('a\ud800b', 'utf-8'), undefined);
      assert.deepEqual(encodeText('𠀀', 'gb18030'), Buffer.from([0x95, 0x32, 0x82, 0x36]));
    });
  });
});
