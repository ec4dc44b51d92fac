/**
 * Faults in configuration files as diagnostics on those files, at the faulty
 * spot. The publisher remembers which files it has marked, so a fixed file is
 * cleared and an unchanged one is not sent again.
 */
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { FileProblem } from '../config/loadConfig';
import { LineIndex, type Locale } from '../core';
import { DIAGNOSTIC_SOURCE } from './diagnostics';

/** Diagnostics by configuration file URI; problems repeated through shared `extends` files appear once. */
export function configDiagnostics(problems: readonly FileProblem[], locale: Locale): Map<string, Diagnostic[]> {
  const out = new Map<string, Diagnostic[]>();
  const seen = new Set<string>();
  const indexes = new Map<string, LineIndex>();
  for (const p of problems) {
    const key = `${p.file}\0${p.start}\0${p.end}\0${p.message.en}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let lines = indexes.get(p.file);
    if (!lines) indexes.set(p.file, (lines = new LineIndex(p.text)));
    const uri = pathToFileURL(p.file).href;
    const diagnostic: Diagnostic = {
      range: { start: lines.positionAt(p.start), end: lines.positionAt(p.end) },
      severity: DiagnosticSeverity.Error,
      source: DIAGNOSTIC_SOURCE,
      message: p.message[locale],
    };
    out.set(uri, [...(out.get(uri) ?? []), diagnostic]);
  }
  return out;
}

export type Publish = (uri: string, diagnostics: Diagnostic[]) => void;

export class ConfigDiagnosticsPublisher {
  private published = new Map<string, string>();

  constructor(private readonly publish: Publish) {}

  /** Publishes what changed since the last call: new or different diagnostics, and empty lists for files now clean. */
  update(byUri: ReadonlyMap<string, Diagnostic[]>): void {
    const next = new Map<string, string>();
    for (const [uri, diagnostics] of byUri) {
      const serialized = JSON.stringify(diagnostics);
      next.set(uri, serialized);
      if (this.published.get(uri) !== serialized) this.publish(uri, diagnostics);
    }
    for (const uri of this.published.keys()) if (!next.has(uri)) this.publish(uri, []);
    this.published = next;
  }
}
