/**
 * The smallest edits turning one string into another (Myers' O(ND) diff, by
 * code point so no edit splits a surrogate pair). Formatting uses it per line:
 * a normalized line becomes a few small edits, not one replacement of the line,
 * so the cursor and unrelated text stay put.
 */
import type { TextEdit } from './rule';

/** Beyond this many inserted plus deleted code points the diff is not worth it: one edit over the changed stretch is returned instead. */
const MAX_DISTANCE = 200;

/** Edits (UTF-16 spans of `before`, counted from `base`) that turn `before` into `after`, in order, none touching another. */
export function diffEdits(before: string, after: string, base = 0): TextEdit[] {
  if (before === after) return [];
  const a = Array.from(before);
  const b = Array.from(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const offsets = utf16Offsets(a, base);
  const spans = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail)) ?? [{ aStart: 0, aEnd: a.length - head - tail, bStart: 0, bEnd: b.length - head - tail }];
  return spans.map((s) => ({
    span: { start: offsets[head + s.aStart], end: offsets[head + s.aEnd] },
    text: b.slice(head + s.bStart, head + s.bEnd).join(''),
  }));
}

/** `offsets[i]`: where code point `i` starts, in UTF-16 units from `base`; one entry past the end. */
function utf16Offsets(points: readonly string[], base: number): number[] {
  const offsets = [base];
  for (const p of points) offsets.push(offsets[offsets.length - 1] + p.length);
  return offsets;
}

interface ChangedStretch {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** The changed stretches of a shortest edit script from `a` to `b`, or undefined past `MAX_DISTANCE`. */
function myers(a: readonly string[], b: readonly string[]): ChangedStretch[] | undefined {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, MAX_DISTANCE);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return stretches(trace, offset, n, m);
    }
  }
  return undefined;
}

/** Walks the trace back from the end and gathers single insertions and deletions into stretches. */
function stretches(trace: readonly Int32Array[], offset: number, n: number, m: number): ChangedStretch[] {
  const out: ChangedStretch[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
    }
    // One step from (prevX, prevY) to (x, y): a deletion or an insertion; adjoining steps make one stretch.
    const last = out[out.length - 1];
    if (last && last.aStart === x && last.bStart === y) {
      last.aStart = prevX;
      last.bStart = prevY;
    } else out.push({ aStart: prevX, aEnd: x, bStart: prevY, bEnd: y });
    x = prevX;
    y = prevY;
  }
  return out.reverse();
}
