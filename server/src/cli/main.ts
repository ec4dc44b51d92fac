/**
 * `speechlint`: checks speech drafts from the command line with the same core
 * as the editor. Exit status 0 no errors, 1 errors or too many warnings,
 * 2 bad usage, an unreadable file, fixes that could not be written or an
 * invalid configuration. A first argument `export`, `import` or `compile`
 * runs that Word command instead.
 */
import { availableParallelism } from 'node:os';
import { version } from '../../../package.json';
import type { Locale } from '../core';
import { loadSegmenter } from '../segmenter';
import { parseArgs, type CliOptions } from './args';
import { bundledRulesDocsDir } from '../lsp/docsLinks';
import { checkUnder, type Checked } from './checkFile';
import { resolveConfigs, type ResolvedConfigs } from './config';
import { expandTargets, STDIN } from './files';
import { SUBCOMMANDS } from './commands';
import { EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS, fail, reportConfigFaults } from './commands/subcommand';
import { CliFailure, cliLocale, HELP, MESSAGES, say } from './messages';
import { checkInWorkers, defaultJobs, isCheckWorker, serveChecks } from './parallel';
import { countSeverities, formatJson, formatText, type FileReport } from './report';
import { formatSarif } from './sarif';

async function main(argv: readonly string[], locale: Locale): Promise<number> {
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

  const reports: FileReport[] = [];
  const notes: CliFailure[] = [];
  let fixed = 0;
  for (const checked of await checkAll(files, options, configs)) {
    if (checked.report) reports.push(checked.report);
    if (checked.failure) failures.push(checked.failure);
    if (checked.note) notes.push(checked.note);
    fixed += checked.fixed;
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

/**
 * Every file's outcome, in file order: in several threads, this one and
 * workers (`--jobs`, default one per core as far as the files' size pays for
 * them), when there are several files, else here. `--fix` stays on this
 * thread: two names for one file (`a.speech.md`, `./a.speech.md`) are fixed
 * one after the other here, but could race in two threads. Standard input is
 * read here too.
 */
async function checkAll(files: readonly string[], options: CliOptions, configs: ResolvedConfigs): Promise<Checked[]> {
  const jobs = options.jobs === undefined ? defaultJobs(files, availableParallelism()) : Math.min(options.jobs, files.length);
  if (jobs > 1 && !options.fix && !files.includes(STDIN)) return checkInWorkers(__filename, files, jobs, options.encoding, configs);
  const services = { segmenter: loadSegmenter() };
  return files.map((file) => checkUnder(file, options, services, configs.rulesFor(file), configs.exportFor(file)));
}

/** A Word command by its name, else a check. */
async function run(argv: readonly string[], locale: Locale): Promise<number> {
  const subcommand = SUBCOMMANDS.get(argv[0]);
  return subcommand ? subcommand(argv.slice(1), locale) : main(argv, locale);
}

if (isCheckWorker()) serveChecks();
else {
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
}
