import * as l10n from '@vscode/l10n';
import { type Entity, str, titled, type OpsbookWorkspace } from '../../core';
import type { IconSpec, NodeLocation, ViewNode } from './viewNode';

/** Shared building blocks of the register and document views. */

export function locationOf(ws: OpsbookWorkspace, e: Entity, folder: string): NodeLocation {
  return { folder, file: e.file, line: ws.entityRange(e).start.line };
}

/** A row for one entity; the caller adds description, icon and tooltip rows. */
export function entityRow(ws: OpsbookWorkspace, e: Entity, folder: string, icon: IconSpec, description: string, rows: [string, string][]): ViewNode {
  const location = locationOf(ws, e, folder);
  return {
    id: `${folder}#${e.kind}:${e.id}`,
    label: e.title || e.id,
    description,
    icon,
    tooltip: { title: titled(e.id, e.title), rows: [[l10n.t('Id'), e.id], ...rows, [l10n.t('File'), `${location.file}:${location.line}`]] },
    location,
    entity: { folder, kind: e.kind, id: e.id },
    children: [],
  };
}

/** A group row `Label (N)`; N counts the records below it, however deep. */
export function groupRow(id: string, label: string, icon: IconSpec, children: ViewNode[], expanded = false): ViewNode {
  const node: ViewNode = { id, label: `${label} (${countRecords(children)})`, icon, children };
  if (expanded) node.expanded = true;
  return node;
}

/** Entity rows below these nodes, however deep. */
export function countRecords(nodes: readonly ViewNode[]): number {
  return nodes.reduce((n, x) => n + (x.entity ? 1 : countRecords(x.children)), 0);
}

/** Entities grouped by a field's value, groups and members sorted by name; `missing` names the empty value. */
export function groupBy(entities: readonly Entity[], key: (e: Entity) => string | undefined, missing: string): [string, Entity[]][] {
  const groups = new Map<string, Entity[]>();
  for (const e of entities) {
    const k = key(e) ?? missing;
    const list = groups.get(k);
    if (list) list.push(e);
    else groups.set(k, [e]);
  }
  for (const list of groups.values()) list.sort(byTitle);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

export function byTitle(a: Entity, b: Entity): number {
  return (a.title || a.id).localeCompare(b.title || b.id) || a.id.localeCompare(b.id);
}

/** A top-level string field, or undefined. */
export function text(e: Entity, name: string): string | undefined {
  return str(e.data[name]);
}

/** A list field as `a, b, c`. */
export function list(e: Entity, name: string): string | undefined {
  const v = e.data[name];
  if (!Array.isArray(v)) return undefined;
  const items = v.map((x) => str(x)).filter((x): x is string => x !== undefined);
  return items.length > 0 ? items.join(', ') : undefined;
}

/** Appends `[label, value]` when the value exists. */
export function optional(rows: [string, string][], label: string, value: string | undefined): void {
  if (value !== undefined && value !== '') rows.push([label, value]);
}
