/**
 * Why a file could not be imported as a draft. Every refusal of the import
 * names its real cause, so that a user can act on it: remove a password,
 * fetch the file again, save an old .doc as .docx.
 */
import type { LocalizedText } from '../core/rule';

export type WordImportErrorKind =
  | 'encrypted'
  | 'damaged'
  | 'part-too-large'
  | 'total-too-large'
  | 'xml-too-large'
  | 'too-many-entries'
  | 'too-deep'
  | 'dtd'
  | 'old-doc'
  | 'not-word';

export class WordImportError extends Error {
  constructor(
    readonly kind: WordImportErrorKind,
    readonly text: LocalizedText,
  ) {
    // Callers that only log `message` still learn the cause.
    super(`Not a readable Word (.docx) file: ${text.en}`);
  }
}

export const MB = 2 ** 20;

/** The refusal of each kind, in sentences that stand alone; `values` fill the limits and the part's name in. */
export function importRefusal(kind: WordImportErrorKind, values: { part?: string; limit?: number } = {}): WordImportError {
  const part = values.part ?? '';
  const limit = values.limit ?? 0;
  const megabytes = Math.round(limit / MB);
  const text: Record<WordImportErrorKind, LocalizedText> = {
    encrypted: {
      zh: '文档设有打开密码（已加密），无法导入；请在 Word 中取消密码，另存一份后再导入',
      en: 'The document is password-protected (encrypted); remove the password in Word, save a copy and import that',
    },
    damaged: {
      zh: '文件已损坏或不完整（zip 压缩包结构有误或被截断），请重新获取原文件',
      en: 'The file is damaged or truncated (its zip structure is broken); get the original file again',
    },
    'part-too-large': {
      zh: `文件中的“${part}”解压后超过 ${megabytes} MB，不像正常的 Word 文档，已拒绝`,
      en: `Its part "${part}" inflates to more than ${megabytes} MB, which no ordinary Word document does; refused`,
    },
    'total-too-large': {
      zh: `文件解压后合计超过 ${megabytes} MB（${part}），不像正常的 Word 文档，已拒绝`,
      en: `The file inflates to more than ${megabytes} MB in all (${part}), which no ordinary Word document does; refused`,
    },
    'xml-too-large': {
      zh: `文件中的文字部分（XML）解压后合计超过 ${megabytes} MB，超出可导入的范围，已拒绝`,
      en: `Its text (the XML parts) inflates to more than ${megabytes} MB in all, more than import can hold; refused`,
    },
    'too-many-entries': {
      zh: `压缩包中的条目超过 ${limit} 个，不像正常的 Word 文档，已拒绝`,
      en: `The zip archive holds more than ${limit} entries, which no ordinary Word document does; refused`,
    },
    'too-deep': {
      zh: `文件中的“${part}”嵌套超过 ${limit} 层，不像正常的 Word 文档，已拒绝`,
      en: `Its part "${part}" nests elements more than ${limit} deep, which no ordinary Word document does; refused`,
    },
    dtd: {
      zh: `文件中的“${part}”含有 DTD 声明（Word 文档从不使用），出于安全考虑已拒绝`,
      en: `Its part "${part}" holds a DTD declaration, which Word documents never have; refused for safety`,
    },
    'old-doc': {
      zh: '这是旧版 Word 的 .doc 文件；请先在 Word 中另存为 .docx 再导入',
      en: 'This is an old Word .doc file; save it as .docx in Word first, then import that',
    },
    'not-word': {
      zh: '这不是 .docx 格式的 Word 文档（旧的 .doc 文件请先在 Word 中另存为 .docx）',
      en: 'This is not a Word document in .docx format (save an old .doc file as .docx in Word first)',
    },
  };
  return new WordImportError(kind, text[kind]);
}
