/** The structure rules, in catalog order. */
import type { Rule } from '../../rule';
import { rule as titleMissing } from './title-missing';
import { rule as titleForm } from './title-form';
import { rule as speakerMissing } from './speaker-missing';
import { rule as speakerForm } from './speaker-form';
import { rule as leadMissing } from './lead-missing';
import { rule as sectionNumbering } from './section-numbering';
import { rule as sectionMarker } from './section-marker';
import { rule as headingLevels } from './heading-levels';
import { rule as itemNumbering } from './item-numbering';
import { rule as headingSentence } from './heading-sentence';
import { rule as lengthLimit } from './length-limit';

export const structureRules: readonly Rule[] = [
  titleMissing,
  titleForm,
  speakerMissing,
  speakerForm,
  leadMissing,
  sectionNumbering,
  sectionMarker,
  headingLevels,
  itemNumbering,
  headingSentence,
  lengthLimit,
];
