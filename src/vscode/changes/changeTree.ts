import * as l10n from '@vscode/l10n';
import {
  type ChangeType,
  type EntityChange,
  type FieldChange,
  fieldPhrase,
  gist,
  hunkPhrase,
  type ParseFailure,
  plainStyle,
  type ReviewDiagnostic,
  type SectionChange,
  sectionPhrase,
  titled,
  titleOr,
  type WorkspaceDiff,
} from '../../core';
import type { IconSpec } from '../views/viewNode';

/** Which side of the comparison a row opens: the live working tree or the base revision. */
export type Side = 'head' | 'base';

/** Where clicking a row goes: a folder-relative file on one side, 1-based line. */
export interface ChangeLocation {
  side: Side;
  file: string;
  line: number;
}

/** Plain-text tooltip: a bold title and lines. The VS Code layer escapes it into Markdown. */
export interface ChangeTooltip {
  title: string;
  lines: string[];
}

/**
 * One row of the Changes view, free of `vscode` types so it can be tested on plain Node.
 * Ids are stable across refreshes (folder, kind, id), which keeps expansion.
 */
export interface ChangeNode {
  id: string;
  label: string;
  description?: string;
  icon?: IconSpec;
  tooltip?: ChangeTooltip;
  location?: ChangeLocation;
  expanded?: boolean;
  /** A field row: the view finds the field's line in the live document when it shows the row. */
  field?: { kind: string; id: string; file: string; path: string };
  /** An entity row: its file on the base side, and on the working tree side (absent when removed), for "Open Changes". */
  files?: { base: string; head?: string };
  /** `opsbook.change.<type>` for entities, `opsbook.changeGroup` for groups: menus key on it. */
  contextValue?: string;
  children: ChangeNode[];
}

const CHANGE_ORDER: readonly ChangeType[] = ['modified', 'added', 'removed', 'moved', 'renamed'];

/** The codicon of a change type, coloured like git decorations. */
export function changeIcon(type: ChangeType): IconSpec {
  switch (type) {
    case 'added':
      return { id: 'diff-added', color: 'gitDecoration.addedResourceForeground' };
    case 'removed':
      return { id: 'diff-removed', color: 'gitDecoration.deletedResourceForeground' };
    case 'modified':
      return { id: 'diff-modified', color: 'gitDecoration.modifiedResourceForeground' };
    case 'moved':
      return { id: 'arrow-swap', color: 'gitDecoration.renamedResourceForeground' };
    case 'renamed':
      return { id: 'diff-renamed', color: 'gitDecoration.renamedResourceForeground' };
  }
}

const WARNING: IconSpec = { id: 'warning', color: 'list.warningForeground' };

/** A field change without its path, for a row whose label is the path: `12999 → 14299 (+1300, +10.0%)`. */
export function fieldValuePhrase(f: FieldChange): string {
  const phrase = fieldPhrase(f, plainStyle);
  if (!f.path || !phrase.startsWith(f.path)) return phrase;
  return phrase.slice(f.path.length).replace(/^:?\s*/, '');
}

/** Every detail of a change in reading order: sections first, then fields (like the CLI). */
export function detailPhrases(c: EntityChange): string[] {
  return [...c.sections.map((s) => sectionPhrase(s, plainStyle)), ...c.fields.map((f) => fieldPhrase(f, plainStyle))];
}

/** What happened to the entity as a whole, when it is more than "modified". */
function headline(c: EntityChange): string | undefined {
  switch (c.change) {
    case 'added':
      return l10n.t('added');
    case 'removed':
      return l10n.t('removed');
    case 'moved':
      return l10n.t('moved from {0}', c.previousFile ?? '?');
    case 'renamed':
      return l10n.t('renamed from {0}', c.previousId ?? '?');
    default:
      return undefined;
  }
}

/** A change type as a word of the UI (`modified`, `added`…). */
function changeWord(type: ChangeType): string {
  switch (type) {
    case 'added':
      return l10n.t('added');
    case 'removed':
      return l10n.t('removed');
    case 'modified':
      return l10n.t('modified');
    case 'moved':
      return l10n.t('moved');
    case 'renamed':
      return l10n.t('renamed');
  }
}

/** A review failure in a few words; other rule ids are shown as they are. */
function reviewNote(ruleId: string): string {
  switch (ruleId) {
    case 'review/version-not-bumped':
      return l10n.t('version not bumped');
    case 'review/approval-stale':
      return l10n.t('still marked approved');
    default:
      return ruleId;
  }
}

/**
 * The row's description: the business phrase of the first change (`list_price 12999 → 14299
 * (+1300, +10.0%)`), `+N more` when there are others, and review failures, joined with ` · `.
 */
export function entityDescription(c: EntityChange): string {
  const parts: string[] = [];
  const head = headline(c);
  if (head) parts.push(head);
  const details = detailPhrases(c);
  if (details.length > 0) parts.push(details[0] as string);
  if (details.length > 1) parts.push(l10n.t('+{0} more', details.length - 1));
  for (const r of c.review) parts.push(reviewNote(r));
  return parts.join(' · ');
}

/** `2 modified, 1 added`. */
export function countPhrase(changes: readonly EntityChange[]): string {
  const counts = new Map<ChangeType, number>();
  for (const c of changes) counts.set(c.change, (counts.get(c.change) ?? 0) + 1);
  return CHANGE_ORDER.filter((t) => counts.has(t))
    .map((t) => countOf(t, counts.get(t) ?? 0))
    .join(', ');
}

/** `2 modified`, `1 added`. */
function countOf(type: ChangeType, n: number): string {
  switch (type) {
    case 'added':
      return l10n.t('{0} added', n);
    case 'removed':
      return l10n.t('{0} removed', n);
    case 'modified':
      return l10n.t('{0} modified', n);
    case 'moved':
      return l10n.t('{0} moved', n);
    case 'renamed':
      return l10n.t('{0} renamed', n);
  }
}

/** `1 change`, `3 changes`. */
export function changesCount(n: number): string {
  return n === 1 ? l10n.t('1 change') : l10n.t('{0} changes', n);
}

function entityTooltip(c: EntityChange, findings: readonly ReviewDiagnostic[]): ChangeTooltip {
  const lines: string[] = [];
  lines.push(`${changeWord(c.change)} · ${c.id}`);
  lines.push(c.previousFile ? `${c.previousFile} → ${c.file}:${c.line}` : `${c.file}:${c.line}`);
  if (c.previousId) lines.push(l10n.t('renamed from {0}', c.previousId));
  for (const f of findings) lines.push(`⚠ ${f.message} (${f.ruleId})`);
  for (const s of c.sections) {
    lines.push(sectionPhrase(s, plainStyle));
    for (const h of s.hunks ?? []) lines.push(`    ${hunkPhrase(h, plainStyle)}`);
  }
  for (const f of c.fields) lines.push(fieldPhrase(f, plainStyle));
  for (const n of c.nested)
    lines.push(
      n.previousParent
        ? l10n.t({
            message: '{0} {1} {2} (from {3})',
            args: [n.kind, n.id, changeWord(n.change), n.previousParent.id],
            comment: ['kind, id, what happened (moved…), id of the previous parent record'],
          })
        : `${n.kind} ${n.id} ${changeWord(n.change)}`,
    );
  if (c.approvers.length > 0) lines.push(l10n.t('Approval needed: {0}', c.approvers.join(', ')));
  return { title: `${c.kind} ${titled(c.id, c.title)}`, lines };
}

function sectionRow(parentId: string, c: EntityChange, s: SectionChange, i: number): ChangeNode {
  const first = s.hunks?.[0];
  const node: ChangeNode = {
    id: `${parentId}/s${i}`,
    label: sectionPhrase(s, plainStyle),
    icon: { id: s.change === 'added' ? 'add' : s.change === 'removed' ? 'remove' : 'edit' },
    location: {
      side: c.change === 'removed' || s.change === 'removed' ? 'base' : 'head',
      file: c.change === 'removed' || s.change === 'removed' ? (c.previousFile ?? c.file) : c.file,
      line: s.line,
    },
    children: [],
  };
  if (first)
    node.description =
      s.hunkCount && s.hunkCount > 1 ? l10n.t('{0} (+{1} more)', hunkPhrase(first, plainStyle), s.hunkCount - 1) : hunkPhrase(first, plainStyle);
  const hunks = (s.hunks ?? []).map((h) => hunkPhrase(h, plainStyle));
  if (hunks.length > 0) node.tooltip = { title: node.label, lines: hunks };
  return node;
}

function fieldRow(parentId: string, c: EntityChange, f: FieldChange, i: number, entityLoc: ChangeLocation): ChangeNode {
  const node: ChangeNode = {
    id: `${parentId}/f${i}`,
    label: f.path || l10n.t('(value)'),
    description: fieldValuePhrase(f),
    icon: { id: f.change === 'added' ? 'add' : f.change === 'removed' ? 'remove' : 'edit' },
    tooltip: { title: f.path, lines: [fieldPhrase(f, plainStyle)] },
    location: entityLoc,
    children: [],
  };
  if (c.change !== 'removed' && f.path) node.field = { kind: c.kind, id: c.id, file: c.file, path: f.path };
  return node;
}

/** One changed entity: a row with its review findings, sections and fields as children. */
export function entityNode(folderKey: string, c: EntityChange, findings: readonly ReviewDiagnostic[]): ChangeNode {
  const id = `${folderKey}#change:${c.kind}:${c.id}:${c.file}`;
  const location: ChangeLocation = { side: c.change === 'removed' ? 'base' : 'head', file: c.file, line: c.line };
  const children: ChangeNode[] = [];
  findings.forEach((f, i) =>
    children.push({
      id: `${id}/r${i}`,
      label: f.message,
      description: f.ruleId,
      icon: WARNING,
      location,
      tooltip: { title: f.ruleId, lines: [f.message] },
      children: [],
    }),
  );
  c.sections.forEach((s, i) => children.push(sectionRow(id, c, s, i)));
  c.fields.forEach((f, i) => children.push(fieldRow(id, c, f, i, location)));
  return {
    id,
    // Titles first; the id leads the description (the title alone when the entity has none).
    label: titleOr(c.id, c.title),
    description: titleOr(c.id, c.title) === c.id ? entityDescription(c) : [c.id, entityDescription(c)].filter(Boolean).join(' · '),
    icon: c.review.length > 0 ? WARNING : changeIcon(c.change),
    tooltip: entityTooltip(c, findings),
    location,
    files: c.change === 'removed' ? { base: c.file } : c.change === 'added' ? { base: c.file, head: c.file } : { base: c.previousFile ?? c.file, head: c.file },
    contextValue: `opsbook.change.${c.change}`,
    children,
  };
}

function failureRow(folderKey: string, p: ParseFailure): ChangeNode {
  const side = p.side === 'base' ? l10n.t('base') : l10n.t('working tree');
  const lost =
    p.entities.length > 0
      ? ` ${l10n.t('({0} not compared: {1})', p.entities.length, `${p.entities.slice(0, 5).join(', ')}${p.entities.length > 5 ? ', …' : ''}`)}`
      : '';
  return {
    id: `${folderKey}#unreadable:${p.side}:${p.file}`,
    label: p.file,
    description: `${side}: ${p.message}${lost}`,
    icon: { id: 'error', color: 'errorForeground' },
    tooltip: {
      title: p.side === 'base' ? l10n.t('{0} could not be read on the base side', p.file) : l10n.t('{0} could not be read on the working tree side', p.file),
      lines: [`${p.ruleId}: ${p.message}`, ...(p.entities.length ? [l10n.t('Not compared: {0}', p.entities.join(', '))] : [])],
    },
    location: { side: p.side, file: p.file, line: p.line },
    children: [],
  };
}

/**
 * The Changes view of one folder: one group per kind (with counts) holding the changed
 * entities, then the files that could not be compared. Kinds are in alphabetical order, like
 * `opsbook diff`.
 */
export function buildChangeGroups(folderKey: string, diff: WorkspaceDiff): ChangeNode[] {
  const findings = new Map<string, ReviewDiagnostic[]>();
  for (const r of diff.review) {
    const list = findings.get(r.entity) ?? [];
    list.push(r);
    findings.set(r.entity, list);
  }
  const byKind = new Map<string, EntityChange[]>();
  for (const c of diff.changes) {
    const list = byKind.get(c.kind) ?? [];
    list.push(c);
    byKind.set(c.kind, list);
  }
  const groups: ChangeNode[] = [...byKind.keys()].sort().map((kind) => {
    const changes = byKind.get(kind) as EntityChange[];
    const failing = changes.filter((c) => c.review.length > 0).length;
    return {
      id: `${folderKey}#changes:${kind}`,
      label: kind,
      description: countPhrase(changes) + (failing > 0 ? ` · ${l10n.t('{0} to fix', failing)}` : ''),
      icon: failing > 0 ? WARNING : { id: 'symbol-folder' },
      tooltip: {
        title: l10n.t('{0} of kind {1}', changesCount(changes.length), kind),
        lines: changes.map((c) => `${titled(c.id, c.title)}: ${gist(c, plainStyle)}`),
      },
      expanded: true,
      contextValue: 'opsbook.changeGroup',
      children: changes.map((c) =>
        entityNode(
          folderKey,
          c,
          (findings.get(c.id) ?? []).filter((f) => c.review.includes(f.ruleId) && (f.file === c.file || f.file === c.previousFile)),
        ),
      ),
    };
  });
  if (diff.parseErrors.length > 0) {
    groups.push({
      id: `${folderKey}#unreadable`,
      label: l10n.t('Not compared'),
      description: diff.parseErrors.length === 1 ? l10n.t('1 file could not be read') : l10n.t('{0} files could not be read', diff.parseErrors.length),
      icon: { id: 'error', color: 'errorForeground' },
      expanded: true,
      contextValue: 'opsbook.changeGroup',
      children: diff.parseErrors.map((p) => failureRow(folderKey, p)),
    });
  }
  return groups;
}
