/**
 * A .docx zip bomb refused: a document.xml that inflates to 200 MB, imported
 * by the built CLI and by the Word engine the language server loads, each in
 * a child process of its own so that its peak memory (max RSS, read by the
 * child as it exits) is the import's alone. The bar: refused in under 5 s
 * with under 300 MB at peak.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bombDocx } from '../test/word/hostile';
import { ROOT, SCRATCH } from './corpora';

const BOMB_MB = 200;
const RUNS = 3;
const BAR = { seconds: 5, megabytes: 300 };
/** Loaded before the measured program: reports the process's peak memory as it exits. */
const REPORT_PEAK = 'data:text/javascript,process.on("exit",()=>process.stderr.write("\\npeak-rss-kb="+process.resourceUsage().maxRSS+"\\n"))';

interface Refusal {
  label: string;
  /** The slowest and the largest of the runs. */
  seconds: number;
  megabytes: number;
  refused: boolean;
}

function measure(label: string, args: string[], refused: (status: number | null, stderr: string) => boolean): Refusal {
  let seconds = 0;
  let megabytes = 0;
  let allRefused = true;
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['--import', REPORT_PEAK, ...args], { cwd: SCRATCH, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', SPEECHLINT_LOCALE: 'en' } });
    seconds = Math.max(seconds, Number(process.hrtime.bigint() - start) / 1e9);
    const peak = /peak-rss-kb=(\d+)/.exec(r.stderr);
    megabytes = Math.max(megabytes, peak ? Number(peak[1]) / 1024 : Infinity);
    allRefused &&= refused(r.status, r.stderr);
  }
  return { label, seconds, megabytes, refused: allRefused };
}

/** The measurements as a section of the report. */
export function docxBombSection(progress: (line: string) => void): string {
  progress(`docx: ${BOMB_MB} MB zip bomb`);
  mkdirSync(SCRATCH, { recursive: true });
  const bomb = bombDocx(BOMB_MB);
  const file = join(SCRATCH, 'bomb.docx');
  writeFileSync(file, bomb);
  const tooLarge = /part "word\/document\.xml" inflates to more than/;
  const engine = `require(${JSON.stringify(join(ROOT, 'dist', 'word.js'))}).importDocx(require("fs").readFileSync("bomb.docx")).then(() => process.exit(0), (e) => { process.stderr.write(e.message); process.exit(2); })`;
  const rows = [
    measure('`speechlint import` (CLI)', [join(ROOT, 'dist', 'cli.js'), 'import', 'bomb.docx'], (status, stderr) => status === 2 && tooLarge.test(stderr)),
    measure('`dist/word.js` importDocx (as the server loads it)', ['-e', engine], (status, stderr) => status === 2 && tooLarge.test(stderr)),
  ];
  rmSync(file, { force: true });
  const within = (r: Refusal) => r.refused && r.seconds < BAR.seconds && r.megabytes < BAR.megabytes;
  return [
    '',
    `## A .docx zip bomb refused`,
    '',
    `A ${(bomb.length / 1024).toFixed(0)} KB .docx whose document.xml inflates to ${BOMB_MB} MB; the slowest and largest of ${RUNS} runs, each in a fresh process. Bar: refused ("part too large") in under ${BAR.seconds} s with under ${BAR.megabytes} MB peak memory (max RSS).`,
    '',
    '| Import | Wall time | Peak memory | Refused as too large | Within the bar |',
    '| --- | ---: | ---: | --- | --- |',
    ...rows.map((r) => `| ${r.label} | ${r.seconds.toFixed(2)} s | ${r.megabytes.toFixed(0)} MB | ${r.refused ? 'yes' : 'NO'} | ${within(r) ? 'yes' : 'NO'} |`),
    '',
  ].join('\n');
}
