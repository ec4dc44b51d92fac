/** From the command line's targets to the list of files to check. The CLI reads files; the core never does. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlob, isGlob } from './glob';
import { CliFailure, MESSAGES } from './messages';

/** Standard input, as a target and as the path shown for it. */
export const STDIN = '-';
export const STDIN_PATH = '<stdin>';

const SPEECH_FILE = /\.(?:speech\.md|speech\.txt|speech)$/;

/**
 * Expands targets into files, in a stable order and without repeats: a file
 * as given, a directory's speech drafts, a glob's matches, `-` as itself.
 * A target that yields nothing is a failure, reported next to the others.
 */
export function expandTargets(targets: readonly string[]): { files: string[]; failures: CliFailure[] } {
  const files: string[] = [];
  const failures: CliFailure[] = [];
  for (const target of targets) {
    if (target === STDIN) {
      files.push(STDIN);
      continue;
    }
    const stat = statOrUndefined(target);
    if (stat?.isDirectory()) {
      const found = walk(target, Infinity).filter((f) => SPEECH_FILE.test(f));
      if (found.length === 0) failures.push(new CliFailure(MESSAGES.noSpeechFiles, { path: target }));
      files.push(...found.map((f) => path.join(target, f)));
    } else if (stat || !isGlob(target)) {
      // A file, or a name that is not there: reading it reports the fault.
      files.push(target);
    } else {
      const glob = compileGlob(target);
      const found = statOrUndefined(glob.base)?.isDirectory() ? walk(glob.base, glob.maxDepth).filter(glob.matches) : [];
      if (found.length === 0) failures.push(new CliFailure(MESSAGES.noMatch, { pattern: target }));
      files.push(...found.map((f) => path.join(glob.base, f)));
    }
  }
  return { files: [...new Set(files)], failures };
}

/** `file` relative to `dir` when it lies inside it, else undefined. */
export function pathInside(dir: string, file: string): string | undefined {
  const relative = path.relative(dir, path.resolve(dir, file));
  const outside = relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return outside ? undefined : relative;
}

function statOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch {
    return undefined;
  }
}

/** Files under `dir` as `/`-separated relative paths, sorted; skips `node_modules` and dot-entries, goes at most `maxDepth` folders down. */
function walk(dir: string, maxDepth: number): string[] {
  const out: string[] = [];
  const visit = (relative: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(dir, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (depth < maxDepth) visit(child, depth + 1);
      } else if (entry.isFile()) out.push(child);
    }
  };
  visit('', 0);
  return out;
}
