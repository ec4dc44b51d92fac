/** `speechlint export <draft> [-o <out.docx>]`: a draft to a .docx in the official layout. */
import { parse } from '../../core';
import type { ExportSettings } from '../../core/config';
import { docxNameFor } from '../../word/fileNames';
import { loadWord } from '../../word/load';
import { resolveConfigs } from '../config';
import { CliFailure, MESSAGES, USAGE } from '../messages';
import { EXIT_FAILURE, EXIT_OK, readCommandArgs, readFile, reportConfigFaults, writeFile, type Subcommand } from './subcommand';

interface ExportArgs {
  draft: string;
  out: string;
}

export const exportCommand: Subcommand<ExportArgs> = {
  parse(argv) {
    const { positionals, out } = readCommandArgs(argv);
    if (positionals.length !== 1) throw new CliFailure(MESSAGES.wrongArguments, { usage: USAGE.export });
    return { draft: positionals[0], out: out ?? docxNameFor(positionals[0]) };
  },

  async run({ draft, out }, locale) {
    const configs = resolveConfigs([draft], undefined, process.cwd());
    if (reportConfigFaults(configs.faults, locale)) return EXIT_FAILURE;
    const text = readFile(draft).toString('utf8');
    writeFile(out, await exportDraft(text, configs.exportFor(draft)), locale);
    return EXIT_OK;
  },
};

/** The .docx bytes of a draft's text; export options the layout cannot follow are a failure, in the user's language. */
export async function exportDraft(text: string, settings: ExportSettings): Promise<Buffer> {
  const word = loadWord();
  try {
    return await word.exportDocx(parse(text), settings);
  } catch (error) {
    if (error instanceof word.ExportOptionError) throw new CliFailure(error.text);
    throw error;
  }
}
