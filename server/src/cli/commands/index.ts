/** The Word commands, by the name given as the first argument. */
import type { Locale } from '../../core';
import { compileCommand } from './compile';
import { exportCommand } from './export';
import { importCommand } from './import';
import { layoutCommand } from './layout';
import { runSubcommand } from './subcommand';

type Run = (argv: readonly string[], locale: Locale) => Promise<number>;

export const SUBCOMMANDS: ReadonlyMap<string, Run> = new Map<string, Run>([
  ['export', (argv, locale) => runSubcommand(exportCommand, argv, locale)],
  ['import', (argv, locale) => runSubcommand(importCommand, argv, locale)],
  ['compile', (argv, locale) => runSubcommand(compileCommand, argv, locale)],
  ['layout', (argv, locale) => runSubcommand(layoutCommand, argv, locale)],
]);
