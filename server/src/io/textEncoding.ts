/**
 * Telling a draft's encoding from its bytes, and writing a text back in it.
 *
 * Drafts come from Notepad, WPS and Word's "save as text", so besides UTF-8
 * they are UTF-16 with a byte-order mark or, on Chinese Windows, GBK. A fix
 * written back in the wrong encoding destroys every character it did not
 * touch, so a guess is marked as one (`doubt`) and the caller writes only
 * texts read with confidence. A BOM stays in the text as U+FEFF, as the core
 * expects: positions count past it and encoding the text writes it back.
 */
import * as iconv from 'iconv-lite';

/** The encodings a draft is read and written in; `gbk` only when asked for, as GB18030 reads it too. */
export const TEXT_ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

/** Why a decoded text may not be what the author typed, so must not be written back. */
export type EncodingDoubt =
  /** Neither valid UTF-8 nor clean GB18030: read as UTF-8 with replacement characters. */
  | 'undecodable'
  /** Decodes as GB18030, but to mostly rare or private-use characters: likely some other encoding. */
  | 'unlikely-characters'
  /** Decodes as GB18030, but encoding the text again does not give the same bytes. */
  | 'no-round-trip';

export type DecodedFile =
  | { kind: 'text'; text: string; encoding: TextEncodingName; doubt?: EncodingDoubt }
  /** Not text at all: a known binary signature, or NUL bytes where UTF-16 was not announced. */
  | { kind: 'binary'; format: string }
  /** `--encoding` named an encoding these bytes are not valid in. */
  | { kind: 'invalid'; encoding: TextEncodingName };

/** Signatures of files that sit beside drafts and are never text. */
const SIGNATURES: readonly { format: string; bytes: readonly number[] }[] = [
  { format: 'ZIP (.docx/.xlsx/.pptx)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { format: 'ZIP', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { format: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { format: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { format: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { format: 'PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { format: 'OLE (.doc/.xls/.wps)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { format: 'RTF', bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
  { format: 'gzip', bytes: [0x1f, 0x8b] },
  { format: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { format: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { format: 'ELF', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { format: 'WebP/WAV/AVI (RIFF)', bytes: [0x52, 0x49, 0x46, 0x46] },
  { format: 'BMP', bytes: [0x42, 0x4d] },
];

const BOMS: readonly { encoding: TextEncodingName; bytes: readonly number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

/**
 * Decodes a file's bytes: in `override` when given, else in the encoding its
 * BOM announces, else UTF-8 when the bytes are valid UTF-8, else GB18030 when
 * they decode cleanly as it (with a doubt when the result does not look like
 * Chinese text), else UTF-8 with replacement characters and a doubt.
 */
export function decodeText(bytes: Uint8Array, override?: TextEncodingName): DecodedFile {
  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  // "BM" opens plenty of ASCII text ("BMI…"): a bitmap also has NUL bytes in its header, so let the NUL test decide.
  if (signature && signature.format !== 'BMP') return { kind: 'binary', format: signature.format };
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  const encoding = override ?? bom?.encoding;
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const text = strictDecode(bytes, encoding);
    return text === undefined || hasStrayControls(text) ? { kind: 'invalid', encoding } : { kind: 'text', text, encoding };
  }
  if (bytes.includes(0)) return { kind: 'binary', format: signature?.format ?? 'NUL' };
  if (override !== undefined) {
    const text = strictDecode(bytes, override);
    return text === undefined ? { kind: 'invalid', encoding: override } : { kind: 'text', text, encoding: override };
  }
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { kind: 'text', text: utf8, encoding: 'utf-8' };
  // A UTF-8 BOM before broken bytes: damaged UTF-8, not some other encoding.
  if (bom === undefined) {
    const gb = strictDecode(bytes, 'gb18030');
    if (gb !== undefined && !gb.includes('\ufffd') && !hasStrayControls(gb)) {
      if (!looksChinese(gb)) return { kind: 'text', text: gb, encoding: 'gb18030', doubt: 'unlikely-characters' };
      if (!Buffer.from(bytes).equals(iconv.encode(gb, 'gb18030'))) return { kind: 'text', text: gb, encoding: 'gb18030', doubt: 'no-round-trip' };
      return { kind: 'text', text: gb, encoding: 'gb18030' };
    }
  }
  return { kind: 'text', text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), encoding: 'utf-8', doubt: 'undecodable' };
}

/**
 * The bytes of `text` in `encoding` (a leading U+FEFF becomes that encoding's
 * BOM), or undefined when the text cannot be written in it without loss.
 */
export function encodeText(text: string, encoding: TextEncodingName): Buffer | undefined {
  const bytes = encoding === 'utf-8' || encoding === 'utf-16le' ? Buffer.from(text, encoding) : iconv.encode(text, encoding);
  // Lone surrogates, or characters GBK lacks, come back changed: refuse rather than write a '?'.
  return strictDecode(bytes, encoding) === text ? bytes : undefined;
}

function strictDecode(bytes: Uint8Array, encoding: TextEncodingName): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** C0 controls and DEL other than tab, line feed, vertical tab, form feed and carriage return: no draft has them. */
function hasStrayControls(text: string): boolean {
  return /[\u0000-\u0008\u000e-\u001f\u007f]/.test(text);
}

/**
 * Whether a GB18030 reading looks like a Chinese draft: at least three in
 * four of its non-ASCII characters are common Han characters, CJK or
 * full-width punctuation, or the symbols drafts use (①, Ⅱ, ℃, ※, ■, —, “”).
 * Bytes in some other encoding decode as GB18030 mostly to rare characters,
 * private-use code points and four-byte sequences.
 */
function looksChinese(text: string): boolean {
  let other = 0;
  let common = 0;
  for (const char of text) {
    const c = char.codePointAt(0)!;
    if (c < 0x80) continue;
    if (
      (c >= 0x4e00 && c <= 0x9fff) || // CJK Unified Ideographs
      (c >= 0x3000 && c <= 0x303f) || // CJK punctuation
      (c >= 0xff00 && c <= 0xffef) || // full-width forms
      (c >= 0x2000 && c <= 0x27bf) || // general punctuation, letter-like, numbers, arrows, math, shapes, enclosed
      c === 0xb7 || c === 0xd7 || c === 0xf7 || c === 0xb0 || c === 0xa7
    )
      common++;
    else other++;
  }
  return common >= 3 * other && common > 0;
}
