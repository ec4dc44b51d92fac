/**
 * The CLI's file reads and writes, with the failures users meet worded for
 * them: inputs read within a bound and decoded in their own encoding, outputs
 * written atomically and never over a link, an input or (unasked) a file.
 */
import type * as fs from 'node:fs';
import type { Locale } from '../core';
import { ReadRefusal, readRegularFileWithStat, readStandardInput } from '../io/boundedRead';
import { MAX_DRAFT_BYTES } from '../io/limits';
import { WriteRefusal, writeFileSafely, type SafeWriteOptions, type WriteRefusalKind } from '../io/safeWrite';
import { decodeText, type EncodingDoubt, type TextEncodingName } from '../io/textEncoding';
import { STDIN, STDIN_PATH } from './files';
import { CliFailure, ENCODING_DOUBTS, MESSAGES, reasonOf, say } from './messages';
import { terminalSafe } from './terminal';

/** The bytes of a file named on the command line, at most `maxBytes`, with its status when read; a `CliFailure` saying why not. */
export function readInput(file: string, maxBytes: number): { bytes: Buffer; stat: fs.Stats } {
  return bounded(file, maxBytes, () => readRegularFileWithStat(file, maxBytes));
}

export type ReadDraft =
  | { kind: 'text'; text: string; encoding: TextEncodingName; doubt?: EncodingDoubt; stat?: fs.Stats }
  | { kind: 'binary'; format: string };

/** A draft to check (`-`: standard input) in its own encoding, or `encoding` when given; throws `CliFailure` when it cannot be read or is not valid in the encoding named. */
export function readDraft(file: string, encoding?: TextEncodingName): ReadDraft {
  if (file !== STDIN) return decodeDraft(file, readInput(file, MAX_DRAFT_BYTES), encoding);
  return decodeDraft(STDIN_PATH, { bytes: bounded(STDIN_PATH, MAX_DRAFT_BYTES, () => readStandardInput(MAX_DRAFT_BYTES)) }, encoding);
}

/** A draft's text for a command that makes something from it: a file that is not text, or whose encoding is a guess, is a failure. */
export function readDraftText(file: string, encoding?: TextEncodingName): string {
  const draft = decodeDraft(file, readInput(file, MAX_DRAFT_BYTES), encoding);
  if (draft.kind === 'binary') throw new CliFailure(MESSAGES.notText, { path: file, format: draft.format });
  if (draft.doubt) throw new CliFailure(MESSAGES.encodingUncertain, { path: file, reason: ENCODING_DOUBTS[draft.doubt] });
  return draft.text;
}

function decodeDraft(path: string, { bytes, stat }: { bytes: Buffer; stat?: fs.Stats }, encoding: TextEncodingName | undefined): ReadDraft {
  const decoded = decodeText(bytes, encoding);
  if (decoded.kind === 'invalid') throw new CliFailure(MESSAGES.notInEncoding, { path, encoding: decoded.encoding });
  return decoded.kind === 'binary' ? decoded : { ...decoded, stat };
}

/** `read()`, with its refusals and errors as a `CliFailure` naming `path`. */
function bounded<T>(path: string, maxBytes: number, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ReadRefusal) {
      if (error.kind === 'too-large') throw new CliFailure(MESSAGES.tooLarge, { path, limit: maxBytes / (1024 * 1024) });
      throw new CliFailure(MESSAGES.notRegularFile, { path });
    }
    throw new CliFailure(MESSAGES.unreadable, { path, reason: reasonOf(error) });
  }
}

const REFUSALS = {
  symlink: MESSAGES.targetSymlink,
  'not-regular': MESSAGES.targetNotRegular,
  exists: MESSAGES.wouldOverwrite,
  'is-input': MESSAGES.targetIsInput,
  changed: MESSAGES.changedSinceRead,
} satisfies Record<WriteRefusalKind, unknown>;

/** Writes `data` to `file` with `writeFileSafely`; a `CliFailure` saying why not, the file left as it was. */
export function writeOutput(file: string, data: Uint8Array, options: SafeWriteOptions): void {
  try {
    writeFileSafely(file, data, options);
  } catch (error) {
    if (error instanceof WriteRefusal) throw new CliFailure(REFUSALS[error.kind], { path: file });
    throw new CliFailure(MESSAGES.unwritable, { path: file, reason: reasonOf(error) });
  }
}

/** A Word command's output: written as `writeOutput` does, then announced on stdout. */
export function writeCommandOutput(file: string, data: string | Uint8Array, options: SafeWriteOptions, locale: Locale): void {
  writeOutput(file, typeof data === 'string' ? Buffer.from(data, 'utf8') : data, options);
  process.stdout.write(`${terminalSafe(say(MESSAGES.wrote, locale, { path: file }))}\n`);
}
