import type { OpsbookWorkspace } from '../../core';

/** A codicon and an optional theme colour id, turned into `ThemeIcon(id, ThemeColor(color))` at the edge. */
export interface IconSpec {
  id: string;
  color?: string;
}

/** Tooltip content as plain text; the VS Code layer escapes it into a MarkdownString. */
export interface Tooltip {
  title: string;
  /** `[label, value]` rows, in order. */
  rows: [string, string][];
}

/** Where clicking a node takes the user: a file of one workspace folder, 1-based line. */
export interface NodeLocation {
  folder: string;
  file: string;
  line: number;
}

/**
 * One row of an Opsbook tree view, free of `vscode` types so the presentation can be tested
 * on plain Node. `id` is stable across refreshes, which keeps expansion and selection.
 */
export interface ViewNode {
  id: string;
  label: string;
  description?: string;
  icon?: IconSpec;
  tooltip?: Tooltip;
  location?: NodeLocation;
  /** The entity this row shows, for `reveal` by id. */
  entity?: { folder: string; kind: string; id: string };
  /** A register's top row (all partners…): *Open as Table* shows that kind. */
  register?: { folder: string; kind: string };
  /** Initially expanded (when it has children). */
  expanded?: boolean;
  children: ViewNode[];
  parent?: ViewNode;
}

/** One workspace folder's model, as the pure view builders see it. */
export interface FolderInput {
  /** The folder's URI string; ids and locations use it. */
  key: string;
  name: string;
  workspace: OpsbookWorkspace;
}

/**
 * Sets `parent` links and makes ids unique (an `id/duplicate` error would otherwise give two rows
 * the same id, which VS Code rejects).
 */
export function link(roots: ViewNode[]): ViewNode[] {
  const seen = new Map<string, number>();
  const visit = (n: ViewNode, parent: ViewNode | undefined): void => {
    const count = (seen.get(n.id) ?? 0) + 1;
    seen.set(n.id, count);
    if (count > 1) n.id = `${n.id}~${count}`;
    if (parent) n.parent = parent;
    for (const c of n.children) visit(c, n);
  };
  for (const r of roots) visit(r, undefined);
  return roots;
}

/**
 * One root per folder when several folders have something to show; otherwise the single
 * folder's nodes are the roots.
 */
export function perFolder(folders: readonly FolderInput[], build: (f: FolderInput) => ViewNode[], count: (nodes: ViewNode[]) => string): ViewNode[] {
  const built = folders.map((f) => ({ f, nodes: build(f) })).filter((x) => x.nodes.length > 0);
  if (built.length === 0) return [];
  if (built.length === 1) return link((built[0] as { nodes: ViewNode[] }).nodes);
  return link(
    built.map(({ f, nodes }) => ({
      id: `${f.key}#folder`,
      label: f.name,
      description: count(nodes),
      icon: { id: 'root-folder' },
      expanded: true,
      children: nodes,
    })),
  );
}

/** Depth-first search over a forest. */
export function findNode(roots: readonly ViewNode[], match: (n: ViewNode) => boolean): ViewNode | undefined {
  for (const r of roots) {
    if (match(r)) return r;
    const hit = findNode(r.children, match);
    if (hit) return hit;
  }
  return undefined;
}
