/**
 * Runs the rules over a parsed document and turns their reports into findings
 * with a severity taken from the configuration — the only place severities
 * are decided.
 */
import type { SpeechDocument, TextSpan } from './model';
import { formatMessage, type LocalizedText, type Rule, type RuleServices, type Severity, type SeveritySetting, type TextEdit } from './rule';
import { readDirectives, suppression } from './directives';
import { allRules } from './rules';

export type RuleSetting = SeveritySetting | readonly [SeveritySetting, Readonly<Record<string, unknown>>?];
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

export interface Finding {
  ruleId: string;
  severity: Severity;
  span: TextSpan;
  messageId: string;
  message: LocalizedText;
  fix?: readonly TextEdit[];
}

export interface LintOptions {
  rules?: RuleSettings;
  services?: RuleServices;
  /** Rules to run instead of the whole catalog (tests run one rule at a time). */
  only?: readonly Rule[];
}

/** Severity and options a rule runs with, or undefined when it is off. */
export function resolveRuleSetting(rule: Rule, setting: RuleSetting | undefined): { severity: Severity; options: Record<string, unknown> } | undefined {
  const [severity, overrides] = Array.isArray(setting)
    ? [setting[0] as SeveritySetting, setting[1] as Readonly<Record<string, unknown>> | undefined]
    : [(setting as SeveritySetting | undefined) ?? rule.meta.defaultSeverity, undefined];
  if (severity === 'off') return undefined;
  const options: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(rule.meta.options ?? {})) options[name] = spec.default;
  Object.assign(options, overrides);
  return { severity, options };
}

export function lint(doc: SpeechDocument, opts: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const services = opts.services ?? {};
  for (const rule of opts.only ?? allRules) {
    const resolved = resolveRuleSetting(rule, opts.rules?.[rule.meta.id]);
    if (!resolved) continue;
    const { meta } = rule;
    rule.check({
      doc,
      services,
      options: resolved.options,
      report(r) {
        const template = meta.messages[r.messageId];
        const message: LocalizedText = template
          ? { zh: formatMessage(template.zh, r.data), en: formatMessage(template.en, r.data) }
          : { zh: r.messageId, en: r.messageId };
        findings.push({ ruleId: meta.id, severity: resolved.severity, span: r.span, messageId: r.messageId, message, fix: r.fix });
      },
    });
  }
  const silenced = suppression(doc, readDirectives(doc));
  return findings
    .filter((f) => !silenced(f.ruleId, doc.lines.positionAt(f.span.start).line))
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}
