/**
 * Where the time goes: parse against each rule run alone, on the repeated
 * corpus (many speeches of normal size) and on two stress shapes the corpus
 * never has — one very long paragraph, one very long speech — where a rule
 * quadratic in a paragraph's or a speech's length shows at once.
 */
import { allRules, lint, parse, type Rule, type RuleServices, type SpeechDocument } from '../server/src/core';
import { loadSegmenter } from '../server/src/segmenter';
import { timed } from './clock';
import { median } from './measure';
import { WORD_LIST } from './corpora';

/** Median CPU time of `runs` calls: where the time goes is a question of work done, not of what else ran meanwhile. */
function cpuMedian(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(timed(work).cpuMs);
  return median(times);
}

/** One row: parse, the engine alone, or one rule. */
interface Stage {
  name: string;
  run(text: string, doc: SpeechDocument): unknown;
}

function stages(services: RuleServices): Stage[] {
  const ruleStage = (rule: Rule): Stage => ({ name: rule.meta.id, run: (_, doc) => lint(doc, { services, only: [rule] }) });
  return [
    { name: 'parse', run: (text) => parse(text) },
    // Directives, suppression and sorting with no rule at all: included again in every rule's own row.
    { name: '(engine, no rule)', run: (_, doc) => lint(doc, { services, only: [] }) },
    ...allRules.map(ruleStage),
  ];
}

export interface StageCost {
  name: string;
  /** Median CPU ms per compilation size label. */
  ms: Record<string, number>;
  findings: number;
  /** Set when the stage threw (a rule being edited meanwhile): the bench goes on without it. */
  error?: string;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export interface SegmenterStartup {
  /** Reading the word list. */
  loadMs: number;
  /** The first cut. */
  firstCutMs: number;
}

/** What the segmenter costs once per process, before the first check can use it; call before anything else loads it. */
export function timeSegmenterStartup(): SegmenterStartup {
  const start = performance.now();
  const segmenter = loadSegmenter(WORD_LIST);
  const loaded = performance.now();
  segmenter?.cut('政协委员履职');
  return { loadMs: loaded - start, firstCutMs: performance.now() - loaded };
}

/** Each stage on each text, warm-up first; `findings` from the first text. */
export function profileStages(texts: ReadonlyArray<{ label: string; text: string }>, runs: number): StageCost[] {
  const services: RuleServices = { segmenter: loadSegmenter(WORD_LIST) };
  const docs = texts.map(({ text }) => parse(text));
  return stages(services).map((stage) => {
    const cost: StageCost = { name: stage.name, ms: {}, findings: 0 };
    try {
      const result = stage.run(texts[0].text, docs[0]);
      stage.run(texts[0].text, docs[0]);
      cost.findings = Array.isArray(result) ? result.length : 0;
      texts.forEach(({ label, text }, i) => (cost.ms[label] = cpuMedian(runs, () => stage.run(text, docs[i]))));
    } catch (error) {
      cost.error = messageOf(error);
    }
    return cost;
  });
}

/** A title and speaker line from the seed, so the probe's text is read as one speech's body. */
const SPEECH_HEAD = '构建理论武装大格局 推动政协党建与履职双提升\n唐山市政协主席、党组书记 胡国辉\n\n';

/** The corpus's body paragraphs, cycled until `chars` characters are collected. */
function bodyText(unit: string, chars: number, join: string): string {
  const bodies = parse(unit).paragraphs.filter((p) => p.role === 'body').map((p) => p.content);
  const parts: string[] = [];
  for (let length = 0, i = 0; length < chars; i = (i + 1) % bodies.length) {
    parts.push(bodies[i]);
    length += bodies[i].length + join.length;
  }
  return parts.join(join);
}

export interface Probe {
  shape: string;
  /** Characters of the stressed unit at each step. */
  sizes: number[];
}

export const PROBES: readonly Probe[] = [
  { shape: 'one paragraph', sizes: [40_000, 160_000, 640_000] },
  { shape: 'one speech', sizes: [80_000, 320_000, 1_280_000] },
];

function probeText(unit: string, probe: Probe, chars: number): string {
  return probe.shape === 'one paragraph' ? `${SPEECH_HEAD}　　${bodyText(unit, chars, '')}\n` : `${SPEECH_HEAD}　　${bodyText(unit, chars, '\n　　')}\n`;
}

export interface Growth {
  name: string;
  shape: string;
  /** Characters at each step measured: the probe's sizes, less those skipped as too slow, plus a confirming step when steep. */
  sizes: number[];
  /** Median CPU ms at each of those sizes. */
  ms: number[];
  /** log₄ of the time ratio of the last two steps: 1 is linear, 2 quadratic (when steep, the lower of that and the confirming step's). */
  exponent?: number;
  error?: string;
}

/** Past this a stage's next (4× larger) step is skipped: a quadratic one would take minutes. */
const STEP_LIMIT_MS = 2000;
/** Below this the ratio is GC noise on a shared machine (and a quadratic stage would be far above it). */
const MEASURABLE_MS = 20;
/** Growth exponents from here on are called superlinear (and confirmed by one more step before being believed). */
export const SUPERLINEAR = 1.3;

/** log₄ of the ratio of the last two times, when they are long enough to tell. */
function exponentOf(ms: readonly number[]): number | undefined {
  if (ms.length < 2) return undefined;
  const [before, last] = ms.slice(-2);
  return last >= MEASURABLE_MS ? Math.log(last / before) / Math.log(4) : undefined;
}

/** The probe's texts, parsed, built on first use (the confirming step's is large and rarely needed). */
function probeInputs(unit: string, probe: Probe): (chars: number) => { text: string; doc: SpeechDocument } {
  const built = new Map<number, { text: string; doc: SpeechDocument }>();
  return (chars) => {
    let input = built.get(chars);
    if (!input) {
      const text = probeText(unit, probe, chars);
      built.set(chars, (input = { text, doc: parse(text) }));
    }
    return input;
  };
}

function growthOf(stage: Stage, probe: Probe, input: (chars: number) => { text: string; doc: SpeechDocument }, runs: number): Growth {
  const sizes: number[] = [];
  const ms: number[] = [];
  const step = (chars: number): void => {
    const { text, doc } = input(chars);
    sizes.push(chars);
    ms.push(cpuMedian(runs, () => stage.run(text, doc)));
  };
  const tooSlow = (): boolean => ms.length > 0 && ms[ms.length - 1] >= STEP_LIMIT_MS;
  try {
    const first = input(probe.sizes[0]);
    stage.run(first.text, first.doc);
    stage.run(first.text, first.doc);
    for (const chars of probe.sizes) if (!tooSlow()) step(chars);
    let exponent = exponentOf(ms);
    if (exponent !== undefined && exponent >= SUPERLINEAR && !tooSlow()) {
      // GC and JIT tiering on a shared machine can fake one steep step; a real quadratic is as steep on the next.
      step(4 * sizes[sizes.length - 1]);
      exponent = Math.min(exponent, exponentOf(ms) ?? exponent);
    }
    return { name: stage.name, shape: probe.shape, sizes, ms, exponent };
  } catch (error) {
    return { name: stage.name, shape: probe.shape, sizes, ms, error: messageOf(error) };
  }
}

export function probeGrowth(unit: string, runs: number): Growth[] {
  const services: RuleServices = { segmenter: loadSegmenter(WORD_LIST) };
  return PROBES.flatMap((probe) => {
    const input = probeInputs(unit, probe);
    return stages(services).map((stage) => growthOf(stage, probe, input, runs));
  });
}
