/**
 * Where the time goes: parse against each rule run alone, on the repeated
 * corpus (many speeches of normal size) and on two stress shapes the corpus
 * never has — one very long paragraph, one very long speech — where a rule
 * quadratic in a paragraph's or a speech's length shows at once.
 */
import { allRules, lint, parse, type Rule, type RuleServices, type SpeechDocument } from '../server/src/core';
import { loadSegmenter } from '../server/src/segmenter';
import { median } from './measure';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function timeMedian(runs: number, work: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc();
    const start = performance.now();
    work();
    times.push(performance.now() - start);
  }
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
  /** Median ms per compilation size label. */
  ms: Record<string, number>;
  findings: number;
  /** Set when the stage threw (a rule being edited meanwhile): the bench goes on without it. */
  error?: string;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Each stage on each text, warm-up first; `findings` from the first text. */
/** The segmenter's first load (its dictionary compiled from the `.wasm`): part of the server's first check. */
export function timeSegmenterLoad(): number {
  const start = performance.now();
  loadSegmenter();
  return performance.now() - start;
}

export function profileStages(texts: ReadonlyArray<{ label: string; text: string }>, runs: number): StageCost[] {
  const services: RuleServices = { segmenter: loadSegmenter() };
  const docs = texts.map(({ text }) => parse(text));
  return stages(services).map((stage) => {
    const cost: StageCost = { name: stage.name, ms: {}, findings: 0 };
    try {
      const result = stage.run(texts[0].text, docs[0]);
      stage.run(texts[0].text, docs[0]);
      cost.findings = Array.isArray(result) ? result.length : 0;
      texts.forEach(({ label, text }, i) => (cost.ms[label] = timeMedian(runs, () => stage.run(text, docs[i]))));
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
  /** Median ms at each probe size; shorter than the sizes when a step was skipped as too slow. */
  ms: number[];
  /** log₄ of the time ratio between the last two sizes measured: 1 is linear, 2 quadratic (the lower of two measurements when steep). */
  exponent?: number;
  error?: string;
}

/** Past this a stage's next (4× larger) step is skipped: a quadratic one would take minutes. */
const STEP_LIMIT_MS = 2000;
/** Below this the ratio is noise. */
const MEASURABLE_MS = 5;
/** Growth exponents from here on are called superlinear (and measured a second time before being believed). */
export const SUPERLINEAR = 1.3;

/** log₄ of the ratio of the last two times, when they are long enough to tell. */
function exponentOf(ms: readonly number[]): number | undefined {
  if (ms.length < 2) return undefined;
  const [before, last] = ms.slice(-2);
  return last >= MEASURABLE_MS ? Math.log(last / before) / Math.log(4) : undefined;
}

export function probeGrowth(unit: string, runs: number): Growth[] {
  const services: RuleServices = { segmenter: loadSegmenter() };
  const growths: Growth[] = [];
  for (const probe of PROBES) {
    const texts = probe.sizes.map((chars) => probeText(unit, probe, chars));
    const docs = texts.map((t) => parse(t));
    for (const stage of stages(services)) {
      const ms: number[] = [];
      let exponent: number | undefined;
      try {
        stage.run(texts[0], docs[0]);
        stage.run(texts[0], docs[0]);
        for (let i = 0; i < texts.length && (ms.length === 0 || ms[ms.length - 1] < STEP_LIMIT_MS); i++) {
          ms.push(timeMedian(runs, () => stage.run(texts[i], docs[i])));
        }
        exponent = exponentOf(ms);
        if (exponent !== undefined && exponent >= SUPERLINEAR) {
          // JIT tiering and GC can fake a steep step once; a real quadratic shows again.
          const last = ms.length - 1;
          const again = [last - 1, last].map((i) => timeMedian(2 * runs, () => stage.run(texts[i], docs[i])));
          exponent = Math.min(exponent, exponentOf(again) ?? exponent);
        }
      } catch (error) {
        growths.push({ name: stage.name, shape: probe.shape, ms, error: messageOf(error) });
        continue;
      }
      growths.push({ name: stage.name, shape: probe.shape, ms, exponent });
    }
  }
  return growths;
}
