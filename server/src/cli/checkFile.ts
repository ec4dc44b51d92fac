/** One file's check (and with `--fix`, its fix), the same on the main thread and in a worker thread. */
import { check, type LintOptions, type RuleServices, type RuleSettings } from '../core';
import type { ExportSettings } from '../core/config';
import { fileState } from '../io/safeWrite';
import { encodeText } from '../io/textEncoding';
import { servicesFor } from '../statisticalPhase';
import type { CliOptions } from './args';
import { readDraft, writeOutput } from './fileAccess';
import { STDIN, STDIN_PATH } from './files';
import { FIX_STOPPED, fixUntilStable, MAX_PASSES } from './fix';
import { CliFailure, ENCODING_DOUBTS, MESSAGES } from './messages';
import type { FileReport } from './report';

/** One file's outcome: its report (none for a file that is not text), the fixes written, and a failure or note to print. */
export interface Checked {
  report?: FileReport;
  fixed: number;
  failure?: CliFailure;
  note?: CliFailure;
}

/**
 * `checkFile` under `rules` and the export `page` (the file's configuration's),
 * with `services` lent to the rules (and the statistical model when `rules`
 * ask for it); a file that cannot be read (or decoded) has that as its
 * failure rather than thrown.
 */
export function checkUnder(
  file: string,
  options: Pick<CliOptions, 'fix' | 'encoding'>,
  services: RuleServices,
  rules: RuleSettings,
  page: ExportSettings,
): Checked {
  try {
    return checkFile(file, options, { services: { ...servicesFor(services, rules), page }, rules });
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    return { fixed: 0, failure: error };
  }
}

/**
 * Checks one file, fixing it in place first with `--fix`. A fix not written
 * (uncertain encoding, a link, the file changed meanwhile, a failed write)
 * is a failure, and the report is then of the file as it still is.
 */
function checkFile(file: string, options: Pick<CliOptions, 'fix' | 'encoding'>, lintOptions: LintOptions): Checked {
  const path = file === STDIN ? STDIN_PATH : file;
  const draft = readDraft(file, options.encoding);
  if (draft.kind === 'binary') return { fixed: 0, note: new CliFailure(MESSAGES.notText, { path, format: draft.format }) };
  // The text is kept as read, BOM included: the core counts positions past it and fixes leave it alone.
  const { text, encoding, doubt, stat } = draft;
  const unfixed = (failure?: CliFailure): Checked => {
    const { doc, findings } = check(text, lintOptions);
    return { report: { path, lines: doc.lines, findings }, fixed: 0, failure };
  };
  if (!options.fix) return unfixed();
  if (doubt) return unfixed(new CliFailure(MESSAGES.fixUncertain, { path, reason: ENCODING_DOUBTS[doubt] }));
  const result = fixUntilStable(text, lintOptions);
  if (result.stopped) return unfixed(new CliFailure(FIX_STOPPED[result.stopped], { path, passes: MAX_PASSES }));
  const report: FileReport = { path, lines: result.doc.lines, findings: result.findings };
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
