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
  --fix                 就地应用所有可自动修复的修改
  --config <文件>       使用此配置文件，不再查找 .speechlintrc.json
  --max-warnings <n>    警告数超过 n 时以状态 1 退出
  -                     从标准输入读取
  --help                显示本帮助
  --version             显示版本

未指定 --config 时，每个文件使用其所在目录或上级目录中最近的 .speechlintrc.json。

退出状态：0 无错误；1 有错误或警告超过上限；2 用法错误、文件无法读取或配置无效。
`,
  en: `Usage: speechlint [options] <file|dir|glob>...

Checks speech drafts (*.speech.md, *.speech.txt, *.speech). Directories are searched
recursively for those files; files named explicitly are checked whatever their extension.

Options:
  --format text|json|sarif
                        output format (default text; sarif is SARIF 2.1.0, for CI)
  --fix                 apply all automatic fixes in place
  --config <file>       use this configuration file instead of looking for .speechlintrc.json
  --max-warnings <n>    exit 1 when there are more than n warnings
  -                     read standard input
  --help                show this help
  --version             show the version

Without --config, each file gets the nearest .speechlintrc.json in its folder or above.

Exit status: 0 no errors; 1 errors, or warnings over the limit; 2 bad usage, an
unreadable file or an invalid configuration.
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
  fixed: { zh: '已自动修复 {fixed} 处问题。', en: 'Fixes applied: {fixed}.' },
  tooManyWarnings: { zh: '警告数 {warnings} 超过上限 {max}。', en: 'Warnings: {warnings}, over the limit of {max}.' },
} satisfies Record<string, LocalizedText>;
