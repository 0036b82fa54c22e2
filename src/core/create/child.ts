import type { EditOp } from '../edit/ops';
import { num, str, type Entity } from '../model/entity';
import type { WorkspaceModel } from '../model/queries';
import type { JsonObject, NodePath } from '../types';
import { topOf } from '../diff/nested';

/** A record to add under a parent (an initiative under an objective), as one write-layer edit. */
export type ChildPlan = { type: 'append'; file: string; format: 'yaml' | 'markdown'; doc: number; op: EditOp } | { type: 'refused'; message: string };

/**
 * The list a record of `childKind` goes into under `parent`: from the top kind's nested specs
 * (`objectives[].kpis[]` under an objective at `objectives[2]` → `objectives[2].kpis`).
 */
export function childListPath(ws: WorkspaceModel, parent: Entity, childKind: string): NodePath | undefined {
  const top = topOf(parent);
  const specs = ws.kindConfig(top.kind)?.nested ?? [];
  const parentSpec = parent === top ? '' : specs.find((n) => n.kind === parent.kind)?.path;
  if (parentSpec === undefined) return undefined;
  const prefix = parentSpec === '' ? '' : `${parentSpec}.`;
  const child = specs.find((n) => n.kind === childKind && n.path.startsWith(prefix) && /^[\p{L}\p{N}_-]+\[\]$/u.test(n.path.slice(prefix.length)));
  if (!child) return undefined;
  return [...parent.path, child.path.slice(prefix.length, -2)];
}

/** The kinds that can be added under `parent` (a plan: objectives; an objective: KPIs and initiatives). */
export function childKinds(ws: WorkspaceModel, parent: Entity): string[] {
  const top = topOf(parent);
  return (ws.kindConfig(top.kind)?.nested ?? []).map((n) => n.kind).filter((k) => childListPath(ws, parent, k) !== undefined);
}

/**
 * A new nested record under `parent`, with its id and title and the fields its schema requires:
 * an initiative starts `planned` (the first value of its status vocabulary); a KPI that
 * contributes to another (`contributesTo`: a company KPI) takes its unit and direction, links
 * to it with `contributes_to` and targets what the other contributors leave of its target.
 */
export function planChildRecord(ws: WorkspaceModel, parent: Entity, childKind: string, id: string, title: string, contributesTo?: Entity): ChildPlan {
  const list = childListPath(ws, parent, childKind);
  if (!list) return { type: 'refused', message: `a ${childKind} cannot be added under ${parent.kind} ${parent.id}` };
  if (ws.idsInUse(childKind).includes(id)) return { type: 'refused', message: `${childKind} ${id} already exists` };
  const titleField = ws.kindConfig(childKind)?.title ?? 'title';
  const value: JsonObject = { id, [titleField]: title };
  if (childKind === 'initiative') value['status'] = ws.config.vocabularies.get('initiative.status')?.values?.[0] ?? 'planned';
  if (childKind === 'kpi') {
    const target = contributesTo ? num(contributesTo.data['target']) : undefined;
    const taken = contributesTo
      ? ws
          .referencesTo('kpi', contributesTo.id)
          .filter((r) => r.field === 'contributes_to' && r.from.kind === 'kpi')
          .reduce((s, r) => s + (num(r.from.data['target']) ?? 0), 0)
      : 0;
    value['unit'] = (contributesTo && str(contributesTo.data['unit'])) || 'count';
    value['target'] = target !== undefined ? Math.max(0, target - taken) : 0;
    if (contributesTo) {
      value['direction'] = contributesTo.data['direction'] === 'down' ? 'down' : 'up';
      value['contributes_to'] = contributesTo.id;
    }
  }
  const format = /\.(md|markdown)$/i.test(parent.file) ? 'markdown' : 'yaml';
  return { type: 'append', file: parent.file, format, doc: parent.doc, op: { op: 'append', path: list, value } };
}
