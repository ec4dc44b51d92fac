/**
 * Every `.speechlintrc.json` under a folder, so the editor can mark a broken
 * configuration before any draft below it is opened. Bounded: a huge
 * workspace gets a partial answer rather than a long scan.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CONFIG_FILE_NAME } from '../core/config';

/** Folders never searched: dependencies and tool folders (`.git`, `.vscode`, …). */
const skipped = (folder: string): boolean => folder === 'node_modules' || folder.startsWith('.');

/** Breadth first, so the folders nearest the root are searched before the bound cuts in. */
export async function findConfigFiles(root: string, maxFolders = 5000): Promise<string[]> {
  const found: string[] = [];
  const queue = [root];
  for (let next = 0; next < queue.length && next < maxFolders; next++) {
    const dir = queue[next];
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (entry.isFile() && entry.name === CONFIG_FILE_NAME) found.push(join(dir, entry.name));
      else if (entry.isDirectory() && !skipped(entry.name)) queue.push(join(dir, entry.name));
    }
  }
  return found.sort();
}
