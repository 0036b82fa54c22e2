import type { ResolvedConfig } from '../config/types';
import type { FileAnalysis } from '../model/analyzer';
import { entityKey, type Entity } from '../model/entity';
import type { FileStore } from '../model/store';
import type { Finding } from '../types';
import type { Rule, RuleContext } from './rule';
import { additiveUnitList, unitClassifier, type UnitClassifier } from '../vocab/units';

/** What an entity's rules found, and the dependency keys they read while finding it. */
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

/**
 * Runs the rules over entities and keeps each entity's result with the keys it read, so that
 * after a file changes only the entities that read something it changed are checked again.
 */
export class Evaluator {
  private readonly results = new Map<Entity, RuleResult>();
  /**
   * Entities by the keys their results read. A one-shot `evaluateAll` leaves it unbuilt (a CLI
   * check never asks, and keeping it up cost ~100 ms of 10,000 files' cold check); it is then
   * built from the results when first asked for.
   */
  private dependents: Map<string, Set<Entity>> | undefined = new Map();
  private readonly rulesByKind = new Map<string, Rule[]>();

  constructor(
    private readonly config: ResolvedConfig,
    private readonly rules: readonly Rule[],
    private readonly store: FileStore,
    today: string,
    fiscalYearStart: number,
  ) {
    (this.ctx as { today: string }).today = today;
    (this.ctx as { fiscalYearStart: number }).fiscalYearStart = fiscalYearStart;
    (this.ctx as { isAdditive: UnitClassifier }).isAdditive = unitClassifier(additiveUnitList(config));
  }

  /** The findings and dependencies of an entity's last check (none when it found nothing and read nothing). */
  resultOf(e: Entity): RuleResult | undefined {
    return this.results.get(e);
  }

  /** Entities whose results read any of `keys`. */
  dependentsOf(keys: Iterable<string>, into: Set<Entity>): Set<Entity> {
    if (!this.dependents) {
      this.dependents = new Map();
      for (const [e, r] of this.results) this.trackDependencies(e, r.deps);
    }
    for (const k of keys) for (const e of this.dependents.get(k) ?? []) into.add(e);
    return into;
  }

  /** Checks every one of `entities` from scratch; `oneShot`: the index of dependents is left to be built when needed. */
  evaluateAll(entities: Iterable<Entity>, oneShot: boolean): void {
    if (oneShot) this.dependents = undefined;
    else this.dependents ??= new Map();
    for (const e of entities) this.evaluate(e);
  }

  /** Drops an entity's result (its file is being removed or replaced). */
  forget(e: Entity): void {
    const res = this.results.get(e);
    if (res) for (const d of res.deps) this.dependents?.get(d)?.delete(e);
    this.results.delete(e);
  }

  /** Takes a result computed earlier for the same configuration and date (the warm-start cache). */
  restore(e: Entity, r: RuleResult): void {
    this.results.set(e, r);
    if (this.dependents) this.trackDependencies(e, r.deps);
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

  evaluate(e: Entity): void {
    const prev = this.results.get(e);
    if (prev) for (const d of prev.deps) this.dependents?.get(d)?.delete(e);
    const deps = new Set<string>();
    const findings: Finding[] = [];
    this.currentDeps = deps;
    this.currentFindings = findings;
    for (const rule of this.rulesFor(e.kind)) {
      try {
        rule.check(e, this.ctx);
      } catch (err) {
        findings.push({
          anchor: { file: e.file, doc: e.doc, path: e.path, part: 'entity' },
          ruleId: rule.id,
          severity: 'error',
          message: `internal error in rule ${rule.id}: ${err instanceof Error ? err.message : String(err)}`,
        });
      }
    }
    const depList = [...deps];
    if (this.dependents) this.trackDependencies(e, depList);
    if (findings.length === 0 && depList.length === 0) this.results.delete(e);
    else this.results.set(e, { findings, deps: depList });
  }

  /** Records that `e`'s rule results read `deps`: a change to any of them re-checks `e`. */
  private trackDependencies(e: Entity, deps: readonly string[]): void {
    const index = this.dependents as Map<string, Set<Entity>>;
    for (const d of deps) {
      let set = index.get(d);
      if (!set) index.set(d, (set = new Set()));
      set.add(e);
    }
  }

  // One context for every evaluation (rules run synchronously): `currentDeps` and
  // `currentFindings` point at the entity being checked. Saves ~30,000 closures per cold check.
  private currentDeps = new Set<string>();
  private currentFindings: Finding[] = [];
  private readonly ctx: RuleContext = {
    today: '',
    fiscalYearStart: 1,
    isAdditive: () => false,
    options: (id) => this.config.rules.get(id)?.options ?? {},
    lookup: (kind, id) => {
      this.currentDeps.add(LOOKUP + entityKey(kind, id));
      return this.store.byKey.get(kind, id) ?? [];
    },
    lookupAnyKind: (id) => {
      this.currentDeps.add(ANY_KIND + id);
      return this.store.byId.get(id) ?? [];
    },
    lookupByField: (kind, field, value) => {
      this.currentDeps.add(ALL_OF_KIND + kind);
      return [...(this.store.byKind.get(kind) ?? [])].filter((x) => String(x.data[field] ?? '') === value);
    },
    all: (kind) => {
      this.currentDeps.add(ALL_OF_KIND + kind);
      return [...(this.store.byKind.get(kind) ?? [])];
    },
    ids: (kind) => {
      this.currentDeps.add(ALL_OF_KIND + kind);
      return [...(this.store.byKind.get(kind) ?? [])].map((x) => x.id);
    },
    referrers: (kind, id) => {
      this.currentDeps.add(REFERRERS + entityKey(kind, id));
      return this.store.referrersOf.get(kind, id) ?? [];
    },
    unreadable: (kind, id) => {
      this.currentDeps.add(LOOKUP + entityKey(kind, id));
      return this.store.unreadable.has(entityKey(kind, id));
    },
    referencesOf: (x) => this.store.refsByEntity.get(x) ?? [],
    children: (x) => this.store.childrenOf.get(x) ?? [],
    report: (f) => this.currentFindings.push(f),
  };
}

/** The dependency keys a file's analysis provides, each with a signature of what it provides. */
export function keySignatures(a: FileAnalysis): Map<string, string> {
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
