/**
 * The editor's `speech.*` settings as the server uses them, read from a
 * `workspace/configuration` answer. Anything malformed falls back to its
 * default and is reported, so a typo in settings.json never stops checking.
 */
import { layerRuleSettings, parseConfig } from '../core/config';
import { allRules, findRule, type LocalizedText, type Rule, type RuleSettings, type SeveritySetting } from '../core';
import { rule as lengthLimit } from '../core/rules/structure/length-limit';

export type RunMode = 'onType' | 'onSave';

export interface SpeechSettings {
  /** Same shape as `"rules"` in `.speechlintrc.json`; layered over the file. */
  rules: RuleSettings;
  run: RunMode;
  checkMarkdown: boolean;
  checkPlaintext: boolean;
  /** `speech.severity.<rule id>` from the Settings UI: the rules whose severity is set there (not `default`). */
  severity: Readonly<Record<string, SeveritySetting>>;
  /** `speech.readingPace`: characters a minute, or null to leave the pace to the configuration. */
  readingPace: number | null;
}

export const DEFAULT_SETTINGS: SpeechSettings = { rules: {}, run: 'onType', checkMarkdown: false, checkPlaintext: false, severity: {}, readingPace: null };

/** The values of a `speech.severity.<id>` setting; `default` leaves the rule to the configuration. */
export const SEVERITY_CHOICES = ['default', 'off', 'hint', 'info', 'warning', 'error'] as const;

const PACE = lengthLimit.meta.options!.charsPerMinute;
const MIN_PACE = PACE.type === 'number' ? (PACE.minimum ?? 1) : 1;

/** Reads the `speech` section; `problems` say what was ignored and why. */
export function readSettings(raw: unknown): { settings: SpeechSettings; problems: LocalizedText[] } {
  const settings: SpeechSettings = { ...DEFAULT_SETTINGS };
  const problems: LocalizedText[] = [];
  if (typeof raw !== 'object' || raw === null) return { settings, problems };
  const section = raw as Record<string, unknown>;
  if (section.rules !== undefined && section.rules !== null) {
    // The same reader as the file, so settings and file accept exactly the same things.
    const read = parseConfig(JSON.stringify({ rules: section.rules }));
    settings.rules = read.config.rules;
    for (const p of read.problems) problems.push({ zh: `speech.rules：${p.message.zh}`, en: `speech.rules: ${p.message.en}` });
  }
  if (section.run === 'onType' || section.run === 'onSave') settings.run = section.run;
  else if (section.run !== undefined) problems.push({ zh: 'speech.run 应为 "onType" 或 "onSave"', en: 'speech.run must be "onType" or "onSave"' });
  for (const key of ['checkMarkdown', 'checkPlaintext'] as const) {
    if (typeof section[key] === 'boolean') settings[key] = section[key];
    else if (section[key] !== undefined) problems.push({ zh: `speech.${key} 应为 true 或 false`, en: `speech.${key} must be true or false` });
  }
  if (typeof section.severity === 'object' && section.severity !== null) {
    const severity: Record<string, SeveritySetting> = {};
    for (const [id, value] of Object.entries(section.severity)) {
      if (value === 'default' || value === undefined || value === null) continue;
      if (!findRule(id)) problems.push({ zh: `speech.severity：未知的规则“${id}”`, en: `speech.severity: Unknown rule "${id}"` });
      else if (!(SEVERITY_CHOICES as readonly unknown[]).includes(value)) {
        problems.push({ zh: `speech.severity.${id} 应为 ${SEVERITY_CHOICES.join('、')} 之一`, en: `speech.severity.${id} must be one of ${SEVERITY_CHOICES.join(', ')}` });
      } else severity[id] = value as SeveritySetting;
    }
    settings.severity = severity;
  }
  const pace = section.readingPace;
  if (typeof pace === 'number' && Number.isFinite(pace) && pace >= MIN_PACE) settings.readingPace = pace;
  else if (pace !== undefined && pace !== null) problems.push({ zh: `speech.readingPace 应为不小于 ${MIN_PACE} 的数`, en: `speech.readingPace must be a number of at least ${MIN_PACE}` });
  return { settings, problems };
}

/**
 * The rules a document is checked with: `configured` (its `.speechlintrc.json`
 * chain under `speech.rules`) under the Settings UI's own settings, the most
 * specific: a severity set for a rule keeps the rule's options, and the reading
 * pace becomes `length-limit`'s `charsPerMinute`, keeping its severity.
 */
export function withEditorSettings(configured: RuleSettings, settings: SpeechSettings): RuleSettings {
  const rules = layerRuleSettings(configured, settings.severity);
  if (settings.readingPace === null) return rules;
  const id = lengthLimit.meta.id;
  const current = rules[id];
  const severity = Array.isArray(current) ? current[0] : ((current as SeveritySetting | undefined) ?? lengthLimit.meta.defaultSeverity);
  const options = Array.isArray(current) ? current[1] : undefined;
  return { ...rules, [id]: [severity, { ...options, charsPerMinute: settings.readingPace }] };
}

const LEVEL_NAMES: Readonly<Record<(typeof SEVERITY_CHOICES)[number], LocalizedText>> = {
  default: { zh: '默认', en: 'Default' },
  off: { zh: '关闭', en: 'Off' },
  hint: { zh: '提示', en: 'Hint' },
  info: { zh: '信息', en: 'Info' },
  warning: { zh: '警告', en: 'Warning' },
  error: { zh: '错误', en: 'Error' },
};

/**
 * The Settings UI's settings as package.json declares them, generated from the
 * rule catalog like the `speech.rules` schema (`npm run sync:settings`): the
 * reading pace, one severity choice per rule, and their texts for
 * package.nls.json (`en`) and package.nls.zh-cn.json (`zh`).
 */
export function settingsContributions(rules: readonly Rule[] = allRules): { properties: Record<string, object>; restricted: string[]; nls: LocalizedNls } {
  const nls: LocalizedNls = { zh: {}, en: {} };
  const text = (key: string, value: LocalizedText): string => {
    nls.zh[key] = value.zh;
    nls.en[key] = value.en;
    return `%${key}%`;
  };
  const properties: Record<string, object> = {
    'speech.readingPace': {
      type: ['number', 'null'],
      default: null,
      minimum: MIN_PACE,
      scope: 'resource',
      order: 0,
      markdownDescription: text('config.readingPace', {
        zh: `语速：每分钟读多少字，用于状态栏、标题上方的字数时长提示和 \`length-limit\` 规则。留空则按 \`.speechlintrc.json\` 或 \`speech.rules\` 中 \`length-limit\` 的 \`charsPerMinute\`（默认 ${PACE.default}）。在此设置的语速优先。`,
        en: `Reading pace in characters a minute, for the status bar, the lenses over titles and the \`length-limit\` rule. Empty: \`length-limit\`'s \`charsPerMinute\` in \`.speechlintrc.json\` or \`speech.rules\` (default ${PACE.default}). A pace set here comes first.`,
      }),
    },
  };
  const labels = SEVERITY_CHOICES.map((level) => text(`config.severity.level.${level}`, LEVEL_NAMES[level]));
  const restricted: string[] = [];
  rules.forEach((r, i) => {
    const key = `speech.severity.${r.meta.id}`;
    const level = LEVEL_NAMES[r.meta.defaultSeverity];
    properties[key] = {
      type: 'string',
      enum: [...SEVERITY_CHOICES],
      enumItemLabels: labels,
      default: 'default',
      scope: 'resource',
      order: i + 1,
      markdownDescription: text(`config.severity.${r.meta.id}`, {
        zh: `\`${r.meta.id}\`：${r.meta.description.zh}。“默认”按 \`.speechlintrc.json\` 和 \`speech.rules\`（未设置时为“${level.zh}”）；其他级别优先于两者。`,
        en: `\`${r.meta.id}\`: ${r.meta.description.en}. "Default" follows \`.speechlintrc.json\` and \`speech.rules\` (${level.en} when neither sets it); any other level comes first.`,
      }),
    };
    restricted.push(key);
  });
  return { properties, restricted, nls };
}

export interface LocalizedNls {
  zh: Record<string, string>;
  en: Record<string, string>;
}
