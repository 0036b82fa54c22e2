import { ITEM_KEYS, type JsonValue, type NodePath, type OpsbookWorkspace } from '../../core';

/** One step of a readable field path: a key (`.name`, `["odd key"]`) or a list item (`[SKU-1]`, `[3]`). */
export type FieldStep = { key: string } | { item: string };

/** Splits `objectives[OBJ-X].kpis[KPI-Y].actual` or `labels["a b"]` into steps. */
export function parseFieldPath(path: string): FieldStep[] {
  const steps: FieldStep[] = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      i++;
      continue;
    }
    if (ch === '[') {
      if (path[i + 1] === '"') {
        // A JSON string: an object key that would not read back as a plain path.
        let j = i + 2;
        while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
        try {
          steps.push({ key: JSON.parse(path.slice(i + 1, j + 1)) as string });
        } catch {
          return steps;
        }
        i = path.indexOf(']', j) + 1 || path.length;
        continue;
      }
      const end = path.indexOf(']', i);
      if (end === -1) return steps;
      steps.push({ item: path.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
    steps.push({ key: path.slice(i, j) });
    i = j;
  }
  return steps;
}

/** The node path (keys and indexes) of the deepest part of `steps` that exists in `data`. */
export function resolveSteps(data: JsonValue, steps: readonly FieldStep[]): NodePath {
  const out: (string | number)[] = [];
  let node: JsonValue | undefined = data;
  for (const step of steps) {
    if (node === null || typeof node !== 'object') break;
    if ('key' in step) {
      if (Array.isArray(node) || !Object.prototype.hasOwnProperty.call(node, step.key)) break;
      out.push(step.key);
      node = node[step.key];
      continue;
    }
    if (!Array.isArray(node)) {
      if (!Object.prototype.hasOwnProperty.call(node, step.item)) break;
      out.push(step.item);
      node = node[step.item];
      continue;
    }
    const list: JsonValue[] = node;
    let index = list.findIndex(
      (x) =>
        x !== null &&
        typeof x === 'object' &&
        !Array.isArray(x) &&
        ITEM_KEYS.some((k) => (typeof x[k] === 'string' || typeof x[k] === 'number') && String(x[k]) === step.item),
    );
    if (index === -1 && /^\d+$/.test(step.item) && Number(step.item) < list.length) index = Number(step.item);
    if (index === -1) break;
    out.push(index);
    node = list[index];
  }
  return out;
}

/**
 * The 1-based line of a changed field in the head workspace (the live one the editor shows),
 * or the nearest existing parent for removed fields; undefined when the entity is not there.
 */
export function fieldLine(ws: OpsbookWorkspace, field: { kind: string; id: string; file: string; path: string }): number | undefined {
  const e = ws.entitiesIn(field.file).find((x) => x.kind === field.kind && x.id === field.id);
  if (!e) return undefined;
  const path = resolveSteps(e.data, parseFieldPath(field.path));
  if (path.length === 0) return undefined;
  return ws.rangeOf({ file: e.file, doc: e.doc, path: [...e.path, ...path], part: 'key' }).start.line;
}
