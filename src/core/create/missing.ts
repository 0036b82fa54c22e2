import { parse } from 'yaml';
import type { EditOp } from '../edit/ops';
import type { WorkspaceModel } from '../model/queries';
import { defaultPathFor, fillTemplate, templateVars } from '../templates';
import type { JsonObject, JsonValue } from '../types';

/**
 * How to create a record that a reference names but nobody wrote (the *Create missing record*
 * quick fix): appended to the kind's list (or map) file from the template's first entry, or a new
 * file from the whole template for kinds kept one per file. Never overwrites: the host creates
 * new files with `overwrite: false`.
 */
export type CreatePlan =
  | { type: 'append'; file: string; format: 'yaml' | 'markdown'; doc: number; op: EditOp }
  | { type: 'create'; file: string; text: string }
  | { type: 'refused'; message: string };

export function planMissingRecord(ws: WorkspaceModel, kind: string, id: string, templateText: string | undefined, title = id): CreatePlan {
  const kc = ws.kindConfig(kind);
  if (!kc) return { type: 'refused', message: `there is no kind "${kind}"` };
  if (ws.idsInUse(kind).includes(id)) return { type: 'refused', message: `${kind} ${id} already exists` };
  const filled = templateText !== undefined ? fillTemplate(templateText, templateVars(ws, id, title)) : undefined;
  if (kc.layout === 'list' || kc.layout === 'map') {
    // The id, the title and the fields the schema requires, as the template fills them in; the
    // form that opens next asks for the rest.
    const record = filled !== undefined ? entryOf(filled, kc.layout, kc.listKey, id) : undefined;
    const required = new Set([kc.id, ...(kc.title ? [kc.title] : []), ...requiredOf(kc.schema?.json)]);
    const value: JsonObject = { [kc.id]: id, ...(kc.title ? { [kc.title]: title } : {}) };
    for (const [k, v] of Object.entries(record ?? {})) if (required.has(k) && v !== null && v !== undefined) value[k] = v as JsonValue;
    // The register people already keep for ids like this one (PTN-SUP-… beside the other PTN-SUP-…),
    // else the file holding most of the kind's records.
    const files = new Map<string, { count: number; near: number }>();
    for (const e of ws.entities(kind)) {
      if (e.parent) continue;
      const f = files.get(e.file) ?? { count: 0, near: 0 };
      f.count++;
      f.near = Math.max(f.near, sharedStem(id, e.id));
      files.set(e.file, f);
    }
    const best = [...files].sort((a, b) => b[1].near - a[1].near || b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    if (best) {
      const last = ws
        .entitiesIn(best)
        .filter((e) => e.kind === kind && !e.parent)
        .pop()!;
      if (kc.layout === 'map') {
        const rest: JsonObject = {};
        for (const [k, v] of Object.entries(value)) if (k !== kc.id) rest[k] = v as JsonValue;
        return { type: 'append', file: best, format: 'yaml', doc: last.doc, op: { op: 'set', path: [id], value: rest } };
      }
      return { type: 'append', file: best, format: 'yaml', doc: last.doc, op: { op: 'append', path: last.path.slice(0, -1), value } };
    }
    // No record of the kind yet: its file, from the whole template.
    const glob = kc.files[0];
    if (filled !== undefined && glob && !/[*?[\]{}]/.test(glob)) return { type: 'create', file: glob, text: filled };
  }
  if (filled === undefined) return { type: 'refused', message: `kind "${kind}" has no template to create a record from` };
  const file = defaultPathFor(ws.config, kind, id, templatePathHint(kc.layout));
  if (!file) return { type: 'refused', message: `no file name can be derived for ${kind} ${id} from ${kc.files.join(', ')}` };
  if (ws.parsedFile(file)) return { type: 'refused', message: `${file} already exists` };
  return { type: 'create', file, text: filled };
}

/** How many characters two ids share up to the last separator they share (`PTN-SUP-A`, `PTN-SUP-B` → 8; `E-1`, `E-2` → 2; `A1`, `A2` → 0). */
export function sharedStem(a: string, b: string): number {
  let stem = 0;
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i++) if (/[-_./:]/.test(a[i]!)) stem = i + 1;
  return stem;
}

function requiredOf(schema: unknown): string[] {
  const r = schema && typeof schema === 'object' ? (schema as { required?: unknown }).required : undefined;
  return Array.isArray(r) ? r.filter((x): x is string => typeof x === 'string') : [];
}

function templatePathHint(layout: string | undefined): string {
  return layout === 'markdown' ? 'template.md' : 'template.yaml';
}

/** The template's first entry (list layout: under its list key; map layout: its only key), with the id set. */
function entryOf(text: string, layout: 'list' | 'map', listKey: string | undefined, id: string): JsonObject | undefined {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return undefined;
  }
  let entry: unknown;
  if (layout === 'list') {
    const list = Array.isArray(doc) ? doc : doc && typeof doc === 'object' ? (doc as Record<string, unknown>)[listKey ?? ''] : undefined;
    entry = Array.isArray(list) ? list[0] : undefined;
  } else if (doc && typeof doc === 'object' && !Array.isArray(doc)) {
    const values = Object.values(doc as Record<string, unknown>);
    entry = values.length === 1 ? values[0] : undefined;
    if (entry && typeof entry === 'object') return { ...(entry as JsonObject), id } as JsonObject;
  }
  return entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as JsonObject) : undefined;
}
