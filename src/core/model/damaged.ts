import type { ParsedFile } from '../parse/file';
import type { JsonValue, NodePath } from '../types';
import { matchPattern, type PathStep } from './pathPattern';

// Entities of a file with YAML syntax errors: which ones hold an error (left out of the model),
// and the ids they carry (still known to exist, so references to them are not "missing").

const NONE: ReadonlySet<string> = new Set();

/** Every path that holds a syntax error of document `doc`, as JSON: the damaged nodes and their ancestors. */
export function damagedPrefixes(file: ParsedFile, doc: number): ReadonlySet<string> {
  if (!file.damaged) return NONE;
  const out = new Set<string>();
  for (const d of file.damaged) {
    if (d.doc !== doc) continue;
    for (let n = 0; n <= d.path.length; n++) out.add(JSON.stringify(d.path.slice(0, n)));
  }
  return out;
}

/** The ids of an entity left out (`data` at `path`) and of the nested entities found in it. */
export function unreadableIds(
  data: JsonValue,
  path: NodePath,
  mapKey: string | undefined,
  top: { kind: string; idField: string },
  nested: readonly { kind: string; idField: string; steps: PathStep[] }[],
): { kind: string; id: string }[] {
  const out: { kind: string; id: string }[] = [];
  const topId = idOf(mapKey ?? field(data, top.idField));
  if (topId) out.push({ kind: top.kind, id: topId });
  for (const n of nested) {
    for (const m of matchPattern(data, n.steps, path)) {
      const id = idOf(field(m.value, n.idField));
      if (id) out.push({ kind: n.kind, id });
    }
  }
  return out;
}

function field(value: JsonValue | undefined, name: string): JsonValue | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value[name] : undefined;
}

function idOf(raw: JsonValue | undefined): string | undefined {
  return typeof raw === 'string' && raw !== '' ? raw : typeof raw === 'number' ? String(raw) : undefined;
}
