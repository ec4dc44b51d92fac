/**
 * Reading a file whose size nobody vouches for. A size from `stat` is not a
 * bound: procfs files report 0 and stream without end, a FIFO has no size and
 * blocks on open, a device never ends. So a file is opened without blocking,
 * checked to be a regular file on the open descriptor (not on the path, which
 * can be swapped between a check and the open), and read in chunks with the
 * limit counted on the bytes actually read.
 */
import * as fs from 'node:fs';

/** Why a file was not read; an `Error` so callers that do not care can let it pass as one. */
export class ReadRefusal extends Error {
  constructor(
    readonly kind: 'not-regular' | 'too-large',
    readonly path: string,
    readonly maxBytes: number,
  ) {
    super(kind === 'not-regular' ? `${path}: not a regular file` : `${path}: larger than ${maxBytes} bytes`);
  }
}

const CHUNK = 64 * 1024;

/**
 * The bytes of the regular file at `path`, at most `maxBytes` of them.
 * Throws `ReadRefusal` for a directory, device, FIFO or socket, or a file that
 * turns out longer than `maxBytes`; any other failure (missing, no permission)
 * is the system's error, thrown as it is.
 */
export function readRegularFile(path: string, maxBytes: number): Buffer {
  return readRegularFileWithStat(path, maxBytes).bytes;
}

/** `readRegularFile`, with the file's status as it was once read (to tell later whether it has changed since). */
export function readRegularFileWithStat(path: string, maxBytes: number): { bytes: Buffer; stat: fs.Stats } {
  // O_NONBLOCK: opening a FIFO for reading must not wait for a writer that never comes.
  const fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const before = fs.fstatSync(fd);
    if (!before.isFile()) throw new ReadRefusal('not-regular', path, maxBytes);
    const bytes = readAtMost(fd, path, maxBytes, before.size);
    return { bytes, stat: fs.fstatSync(fd) };
  } finally {
    fs.closeSync(fd);
  }
}

/** Standard input, at most `maxBytes` of it (a pipe or a file: whatever the shell gave). */
export function readStandardInput(maxBytes: number): Buffer {
  return readAtMost(0, '-', maxBytes);
}

/**
 * Reads `fd` to its end, at most `maxBytes`. `expected`, a regular file's size
 * when opened, sizes the first read: a file that has not changed since is read
 * in one call into one buffer of its size (a tree of thousands of small drafts
 * otherwise spends more time allocating 64 KB chunks, concatenating them and
 * asking for more after the end than reading), and the size only guides: the
 * limit is still counted on the bytes read.
 */
function readAtMost(fd: number, path: string, maxBytes: number, expected = 0): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    // One byte past the limit tells "exactly at the limit" from "over it", and one past the expected size, the end from more.
    const buffer = Buffer.allocUnsafe(Math.min(total === 0 && expected > 0 ? expected + 1 : CHUNK, maxBytes + 1 - total));
    let read: number;
    try {
      read = fs.readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      // A pipe with nothing in it yet: wait for it rather than mistake it for the end.
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        continue;
      }
      if ((error as NodeJS.ErrnoException).code === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    total += read;
    if (total > maxBytes) throw new ReadRefusal('too-large', path, maxBytes);
    chunks.push(read === buffer.length ? buffer : buffer.subarray(0, read));
    // A regular file reads short only at its end: no need to ask again to hear it.
    if (expected > 0 && read < buffer.length) break;
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
}
