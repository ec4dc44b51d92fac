/** Running `speechlint` as a user does: `node dist/cli.js` in a child process. Shared by the CLI tests. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../lsp/ensureBuilt';

export const CLI = path.join(ROOT, 'dist', 'cli.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'cli');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in `cwd` (the fixtures folder unless told), with a chosen locale and nothing else from the environment that could change its language. */
export function speechlint(args: string[], opts: { cwd?: string; input?: string; env?: Record<string, string>; timeout?: number } = {}): Run {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', ...(opts.env ?? { SPEECHLINT_LOCALE: 'zh-CN' }) };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? FIXTURES, input: opts.input ?? '', env, encoding: 'utf8', timeout: opts.timeout });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function writeTree(root: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
}
