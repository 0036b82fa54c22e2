import type { Entity } from '../../core/model/entity';
import type { Workspace } from '../../core/model/workspace';
import { reviewOverdue } from '../../core/dashboard/health';
import { plural } from './format';
import { countRecords, entityRow, groupRow, list, optional, text } from './rows';
import { perFolder, type FolderInput, type IconSpec, type ViewNode } from './viewNode';

/** Kinds the Documents view lists: service standards and brand manual chapters. */
export const DOCUMENT_KINDS: readonly string[] = ['standard', 'brand'];

const STATUS_GROUPS: readonly { status: string; label: string; icon: IconSpec }[] = [
  { status: 'approved', label: 'Approved', icon: { id: 'pass', color: 'testing.iconPassed' } },
  { status: 'in-review', label: 'In review', icon: { id: 'eye' } },
  { status: 'draft', label: 'Draft', icon: { id: 'edit' } },
  { status: 'retired', label: 'Retired', icon: { id: 'archive', color: 'disabledForeground' } },
];

/** `Customer service standard` · `STD-SVC-001 · v3.2.0 · effective 2026-01-01`. */
export function documentRow(ws: Workspace, e: Entity, folder: string): ViewNode {
  const overdue = reviewOverdue(e, ws.todayDate);
  const version = text(e, 'version');
  const effective = text(e, 'effective');
  const due = text(e, 'review_due');
  const parts = [e.id];
  if (version) parts.push(`v${version}`);
  if (effective) parts.push(`effective ${effective}`);
  if (overdue) parts.push(`review overdue since ${due}`);
  const rows: [string, string][] = [['Kind', e.kind === 'brand' ? 'brand manual chapter' : e.kind]];
  optional(rows, 'Status', text(e, 'status'));
  optional(rows, 'Version', version);
  optional(rows, 'Effective', effective);
  optional(rows, 'Review due', due && due + (overdue ? ' (overdue)' : ''));
  optional(rows, 'Owner', text(e, 'owner'));
  optional(rows, 'Approved by', list(e, 'approved_by'));
  const icon: IconSpec = overdue ? { id: 'warning', color: 'list.warningForeground' } : { id: e.kind === 'brand' ? 'book' : 'law' };
  return entityRow(ws, e, folder, icon, parts.join(' · '), rows);
}

function documents(f: FolderInput): ViewNode[] {
  const ws = f.workspace;
  const docs = DOCUMENT_KINDS.flatMap((k) => ws.entities(k)).sort((a, b) => a.id.localeCompare(b.id));
  const known = new Set(STATUS_GROUPS.map((g) => g.status));
  const groups = [...STATUS_GROUPS];
  // A status outside the vocabulary (a schema/enum error) still gets a group, so no document hides.
  for (const d of docs) {
    const s = text(d, 'status') ?? '(no status)';
    if (!known.has(s)) {
      known.add(s);
      groups.push({ status: s, label: s, icon: { id: 'question' } });
    }
  }
  return groups
    .map((g) => ({ g, members: docs.filter((d) => (text(d, 'status') ?? '(no status)') === g.status) }))
    .filter(({ members }) => members.length > 0)
    .map(({ g, members }) => groupRow(`${f.key}#docs:${g.status}`, g.label, g.icon, members.map((d) => documentRow(ws, d, f.key)), g.status !== 'retired'));
}

/** The Documents view: standards and brand chapters grouped by status. */
export function buildDocumentsView(folders: readonly FolderInput[]): ViewNode[] {
  return perFolder(folders, documents, (nodes) => plural(countRecords(nodes), 'document'));
}
