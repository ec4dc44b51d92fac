/**
 * The speech drafts of the workspace's folders, for workspace symbols and the
 * workspace check: which files there are, and what each holds, read again
 * only when its modification time or size changes.
 */
import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { expandTargets } from './cli/files';
import { readRegularFile } from './io/boundedRead';
import { MAX_DRAFT_BYTES } from './io/limits';

/** Local folders of the workspace, from `workspaceFolders` (or the older `rootUri`). */
export function folderPaths(folders: ReadonlyArray<{ uri: string }> | null | undefined, rootUri?: string | null): string[] {
  const uris = folders?.map((f) => f.uri) ?? (rootUri ? [rootUri] : []);
  return uris.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
}

/** Every `*.speech.md`, `*.speech.txt` and `*.speech` under the folders (as the CLI finds them in a directory), sorted per folder. */
export function listDrafts(folders: readonly string[]): string[] {
  const drafts = folders.filter((f) => isDirectory(f)).flatMap((f) => expandTargets([f]).files);
  return [...new Set(drafts)];
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Per-file values derived from the file's text, recomputed when the file changes on disk. */
export class FileCache<T> {
  private readonly entries = new Map<string, { mtimeMs: number; size: number; value: T }>();

  constructor(private readonly derive: (file: string, text: string) => T) {}

  /** The value for `file`, or undefined when it cannot be read. */
  get(file: string): T | undefined {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      this.entries.delete(file);
      return undefined;
    }
    const cached = this.entries.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.value;
    let text: string;
    try {
      text = readWorkspaceDraft(file);
    } catch {
      this.entries.delete(file);
      return undefined;
    }
    const value = this.derive(file, text);
    this.entries.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, value });
    return value;
  }

  /** Forgets files that are gone from the listing. */
  retain(files: readonly string[]): void {
    const keep = new Set(files);
    for (const file of this.entries.keys()) if (!keep.has(file)) this.entries.delete(file);
  }
}

/**
 * A draft of the workspace that is not open, from disk. A repository can hold
 * a FIFO or a link to `/dev/zero` under a draft's name: only a regular file is
 * read, without blocking, and never past the CLI's bound on drafts.
 */
export function readWorkspaceDraft(file: string): string {
  return readRegularFile(file, MAX_DRAFT_BYTES).toString('utf8');
}

/** The `file:` URI of a path, as editors name documents. */
export function fileUri(file: string): string {
  return pathToFileURL(file).href;
}

/** The last segment of a document URI, decoded: `file:///a/%E5%8F%91.speech.md` → `发.speech.md`. */
export function uriFileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1).replace(/^[a-z]+:/i, '');
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
