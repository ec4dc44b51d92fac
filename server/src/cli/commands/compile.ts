/**
 * `speechlint compile <drafts…> --title T [--subtitle S] -o <out> [--force] [--encoding E]`:
 * the drafts, in the order given, joined into one compilation (发言摘登), as
 * Markdown (UTF-8) or, for an output ending in `.docx`, straight to Word.
 * `--force` compiles despite structure errors and replaces an existing output.
 */
import { LineIndex, type Locale } from '../../core';
import { compile, type BlockedDraft, type Draft } from '../../core/compile';
import { structureRules } from '../../core/rules/structure';
import type { TextEncodingName } from '../../io/textEncoding';
import { parseEncoding } from '../args';
import { resolveConfigs } from '../config';
import { readDraftText, writeCommandOutput } from '../fileAccess';
import { CliFailure, MESSAGES, USAGE } from '../messages';
import { findingLine } from '../report';
import { exportDraft } from './export';
import { EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS, readCommandArgs, reportConfigFaults, type Subcommand } from './subcommand';

interface CompileArgs {
  drafts: string[];
  title: string;
  subtitle?: string;
  out: string;
  /** Compile despite structure errors, and replace an existing output. */
  force: boolean;
  encoding?: TextEncodingName;
}

export const compileCommand: Subcommand<CompileArgs> = {
  parse(argv) {
    const { positionals, out, values, flags } = readCommandArgs(argv, { values: ['--title', '--subtitle', '--encoding'], flags: ['--force'] });
    if (positionals.length === 0) throw new CliFailure(MESSAGES.wrongArguments, { usage: USAGE.compile });
    const title = values.get('--title');
    if (title === undefined) throw new CliFailure(MESSAGES.missingOption, { option: '--title' });
    if (out === undefined) throw new CliFailure(MESSAGES.missingOption, { option: '-o' });
    const encoding = values.get('--encoding');
    return { drafts: positionals, title, subtitle: values.get('--subtitle'), out, force: flags.has('--force'), encoding: encoding === undefined ? undefined : parseEncoding(encoding) };
  },

  async run({ drafts, title, subtitle, out, force, encoding }, locale) {
    const toWord = /\.docx$/i.test(out);
    // The output's folder configuration counts only for its export settings.
    const configs = resolveConfigs(toWord ? [...drafts, out] : drafts, undefined, process.cwd());
    if (reportConfigFaults(configs.faults, locale)) return EXIT_FAILURE;
    const texts = new Map(drafts.map((name) => [name, readDraftText(name, encoding)]));
    // Only structure errors stop a compilation: the text rules (and the segmenter they load) are not run.
    const inputs: Draft[] = drafts.map((name) => ({ name, text: texts.get(name)!, lint: { rules: configs.rulesFor(name), only: structureRules } }));
    const { text, blocked } = compile(inputs, { title, subtitle });
    if (blocked.length > 0) {
      process.stderr.write(`${(force ? MESSAGES.compileForced : MESSAGES.compileRefused)[locale]}\n${blockedLines(blocked, texts, locale)}`);
      if (!force) return EXIT_PROBLEMS;
    }
    writeCommandOutput(out, toWord ? await exportDraft(text, configs.exportFor(out)) : text, { overwrite: force, inputs: drafts }, locale);
    return EXIT_OK;
  },
};

/** `name:line:column  error  message  rule-id` per error, as a check prints them. */
function blockedLines(blocked: readonly BlockedDraft[], texts: ReadonlyMap<string, string>, locale: Locale): string {
  return blocked
    .flatMap(({ name, errors }) => {
      const lines = new LineIndex(texts.get(name)!);
      return errors.map((f) => `${findingLine(name, lines, f, locale)}\n`);
    })
    .join('');
}
