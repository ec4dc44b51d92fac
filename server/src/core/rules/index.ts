/** The whole rule catalog: structure rules first, then text rules. */
import type { Rule } from '../rule';
import { structureRules } from './structure';
import { textRules } from './text';

export const allRules: readonly Rule[] = [...structureRules, ...textRules];

export function findRule(id: string): Rule | undefined {
  return allRules.find((r) => r.meta.id === id);
}
