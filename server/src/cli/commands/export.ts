/** `speechlint export <draft> [-o <out.docx>] [--force] [--encoding <name>]`: a draft to a .docx in the official layout. */
import { parse } from '../../core';
import type { ExportSettings } from '../../core/config';
import type { TextEncodingName } from '../../io/textEncoding';
import { docxNameFor } from '../../word/fileNames';
import { loadWord } from '../../word/load';
import { parseEncoding } from '../args';
import { resolveConfigs } from '../config';
import { readDraftText, writeCommandOutput } from '../fileAccess';
import { CliFailure, MESSAGES, USAGE } from '../messages';
import { EXIT_FAILURE, EXIT_OK, readCommandArgs, reportConfigFaults, type Subcommand } from './subcommand';

interface ExportArgs {
  draft: string;
  out: string;
  /** An existing file at `out` may be replaced. */
  force: boolean;
  encoding?: TextEncodingName;
}

export const exportCommand: Subcommand<ExportArgs> = {
  parse(argv) {
    const { positionals, out, values, flags } = readCommandArgs(argv, { values: ['--encoding'], flags: ['--force'] });
    if (positionals.length !== 1) throw new CliFailure(MESSAGES.wrongArguments, { usage: USAGE.export });
    const encoding = values.get('--encoding');
    return { draft: positionals[0], out: out ?? docxNameFor(positionals[0]), force: flags.has('--force'), encoding: encoding === undefined ? undefined : parseEncoding(encoding) };
  },

  async run({ draft, out, force, encoding }, locale) {
    const configs = resolveConfigs([draft], undefined, process.cwd());
    if (reportConfigFaults(configs.faults, locale)) return EXIT_FAILURE;
    const text = readDraftText(draft, encoding);
    writeCommandOutput(out, await exportDraft(text, configs.exportFor(draft)), { overwrite: force, inputs: [draft] }, locale);
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
