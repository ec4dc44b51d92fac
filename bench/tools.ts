/**
 * The contestants: ours, the floor and the peers, each loaded on demand in a
 * worker process so one tool's modules and heap never weigh on another's
 * timings or peak memory.
 */
import { peers } from './peers';
import { WORD_LIST } from './corpora';

/** What one call found: the problem count (to check every timed call did the full job) and any error it returned. */
export interface Outcome {
  problems: number;
  error?: string;
}

export type Lint = (text: string) => Outcome;

export interface Tool {
  id: string;
  /** How the table names it. */
  label: string;
  /** The npm package, for peers: its absence is reported as "not installed". */
  packageName?: string;
  /** How it is called, for the table's notes. */
  call: string;
  load(): Promise<Lint>;
  /**
   * Inputs of at least this many bytes are timed as the first call of a fresh
   * process each (a peer whose later calls on large inputs go wrong).
   */
  freshProcessFrom?: number;
  /** Shown under the table. */
  note?: string;
}

const ours: Tool = {
  id: 'speechlint',
  label: 'speechlint (ours)',
  call: '`check(text, { services: { segmenter } })`: parse + every rule, bundled by esbuild as shipped',
  async load() {
    const { check, loadSegmenter } = (await import('./ourBundle')).loadOurBundle();
    const services = { segmenter: loadSegmenter(WORD_LIST) };
    return (text) => ({ problems: check(text, { services }).findings.length });
  },
};

/** Chinese punctuation, the marks most of our rules look at. */
const CHINESE_PUNCTUATION = /[，。、；：？！“”‘’（）《》〈〉【】「」『』…—·]/g;

const floor: Tool = {
  id: 'floor',
  label: 'floor (one regex pass)',
  call: 'count the matches of one regular expression over Chinese punctuation',
  async load() {
    return (text) => {
      let problems = 0;
      CHINESE_PUNCTUATION.lastIndex = 0;
      while (CHINESE_PUNCTUATION.exec(text)) problems++;
      return { problems };
    };
  },
};

export const tools: readonly Tool[] = [ours, floor, ...peers];

export function findTool(id: string): Tool {
  const tool = tools.find((t) => t.id === id);
  if (!tool) throw new Error(`unknown tool ${id}`);
  return tool;
}
