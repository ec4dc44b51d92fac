/**
 * Simple globs, expanded without a shell: `*` and `?` within one path segment,
 * `**` across any number of folders. (Node 20 has no stable `fs.glob`, and
 * `path.matchesGlob` only arrived in 20.17 as experimental.)
 *
 * Matching uses no regular expression: a pattern is someone else's text (a
 * CI job, a script), and a backtracking RegExp built from `**` repeated
 * across segments, or `*a*a*a…` within one, takes exponential time.
 * picomatch, measured, compiles the same kind of RegExp and stalls the same
 * way on `**` and `a` segments alternating (seconds at eight pairs). The matcher
 * below is the classic greedy wildcard walk, done twice: over the segments
 * (with `**`) and within a segment (with `*`). Each star only ever moves its
 * resume point forward, so a match costs at most path length × pattern length
 * steps, whatever the pattern.
 */

export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/**
 * Splits a pattern into the folder to search from (the leading segments
 * without wildcards) and the rest, turned into a matcher for paths relative
 * to that folder (with `/` separators). `maxDepth` is how many folder levels
 * the rest can reach (Infinity with `**`).
 */
export function compileGlob(pattern: string): { base: string; matches: (relative: string) => boolean; maxDepth: number } {
  const segments = pattern.replace(/\\/g, '/').split('/');
  const firstWild = segments.findIndex(isGlob);
  const baseSegments = segments.slice(0, firstWild);
  // `**/**` matches what `**` does: repeats are dropped.
  const rest = segments.slice(firstWild).filter((s, i, all) => s !== '' && !(s === '**' && all[i - 1] === '**'));
  // A trailing `**` stands for what lies inside: at least one more segment.
  const elements = rest.at(-1) === '**' ? [...rest.slice(0, -1), '*', '**'] : rest;
  return {
    base: baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/',
    matches: (relative) => wildcardMatch(relative.split('/'), elements, '**', matchSegment),
    maxDepth: rest.includes('**') ? Infinity : rest.length - 1,
  };
}

/** One segment against one segment pattern: `*` any run of characters, `?` any one (a UTF-16 unit). */
function matchSegment(name: string, pattern: string): boolean {
  return wildcardMatch(name, pattern, '*', (ch, p) => p === '?' || p === ch);
}

/**
 * Whether `items` match `pattern`, where `star` matches any run of items and
 * every other pattern element exactly one item it `matches`. On a mismatch
 * the last star takes one more item and the walk resumes after it; earlier
 * stars never need to take more, since the last one can take whatever they would.
 */
function wildcardMatch<T>(items: ArrayLike<T>, pattern: ArrayLike<T>, star: T, matches: (item: T, element: T) => boolean): boolean {
  let i = 0;
  let p = 0;
  let starAt = -1;
  let resume = 0;
  while (i < items.length) {
    if (p < pattern.length && pattern[p] === star) {
      starAt = p++;
      resume = i;
    } else if (p < pattern.length && matches(items[i], pattern[p])) {
      i++;
      p++;
    } else if (starAt >= 0) {
      p = starAt + 1;
      i = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === star) p++;
  return p === pattern.length;
}
