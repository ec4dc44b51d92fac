/**
 * Properties of configuration: any text read as a `.speechlintrc.json` yields
 * settings and located problems without throwing, and whatever settings it
 * yields, checking and fixing drafts with them keeps every guarantee of
 * core.test.ts. The generated files name real rules and options with values
 * of every JSON type, so the rules see options no schema would let through.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { allRules, applyFixes, check, type OptionSpec, type Rule } from '../../server/src/core';
import { parseConfig } from '../../server/src/core/config';
import { mutatedCorpus, speechSoup, unicodeText } from './arbitraries';
import { assertFindingsWellFormed, LINT_OPTIONS } from './invariants';
import { itHolds } from './seeds';

const severity = fc.constantFrom('off', 'hint', 'info', 'warning', 'error', 'fatal', '');

/** A value for an option of this spec: its type mostly, at the edges (zero, tiny, huge, hostile text); any JSON value sometimes. */
function optionValue(spec: OptionSpec): fc.Arbitrary<unknown> {
  const typed: Record<OptionSpec['type'], fc.Arbitrary<unknown>> = {
    number: fc.oneof(fc.constantFrom(0, 1, -1, 0.5, 1e-300, 1e308, 2 ** 53, null), fc.integer({ min: -10, max: 100_000 })),
    string: fc.oneof(fc.constantFrom(...(spec.type === 'string' ? (spec.enum ?? []) : []), '', 'and, GDP', '.*', '(a+)+$'), speechSoup),
    boolean: fc.boolean(),
    strings: fc.array(fc.oneof(fc.constantFrom('GDP', 'and', '.*', ''), speechSoup), { maxLength: 5 }),
    pairs: fc.dictionary(fc.oneof(speechSoup, unicodeText), fc.oneof(speechSoup, fc.constant('')), { maxKeys: 6 }),
  };
  return fc.oneof({ weight: 4, arbitrary: typed[spec.type] }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
}

/** A setting for `rule`: a severity (valid or not), `[severity, options]` with its own options, or any JSON. */
function ruleSetting(rule: Rule): fc.Arbitrary<unknown> {
  const specs = Object.entries(rule.meta.options ?? {});
  const options = fc.record(Object.fromEntries(specs.map(([name, spec]) => [name, optionValue(spec)])), { requiredKeys: [] });
  return fc.oneof(
    { weight: 2, arbitrary: severity },
    { weight: specs.length > 0 ? 4 : 1, arbitrary: fc.tuple(severity, options) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  );
}

const configText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record(Object.fromEntries([...allRules.map((r) => [r.meta.id, ruleSetting(r)] as const), ['no-such-rule', severity] as const]), { requiredKeys: [] })
      .map((rules) => JSON.stringify({ rules })),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: unicodeText },
);

describe('configuration properties', function () {
  this.timeout(120_000);

  itHolds(
    'any configuration text is read without throwing, its problems located inside it, and checking with what it yields keeps every guarantee',
    fc.record({ config: configText, draft: fc.oneof(mutatedCorpus, unicodeText) }),
    ({ config, draft }) => {
      const { config: read, problems } = parseConfig(config);
      // A syntax error at the very end is given one character, just past the text; editors clamp it.
      for (const p of problems) assert.ok(0 <= p.start && p.start <= p.end && p.end <= config.length + 1, `problem at ${p.start}–${p.end} outside the configuration`);
      const { findings } = check(draft, { ...LINT_OPTIONS, rules: read.rules });
      assertFindingsWellFormed(draft, findings);
      applyFixes(draft, findings);
    },
    600,
  );
});
