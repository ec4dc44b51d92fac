/** What the CLI says, in Chinese or English. */
import type { Locale, LocalizedText } from '../core';

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
    const value = values[key];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[locale] : String(value);
  });
}

const ERRNO_REASONS: Readonly<Record<string, LocalizedText>> = {
  ENOENT: { zh: '文件不存在', en: 'no such file' },
  EACCES: { zh: '没有权限', en: 'permission denied' },
  EPERM: { zh: '没有权限', en: 'permission denied' },
  EISDIR: { zh: '这是一个目录', en: 'it is a directory' },
};

/** Why a file operation failed, in words rather than an errno dump. */
export function reasonOf(error: unknown): string | LocalizedText {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && ERRNO_REASONS[code]) return ERRNO_REASONS[code];
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
  --fix                 就地应用格式修复（标点、引号、序号写法等），不改字词、编号和分段
  --config <文件>       使用此配置文件，不再查找 .speechlintrc.json
  --max-warnings <n>    警告数超过 n 时以状态 1 退出
  -                     从标准输入读取
  --help                显示本帮助
  --version             显示版本

未指定 --config 时，每个文件使用其所在目录或上级目录中最近的 .speechlintrc.json。

退出状态：0 无错误；1 有错误或警告超过上限；2 用法错误、文件无法读取或配置无效。

Word 命令（第一个参数为命令名；要检查名为 export 等的文件，请写 ./export）：
  speechlint export <发言稿> [-o <输出.docx>]
      按公文格式（GB/T 9704）导出为 Word。默认输出为同名 .docx；版式选项取自
      发言稿最近的 .speechlintrc.json 中的 "export"。
  speechlint import <文件.docx> [-o <输出.speech.md>]
      把 Word 文档导入为发言稿；未能转换的内容以“文件:行: 说明”列在标准错误中。
      默认输出为同名 .speech.md，已存在时不覆盖（用 -o 指定则覆盖）。
  speechlint compile <发言稿>... --title <标题> [--subtitle <副标题>] -o <输出> [--force]
      按给定顺序汇编为发言摘登（Markdown）；输出以 .docx 结尾时直接导出为 Word，
      版式选项取自输出目录的配置。有结构错误的发言稿会被逐条列出，不写入任何文件，
      以状态 1 退出；加 --force 则照样汇编。

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
  --config <file>       use this configuration file instead of looking for .speechlintrc.json
  --max-warnings <n>    exit 1 when there are more than n warnings
  -                     read standard input
  --help                show this help
  --version             show the version

Without --config, each file gets the nearest .speechlintrc.json in its folder or above.

Exit status: 0 no errors; 1 errors, or warnings over the limit; 2 bad usage, an
unreadable file or an invalid configuration.

Word commands (the command name comes first; to check a file named export, write ./export):
  speechlint export <draft> [-o <out.docx>]
      export to Word in the official layout (GB/T 9704). The default output is the draft's
      name with .docx; layout options come from "export" in the draft's nearest
      .speechlintrc.json.
  speechlint import <in.docx> [-o <out.speech.md>]
      import a Word document as a draft; what could not be carried over is listed on
      standard error as "file:line: note". The default output is the document's name with
      .speech.md, never overwritten (a file named with -o is).
  speechlint compile <drafts>... --title <title> [--subtitle <subtitle>] -o <out> [--force]
      join the drafts, in the order given, into one compilation (Markdown); an output
      ending in .docx is exported to Word, with the output folder's configuration. Drafts
      with structure errors are listed, nothing is written and the exit status is 1;
      --force compiles them anyway.

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
  wouldOverwrite: { zh: '{path} 已存在，未覆盖；要覆盖请用 -o 指定输出文件', en: '{path} exists and was left alone; name the output with -o to overwrite it' },
  notWord: {
    zh: '{path} 不是 .docx 格式的 Word 文档（旧的 .doc 文件请先在 Word 中另存为 .docx）',
    en: '{path} is not a Word document in .docx format (save an old .doc file as .docx in Word first)',
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

/** Each Word command's synopsis, for a wrong number of arguments. */
export const USAGE = {
  export: { zh: 'speechlint export <发言稿> [-o <输出.docx>]', en: 'speechlint export <draft> [-o <out.docx>]' },
  import: { zh: 'speechlint import <文件.docx> [-o <输出.speech.md>]', en: 'speechlint import <in.docx> [-o <out.speech.md>]' },
  compile: {
    zh: 'speechlint compile <发言稿>... --title <标题> [--subtitle <副标题>] -o <输出> [--force]',
    en: 'speechlint compile <drafts>... --title <title> [--subtitle <subtitle>] -o <out> [--force]',
  },
} satisfies Record<string, LocalizedText>;
