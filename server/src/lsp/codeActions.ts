/**
 * Code actions: a quick fix per fixable diagnostic, titled by what it does
 * (`describeFix`: `改为“三、”`), a fix-all for one rule in the file, a fix-all
 * for the whole file in the light bulb, and `source.fixAll.speech` (the same
 * set) for fix on save. The fix-alls
 * apply fixes the user does not look at one by one (and `source.fixAll` runs
 * on save), so they take only bulk (`form`) fixes, the same set as the CLI's
 * `--fix`: a renumbering or a deleted repeat is offered only as its own quick
 * fix. They go through the core's `applyFixes`, so overlapping fixes are
 * settled the same way as in the CLI, and the edits touch only the fixed
 * spans; an edit set that would grow the text beyond `grewTooMuch` is not
 * offered. Any finding can also be silenced on its line with a
 * `speechlint-disable-next-line` comment, written the way the draft writes:
 * `<!-- … -->` in Markdown, `// …` in plain text.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { applyFixes, grewTooMuch, isBulkFix, type Finding, type Locale, type LocalizedText, type SpeechDocument, type TextEdit } from '../core';
import { readDirectives } from '../core/directives';
import { describeFix } from '../core/fixTitle';
import { isIndentCode } from '../core/text/chars';
import { DIAGNOSTIC_SOURCE, isDiagnosticData } from './diagnostics';
import { toLspEdits } from './positions';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.speech`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

const FIX_RULE: LocalizedText = { zh: '修复本文件中所有 {rule} 问题（{n} 处）', en: 'Fix all {rule} problems in this file ({n})' };
const FIX_ALL: LocalizedText = { zh: '修复所有格式问题（标点、引号、全半角等）', en: 'Fix all problems of form (punctuation, quotes, width…)' };
const FIX_FILE: LocalizedText = { zh: '修复全部可自动修复的问题（{n} 处）', en: 'Fix all auto-fixable problems in this file ({n})' };
const DISABLE_LINE: LocalizedText = { zh: '禁用本行的 {rule} 规则', en: 'Disable {rule} for this line' };

export interface CodeActionInput {
  uri: string;
  /** The document's current version; `doc` and `findings` belong to it. */
  version: number;
  doc: SpeechDocument;
  findings: readonly Finding[];
  /** `CodeActionContext.diagnostics`: the diagnostics under the cursor or selection. */
  diagnostics: readonly Diagnostic[];
  /** `CodeActionContext.only`. */
  only?: readonly string[];
  locale: Locale;
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const { locale } = input;
  const actions: CodeAction[] = [];
  const fill = (template: LocalizedText, values: Record<string, string | number>): string =>
    template[locale].replace(/\{(\w+)\}/g, (_, key: string) => String(values[key]));
  /** The bulk fixes of `findings` as one edit, and how many it applies (none when they would grow the text too much). */
  const fixAll = (findings: readonly Finding[]): { edit: WorkspaceEdit; applied: number } => {
    const { text, edits, applied } = applyFixes(input.doc.text, findings.filter(isBulkFix));
    if (grewTooMuch(input.doc.text, text)) return { edit: {}, applied: 0 };
    return { edit: { changes: { [input.uri]: toLspEdits(input.doc.lines, edits) } }, applied };
  };

  if (wanted(CodeActionKind.QuickFix, input.only)) {
    const offeredRules = new Set<string>();
    /** The most bulk fixes one offered action already applies: the file-wide fix-all is offered only when it does more. */
    let offeredMost = 0;
    for (const diagnostic of input.diagnostics) {
      if (!isDiagnosticData(diagnostic.data) || diagnostic.data.version !== input.version) continue;
      const finding = findingOf(input, diagnostic);
      const title = finding && describeFix(input.doc.text, finding);
      if (!finding || !title) continue;
      actions.push({
        title: title[locale],
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        // A finding carries one fix, so there is never a competing choice.
        isPreferred: true,
        edit: { changes: { [input.uri]: diagnostic.data.fix } },
      });
      if (isBulkFix(finding)) offeredMost = Math.max(offeredMost, 1);
      const rule = finding.ruleId;
      if (offeredRules.has(rule)) continue;
      offeredRules.add(rule);
      const { edit, applied } = fixAll(input.findings.filter((f) => f.ruleId === rule));
      // With a single fix the quick fix above already does it all; a rule whose fixes are edits offers none (see `fixAll`).
      // Naming the diagnostic keeps VS Code from sorting this below the disable action (it lists actions tied to a diagnostic first).
      if (applied > 1) {
        actions.push({ title: fill(FIX_RULE, { rule, n: applied }), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
        offeredMost = Math.max(offeredMost, applied);
      }
    }
    // The light bulb's file-wide fix: the same safe set as fix on save, shown wherever one of our problems is.
    const ours = input.diagnostics.find((d) => findingOf(input, d) && (!isDiagnosticData(d.data) || d.data.version === input.version));
    if (ours) {
      const { edit, applied } = fixAll(input.findings);
      if (applied > offeredMost) actions.push({ title: fill(FIX_FILE, { n: applied }), kind: CodeActionKind.QuickFix, diagnostics: [ours], edit });
    }
    // After the fixes: silencing a rule is the last resort, not the suggestion.
    const disabled = new Set<string>();
    for (const diagnostic of input.diagnostics) {
      const finding = findingOf(input, diagnostic);
      if (!finding) continue;
      const line = input.doc.lines.positionAt(finding.span.start).line;
      const key = `${finding.ruleId}@${line}`;
      if (disabled.has(key)) continue;
      const edit = disableNextLineEdit(input.doc, finding.ruleId, line, isMarkdown(input));
      if (!edit) continue;
      disabled.add(key);
      actions.push({
        title: fill(DISABLE_LINE, { rule: finding.ruleId }),
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [input.uri]: toLspEdits(input.doc.lines, [edit]) } },
      });
    }
  }

  if (wanted(FIX_ALL_KIND, input.only)) {
    const { edit, applied } = fixAll(input.findings);
    if (applied > 0) actions.push({ title: FIX_ALL[locale], kind: FIX_ALL_KIND, edit });
  }
  return actions;
}

/** The current finding a diagnostic of ours stands for (same rule, same start); none for a diagnostic from an older text. */
function findingOf(input: CodeActionInput, diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE || typeof diagnostic.code !== 'string') return undefined;
  const { line, character } = diagnostic.range.start;
  return input.findings.find((f) => {
    if (f.ruleId !== diagnostic.code) return false;
    const start = input.doc.lines.positionAt(f.span.start);
    return start.line === line && start.character === character;
  });
}

/** Whether the draft is written as Markdown: a Markdown file, or any draft with `#` titles. */
function isMarkdown(input: CodeActionInput): boolean {
  return input.doc.syntax === 'markdown' || /\.(?:md|markdown)$/i.test(input.uri);
}

/**
 * The edit that silences `ruleId` on `line`: its id added to a
 * `speechlint-disable-next-line` comment already right above the line, or a
 * new comment line above it, indented like it, with the document's line break:
 * an HTML comment in Markdown (hidden when rendered), a `//` line in plain
 * text, where `<!-- -->` is markup from another world.
 */
function disableNextLineEdit(doc: SpeechDocument, ruleId: string, line: number, markdown: boolean): TextEdit | undefined {
  const index = doc.paragraphs.findIndex((p) => p.line === line);
  if (index < 0) return undefined;
  const paragraph = doc.paragraphs[index];
  const previousLine = index > 0 ? doc.paragraphs[index - 1].line : -1;
  const above = readDirectives(doc).find((d) => d.kind === 'disable-next-line' && d.ids.length > 0 && d.line > previousLine && d.line < line);
  if (above) {
    const at = above.idSpans[above.idSpans.length - 1].end;
    return { span: { start: at, end: at }, text: ` ${ruleId}` };
  }
  let indentEnd = paragraph.span.start;
  while (indentEnd < paragraph.span.end && isIndentCode(doc.text.charCodeAt(indentEnd))) indentEnd++;
  const indent = doc.text.slice(paragraph.span.start, indentEnd);
  const comment = markdown ? `<!-- speechlint-disable-next-line ${ruleId} -->` : `// speechlint-disable-next-line ${ruleId}`;
  return { span: { start: paragraph.span.start, end: paragraph.span.start }, text: `${indent}${comment}${doc.eol}` };
}

/** Whether a kind is asked for: no filter, or a filter that is the kind or one of its parents (`source` covers `source.fixAll.speech`). */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}
