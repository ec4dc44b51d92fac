/** The structure rules, in catalog order. */
import type { Rule } from '../../rule';

export const structureRules: readonly Rule[] = [];
