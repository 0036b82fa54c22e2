import { countOf, type Entity, reviewOverdue, type OpsbookWorkspace } from '../../core';
import * as l10n from '@vscode/l10n';
import { countRecords, entityRow, groupRow, list, optional, text } from './rows';
import { perFolder, type FolderInput, type IconSpec, type ViewNode } from './viewNode';

/** Kinds the Documents view lists: service standards and brand manual chapters. */
export const DOCUMENT_KINDS: readonly string[] = ['standard', 'brand'];

/** Built per call: the labels are in the display language. */
const statusGroups = (): { status: string; label: string; icon: IconSpec }[] => [
  { status: 'approved', label: l10n.t('Approved'), icon: { id: 'pass', color: 'testing.iconPassed' } },
  { status: 'in-review', label: l10n.t('In review'), icon: { id: 'eye' } },
  { status: 'draft', label: l10n.t('Draft'), icon: { id: 'edit' } },
  { status: 'retired', label: l10n.t('Retired'), icon: { id: 'archive', color: 'disabledForeground' } },
];

/** `Customer service standard` · `STD-SVC-001 · v3.2.0 · effective 2026-01-01`. */
export function documentRow(ws: OpsbookWorkspace, e: Entity, folder: string): ViewNode {
  const overdue = reviewOverdue(e, ws.todayDate);
  const version = text(e, 'version');
  const effective = text(e, 'effective');
  const due = text(e, 'review_due');
  const parts = [e.id];
  if (version) parts.push(`v${version}`);
  if (effective) parts.push(l10n.t('effective {0}', effective));
  if (overdue) parts.push(l10n.t('review overdue since {0}', due ?? '?'));
  const rows: [string, string][] = [
    [l10n.t('Kind'), e.kind === 'brand' ? l10n.t('brand manual chapter') : e.kind === 'standard' ? l10n.t('standard') : e.kind],
  ];
  optional(rows, l10n.t('Status'), text(e, 'status'));
  optional(rows, l10n.t('Version'), version);
  optional(rows, l10n.t('Effective'), effective);
  optional(rows, l10n.t('Review due'), due && due + (overdue ? ` (${l10n.t('overdue')})` : ''));
  optional(rows, l10n.t('Owner'), text(e, 'owner'));
  optional(rows, l10n.t('Approved by'), list(e, 'approved_by'));
  const icon: IconSpec = overdue ? { id: 'warning', color: 'list.warningForeground' } : { id: e.kind === 'brand' ? 'book' : 'law' };
  return entityRow(ws, e, folder, icon, parts.join(' · '), rows);
}

/** The group key of documents without a status (not a status anyone can write). */
const NO_STATUS = '\u0000none';

function documents(f: FolderInput): ViewNode[] {
  const ws = f.workspace;
  const docs = DOCUMENT_KINDS.flatMap((k) => ws.entities(k)).sort((a, b) => a.id.localeCompare(b.id));
  const groups = statusGroups();
  const known = new Set(groups.map((g) => g.status));
  // A status outside the vocabulary (a schema/enum error) still gets a group, so no document hides.
  for (const d of docs) {
    const s = text(d, 'status') ?? NO_STATUS;
    if (!known.has(s)) {
      known.add(s);
      groups.push({ status: s, label: s === NO_STATUS ? l10n.t('(no status)') : s, icon: { id: 'question' } });
    }
  }
  return groups
    .map((g) => ({ g, members: docs.filter((d) => (text(d, 'status') ?? NO_STATUS) === g.status) }))
    .filter(({ members }) => members.length > 0)
    .map(({ g, members }) =>
      groupRow(
        `${f.key}#docs:${g.status}`,
        g.label,
        g.icon,
        members.map((d) => documentRow(ws, d, f.key)),
        g.status !== 'retired',
      ),
    );
}

/** The Documents view: standards and brand chapters grouped by status. */
export function buildDocumentsView(folders: readonly FolderInput[]): ViewNode[] {
  return perFolder(folders, documents, (nodes) => {
    const n = countRecords(nodes);
    return countOf(n, l10n.t('1 document'), l10n.t('{0} documents', n));
  });
}
