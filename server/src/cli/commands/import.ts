/** `speechlint import <in.docx> [-o <out.speech.md>]`: a Word document to a draft, with notes on what did not carry over. */
import * as fs from 'node:fs';
import { draftNameFor } from '../../word/fileNames';
import { loadWord } from '../../word/load';
import { CliFailure, MESSAGES, say, USAGE } from '../messages';
import { EXIT_OK, readCommandArgs, readFile, writeFile, type Subcommand } from './subcommand';

interface ImportArgs {
  docx: string;
  out: string;
  /** The output was named with `-o`: an existing file there may be replaced. */
  overwrite: boolean;
}

export const importCommand: Subcommand<ImportArgs> = {
  parse(argv) {
    const { positionals, out } = readCommandArgs(argv);
    if (positionals.length !== 1) throw new CliFailure(MESSAGES.wrongArguments, { usage: USAGE.import });
    return { docx: positionals[0], out: out ?? draftNameFor(positionals[0]), overwrite: out !== undefined };
  },

  async run({ docx, out, overwrite }, locale) {
    const bytes = readFile(docx);
    // The default name is likely the draft the document was exported from: never replace it unasked.
    if (!overwrite && fs.existsSync(out)) throw new CliFailure(MESSAGES.wouldOverwrite, { path: out });
    const word = loadWord();
    const imported = await word.importDocx(bytes).catch((error: unknown) => {
      if (!(error instanceof word.WordImportError)) throw error;
      throw error.kind === 'not-word' ? new CliFailure(MESSAGES.notWord, { path: docx }) : new CliFailure(MESSAGES.importRefused, { path: docx, reason: error.text });
    });
    writeFile(out, imported.text, locale);
    for (const { line, message } of imported.notes) {
      const values = { file: out, line: line ?? '', note: message };
      process.stderr.write(`${say(line === undefined ? MESSAGES.importNoteUnplaced : MESSAGES.importNote, locale, values)}\n`);
    }
    return EXIT_OK;
  },
};
