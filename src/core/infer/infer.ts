import { openWorkspace, type EngineInit } from '../engine';
import type { WorkspaceFileSystem } from '../host';
import { compareSourceOrder, entityAnchor, type Entity } from '../model/entity';
import { matchPattern, parsePathPattern } from '../model/pathPattern';
import { schemaAt } from '../model/schemaRefs';
import type { WorkspaceModel as Workspace } from '../model/queries';
import type { Anchor, JsonValue } from '../types';
import { fieldVocabularies } from '../vocab/bindings';
import { fieldFragment, referencedKind, type IdIndex } from './fields';
import { inferKinds, type InferredKind } from './kinds';
import { renderConfig } from './render';
import { inferAdditiveUnits } from './units';
import { typoOf } from './similar';
import { inferVocabulary, type InferredVocabulary, type Suspect, type VocabularyUse } from './vocab';

import type { Inference, InferredField, InferredReference } from './types';

export type { Inference, InferredField, InferredReference } from './types';

export interface InferInput extends Omit<EngineInit, 'configPath' | 'cache'> {
  /** Where the configuration will be written (ignored while reading the folder); default `opsbook.yaml`. */
  configPath?: string;
}

/**
 * Reads a folder that was never configured and infers the configuration that makes it check with
 * only its real problems: custom kinds for record files the pack does not place, custom fields,
 * references of custom kinds, company vocabularies and additions to default ones. Nothing that
 * rules depend on (statuses, KPI direction) is widened, and likely typos are never declared.
 */
export async function inferConfiguration(input: InferInput): Promise<Inference> {
  const configPath = input.configPath ?? 'opsbook.yaml';
  const first = await openWorkspace({ ...input, fs: withConfig(input.fs, configPath, undefined), configPath });
  const inference: Inference = { kinds: [], fields: [], references: [], vocabularies: [], suspects: [], files: 0, records: 0, problems: first.configProblems };
  if (first.configProblems.length > 0) return inference;
  const ws1 = first.workspace;
  const paths = ws1.filePaths().sort();
  const { kinds, notes } = inferKinds(
    ws1.config,
    paths.map((p) => ({ parsed: ws1.parsedFile(p)!, kind: ws1.fileKind(p) })),
  );
  inference.kinds = kinds;
  for (const n of notes)
    inference.suspects.push({ anchor: { file: n.file, doc: 0, path: [], part: 'entity' }, kind: 'note', message: n.message, line: n.line });

  // Second reading, with the inferred kinds: every record now has its kind, fields and ids.
  const second = await openWorkspace({ ...input, fs: withConfig(input.fs, configPath, renderConfig({ ...inference, kinds })), configPath });
  if (second.configProblems.length > 0) {
    inference.problems = second.configProblems;
    return inference;
  }
  const ws = second.workspace;
  inference.files = ws.fileCount;
  inference.records = ws.entityCount;
  const ids = idIndex(ws);
  const suspects: Suspect[] = [];
  inference.fields = customFields(ws, ids, suspects);
  inference.references = customReferences(ws, kinds, ids);
  inference.vocabularies = vocabularies(ws, suspects);
  for (const s of suspects) inference.suspects.push({ ...s, line: ws.rangeOf(s.anchor).start.line });
  inference.suspects.sort((a, b) => (a.anchor.file < b.anchor.file ? -1 : a.anchor.file > b.anchor.file ? 1 : a.line - b.line));
  return inference;
}

/** The folder as seen with `text` as its configuration (or none). */
function withConfig(fs: WorkspaceFileSystem, configPath: string, text: string | undefined): WorkspaceFileSystem {
  return {
    listFiles: async (exclude) => (await fs.listFiles(exclude)).filter((p) => p !== configPath),
    readFile: (p) => (p === configPath ? Promise.resolve(text) : fs.readFile(p)),
  };
}

function idIndex(ws: Workspace): IdIndex {
  const out = new Map<string, Set<string>>();
  for (const e of ws.entities()) {
    let set = out.get(e.kind);
    if (!set) out.set(e.kind, (set = new Set()));
    set.add(e.id);
  }
  return out;
}

function describe(e: Entity): string {
  return `${e.kind} ${e.id}`;
}

type Json = Record<string, unknown>;

/** The schema that validates a kind's entities: its own, or for a nested kind (kpi, milestone) the part of its parent's. */
function entitySchema(config: Workspace['config'], kind: string): { root: Json; base: (string | number)[] } | undefined {
  const kc = config.kinds.get(kind);
  if (kc?.schema) return { root: kc.schema.json, base: [] };
  for (const parent of config.kinds.values()) {
    const spec = parent.nested.find((n) => n.kind === kind);
    if (!parent.schema || !spec) continue;
    const base: (string | number)[] = [];
    for (const step of parsePathPattern(spec.path)) {
      if ('key' in step) base.push(step.key);
      else if ('items' in step) base.push(0);
      else return undefined;
    }
    return { root: parent.schema.json, base };
  }
  return undefined;
}

/** The fields a schema node declares, or undefined when it accepts any field. */
function declaredFields(node: Json | undefined): string[] | undefined {
  if (!node || node['additionalProperties'] !== false) return undefined;
  const names = new Set(Object.keys((node['properties'] as Json | undefined) ?? {}));
  for (const sub of (node['allOf'] as Json[] | undefined) ?? []) {
    for (const k of Object.keys((sub?.['properties'] as Json | undefined) ?? {})) names.add(k);
  }
  return [...names];
}

function isPlainObject(v: unknown): v is Record<string, JsonValue> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Fields of built-in kinds (and of nested kinds: KPIs, initiatives, milestones) that their schema
 * does not declare: custom fields, or typos. Unknown keys deeper inside a record (`contact.wechat`,
 * `items[].batch`) cannot be declared as custom fields: they are listed, and stay findings.
 */
function customFields(ws: Workspace, ids: IdIndex, suspects: Suspect[]): InferredField[] {
  const out: InferredField[] = [];
  const deep = new Map<string, { first: Anchor; entity: Entity; uses: number }>();
  const entityPaths = new Map<string, Set<string>>();
  const isEntityPath = (file: string, doc: number, path: readonly (string | number)[]): boolean => {
    let set = entityPaths.get(file);
    if (!set) entityPaths.set(file, (set = new Set(ws.entitiesIn(file).map((e) => `${e.doc}\0${e.path.join('\0')}`))));
    return set.has(`${doc}\0${path.join('\0')}`);
  };
  for (const kc of ws.config.kinds.values()) {
    const at = entitySchema(ws.config, kc.name);
    if (!at) continue;
    const declared = declaredFields(schemaAt(at.root, at.base));
    if (!declared) continue;
    const known = [...declared, ...Object.keys(kc.fields)];
    const unknown = new Map<string, { values: JsonValue[]; first: Anchor; entity: Entity; files: Set<string> }>();
    const records = ws.entities(kc.name);
    for (const e of records) {
      for (const [key, value] of Object.entries(e.data)) {
        if (known.includes(key)) continue;
        let u = unknown.get(key);
        if (!u) unknown.set(key, (u = { values: [], first: entityAnchor(e, [key], 'key'), entity: e, files: new Set() }));
        u.values.push(value);
        u.files.add(e.file);
      }
      // Below the top level: walk the declared fields, skipping nested entities (checked as their own kind).
      const walk = (value: JsonValue, schemaPath: (string | number)[], sub: (string | number)[], pattern: string): void => {
        if (Array.isArray(value)) {
          value.forEach((item, i) => {
            if (!isEntityPath(e.file, e.doc, [...e.path, ...sub, i])) walk(item, [...schemaPath, 0], [...sub, i], `${pattern}[]`);
          });
          return;
        }
        if (!isPlainObject(value)) return;
        const fields = declaredFields(schemaAt(at.root, schemaPath));
        for (const [key, child] of Object.entries(value)) {
          if (fields && !fields.includes(key)) {
            const name = `${pattern}.${key}`;
            const d = deep.get(`${kc.name}\0${name}`);
            if (d) d.uses++;
            else deep.set(`${kc.name}\0${name}`, { first: entityAnchor(e, [...sub, key], 'key'), entity: e, uses: 1 });
            continue;
          }
          if (!isEntityPath(e.file, e.doc, [...e.path, ...sub, key])) walk(child, [...schemaPath, key], [...sub, key], pattern ? `${pattern}.${key}` : key);
        }
      };
      for (const [key, value] of Object.entries(e.data)) {
        if (known.includes(key) && !isEntityPath(e.file, e.doc, [...e.path, key])) walk(value, [...at.base, key], [key], key);
      }
    }
    const byUse = [...unknown].sort((a, b) => b[1].values.length - a[1].values.length).map(([k]) => k);
    for (const [key, u] of [...unknown].sort((a, b) => compareAnchors(a[1].first, b[1].first))) {
      const n = u.values.length;
      const typo = n <= 2 ? typoOf(key, [...known, ...byUse.filter((k) => k !== key && (unknown.get(k)?.values.length ?? 0) > n)]) : undefined;
      if (typo) {
        suspects.push({
          anchor: u.first,
          kind: 'typo',
          message: `field "${key}" of ${describe(u.entity)}${n > 1 ? ` (${n} uses)` : ''} looks like a typo of "${typo}": not declared as a custom field, left as a finding`,
        });
        continue;
      }
      const { fragment, what } = fieldFragment(u.values, ids);
      out.push({ kind: kc.name, field: key, fragment, what, uses: n, of: records.length, files: [...u.files].sort() });
    }
  }
  for (const [key, d] of deep) {
    const name = key.slice(key.indexOf('\0') + 1);
    suspects.push({
      anchor: d.first,
      kind: 'note',
      message: `field "${name}" of ${describe(d.entity)}${d.uses > 1 ? ` (${d.uses} uses)` : ''} is not in the ${d.entity.kind} schema, and custom fields are declared at the top level of a record only: left as a finding`,
    });
  }
  return out;
}

/** Fields of custom kinds whose values are ids of one kind. */
function customReferences(ws: Workspace, kinds: InferredKind[], ids: IdIndex): InferredReference[] {
  const out: InferredReference[] = [];
  for (const k of kinds) {
    if (k.extendsPack) continue;
    const kc = ws.config.kinds.get(k.name);
    if (!kc) continue;
    const values = new Map<string, { strings: string[]; files: Set<string>; list: boolean; other: boolean }>();
    for (const e of ws.entities(k.name)) {
      for (const [key, value] of Object.entries(e.data)) {
        if (key === kc.id || key === kc.title || key === 'kind') continue;
        let v = values.get(key);
        if (!v) values.set(key, (v = { strings: [], files: new Set(), list: Array.isArray(value), other: false }));
        if (typeof value === 'string' && !v.list) v.strings.push(value);
        else if (Array.isArray(value) && v.list && value.every((x) => typeof x === 'string')) v.strings.push(...(value as string[]));
        else if (value !== null) v.other = true;
        v.files.add(e.file);
      }
    }
    for (const [key, v] of values) {
      if (v.other || v.strings.length === 0) continue;
      const target = referencedKind(v.strings, ids);
      if (target) out.push({ kind: k.name, path: v.list ? `${key}[]` : key, target, uses: v.strings.length, files: [...v.files].sort() });
    }
  }
  return out;
}

/** Company vocabularies from the values in use, additions to default ones, rule-bearing ones checked. */
function vocabularies(ws: Workspace, suspects: Suspect[]): InferredVocabulary[] {
  const uses = new Map<string, { vocabulary: Parameters<typeof inferVocabulary>[0]; uses: VocabularyUse[]; seen: Set<string> }>();
  for (const b of fieldVocabularies(ws.config)) {
    let u = uses.get(b.vocabulary.name);
    if (!u) uses.set(b.vocabulary.name, (u = { vocabulary: b.vocabulary, uses: [], seen: new Set() }));
    for (const e of ws.entities(b.kind)) {
      for (const m of matchPattern(e.data, b.steps, e.path)) {
        if (typeof m.value !== 'string' && typeof m.value !== 'number') continue;
        const anchor: Anchor = { file: e.file, doc: e.doc, path: m.path, part: m.isKey ? 'key' : 'value' };
        const key = `${anchor.file}\0${anchor.doc}\0${anchor.path.join('\0')}`;
        if (u.seen.has(key)) continue;
        u.seen.add(key);
        u.uses.push({ value: String(m.value), anchor, entity: describe(e), field: b.path });
      }
    }
  }
  const out: InferredVocabulary[] = [];
  for (const { vocabulary, uses: list } of uses.values()) {
    list.sort((a, b) => compareAnchors(a.anchor, b.anchor));
    const r = inferVocabulary(vocabulary, list);
    suspects.push(...r.suspects);
    if (r.inferred) out.push(r.inferred);
  }
  const units = inferAdditiveUnits(ws, suspects);
  if (units) out.push(units);
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const compareAnchors = (a: Anchor, b: Anchor): number => compareSourceOrder(a, b);
