/** What the CLI says, in Chinese or English. */
import type { Locale, LocalizedText } from '../core';
import type { EncodingDoubt } from '../io/textEncoding';

/**
 * `SPEECHLINT_LOCALE` when set, else the POSIX locale variables; a tag starting
 * with `en` means English, anything else Chinese (the drafts are Chinese).
 */
export function cliLocale(env: NodeJS.ProcessEnv): Locale {
  const tag = env.SPEECHLINT_LOCALE || env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return tag.toLowerCase().startsWith('en') ? 'en' : 'zh';
}

/** Placeholder values: plain, or themselves in both languages. */
export type MessageValues = Readonly<Record<string, string | number | LocalizedText>>;

/** Fills `{name}` placeholders in the chosen language. */
export function say(text: LocalizedText, locale: Locale, values: MessageValues = {}): string {
  return text[locale].replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = Object.hasOwn(values, key) ? values[key] : undefined;
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[locale] : String(value);
  });
}

const ERRNO_REASONS: Readonly<Record<string, LocalizedText>> = {
  ENOENT: { zh: '文件不存在', en: 'no such file' },
  EACCES: { zh: '没有权限', en: 'permission denied' },
  EPERM: { zh: '没有权限', en: 'permission denied' },
  EISDIR: { zh: '这是一个目录', en: 'it is a directory' },
  ENOSPC: { zh: '磁盘空间不足', en: 'no space left on device' },
};

/** Why a file operation failed, in words rather than an errno dump. */
export function reasonOf(error: unknown): string | LocalizedText {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && Object.hasOwn(ERRNO_REASONS, code)) return ERRNO_REASONS[code];
  return error instanceof Error ? error.message : String(error);
}

/** A failure that ends the run with exit status 2: bad usage, an unreadable file, an invalid configuration. */
export class CliFailure extends Error {
  constructor(
    readonly text: LocalizedText,
    readonly values: MessageValues = {},
  ) {
    super(say(text, 'en', values));
  }
}

export const HELP: LocalizedText = {
  zh: `用法：speechlint [选项] <文件|目录|通配符>...

检查发言稿（*.speech.md、*.speech.txt、*.speech）。目录会递归查找这三种文件；
直接指定的文件不论扩展名都会检查。

选项：
  --format text|json|sarif
                        输出格式（默认 text；sarif 为 SARIF 2.1.0，供 CI 使用）
  --fix                 就地应用格式修复（标点、引号、序号写法等），不改字词、编号和分段；
                        按文件原有的编码、BOM 和换行写回
  --encoding <编码>     按此编码读写发言稿，不再自动识别：utf-8、utf-16le、utf-16be、
                        gb18030、gbk
  --config <文件>       使用此配置文件，不再查找 .speechlintrc.json
  --max-warnings <n>    警告数超过 n 时以状态 1 退出
  --jobs <n>            用 n 个线程检查多个文件（默认每个 CPU 核一个；1 为单线程）；
                        --fix 和标准输入总在单线程中处理；输出与单线程完全相同
  -                     从标准输入读取
  --help                显示本帮助
  --version             显示版本

未指定 --config 时，每个文件使用其所在目录或上级目录中最近的 .speechlintrc.json。

编码：有 BOM 的按 BOM（UTF-8、UTF-16）；否则是有效 UTF-8 的按 UTF-8，否则按 GB18030
（含 GBK）。编码无法确定的文件只检查、不修复；不是文本的文件（.docx、图片等）跳过，
从不写入。--fix 只在文件读取后未被改动时写回；符号链接不修复。

退出状态：0 无错误；1 有错误或警告超过上限；2 用法错误、文件无法读取或写入、
修复未能写回或配置无效。

Word 命令（第一个参数为命令名；要检查名为 export 等的文件，请写 ./export）：
  speechlint export <发言稿> [-o <输出.docx>] [--force] [--encoding <编码>]
      按公文格式（GB/T 9704）导出为 Word。默认输出为同名 .docx；版式选项取自
      发言稿最近的 .speechlintrc.json 中的 "export"。
  speechlint import <文件.docx> [-o <输出.speech.md>] [--force]
      把 Word 文档导入为发言稿（UTF-8）；未能转换的内容以“文件:行: 说明”列在标准错误中。
      默认输出为同名 .speech.md。.doc、.wps、.odt、.rtf 文件先用 LibreOffice（soffice）
      转换为 .docx 再导入，需已安装 LibreOffice。
  speechlint compile <发言稿>... --title <标题> [--subtitle <副标题>] -o <输出> [--force] [--encoding <编码>]
      按给定顺序汇编为发言摘登（Markdown，UTF-8）；输出以 .docx 结尾时直接导出为 Word，
      版式选项取自输出目录的配置。有结构错误的发言稿会被逐条列出，不写入任何文件，
      以状态 1 退出；加 --force 则照样汇编。
  speechlint layout <发言稿> [--format text|json] [--encoding <编码>]
      按导出 Word 的版式排版（默认每页 22 行、每行 28 字），逐页列出各行及每页字数和朗读
      时长；json 输出一个对象，pages 中每页有 lines（文字和原文位置）、chars、seconds。
      详见 docs/layout.md。

  输出文件已存在时不覆盖，加 --force 才替换（compile 的 --force 同时允许汇编有结构错误
  的发言稿）。输出从不写入符号链接，也从不替换任何输入文件（即使加 --force）。写入先写
  同目录的临时文件再改名，中途失败时原文件保持不变。

详见 docs/export.md。Word 命令的退出状态：0 成功；1 汇编被结构错误拦下；
2 用法错误、文件无法读写、不是 Word 文档、配置或导出选项无效。
`,
  en: `Usage: speechlint [options] <file|dir|glob>...

Checks speech drafts (*.speech.md, *.speech.txt, *.speech). Directories are searched
recursively for those files; files named explicitly are checked whatever their extension.

Options:
  --format text|json|sarif
                        output format (default text; sarif is SARIF 2.1.0, for CI)
  --fix                 apply the fixes of form in place (punctuation, quotes, marker forms);
                        never words, numbering or line breaks
                        (written back in the file's own encoding, BOM and line endings)
  --encoding <name>     read and write drafts in this encoding instead of telling it from
                        the bytes: utf-8, utf-16le, utf-16be, gb18030, gbk
  --config <file>       use this configuration file instead of looking for .speechlintrc.json
  --max-warnings <n>    exit 1 when there are more than n warnings
  --jobs <n>            check several files in n threads (default one per CPU core; 1 runs
                        on one thread); --fix and standard input always run on one thread;
                        the output is the same either way
  -                     read standard input
  --help                show this help
  --version             show the version

Without --config, each file gets the nearest .speechlintrc.json in its folder or above.

Encodings: a BOM decides (UTF-8, UTF-16); otherwise valid UTF-8 is read as UTF-8, else as
GB18030 (which includes GBK). A file whose encoding cannot be told is checked but not fixed;
a file that is not text (.docx, images…) is skipped and never written. --fix writes a file
back only if it has not changed since it was read, and never fixes a symbolic link.

Exit status: 0 no errors; 1 errors, or warnings over the limit; 2 bad usage, a file that
cannot be read or written, fixes that could not be written, or an invalid configuration.

Word commands (the command name comes first; to check a file named export, write ./export):
  speechlint export <draft> [-o <out.docx>] [--force] [--encoding <name>]
      export to Word in the official layout (GB/T 9704). The default output is the draft's
      name with .docx; layout options come from "export" in the draft's nearest
      .speechlintrc.json.
  speechlint import <in.docx> [-o <out.speech.md>] [--force]
      import a Word document as a draft (UTF-8); what could not be carried over is listed on
      standard error as "file:line: note". The default output is the document's name with
      .speech.md. .doc, .wps, .odt and .rtf files are converted to .docx by LibreOffice
      (soffice) first, which must be installed.
  speechlint compile <drafts>... --title <title> [--subtitle <subtitle>] -o <out> [--force] [--encoding <name>]
      join the drafts, in the order given, into one compilation (Markdown, UTF-8); an output
      ending in .docx is exported to Word, with the output folder's configuration. Drafts
      with structure errors are listed, nothing is written and the exit status is 1;
      --force compiles them anyway.
  speechlint layout <draft> [--format text|json] [--encoding <name>]
      lay the draft out as the Word export prints it (22 lines of 28 characters by default)
      and list each page's lines, characters and speaking time; json is one object whose
      pages each hold their lines (text and source range), chars and seconds. See docs/layout.md.

  An existing output is never replaced without --force (for compile, --force also compiles
  drafts with structure errors). An output is never written through a symbolic link, and
  never replaces one of the inputs, even with --force. Outputs are written to a temporary
  file beside them and renamed: a write that fails leaves the old file as it was.

See docs/export.md. Exit status of the Word commands: 0 done; 1 compilation stopped by
structure errors; 2 bad usage, a file that cannot be read or written, not a Word document,
an invalid configuration or export option.
`,
};

export const MESSAGES = {
  usageHint: { zh: '运行 speechlint --help 查看用法。', en: 'Run speechlint --help for usage.' },
  noTargets: { zh: '没有指定要检查的文件', en: 'no files to check were given' },
  unknownOption: { zh: '未知选项 {option}', en: 'unknown option {option}' },
  missingValue: { zh: '选项 {option} 缺少取值', en: 'option {option} needs a value' },
  badFormat: { zh: '不支持的输出格式“{format}”，可用：text、json、sarif', en: 'unsupported format "{format}"; use text, json or sarif' },
  badMaxWarnings: { zh: '--max-warnings 的取值“{value}”不是非负整数', en: '--max-warnings value "{value}" is not a non-negative integer' },
  badJobs: { zh: '--jobs 的取值“{value}”不是正整数', en: '--jobs value "{value}" is not a positive integer' },
  fixStdin: { zh: '--fix 不能用于标准输入（无处写回）', en: '--fix cannot be used with standard input (nowhere to write back)' },
  noMatch: { zh: '没有文件匹配 {pattern}', en: 'no files match {pattern}' },
  noSpeechFiles: { zh: '目录 {path} 中没有发言稿文件（*.speech.md、*.speech.txt、*.speech）', en: 'no speech drafts (*.speech.md, *.speech.txt, *.speech) in directory {path}' },
  unreadable: { zh: '无法读取 {path}：{reason}', en: 'cannot read {path}: {reason}' },
  unwritable: { zh: '无法写入 {path}：{reason}', en: 'cannot write {path}: {reason}' },
  // `path:line:col: message` in both languages, the form editors and CI problem matchers read.
  configProblem: { zh: '{file}:{line}:{column}: {problem}', en: '{file}:{line}:{column}: {problem}' },
  summaryClean: { zh: '检查 {files} 个文件，未发现问题。', en: 'Files checked: {files}. No problems.' },
  summary: {
    zh: '检查 {files} 个文件，发现 {problems} 个问题（错误 {errors}，警告 {warnings}，提示 {infos}）。',
    en: 'Files checked: {files}. Problems: {problems} (errors: {errors}, warnings: {warnings}, info: {infos}).',
  },
  moreProblems: { zh: '{path}：另有 {more} 个问题未列出（摘要计入全部；--format json 列出全部）', en: '{path}: {more} more problems not listed (counted in the summary; --format json lists all)' },
  fixPasses: {
    zh: '{path}：修复 {passes} 遍后仍未稳定（修复之间相互牵连），文件未改动',
    en: '{path}: fixes did not settle in {passes} passes (they keep undoing or feeding each other); the file was left unchanged',
  },
  fixGrowth: {
    zh: '{path}：修复会使文本增长过多（某项修复的结果又含有它要修复的内容），文件未改动',
    en: "{path}: fixing would grow the text too much (a fix's result holds what it fixes); the file was left unchanged",
  },
  fixed: { zh: '已自动修复 {fixed} 处问题。', en: 'Fixes applied: {fixed}.' },
  tooManyWarnings: { zh: '警告数 {warnings} 超过上限 {max}。', en: 'Warnings: {warnings}, over the limit of {max}.' },
  wrongArguments: { zh: '用法：{usage}', en: 'Usage: {usage}' },
  missingOption: { zh: '缺少选项 {option}', en: 'option {option} is required' },
  wrote: { zh: '已写入 {path}', en: 'Wrote {path}' },
  badEncoding: {
    zh: '不支持的编码“{encoding}”，可用：utf-8、utf-16le、utf-16be、gb18030、gbk',
    en: 'unsupported encoding "{encoding}"; use utf-8, utf-16le, utf-16be, gb18030 or gbk',
  },
  // Reading: what was refused, and why.
  notRegularFile: { zh: '{path} 不是普通文件（目录、设备或管道），未读取', en: '{path} is not a regular file (a directory, device or pipe): not read' },
  tooLarge: { zh: '{path} 超过 {limit} MiB 的上限，未读取', en: '{path} is larger than the limit of {limit} MiB: not read' },
  notText: { zh: '{path} 不是文本文件（{format}），已跳过，未改动', en: '{path} is not a text file ({format}): skipped and left as it was' },
  notInEncoding: { zh: '{path} 不是有效的 {encoding} 文本', en: '{path} is not valid {encoding} text' },
  encodingUncertain: {
    zh: '{path} 的编码无法确定（{reason}），未处理；可用 --encoding 指定编码',
    en: 'cannot tell the encoding of {path} ({reason}): not processed; name it with --encoding',
  },
  fixUncertain: {
    zh: '{path} 的编码无法确定（{reason}），只检查、未修复；可用 --encoding 指定编码',
    en: 'cannot tell the encoding of {path} ({reason}): checked but not fixed; name it with --encoding',
  },
  notEncodable: { zh: '{path} 修复后的文本无法按 {encoding} 原样保存，未写入', en: '{path}: the fixed text cannot be saved in {encoding} without loss: not written' },
  // Writing: the target is left as it was.
  targetSymlink: { zh: '{path} 是符号链接，未写入', en: '{path} is a symbolic link: nothing written' },
  targetNotRegular: { zh: '{path} 不是普通文件，未写入', en: '{path} is not a regular file: nothing written' },
  wouldOverwrite: { zh: '{path} 已存在，未覆盖；要覆盖请加 --force', en: '{path} exists and was left alone; add --force to replace it' },
  targetIsInput: { zh: '{path} 是输入文件，不能同时作为输出，未写入', en: '{path} is one of the inputs and cannot be the output: nothing written' },
  changedSinceRead: {
    zh: '{path} 在检查期间被其他程序修改，修复未写入，文件保留其修改',
    en: '{path} changed on disk while it was being checked: fixes not written, the file keeps that change',
  },
  notWord: {
    zh: '{path} 不是 .docx 格式的 Word 文档（旧的 .doc 文件请先在 Word 中另存为 .docx）',
    en: '{path} is not a Word document in .docx format (save an old .doc file as .docx in Word first)',
  },
  importRefused: { zh: '{path}：{reason}', en: '{path}: {reason}' },
  needsLibreOffice: {
    zh: '{path}：导入 {format} 文件需要先用 LibreOffice 转换为 .docx，但未找到 soffice 命令；请安装 LibreOffice（如 Debian/Ubuntu：apt install libreoffice-writer），或在 Word、WPS 中另存为 .docx 后再导入',
    en: '{path}: importing a {format} file needs LibreOffice to convert it to .docx, and no soffice command was found; install LibreOffice (Debian/Ubuntu: apt install libreoffice-writer), or save the file as .docx in Word or WPS and import that',
  },
  conversionTimeout: {
    zh: '{path}：LibreOffice 转换超时，已中止；请在 Word、WPS 或 LibreOffice 中另存为 .docx 后再导入',
    en: '{path}: the LibreOffice conversion took too long and was stopped; save the file as .docx in Word, WPS or LibreOffice and import that',
  },
  conversionFailed: {
    zh: '{path}：LibreOffice 未能转换此文件（可能已损坏或不是 {format} 文件）：{reason}',
    en: '{path}: LibreOffice could not convert this file (it may be damaged, or not a {format} file): {reason}',
  },
  // `file:line: note`, the form problem matchers read; a note without a place has no line.
  importNote: { zh: '{file}:{line}: {note}', en: '{file}:{line}: {note}' },
  importNoteUnplaced: { zh: '{file}: {note}', en: '{file}: {note}' },
  compileRefused: {
    zh: '以下发言稿有结构错误，未汇编，也未写入任何文件（加 --force 仍可汇编）：',
    en: 'These drafts have structure errors: nothing was compiled or written (--force compiles them anyway):',
  },
  compileForced: { zh: '以下发言稿有结构错误，已按 --force 照样汇编：', en: 'These drafts have structure errors and were compiled anyway (--force):' },
} satisfies Record<string, LocalizedText>;

/** Why a draft's encoding is uncertain, for `encodingUncertain` and `fixUncertain`. */
export const ENCODING_DOUBTS = {
  undecodable: { zh: '既不是有效的 UTF-8，也不是有效的 GB18030', en: 'neither valid UTF-8 nor valid GB18030' },
  'unlikely-characters': { zh: '按 GB18030 读出的多是生僻字或私用区字符', en: 'read as GB18030 it is mostly rare or private-use characters' },
  'no-round-trip': { zh: '按 GB18030 读出后无法原样写回', en: 'read as GB18030 it would not be written back byte for byte' },
} satisfies Record<EncodingDoubt, LocalizedText>;

/** Each Word command's synopsis, for a wrong number of arguments. */
export const USAGE = {
  export: {
    zh: 'speechlint export <发言稿> [-o <输出.docx>] [--force] [--encoding <编码>]',
    en: 'speechlint export <draft> [-o <out.docx>] [--force] [--encoding <name>]',
  },
  import: { zh: 'speechlint import <文件.docx> [-o <输出.speech.md>] [--force]', en: 'speechlint import <in.docx> [-o <out.speech.md>] [--force]' },
  compile: {
    zh: 'speechlint compile <发言稿>... --title <标题> [--subtitle <副标题>] -o <输出> [--force] [--encoding <编码>]',
    en: 'speechlint compile <drafts>... --title <title> [--subtitle <subtitle>] -o <out> [--force] [--encoding <name>]',
  },
  layout: { zh: 'speechlint layout <发言稿> [--format text|json] [--encoding <编码>]', en: 'speechlint layout <draft> [--format text|json] [--encoding <name>]' },
} satisfies Record<string, LocalizedText>;
