import fc from 'fast-check';
import { parse } from '/work/main/server/src/core/parse';
import { lint } from '/work/main/server/src/core/lint';
import { applyFixes } from '/work/main/server/src/core/fix';
import { textRules } from '/work/main/server/src/core/rules/text';
const mine = new Set(['halfwidth-punctuation','quote-style','unmatched-pair','punctuation-run','ellipsis-dash','line-start-punctuation','latin-word','stray-space','number-range','fullwidth-alnum']);
const rules = textRules.filter(r => mine.has(r.meta.id));
const alphabet = [...(process.env.NOQ ? '' : '"\''), ...'党委组学习 　,;:?!()“”‘’《》（）【】〈〉，。、；：？！…—-~.12０Ａab\n', '\u{20000}', 'http://x.cn', '<!--', '-->', '](', '1-2', '10:30'];
const arb = fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map(a => a.join(''));
for (const rule of rules) { if (process.env.ONLY && rule.meta.id !== process.env.ONLY) continue;
  fc.assert(fc.property(arb, (text) => {
    const f = lint(parse(text), { only: [rule] });
    for (const x of f) if (x.span.start > x.span.end || x.span.end > text.length) throw new Error('bad span');
    const once = applyFixes(text, f);
    const again = lint(parse(once.text), { only: [rule] }).filter(x => x.fix && x.fix.length);
    if (again.length) throw new Error(`${rule.meta.id} not converged: ${JSON.stringify(text)} -> ${JSON.stringify(once.text)} : ${again.map(a=>JSON.stringify(once.text.slice(a.span.start,a.span.end))).join(',')}`);
  }), { numRuns: 3000 });
  console.log('ok', rule.meta.id);
}
// cross-rule: all ten together, one pass
let bad = 0;
fc.assert(fc.property(arb, (text) => {
  const once = applyFixes(text, lint(parse(text), { only: rules }));
  const again = lint(parse(once.text), { only: rules }).filter(x => x.fix && x.fix.length);
  if (again.length && bad++ < 8) console.log('cross', JSON.stringify(text), '->', JSON.stringify(once.text), again.map(a=>a.ruleId+':'+JSON.stringify(once.text.slice(a.span.start,a.span.end))).join(','));
  return true;
}), { numRuns: 3000 });
