import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = join(__dirname, '..');
const corpusDir = join(root, 'test', 'fixtures', 'corpus');

interface Token {
  text: string;
  start: number;
  end: number;
  scopes: string[];
}

let grammar: textmate.IGrammar;

before(async () => {
  await oniguruma.loadWASM(readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm')));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => oniguruma.createOnigScanner(patterns),
      createOnigString: (text: string) => oniguruma.createOnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'text.speech') return null;
      const path = join(root, 'syntaxes', 'speech.tmLanguage.json');
      return textmate.parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  const loaded = await registry.loadGrammar('text.speech');
  assert.ok(loaded, 'grammar text.speech did not load');
  grammar = loaded;
});

/** Tokenizes consecutive lines, carrying state so multi-line rules (comments) behave as in the editor. */
function tokenizeLines(lines: string[]): Token[][] {
  let state = textmate.INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({
      text: line.slice(t.startIndex, t.endIndex),
      start: t.startIndex,
      end: Math.min(t.endIndex, line.length),
      scopes: t.scopes,
    }));
  });
}

function tokenize(line: string): Token[] {
  return tokenizeLines([line])[0]!;
}

/**
 * The single token spanning exactly `substring` (its `occurrence`-th appearance), so an assertion
 * fails both when the scope is wrong and when the grammar splits or widens the span.
 */
function tokenFor(tokens: Token[], line: string, substring: string, occurrence = 0): Token {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = line.indexOf(substring, index + 1);
    assert.notEqual(index, -1, `"${substring}" (occurrence ${occurrence}) not in "${line}"`);
  }
  const token = tokens.find((t) => t.start === index && t.end === index + substring.length);
  const near = tokens
    .filter((t) => t.end > index && t.start < index + substring.length)
    .map((t) => `${JSON.stringify(t.text)} ${t.scopes.join(' ')}`);
  assert.ok(token, `no single token for "${substring}"; overlapping tokens:\n${near.join('\n')}`);
  return token;
}

function assertScopes(line: string, substring: string, expected: string[], occurrence = 0): void {
  const token = tokenFor(tokenize(line), line, substring, occurrence);
  for (const scope of expected) {
    assert.ok(token.scopes.includes(scope), `"${substring}" lacks ${scope}; has ${token.scopes.join(' ')}`);
  }
}

/** Every token overlapping `substring` is free of `scope`. */
function assertNoScope(tokens: Token[], line: string, substring: string, scope: string): void {
  const index = line.indexOf(substring);
  assert.notEqual(index, -1, `"${substring}" not in "${line}"`);
  for (const t of tokens.filter((t) => t.end > index && t.start < index + substring.length)) {
    assert.ok(!t.scopes.includes(scope), `"${t.text}" in "${substring}" wrongly has ${scope}`);
  }
}

function lineHasScope(tokens: Token[], scope: string): boolean {
  return tokens.some((t) => t.scopes.includes(scope));
}

const SPEAKER = 'meta.speaker.speech';
const NAME = 'entity.name.tag.speaker.speech';
const POSITION = 'entity.other.attribute-name.position.speech';
const ITEM = 'keyword.other.item.speech';
const HEADING_SENTENCE = 'markup.bold.heading-sentence.speech';

describe('speech grammar', () => {
  describe('titles', () => {
    it('scopes the compilation title, subtitle and speech title', () => {
      const title = '# 以高水平党建工作引领政协事业高质量发展';
      assertScopes(title, '#', ['markup.heading.1.speech', 'punctuation.definition.heading.speech']);
      assertScopes(title, '以高水平党建工作引领政协事业高质量发展', ['markup.heading.1.speech', 'entity.name.section.speech']);

      const subtitle = '## ——全省政协系统党的建设工作经验交流会发言摘登';
      assertScopes(subtitle, '——', ['markup.heading.2.speech', 'punctuation.definition.subtitle.speech']);
      assertScopes(subtitle, '全省政协系统党的建设工作经验交流会发言摘登', [
        'markup.heading.2.speech',
        'entity.name.section.subtitle.speech',
      ]);

      const speech = '### 构建理论武装大格局 推动政协党建与履职双提升';
      assertScopes(speech, '###', ['markup.heading.3.speech', 'punctuation.definition.heading.speech']);
      assertScopes(speech, '构建理论武装大格局 推动政协党建与履职双提升', ['markup.heading.3.speech', 'entity.name.section.speech']);
    });

    it('keeps quotations inside a speech title', () => {
      const line = '### 以“四个强化”为抓手 激发政协党建工作新活力';
      assertScopes(line, '四个强化', ['markup.heading.3.speech', 'string.quoted.double.speech']);
    });
  });

  describe('speaker lines', () => {
    it('splits positions and name', () => {
      const line = '唐山市政协主席、党组书记 胡国辉';
      assertScopes(line, '胡国辉', [SPEAKER, NAME]);
      assertScopes(line, '唐山市政协主席', [SPEAKER, POSITION]);
      assertScopes(line, '、', [POSITION, 'punctuation.separator.position.speech']);
      assertScopes(line, '党组书记', [SPEAKER, POSITION]);
    });

    it('accepts full-width indentation and a spaced two-character name', () => {
      const line = '　　山东省济南市政协主席 雷 杰';
      assertScopes(line, '雷 杰', [SPEAKER, NAME]);
      assertScopes(line, '山东省济南市政协主席', [SPEAKER, POSITION]);
    });

    it('accepts two spaces before the name', () => {
      const line = '最高人民法院民四庭副庭长  高晓力';
      assertScopes(line, '高晓力', [SPEAKER, NAME]);
      assertScopes(line, '最高人民法院民四庭副庭长', [SPEAKER, POSITION]);
    });

    it('accepts the 姓名（单位职务） variant', () => {
      const line = '胡国辉（唐山市政协主席）';
      assertScopes(line, '胡国辉', [SPEAKER, NAME]);
      assertScopes(line, '唐山市政协主席', [SPEAKER, POSITION]);
    });

    it('does not take body paragraphs or two-phrase titles for speaker lines', () => {
      for (const line of [
        '近五年来，唐山市政协以“理论学习+思想大武装”为切入点，以学习坚定政治定力、巩固思想基础，为推动新时代政协事业发展注入了不竭动力。',
        '珍惜成绩 开创未来',
        '　　做强平台 纵深推进 双向发力',
        '加强思想引领 汇聚强大合力',
      ]) {
        const tokens = tokenize(line);
        assert.ok(!lineHasScope(tokens, SPEAKER), `"${line}" wrongly scoped ${SPEAKER}`);
      }
    });

    it('finds exactly the speaker lines of the corpus', () => {
      const expected: Record<string, number> = {
        '000_0f1e9368376be244.txt': 8,
        'people-daily-2020-cppcc-exchange.txt': 15,
        'spc-2019-70th-symposium.txt': 6,
      };
      for (const file of readdirSync(corpusDir).filter((name) => name.endsWith('.txt'))) {
        const lines = readFileSync(join(corpusDir, file), 'utf8').split(/\r?\n/);
        const speakers = tokenizeLines(lines)
          .map((tokens, i) => ({ tokens, line: lines[i]! }))
          .filter(({ tokens }) => lineHasScope(tokens, SPEAKER));
        assert.equal(speakers.length, expected[file], `speaker lines in ${file}`);
        for (const { tokens, line } of speakers) {
          assert.doesNotMatch(line, /[，。]/, `${file}: body text scoped as speaker: ${line}`);
          assert.ok(lineHasScope(tokens, NAME), `${file}: no name scope in ${line}`);
        }
      }
    });
  });

  describe('sections and items', () => {
    const level1 = '一、以加强理论武装为中心，夯实党建工作基础。一是学习内容突出“准”。二是传达贯彻突出“快”。';

    it('scopes a level-1 marker, its heading sentence and the items after it', () => {
      assertScopes(level1, '一、', ['markup.heading.marker.level1.speech', 'keyword.control.section.level1.speech']);
      assertScopes(level1, '以加强理论武装为中心，夯实党建工作基础', [HEADING_SENTENCE]);
      assertScopes(level1, '一是', [ITEM]);
      assertScopes(level1, '二是', [ITEM]);
      assertScopes(level1, '准', ['string.quoted.double.speech']);
      assertScopes(level1, '“', ['string.quoted.double.speech', 'punctuation.definition.string.begin.speech']);
      assertScopes(level1, '”', ['string.quoted.double.speech', 'punctuation.definition.string.end.speech']);
      assertNoScope(tokenize(level1), level1, '学习内容突出', HEADING_SENTENCE);
    });

    it('gives each level its own marker scope', () => {
      const cases: Array<[string, string, number]> = [
        ['（一）健全组织体系，夯实工作基础。', '（一）', 2],
        ['1.建立“双联系”制度。', '1.', 3],
        ['（1）明确责任分工。', '（1）', 4],
        ['　　二、坚持履职引领，让委员行动起来。', '二、', 1],
      ];
      for (const [line, marker, level] of cases) {
        const tokens = tokenize(line);
        const token = tokenFor(tokens, line, marker);
        for (let other = 1; other <= 4; other++) {
          const scope = `keyword.control.section.level${other}.speech`;
          assert.equal(token.scopes.includes(scope), other === level, `${marker} and ${scope}`);
          assert.equal(
            token.scopes.includes(`markup.heading.marker.level${other}.speech`),
            other === level,
            `${marker} and level-${other} marker scope`,
          );
        }
      }
      assertScopes('（一）健全组织体系，夯实工作基础。', '健全组织体系，夯实工作基础', [HEADING_SENTENCE]);
    });

    it('does not take a decimal or a mid-line numeral for a marker', () => {
      for (const line of ['2.59万户困难家庭得到帮助。', '全市共有三、四家单位参加。']) {
        const tokens = tokenize(line);
        for (let level = 1; level <= 4; level++) {
          assert.ok(!lineHasScope(tokens, `keyword.control.section.level${level}.speech`), `${line} level ${level}`);
        }
      }
    });

    it('scopes the other item families after a boundary', () => {
      const line = '　　第一，以民为本、司法为民。第二，实事求是。首先，统一思想；一要坚持，二要落实。';
      assertScopes(line, '第一', [ITEM]);
      assertScopes(line, '，', ['punctuation.separator.item.speech']);
      assertScopes(line, '第二', [ITEM]);
      assertScopes(line, '首先', [ITEM]);
      assertScopes(line, '一要', [ITEM]);
      assertScopes(line, '二要', [ITEM]);
    });

    it('leaves item words inside other words alone', () => {
      const line = '做到思想统一是前提，第一时间传达会议精神，最后一公里要打通。';
      const tokens = tokenize(line);
      assertNoScope(tokens, line, '统一是', ITEM);
      assertNoScope(tokens, line, '第一时间', ITEM);
      assertNoScope(tokens, line, '最后一公里', ITEM);
    });
  });

  describe('inline text', () => {
    it('scopes book titles', () => {
      const line = '市委出台《关于新时代加强和改进人民政协工作的若干措施》。';
      assertScopes(line, '关于新时代加强和改进人民政协工作的若干措施', ['entity.name.type.book.speech']);
      assertScopes(line, '《', ['entity.name.type.book.speech', 'punctuation.definition.book.begin.speech']);
      assertScopes(line, '》', ['entity.name.type.book.speech', 'punctuation.definition.book.end.speech']);
    });

    it('ends an unclosed quotation at the line end', () => {
      const lines = ['构建“学习+知情、学习+协商的', '二、以创新学习载体为重点，提升党建工作水平。'];
      const [first, second] = tokenizeLines(lines);
      assert.ok(tokenFor(first!, lines[0]!, '学习+知情、学习+协商的').scopes.includes('string.quoted.double.speech'));
      const marker = tokenFor(second!, lines[1]!, '二、');
      assert.ok(marker.scopes.includes('keyword.control.section.level1.speech'));
      assert.ok(!marker.scopes.includes('string.quoted.double.speech'));
    });

    it('scopes HTML comments across lines, with checker directives', () => {
      const lines = ['<!-- speechlint-disable stray-space', '一、不是章节', '-->', '一、是章节。'];
      const [open, inside, close, after] = tokenizeLines(lines);
      assert.ok(tokenFor(open!, lines[0]!, '<!--').scopes.includes('punctuation.definition.comment.html'));
      const directive = tokenFor(open!, lines[0]!, 'speechlint-disable');
      assert.ok(directive.scopes.includes('comment.block.html'));
      assert.ok(directive.scopes.includes('keyword.control.directive.speechlint.speech'));
      assert.ok(inside!.every((t) => t.scopes.includes('comment.block.html')), 'line inside comment');
      assert.ok(!lineHasScope(inside!, 'keyword.control.section.level1.speech'));
      assert.ok(tokenFor(close!, lines[2]!, '-->').scopes.includes('punctuation.definition.comment.html'));
      assert.ok(tokenFor(after!, lines[3]!, '一、').scopes.includes('keyword.control.section.level1.speech'));
    });
  });
});

describe('speech snippets', () => {
  type Snippet = { prefix: unknown; body: unknown; description: unknown };
  const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'speech.code-snippets'), 'utf8')) as Record<
    string,
    Snippet
  >;
  const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
  /** The text a snippet inserts when every placeholder keeps its default (first choice). */
  const expand = (body: unknown): string =>
    asList(body)
      .join('\n')
      .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\d+/g, '');

  it('names each snippet in Chinese, with a pinyin prefix to type, a body and a description in Chinese and English', () => {
    const names = Object.keys(snippets);
    assert.ok(names.length >= 4, 'at least four snippets');
    for (const name of names) {
      const { prefix, body, description } = snippets[name]!;
      assert.match(name, /^\p{Script=Han}+$/u, `${name}: a Chinese name, the label users read`);
      const prefixes = asList(prefix);
      assert.ok(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && /^[a-z]+$/.test(p)), `${name}: pinyin prefixes only`);
      const lines = asList(body);
      assert.ok(lines.length > 0 && lines.every((l) => typeof l === 'string'), `${name}: body`);
      assert.equal(typeof description, 'string', `${name}: description`);
      assert.match(description as string, /^\p{Script=Han}.* \([A-Z][^()]*\)$/u, `${name}: Chinese, then English in ()`);
    }
  });

  it('expands the whole-speech snippet into a draft the grammar understands', () => {
    const speech = snippets['发言稿全文'];
    assert.ok(speech, 'a snippet named 发言稿全文');
    const lines = expand(speech.body).split('\n');
    const tokens = tokenizeLines(lines);
    const scoped = (scope: string) => lines.filter((_, i) => lineHasScope(tokens[i]!, scope));
    assert.deepEqual(scoped('markup.heading.3.speech'), ['### 标题']);
    // Neutral placeholders: nothing a writer could leave in by mistake and print.
    assert.deepEqual(scoped(NAME), ['单位负责人 姓名']);
    assert.equal(scoped('keyword.control.section.level1.speech').length, 3);
    assert.equal(tokens.flat().filter((t) => t.scopes.includes(ITEM)).length, 9);
  });

  it('expands the compilation header into title and subtitle', () => {
    const header = snippets['发言摘登标题'];
    assert.ok(header, 'a snippet named 发言摘登标题');
    const lines = expand(header.body).split('\n');
    const tokens = tokenizeLines(lines);
    assert.ok(lineHasScope(tokens[0]!, 'markup.heading.1.speech'), lines[0]);
    assert.ok(tokenFor(tokens[2]!, lines[2]!, '——').scopes.includes('punctuation.definition.subtitle.speech'));
  });
});

describe('language configuration', () => {
  const config = JSON.parse(readFileSync(join(root, 'language-configuration.json'), 'utf8')) as {
    comments: { blockComment: [string, string] };
    brackets: Array<[string, string]>;
    autoClosingPairs: Array<{ open: string; close: string }>;
    surroundingPairs: Array<[string, string]>;
    wordPattern: string;
  };
  const pairs = ['“”', '‘’', '《》', '（）', '【】', '〈〉', '()', '[]', '""'];

  it('pairs every Chinese and ASCII bracket', () => {
    const key = (open: string, close: string) => open + close;
    const auto = config.autoClosingPairs.map((p) => key(p.open, p.close));
    const surround = config.surroundingPairs.map(([o, c]) => key(o, c));
    const brackets = config.brackets.map(([o, c]) => key(o, c));
    for (const pair of pairs) {
      assert.ok(auto.includes(pair), `autoClosingPairs ${pair}`);
      assert.ok(surround.includes(pair), `surroundingPairs ${pair}`);
      // A bracket needs distinct open and close characters.
      if (pair !== '""') assert.ok(brackets.includes(pair), `brackets ${pair}`);
    }
    assert.deepEqual(config.comments.blockComment, ['<!--', '-->']);
  });

  it('ends words at Chinese punctuation', () => {
    const words = '近五年来，唐山市政协以“理论学习+思想大武装”为切入点。《若干措施》GDP'.match(new RegExp(config.wordPattern, 'g'));
    assert.deepEqual(words, ['近五年来', '唐山市政协以', '理论学习', '思想大武装', '为切入点', '若干措施', 'GDP']);
  });
});
