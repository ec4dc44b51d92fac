/**
 * `npm run corpus [path]`: every rule over published text, to see at a glance
 * which rule raises false alarms (see docs/corpus.md).
 *
 * `path` is the People's Daily archive (a `.tar.xz`, extracted with `tar` into
 * a temporary folder; default: the shared corpus beside the repository) or a
 * folder of `.txt` files (for example test/fixtures/corpus/rmrb). Texts are
 * deduplicated by content: the paper prints some articles twice.
 *
 * Prints, per rule: warnings and errors (count and per 10,000 characters),
 * info and hints apart, and a few sample findings with the line around them;
 * then the text rules' warnings and errors together, the figure issue 14
 * holds to at most 1 per 10,000 characters.
 *
 * `--samples N` prints N samples per rule instead of 5; `--rule ID` prints
 * samples for that rule only (to classify one rule's findings by hand).
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { allRules, check } from '../server/src/core';
import { loadSegmenter } from '../server/src/segmenter';
import { charCount, contextOf, DEFAULT_ARCHIVE, keepSample, listTexts, seededRandom, withTextFolder } from './corpusText';

/** Sample findings printed per rule (`--samples N`). */
let SAMPLES = 5;
/** Only this rule's samples are printed (`--rule ID`). */
let onlyRule: string | undefined;
/** Characters shown either side of a finding's span. */
const CONTEXT = 24;

interface RuleCount {
  problems: number;
  notes: number;
  /** Samples of warnings and errors, and of info findings (shown when a rule has too few of the first). */
  problemSamples: string[];
  noteSamples: string[];
}

const random = seededRandom();

/** The positional path after taking `--samples N` and `--rule ID` out of the arguments. */
function parseArgs(args: string[]): string | undefined {
  let path: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--samples') SAMPLES = Math.max(1, Number(args[++i]) || SAMPLES);
    else if (args[i] === '--rule') onlyRule = args[++i];
    else path = args[i];
  }
  return path;
}

function main(): void {
  const target = resolve(parseArgs(process.argv.slice(2)) ?? DEFAULT_ARCHIVE);
  if (!existsSync(target)) {
    process.stderr.write(`${target}: not found. Usage: npm run corpus [-- [--samples N] [--rule ID] <archive.tar.xz | folder of .txt files>]\n`);
    process.exitCode = 2;
    return;
  }
  withTextFolder(target, (dir) => report(target, dir));
}

function report(target: string, dir: string): void {
  const services = { segmenter: loadSegmenter() };
  if (!services.segmenter) process.stderr.write('warning: no segmenter (word list not found); rules run without it\n');
  const counts = new Map<string, RuleCount>(allRules.map((r) => [r.meta.id, { problems: 0, notes: 0, problemSamples: [], noteSamples: [] }]));
  const seen = new Set<string>();
  let files = 0;
  let chars = 0;
  const started = Date.now();
  for (const file of listTexts(dir)) {
    const text = readFileSync(file, 'utf8');
    if (seen.has(text)) continue;
    seen.add(text);
    files++;
    chars += charCount(text);
    const { doc, findings } = check(text, { services });
    for (const f of findings) {
      const c = counts.get(f.ruleId)!;
      const sample = (): string => {
        const at = doc.lines.positionAt(f.span.start);
        return `${relative(dir, file)}:${at.line + 1}:${at.character + 1} ${f.severity}  ${contextOf(text, f.span, CONTEXT)}  — ${f.message.en}`;
      };
      if (f.severity === 'warning' || f.severity === 'error') keepSample(c.problemSamples, SAMPLES, ++c.problems, sample, random);
      else keepSample(c.noteSamples, SAMPLES, ++c.notes, sample, random);
    }
  }
  const per10k = (n: number): string => ((n * 10_000) / Math.max(chars, 1)).toFixed(2);
  const out: string[] = [];
  out.push(`Corpus: ${target}`);
  out.push(`${files} distinct texts, ${chars} characters (line breaks not counted), checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  out.push('');
  out.push('| rule | kind | warnings+errors | per 10k | info+hints | per 10k |');
  out.push('|---|---|---:|---:|---:|---:|');
  let textProblems = 0;
  let textNotes = 0;
  for (const rule of allRules) {
    const c = counts.get(rule.meta.id)!;
    if (rule.meta.category === 'text') {
      textProblems += c.problems;
      textNotes += c.notes;
    }
    out.push(`| ${rule.meta.id} | ${rule.meta.category} | ${c.problems} | ${per10k(c.problems)} | ${c.notes} | ${per10k(c.notes)} |`);
  }
  out.push(`| **text rules together** | text | ${textProblems} | ${per10k(textProblems)} | ${textNotes} | ${per10k(textNotes)} |`);
  out.push('');
  out.push(`Text rules, warnings and errors: ${per10k(textProblems)} per 10,000 characters (target: at most 1).`);
  for (const rule of allRules) {
    if (onlyRule !== undefined && rule.meta.id !== onlyRule) continue;
    const c = counts.get(rule.meta.id)!;
    const samples = [...c.problemSamples, ...c.noteSamples].slice(0, SAMPLES);
    if (samples.length === 0) continue;
    out.push('');
    out.push(`## ${rule.meta.id}`);
    for (const line of samples) out.push(`- ${line}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
