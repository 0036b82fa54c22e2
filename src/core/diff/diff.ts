import { entityKey, type Entity } from '../model/entity';
import type { WorkspaceModel as Workspace } from '../model/queries';
import type { ParsedFile } from '../parse/file';
import { changeApprovers, collectApprovers, reviewRules } from './approvers';
import { diffValues } from './fields';
import { compareDiagnostics } from './introduced';
import { pairEntities, type Pair } from './match';
import { annotateNested, nestedChanges } from './nested';
import { reviewChange } from './review';
import { bodySections, diffSections } from './sections';
import type { EntityChange, FieldChange, NestedChange, ParseFailure, WorkspaceDiff } from './types';

/**
 * The structured difference between two loaded workspaces (two git revisions, or a revision
 * and the working tree): entity changes with field paths and body sections, review rule
 * findings, required approvers, and the `check` diagnostics the change introduces.
 */
export function diffWorkspaces(base: Workspace, head: Workspace): WorkspaceDiff {
  const failures = parseFailures(base, head);
  const pairs = pairEntities(base, head);
  const renamedTops = new Map<string, string>();
  for (const p of pairs) if (p.renamed && p.base && p.head) renamedTops.set(entityKey(p.base.kind, p.base.id), entityKey(p.head.kind, p.head.id));
  const nested = nestedChanges(base, head, renamedTops);
  const rules = reviewRules(base, head);
  const items: { change: EntityChange; base?: Entity; head?: Entity }[] = [];
  for (const pair of pairs) {
    const change = compare(pair, base, head, nested, failures);
    if (change) items.push({ change, ...(pair.base ? { base: pair.base } : {}), ...(pair.head ? { head: pair.head } : {}) });
  }
  markRenameFollowers(items.map((i) => i.change));

  const review = [];
  const perChange = [];
  for (const item of items) {
    const findings = reviewChange(item.change, item.base, item.head, base, head);
    item.change.review = [...new Set(findings.map((f) => f.ruleId))];
    review.push(...findings);
    const approvers = changeApprovers(item.change, rules, item.base, item.head);
    item.change.approvers = approvers.map((a) => a.id);
    perChange.push({ change: item.change, approvers });
  }
  const changes = items.map((i) => i.change).sort((a, b) => cmp(a.kind, b.kind) || cmp(a.id, b.id) || cmp(a.file, b.file));
  review.sort((a, b) => cmp(a.file, b.file) || a.range.start.line - b.range.start.line || cmp(a.ruleId, b.ruleId));
  const { introduced, resolved } = compareDiagnostics(base.diagnostics(), head.diagnostics());
  return {
    changes,
    parseErrors: [...failures.values()].sort((a, b) => cmp(a.file, b.file) || cmp(a.side, b.side)),
    review,
    approvers: collectApprovers(perChange, base, head),
    introduced,
    resolved,
  };
}

function compare(
  pair: Pair,
  base: Workspace,
  head: Workspace,
  nested: Map<string, NestedChange[]>,
  failures: Map<string, ParseFailure>,
): EntityChange | undefined {
  const b = pair.base;
  const h = pair.head;
  if (!h || !b) {
    const e = (h ?? b) as Entity;
    const ws = h ? head : base;
    // An entity missing because its file no longer parses is unknown, not removed.
    const failure = failures.get(failureKey(h ? 'base' : 'head', e.file));
    if (failure) {
      failure.entities.push(e.id);
      return undefined;
    }
    const c = newChange(e, ws, h ? 'added' : 'removed');
    c.nested = nested.get(entityKey(e.kind, e.id)) ?? [];
    addStatus(c, b, h);
    return c;
  }
  const bp = base.parsedFile(b.file);
  const hp = head.parsedFile(h.file);
  // The common case in a large workspace: the file is byte for byte the same.
  if (!pair.renamed && b.file === h.file && bp && hp && bp.text === hp.text && bp.text !== '') return undefined;
  const idField = head.kindConfig(h.kind)?.id ?? 'id';
  let fields = diffValues(b.data, h.data);
  if (pair.renamed) fields = fields.filter((f) => f.path !== idField);
  annotateNested(fields, [...descendants(head, h), ...descendants(base, b)]);
  const sections = bp?.format === 'markdown' && hp?.format === 'markdown' ? diffSections(bodySections(bp), bodySections(hp)) : [];
  const change = pair.renamed ? 'renamed' : b.file !== h.file ? 'moved' : fields.length > 0 || sections.length > 0 ? 'modified' : undefined;
  if (!change) return undefined;
  const c = newChange(h, head, change);
  if (b.file !== h.file) c.previousFile = b.file;
  if (pair.renamed) c.previousId = b.id;
  c.fields = fields;
  c.sections = sections;
  c.nested = nested.get(entityKey(h.kind, h.id)) ?? [];
  addStatus(c, b, h);
  return c;
}

function newChange(e: Entity, ws: Workspace, change: EntityChange['change']): EntityChange {
  return {
    kind: e.kind,
    id: e.id,
    title: e.title,
    change,
    file: e.file,
    line: ws.entityRange(e).start.line,
    fields: [],
    sections: [],
    nested: [],
    approvers: [],
    review: [],
  };
}

function addStatus(c: EntityChange, b: Entity | undefined, h: Entity | undefined): void {
  const read = (e: Entity | undefined, f: string) => {
    const v = e?.data[f];
    return typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
  };
  for (const f of ['status', 'version'] as const) {
    const before = read(b, f);
    const after = read(h, f);
    if (before === undefined && after === undefined) continue;
    c[f] = { ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) };
  }
}

function descendants(ws: Workspace, e: Entity): Entity[] {
  const out: Entity[] = [];
  const stack = [...ws.children(e)];
  while (stack.length > 0) {
    const n = stack.pop() as Entity;
    out.push(n);
    stack.push(...ws.children(n));
  }
  return out;
}

/** Marks references updated to follow an id renamed in the same change. */
function markRenameFollowers(changes: EntityChange[]): void {
  const renames = new Map<string, { kind: string; from: string; to: string }>();
  for (const c of changes) if (c.change === 'renamed' && c.previousId) renames.set(c.previousId, { kind: c.kind, from: c.previousId, to: c.id });
  if (renames.size === 0) return;
  const follows = (f: FieldChange) => {
    if (typeof f.before === 'string' && typeof f.after === 'string') {
      const r = renames.get(f.before);
      return r && r.to === f.after ? r : undefined;
    }
    for (const old of f.removed ?? []) {
      const r = typeof old === 'string' ? renames.get(old) : undefined;
      if (r && (f.added ?? []).includes(r.to)) return r;
    }
    return undefined;
  };
  for (const c of changes) {
    for (const f of c.fields) {
      const r = follows(f);
      if (r) f.followsRename = r;
    }
  }
}

// A repeated key no longer keeps a file from being read (its last value is), so it is no failure.
const FATAL = /^(yaml\/(?!duplicate-key$)|file\/)/;

/** Files that could not be read into entities on one side only (a failure on both sides is old news). */
function parseFailures(base: Workspace, head: Workspace): Map<string, ParseFailure> {
  const out = new Map<string, ParseFailure>();
  const fatal = (p: ParsedFile | undefined) =>
    p ? (p.problems.find((x) => (x.severity ?? 'error') === 'error' && FATAL.test(x.ruleId)) ?? (p.skipped ? p.problems[0] : undefined)) : undefined;
  for (const [side, ws, other] of [
    ['base', base, head],
    ['head', head, base],
  ] as const) {
    for (const file of ws.filePaths()) {
      const problem = fatal(ws.parsedFile(file));
      if (!problem || fatal(other.parsedFile(file))) continue;
      out.set(failureKey(side, file), { file, side, line: problem.range?.start.line ?? 1, ruleId: problem.ruleId, message: problem.message, entities: [] });
    }
  }
  return out;
}

function failureKey(side: 'base' | 'head', file: string): string {
  return `${side}\u0000${file}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The change of one entity, nested ones included: a KPI's change is found inside its plan's,
 * with the field changes whose innermost entity is that KPI.
 */
export function changeOf(diff: WorkspaceDiff, kind: string, id: string): { change: EntityChange; nested?: NestedChange; fields: FieldChange[] } | undefined {
  const top = diff.changes.find((c) => c.kind === kind && c.id === id);
  if (top) return { change: top, fields: top.fields };
  for (const c of diff.changes) {
    const n = c.nested.find((x) => x.kind === kind && x.id === id);
    if (n) return { change: c, nested: n, fields: c.fields.filter((f) => f.entity?.kind === kind && f.entity.id === id) };
  }
  return undefined;
}
