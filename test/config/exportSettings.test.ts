/** The `"export"` object of `.speechlintrc.json`: what the Word export would refuse is refused here first, located. */
import { strict as assert } from 'node:assert';
import Ajv from 'ajv';
import { configSchema, parseConfig } from '../../server/src/core/config';

/** The problems as [text at the span, zh message]. */
function located(text: string): Array<[string, string]> {
  return parseConfig(text).problems.map((p) => [text.slice(p.start, p.end), p.message.zh]);
}

describe('export settings', () => {
  it('reads every option, pageBreakBetweenSpeeches included, grid values at their bounds', () => {
    const text = '{ "export": { "titleFont": "方正小标宋_GBK", "linesPerPage": 15, "charsPerLine": 35, "pageNumbers": false, "pageBreakBetweenSpeeches": true } }';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(config.export, { titleFont: '方正小标宋_GBK', linesPerPage: 15, charsPerLine: 35, pageNumbers: false, pageBreakBetweenSpeeches: true });
    assert.deepEqual(parseConfig('{ "export": { "linesPerPage": 30, "charsPerLine": 20 } }').config.export, { linesPerPage: 30, charsPerLine: 20 });
  });

  it('locates grid values out of bounds or not whole, and keeps the valid ones', () => {
    const text = '{ "export": { "linesPerPage": 14, "charsPerLine": 36, "pageNumbers": true } }';
    assert.deepEqual(located(text), [
      ['14', '导出选项“linesPerPage”应为 15 到 30 之间的整数'],
      ['36', '导出选项“charsPerLine”应为 20 到 35 之间的整数'],
    ]);
    assert.deepEqual(parseConfig(text).config.export, { pageNumbers: true });
    assert.deepEqual(located('{ "export": { "linesPerPage": 22.5 } }'), [['22.5', '导出选项“linesPerPage”应为 15 到 30 之间的整数']]);
    assert.equal(parseConfig('{ "export": { "charsPerLine": 19 } }').problems[0].message.en, 'Export option "charsPerLine" must be a whole number from 20 to 35');
  });

  it('locates a blank title font, a wrong type and an unknown option', () => {
    assert.deepEqual(located('{ "export": { "titleFont": " ", "pageBreakBetweenSpeeches": "yes", "margins": 1 } }'), [
      ['" "', '导出选项“titleFont”不能为空'],
      ['"yes"', '导出选项“pageBreakBetweenSpeeches”类型应为 boolean'],
      ['"margins"', '未知的导出选项“margins”'],
    ]);
  });

  it('gives the schema the same bounds, so the editor marks them as they are typed', () => {
    const validate = new Ajv({ strict: false }).compile(configSchema());
    assert.ok(validate({ export: { linesPerPage: 22, charsPerLine: 28, pageBreakBetweenSpeeches: true } }));
    for (const bad of [{ linesPerPage: 31 }, { linesPerPage: 14 }, { charsPerLine: 36 }, { charsPerLine: 19 }, { charsPerLine: 27.5 }, { pageBreakBetweenSpeeches: 1 }]) {
      assert.ok(!validate({ export: bad }), JSON.stringify(bad));
    }
  });
});
