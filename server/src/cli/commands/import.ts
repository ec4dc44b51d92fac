/** `speechlint import <in.docx> [-o <out.speech.md>] [--force]`: a Word document to a draft, with notes on what did not carry over. */
import { MAX_DOCX_BYTES } from '../../io/limits';
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
    const word = loadWord();
    const imported = await word.importDocx(bytes).catch((error: unknown) => {
      if (!(error instanceof word.WordImportError)) throw error;
      throw error.kind === 'not-word' ? new CliFailure(MESSAGES.notWord, { path: docx }) : new CliFailure(MESSAGES.importRefused, { path: docx, reason: error.text });
    });
    writeCommandOutput(out, imported.text, { overwrite: force, inputs: [docx] }, locale);
    for (const { line, message } of imported.notes) {
      const values = { file: out, line: line ?? '', note: message };
      process.stderr.write(`${terminalSafe(say(line === undefined ? MESSAGES.importNoteUnplaced : MESSAGES.importNote, locale, values))}\n`);
    }
    return EXIT_OK;
  },
};
