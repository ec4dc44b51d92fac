/** Renumbering a marker in place, keeping how it is written: `三、`→`二、`, `(3)`→`(2)`, `四是`→`三是`, `第三`→`第二`. */
import type { RuleContext, TextEdit } from '../../rule';
import type { TextSpan } from '../../model';
import { formatChineseNumber } from '../../text/numerals';

const NUMERAL = /[一二三四五六七八九十两〇零]+|\d+/;

/** The edit that makes the marker at `span` (reading `text`) carry `n`, in the marker's own script. */
export function renumberEdit(text: string, span: TextSpan, n: number): TextEdit | undefined {
  const m = NUMERAL.exec(text);
  if (!m) return undefined;
  const start = span.start + m.index;
  return { span: { start, end: start + m[0].length }, text: /\d/.test(m[0]) ? String(n) : formatChineseNumber(n) };
}

/** `text` with its numeral replaced by `n`. */
export function renumbered(text: string, n: number): string {
  const edit = renumberEdit(text, { start: 0, end: text.length }, n);
  return edit ? text.slice(0, edit.span.start) + edit.text + text.slice(edit.span.end) : text;
}

/**
 * Reports every marker whose number is not its place (`firstPlace`, then one
 * more each), with the renumbering as its fix; the rule's `outOfSequence`
 * message gets the place, the expected and the found marker.
 */
export function reportOutOfSequence(ctx: RuleContext, markers: ReadonlyArray<{ text: string; span: TextSpan; number: number }>, firstPlace = 1): void {
  markers.forEach((marker, i) => {
    const index = i + firstPlace;
    if (marker.number === index) return;
    const edit = renumberEdit(marker.text, marker.span, index);
    ctx.report({
      span: marker.span,
      messageId: 'outOfSequence',
      data: { index, expected: renumbered(marker.text, index), found: marker.text },
      fix: edit ? [edit] : undefined,
    });
  });
}
