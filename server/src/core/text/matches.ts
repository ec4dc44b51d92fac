/** Regex scanning for the rules, which search every paragraph and mostly find nothing. */

const NONE: readonly RegExpExecArray[] = [];

/**
 * Every match of the global `pattern` in `text`, in order: what
 * `text.matchAll(pattern)` yields, without the copy of the pattern it makes on
 * every call — which costs more than searching a paragraph that holds no
 * match. Nothing is allocated when nothing matches.
 */
export function allMatches(pattern: RegExp, text: string): readonly RegExpExecArray[] {
  // As `matchAll` does: without the flag, `exec` would find the first match forever.
  if (!pattern.global) throw new TypeError('allMatches needs a global pattern');
  let found: RegExpExecArray[] | undefined;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    (found ??= []).push(m);
    // An empty match would be found again at the same place.
    if (m[0] === '') pattern.lastIndex++;
  }
  return found ?? NONE;
}
