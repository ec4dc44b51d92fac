/**
 * `npm run eval:typos`: how well the `typo` rule finds wrong characters
 * (错别字), measured three ways (issue 21; results in docs/rules/typo.md):
 *
 * (a) character-level precision and recall, detection and correction apart,
 *     on ECSpell's official-document sentences (test/fixtures/typos/ecspell/:
 *     odw.train to tune on, odw.test to report); scoring in scripts/typoScore.ts;
 * (b) recall per kind (idiom, common word) on the planted set
 *     test/fixtures/typos/planted.tsv: published sentences with one
 *     misspelling planted from test/fixtures/typos/misspellings.tsv, a list
 *     kept apart from the rule's data; a misspelling counts as found when one
 *     finding's fix turns the sentence back into the published one;
 * (c) findings per 10,000 characters over the People's Daily archive, with a
 *     fixed sample of findings in context for a verdict, and over the
 *     published texts of test/fixtures/corpus (must be 0).
 *
 * (d) the statistical tier (`level: statistical`, off by default) alone, by
 *     (a), (b) and (c) again with only its findings.
 *
 * Usage: npm run eval:typos [-- [--part ecspell|planted|bulk|statistical]… [--archive PATH] [--samples N]]
 *        npm run eval:typos -- --plant [--archive PATH]   (rebuilds planted.tsv)
 * PATH: a folder of `.txt` files or the `.tar.xz` archive; default /tmp/rmrb
 * when present, else the shared archive (as `npm run corpus`).
 *
 * Exits 1 when the build has no rule `typo`, 2 on a bad argument.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { check, findRule, type Finding, type Rule, type RuleServices, type RuleSettings } from '../server/src/core';
import { loadSegmenter } from '../server/src/segmenter';
import { loadTypoModel } from '../server/src/typoModel';
import { charCount, contextOf, DEFAULT_ARCHIVE, keepSample, listTexts, seededRandom, withTextFolder } from './corpusText';
import { addScores, flags, noScores, percent, restores, scoreSentence, type CharScores } from './typoScore';

const ROOT = join(__dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'typos');
const PLANTED = join(FIXTURES, 'planted.tsv');
const MISSPELLINGS = join(FIXTURES, 'misspellings.tsv');
const BULK_DEFAULT = existsSync('/tmp/rmrb') ? '/tmp/rmrb' : DEFAULT_ARCHIVE;
/** Characters shown either side of a sampled finding. */
const CONTEXT = 30;
/** Planted sentences per misspelling, so that a few frequent words do not make the figure. */
const PLANTS_PER_PAIR = 3;
/** Sentence lengths planted into: long enough to give context, short enough to read. */
const PLANT_MIN = 12;
const PLANT_MAX = 120;

type Part = 'ecspell' | 'planted' | 'bulk' | 'statistical';

interface Args {
  parts: Set<Part>;
  archive: string;
  samples: number;
  plant: boolean;
}

function parseArgs(argv: string[]): Args | string {
  const parts = new Set<Part>();
  let archive = BULK_DEFAULT;
  let samples = 30;
  let plant = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--part') {
      const part = argv[++i];
      if (part !== 'ecspell' && part !== 'planted' && part !== 'bulk' && part !== 'statistical') return `--part takes ecspell, planted, bulk or statistical, not ${part}`;
      parts.add(part);
    } else if (arg === '--archive') archive = resolve(argv[++i] ?? '');
    else if (arg === '--samples') samples = Math.max(1, Number(argv[++i]) || samples);
    else if (arg === '--plant') plant = true;
    else return `unknown argument ${arg}`;
  }
  if (!existsSync(archive)) return `${archive}: not found`;
  return { parts: parts.size > 0 ? parts : new Set<Part>(['ecspell', 'planted', 'bulk', 'statistical']), archive, samples, plant };
}

/** Reads a tab-separated fixture, without its `#` comment lines and empty lines. */
function readTsv(file: string): string[][] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t'));
}

const per10k = (n: number, chars: number): string => ((n * 10_000) / Math.max(chars, 1)).toFixed(3);

class Checker {
  private readonly services: RuleServices = { segmenter: loadSegmenter() };
  private readonly rules: Rule[];
  /** With `statistical`: the statistical tier alone (`level: ['statistical']`), the model lent. */
  private readonly settings: RuleSettings | undefined;

  constructor(
    readonly typo: Rule,
    statistical = false,
  ) {
    if (!this.services.segmenter) process.stderr.write('warning: no segmenter (word list not found); rules run without it\n');
    const terms = findRule('terms');
    this.rules = terms && !statistical ? [typo, terms] : [typo];
    if (statistical) {
      this.services.typoModel = loadTypoModel();
      if (!this.services.typoModel) throw new Error('no typo model (data/typo-lm.bin.gz): the statistical tier cannot run');
      this.settings = { typo: [typo.meta.defaultSeverity, { level: ['statistical'] }] };
    }
  }

  /** Findings of `typo` and, apart, of `terms` (the user's and the shipped pair list, which a user sees beside it). */
  run(text: string): { typo: Finding[]; terms: Finding[] } {
    const { findings } = check(text, { services: this.services, only: this.rules, rules: this.settings });
    return { typo: findings.filter((f) => f.ruleId === 'typo'), terms: findings.filter((f) => f.ruleId === 'terms') };
  }
}

// (a) ECSpell

function ecspell(checker: Checker, out: string[]): { precision: number | undefined; recall: number | undefined } {
  out.push('## (a) ECSpell, official-document sentences (odw), character level');
  out.push('');
  out.push('A finding claims the characters its fix changes (or its whole span when it has no same-length fix); a claimed wrong character is a detection, and a correction when the fix writes the target character (scripts/typoScore.ts).');
  out.push('');
  out.push('| set | sentences | wrong chars | claimed | detection P | detection R | correction P | correction R | clean sentences with a finding |');
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  let testPrecision: number | undefined;
  let testRecall: number | undefined;
  for (const set of ['odw.train', 'odw.test']) {
    const total = noScores();
    let sentences = 0;
    let skipped = 0;
    let clean = 0;
    let cleanFlagged = 0;
    for (const [, source, target] of readTsv(join(FIXTURES, 'ecspell', set))) {
      // ECSpell's pairs replace character for character; the odd pair that does not cannot be scored by position.
      if (source.length !== target.length) {
        skipped++;
        continue;
      }
      sentences++;
      const { typo } = checker.run(source);
      const scores: CharScores = scoreSentence(source, target, typo);
      addScores(total, scores);
      if (source === target) {
        clean++;
        if (typo.length > 0) cleanFlagged++;
      }
    }
    out.push(
      `| ${set}${set === 'odw.train' ? ' (tune)' : ' (report)'} | ${sentences}${skipped ? ` (+${skipped} skipped: lengths differ)` : ''} | ${total.wrong} | ${total.claimed} | ${percent(total.detected, total.claimed)} | ${percent(total.detected, total.wrong)} | ${percent(total.corrected, total.claimed)} | ${percent(total.corrected, total.wrong)} | ${cleanFlagged} of ${clean} |`,
    );
    if (set === 'odw.test' && total.claimed > 0) testPrecision = total.corrected / total.claimed;
    if (set === 'odw.test') testRecall = total.corrected / Math.max(total.wrong, 1);
  }
  out.push('');
  return { precision: testPrecision, recall: testRecall };
}

// (b) planted

function planted(checker: Checker, out: string[]): Map<string, number> {
  out.push('## (b) Planted misspellings (test/fixtures/typos/planted.tsv)');
  out.push('');
  out.push('Found = one `typo` finding whose fix, applied alone, gives back the published sentence. Flagged = a `typo` finding overlaps the misspelling. `typo`+`terms` = found by either rule (what a user sees).');
  out.push('');
  const kinds = new Map<string, { planted: number; found: number; flagged: number; either: number; falseElsewhere: number }>();
  const missed: string[] = [];
  // Pairs the issue itself names: the rule's authors read them, so their share is shown apart.
  const fromIssue = new Set(readTsv(MISSPELLINGS).filter((row) => row[4] === 'issue-21').map(([right, wrong]) => `${wrong}→${right}`));
  const issue = { planted: 0, found: 0 };
  for (const [source, plantedText, offset, wrong, right, kind] of readTsv(PLANTED)) {
    const k = kinds.get(kind) ?? { planted: 0, found: 0, flagged: 0, either: 0, falseElsewhere: 0 };
    kinds.set(kind, k);
    k.planted++;
    const at = Number(offset);
    const span = { start: at, end: at + wrong.length };
    const { typo, terms } = checker.run(plantedText);
    const found = restores(plantedText, source, typo);
    if (found) k.found++;
    else missed.push(`${kind} ${wrong}→${right}`);
    if (fromIssue.has(`${wrong}→${right}`)) {
      issue.planted++;
      if (found) issue.found++;
    }
    if (flags(span, typo)) k.flagged++;
    if (found || restores(plantedText, source, terms)) k.either++;
    if (typo.some((f) => !flags(span, [f]))) k.falseElsewhere++;
  }
  out.push('| kind | planted | found with the right form | flagged | `typo`+`terms` found | sentences with a finding elsewhere |');
  out.push('|---|---:|---:|---:|---:|---:|');
  const recall = new Map<string, number>();
  for (const [kind, k] of kinds) {
    out.push(`| ${kind} | ${k.planted} | ${k.found} (${percent(k.found, k.planted)}) | ${k.flagged} (${percent(k.flagged, k.planted)}) | ${k.either} (${percent(k.either, k.planted)}) | ${k.falseElsewhere} |`);
    recall.set(kind, k.found / Math.max(k.planted, 1));
  }
  out.push('');
  out.push(`Of these, pairs named in issue 21 (not independent of the rule): ${issue.found} of ${issue.planted} found.`);
  out.push('');
  const distinct = [...new Set(missed)];
  out.push(`Missed (${distinct.length} distinct of ${missed.length}): ${distinct.join('、') || 'none'}`);
  out.push('');
  return recall;
}

// (c) bulk

interface Rate {
  texts: number;
  chars: number;
  problems: number;
  notes: number;
}

/** Findings of `typo` over the texts under `dir`, in all and per top folder (a month of the archive); samples kept into `samples`. */
function rateOver(checker: Checker, dir: string, samples: string[] | undefined, size: number): { total: Rate; parts: Map<string, Rate> } {
  const random = seededRandom();
  const seen = new Set<string>();
  const total: Rate = { texts: 0, chars: 0, problems: 0, notes: 0 };
  const parts = new Map<string, Rate>();
  for (const file of listTexts(dir)) {
    const text = readFileSync(file, 'utf8');
    if (seen.has(text)) continue;
    seen.add(text);
    const top = relative(dir, file).split(/[\\/]/)[0];
    const part = parts.get(top) ?? { texts: 0, chars: 0, problems: 0, notes: 0 };
    parts.set(top, part);
    const chars = charCount(text);
    for (const rate of [total, part]) {
      rate.texts++;
      rate.chars += chars;
    }
    for (const f of checker.run(text).typo) {
      const field = f.severity === 'warning' || f.severity === 'error' ? 'problems' : 'notes';
      total[field]++;
      part[field]++;
      if (samples) keepSample(samples, size, total.problems + total.notes, () => describe(dir, file, text, f), random);
    }
  }
  return { total, parts };
}

/** A finding as a reader judges it: where, the sentence around it, what the rule says and what its fix would make of the span. */
function describe(dir: string, file: string, text: string, f: Finding): string {
  const line = text.slice(0, f.span.start).split('\n').length;
  const fixed = f.fix && f.fix.length > 0 ? ` → fix: ${f.fix.map((e) => `「${text.slice(e.span.start, e.span.end)}」→「${e.text}」`).join(' ')}` : ' (no fix)';
  return `${relative(dir, file)}:${line} ${f.severity}  ${contextOf(text, f.span, CONTEXT)}\n  ${f.message.zh}${fixed}`;
}

function bulk(checker: Checker, archive: string, size: number, out: string[]): { rate: number; notes: number; fixtures: number } {
  out.push(`## (c) Findings over published text`);
  out.push('');
  const samples: string[] = [];
  const started = Date.now();
  const archiveRates = withTextFolder(archive, (dir) => rateOver(checker, dir, samples, size));
  const fixtureFindings: string[] = [];
  const fixtures = rateOver(checker, join(ROOT, 'test', 'fixtures', 'corpus'), fixtureFindings, Number.POSITIVE_INFINITY).total;
  const row = (name: string, r: Rate): string =>
    `| ${name} | ${r.texts} | ${r.chars} | ${r.problems} | ${per10k(r.problems, r.chars)} | ${r.notes} | ${per10k(r.notes, r.chars)} |`;
  out.push('| texts | distinct texts | characters | warnings+errors | per 10k | info+hints | per 10k |');
  out.push('|---|---:|---:|---:|---:|---:|---:|');
  out.push(row(archive, archiveRates.total));
  // The months of the archive apart: rules are tuned on one and checked on the other.
  if (archiveRates.parts.size > 1) for (const [name, r] of [...archiveRates.parts].sort()) out.push(row(`… ${name}`, r));
  out.push(row('test/fixtures/corpus (must be 0)', fixtures));
  out.push('');
  if (fixtureFindings.length > 0) {
    out.push('Every finding on test/fixtures/corpus (published text: each is a false alarm or a fault the paper printed):');
    out.push('');
    fixtureFindings.forEach((s) => out.push(`- ${s}`));
    out.push('');
  }
  out.push(`Checked in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  out.push('');
  out.push(`Sample of ${samples.length} findings (fixed seed; a verdict each: real fault / false alarm / unsure):`);
  out.push('');
  samples.forEach((s, i) => out.push(`${i + 1}. ${s}`));
  out.push('');
  const per = (n: number): number => (n * 10_000) / Math.max(archiveRates.total.chars, 1);
  return { rate: per(archiveRates.total.problems), notes: per(archiveRates.total.notes), fixtures: fixtures.problems + fixtures.notes };
}

// --plant

/** Sentences of a text: split after 。！？ and at line breaks. */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[。！？])|\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s.length >= PLANT_MIN && s.length <= PLANT_MAX && !s.includes('\t'));
}

/**
 * Rebuilds planted.tsv: for each pair of misspellings.tsv, up to
 * PLANTS_PER_PAIR archive sentences that hold the right form once (for a
 * word, as a segmenter token, so that `即使` is not planted into `立即使用`)
 * and not the wrong one, each with the right form replaced by the wrong one.
 * A sentence takes one misspelling only. Sentences are drawn with a fixed
 * seed, so the same archive gives the same set.
 */
function plant(archive: string): void {
  const segmenter = loadSegmenter();
  if (!segmenter) throw new Error('no segmenter: run `npm run build` first');
  const pairs = readTsv(MISSPELLINGS).map(([right, wrong, kind]) => ({ right, wrong, kind }));
  const chosen = pairs.map(() => [] as Array<{ sentence: string; at: number }>);
  const offered = pairs.map(() => 0);
  const random = seededRandom();
  withTextFolder(archive, (dir) => {
    const seen = new Set<string>();
    for (const file of listTexts(dir)) {
      const text = readFileSync(file, 'utf8');
      if (seen.has(text)) continue;
      seen.add(text);
      for (const sentence of sentencesOf(text)) {
        if (seen.has(sentence)) continue;
        seen.add(sentence);
        pairs.forEach((p, i) => {
          const at = sentence.indexOf(p.right);
          if (at < 0 || sentence.indexOf(p.right, at + 1) >= 0 || sentence.includes(p.wrong)) return;
          if (p.right.length < 4 && !isToken(segmenter.cut(sentence), at, p.right)) return;
          keepSample(chosen[i], PLANTS_PER_PAIR, ++offered[i], () => ({ sentence, at }), random);
        });
      }
    }
  });
  const used = new Set<string>();
  const rows: string[] = [];
  pairs.forEach((p, i) => {
    for (const { sentence, at } of chosen[i]) {
      if (used.has(sentence)) continue;
      used.add(sentence);
      const planted = sentence.slice(0, at) + p.wrong + sentence.slice(at + p.right.length);
      rows.push([sentence, planted, String(at), p.wrong, p.right, p.kind].join('\t'));
    }
  });
  const header = [
    '# Published sentences (People\'s Daily, 2020-01 and 2020-02) with one misspelling planted from misspellings.tsv;',
    '# rebuilt by `npm run eval:typos -- --plant`. offset: UTF-16 offset of the planted form in the planted sentence.',
    '# source\tplanted\toffset\twrong\tright\tkind',
  ];
  writeFileSync(PLANTED, `${[...header, ...rows].join('\n')}\n`);
  const unplanted = pairs.filter((_, i) => chosen[i].length === 0).map((p) => p.right);
  process.stdout.write(`${rows.length} sentences planted into ${PLANTED}; no sentence for ${unplanted.length} pairs: ${unplanted.join('、')}\n`);
}

/** Whether the cut has a token `word` starting at `at`. */
function isToken(tokens: string[], at: number, word: string): boolean {
  let offset = 0;
  for (const token of tokens) {
    if (offset === at) return token === word;
    if (offset > at) return false;
    offset += token.length;
  }
  return false;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\nUsage: npm run eval:typos [-- [--part ecspell|planted|bulk]… [--archive PATH] [--samples N] | --plant [--archive PATH]]\n`);
    process.exitCode = 2;
    return;
  }
  if (args.plant) {
    plant(args.archive);
    return;
  }
  const typo = findRule('typo');
  if (!typo) {
    process.stderr.write("No rule 'typo' exists in this build: there is nothing to evaluate (issue 21 adds the rule).\n");
    process.exitCode = 1;
    return;
  }
  const checker = new Checker(typo);
  const out: string[] = [`# eval:typos — rule typo (default options, severity ${typo.meta.defaultSeverity})`, ''];
  const bars: string[] = [];
  if (args.parts.has('ecspell')) {
    const { precision } = ecspell(checker, out);
    bars.push(
      precision === undefined
        ? 'ECSpell odw.test correction precision ≥ 90%: n/a, nothing claimed'
        : `ECSpell odw.test correction precision ≥ 90%: ${(100 * precision).toFixed(1)}% ${precision >= 0.9 ? 'met' : 'NOT met'}`,
    );
  }
  if (args.parts.has('planted')) {
    const recall = planted(checker, out);
    for (const [kind, need] of [['idiom', 0.9], ['word', 0.8]] as const) {
      const r = recall.get(kind) ?? 0;
      bars.push(`planted ${kind} recall ≥ ${100 * need}%: ${(100 * r).toFixed(1)}% ${r >= need ? 'met' : 'NOT met'}`);
    }
  }
  if (args.parts.has('bulk')) {
    const { rate, fixtures } = bulk(checker, args.archive, args.samples, out);
    bars.push(`archive warnings+errors ≤ 0.2 per 10k: ${rate.toFixed(3)} ${rate <= 0.2 ? 'met' : 'NOT met'}`);
    bars.push(`test/fixtures/corpus findings = 0: ${fixtures} ${fixtures === 0 ? 'met' : 'NOT met'}`);
  }
  if (args.parts.has('statistical')) {
    const tier3 = new Checker(typo, true);
    out.push('# Tier 3 (`level: statistical`, off by default) alone: suspicions, reported as info', '');
    const { precision, recall } = ecspell(tier3, out);
    bars.push(`tier 3, ECSpell odw.test correction precision ≥ 90%: ${precision === undefined ? 'n/a' : `${(100 * precision).toFixed(1)}% ${precision >= 0.9 ? 'met' : 'NOT met'}`}; recall ${recall === undefined ? 'n/a' : `${(100 * recall).toFixed(1)}%`} (aim 25%)`);
    const planted3 = planted(tier3, out);
    bars.push(`tier 3, planted word recall: ${(100 * (planted3.get('word') ?? 0)).toFixed(1)}% (alone; the 80% bar is for the rule as shipped)`);
    const { notes, fixtures } = bulk(tier3, args.archive, args.samples, out);
    bars.push(`tier 3, archive findings (info, counted apart from the 0.2 budget) per 10k: ${notes.toFixed(3)}; on test/fixtures/corpus: ${fixtures}`);
  }
  out.push('## Quality bar (issue 21)');
  out.push('');
  for (const bar of bars) out.push(`- ${bar}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
