/** The text (proofreading) rules, in catalog order. */
import type { Rule } from '../../rule';
import { rule as brokenParagraph } from './broken-paragraph';
import { rule as confusable } from './confusable';
import { rule as docNumber } from './doc-number';
import { rule as ellipsisDash } from './ellipsis-dash';
import { rule as formulations } from './formulations';
import { rule as fullwidthAlnum } from './fullwidth-alnum';
import { rule as halfwidthPunctuation } from './halfwidth-punctuation';
import { rule as latinWord } from './latin-word';
import { rule as lineStartPunctuation } from './line-start-punctuation';
import { rule as numberForm } from './number-form';
import { rule as numberRange } from './number-range';
import { rule as placeholder } from './placeholder';
import { rule as punctuationRun } from './punctuation-run';
import { rule as punctuationUse } from './punctuation-use';
import { rule as quoteStyle } from './quote-style';
import { rule as repeatedChar } from './repeated-char';
import { rule as repeatedPhrase } from './repeated-phrase';
import { rule as straySpace } from './stray-space';
import { rule as terms } from './terms';
import { rule as typo } from './typo';
import { rule as unmatchedPair } from './unmatched-pair';

export const textRules: readonly Rule[] = [
  halfwidthPunctuation,
  quoteStyle,
  unmatchedPair,
  punctuationRun,
  punctuationUse,
  ellipsisDash,
  lineStartPunctuation,
  repeatedChar,
  repeatedPhrase,
  latinWord,
  brokenParagraph,
  straySpace,
  numberRange,
  numberForm,
  fullwidthAlnum,
  terms,
  typo,
  formulations,
  docNumber,
  placeholder,
  confusable,
];
