import * as l10n from '@vscode/l10n';
import {
  createWorkspace,
  diffWorkspaces,
  type EntityChange,
  type OpsbookWorkspace,
  type ResolvedConfig,
  SchemaCache,
  titled,
  titleOr,
  type WorkspaceDiff,
} from '../../core';
import { detailPhrases } from './changeTree';

/** Separators of the `git log` format below: record (RS) and field (US). */
const RS = '\u001e';
const US = '\u001f';

/** `git log` arguments that `parseGitLog` reads (add `-n`, `--follow`, `--` and the path). */
export const LOG_FORMAT_ARGS = ['-z', `--format=${RS}%H${US}%P${US}%an${US}%aI${US}%s`, '--name-status'];

/** One commit that touched a file, with the file's path in that commit and in its parent. */
export interface LogEntry {
  commit: string;
  /** First parent, or undefined for a root commit. */
  parent?: string;
  author: string;
  /** ISO 8601 author date. */
  date: string;
  subject: string;
  /** Repository-relative path of the file in this commit. */
  path: string;
  /** Path in the parent (differs after a rename); undefined when the commit added the file. */
  parentPath?: string;
  /** Name-status letter: `M`, `A`, `D`, `R`, `C`, `T`… (`''` when git printed none, as for merges). */
  status: string;
}

/**
 * Parses `git log --follow -z --format=<LOG_FORMAT_ARGS> --name-status -- <path>` output.
 * Records start with RS; a header's fields are split by US; the name-status that follows is
 * NUL-separated: `M\0path\0`, `R100\0old\0new\0`. Commits without a status line (merges) keep
 * the path of the newer commit. `path` is the file as it is named now.
 */
export function parseGitLog(out: string, path: string): LogEntry[] {
  const entries: LogEntry[] = [];
  let current = path;
  for (const record of out.split(RS)) {
    if (record.trim() === '') continue;
    const nul = record.indexOf('\0');
    const header = nul === -1 ? record : record.slice(0, nul);
    const [commit = '', parents = '', author = '', date = '', ...subject] = header.split(US);
    if (!/^[0-9a-f]{40,64}$/.test(commit)) continue;
    const tokens =
      nul === -1
        ? []
        : record
            .slice(nul + 1)
            .replace(/^\n/, '')
            .split('\0')
            .filter((t) => t !== '');
    let status = '';
    let pathHere = current;
    let parentPath: string | undefined = current;
    // Several files can be listed (copies detected alongside): keep the one that is the followed file.
    for (let i = 0; i < tokens.length;) {
      const st = tokens[i] as string;
      const letter = st.charAt(0);
      const two = letter === 'R' || letter === 'C';
      const a = tokens[i + 1];
      const b = two ? tokens[i + 2] : undefined;
      i += two ? 3 : 2;
      if (a === undefined) break;
      const target = two ? (b as string) : a;
      if (target !== current && tokens.length > (two ? 3 : 2)) continue;
      status = letter;
      pathHere = target;
      parentPath = letter === 'A' ? undefined : two ? a : target;
      break;
    }
    const parent = parents.split(' ').find((p) => p !== '');
    const entry: LogEntry = { commit, author, date, subject: subject.join(US), path: pathHere, status };
    if (parent) entry.parent = parent;
    if (parent && parentPath !== undefined) entry.parentPath = parentPath;
    entries.push(entry);
    if (parentPath !== undefined) current = parentPath;
  }
  return entries;
}

/** Two scratch one-file workspaces per configuration: building one compiles every schema, so they are reused. */
const scratch = new WeakMap<ResolvedConfig, { today: string; base: OpsbookWorkspace; head: OpsbookWorkspace }>();

/**
 * The structured difference of one document between two versions of its text, with the live
 * workspace's configuration (kinds, schemas): two one-file workspaces, no rules evaluated.
 * `undefined` text means the file did not exist on that side. Synchronous, so the scratch
 * workspaces are never shared between two calls.
 */
export function diffDocument(config: ResolvedConfig, today: string, rel: string, before: string | undefined, after: string | undefined): DocumentDiff {
  let sides = scratch.get(config);
  if (!sides || sides.today !== today) {
    const schemas = new SchemaCache(1); // the two sides compile the schemas once
    sides = { today, base: createWorkspace(config, today, { rules: 'none', schemas }), head: createWorkspace(config, today, { rules: 'none', schemas }) };
    scratch.set(config, sides);
  }
  const load = (ws: OpsbookWorkspace, text: string | undefined): OpsbookWorkspace => {
    for (const p of ws.filePaths()) if (p !== rel || text === undefined) ws.deleteFile(p);
    if (text !== undefined) ws.setFile(rel, text);
    return ws;
  };
  const b = load(sides.base, before);
  const a = load(sides.head, after);
  const tops = (ws: OpsbookWorkspace) => ws.entities().filter((e) => !e.parent).length;
  return { diff: diffWorkspaces(b, a), several: Math.max(tops(b), tops(a)) > 1 };
}

/** A one-document diff, and whether the document holds several entities (phrases then name them). */
export interface DocumentDiff {
  diff: WorkspaceDiff;
  several: boolean;
}

/** At most this many phrases in a summary line; the rest are counted. */
const MAX_PHRASES = 4;

/**
 * What changed in a document in one commit, in business terms: `list_price 1999 → 2199 (+200,
 * +10.0%); status draft → approved`. Entities are named when the file holds several.
 */
export function summarizeDocumentDiff({ diff, several }: DocumentDiff): string[] {
  const named = several || diff.changes.length > 1;
  // A phrase, or the index of a group: records added or removed together are one phrase per
  // kind (a new file adds many at once).
  const phrases: (string | number)[] = [];
  const groups: { change: 'added' | 'removed'; kind: string; ids: string[] }[] = [];
  const groupOf = new Map<string, number>();
  for (const c of diff.changes) {
    if (c.change === 'added' || c.change === 'removed') {
      const key = `${c.change} ${c.kind}`;
      // Named for a person: title and id (titles may repeat), the id alone when there is no title.
      const name = titled(c.id, c.title);
      const at = groupOf.get(key);
      if (at !== undefined) groups[at]?.ids.push(name);
      else {
        groupOf.set(key, groups.length);
        phrases.push(groups.length);
        groups.push({ change: c.change, kind: c.kind, ids: [name] });
      }
      continue;
    }
    phrases.push(...entityPhrases(c, named));
  }
  for (const p of diff.parseErrors)
    phrases.push(p.side === 'head' ? l10n.t('no longer readable: {0}', p.message) : l10n.t('readable again (was: {0})', p.message));
  return phrases.map((p) => {
    if (typeof p === 'string') return p;
    const g = groups[p] as (typeof groups)[number];
    return g.change === 'added' ? l10n.t('added {0} {1}', g.kind, listIds(g.ids)) : l10n.t('removed {0} {1}', g.kind, listIds(g.ids));
  });
}

/** `SKU-1`, `SKU-1, SKU-2`, `SKU-1, SKU-2, SKU-3 and 10 more`. */
function listIds(ids: readonly string[], max = 3): string {
  return ids.length > max ? l10n.t('{0} and {1} more', ids.slice(0, max).join(', '), ids.length - max) : ids.join(', ');
}

function entityPhrases(c: EntityChange, named: boolean): string[] {
  const prefix = named ? `${titleOr(c.id, c.title)}: ` : '';
  if (c.change === 'renamed') return [l10n.t('{0} renamed to {1}', c.previousId ?? '?', c.id), ...detailPhrases(c).map((p) => `${prefix}${p}`)];
  return detailPhrases(c).map((p) => `${prefix}${p}`);
}

/** One line for a list row: the first phrases joined with `; `, then `+N more`. */
export function summaryLine(phrases: readonly string[], max = MAX_PHRASES): string {
  if (phrases.length === 0) return l10n.t('no structured change');
  const shown = phrases.slice(0, max).join('; ');
  return phrases.length > max ? l10n.t('{0}; +{1} more', shown, phrases.length - max) : shown;
}
