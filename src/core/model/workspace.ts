import type { ConfigProblem, ResolvedConfig } from '../config/types';
import { parseFile, type ParsedFile } from '../parse/file';
import { fiscalStartMonth } from '../period/parse';
import { YamlPositions } from '../parse/yaml';
import type { Rule, RuleContext } from '../rules/rule';
import type { Anchor, Diagnostic, Finding, Range, Severity } from '../types';
import { suggestFor } from '../rules/identity';
import { Analyzer, type CompiledSchemas, type FileAnalysis } from './analyzer';
import { entityKey, type Entity, type Reference } from './entity';

interface FileRecord {
  parsed: ParsedFile;
  analysis: FileAnalysis;
  positions?: YamlPositions;
  /** Ranges already resolved, by anchor: kept in the warm-start cache so no file is re-parsed for positions. */
  ranges?: Map<string, Range>;
  /** `keySignatures(analysis)`, kept from the edit that made the record so the next edit need not redo it. */
  signatures?: Map<string, string>;
}

/**
 * Everything the workspace computed, as plain data (entities shared between files' analyses,
 * references and parents stay shared objects): what the warm-start cache stores.
 */
export interface WorkspaceState {
  format: 1;
  today: string;
  files: { parsed: ParsedFile; analysis: FileAnalysis; results: (RuleResult | null)[]; ranges: [string, Range][] }[];
}

export interface RuleResult {
  findings: Finding[];
  deps: string[];
}

// Dependency keys. A rule that looks an entity up depends on that entity (LOOKUP); one that
// lists the references to an entity depends on the set of referrers (REFERRERS). Keeping them
// apart matters: thousands of entities look up a region, few ask who refers to it.
const LOOKUP = 'L\u0000';
const REFERRERS = 'R\u0000';
const ANY_KIND = 'A\u0000';
const ALL_OF_KIND = 'K\u0000';

/** Schema keyword rules share the `schema/` family's default severity. */
function defaultSeverity(ruleId: string): Severity {
  return /^(schema|yaml|id|ref)\//.test(ruleId) ? 'error' : 'warning'; // SPEC §3.4 defaults, also without the ops pack
}

/**
 * The workspace model: parsed files, the entity and reference indexes, and rule results kept
 * per entity with the keys each result read. `setFile` re-parses one file and re-checks only
 * the entities whose rules depended on something that file defined or referenced.
 */
export class Workspace {
  private readonly files = new Map<string, FileRecord>();
  private readonly byKey = new Map<string, Entity[]>();
  private readonly byId = new Map<string, Entity[]>();
  private readonly byKind = new Map<string, Set<Entity>>();
  private readonly referrersOf = new Map<string, Reference[]>();
  /** Entity keys of entities a syntax error kept from being read, with how many files hold each. */
  private readonly unreadable = new Map<string, number>();
  private readonly refsByEntity = new Map<Entity, Reference[]>();
  private readonly childrenOf = new Map<Entity, Entity[]>();
  private readonly results = new Map<Entity, RuleResult>();
  private readonly dependents = new Map<string, Set<Entity>>();
  private readonly rulesByKind = new Map<string, Rule[]>();
  readonly analyzer: Analyzer;
  /** Monotonic counter bumped by every change; views use it to know when to refresh. */
  version = 0;

  constructor(
    readonly config: ResolvedConfig,
    private readonly rules: readonly Rule[],
    private readonly today: string,
    readonly configProblems: readonly ConfigProblem[] = [],
    compiled?: CompiledSchemas,
  ) {
    this.analyzer = new Analyzer(config, compiled);
    (this.ctx as { today: string }).today = today;
    (this.ctx as { fiscalYearStart: number }).fiscalYearStart = fiscalStartMonth(config.fiscalYearStart);
  }

  get todayDate(): string {
    return this.today;
  }

  /** Adds parsed files in bulk (cold start): indexes everything, then checks every entity once. */
  addParsedFiles(parsed: Iterable<ParsedFile>): void {
    this.indexParsedFiles(parsed);
    this.evaluateAll();
  }

  /** Indexes files without checking rules yet (a cold start streams files in, then calls `evaluateAll`). */
  indexParsedFiles(parsed: Iterable<ParsedFile>): void {
    for (const p of parsed) {
      const old = this.files.get(p.path);
      if (old) this.unindex(p.path, old);
      this.index(p);
    }
  }

  /** Checks every entity's rules from scratch. */
  evaluateAll(): void {
    for (const set of this.byKind.values()) for (const e of set) this.evaluate(e);
    this.version++;
  }

  /**
   * Like `evaluateAll`, awaiting `pause` after every `slice` entities so a host that must stay
   * responsive (the editor's extension host) can handle other events in between.
   */
  async evaluateAllInSlices(pause: () => Promise<void>, slice = 500): Promise<void> {
    const all = this.entities();
    for (let i = 0; i < all.length; i++) {
      this.evaluate(all[i] as Entity);
      if ((i + 1) % slice === 0) await pause();
    }
    this.version++;
  }

  /** Replaces (or adds) one file from its contents. Returns the files whose diagnostics may have changed. */
  setFile(path: string, content: Uint8Array | string): Set<string> {
    return this.replace(path, parseFile(path, content));
  }

  /** Like `setFile` with a file parsed elsewhere (a worker thread). */
  setParsedFile(parsed: ParsedFile): Set<string> {
    return this.replace(parsed.path, parsed);
  }

  deleteFile(path: string): Set<string> {
    return this.replace(path, undefined);
  }

  private replace(path: string, parsed: ParsedFile | undefined): Set<string> {
    const old = this.files.get(path);
    const touched = new Set<string>([path]);
    const before = old ? (old.signatures ?? keySignatures(old.analysis)) : new Map<string, string>();
    if (old) this.unindex(path, old);
    let added: Entity[] = [];
    let after = new Map<string, string>();
    if (parsed) {
      const rec = this.index(parsed);
      after = rec.signatures = keySignatures(rec.analysis);
      added = rec.analysis.entities;
    }
    // Only keys whose content differs count as changed: re-saving a region file with a new
    // comment must not re-check the thousands of entities that look a region up.
    const changedKeys = new Set<string>();
    for (const [k, sig] of before) if (after.get(k) !== sig) changedKeys.add(k);
    for (const [k, sig] of after) if (before.get(k) !== sig) changedKeys.add(k);
    const subjects = new Set<Entity>(added);
    for (const k of changedKeys) for (const e of this.dependents.get(k) ?? []) subjects.add(e);
    for (const e of subjects) {
      this.evaluate(e);
      touched.add(e.file);
    }
    this.version++;
    return touched;
  }

  private index(parsed: ParsedFile): FileRecord {
    const analysis = this.analyzer.analyze(parsed);
    const rec: FileRecord = { parsed, analysis };
    this.files.set(parsed.path, rec);
    this.indexAnalysis(analysis);
    return rec;
  }

  private indexAnalysis(analysis: FileAnalysis): void {
    for (const e of analysis.entities) {
      push(this.byKey, entityKey(e.kind, e.id), e);
      push(this.byId, e.id, e);
      let set = this.byKind.get(e.kind);
      if (!set) this.byKind.set(e.kind, (set = new Set()));
      set.add(e);
      if (e.parent) push(this.childrenOf, e.parent, e);
    }
    for (const r of analysis.references) {
      push(this.referrersOf, entityKey(r.targetKind, r.value), r);
      push(this.refsByEntity, r.from, r);
    }
    for (const u of analysis.unreadable ?? []) {
      const k = entityKey(u.kind, u.id);
      this.unreadable.set(k, (this.unreadable.get(k) ?? 0) + 1);
    }
  }

  private unindex(path: string, rec: FileRecord): void {
    this.files.delete(path);
    for (const e of rec.analysis.entities) {
      remove(this.byKey, entityKey(e.kind, e.id), e);
      remove(this.byId, e.id, e);
      this.byKind.get(e.kind)?.delete(e);
      this.childrenOf.delete(e);
      this.refsByEntity.delete(e);
      const res = this.results.get(e);
      if (res) for (const d of res.deps) this.dependents.get(d)?.delete(e);
      this.results.delete(e);
    }
    for (const r of rec.analysis.references) remove(this.referrersOf, entityKey(r.targetKind, r.value), r);
    for (const u of rec.analysis.unreadable ?? []) {
      const k = entityKey(u.kind, u.id);
      const n = (this.unreadable.get(k) ?? 0) - 1;
      if (n > 0) this.unreadable.set(k, n);
      else this.unreadable.delete(k);
    }
  }

  private rulesFor(kind: string): Rule[] {
    let list = this.rulesByKind.get(kind);
    if (!list) {
      list = this.rules.filter((r) => (!r.kinds || r.kinds.includes(kind)) && this.enabled(r));
      this.rulesByKind.set(kind, list);
    }
    return list;
  }

  private enabled(rule: Rule): boolean {
    const ids = [rule.id, ...(rule.reports ?? [])];
    return ids.some((id) => this.config.rules.get(id)?.severity !== 'off');
  }

  private evaluate(e: Entity): void {
    const prev = this.results.get(e);
    if (prev) for (const d of prev.deps) this.dependents.get(d)?.delete(e);
    const deps = new Set<string>();
    const findings: Finding[] = [];
    this.currentDeps = deps;
    this.currentFindings = findings;
    for (const rule of this.rulesFor(e.kind)) {
      try {
        rule.check(e, this.ctx);
      } catch (err) {
        findings.push({ anchor: { file: e.file, doc: e.doc, path: e.path, part: 'entity' }, ruleId: rule.id, severity: 'error', message: `internal error in rule ${rule.id}: ${err instanceof Error ? err.message : String(err)}` });
      }
    }
    const depList = [...deps];
    this.trackDependencies(e, depList);
    if (findings.length === 0 && depList.length === 0) this.results.delete(e);
    else this.results.set(e, { findings, deps: depList });
  }

  // One context for every evaluation (rules run synchronously): `currentDeps` and
  // `currentFindings` point at the entity being checked. Saves ~30,000 closures per cold check.
  private currentDeps = new Set<string>();
  private currentFindings: Finding[] = [];
  private readonly ctx: RuleContext = {
    today: '',
    fiscalYearStart: 1,
    options: (id) => this.config.rules.get(id)?.options ?? {},
    lookup: (kind, id) => {
      this.currentDeps.add(LOOKUP + entityKey(kind, id));
      return this.byKey.get(entityKey(kind, id)) ?? [];
    },
    lookupAnyKind: (id) => {
      this.currentDeps.add(ANY_KIND + id);
      return this.byId.get(id) ?? [];
    },
    lookupByField: (kind, field, value) => {
      this.currentDeps.add(ALL_OF_KIND + kind);
      return [...(this.byKind.get(kind) ?? [])].filter((x) => String(x.data[field] ?? '') === value);
    },
    all: (kind) => {
      this.currentDeps.add(ALL_OF_KIND + kind);
      return [...(this.byKind.get(kind) ?? [])];
    },
    ids: (kind) => {
      this.currentDeps.add(ALL_OF_KIND + kind);
      return [...(this.byKind.get(kind) ?? [])].map((x) => x.id);
    },
    referrers: (kind, id) => {
      this.currentDeps.add(REFERRERS + entityKey(kind, id));
      return this.referrersOf.get(entityKey(kind, id)) ?? [];
    },
    unreadable: (kind, id) => {
      this.currentDeps.add(LOOKUP + entityKey(kind, id));
      return this.unreadable.has(entityKey(kind, id));
    },
    referencesOf: (x) => this.refsByEntity.get(x) ?? [],
    children: (x) => this.childrenOf.get(x) ?? [],
    report: (f) => this.currentFindings.push(f),
  };

  // ---- queries ---------------------------------------------------------------------------

  get fileCount(): number {
    return this.files.size;
  }

  get entityCount(): number {
    let n = 0;
    for (const s of this.byKind.values()) n += s.size;
    return n;
  }

  filePaths(): string[] {
    return [...this.files.keys()];
  }

  parsedFile(path: string): ParsedFile | undefined {
    return this.files.get(path)?.parsed;
  }

  fileKind(path: string): string | undefined {
    return this.files.get(path)?.analysis.kind;
  }

  entitiesIn(path: string): Entity[] {
    return this.files.get(path)?.analysis.entities ?? [];
  }

  referencesIn(path: string): Reference[] {
    return this.files.get(path)?.analysis.references ?? [];
  }

  entities(kind?: string): Entity[] {
    if (kind) return [...(this.byKind.get(kind) ?? [])];
    const out: Entity[] = [];
    for (const s of this.byKind.values()) out.push(...s);
    return out;
  }

  /** Ids of `kind` in use: the entities' (in the order read), then those a syntax error keeps from being read. */
  idsInUse(kind: string): string[] {
    const ids = this.entities(kind).map((e) => e.id);
    for (const rec of this.files.values()) for (const u of rec.analysis.unreadable ?? []) if (u.kind === kind) ids.push(u.id);
    return ids;
  }

  get(kind: string, id: string): Entity | undefined {
    return this.byKey.get(entityKey(kind, id))?.[0];
  }

  byIdAnyKind(id: string): Entity[] {
    return this.byId.get(id) ?? [];
  }

  children(e: Entity): Entity[] {
    return this.childrenOf.get(e) ?? [];
  }

  referencesTo(kind: string, id: string): Reference[] {
    return this.referrersOf.get(entityKey(kind, id)) ?? [];
  }

  referencesFrom(e: Entity): Reference[] {
    return this.refsByEntity.get(e) ?? [];
  }

  /** Source range of an anchor, resolved through the file's (lazily built) position map. */
  rangeOf(anchor: Anchor): Range {
    const rec = this.files.get(anchor.file);
    if (!rec) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    const key = `${anchor.doc}\u0000${anchor.part}\u0000${anchor.path.join('\u0000')}`;
    const known = rec.ranges?.get(key);
    if (known) return known;
    if (!rec.positions) rec.positions = new YamlPositions(rec.parsed.yamlText, rec.parsed.yamlLineOffset);
    const range = rec.positions.rangeOf(anchor.doc, anchor.path, anchor.part);
    (rec.ranges ??= new Map()).set(key, range);
    return range;
  }

  // ---- warm start ------------------------------------------------------------------------

  /** How many source ranges have been resolved (and would be cached). */
  get resolvedRangeCount(): number {
    let n = 0;
    for (const rec of this.files.values()) n += rec.ranges?.size ?? 0;
    return n;
  }

  /**
   * The files and rule results as they are now, materialized when the returned function is
   * called, with the source ranges these same file records have resolved by then (ranges
   * depend only on a file's text; an edited file gets a new record, so it stays as it was).
   */
  snapshotState(): () => WorkspaceState {
    const records = [...this.files.values()].map((rec) => ({ rec, results: rec.analysis.entities.map((e) => this.results.get(e) ?? null) }));
    const today = this.today;
    return () => ({
      format: 1,
      today,
      files: records.map(({ rec, results }) => ({ parsed: rec.parsed, analysis: rec.analysis, results, ranges: rec.ranges ? [...rec.ranges] : [] })),
    });
  }

  /**
   * Restores a state exported by a workspace with the same configuration (the cache checks
   * that). Rule results are reused when the date is the same, else every entity is re-checked.
   */
  importState(state: WorkspaceState): void {
    const sameDay = state.today === this.today;
    this.importFiles(state.files, sameDay);
    if (!sameDay) this.evaluateAll();
    this.version++;
  }

  /**
   * `importState` in slices of files with `pause` between them (and between slices of the
   * re-check on another day), so restoring a large workspace never holds the editor for long.
   */
  async importStateInSlices(state: WorkspaceState, pause: () => Promise<void>, sliceSize = 100): Promise<void> {
    const sameDay = state.today === this.today;
    for (let i = 0; i < state.files.length; i += sliceSize) {
      this.importFiles(state.files.slice(i, i + sliceSize), sameDay);
      await pause();
    }
    if (!sameDay) await this.evaluateAllInSlices(pause);
    this.version++;
  }

  private importFiles(files: WorkspaceState['files'], sameDay: boolean): void {
    for (const f of files) {
      const rec: FileRecord = { parsed: f.parsed, analysis: f.analysis };
      if (f.ranges.length > 0) rec.ranges = new Map(f.ranges);
      this.files.set(f.parsed.path, rec);
      this.indexAnalysis(f.analysis);
      if (!sameDay) continue;
      f.analysis.entities.forEach((e, i) => {
        const r = f.results[i];
        if (!r) return;
        this.results.set(e, r);
        this.trackDependencies(e, r.deps);
      });
    }
  }

  /** Records that `e`'s rule results read `deps`: a change to any of them re-checks `e`. */
  private trackDependencies(e: Entity, deps: readonly string[]): void {
    for (const d of deps) {
      let set = this.dependents.get(d);
      if (!set) this.dependents.set(d, (set = new Set()));
      set.add(e);
    }
  }

  entityRange(e: Entity): Range {
    return this.rangeOf({ file: e.file, doc: e.doc, path: e.path, part: 'entity' });
  }

  severityOf(ruleId: string, fallback?: Severity): Severity | 'off' {
    const s = this.config.rules.get(ruleId)?.severity;
    if (s) return s;
    if (ruleId.startsWith('schema/')) return this.config.rules.get('schema')?.severity ?? 'error';
    return fallback ?? defaultSeverity(ruleId);
  }

  /** Diagnostics of one file, or of the whole workspace, sorted by file and position. */
  diagnostics(file?: string): Diagnostic[] {
    const out: Diagnostic[] = [];
    const paths = file ? [file] : [...this.files.keys()];
    for (const p of paths) {
      const rec = this.files.get(p);
      if (!rec) continue;
      for (const f of rec.analysis.findings) this.toDiagnostic(f, out);
      for (const e of rec.analysis.entities) for (const f of this.results.get(e)?.findings ?? []) this.toDiagnostic(f, out);
    }
    out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column || (a.ruleId < b.ruleId ? -1 : 1)));
    return out;
  }

  private didYouMean(d: NonNullable<Finding['didYouMean']>, message: string): { message: string; suggestions: string[] } {
    const pool = [...(this.byKind.get(d.kind) ?? [])];
    const field = d.field;
    const candidates = field ? pool.map((t) => String(t.data[field] ?? '')).filter(Boolean) : pool.map((t) => t.id);
    const { hint, suggestions } = suggestFor(d, candidates);
    return { message: message + hint, suggestions };
  }

  private toDiagnostic(f: Finding, out: Diagnostic[]): void {
    const configured = this.config.rules.get(f.ruleId)?.severity;
    let severity = configured ?? f.severity ?? this.severityOf(f.ruleId);
    if (severity === 'off') return;
    if (f.maxSeverity && SEVERITY_RANK[severity] > SEVERITY_RANK[f.maxSeverity]) severity = f.maxSeverity;
    const refined: { message?: string; suggestions?: string[] } = f.didYouMean ? this.didYouMean(f.didYouMean, f.message) : {};
    const d: Diagnostic = {
      file: f.anchor.file,
      range: f.range ?? this.rangeOf(f.anchor),
      severity,
      ruleId: f.ruleId,
      message: refined.message ?? f.message,
    };
    if (f.entity) d.entity = f.entity;
    if (f.related) d.related = f.related.map((r) => ({ file: r.anchor.file, range: r.range ?? this.rangeOf(r.anchor), message: r.message }));
    const suggestions = refined.suggestions ?? f.suggestions;
    if (suggestions) d.suggestions = suggestions;
    out.push(d);
  }
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The dependency keys a file's analysis provides, each with a signature of what it provides. */
function keySignatures(a: FileAnalysis): Map<string, string> {
  const sigs = new Map<string, string>();
  const add = (k: string, sig: string) => sigs.set(k, (sigs.get(k) ?? '') + sig + '\u0001');
  const entitySig = new Map<Entity, string>();
  for (const e of a.entities) {
    const sig = JSON.stringify([e.file, e.doc, e.path, e.data]);
    entitySig.set(e, sig);
    add(LOOKUP + entityKey(e.kind, e.id), sig);
    add(ANY_KIND + e.id, sig);
    add(ALL_OF_KIND + e.kind, sig);
  }
  for (const u of a.unreadable ?? []) add(LOOKUP + entityKey(u.kind, u.id), 'unreadable');
  for (const r of a.references) add(REFERRERS + entityKey(r.targetKind, r.value), JSON.stringify([entitySig.get(r.from) ?? r.from.id, r.field, r.anchor.path]));
  return sigs;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

function remove<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (!list) return;
  const i = list.indexOf(v);
  if (i !== -1) list.splice(i, 1);
  if (list.length === 0) m.delete(k);
}
