/**
 * The editor's `speech.*` settings as the server uses them, read from a
 * `workspace/configuration` answer. Anything malformed falls back to its
 * default and is reported, so a typo in settings.json never stops checking.
 */
import { parseConfig } from '../core/config';
import type { LocalizedText, RuleSettings } from '../core';

export type RunMode = 'onType' | 'onSave';

export interface SpeechSettings {
  /** Same shape as `"rules"` in `.speechlintrc.json`; layered over the file. */
  rules: RuleSettings;
  run: RunMode;
  checkMarkdown: boolean;
  checkPlaintext: boolean;
}

export const DEFAULT_SETTINGS: SpeechSettings = { rules: {}, run: 'onType', checkMarkdown: false, checkPlaintext: false };

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
  return { settings, problems };
}
