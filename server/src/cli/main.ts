/**
 * `speechlint`: checks speech drafts from the command line with the same core
 * as the editor. Exit status 0 no errors, 1 errors or too many warnings,
 * 2 bad usage, an unreadable file, fixes that could not be written or an
 * invalid configuration. A first argument `export`, `import` or `compile`
 * runs that Word command instead.
 */
import { version } from '../../../package.json';
import { check, type Locale, type LintOptions } from '../core';
import { loadSegmenter } from '../segmenter';
import { servicesFor } from '../statisticalPhase';
import { parseArgs, type CliOptions } from './args';
import { bundledRulesDocsDir } from '../lsp/docsLinks';
import { resolveConfigs } from './config';
import { expandTargets, STDIN, STDIN_PATH } from './files';
import { FIX_STOPPED, fixUntilStable, MAX_PASSES } from './fix';
import { readDraft, writeOutput } from './fileAccess';
import { fileState } from '../io/safeWrite';
import { encodeText } from '../io/textEncoding';
import { SUBCOMMANDS } from './commands';
import { EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS, fail, reportConfigFaults } from './commands/subcommand';
import { CliFailure, cliLocale, ENCODING_DOUBTS, HELP, MESSAGES, say } from './messages';
import { countSeverities, formatJson, formatText, type FileReport } from './report';
import { formatSarif } from './sarif';

function main(argv: readonly string[], locale: Locale): number {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    fail(error, locale);
    process.stderr.write(`${MESSAGES.usageHint[locale]}\n`);
    return EXIT_FAILURE;
  }
  if (options.help) {
    process.stdout.write(HELP[locale]);
    return EXIT_OK;
  }
  if (options.version) {
    process.stdout.write(`${version}\n`);
    return EXIT_OK;
  }
  const { files, failures } = expandTargets(options.targets);
  const cwd = process.cwd();
  const configs = resolveConfigs(files, options.config, cwd);
  if (reportConfigFaults(configs.faults, locale)) return EXIT_FAILURE;

  const services = { segmenter: loadSegmenter() };
  const reports: FileReport[] = [];
  const notes: CliFailure[] = [];
  let fixed = 0;
  for (const file of files) {
    try {
      const rules = configs.rulesFor(file);
      const checked = checkFile(file, options, { services: servicesFor(services, rules), rules });
      if (checked.report) reports.push(checked.report);
      if (checked.failure) failures.push(checked.failure);
      if (checked.note) notes.push(checked.note);
      fixed += checked.fixed;
    } catch (error) {
      if (!(error instanceof CliFailure)) throw error;
      failures.push(error);
    }
  }
  [...notes, ...failures].forEach((f) => fail(f, locale));

  if (options.format === 'json') process.stdout.write(formatJson(reports, locale));
  else if (options.format === 'sarif') process.stdout.write(formatSarif(reports, { locale, cwd, toolVersion: version, rulesDocsDir: bundledRulesDocsDir() }));
  else {
    if (options.fix) process.stdout.write(`${say(MESSAGES.fixed, locale, { fixed })}\n`);
    process.stdout.write(formatText(reports, locale));
  }

  const counts = countSeverities(reports);
  const max = options.maxWarnings;
  const tooManyWarnings = max !== undefined && counts.warning > max;
  if (tooManyWarnings && options.format === 'text') {
    process.stdout.write(`${say(MESSAGES.tooManyWarnings, locale, { warnings: counts.warning, max })}\n`);
  }
  if (failures.length > 0) return EXIT_FAILURE;
  return counts.error > 0 || tooManyWarnings ? EXIT_PROBLEMS : EXIT_OK;
}

/** One file's outcome: its report (none for a file that is not text), the fixes written, and a failure or note to print. */
interface Checked {
  report?: FileReport;
  fixed: number;
  failure?: CliFailure;
  note?: CliFailure;
}

/**
 * Checks one file, fixing it in place first with `--fix`. A fix not written
 * (uncertain encoding, a link, the file changed meanwhile, a failed write)
 * is a failure, and the report is then of the file as it still is.
 */
function checkFile(file: string, options: CliOptions, lintOptions: LintOptions): Checked {
  const path = file === STDIN ? STDIN_PATH : file;
  const draft = readDraft(file, options.encoding);
  if (draft.kind === 'binary') return { fixed: 0, note: new CliFailure(MESSAGES.notText, { path, format: draft.format }) };
  // The text is kept as read, BOM included: the core counts positions past it and fixes leave it alone.
  const { text, encoding, doubt, stat } = draft;
  const unfixed = (failure?: CliFailure): Checked => ({ report: { path, ...check(text, lintOptions) }, fixed: 0, failure });
  if (!options.fix) return unfixed();
  if (doubt) return unfixed(new CliFailure(MESSAGES.fixUncertain, { path, reason: ENCODING_DOUBTS[doubt] }));
  const result = fixUntilStable(text, lintOptions);
  if (result.stopped) return unfixed(new CliFailure(FIX_STOPPED[result.stopped], { path, passes: MAX_PASSES }));
  const report: FileReport = { path, doc: result.doc, findings: result.findings };
  if (result.text === text) return { report, fixed: 0 };
  const bytes = encodeText(result.text, encoding);
  if (!bytes) return unfixed(new CliFailure(MESSAGES.notEncodable, { path, encoding }));
  try {
    writeOutput(file, bytes, { overwrite: true, unchangedSince: stat && fileState(stat) });
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    return unfixed(error);
  }
  return { report, fixed: result.applied };
}

/** A Word command by its name, else a check. */
async function run(argv: readonly string[], locale: Locale): Promise<number> {
  const subcommand = SUBCOMMANDS.get(argv[0]);
  return subcommand ? subcommand(argv.slice(1), locale) : main(argv, locale);
}

const status = run(process.argv.slice(2), cliLocale(process.env));
void status.then((code) => {
  process.exitCode = code;
});

// A reader that stops early (`speechlint --format sarif . | head`, or `2>&1 | head`) is not an error worth a
// stack trace, but the status must still say what the run found: the error can come before the run has ended.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    void status.then((code) => process.exit(code));
  });
}
