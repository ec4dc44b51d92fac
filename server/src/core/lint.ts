/**
 * Runs the rules over a parsed document and turns their reports into findings
 * with a severity taken from the configuration — the only place severities
 * are decided.
 *
 * Rules run speech by speech (plus once over the "frame": the compilation's
 * title and anything outside a speech). A speech's findings depend on its own
 * text alone, so a `LintCache` can hand back the findings of every speech an
 * edit did not touch; a full check and an incremental one are the same code.
 */
import type { Paragraph, Speech, SpeechDocument, TextSpan, TitleNode } from './model';
import { splitsSurrogatePair } from './text/chars';
import { speechFingerprint } from './parse';
import { formatMessage, type FixClass, type LocalizedText, type Report, type Rule, type RuleContext, type RuleServices, type Severity, type SeveritySetting, type TextEdit } from './rule';
import { readDirectives, suppression } from './directives';
import { allRules } from './rules';
import { runToEnd, type Steps } from './steps';

export type RuleSetting = SeveritySetting | readonly [SeveritySetting, Readonly<Record<string, unknown>>?];
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

export interface Finding {
  ruleId: string;
  severity: Severity;
  span: TextSpan;
  messageId: string;
  message: LocalizedText;
  fix?: readonly TextEdit[];
  /** The class of `fix`, as its rule declares it: only `form` fixes are applied in bulk (see `FixClass`). */
  fixClass?: FixClass;
}

export interface LintOptions {
  rules?: RuleSettings;
  services?: RuleServices;
  /** Rules to run instead of the whole catalog (tests run one rule at a time). */
  only?: readonly Rule[];
  /** Findings of earlier checks of the same document, reused for unchanged speeches. */
  cache?: LintCache;
}

/** A speech's findings as the check that made them placed them, the speech starting at `origin`. */
interface CachedFindings {
  origin: number;
  findings: readonly Finding[];
}

/**
 * Per-speech findings of the last check, keyed by what they depend on: the settings, then the speech's
 * text. They are the very findings the check returned (held once), moved only when their speech has:
 * an edit moves the speeches after it alone.
 */
export class LintCache {
  private entries = new Map<string, CachedFindings>();
  private next = new Map<string, CachedFindings>();
  /** What the entries were found under (syntax, rule settings, services); findings under other settings are of no use. */
  private settings = '';

  /** Starts a check under `settings`. Keyed apart, not prefixed to every speech's key: the settings run to a kilobyte or two, hashed again for each of thousands of speeches. */
  begin(settings: string): void {
    if (settings === this.settings) return;
    this.settings = settings;
    this.entries.clear();
    this.next.clear();
  }

  /** Findings stored under `key` by this check or the last one, placed for a speech starting at `origin`; kept for the next check. */
  lookup(key: string, origin: number): readonly Finding[] | undefined {
    let found = this.next.get(key) ?? this.entries.get(key);
    if (!found) return undefined;
    if (found.origin !== origin) {
      const by = origin - found.origin;
      found = { origin, findings: found.findings.map((f) => shifted(f, by)) };
    }
    this.next.set(key, found);
    return found.findings;
  }

  store(key: string, origin: number, findings: readonly Finding[]): void {
    this.next.set(key, { origin, findings });
  }

  /** Ends a check: entries it did not use are dropped. */
  commit(): void {
    this.entries = this.next;
    this.next = new Map();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Severity and options a rule runs with, or undefined when it is off. */
export function resolveRuleSetting(rule: Rule, setting: RuleSetting | undefined): { severity: Severity; options: Record<string, unknown> } | undefined {
  const [severity, overrides] = Array.isArray(setting)
    ? [setting[0] as SeveritySetting, setting[1] as Readonly<Record<string, unknown>> | undefined]
    : [(setting as SeveritySetting | undefined) ?? rule.meta.defaultSeverity, undefined];
  if (severity === 'off') return undefined;
  if (!overrides) return { severity, options: defaultOptions(rule) };
  return { severity, options: { ...defaultOptions(rule), ...overrides } };
}

const defaults = new WeakMap<Rule, Record<string, unknown>>();

/**
 * A rule's default options, one object per rule for good: rules read their
 * options in hot code, which stays optimized only while the objects' hidden
 * class lives, and a fresh object per check would take it along when collected.
 */
function defaultOptions(rule: Rule): Record<string, unknown> {
  let options = defaults.get(rule);
  if (!options) {
    options = {};
    for (const [name, spec] of Object.entries(rule.meta.options ?? {})) options[name] = spec.default;
    defaults.set(rule, Object.freeze(options));
  }
  return options;
}

/**
 * At most this many findings of one rule are listed for one speech (or for
 * the frame); the rest are summed up in one finding of the same rule, at the
 * first one left out. Far beyond any real draft (the corpus's worst is 4
 * findings of one rule in a speech, and a 5,000-character speech typed with
 * half-width commas has about 300), so only pasted junk reaches it: a
 * megabyte of one character would otherwise make a million findings, with
 * their messages and fixes, and hundreds of megabytes of output. Counted per
 * speech, so a speech's findings still depend on its own text alone, and a
 * quarter of the diagnostics the server publishes for a file (`MAX_DIAGNOSTICS`),
 * so a capped rule leaves room for the others.
 */
export const MAX_FINDINGS_PER_RULE = 500;

/** The message id of the finding that sums up a capped rule's unlisted findings. */
export const UNLISTED_MESSAGE_ID = 'unlisted';

const UNLISTED_MESSAGES: Readonly<Record<'one' | 'many', LocalizedText>> = {
  one: { zh: '此规则在本篇中还有 1 处问题未列出', en: '1 more problem of this rule in this speech is not listed' },
  many: { zh: '此规则在本篇中还有 {count} 处问题未列出', en: '{count} more problems of this rule in this speech are not listed' },
};

/** A rule's context during one check: where its findings go, and what they carry. */
interface RunContext extends RuleContext {
  doc: SpeechDocument;
  into: Finding[];
  readonly rule: Rule;
  readonly severity: Severity;
  /** Findings the rule reported in the current part, listed or not. */
  reported: number;
  /** Where the first finding past the cap is, once there is one. */
  firstUnlisted: TextSpan | undefined;
}

/**
 * Every context's `report`: one function for all, not a closure per check. A
 * rule's optimized code inlines the `report` it was called with, and drops
 * out of optimization once that function is collected.
 */
function reportFinding(this: RunContext, r: Report): void {
  if (++this.reported > MAX_FINDINGS_PER_RULE) {
    this.firstUnlisted ??= r.span;
    return;
  }
  const { meta } = this.rule;
  const template = meta.messages[r.messageId];
  const data = r.data && quotesTooMuch(r.data) ? shortened(r.data) : r.data;
  const message: LocalizedText = template ? { zh: formatMessage(template.zh, data), en: formatMessage(template.en, data) } : { zh: r.messageId, en: r.messageId };
  const severity = r.suspicion === true && (this.severity === 'error' || this.severity === 'warning') ? 'info' : this.severity;
  this.into.push({ ruleId: meta.id, severity, span: r.span, messageId: r.messageId, message, fix: r.fix, fixClass: meta.fixable || undefined });
}

/**
 * The most a message quotes of the draft (UTF-16 units); longer quotes end in
 * `…`. Rules quote what they found (`{run}`, `{found}`), and a pasted run of a
 * hundred thousand marks would otherwise put all of it in the message, twice.
 */
const QUOTE_MAX = 40;

function quotesTooMuch(data: Readonly<Record<string, string | number>>): boolean {
  for (const key in data) {
    const value = data[key];
    if (typeof value === 'string' && value.length > QUOTE_MAX) return true;
  }
  return false;
}

function shortened(data: Readonly<Record<string, string | number>>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const key in data) {
    const value = data[key];
    if (typeof value !== 'string' || value.length <= QUOTE_MAX) out[key] = value;
    else out[key] = `${value.slice(0, splitsSurrogatePair(value, QUOTE_MAX) ? QUOTE_MAX - 1 : QUOTE_MAX)}…`;
  }
  return out;
}

/** Runs a context's rule over one part of the document, its findings going to `into`. */
function run(context: RunContext, part: SpeechDocument, into: Finding[]): void {
  context.doc = part;
  context.into = into;
  context.reported = 0;
  context.firstUnlisted = undefined;
  context.rule.check(context);
  if (context.firstUnlisted) into.push(unlistedFinding(context, context.firstUnlisted));
}

/** The finding that stands for a capped rule's findings past the cap: no fix, since it stands for many. */
function unlistedFinding(context: RunContext, span: TextSpan): Finding {
  const data = { count: context.reported - MAX_FINDINGS_PER_RULE };
  const template = UNLISTED_MESSAGES[data.count === 1 ? 'one' : 'many'];
  const message = { zh: formatMessage(template.zh, data), en: formatMessage(template.en, data) };
  return { ruleId: context.rule.meta.id, severity: context.severity, span, messageId: UNLISTED_MESSAGE_ID, message, fix: undefined, fixClass: undefined };
}

/** A speech this long (UTF-16 units; its rules take a few milliseconds) is checked with a pause after each rule. */
const LARGE_SPEECH = 50_000;

export function lint(doc: SpeechDocument, opts: LintOptions = {}): Finding[] {
  return runToEnd(lintSteps(doc, opts));
}

/**
 * `lint` one speech at a time: the generator pauses after each speech, so a
 * host can answer other requests in between (and drop the work when the text
 * has changed meanwhile) while a huge compilation is being checked.
 */
export function* lintSteps(doc: SpeechDocument, opts: LintOptions = {}): Steps<Finding[]> {
  const services = opts.services ?? {};
  const active: Array<{ rule: Rule; severity: Severity; options: Record<string, unknown> }> = [];
  for (const rule of opts.only ?? allRules) {
    const resolved = resolveRuleSetting(rule, opts.rules?.[rule.meta.id]);
    if (resolved) active.push({ rule, ...resolved });
  }
  const findings: Finding[] = [];
  const frame = frameOf(doc);
  // One context per rule, pointed at each part in turn (a compilation has thousands of speeches).
  const contexts = active.map(({ rule, severity, options }): RunContext => ({ doc: frame, services, options, report: reportFinding, rule, severity, into: findings, reported: 0, firstUnlisted: undefined }));
  // Indexed loops here and below: a generator's `for…of` keeps allocating iterator results (about 6 MB per check of
  // a 10 MB compilation, measured by allocation sampling), as its body is not optimized like a plain function's.
  for (let c = 0; c < contexts.length; c++) run(contexts[c], frame, findings);
  const cache = opts.cache;
  cache?.begin(JSON.stringify([doc.syntax, opts.rules ?? null, active.map((a) => a.rule.meta.id), Object.keys(services), services.page ?? null]));
  for (let s = 0; s < doc.speeches.length; s++) {
    const speech = doc.speeches[s];
    const origin = speech.span.start;
    const key = cache ? speechFingerprint(doc.text, speech) : '';
    const reused = cache?.lookup(key, origin);
    if (reused) {
      for (let k = 0; k < reused.length; k++) findings.push(reused[k]);
      yield;
      continue;
    }
    const part = speechPart(doc, speech);
    const own: Finding[] = [];
    // Pausing between rules too keeps a single huge speech (a pasted book) from holding the host.
    const pauseBetweenRules = speech.span.end - speech.span.start > LARGE_SPEECH;
    for (let c = 0; c < contexts.length; c++) {
      run(contexts[c], part, own);
      if (pauseBetweenRules) yield;
    }
    yield;
    cache?.store(key, origin, own);
    for (let k = 0; k < own.length; k++) findings.push(own[k]);
  }
  cache?.commit();

  const directives = readDirectives(doc);
  const silenced = directives.length > 0 ? suppression(doc, directives) : undefined;
  return (silenced ? findings.filter((f) => !silenced(f.ruleId, doc.lines.positionAt(f.span.start).line)) : findings).sort(
    (a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/**
 * The document as one speech's rules see it: that speech and its paragraphs
 * only. Written out rather than spread from the document: a spread object
 * gets a hidden class of its own, which dies with the last part after each
 * check, and with it the rules' optimized code built for it.
 */
function speechPart(doc: SpeechDocument, speech: Speech): SpeechDocument {
  return documentPart(doc, undefined, undefined, [speech], speech.paragraphs);
}

function documentPart(doc: SpeechDocument, title: TitleNode | undefined, subtitle: TitleNode | undefined, speeches: Speech[], paragraphs: Paragraph[]): SpeechDocument {
  const { text, lines, syntax, bom, eol } = doc;
  return { text, lines, syntax, bom, eol, title, subtitle, speeches, paragraphs, comments: [] };
}

/** The compilation's title and subtitle and every paragraph outside a speech: speeches run on to the end, so those before the first. */
function frameOf(doc: SpeechDocument): SpeechDocument {
  const first = doc.speeches[0]?.paragraphs[0];
  const outside = first ? doc.paragraphs.slice(0, doc.paragraphs.indexOf(first)) : doc.paragraphs;
  return documentPart(doc, doc.title, doc.subtitle, [], outside);
}

function shifted(f: Finding, by: number): Finding {
  if (by === 0) return f;
  const move = (s: TextSpan): TextSpan => ({ start: s.start + by, end: s.end + by });
  return { ...f, span: move(f.span), fix: f.fix?.map((e) => ({ span: move(e.span), text: e.text })) };
}
