/** The text (proofreading) rules, in catalog order. */
import type { Rule } from '../../rule';

export const textRules: readonly Rule[] = [];
