/**
 * Older word-processor files (.doc, .wps, .odt, .rtf) as .docx, converted by
 * LibreOffice when it is installed. Unlike the rest of word/ this runs a
 * program and touches the disk, so only the CLI calls it. Each conversion gets
 * a temporary folder of its own, holding a copy of the input under a plain
 * name (a file name starting with `-` is never read as an option), the output,
 * and a LibreOffice profile of its own (so that it neither waits for nor
 * disturbs a LibreOffice the user has open); the folder is removed afterwards,
 * and a conversion that outlives its time limit is killed.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The extensions converted, lower case. */
export const CONVERTED_EXTENSIONS: readonly string[] = ['.doc', '.wps', '.odt', '.rtf'];

/**
 * A cold LibreOffice start takes a few seconds and a draft converts in about
 * one; two minutes leaves room for a slow, busy machine and still ends a
 * conversion that hangs on a file it cannot read.
 */
export const CONVERSION_TIME_LIMIT_MS = 120_000;

/** The extension of `file` when it is one converted, else undefined. */
export function convertedExtension(file: string): string | undefined {
  const extension = path.extname(file).toLowerCase();
  return CONVERTED_EXTENSIONS.includes(extension) ? extension : undefined;
}

/** The `soffice` program on `searchPath` (PATH's form), or undefined. */
export function findSoffice(searchPath: string = process.env.PATH ?? ''): string | undefined {
  const names = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice'];
  for (const folder of searchPath.split(path.delimiter)) {
    if (folder === '') continue;
    for (const name of names) {
      const candidate = path.join(folder, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // Not there, or not a program: the next folder.
      }
    }
  }
  return undefined;
}

export type ConversionFailure = 'timeout' | 'failed';

export class ConversionError extends Error {
  constructor(
    readonly kind: ConversionFailure,
    /** LibreOffice's own words, for a failure; empty for a timeout. */
    readonly detail: string,
  ) {
    super(kind === 'timeout' ? 'LibreOffice did not finish the conversion in time' : `LibreOffice could not convert the file: ${detail}`);
  }
}

/** `bytes` (a file with `extension`) converted to .docx by `soffice`; rejects with `ConversionError`. */
export async function convertToDocx(bytes: Buffer, extension: string, soffice: string, timeLimitMs: number = CONVERSION_TIME_LIMIT_MS): Promise<Buffer> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'speechlint-convert-'));
  try {
    const input = path.join(folder, `source${extension}`);
    const out = path.join(folder, 'out');
    fs.writeFileSync(input, bytes);
    const profile = pathToFileURL(path.join(folder, 'profile')).href;
    const output = await run(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--norestore', '--convert-to', 'docx', '--outdir', out, input], timeLimitMs);
    const converted = path.join(out, 'source.docx');
    // LibreOffice reports a file it cannot read on standard error and still exits 0.
    if (!fs.existsSync(converted)) throw new ConversionError('failed', errorLines(output) || 'no output');
    return fs.readFileSync(converted);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** Runs the program; resolves with what it wrote to standard error when it exits 0. */
function run(program: string, args: readonly string[], timeLimitMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // Its own process group: soffice hands the work to a child (soffice.bin), and a timeout must end both.
    const child = spawn(program, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32' });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 4096) stderr += chunk;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      kill(child.pid);
    }, timeLimitMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new ConversionError('failed', error.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      // Whatever the group still holds once its leader is gone (a soffice.bin left behind) goes with it.
      kill(child.pid);
      if (timedOut) reject(new ConversionError('timeout', ''));
      else if (code !== 0) reject(new ConversionError('failed', errorLines(stderr) || `exit status ${code}`));
      else resolve(stderr);
    });
  });
}

/** LibreOffice's error lines, without the warnings it prints on every run (such as not finding Java); all of it when no line says Error. */
function errorLines(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const errors = lines.filter((line) => /^error\b/i.test(line));
  return (errors.length > 0 ? errors : lines).join(' ');
}

function kill(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') process.kill(pid, 'SIGKILL');
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
