/**
 * What `extends` may name, and how every configuration file is read: a
 * repository is a stranger's, so its configuration must not make the checker
 * read the kernel's endless files, block on a FIFO, or read a file of the
 * user's own outside the workspace. Every refusal is a fault on the `extends`
 * value that named the file, in both languages. The CLI is run in a child
 * process with a 200 MB heap: a read without limit would end it, not the test.
 */
import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadConfigFile, type LoadedConfig } from '../../server/src/config/loadConfig';
import { CLI } from '../cli/run';

const NOT_REGULAR = 'must name a regular file, not a folder, device, FIFO, socket or a file under /proc or /sys';

describe('"extends" and bounded configuration reads', function () {
  this.timeout(30_000);
  let root: string;
  /** The workspace folder; `root` around it stands for the rest of the machine. */
  let folder: string;
  let config: string;

  const write = (rel: string, body: unknown): string => {
    const file = join(root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
    return file;
  };
  const link = (rel: string, target: string): string => {
    const file = join(root, rel);
    symlinkSync(target, file);
    return file;
  };
  /** The workspace configuration extending `target` and turning one rule off. */
  const extending = (target: string): string => (config = write('ws/.speechlintrc.json', `{ "extends": ${JSON.stringify(target)}, "rules": { "lead-missing": "off" } }`));
  /** Each fault as `file: the text it points at — English message`. */
  const located = (loaded: LoadedConfig): string[] => loaded.problems.map((p) => `${p.file}: ${p.text.slice(p.start, p.end)} — ${p.message.en}`);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'speechlint-extends-'));
    folder = join(root, 'ws');
    mkdirSync(folder);
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  describe('what "extends" may name', () => {
    it('refuses a name that does not end in .json, in both languages, on the "extends" value', () => {
      for (const target of ['/proc/self/pagemap', '/dev/zero', './rules.txt']) {
        write('ws/rules.txt', '{ "rules": { "terms": "off" } }');
        const loaded = loadConfigFile(extending(target));
        const named = target.startsWith('.') ? join(folder, 'rules.txt') : target;
        assert.deepEqual(located(loaded), [`${config}: ${JSON.stringify(target)} — "extends" must name a .json file: ${named}`]);
        assert.equal(loaded.problems[0].message.zh, `"extends" 只能指向 .json 文件：${named}`);
        assert.deepEqual(loaded.files, [config], 'a refused file is never watched');
      }
    });

    it('refuses a .json link into /proc, however small the file (status) or endless (pagemap)', () => {
      for (const target of ['/proc/self/pagemap', '/proc/self/status']) {
        const evil = link(`ws/${target.split('/').pop()}.json`, target);
        const loaded = loadConfigFile(extending(`./${evil.slice(folder.length + 1)}`));
        assert.equal(loaded.problems.length, 1, JSON.stringify(loaded.problems));
        const [problem] = loaded.problems;
        assert.equal(problem.file, config);
        assert.equal(problem.text.slice(problem.start, problem.end), JSON.stringify(`./${evil.slice(folder.length + 1)}`));
        assert.match(problem.message.en, new RegExp(`^"extends" ${NOT_REGULAR}: ${evil} → /proc/\\d+/${target.split('/').pop()}$`));
        assert.match(problem.message.zh, /^"extends" 只能指向普通文件/);
        assert.deepEqual(loaded.rules, { 'lead-missing': 'off' }, 'the file itself still applies');
      }
    });

    it('refuses a file of /sys', () => {
      const loaded = loadConfigFile(extending(link('ws/kernel.json', '/sys/kernel/mm/transparent_hugepage/enabled')));
      assert.match(loaded.problems[0]?.message.en ?? '', new RegExp(NOT_REGULAR));
    });

    it('refuses a FIFO without waiting for a writer, and a folder', () => {
      const fifo = join(folder, 'pipe.json');
      execFileSync('mkfifo', [fifo]);
      mkdirSync(join(folder, 'dir.json'));
      for (const target of [fifo, join(folder, 'dir.json')]) {
        assert.deepEqual(located(loadConfigFile(extending(target))), [`${config}: ${JSON.stringify(target)} — "extends" ${NOT_REGULAR}: ${target}`]);
      }
    });

    it('judges a link by what it points to: /dev/zero behind a .json name is refused', () => {
      const zero = link('ws/zero.json', '/dev/zero');
      assert.deepEqual(located(loadConfigFile(extending(zero))), [`${config}: ${JSON.stringify(zero)} — "extends" must name a .json file: ${zero} → /dev/zero`]);
    });

    it('refuses a configuration file that is itself a link into /proc, on that file', () => {
      const file = link('ws/.speechlintrc.json', '/proc/self/status');
      const loaded = loadConfigFile(file);
      assert.deepEqual(loaded.rules, {});
      assert.equal(loaded.problems.length, 1);
      assert.equal(loaded.problems[0].file, file);
      assert.match(loaded.problems[0].message.en, /^A configuration file must be a regular file, not a folder, device, FIFO, socket or a file under \/proc or \/sys; not read: /);
    });

    it('refuses a file over the size limit (a sparse 1 GB one) on that file', () => {
      const big = write('ws/big.json', '');
      execFileSync('truncate', ['-s', '1G', big]);
      const loaded = loadConfigFile(extending('./big.json'));
      assert.deepEqual(
        loaded.problems.map((p) => [p.file, p.message.en]),
        [[big, 'Configuration file too large (over 262144 bytes); not read']],
      );
    });
  });

  describe('files outside the workspace folder', () => {
    beforeEach(() => {
      write('shared/office.json', { rules: { 'section-marker': 'off' } });
    });

    it('are followed when nothing bounds the chain (the CLI, a trusted workspace)', () => {
      const loaded = loadConfigFile(extending('../shared/office.json'));
      assert.deepEqual(loaded.problems, []);
      assert.deepEqual(loaded.rules, { 'section-marker': 'off', 'lead-missing': 'off' });
    });

    it('are refused inside a workspace not vouched for, by path or through a link', () => {
      const viaLink = link('ws/office.json', join(root, 'shared/office.json'));
      for (const [target, named] of [
        ['../shared/office.json', join(root, 'shared/office.json')],
        ['/etc/passwd.json', '/etc/passwd.json'],
        ['./office.json', `${viaLink} → ${join(root, 'shared/office.json')}`],
      ]) {
        const loaded = loadConfigFile(extending(target), { within: [folder] });
        assert.deepEqual(located(loaded), [`${config}: ${JSON.stringify(target)} — "extends" names a file outside the workspace folder, read only in a trusted workspace: ${named}`]);
        assert.equal(loaded.problems[0].message.zh, `"extends" 指向工作区文件夹之外的文件，只在受信任的工作区中读取：${named}`);
        assert.deepEqual(loaded.rules, { 'lead-missing': 'off' });
      }
    });

    it('bound a configuration in no workspace folder by its own folder', () => {
      const own = write('home/.speechlintrc.json', { extends: '../shared/office.json' });
      write('home/team.json', { rules: { terms: 'off' } });
      assert.match(loadConfigFile(own, { within: [folder] }).problems[0]?.message.en ?? '', /outside the workspace folder/);
      writeFileSync(own, JSON.stringify({ extends: './team.json' }));
      assert.deepEqual(loadConfigFile(own, { within: [folder] }).rules, { terms: 'off' });
    });
  });

  describe('the CLI', () => {
    /** `speechlint draft.speech.md` in the workspace folder, with a 200 MB heap. */
    const run = (): { status: number | null; stderr: string } => {
      write('ws/draft.speech.md', '# 标题\n\n某市政协主席 张三\n\n正文。\n');
      const r = spawnSync(process.execPath, ['--max-old-space-size=200', CLI, 'draft.speech.md'], {
        cwd: folder,
        env: { PATH: process.env.PATH ?? '', SPEECHLINT_LOCALE: 'en' },
        encoding: 'utf8',
        timeout: 20_000,
      });
      return { status: r.status, stderr: r.stderr };
    };

    it('stops with status 2 and a fault on "extends" for /proc/self/pagemap, named or linked', () => {
      extending('/proc/self/pagemap');
      let r = run();
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, '.speechlintrc.json:1:14: "extends" must name a .json file: /proc/self/pagemap\n');
      link('ws/pagemap.json', '/proc/self/pagemap');
      extending('./pagemap.json');
      r = run();
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`^\\.speechlintrc\\.json:1:14: "extends" ${NOT_REGULAR}: .*pagemap\\.json → /proc/\\d+/pagemap\\n$`));
    });

    it('stops with status 2 for a FIFO and for /dev/zero behind a link, without waiting', () => {
      execFileSync('mkfifo', [join(folder, 'pipe.json')]);
      extending('./pipe.json');
      let r = run();
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, new RegExp(`"extends" ${NOT_REGULAR}: .*pipe\\.json\\n$`));
      link('ws/zero.json', '/dev/zero');
      extending('./zero.json');
      r = run();
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /"extends" must name a \.json file: .*zero\.json → \/dev\/zero\n$/);
    });

    it('follows a file outside the folder: the CLI is the user at work, not a stranger', () => {
      write('shared/office.json', { rules: { 'section-marker': 'off' } });
      extending('../shared/office.json');
      const r = run();
      assert.notEqual(r.status, 2, r.stderr);
      assert.equal(r.stderr, '');
    });
  });
});
