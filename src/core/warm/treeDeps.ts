import type { ResolvedConfig } from '../config/types';
import type { CachedSummary, FileStamp, WorkspaceFileSystem } from '../host';
import type { WorkspaceModel } from '../model/queries';
import { Workspace } from '../model/workspace';
import { parseFile, type ParsedFile } from '../parse/file';
import { buildPlanTree, type PlanTree } from '../plan/tree';
import { stampTrusted } from './restore';

/**
 * What the plan tree was built from: the files whose entities (or ranges) it read, the kinds of
 * the entities it asked for or was given, and the kinds whose referrers it asked for. A file
 * outside `files` whose new version has no entity of those kinds and no reference to those
 * kinds cannot change the tree.
 */
export interface PlanTreeDeps {
  files: string[];
  kinds: string[];
  referencedKinds: string[];
}

/** The workspace reads the tree may make; any other read leaves the dependencies unknown. */
const READS = new Set(['entities', 'get', 'children', 'referencesTo', 'rangeOf', 'entityRange']);
const VALUES = new Set(['config', 'todayDate']);

/** The plan tree, and what it was built from (undefined when it read something not recorded). */
export function recordPlanTree(ws: WorkspaceModel): { tree: PlanTree; deps: PlanTreeDeps | undefined } {
  const files = new Set<string>();
  const kinds = new Set<string>();
  const referencedKinds = new Set<string>();
  let complete = true;
  const note = (value: unknown, depth = 0): void => {
    if (Array.isArray(value)) for (const v of value) note(v, depth);
    else if (value && typeof value === 'object' && depth < 2) {
      const o = value as { kind?: unknown; file?: unknown; from?: unknown; anchor?: unknown };
      if (typeof o.file === 'string') files.add(o.file);
      if (typeof o.kind === 'string' && typeof o.file === 'string') kinds.add(o.kind);
      if (o.from) note(o.from, depth + 1);
      if (o.anchor) note(o.anchor, depth + 1);
    }
  };
  const recorder = new Proxy(ws, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof prop !== 'string' || typeof value !== 'function') {
        if (typeof prop !== 'string' || !VALUES.has(prop)) complete = false;
        return value;
      }
      if (!READS.has(prop)) complete = false;
      return (...args: unknown[]) => {
        if (prop === 'entities' || prop === 'get') {
          if (typeof args[0] === 'string') kinds.add(args[0]);
          else complete = false;
        }
        if (prop === 'referencesTo') referencedKinds.add(String(args[0]));
        note(args);
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        note(result);
        return result;
      };
    },
  });
  const tree = buildPlanTree(recorder);
  return { tree, deps: complete ? { files: [...files].sort(), kinds: [...kinds].sort(), referencedKinds: [...referencedKinds].sort() } : undefined };
}

/** Files whose stamp moved (or was racy when the summary was written), and files gone since. */
export function staleFiles(
  summary: CachedSummary,
  paths: readonly string[],
  stamps: readonly (FileStamp | undefined)[],
): { suspect: string[]; gone: string[] } {
  const suspect: string[] = [];
  paths.forEach((p, i) => {
    const c = summary.files[p];
    const st = stamps[i];
    if (!c || !st || st.size !== c.size || st.mtimeMs !== c.mtimeMs || !stampTrusted(st.mtimeMs, summary.savedAt)) suspect.push(p);
  });
  const present = new Set(paths);
  const gone = Object.keys(summary.files).filter((p) => !present.has(p));
  return { suspect, gone };
}

/** Changed files beyond this: the tree is built from the model. */
const MAX_TREE_CHANGES = 64;

/**
 * The cached plan tree when the files changed since cannot have changed it: none of them (as
 * they were) is one the tree read, and none (as it is now, parsed and read without schemas,
 * which only add findings) holds an entity of a kind the tree read or a reference to one.
 */
export async function treeAfterChanges(
  summary: CachedSummary,
  stale: { suspect: string[]; gone: string[] },
  inputs: { fs: WorkspaceFileSystem; hash(content: Uint8Array | string): string; config: ResolvedConfig; today: string },
): Promise<PlanTree | undefined> {
  const deps = summary.planTreeDeps as PlanTreeDeps | undefined;
  if (!deps || !summary.planTree || stale.suspect.length + stale.gone.length > MAX_TREE_CHANGES) return undefined;
  const read = new Set(deps.files);
  if (stale.gone.some((p) => read.has(p))) return undefined;
  const changed: ParsedFile[] = [];
  for (const p of stale.suspect) {
    const content = await inputs.fs.readFile(p);
    if (content === undefined) {
      if (read.has(p)) return undefined;
      continue;
    }
    if (summary.files[p]?.hash === inputs.hash(content)) continue;
    if (read.has(p)) return undefined;
    changed.push(parseFile(p, content));
  }
  if (changed.length === 0) return summary.planTree as unknown as PlanTree;
  const scratch = new Workspace(inputs.config, [], inputs.today, [], { byKind: new Map(), problems: [] });
  scratch.indexParsedFiles(changed);
  const kinds = new Set(deps.kinds);
  const referenced = new Set(deps.referencedKinds);
  for (const c of changed) {
    if (scratch.entitiesIn(c.path).some((e) => kinds.has(e.kind))) return undefined;
    if (scratch.referencesIn(c.path).some((r) => referenced.has(r.targetKind))) return undefined;
  }
  return summary.planTree as unknown as PlanTree;
}
