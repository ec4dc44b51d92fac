/**
 * `speechlint import <in.docx> [-o <out.speech.md>] [--force]`: a Word document to a draft, with notes on what did not carry over.
 * .doc, .wps, .odt and .rtf files are converted to .docx by LibreOffice first, when it is installed.
 */
import { MAX_DOCX_BYTES } from '../../io/limits';
import { ConversionError, convertedExtension, convertToDocx, findSoffice } from '../../word/convert';
import { draftNameFor } from '../../word/fileNames';
import { loadWord } from '../../word/load';
import { readInput, writeCommandOutput } from '../fileAccess';
import { CliFailure, MESSAGES, say, USAGE } from '../messages';
import { terminalSafe } from '../terminal';
import { EXIT_OK, readCommandArgs, type Subcommand } from './subcommand';

interface ImportArgs {
  docx: string;
  out: string;
  /** An existing file at `out` may be replaced: without it, not even a name given with `-o` is (it is likely the draft the document came from). */
  force: boolean;
}

export const importCommand: Subcommand<ImportArgs> = {
  parse(argv) {
    const { positionals, out, flags } = readCommandArgs(argv, { flags: ['--force'] });
    if (positionals.length !== 1) throw new CliFailure(MESSAGES.wrongArguments, { usage: USAGE.import });
    return { docx: positionals[0], out: out ?? draftNameFor(positionals[0]), force: flags.has('--force') };
  },

  async run({ docx, out, force }, locale) {
    const { bytes } = readInput(docx, MAX_DOCX_BYTES);
    const extension = convertedExtension(docx);
    const source = extension === undefined ? bytes : await converted(docx, bytes, extension);
    const word = loadWord();
    const refusal = (error: unknown): never => {
      if (!(error instanceof word.WordImportError)) throw error;
      throw error.kind === 'not-word' ? new CliFailure(MESSAGES.notWord, { path: docx }) : new CliFailure(MESSAGES.importRefused, { path: docx, reason: error.text });
    };
    const imported = await word.importDocx(source).catch(async (error: unknown) => {
      // An old binary .doc under another name (renamed to .docx by hand) is read as a .doc when LibreOffice is there;
      // when LibreOffice cannot read it either, the refusal naming an old .doc stands.
      const soffice = findSoffice();
      if (error instanceof word.WordImportError && error.kind === 'old-doc' && extension === undefined && soffice !== undefined) {
        const asDoc = await convertToDocx(bytes, '.doc', soffice).catch((failure: unknown) => {
          if (failure instanceof ConversionError) return undefined;
          throw failure;
        });
        if (asDoc) return word.importDocx(asDoc).catch(refusal);
      }
      return refusal(error);
    });
    writeCommandOutput(out, imported.text, { overwrite: force, inputs: [docx] }, locale);
    for (const { line, message } of imported.notes) {
      const values = { file: out, line: line ?? '', note: message };
      process.stderr.write(`${terminalSafe(say(line === undefined ? MESSAGES.importNoteUnplaced : MESSAGES.importNote, locale, values))}\n`);
    }
    return EXIT_OK;
  },
};

/** An older format's bytes as .docx, through LibreOffice; a `CliFailure` (exit 2) saying what to do when that cannot be. */
async function converted(file: string, bytes: Buffer, extension: string): Promise<Buffer> {
  const soffice = findSoffice();
  if (soffice === undefined) throw new CliFailure(MESSAGES.needsLibreOffice, { path: file, format: extension });
  try {
    return await convertToDocx(bytes, extension, soffice);
  } catch (error) {
    if (!(error instanceof ConversionError)) throw error;
    if (error.kind === 'timeout') throw new CliFailure(MESSAGES.conversionTimeout, { path: file });
    throw new CliFailure(MESSAGES.conversionFailed, { path: file, format: extension, reason: error.detail.replace(/\s+/g, ' ') });
  }
}
