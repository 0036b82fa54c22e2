import picomatch from 'picomatch/posix';
import type { ValidateFunction } from '../config/ajv';
import { compileSchemasNow, type CompiledSchemas } from '../schema/compiled';
import type { KindConfig, ResolvedConfig } from '../config/types';
import type { ParsedFile } from '../parse/file';
import type { Finding, JsonObject, JsonValue, NodePath } from '../types';
import { entityAnchor, type Entity, type Reference } from './entity';
import { matchPattern, parsePathPattern, formatPattern, type PathStep } from './pathPattern';
import { damagedPrefixes, unreadableIds } from './damaged';
import { collectSchemaReferences } from './schemaRefs';
import { schemaFindings } from './schemaFindings';
import { VocabularyCheck } from '../vocab/check';
import { compileIdPatterns, idPatternFinding, type CompiledIdPattern } from '../vocab/idPattern';

/** What one file contributes to the workspace. */
export interface FileAnalysis {
  kind?: string;
  entities: Entity[];
  references: Reference[];
  /** Findings that depend on this file alone: parse, kind, id, schema. */
  findings: Finding[];
  /**
   * Entities left out because their node holds a YAML syntax error (absent when none): their
   * ids exist in the file, so a reference to one is not "missing", only unreadable for now.
   */
  unreadable?: { kind: string; id: string }[];
}

interface CompiledKind {
  config: KindConfig;
  match?: (path: string) => boolean;
  validate?: ValidateFunction;
  validateFile?: ValidateFunction;
  nested: { kind: string; steps: PathStep[] }[];
  refs: { steps: PathStep[]; field: string; targetKind: string; targetField?: string; allow: string[] }[];
}

/**
 * Turns parsed files into entities, references and file-local findings, using the compiled
 * configuration (kind globs, schema validators, reference paths). One per configuration.
 */
export class Analyzer {
  private readonly kinds = new Map<string, CompiledKind>();
  /** Kinds with `files`, most recently declared first: later declarations win. */
  private readonly fileKinds: CompiledKind[] = [];
  readonly problems: string[] = [];
  /** Vocabulary checks and alias meanings (SPEC 3.3). */
  readonly vocab: VocabularyCheck;
  private readonly idPatterns: Map<string, CompiledIdPattern>;

  /** `compiled`: the configuration's schemas from `compileSchemas`; compiled here when absent. */
  constructor(
    readonly config: ResolvedConfig,
    compiled: CompiledSchemas = compileSchemasNow(config),
  ) {
    this.problems.push(...compiled.problems);
    this.vocab = new VocabularyCheck(config);
    this.idPatterns = compileIdPatterns(config);
    for (const kc of config.kinds.values()) {
      const ck: CompiledKind = {
        config: kc,
        nested: kc.nested.map((n) => ({ kind: n.kind, steps: parsePathPattern(n.path) })),
        refs: [],
        ...compiled.byKind.get(kc.name),
      };
      if (kc.files.length > 0) ck.match = picomatch(kc.files, { dot: true });
      this.kinds.set(kc.name, ck);
    }
    for (const ck of this.kinds.values()) {
      const schema = ck.config.schema?.json;
      if (!schema) continue;
      // Schema references are declared from the top entity; nested kinds own the part below them.
      for (const r of collectSchemaReferences(schema)) this.addRef(ck, r.steps, r.target, []);
    }
    for (const r of config.references) {
      const ck = this.kinds.get(r.kind);
      if (ck) this.addRef(ck, parsePathPattern(r.path), r.target, r.allow);
    }
    this.fileKinds = [...this.kinds.values()].filter((k) => k.match).reverse();
  }

  private addRef(ck: CompiledKind, steps: PathStep[], target: string, allow: string[]): void {
    const dot = target.indexOf('.');
    const targetKind = dot === -1 ? target : target.slice(0, dot);
    const entry: CompiledKind['refs'][number] = { steps, field: formatPattern(steps), targetKind, allow };
    if (dot !== -1) entry.targetField = target.slice(dot + 1);
    ck.refs.push(entry);
  }

  kindConfig(kind: string): KindConfig | undefined {
    return this.kinds.get(kind)?.config;
  }

  /** The kind a file belongs to by configuration globs (its own `kind:` field is read later). */
  kindForPath(path: string): string | undefined {
    for (const ck of this.fileKinds) if (ck.match?.(path)) return ck.config.name;
    return undefined;
  }

  /**
   * `known`: the file's findings as an analysis with this configuration found them before (the
   * warm-start cache): the checks that only add findings (schemas, vocabularies) are not run
   * again, and the analysis carries these.
   */
  analyze(file: ParsedFile, known?: Finding[]): FileAnalysis {
    this.checking = !known;
    try {
      const analysis = this.analyzeFile(file);
      if (known) analysis.findings = known;
      return analysis;
    } finally {
      this.checking = true;
    }
  }

  /** False while re-analyzing a file whose findings are known (`analyze`). */
  private checking = true;

  private analyzeFile(file: ParsedFile): FileAnalysis {
    const findings: Finding[] = [...file.problems];
    const result: FileAnalysis = { entities: [], references: [], findings };
    if (file.skipped) return result;
    const root = file.docs[0];
    if (file.format === 'markdown' && !file.body?.hasFrontMatter) return result;

    // A file's own `kind:` field wins over folder globs.
    let kindName: string | undefined;
    const own = isObject(root) ? root['kind'] : undefined;
    if (typeof own === 'string') {
      if (this.kinds.has(own)) kindName = own;
      else {
        findings.push({
          anchor: { file: file.path, doc: 0, path: ['kind'], part: 'value' },
          ruleId: 'kind/unknown',
          message: `kind "${own}" is not configured; known kinds: ${[...this.kinds.keys()].sort().join(', ')}`,
          suggestions: [...this.kinds.keys()],
        });
      }
    }
    kindName ??= this.kindForPath(file.path);
    if (!kindName) return result;
    result.kind = kindName;
    const ck = this.kinds.get(kindName) as CompiledKind;
    const layout = file.format === 'markdown' ? 'markdown' : (ck.config.layout ?? 'single');
    if (layout === 'none') return result;

    file.docs.forEach((doc, docIndex) => {
      if (doc === null || doc === undefined) return;
      const damaged = damagedPrefixes(file, docIndex);
      // After a syntax error the file's shape is a guess (a stray line may have become a key of
      // its own): whole-file checks would only repeat the yaml/syntax finding in other words.
      const fileFindings = damaged.size > 0 ? [] : findings;
      if (this.checking && ck.validateFile && damaged.size === 0)
        schemaFindings(ck.validateFile, doc, { file: file.path, doc: docIndex, base: [] }, findings, undefined, ck.config.fileSchema?.json);
      for (const { data, path, mapKey } of this.topEntities(doc, layout, ck, file.path, docIndex, fileFindings)) {
        // An entity whose node holds a syntax error is left out (its fields may be half-read and
        // would raise false findings); its siblings parsed completely and are kept.
        if (damaged.size > 0 && damaged.has(JSON.stringify(path))) {
          const nested = ck.nested.map((n) => ({ kind: n.kind, idField: this.kinds.get(n.kind)?.config.id ?? 'id', steps: n.steps }));
          (result.unreadable ??= []).push(...unreadableIds(data, path, mapKey, { kind: ck.config.name, idField: ck.config.id }, nested));
          continue;
        }
        this.addEntity(result, ck, data, file.path, docIndex, path, mapKey, undefined);
      }
    });
    // A missing id is one problem: id/missing says it; the schema's `required` would repeat it.
    const missingIds = new Set(findings.filter((f) => f.ruleId === 'id/missing').map((f) => anchorKey(f.anchor.doc, f.anchor.path)));
    if (missingIds.size > 0) {
      result.findings = findings.filter(
        (f) => !(f.ruleId === 'schema/required' && f.suggestions?.[0] === ck.config.id && missingIds.has(anchorKey(f.anchor.doc, f.anchor.path))),
      );
    }
    return result;
  }

  private topEntities(
    doc: JsonValue,
    layout: string,
    ck: CompiledKind,
    file: string,
    docIndex: number,
    findings: Finding[],
  ): { data: JsonValue; path: NodePath; mapKey?: string }[] {
    const out: { data: JsonValue; path: NodePath; mapKey?: string }[] = [];
    if (layout === 'list') {
      let list: JsonValue | undefined = doc;
      let base: NodePath = [];
      if (!Array.isArray(doc) && isObject(doc)) {
        const key = ck.config.listKey ?? Object.keys(doc).find((k) => Array.isArray(doc[k]));
        list = key !== undefined ? doc[key] : undefined;
        base = key !== undefined ? [key] : [];
      }
      if (!Array.isArray(list)) {
        findings.push({
          anchor: { file, doc: docIndex, path: [], part: 'entity' },
          ruleId: 'schema/type',
          message: `expected a list of ${ck.config.name} entries${ck.config.listKey ? ` under "${ck.config.listKey}:"` : ''}`,
        });
        return out;
      }
      list.forEach((item, i) => out.push({ data: item, path: [...base, i] }));
    } else if (layout === 'map') {
      if (!isObject(doc)) return out;
      for (const k of Object.keys(doc)) if (k !== 'kind') out.push({ data: doc[k] as JsonValue, path: [k], mapKey: k });
    } else {
      out.push({ data: doc, path: [] });
    }
    return out;
  }

  private addEntity(
    result: FileAnalysis,
    ck: CompiledKind,
    raw: JsonValue,
    file: string,
    doc: number,
    path: NodePath,
    mapKey: string | undefined,
    parent: Entity | undefined,
  ): void {
    const findings = result.findings;
    if (!isObject(raw)) {
      findings.push({ anchor: { file, doc, path, part: 'value' }, ruleId: 'schema/type', message: `a ${ck.config.name} entry must be a mapping of fields` });
      return;
    }
    // Rules, views and nested entities read the meanings of aliased words; the file keeps the word.
    const data = parent ? raw : this.vocab.canonical(ck.config.name, raw);
    const idField = ck.config.id;
    const rawId = mapKey ?? data[idField];
    const id = typeof rawId === 'string' ? rawId : typeof rawId === 'number' ? String(rawId) : '';
    const titleField = ck.config.title;
    const title = str(titleField ? data[titleField] : undefined) ?? str(data['title']) ?? str(data['name']) ?? id;
    const entity: Entity = { kind: ck.config.name, id, title, file, doc, path, data };
    if (data !== raw) entity.raw = raw;
    if (parent) entity.parent = parent;
    if (!id) {
      findings.push({
        anchor: entityAnchor(entity),
        ruleId: 'id/missing',
        message: `${describe(ck.config.name, parent)} has no "${idField}": add a unique ${idField}${parent ? ` (inside ${parent.kind} ${parent.id})` : ''}`,
        suggestions: [idField],
      });
    } else {
      result.entities.push(entity);
      const pattern = idPatternFinding(this.idPatterns.get(ck.config.name), idField, { kind: ck.config.name, id, file, doc, path }, mapKey !== undefined);
      if (pattern) findings.push(pattern);
    }
    if (this.checking) {
      if (!parent && ck.validate) schemaFindings(ck.validate, raw, { file, doc, base: path }, findings, id || undefined, ck.config.schema?.json);
      findings.push(...this.vocab.findings(raw, { kind: ck.config.name, id, file, doc, path }));
    }
    for (const r of ck.refs) {
      for (const m of matchPattern(data, r.steps, path)) {
        if (typeof m.value !== 'string' || m.value === '' || r.allow.includes(m.value)) continue;
        const ref: Reference = {
          from: entity,
          value: m.value,
          targetKind: r.targetKind,
          field: r.field,
          anchor: { file, doc, path: m.path, part: m.isKey ? 'key' : 'value' },
          allow: r.allow,
        };
        if (r.targetField) ref.targetField = r.targetField;
        result.references.push(ref);
      }
    }
    // Shorter patterns first, so `objectives[]` exist before `objectives[].kpis[]` look for their parent.
    const nested = [...ck.nested].sort((a, b) => a.steps.length - b.steps.length);
    const created: Entity[] = [];
    for (const n of nested) {
      const nk = this.kinds.get(n.kind);
      if (!nk) continue;
      for (const m of matchPattern(data, n.steps, path)) {
        let owner: Entity = entity;
        for (const c of created) if (isPrefix(c.path, m.path) && c.path.length > owner.path.length) owner = c;
        const before = result.entities.length;
        this.addEntity(result, nk, m.value, file, doc, m.path, undefined, owner);
        const made = result.entities[before];
        if (made && result.entities.length > before) created.push(made);
      }
    }
    if (parent) return;
    // References found inside nested entities belong to the innermost one.
    const nestedEntities = result.entities.filter((e) => e.parent && isWithin(e, entity));
    if (nestedEntities.length === 0) return;
    for (const ref of result.references) {
      if (ref.from !== entity) continue;
      let best: Entity | undefined;
      for (const ne of nestedEntities) if (isPrefix(ne.path, ref.anchor.path) && (!best || ne.path.length > best.path.length)) best = ne;
      // Each pattern step consumes one path segment: drop the steps that lead to the nested entity.
      if (best) {
        ref.field = formatPattern(parsePathPattern(ref.field).slice(best.path.length - path.length));
        ref.from = best;
      }
    }
  }
}

function anchorKey(doc: number, path: NodePath): string {
  return `${doc}:${path.join('\u0000')}`;
}

function describe(kind: string, parent: Entity | undefined): string {
  return parent ? `a ${kind} in ${parent.kind} ${parent.id || '(no id)'}` : `this ${kind}`;
}

function isWithin(e: Entity, root: Entity): boolean {
  let p = e.parent;
  while (p) {
    if (p === root) return true;
    p = p.parent;
  }
  return false;
}

function isPrefix(prefix: NodePath, path: NodePath): boolean {
  if (prefix.length > path.length) return false;
  return prefix.every((s, i) => s === path[i]);
}

function isObject(v: unknown): v is JsonObject {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : typeof v === 'number' ? String(v) : undefined;
}
