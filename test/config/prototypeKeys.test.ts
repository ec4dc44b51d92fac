/**
 * Keys named like Object.prototype's members are keys like any other: unknown
 * ones are reported as unknown, and `__proto__` changes no object's prototype.
 */
import { strict as assert } from 'node:assert';
import { layerRuleSettings, parseConfig } from '../../server/src/core/config';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

/** The problems' English messages, each with the text it points at. */
function problemsOf(text: string): Array<[string, string]> {
  return parseConfig(text).problems.map((p) => [text.slice(p.start, p.end), p.message.en]);
}

describe('configuration keys named like Object.prototype members', () => {
  for (const name of PROTOTYPE_NAMES) {
    describe(name, () => {
      it('is an unknown top-level key', () => {
        assert.deepEqual(problemsOf(`{ "${name}": {} }`), [[`"${name}"`, `Unknown configuration key "${name}"`]]);
        const { problems } = parseConfig(`{ "${name}": {} }`);
        assert.equal(problems[0].message.zh, `未知的配置项“${name}”`);
      });

      it('is an unknown rule', () => {
        const { config, problems } = parseConfig(`{ "rules": { "${name}": "error" } }`);
        assert.deepEqual(problems.map((p) => p.message), [{ zh: `未知的规则“${name}”`, en: `Unknown rule "${name}"` }]);
        assert.deepEqual(Object.keys(config.rules), []);
        assert.equal(Object.getPrototypeOf(config.rules), Object.prototype);
      });

      it('is an unknown rule option, listing the known ones', () => {
        const { config, problems } = parseConfig(`{ "rules": { "length-limit": ["warning", { "${name}": { "maxChars": 1 } }] } }`);
        assert.deepEqual(problems.map((p) => p.message), [
          {
            zh: `规则“length-limit”没有选项“${name}”（可用：maxChars、maxMinutes、charsPerMinute、maxPages）`,
            en: `Rule "length-limit" has no option "${name}" (known: maxChars, maxMinutes, charsPerMinute, maxPages)`,
          },
        ]);
        assert.deepEqual(config.rules, { 'length-limit': 'warning' });
      });

      it('is an unknown export option', () => {
        const { config, problems } = parseConfig(`{ "export": { "${name}": { "titleFont": "x" } } }`);
        assert.deepEqual(problems.map((p) => p.message), [{ zh: `未知的导出选项“${name}”`, en: `Unknown export option "${name}"` }]);
        assert.deepEqual(Object.keys(config.export), []);
        assert.equal(Object.getPrototypeOf(config.export), Object.prototype);
        assert.equal((config.export as Record<string, unknown>).titleFont, undefined);
      });
    });
  }

  it('keeps a "__proto__" term pair as a pair, not a prototype', () => {
    const { config, problems } = parseConfig('{ "rules": { "terms": ["warning", { "pairs": { "__proto__": "原型", "甲": "乙" } }] } }');
    assert.deepEqual(problems, []);
    const pairs = (config.rules.terms as [string, { pairs: Record<string, string> }])[1].pairs;
    assert.deepEqual(Object.entries(pairs), [['__proto__', '原型'], ['甲', '乙']]);
    assert.equal(({} as Record<string, unknown>).甲, undefined);
  });

  it('layers an id "__proto__" as an own key, leaving the prototype alone', () => {
    const layer = JSON.parse('{ "__proto__": { "polluted": "error" }, "terms": "off" }') as Record<string, 'off'>;
    const merged = layerRuleSettings(layer);
    assert.equal(Object.getPrototypeOf(merged), Object.prototype);
    assert.equal((merged as Record<string, unknown>).polluted, undefined);
    assert.deepEqual(Object.keys(merged), ['__proto__', 'terms']);
  });

  it('never shows [object Object] or a function where a string or a number was expected', () => {
    const text = [
      '{',
      '  "rules": { "number-range": ["warning", { "separator": { "a": 1 } }], "length-limit": ["error", { "maxChars": { "b": 2 } }], "title-form": { "c": 3 } },',
      '  "export": { "titleFont": { "d": 4 }, "linesPerPage": [5] }',
      '}',
    ].join('\n');
    assert.deepEqual(problemsOf(text), [
      ['{ "a": 1 }', 'Option "separator" must be a string'],
      ['{ "b": 2 }', 'Option "maxChars" must be a number'],
      ['{ "c": 3 }', 'Severity must be one of off, hint, info, warning, error'],
      ['{ "d": 4 }', 'Export option "titleFont" must be a string'],
      ['[5]', 'Export option "linesPerPage" must be a number'],
    ]);
  });
});
