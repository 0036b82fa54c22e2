import type { ConfigProblem, KindConfig, ResolvedConfig } from '../config/types';
import { materializeDiagnostics, severityOf } from '../diagnostics/materialize';
import { parseFile, type ParsedFile } from '../parse/file';
import { fiscalStartMonth } from '../period/parse';
import { Evaluator, keySignatures } from '../rules/evaluator';
import type { Rule } from '../rules/rule';
import type { Anchor, Diagnostic, Finding, Range, Severity } from '../types';
import type { RangeMany } from '../parse/positions';
import { importFiles, snapshotState, type WorkspaceState } from '../warm/state';
import type { CompiledSchemas } from '../schema/compiled';
import { Analyzer } from './analyzer';
import { entityAnchor, type Entity, type Reference } from './entity';
import type { WorkspaceModel } from './queries';
import { FileStore } from './store';
import type { VocabularyBinding } from '../vocab/bindings';

/**
 * The workspace model: the file store and its indexes (`FileStore`), the rule results kept per
 * entity with the keys each result read (`Evaluator`), diagnostics materialized on demand.
 * `setFile` re-parses one file and re-checks only the entities whose rules depended on
 * something that file defined or referenced.
 */
export class Workspace implements WorkspaceModel {
  private readonly store: FileStore;
  private readonly evaluator: Evaluator;
  readonly analyzer: Analyzer;
  /** Monotonic counter bumped by every change; views use it to know when to refresh. */
  version = 0;

  constructor(
    readonly config: ResolvedConfig,
    rules: readonly Rule[],
    private readonly today: string,
    readonly configProblems: readonly ConfigProblem[] = [],
    compiled?: CompiledSchemas,
  ) {
    this.analyzer = new Analyzer(config, compiled);
    this.store = new FileStore(this.analyzer);
    this.evaluator = new Evaluator(config, rules, this.store, today, fiscalStartMonth(config.fiscalYearStart));
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
      const old = this.store.files.get(p.path);
      if (old) this.store.remove(p.path, old, this.forget);
      this.store.add(p);
    }
  }

  /**
   * Like `indexParsedFiles`, reusing `from`'s analysis of every file it holds in the very same
   * parse (another version of the folder derived from it, with the same configuration: the
   * caller checks): only the other files are analyzed. Analyses are never changed once made.
   */
  indexParsedFilesFrom(parsed: Iterable<ParsedFile>, from: Workspace): void {
    for (const p of parsed) {
      const old = this.store.files.get(p.path);
      if (old) this.store.remove(p.path, old, this.forget);
      const theirs = from.store.files.get(p.path);
      if (theirs && theirs.parsed === p) this.store.restore({ parsed: p, analysis: theirs.analysis });
      else this.store.add(p);
    }
  }

  private readonly forget = (e: Entity): void => this.evaluator.forget(e);

  private *entitiesByKind(): Generator<Entity> {
    for (const set of this.store.byKind.values()) yield* set;
  }

  /** Checks every entity's rules from scratch; `oneShot`: see `EngineInit.oneShot`. */
  evaluateAll(oneShot = false): void {
    this.evaluator.evaluateAll(this.entitiesByKind(), oneShot);
    this.version++;
  }

  /**
   * Like `evaluateAll`, awaiting `pause` once a slice took `budgetMs`, so a host that must stay
   * responsive (the editor's extension host) can handle other events in between.
   */
  async evaluateAllInSlices(pause: () => Promise<void>, budgetMs = 12): Promise<void> {
    // Entities differ a lot in cost (a plan sums its expenses by month): slices end on time,
    // looked at every 16 entities, not on a count.
    const all = this.entities();
    let since = Date.now();
    for (let i = 0; i < all.length; i++) {
      this.evaluator.evaluate(all[i] as Entity);
      if ((i + 1) % 16 === 0 && Date.now() - since >= budgetMs) {
        await pause();
        since = Date.now();
      }
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
    const old = this.store.files.get(path);
    const touched = new Set<string>([path]);
    const before = old ? (old.signatures ?? keySignatures(old.analysis)) : new Map<string, string>();
    if (old) this.store.remove(path, old, this.forget);
    let added: Entity[] = [];
    let after = new Map<string, string>();
    if (parsed) {
      const rec = this.store.add(parsed);
      after = rec.signatures = keySignatures(rec.analysis);
      added = rec.analysis.entities;
    }
    // Only keys whose content differs count as changed: re-saving a region file with a new
    // comment must not re-check the thousands of entities that look a region up.
    const changedKeys = new Set<string>();
    for (const [k, sig] of before) if (after.get(k) !== sig) changedKeys.add(k);
    for (const [k, sig] of after) if (before.get(k) !== sig) changedKeys.add(k);
    const subjects = this.evaluator.dependentsOf(changedKeys, new Set<Entity>(added));
    for (const e of subjects) {
      this.evaluator.evaluate(e);
      touched.add(e.file);
    }
    this.version++;
    return touched;
  }

  // ---- queries ---------------------------------------------------------------------------

  get fileCount(): number {
    return this.store.files.size;
  }

  get entityCount(): number {
    return this.store.entityCount;
  }

  filePaths(): string[] {
    return [...this.store.files.keys()];
  }

  parsedFile(path: string): ParsedFile | undefined {
    return this.store.files.get(path)?.parsed;
  }

  fileKind(path: string): string | undefined {
    return this.store.files.get(path)?.analysis.kind;
  }

  kindForPath(path: string): string | undefined {
    return this.analyzer.kindForPath(path);
  }

  kindConfig(kind: string): KindConfig | undefined {
    return this.analyzer.kindConfig(kind);
  }

  vocabularyBindings(kind: string): readonly VocabularyBinding[] {
    return this.analyzer.vocab.bindings(kind);
  }

  entitiesIn(path: string): Entity[] {
    return this.store.files.get(path)?.analysis.entities ?? [];
  }

  referencesIn(path: string): Reference[] {
    return this.store.files.get(path)?.analysis.references ?? [];
  }

  entities(kind?: string): Entity[] {
    return this.store.entities(kind);
  }

  /** Ids of `kind` in use: the entities' (in the order read), then those a syntax error keeps from being read. */
  idsInUse(kind: string): string[] {
    return this.store.idsInUse(kind);
  }

  get(kind: string, id: string): Entity | undefined {
    return this.store.byKey.get(kind, id)?.[0];
  }

  byIdAnyKind(id: string): Entity[] {
    return this.store.byId.get(id) ?? [];
  }

  children(e: Entity): Entity[] {
    return this.store.childrenOf.get(e) ?? [];
  }

  referencesTo(kind: string, id: string): Reference[] {
    return this.store.referrersOf.get(kind, id) ?? [];
  }

  referencesFrom(e: Entity): Reference[] {
    return this.store.refsByEntity.get(e) ?? [];
  }

  /** Source range of an anchor, resolved through the file's (lazily built) position map. */
  rangeOf(anchor: Anchor): Range {
    return this.store.rangeOf(anchor);
  }

  entityRange(e: Entity): Range {
    return this.store.rangeOf({ file: e.file, doc: e.doc, path: e.path, part: 'entity' });
  }

  severityOf(ruleId: string, fallback?: Severity): Severity | 'off' {
    return severityOf(this.config, ruleId, fallback);
  }

  /** Shares resolved source ranges with another workspace for the files both hold in the same parse (see `FileStore.shareRanges`). */
  shareRanges(other: Workspace): void {
    this.store.shareRanges(other.store);
  }

  /**
   * Works out the source ranges of every diagnostic with `rangeMany` (a host's parse workers)
   * instead of one file after another in this thread; `diagnostics()` then parses nothing.
   */
  async resolveRangesWith(rangeMany: RangeMany): Promise<void> {
    const anchors: Anchor[] = [];
    const want = (f: Finding): void => {
      if (!f.range) anchors.push(f.anchor);
      for (const r of f.related ?? []) if (!r.range) anchors.push(r.anchor);
    };
    for (const rec of this.store.files.values()) {
      rec.analysis.findings.forEach(want);
      for (const e of rec.analysis.entities) this.resultOf(e)?.findings.forEach(want);
    }
    await this.rangesWith(rangeMany, anchors);
  }

  /** Works out with `rangeMany` the entity ranges of every entity of these kinds (see `resolveRangesWith`). */
  async entityRangesWith(rangeMany: RangeMany, kinds: readonly string[]): Promise<void> {
    const anchors: Anchor[] = [];
    for (const kind of kinds) for (const e of this.store.entities(kind)) anchors.push(entityAnchor(e));
    await this.rangesWith(rangeMany, anchors);
  }

  private async rangesWith(rangeMany: RangeMany, anchors: Iterable<Anchor>): Promise<void> {
    const jobs = this.store.rangeJobs(anchors);
    if (jobs.length === 0) return;
    const ranges = await rangeMany(jobs);
    jobs.forEach((job, i) => this.store.addRanges(job, ranges[i] ?? []));
  }

  /** Diagnostics of one file, or of the whole workspace, sorted by file and position. */
  diagnostics(file?: string): Diagnostic[] {
    return materializeDiagnostics(this.config, this.store, this.resultOf, file);
  }

  /** The diagnostics of one file with the anchor (node path) each was found at: where a grid or a form places them. */
  anchoredDiagnostics(file: string): { diagnostic: Diagnostic; anchor: Anchor }[] {
    const anchors = new Map<Diagnostic, Anchor>();
    return materializeDiagnostics(this.config, this.store, this.resultOf, file, anchors).map((diagnostic) => ({
      diagnostic,
      anchor: anchors.get(diagnostic)!,
    }));
  }

  private readonly resultOf = (e: Entity) => this.evaluator.resultOf(e);

  // ---- warm start ------------------------------------------------------------------------

  /** How many source ranges have been resolved (and would be cached). */
  get resolvedRangeCount(): number {
    return this.store.resolvedRangeCount;
  }

  /**
   * The files and rule results as they are now, materialized when the returned function is
   * called, with the source ranges these same file records have resolved by then.
   */
  snapshotState(): () => WorkspaceState {
    return snapshotState(this.store, this.evaluator, this.today);
  }

  /**
   * Restores a state exported by a workspace with the same configuration (the cache checks
   * that). Rule results are reused when the date is the same, else every entity is re-checked.
   */
  importState(state: WorkspaceState): void {
    const sameDay = state.today === this.today;
    importFiles(this.store, this.evaluator, state.files, sameDay);
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
      importFiles(this.store, this.evaluator, state.files.slice(i, i + sliceSize), sameDay);
      await pause();
    }
    if (!sameDay) await this.evaluateAllInSlices(pause);
    this.version++;
  }
}
