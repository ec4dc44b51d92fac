/** Applying the edits that findings carry. */
import type { Finding } from './lint';
import type { TextEdit } from './rule';

/**
 * Whether a finding's fix may be applied in bulk, unseen (Fix All, fix on
 * save, formatting, `speechlint --fix`): its rule declares it a `form` fix.
 * Every other fix is a quick fix the user accepts one at a time.
 */
export function isBulkFix(f: Finding): boolean {
  return f.fixClass === 'form' && !!f.fix && f.fix.length > 0;
}

/**
 * Bulk fixing may lengthen a text by its own length (form fixes swap a mark
 * for a mark, and the longest, `…` → `……`, doubles one, so no draft of any
 * marks grows more) or by this many characters, whichever is more.
 */
const MAX_GROWTH_CHARS = 1000;

/**
 * Whether fixing `before` into `after` lengthened it beyond what form fixes
 * can. A fix whose result holds what it fixes (`A` → `A与A`) multiplies the
 * text pass after pass, and crosses this bound within a pass or two.
 */
export function grewTooMuch(before: string, after: string): boolean {
  return after.length - before.length > Math.max(MAX_GROWTH_CHARS, before.length);
}

/**
 * Applies the fixes of `findings` to `text`. A fix whose edits overlap an
 * already accepted edit is skipped whole (the next lint pass picks it up), so
 * fixes never interfere. Returns the new text and how many fixes were applied.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number; edits: TextEdit[] } {
  const accepted = new AcceptedEdits();
  let applied = 0;
  const fixes = findings
    .filter((f): f is Finding & { fix: readonly TextEdit[] } => !!f.fix && f.fix.length > 0)
    .map((f) => [...f.fix].sort((a, b) => a.span.start - b.span.start))
    .sort((a, b) => a[0].span.start - b[0].span.start);
  for (const edits of fixes) {
    if (edits.some((e) => accepted.overlaps(e))) continue;
    edits.forEach((e) => accepted.add(e));
    applied++;
  }
  const sorted = accepted.sorted();
  let out = '';
  let at = 0;
  for (const e of sorted) {
    out += text.slice(at, e.span.start) + e.text;
    at = e.span.end;
  }
  return { text: out + text.slice(at), applied, edits: sorted };
}

/**
 * Accepted edits kept sorted by start, so an overlap test is a binary search:
 * a file with half a million fixes (a megabyte of `中,`) is fixed in one pass,
 * not in time growing with the square of the count.
 */
class AcceptedEdits {
  private readonly edits: TextEdit[] = [];

  /** Index of the first edit starting after `offset`. */
  private upperBound(offset: number): number {
    let lo = 0;
    let hi = this.edits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.edits[mid].span.start <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Edits are disjoint and sorted, so only the neighbours of `e`'s place can touch it. */
  overlaps(e: TextEdit): boolean {
    const i = this.upperBound(e.span.end);
    for (let k = i - 1; k >= 0; k--) {
      const a = this.edits[k];
      if (overlap(a, e)) return true;
      if (a.span.end < e.span.start) return false;
    }
    return false;
  }

  add(e: TextEdit): void {
    this.edits.splice(this.upperBound(e.span.start), 0, e);
  }

  sorted(): TextEdit[] {
    return this.edits;
  }
}

/** Edits touching at one point both insert there, or one replaces what the other inserts beside: order would matter, so they count as overlapping. */
function overlap(a: TextEdit, b: TextEdit): boolean {
  if (a.span.start === a.span.end || b.span.start === b.span.end) {
    return a.span.start <= b.span.end && b.span.start <= a.span.end;
  }
  return a.span.start < b.span.end && b.span.start < a.span.end;
}
