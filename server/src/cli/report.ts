/** The CLI's output formats. Positions are the LSP ones: 0-based lines, UTF-16 characters. */
import type { Finding, LineIndex, Locale, Severity } from '../core';
import { MESSAGES, say } from './messages';
import { jsonSafe, terminalSafe } from './terminal';

export interface FileReport {
  /** The path as given or found (`<stdin>` for standard input). */
  path: string;
  /** Where the findings' spans are in lines and characters: all the formats need of the document. */
  lines: Positions;
  findings: readonly Finding[];
}

/** The part of a `LineIndex` the formats use; a worker thread sends only the positions of its findings' spans, not the text. */
export type Positions = Pick<LineIndex, 'positionAt'>;

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(reports: readonly FileReport[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const r of reports) for (const f of r.findings) counts[f.severity]++;
  return counts;
}

/**
 * Problems printed per file in the text format. A pathological draft (one
 * character repeated for megabytes) can have hundreds of thousands; nobody
 * reads past the first screens, and the rest would flood the terminal. The
 * summary still counts them all; JSON and SARIF, read by programs, list all.
 */
export const MAX_TEXT_LINES_PER_FILE = 1000;

/** `path:line:column  severity  message  rule-id` per problem (1-based line and column), then a summary line. */
export function formatText(reports: readonly FileReport[], locale: Locale): string {
  const lines: string[] = [];
  for (const r of reports) {
    const shown = r.findings.slice(0, MAX_TEXT_LINES_PER_FILE);
    for (const f of shown) lines.push(findingLine(r.path, r.lines, f, locale));
    const more = r.findings.length - shown.length;
    if (more > 0) lines.push(terminalSafe(say(MESSAGES.moreProblems, locale, { path: r.path, more })));
  }
  const counts = countSeverities(reports);
  const problems = counts.error + counts.warning + counts.info + counts.hint;
  lines.push(
    problems === 0
      ? say(MESSAGES.summaryClean, locale, { files: reports.length })
      : say(MESSAGES.summary, locale, { files: reports.length, problems, errors: counts.error, warnings: counts.warning, infos: counts.info + counts.hint }),
  );
  return lines.join('\n') + '\n';
}

/** One problem: `path:line:column  severity  message  rule-id`, 1-based line and column, safe for a terminal. */
export function findingLine(path: string, lines: Positions, f: Finding, locale: Locale): string {
  const { line, character } = lines.positionAt(f.span.start);
  return terminalSafe(`${path}:${line + 1}:${character + 1}  ${f.severity}  ${f.message[locale]}  ${f.ruleId}`);
}

/** The spec's JSON: one object per file, with LSP-style ranges. */
export function formatJson(reports: readonly FileReport[], locale: Locale): string {
  const files = reports.map((r) => ({
    file: r.path,
    diagnostics: r.findings.map((f) => ({
      rule: f.ruleId,
      severity: f.severity,
      message: f.message[locale],
      range: { start: r.lines.positionAt(f.span.start), end: r.lines.positionAt(f.span.end) },
    })),
  }));
  return jsonSafe(JSON.stringify(files, null, 2)) + '\n';
}
