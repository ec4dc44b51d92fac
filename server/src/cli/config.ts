/**
 * `--config <file>`: that file (and what it `extends`) instead of the nearest
 * `.speechlintrc.json`. Any fault in it stops the run: checking with a
 * half-read configuration would report the wrong things.
 */
import { loadConfigFile } from '../config/loadConfig';
import { LineIndex, type RuleSettings } from '../core';
import { CliFailure, MESSAGES } from './messages';

export function readConfigOption(file: string): { rules: RuleSettings; failures: CliFailure[] } {
  const loaded = loadConfigFile(file);
  const failures = loaded.problems.map((p) => {
    // A problem with no text behind it is about the file as a whole (unreadable, too large) and names it.
    if (p.text === '') return new CliFailure(p.message);
    const { line, character } = new LineIndex(p.text).positionAt(p.start);
    return new CliFailure(MESSAGES.configProblem, { file: p.file, line: line + 1, column: character + 1, problem: p.message });
  });
  return { rules: loaded.rules, failures };
}
