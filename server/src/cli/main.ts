/**
 * `speechlint`: checks speech drafts from the command line with the same core
 * as the editor. Exit status 0 no errors, 1 errors or too many warnings,
 * 2 bad usage, an unreadable file or an invalid configuration. A first
 * argument `export`, `import` or `compile` runs that Word command instead.
 */
import * as fs from 'node:fs';
import { version } from '../../../package.json';
import { check, type Locale, type LintOptions } from '../core';
import { loadSegmenter } from '../segmenter';
import { parseArgs, type CliOptions } from './args';
import { bundledRulesDocsDir } from '../lsp/docsLinks';
import { resolveConfigs } from './config';
import { expandTargets, STDIN, STDIN_PATH } from './files';
import { FIX_STOPPED, fixUntilStable, MAX_PASSES } from './fix';
import { SUBCOMMANDS } from './commands';
import { EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS, fail, reportConfigFaults } from './commands/subcommand';
import { CliFailure, cliLocale, HELP, MESSAGES, reasonOf, say } from './messages';
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
  let fixed = 0;
  for (const file of files) {
    try {
      const checked = checkFile(file, options.fix, { services, rules: configs.rulesFor(file) });
      reports.push(checked.report);
      fixed += checked.fixed;
    } catch (error) {
      if (!(error instanceof CliFailure)) throw error;
      failures.push(error);
    }
  }
  failures.forEach((f) => fail(f, locale));

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

/** Checks one file, fixing it in place first with `--fix`; `fixed` counts the fixes written. */
function checkFile(file: string, fix: boolean, lintOptions: LintOptions): { report: FileReport; fixed: number } {
  const path = file === STDIN ? STDIN_PATH : file;
  let text: string;
  try {
    // The text is kept as read, BOM included: the core counts positions past it and fixes leave it alone.
    text = fs.readFileSync(file === STDIN ? 0 : file, 'utf8');
  } catch (error) {
    throw new CliFailure(MESSAGES.unreadable, { path, reason: reasonOf(error) });
  }
  if (!fix) return { report: { path, ...check(text, lintOptions) }, fixed: 0 };
  const result = fixUntilStable(text, lintOptions);
  if (result.stopped) throw new CliFailure(FIX_STOPPED[result.stopped], { path, passes: MAX_PASSES });
  if (result.text !== text) {
    try {
      fs.writeFileSync(file, result.text, 'utf8');
    } catch (error) {
      throw new CliFailure(MESSAGES.unwritable, { path, reason: reasonOf(error) });
    }
  }
  return { report: { path, doc: result.doc, findings: result.findings }, fixed: result.applied };
}

// A reader that stops early (`speechlint --format sarif . | head`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? EXIT_OK);
});

/** A Word command by its name, else a check. */
async function run(argv: readonly string[], locale: Locale): Promise<number> {
  const subcommand = SUBCOMMANDS.get(argv[0]);
  return subcommand ? subcommand(argv.slice(1), locale) : main(argv, locale);
}

void run(process.argv.slice(2), cliLocale(process.env)).then((code) => {
  process.exitCode = code;
});
