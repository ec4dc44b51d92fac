/**
 * Renumbering a speech in one go: every section marker at every level and
 * every inline item takes the number its position demands: a section marker in
 * its level's standard form (`四.` → `三、`, `（三）` → `（二）`), an item in its
 * own (`三是` → `二是`). Levels 1 and the
 * items come from the numbering rules' own fixes; levels 2–4, which
 * `heading-levels` reports without a fix, are counted the way it counts them.
 */
import { applyFixes } from './fix';
import { lint } from './lint';
import type { Section, Speech, SpeechDocument } from './model';
import type { TextEdit } from './rule';
import { rule as itemNumbering } from './rules/structure/item-numbering';
import { renumberEdit } from './rules/structure/renumber';
import { rule as sectionNumbering } from './rules/structure/section-numbering';

/** The edits that renumber `speeches` (all of the document's when omitted), in document order, none overlapping. */
export function renumberEdits(doc: SpeechDocument, speeches: readonly Speech[] = doc.speeches): TextEdit[] {
  const inScope = (start: number): boolean => speeches.some((s) => s.span.start <= start && start < s.span.end);
  const findings = lint(doc, { only: [sectionNumbering, itemNumbering] }).filter((f) => inScope(f.span.start));
  const edits = applyFixes(doc.text, findings).edits;
  for (const speech of speeches) edits.push(...lowerLevelEdits(speech.sections));
  return edits.sort((a, b) => a.span.start - b.span.start);
}

/** Levels 2–4 count 1, 2, 3… among the siblings of one parent, level by level; then down the tree. */
function lowerLevelEdits(siblings: readonly Section[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const level of [2, 3, 4] as const) {
    siblings
      .filter((s) => s.level === level)
      .forEach(({ marker }, i) => {
        const edit = marker.number === i + 1 ? undefined : renumberEdit(marker, i + 1);
        if (edit) edits.push(edit);
      });
  }
  for (const s of siblings) edits.push(...lowerLevelEdits(s.children));
  return edits;
}
