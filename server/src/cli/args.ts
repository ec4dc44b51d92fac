/** The command line: `speechlint [options] <file|dir|glob>...`. */
import { TEXT_ENCODINGS, type TextEncodingName } from '../io/textEncoding';
import { CliFailure, MESSAGES } from './messages';

export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CliOptions {
  format: OutputFormat;
  fix: boolean;
  config?: string;
  maxWarnings?: number;
  /** `--encoding`: read (and with `--fix` write) every draft in this encoding instead of telling it from the bytes. */
  encoding?: TextEncodingName;
  /** `--jobs`: how many worker threads check the files; unset, one per core. */
  jobs?: number;
  /** Files, directories and globs as given; `-` is standard input. */
  targets: string[];
  help: boolean;
  version: boolean;
}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

/** One option met on the command line: its name, and how to take its value or check it has none. */
export interface OptionArg {
  name: string;
  /** The value, from `--opt=value` or the next argument. */
  value(): string;
  /** For a switch: throws when a value was attached (`--fix=false` must not silently mean `--fix`). */
  flag(): true;
  /** Throws: an option this command does not know. */
  unknown(): never;
}

/** Walks the arguments in order: `-` and words are positional, anything else an option. `--opt value` and `--opt=value` both work. */
export function walkArgs(argv: readonly string[], onPositional: (arg: string) => void, onOption: (option: OptionArg) => void): void {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-' || !arg.startsWith('-')) {
      onPositional(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const unknown = (): never => {
      throw new CliFailure(MESSAGES.unknownOption, { option: arg });
    };
    onOption({
      name,
      value: () => {
        if (eq > 0) return arg.slice(eq + 1);
        const next = argv[++i];
        if (next === undefined) throw new CliFailure(MESSAGES.missingValue, { option: name });
        return next;
      },
      flag: () => (eq > 0 ? unknown() : true),
      unknown,
    });
  }
}

/** The value of `--encoding`, any case; throws `CliFailure` for one not supported. */
export function parseEncoding(value: string): TextEncodingName {
  const encoding = value.toLowerCase();
  if (!TEXT_ENCODINGS.includes(encoding as TextEncodingName)) throw new CliFailure(MESSAGES.badEncoding, { encoding: value });
  return encoding as TextEncodingName;
}

/** Reads the arguments (after `node cli.js`); throws `CliFailure` on bad usage. */
export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { format: 'text', fix: false, targets: [], help: false, version: false };
  walkArgs(argv, (arg) => options.targets.push(arg), ({ name, value, flag, unknown }) => {
    switch (name) {
      case '--format': {
        const format = value();
        if (!FORMATS.includes(format as OutputFormat)) throw new CliFailure(MESSAGES.badFormat, { format });
        options.format = format as OutputFormat;
        break;
      }
      case '--fix':
        options.fix = flag();
        break;
      case '--config':
        options.config = value();
        break;
      case '--encoding':
        options.encoding = parseEncoding(value());
        break;
      case '--max-warnings': {
        const text = value();
        if (!/^\d+$/.test(text)) throw new CliFailure(MESSAGES.badMaxWarnings, { value: text });
        options.maxWarnings = Number(text);
        break;
      }
      case '--jobs': {
        const text = value();
        if (!/^\d+$/.test(text) || Number(text) < 1) throw new CliFailure(MESSAGES.badJobs, { value: text });
        options.jobs = Number(text);
        break;
      }
      case '--help':
      case '-h':
        options.help = flag();
        break;
      case '--version':
      case '-v':
        options.version = flag();
        break;
      default:
        unknown();
    }
  });
  if (options.help || options.version) return options;
  if (options.targets.length === 0) throw new CliFailure(MESSAGES.noTargets);
  if (options.fix && options.targets.includes('-')) throw new CliFailure(MESSAGES.fixStdin);
  return options;
}
