/**
 * `speechlint layout <draft> [--format text|json] [--encoding <name>]`: the draft's printed pages
 * and lines, as the layout engine sets them (docs/layout.md), for scripts and for tests.
 */
import { LineIndex, type Locale, type LocalizedText } from '../../core';
import { layout, type Layout } from '../../core/layout';
import { paceFromSettings } from '../../core/summary';
import type { TextEncodingName } from '../../io/textEncoding';
import { parseEncoding } from '../args';
import { resolveConfigs } from '../config';
import { readDraftText } from '../fileAccess';
import { CliFailure, MESSAGES, say, USAGE } from '../messages';
import { terminalSafe } from '../terminal';
import { EXIT_FAILURE, EXIT_OK, readCommandArgs, reportConfigFaults, type Subcommand } from './subcommand';

interface LayoutArgs {
  draft: string;
  format: 'text' | 'json';
  encoding?: TextEncodingName;
}

const TEXT = {
  badFormat: { zh: '不支持的输出格式“{format}”，可用：text、json', en: 'unsupported format "{format}"; use text or json' },
  page: { zh: '第 {page} 页　{chars} 字，约 {time}', en: 'Page {page}: {chars} characters, about {time}' },
  time: { zh: '{minutes} 分 {seconds} 秒', en: '{minutes} min {seconds} s' },
  total: { zh: '共 {pages} 页，{chars} 字，约 {time}', en: 'Pages: {pages}, characters: {chars}, about {time}' },
} satisfies Record<string, LocalizedText>;

export const layoutCommand: Subcommand<LayoutArgs> = {
  parse(argv) {
    const { positionals, out, values } = readCommandArgs(argv, { values: ['--format', '--encoding'] });
    if (positionals.length !== 1 || out !== undefined) throw new CliFailure(MESSAGES.wrongArguments, { usage: USAGE.layout });
    const format = values.get('--format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new CliFailure(TEXT.badFormat, { format });
    const encoding = values.get('--encoding');
    return { draft: positionals[0], format, encoding: encoding === undefined ? undefined : parseEncoding(encoding) };
  },

  async run({ draft, format, encoding }, locale) {
    const configs = resolveConfigs([draft], undefined, process.cwd());
    if (reportConfigFaults(configs.faults, locale)) return EXIT_FAILURE;
    const text = readDraftText(draft, encoding);
    const result = layout(text, { ...configs.exportFor(draft), charsPerMinute: paceFromSettings(configs.rulesFor(draft)) });
    process.stdout.write(format === 'json' ? formatJson(result, new LineIndex(text)) : formatText(result, locale));
    return EXIT_OK;
  },
};

/** Minutes and seconds, the seconds rounded up so a page never reads shorter than it is. */
function duration(seconds: number, locale: Locale): string {
  const whole = Math.ceil(seconds);
  return say(TEXT.time, locale, { minutes: Math.floor(whole / 60), seconds: whole % 60 });
}

/** Each page's heading line, then its lines, each after its grid line number on the page. */
function formatText(result: Layout, locale: Locale): string {
  const out: string[] = [];
  for (const page of result.pages) {
    out.push(say(TEXT.page, locale, { page: page.number, chars: page.chars, time: duration(page.seconds, locale) }));
    for (const line of page.lines) out.push(`${String(line.row + 1).padStart(4)}  ${terminalSafe(line.text)}`);
    out.push('');
  }
  const chars = result.pages.reduce((n, p) => n + p.chars, 0);
  const seconds = result.pages.reduce((n, p) => n + p.seconds, 0);
  out.push(say(TEXT.total, locale, { pages: result.pages.length, chars, time: duration(seconds, locale) }));
  return `${out.join('\n')}\n`;
}

/** One object: the pages, each with its lines (text, UTF-16 range, 1-based draft line), characters and seconds. */
function formatJson(result: Layout, lines: LineIndex): string {
  const pages = result.pages.map((page) => ({
    number: page.number,
    chars: page.chars,
    seconds: Math.round(page.seconds * 10) / 10,
    start: page.start,
    end: page.end,
    lines: page.lines.map((line) => ({ text: line.text, start: line.start, end: line.end, line: lines.positionAt(line.start).line + 1, row: line.row, kind: line.kind })),
  }));
  return `${JSON.stringify({ pages }, null, 2)}\n`;
}
