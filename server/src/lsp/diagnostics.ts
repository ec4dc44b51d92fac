/** Findings as LSP diagnostics. */
import { DiagnosticSeverity, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { Finding, Locale, Severity, SpeechDocument } from '../core';
import type { DocsUrl } from './docsLinks';
import { toLspEdits, toRange } from './positions';
import { DIAGNOSTIC_SOURCE } from './protocol';

export { DIAGNOSTIC_SOURCE };

const SEVERITIES: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a fixable diagnostic carries for code actions: the fix as LSP edits and
 * the document version they were computed against (a fix for an older text
 * must not be offered).
 */
export interface DiagnosticData {
  version: number;
  fix: LspTextEdit[];
}

export function isDiagnosticData(data: unknown): data is DiagnosticData {
  const d = data as Partial<DiagnosticData> | null | undefined;
  return typeof d === 'object' && d !== null && typeof d.version === 'number' && Array.isArray(d.fix);
}

export interface DiagnosticOptions {
  version: number;
  locale: Locale;
  docsUrl: DocsUrl;
}

/**
 * At most this many diagnostics go out for one file. A pasted megabyte of
 * spaced-out characters would otherwise send half a million of them — more
 * than anyone reads, and hundreds of megabytes of JSON for the editor.
 */
export const MAX_DIAGNOSTICS = 2000;
const RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2, hint: 3 };

/** The findings to show when there are too many: the most severe first, then in document order. */
export function capFindings(findings: readonly Finding[], max = MAX_DIAGNOSTICS): readonly Finding[] {
  if (findings.length <= max) return findings;
  return [...findings]
    .sort((a, b) => RANK[a.severity] - RANK[b.severity] || a.span.start - b.span.start)
    .slice(0, max)
    .sort((a, b) => a.span.start - b.span.start);
}

export function toDiagnostics(doc: SpeechDocument, findings: readonly Finding[], opts: DiagnosticOptions): Diagnostic[] {
  return capFindings(findings).map((f) => {
    const diagnostic: Diagnostic = {
      range: toRange(doc.lines, f.span),
      severity: SEVERITIES[f.severity],
      code: f.ruleId,
      codeDescription: { href: opts.docsUrl(f.ruleId) },
      source: DIAGNOSTIC_SOURCE,
      message: f.message[opts.locale],
    };
    if (f.fix && f.fix.length > 0) {
      const data: DiagnosticData = { version: opts.version, fix: toLspEdits(doc.lines, f.fix) };
      diagnostic.data = data;
    }
    return diagnostic;
  });
}
