/**
 * Writing a file the user may care about. The bytes go to a temporary file
 * beside the target (same folder, so the rename stays on one file system),
 * are flushed to disk, and only then take the target's name in one rename:
 * a kill, a full disk or a crash leaves either the old file or the new one,
 * never a cut one. The target is never written through a symbolic link,
 * never replaced unless the caller allows it, never one of the inputs, and,
 * for a file rewritten in place, never replaced once someone else changed it.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export type WriteRefusalKind =
  /** The target's name is a symbolic link (dangling or not). */
  | 'symlink'
  /** Something other than a regular file (a folder, a device) has the name. */
  | 'not-regular'
  /** A file has the name and replacing it was not allowed. */
  | 'exists'
  /** The target is one of the command's inputs. */
  | 'is-input'
  /** The file changed on disk since it was read. */
  | 'changed';

/** Why nothing was written; the target is as it was. */
export class WriteRefusal extends Error {
  constructor(
    readonly kind: WriteRefusalKind,
    readonly path: string,
  ) {
    super(`${path}: not written (${kind})`);
  }
}

/** Identity and state of a file when it was read, to tell whether it changed since. */
export interface FileState {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface SafeWriteOptions {
  /** An existing regular file at the target may be replaced. */
  overwrite: boolean;
  /** Files the command read: the target must not be any of them. */
  inputs?: readonly string[];
  /** For a file rewritten in place: its state when read; replaced only if still so just before the rename. */
  unchangedSince?: FileState;
}

export function fileState(stat: fs.Stats): FileState {
  return { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs };
}

/**
 * Writes `data` to `target` atomically. Throws `WriteRefusal` when the target
 * may not be written, the system's error when writing fails; either way the
 * target is untouched and no temporary file is left.
 */
export function writeFileSafely(target: string, data: Uint8Array, options: SafeWriteOptions): void {
  const existing = lstatOrUndefined(target);
  if (existing?.isSymbolicLink()) throw new WriteRefusal('symlink', target);
  if (existing && !existing.isFile()) throw new WriteRefusal('not-regular', target);
  if (options.inputs?.some((input) => sameFile(target, existing, input))) throw new WriteRefusal('is-input', target);
  if (existing && !options.overwrite) throw new WriteRefusal('exists', target);
  // A file rewritten in place that has gone meanwhile was moved or deleted on purpose: do not bring it back.
  if (!existing && options.unchangedSince) throw new WriteRefusal('changed', target);

  const temp = createTemp(target, existing ? existing.mode & 0o7777 : undefined);
  try {
    writeAll(temp.fd, data);
    fs.fsyncSync(temp.fd);
    fs.closeSync(temp.fd);
    temp.fd = -1;
    if (existing) {
      const now = lstatOrUndefined(target);
      if (!now || now.isSymbolicLink() || !now.isFile()) throw new WriteRefusal(now?.isSymbolicLink() ? 'symlink' : 'changed', target);
      if (options.unchangedSince && !sameState(fileState(now), options.unchangedSince)) throw new WriteRefusal('changed', target);
      fs.renameSync(temp.path, target);
    } else {
      publishNew(temp.path, target);
    }
  } catch (error) {
    if (temp.fd >= 0) fs.closeSync(temp.fd);
    fs.rmSync(temp.path, { force: true });
    throw error;
  }
  syncFolder(path.dirname(target));
}

/**
 * Gives a new file its name without replacing one that appeared meanwhile: a
 * hard link fails when the name is taken, where a rename would replace it.
 * File systems without hard links get a rename after a last look.
 */
function publishNew(temp: string, target: string): void {
  try {
    fs.linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw lstatOrUndefined(target)?.isSymbolicLink() ? new WriteRefusal('symlink', target) : new WriteRefusal('exists', target);
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
    if (lstatOrUndefined(target)) throw new WriteRefusal('exists', target);
    fs.renameSync(temp, target);
    return;
  }
  fs.rmSync(temp, { force: true });
}

/** `.<name>.<random>.speechlint-tmp` beside the target, created exclusively with the replaced file's permissions. */
function createTemp(target: string, mode: number | undefined): { path: string; fd: number } {
  for (;;) {
    const name = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.speechlint-tmp`);
    try {
      const fd = fs.openSync(name, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, mode ?? 0o666);
      // The umask narrowed the mode at creation; a replaced file keeps exactly its own.
      if (mode !== undefined) fs.fchmodSync(fd, mode);
      return { path: name, fd };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

function writeAll(fd: number, data: Uint8Array): void {
  for (let offset = 0; offset < data.length; ) offset += fs.writeSync(fd, data, offset, data.length - offset);
}

/** The rename itself is durable only once the folder is flushed; some systems cannot open a folder for that, and then it is best left. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not every platform or file system can flush a folder.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Whether `target` names the file `input` names: same inode, or (for a target not yet there) the same real path. */
function sameFile(target: string, existing: fs.Stats | undefined, input: string): boolean {
  let inputStat: fs.Stats;
  try {
    inputStat = fs.statSync(input);
  } catch {
    return false;
  }
  if (existing) return existing.dev === inputStat.dev && existing.ino === inputStat.ino;
  try {
    return path.join(fs.realpathSync(path.dirname(target)), path.basename(target)) === fs.realpathSync(input);
  } catch {
    return false;
  }
}

function sameState(a: FileState, b: FileState): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

function lstatOrUndefined(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
