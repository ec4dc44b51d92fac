/** Applying the edits that findings carry. */
import type { Finding } from './lint';
import type { TextEdit } from './rule';

/**
 * Applies the fixes of `findings` to `text`. A fix whose edits overlap an
 * already accepted edit is skipped whole (the next lint pass picks it up), so
 * fixes never interfere. Returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number; edits: TextEdit[] } {
  const accepted: TextEdit[] = [];
  let applied = 0;
  const fixes = findings
    .filter((f): f is Finding & { fix: readonly TextEdit[] } => !!f.fix && f.fix.length > 0)
    .map((f) => [...f.fix].sort((a, b) => a.span.start - b.span.start))
    .sort((a, b) => a[0].span.start - b[0].span.start);
  for (const edits of fixes) {
    if (edits.some((e) => accepted.some((a) => overlaps(a, e)))) continue;
    accepted.push(...edits);
    applied++;
  }
  accepted.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  let out = '';
  let at = 0;
  for (const e of accepted) {
    out += text.slice(at, e.span.start) + e.text;
    at = e.span.end;
  }
  return { text: out + text.slice(at), applied, edits: accepted };
}

/** Edits touching at one point both insert there, or one replaces what the other inserts beside: order would matter, so they count as overlapping. */
function overlaps(a: TextEdit, b: TextEdit): boolean {
  if (a.span.start === a.span.end || b.span.start === b.span.end) {
    return a.span.start <= b.span.end && b.span.start <= a.span.end;
  }
  return a.span.start < b.span.end && b.span.start < a.span.end;
}
