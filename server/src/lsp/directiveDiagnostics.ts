/** Control comments that name unknown rules, as warnings on the names. */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Locale, SpeechDocument } from '../core';
import { directiveProblems, readDirectives } from '../core/directives';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { toRange } from './positions';

export function directiveDiagnostics(doc: SpeechDocument, locale: Locale): Diagnostic[] {
  return directiveProblems(readDirectives(doc)).map((p) => ({
    range: toRange(doc.lines, p.span),
    severity: DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    message: p.message[locale],
  }));
}
