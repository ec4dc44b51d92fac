/**
 * What the Word commands (`speechlint export|import|compile`) share: reading
 * their arguments and running one to an exit status.
 */
import type { Locale } from '../../core';
import { walkArgs } from '../args';
import type { ConfigFault } from '../config';
import { CliFailure, HELP, MESSAGES, say } from '../messages';
import { terminalSafe } from '../terminal';

export const EXIT_OK = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_FAILURE = 2;

export interface Subcommand<T> {
  /** Reads the arguments after the command's name; throws `CliFailure` on bad usage. */
  parse(argv: readonly string[]): T;
  /** Does the work; throws `CliFailure` for a file it cannot read or write. */
  run(options: T, locale: Locale): Promise<number>;
}

export interface CommandArgs {
  positionals: string[];
  /** `-o` / `--output`. */
  out?: string;
  /** Other options with a value, by name. */
  values: Map<string, string>;
  /** Switches given. */
  flags: Set<string>;
}

/** Reads a command's arguments: positionals, `-o`, and the options it names; any other option is bad usage. */
export function readCommandArgs(argv: readonly string[], known: { values?: readonly string[]; flags?: readonly string[] } = {}): CommandArgs {
  const args: CommandArgs = { positionals: [], values: new Map(), flags: new Set() };
  walkArgs(argv, (arg) => args.positionals.push(arg), ({ name, value, flag, unknown }) => {
    if (name === '-o' || name === '--output') args.out = value();
    else if (known.values?.includes(name)) args.values.set(name, value());
    else if (known.flags?.includes(name)) {
      flag();
      args.flags.add(name);
    } else unknown();
  });
  return args;
}

/** Runs `command` as `main` runs a check: a usage fault points to `--help`, any failure is one line on stderr and status 2. */
export async function runSubcommand<T>(command: Subcommand<T>, argv: readonly string[], locale: Locale): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(HELP[locale]);
    return EXIT_OK;
  }
  let options: T;
  try {
    options = command.parse(argv);
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    fail(error, locale);
    process.stderr.write(`${MESSAGES.usageHint[locale]}\n`);
    return EXIT_FAILURE;
  }
  try {
    return await command.run(options, locale);
  } catch (error) {
    if (!(error instanceof CliFailure)) throw error;
    fail(error, locale);
    return EXIT_FAILURE;
  }
}

export function fail(failure: CliFailure, locale: Locale): void {
  process.stderr.write(`speechlint: ${terminalSafe(say(failure.text, locale, failure.values))}\n`);
}

/** Each fault as `path:line:column: message` on stderr; true when there was any. */
export function reportConfigFaults(faults: readonly ConfigFault[], locale: Locale): boolean {
  for (const f of faults) process.stderr.write(`${terminalSafe(say(MESSAGES.configProblem, locale, { file: f.file, line: f.line, column: f.column, problem: f.message }))}\n`);
  return faults.length > 0;
}
