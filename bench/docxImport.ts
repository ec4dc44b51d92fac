/**
 * Importing a 100-page .docx: the LibreOffice-written fixture
 * test/fixtures/word/real/content.docx (title in two fonts, fields, symbols,
 * a text box, a header and footer) with its body repeated until the draft
 * holds 100 official pages of text (GB/T 9704: 22 lines of 28 characters).
 * Timed in fresh processes: the Word engine as the language server loads it
 * (`dist/word.js`, the import alone and with loading the engine), and the
 * whole `speechlint import`. The bar: under 2 s. CPU time is shown beside
 * the wall time: on a machine shared with other work, it is the figure that
 * says what the import itself costs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { ROOT, SCRATCH } from './corpora';

const PAGES = 100;
const CHARACTERS_PER_PAGE = 22 * 28;
const RUNS = 3;
const BAR_SECONDS = 2;
const SOURCE = join(ROOT, 'test', 'fixtures', 'word', 'real', 'content.docx');

interface WordEngine {
  importDocx(bytes: Buffer): Promise<{ text: string; notes: unknown[] }>;
}

/** The fixture with its body paragraphs repeated until the import holds `PAGES` pages of text. */
async function hundredPages(engine: WordEngine): Promise<{ bytes: Buffer; characters: number }> {
  const source = readFileSync(SOURCE);
  const once = (await engine.importDocx(source)).text.replace(/\s/g, '').length;
  const zip = await JSZip.loadAsync(source);
  const xml = await zip.file('word/document.xml')!.async('string');
  const start = xml.indexOf('<w:body>') + '<w:body>'.length;
  const end = xml.indexOf('<w:sectPr');
  const copies = Math.ceil((PAGES * CHARACTERS_PER_PAGE) / once);
  zip.file('word/document.xml', xml.slice(0, start) + xml.slice(start, end).repeat(copies) + xml.slice(end));
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const characters = (await engine.importDocx(bytes)).text.replace(/\s/g, '').length;
  return { bytes, characters };
}

/** Loaded before the measured program: reports the process's CPU time as it exits. */
const REPORT_CPU = 'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\ncpu-us="+(u.user+u.system)+"\\n")})';

/** The slowest of `RUNS` fresh processes: what they print as `ms=` and `cpu=` (else their wall and whole CPU time). */
function slowest(args: string[]): { seconds: number; cpu: number; ok: boolean } {
  let seconds = 0;
  let cpu = 0;
  let ok = true;
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', REPORT_CPU, ...args], { cwd: SCRATCH, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', SPEECHLINT_LOCALE: 'en' } });
    const wall = Number(process.hrtime.bigint() - start) / 1e9;
    const printed = /ms=([\d.]+) cpu=([\d.]+)/.exec(r.stdout);
    const whole = /cpu-us=(\d+)/.exec(r.stderr);
    seconds = Math.max(seconds, printed ? Number(printed[1]) / 1000 : wall);
    cpu = Math.max(cpu, printed ? Number(printed[2]) / 1000 : whole ? Number(whole[1]) / 1e6 : Infinity);
    ok &&= r.status === 0;
  }
  return { seconds, cpu, ok };
}

/** The measurements as a section of the report. */
export async function docxImportSection(progress: (line: string) => void): Promise<string> {
  progress(`docx: import of ${PAGES} pages`);
  mkdirSync(SCRATCH, { recursive: true });
  const word = join(ROOT, 'dist', 'word.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { bytes, characters } = await hundredPages(require(word) as WordEngine);
  const file = join(SCRATCH, 'hundred-pages.docx');
  writeFileSync(file, bytes);
  const timed = (from: 'load' | 'import') =>
    `const t0=process.hrtime.bigint(),c0=process.cpuUsage();const w=require(${JSON.stringify(word)});const b=require("fs").readFileSync("hundred-pages.docx");` +
    `const t1=process.hrtime.bigint(),c1=process.cpuUsage();w.importDocx(b).then(()=>{const c=process.cpuUsage(${from === 'load' ? 'c0' : 'c1'});` +
    `process.stdout.write("ms="+Number(process.hrtime.bigint()-(${from === 'load' ? 't0' : 't1'}))/1e6+" cpu="+(c.user+c.system)/1e3);process.exit(0)},()=>process.exit(2))`;
  const rows = [
    { label: '`dist/word.js` importDocx, the import alone', ...slowest(['-e', timed('import')]) },
    { label: '`dist/word.js` importDocx, with loading the engine', ...slowest(['-e', timed('load')]) },
    { label: '`speechlint import` (CLI, whole process)', ...slowest([join(ROOT, 'dist', 'cli.js'), 'import', 'hundred-pages.docx', '-o', 'hundred-pages.speech.md', '--force']) },
  ];
  rmSync(file, { force: true });
  rmSync(join(SCRATCH, 'hundred-pages.speech.md'), { force: true });
  const load = os.loadavg()[0];
  return [
    '',
    `## Importing a ${PAGES}-page .docx`,
    '',
    `test/fixtures/word/real/content.docx (written by LibreOffice) with its body repeated: ${(bytes.length / 1024).toFixed(0)} KB, ${characters.toLocaleString('en')} characters of draft (${PAGES} pages of ${CHARACTERS_PER_PAGE}). The slowest of ${RUNS} fresh processes, with the machine's load average at ${load.toFixed(1)} on ${os.cpus().length} cores. Bar: under ${BAR_SECONDS} s.`,
    '',
    '| Import | Wall time | CPU time | Within the bar |',
    '| --- | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.label} | ${r.seconds.toFixed(2)} s | ${r.cpu.toFixed(2)} s | ${r.ok && r.seconds < BAR_SECONDS ? 'yes' : 'NO'} |`),
    '',
  ].join('\n');
}

if (require.main === module) {
  // `node --import tsx bench/docxImport.ts`: this section alone (after `npm run build`).
  void docxImportSection((line) => process.stderr.write(`${line}\n`)).then((section) => process.stdout.write(section));
}
