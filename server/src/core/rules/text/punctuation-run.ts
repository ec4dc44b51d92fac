/**
 * `punctuation-run`: two or more of `，。、；：？！` in a row where one is
 * meant — doubled (`，，` `。。`) or clashing (`，。` `、，` `；。`). Every
 * paragraph is checked: a doubled mark is wrong wherever it stands.
 *
 * Not reported: runs of only `？` and `！` (`？！` `！！` `？？？`), which
 * GB/T 15834-2011 allows for strong questions and feelings; runs holding three
 * or more `。`, an ellipsis typed with full stops (`ellipsis-dash`); and marks separated by a
 * quote or bracket (`。”` `”。`), which do not clash.
 *
 * The fix keeps the strongest kind in the run — sentence end over `；` over
 * `：` over `，` over `、` — so `，。` becomes `。`; when that is `？`/`！`,
 * every `？`/`！` of the run stays (`？！。` → `？！`).
 */
import type { Rule } from '../../rule';
import { allMatches } from '../../text/matches';

const RUN = /[，。、；：？！]{2,}/g;
/** Rank of each mark: higher is stronger. */
const STRENGTH: Readonly<Record<string, number>> = { '、': 1, '，': 2, '：': 3, '；': 4, '。': 5, '？': 6, '！': 6 };
const EMPHASIS = /^[？！]+$/;
/** Three full stops or more are a mistyped ellipsis, whatever stands next to them: `ellipsis-dash` reports those. */
const FULL_STOPS = /。{3}/;

/** What the run becomes: the marks of its strongest rank, in order (one, unless they are `？`/`！`). */
function keep(run: string): string {
  let top = 0;
  let first = '';
  for (let k = 0; k < run.length; k++) {
    const rank = STRENGTH[run[k]];
    if (rank > top) {
      top = rank;
      first = run[k];
    }
  }
  // `？` and `！` rank alike, and all of them stay.
  return top === STRENGTH['？'] ? run.replace(/[^？！]/g, '') : first;
}

export const rule: Rule = {
  meta: {
    id: 'punctuation-run',
    category: 'text',
    defaultSeverity: 'warning',
    description: {
      zh: '标点重复或冲突，如“，，”“。。”“，。”“、，”',
      en: 'Doubled or clashing punctuation such as ，， 。。 ，。 、，',
    },
    messages: {
      run: { zh: '标点“{run}”重复或冲突，应只保留“{keep}”', en: 'Doubled or clashing punctuation "{run}": keep only "{keep}"' },
    },
    fixable: 'form',
  },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      for (const m of allMatches(RUN, p.content)) {
        const run = m[0];
        if (EMPHASIS.test(run) || FULL_STOPS.test(run)) continue;
        const kept = keep(run);
        const span = { start: p.contentStart + m.index, end: p.contentStart + m.index + run.length };
        ctx.report({ span, messageId: 'run', data: { run, keep: kept }, fix: [{ span, text: kept }] });
      }
    }
  },
};
