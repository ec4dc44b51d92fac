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
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { allRules, check, type Finding } from '../server/src/core';
import { loadSegmenter } from '../server/src/segmenter';

const ROOT = join(__dirname, '..');
const DEFAULT_ARCHIVE = resolve(ROOT, '..', 'shared', 'corpus', 'rmrb', 'rmrb-2020-01-02.tar.xz');
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

/** A fixed-seed generator: the same corpus prints the same samples on every run. */
let seed = 0x2f6b3c1d;
function random(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
}

/** Reservoir sampling: keeps `SAMPLES` of the `seen` findings, spread over the whole corpus rather than its first files. */
function keep(samples: string[], seen: number, sample: () => string): void {
  if (samples.length < SAMPLES) samples.push(sample());
  else {
    const slot = Math.floor(random() * seen);
    if (slot < SAMPLES) samples[slot] = sample();
  }
}

function listTexts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.txt'))
    .map((name) => join(dir, name))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** The line around `f`, with the span in ⟦ ⟧ and line breaks shown as ⏎. */
function contextOf(text: string, f: Finding): string {
  const lineStart = text.lastIndexOf('\n', f.span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', f.span.end);
  if (lineEnd < 0) lineEnd = text.length;
  const from = Math.max(lineStart, f.span.start - CONTEXT);
  const to = Math.min(lineEnd, f.span.end + CONTEXT);
  const show = (s: string): string => s.replace(/\r?\n/g, '⏎');
  return `${from > lineStart ? '…' : ''}${show(text.slice(from, f.span.start))}⟦${show(text.slice(f.span.start, f.span.end))}⟧${show(text.slice(f.span.end, to))}${to < lineEnd ? '…' : ''}`;
}

/** Characters as the corpus README counts them: everything but line breaks. */
function charCount(text: string): number {
  let n = 0;
  for (const ch of text) if (ch !== '\n' && ch !== '\r') n++;
  return n;
}

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
  let tmp: string | undefined;
  let dir = target;
  if (statSync(target).isFile()) {
    tmp = mkdtempSync(join(tmpdir(), 'speechlint-corpus-'));
    execFileSync('tar', ['xJf', target, '-C', tmp]);
    dir = tmp;
  }
  try {
    report(target, dir);
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
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
        return `${relative(dir, file)}:${at.line + 1}:${at.character + 1} ${f.severity}  ${contextOf(text, f)}  — ${f.message.en}`;
      };
      if (f.severity === 'warning' || f.severity === 'error') keep(c.problemSamples, ++c.problems, sample);
      else keep(c.noteSamples, ++c.notes, sample);
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
