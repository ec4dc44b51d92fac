/** The ten punctuation, spacing and form rules of the text catalog (the word rules aside), for tests that run them together. */
import type { Rule } from '../../server/src/core/rule';
import { textRules } from '../../server/src/core/rules/text';

const IDS = [
  'halfwidth-punctuation',
  'quote-style',
  'unmatched-pair',
  'punctuation-run',
  'ellipsis-dash',
  'line-start-punctuation',
  'latin-word',
  'stray-space',
  'number-range',
  'fullwidth-alnum',
];

export const PUNCTUATION_RULES: readonly Rule[] = IDS.map((id) => {
  const rule = textRules.find((r) => r.meta.id === id);
  if (!rule) throw new Error(`no text rule ${id}`);
  return rule;
});
