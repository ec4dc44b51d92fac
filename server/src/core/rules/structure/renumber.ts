/**
 * Renumbering a marker in place: a section marker takes the standard form of
 * its level (`四.` → `三、`: the renumbered `三.` would itself be a
 * `section-marker` finding), an item keeps how it is written (`四是` → `三是`,
 * `第三` → `第二`, `(3)` → `(2)`).
 */
import type { RuleContext, TextEdit } from '../../rule';
import type { SectionLevel, TextSpan } from '../../model';
import { canonicalMarker } from '../../parse/markers';
import { formatChineseNumber } from '../../text/numerals';

const NUMERAL = /[一二三四五六七八九十两〇零]+|\d+/;

/** A section marker (with its level) or an inline item marker (without). */
export interface NumberedMarker {
  text: string;
  span: TextSpan;
  number: number;
  level?: SectionLevel;
}

/** The edit that makes `marker` carry `n`. */
export function renumberEdit(marker: NumberedMarker, n: number): TextEdit | undefined {
  if (marker.level) return { span: marker.span, text: canonicalMarker(marker.level, n) };
  const m = NUMERAL.exec(marker.text);
  if (!m) return undefined;
  const start = marker.span.start + m.index;
  return { span: { start, end: start + m[0].length }, text: /\d/.test(m[0]) ? String(n) : formatChineseNumber(n) };
}

/** How `marker` reads once it carries `n`. */
export function renumbered(marker: NumberedMarker, n: number): string {
  const edit = renumberEdit(marker, n);
  if (!edit) return marker.text;
  const at = edit.span.start - marker.span.start;
  return marker.text.slice(0, at) + edit.text + marker.text.slice(edit.span.end - marker.span.start);
}

/**
 * Reports every marker whose number is not its place (`firstPlace`, then one
 * more each), with the renumbering as its fix; the rule's `outOfSequence`
 * message gets the place, the expected and the found marker.
 */
export function reportOutOfSequence(ctx: RuleContext, markers: readonly NumberedMarker[], firstPlace = 1): void {
  markers.forEach((marker, i) => {
    const index = i + firstPlace;
    if (marker.number === index) return;
    const edit = renumberEdit(marker, index);
    ctx.report({
      span: marker.span,
      messageId: 'outOfSequence',
      data: { index, expected: renumbered(marker, index), found: marker.text },
      fix: edit ? [edit] : undefined,
    });
  });
}
