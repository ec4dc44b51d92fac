/**
 * `--format sarif`: one SARIF 2.1.0 log for the whole run, for CI systems and
 * code-scanning dashboards.
 *
 * - Columns are UTF-16 code units (`columnKind`), 1-based; `endColumn` is the
 *   column just past the region, as SARIF defines it.
 * - Files under the working folder are named relative to `%SRCROOT%` (the
 *   working folder), so logs compare across machines; others by absolute
 *   `file:` URI. Standard input has no URI, only a description.
 * - Each rule's `helpUri` is the `file:` URI of its page in the installed
 *   package (the same link the editor shows; SARIF wants an absolute URI and
 *   the package has no public home page), and the page itself travels in
 *   `help` so a dashboard on another machine can still show it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allRules, type Locale, type Rule, type Severity } from '../core';
import { pathInside, STDIN_PATH } from './files';
import type { FileReport } from './report';
import { jsonSafe } from './terminal';

const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVELS: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export interface SarifContext {
  locale: Locale;
  /** The folder relative paths are resolved against. */
  cwd: string;
  toolVersion: string;
  /** Where `docs/rules/<id>.md` are installed. */
  rulesDocsDir: string;
}

export function formatSarif(reports: readonly FileReport[], ctx: SarifContext): string {
  const ruleIndex = new Map(allRules.map((r, i) => [r.meta.id, i]));
  const artifacts = reports.map((r) => ({ location: artifactLocation(r.path, ctx.cwd) }));
  const results = reports.flatMap((r, index) =>
    r.findings.map((f) => {
      const start = r.lines.positionAt(f.span.start);
      const end = r.lines.positionAt(f.span.end);
      return {
        ruleId: f.ruleId,
        ruleIndex: ruleIndex.get(f.ruleId),
        level: LEVELS[f.severity],
        message: { text: f.message[ctx.locale] },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...artifactLocation(r.path, ctx.cwd), index },
              region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
            },
          },
        ],
      };
    }),
  );
  const log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'speechlint',
            version: ctx.toolVersion,
            semanticVersion: ctx.toolVersion,
            rules: allRules.map((rule) => ruleDescriptor(rule, ctx)),
          },
        },
        language: ctx.locale === 'zh' ? 'zh-CN' : 'en-US',
        columnKind: 'utf16CodeUnits',
        // The line breaks LineIndex counts: CRLF, LF, and a lone CR.
        newlineSequences: ['\r\n', '\n', '\r'],
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(ctx.cwd) } },
        artifacts,
        results,
      },
    ],
  };
  return jsonSafe(JSON.stringify(log, null, 2)) + '\n';
}

function ruleDescriptor(rule: Rule, ctx: SarifContext): object {
  const { meta } = rule;
  const docsFile = path.join(ctx.rulesDocsDir, `${meta.id}.md`);
  const page = readOrUndefined(docsFile);
  const summary = meta.description[ctx.locale];
  return {
    id: meta.id,
    shortDescription: { text: summary },
    fullDescription: { text: (page && section(page, 'What it finds')) || summary },
    // Plain text gets the remedy; viewers that render Markdown get the whole page.
    ...(page ? { helpUri: pathToFileURL(docsFile).href, help: { text: section(page, 'How to fix') || summary, markdown: page } } : {}),
    defaultConfiguration: { level: LEVELS[meta.defaultSeverity] },
    properties: { tags: [meta.category], fixable: meta.fixable !== false },
  };
}

/** A file as SARIF names it: relative to `%SRCROOT%` when inside the working folder, else an absolute `file:` URI. */
function artifactLocation(file: string, cwd: string): { uri?: string; uriBaseId?: string; description?: { text: string } } {
  if (file === STDIN_PATH) return { description: { text: STDIN_PATH } };
  const relative = pathInside(cwd, file);
  if (relative === undefined) return { uri: pathToFileURL(path.resolve(cwd, file)).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** The body of a `## heading` section of a Markdown page, trimmed. */
function section(page: string, heading: string): string | undefined {
  const start = page.indexOf(`\n## ${heading}\n`);
  if (start < 0) return undefined;
  const bodyStart = start + heading.length + 5;
  const next = page.indexOf('\n## ', bodyStart);
  return page.slice(bodyStart, next < 0 ? undefined : next).trim();
}

function readOrUndefined(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
