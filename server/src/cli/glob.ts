/**
 * Simple globs, expanded without a shell: `*` and `?` within one path segment,
 * `**` across any number of folders. (Node 20 has no stable `fs.glob`, and
 * `path.matchesGlob` only arrived in 20.17 as experimental.)
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
  const rest = segments.slice(firstWild).filter((s) => s !== '');
  let source = '';
  rest.forEach((segment, i) => {
    const last = i === rest.length - 1;
    if (segment === '**') source += last ? '.*' : '(?:[^/]+/)*';
    else source += segmentSource(segment) + (last ? '' : '/');
  });
  const re = new RegExp(`^${source}$`);
  return {
    base: baseSegments.length === 0 ? '.' : baseSegments.join('/') || '/',
    matches: (relative) => re.test(relative),
    maxDepth: rest.includes('**') ? Infinity : rest.length - 1,
  };
}

function segmentSource(segment: string): string {
  let out = '';
  for (const ch of segment) {
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}
