/**
 * The `typo` rule's statistical tier as the hosts run it: only when the
 * configuration asks for it (`typo` option `level` holding `statistical`),
 * with the model loaded on first use (server/src/typoModel.ts). The CLI lends
 * the model to its one check; the language server runs the tier as a second
 * phase after the first diagnostics are out (`statisticalFindings`), so the
 * slower scoring never holds up what the cheap rules found.
 */
import { checkInSlices } from './checkScheduler';
import { findRule, resolveRuleSetting, type Finding, type LintOptions, type RuleServices, type RuleSettings } from './core';
import { loadTypoModel } from './typoModel';

/** The message ids of the statistical tier's findings (core/typo/statReport.ts). */
const STATISTICAL_IDS: ReadonlySet<string> = new Set(['statistical', 'statisticalChoice']);

/** Whether these settings switch the statistical tier on. */
export function wantsStatistical(rules: RuleSettings | undefined): boolean {
  const typo = findRule('typo');
  const resolved = typo && resolveRuleSetting(typo, rules?.typo);
  const level = resolved?.options.level;
  return Array.isArray(level) && level.includes('statistical');
}

/** `services` with the model added when the settings ask for the tier (and it loads); as they were otherwise. */
export function servicesFor(services: RuleServices, rules: RuleSettings | undefined): RuleServices {
  if (!wantsStatistical(rules)) return services;
  const typoModel = loadTypoModel();
  return typoModel ? { ...services, typoModel } : services;
}

/**
 * The statistical tier's findings on `text`: the `typo` rule alone, with the
 * model, in slices; undefined when `isStale` says a newer text has come
 * (the caller drops the work), [] when the settings do not ask for the tier.
 */
export async function statisticalFindings(text: string, options: LintOptions, isStale: () => boolean): Promise<Finding[] | undefined> {
  const typo = findRule('typo');
  const services = servicesFor(options.services ?? {}, options.rules);
  if (!typo || !services.typoModel) return [];
  const checked = await checkInSlices(text, { rules: options.rules, services, only: [typo] }, isStale);
  return checked?.findings.filter((f) => f.ruleId === 'typo' && STATISTICAL_IDS.has(f.messageId));
}
