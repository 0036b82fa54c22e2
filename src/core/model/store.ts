import type { ParsedFile } from '../parse/file';
import { YamlPositions, type RangeJob } from '../parse/positions';
import type { Anchor, Finding, Range } from '../types';
import type { Analyzer, FileAnalysis } from './analyzer';
import { compareEntities, entityKey, type Entity, type Reference } from './entity';

/** One file of the workspace: what it parsed to and what it defines. */
export interface FileRecord {
  parsed: ParsedFile;
  analysis: FileAnalysis;
  positions?: YamlPositions;
  /** Ranges already resolved, by anchor: kept in the warm-start cache so no file is re-parsed for positions. */
  ranges?: Map<string, Range>;
  /** `keySignatures(analysis)`, kept from the edit that made the record so the next edit need not redo it. */
  signatures?: Map<string, string>;
}

/**
 * The files of a workspace and the indexes over what they define: entities by key, id and
 * kind, references by target and by source, children by parent, and the ids a syntax error
 * keeps from being read. Knows nothing of rules; the evaluator reads these indexes.
 */
export class FileStore {
  readonly files = new Map<string, FileRecord>();
  /** Entities by kind and id. */
  readonly byKey = new ByKindAndId<Entity>(compareEntities);
  readonly byId = new Map<string, Entity[]>();
  readonly byKind = new Map<string, Set<Entity>>();
  /** References by target kind and value. */
  readonly referrersOf = new ByKindAndId<Reference>();
  /** Entity keys of entities a syntax error kept from being read, with how many files hold each. */
  readonly unreadable = new Map<string, number>();
  readonly refsByEntity = new Map<Entity, Reference[]>();
  readonly childrenOf = new Map<Entity, Entity[]>();

  constructor(private readonly analyzer: Analyzer) {}

  /**
   * Analyzes and indexes a parsed file (replacing nothing: `remove` the old record first);
   * `known`: its findings from an earlier analysis (see `Analyzer.analyze`).
   */
  add(parsed: ParsedFile, known?: Finding[]): FileRecord {
    const analysis = this.analyzer.analyze(parsed, known);
    const rec: FileRecord = { parsed, analysis };
    this.files.set(parsed.path, rec);
    this.indexAnalysis(analysis);
    return rec;
  }

  /** Adds a record analyzed earlier (the warm-start cache). */
  restore(rec: FileRecord): void {
    this.files.set(rec.parsed.path, rec);
    this.indexAnalysis(rec.analysis);
  }

  private indexAnalysis(analysis: FileAnalysis): void {
    for (const e of analysis.entities) {
      this.byKey.add(e.kind, e.id, e);
      push(this.byId, e.id, e);
      let set = this.byKind.get(e.kind);
      if (!set) this.byKind.set(e.kind, (set = new Set()));
      set.add(e);
      if (e.parent) push(this.childrenOf, e.parent, e);
    }
    for (const r of analysis.references) {
      this.referrersOf.add(r.targetKind, r.value, r);
      push(this.refsByEntity, r.from, r);
    }
    for (const u of analysis.unreadable ?? []) {
      const k = entityKey(u.kind, u.id);
      this.unreadable.set(k, (this.unreadable.get(k) ?? 0) + 1);
    }
  }

  /** Drops a file's record and everything it indexed; `forget` is called for each of its entities. */
  remove(path: string, rec: FileRecord, forget: (e: Entity) => void): void {
    this.files.delete(path);
    for (const e of rec.analysis.entities) {
      this.byKey.remove(e.kind, e.id, e);
      remove(this.byId, e.id, e);
      this.byKind.get(e.kind)?.delete(e);
      this.childrenOf.delete(e);
      this.refsByEntity.delete(e);
      forget(e);
    }
    for (const r of rec.analysis.references) this.referrersOf.remove(r.targetKind, r.value, r);
    for (const u of rec.analysis.unreadable ?? []) {
      const k = entityKey(u.kind, u.id);
      const n = (this.unreadable.get(k) ?? 0) - 1;
      if (n > 0) this.unreadable.set(k, n);
      else this.unreadable.delete(k);
    }
  }

  get entityCount(): number {
    let n = 0;
    for (const s of this.byKind.values()) n += s.size;
    return n;
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

  /**
   * The anchors whose ranges are still to be worked out, as one job per file whose positions
   * are not built yet (files that already have them answer fast).
   */
  rangeJobs(anchors: Iterable<Anchor>): RangeJob[] {
    const jobs = new Map<string, RangeJob & { keys: Set<string> }>();
    const want = (anchor: Anchor): void => {
      const rec = this.files.get(anchor.file);
      if (!rec || rec.positions || !rec.parsed.yamlText) return;
      const key = rangeKey(anchor);
      if (rec.ranges?.has(key)) return;
      let job = jobs.get(anchor.file);
      if (!job)
        jobs.set(anchor.file, (job = { path: anchor.file, text: rec.parsed.yamlText, lineOffset: rec.parsed.yamlLineOffset, anchors: [], keys: new Set() }));
      if (job.keys.has(key)) return;
      job.keys.add(key);
      job.anchors.push({ doc: anchor.doc, path: anchor.path, part: anchor.part });
    };
    for (const a of anchors) want(a);
    return [...jobs.values()].map(({ keys: _keys, ...job }) => job);
  }

  /** Keeps ranges worked out elsewhere (`rangesOf` of a job) as if `rangeOf` had resolved them. */
  addRanges(job: RangeJob, ranges: Range[]): void {
    const rec = this.files.get(job.path);
    if (!rec || rec.parsed.yamlText !== job.text) return;
    const known = (rec.ranges ??= new Map());
    job.anchors.forEach((a, i) => {
      const range = ranges[i];
      if (range) known.set(rangeKey({ file: job.path, ...a }), range);
    });
  }

  /** Source range of an anchor, resolved through the file's (lazily built) position map. */
  rangeOf(anchor: Anchor): Range {
    const rec = this.files.get(anchor.file);
    if (!rec) return { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
    const key = rangeKey(anchor);
    const known = rec.ranges?.get(key);
    if (known) return known;
    const p = rec.parsed;
    if (!rec.positions) rec.positions = new YamlPositions(p.yamlText, p.yamlLineOffset, p.problems.length === 0 && !p.damaged ? p.docs : undefined);
    const range = rec.positions.rangeOf(anchor.doc, anchor.path, anchor.part);
    (rec.ranges ??= new Map()).set(key, range);
    return range;
  }

  /**
   * Shares resolved source ranges with another store for the files both hold in the very same
   * parse (another version of the folder derived from this one): a range resolved by either is
   * not resolved again by the other.
   */
  shareRanges(other: FileStore): void {
    for (const [path, rec] of this.files) {
      const theirs = other.files.get(path);
      if (!theirs || theirs.parsed !== rec.parsed) continue;
      const ranges = (theirs.ranges ??= rec.ranges ?? new Map());
      if (rec.ranges && rec.ranges !== ranges) for (const [k, v] of rec.ranges) ranges.set(k, v);
      rec.ranges = ranges;
    }
  }

  /** How many source ranges have been resolved (and would be cached). */
  get resolvedRangeCount(): number {
    let n = 0;
    for (const rec of this.files.values()) n += rec.ranges?.size ?? 0;
    return n;
  }
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

/**
 * Lists by kind, then by id: a lookup builds no `kind\0id` string to hash (with 10,000 files,
 * building and hashing those keys cost about twice what two map levels cost).
 */
export class ByKindAndId<V> {
  private readonly kinds = new Map<string, Map<string, V[]>>();

  /**
   * `order`: keeps each list in this order (entities sharing an id in source order), so which
   * comes first does not depend on which file was read or edited last.
   */
  constructor(private readonly order?: (a: V, b: V) => number) {}

  get(kind: string, id: string): V[] | undefined {
    return this.kinds.get(kind)?.get(id);
  }

  add(kind: string, id: string, v: V): void {
    let ids = this.kinds.get(kind);
    if (!ids) this.kinds.set(kind, (ids = new Map()));
    const list = ids.get(id);
    const order = this.order;
    if (!list) ids.set(id, [v]);
    else if (!order) list.push(v);
    else {
      // Almost always one entity per id: a duplicate is placed where it belongs.
      let i = list.length;
      while (i > 0 && order(list[i - 1]!, v) > 0) i--;
      list.splice(i, 0, v);
    }
  }

  remove(kind: string, id: string, v: V): void {
    const ids = this.kinds.get(kind);
    if (ids) remove(ids, id, v);
  }
}

/** The key of an anchor's range in `FileRecord.ranges` (kept in the warm-start cache: do not change lightly). */
function rangeKey(anchor: Anchor): string {
  return `${anchor.doc}\u0000${anchor.part}\u0000${anchor.path.join('\u0000')}`;
}
