import {
  configSignature,
  createWorkspace,
  diffWorkspaces,
  openWorkspace,
  type OpsbookWorkspace,
  type ParsedFile,
  parseFile,
  prepareWorkspace,
  SchemaCache,
  type WorkspaceFileSystem,
} from '../../core';
import { changedPaths, Git, GitError, GitRevisionFs } from '../../node/git';
import { closeParsers } from '../../node/parallel';
import { checkedRoot, COMMON_HELP, configProblemsError, engineInitFor, parse, type CommonValues } from '../common';
import { formatDiffJson } from '../format/diffJson';
import { formatDiffMarkdown } from '../format/diffMarkdown';
import { formatDiffText } from '../format/diffText';
import type { DiffReport } from '../format/diffReport';
import { EXIT_FINDINGS, EXIT_OK, UsageError, type CliIo } from '../io';

export const diffHelp = `Usage: opsbook diff <base> [<head>] [options]

Compares the workspace at two git revisions (or a revision and the working tree, the default
head) entity by entity: records added, removed, modified, moved between files and renamed;
changed fields with before and after; Markdown sections added, removed and reworded. Evaluates
the review rules (review/version-not-bumped, review/approval-stale), lists the approvers that
the review: rules of opsbook.yaml and the documents' owners require, and the check
diagnostics the change introduces. Reads git objects only: the working tree and the index are
never touched.

Options:
  --format markdown|json|text   output format (default: text; markdown for a PR comment)
${COMMON_HELP}

Examples:
  opsbook diff origin/main --format markdown > diff.md
  opsbook diff v1.4 HEAD --format json

Exit codes: 0 no review rule error, 1 a review rule error, 2 usage, configuration or git problem.`;

const WORKING_TREE = 'working tree';

export async function runDiff(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { format: { type: 'string' } });
  if (values.help) {
    io.stdout(diffHelp + '\n');
    return EXIT_OK;
  }
  const format = values.format ?? 'text';
  if (!['markdown', 'json', 'text'].includes(format)) throw new UsageError(`--format must be markdown, json or text, got "${format}"`);
  if (positionals.length < 1 || positionals.length > 2)
    throw new UsageError(`expected <base> [<head>] revisions, got ${positionals.length} arguments; see "opsbook diff --help"`);
  const [baseRev, headRev] = positionals as [string, string | undefined];
  const worktree = await checkedRoot(io, values);
  const root = worktree.root;

  const git = new Git(root);
  const sides: GitRevisionFs[] = [];
  try {
    const { prefix } = await git.location();
    const baseCommit = await git.resolveCommit(baseRev);
    const headCommit = headRev === undefined ? undefined : await git.resolveCommit(headRev);
    const baseFs = new GitRevisionFs(git, baseCommit, prefix);
    sides.push(baseFs);
    // Both sides usually have the same schemas: compiled once.
    const schemas = new SchemaCache();
    let headFs: WorkspaceFileSystem = worktree;
    if (headCommit) {
      const fs = new GitRevisionFs(git, headCommit, prefix);
      sides.push(fs);
      headFs = fs;
    }
    const headLabel = headRev === undefined ? 'the working tree' : `head revision ${headRev}`;
    const fast = process.env['OPSBOOK_DIFF_FULL'] === '1' ? undefined : await fastSides(git, baseCommit, headCommit, baseFs, headFs, values, schemas);
    const base = fast?.base ?? (await load(baseFs, values, `base revision ${baseRev}`, schemas));
    const head = fast?.head ?? (await load(headFs, values, headLabel, schemas));
    const report: DiffReport = { base: baseRev, head: headRev ?? WORKING_TREE, baseCommit, headCommit: headCommit ?? null, diff: diffWorkspaces(base, head) };
    io.stdout(format === 'json' ? formatDiffJson(report) : format === 'markdown' ? formatDiffMarkdown(report) : formatDiffText(report));
    return report.diff.review.some((d) => d.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
  } catch (err) {
    if (err instanceof GitError) throw new UsageError(err.message);
    throw err;
  } finally {
    for (const s of sides) s.close();
  }
}

/** Loads one side with the same engine as `check`, its configuration read from that side. */
async function load(fs: WorkspaceFileSystem, values: CommonValues, label: string, schemas: SchemaCache): Promise<OpsbookWorkspace> {
  const init = engineInitFor(fs, values, { schemas, parsesAll: true });
  const result = await openWorkspace(init);
  void closeParsers().catch(() => undefined);
  if (result.configProblems.length > 0) throw configProblemsError(result.configProblems, ` in ${label}`, init.configPath);
  return result.workspace;
}

/**
 * Both sides for the price of one load plus the change: the head is loaded, and the base is
 * the head's parsed files with the base versions of the files git lists as changed, checked
 * with the (identical) configuration. Undefined when the configuration differs between the
 * sides or has problems: the caller then loads both sides in full, which reports them.
 */
export async function fastSides(
  git: Git,
  baseCommit: string,
  headCommit: string | undefined,
  baseFs: WorkspaceFileSystem,
  headFs: WorkspaceFileSystem,
  values: CommonValues,
  schemas: SchemaCache,
): Promise<{ base: OpsbookWorkspace; head: OpsbookWorkspace } | undefined> {
  const baseInit = engineInitFor(baseFs, values, { schemas });
  const headInit = engineInitFor(headFs, values, { schemas, parsesAll: true });
  const [baseSetup, headSetup] = await Promise.all([prepareWorkspace(baseInit), prepareWorkspace(headInit)]);
  if (baseSetup.problems.length > 0 || headSetup.problems.length > 0) return undefined;
  if (baseSetup.configPath !== headSetup.configPath || baseSetup.today !== headSetup.today) return undefined;
  const changed = new Set(await changedPaths(git, baseCommit, headCommit));
  // opsbook.yaml, a local pack or a schema changed: every file may read differently.
  if (changed.has(baseSetup.configPath)) return undefined;
  if (configSignature(baseSetup.config) !== configSignature(headSetup.config)) return undefined;
  const opened = await openWorkspace(headInit, headSetup);
  // Both sides' diagnostics are compared: the workers work out the head's ranges (the base
  // borrows them through `rangesFrom`) before they end.
  if (opened.configProblems.length === 0) await opened.workspace.resolveRanges();
  void closeParsers().catch(() => undefined); // the base's few changed files are parsed in this thread
  if (opened.configProblems.length > 0) return undefined;
  const head = opened.workspace;
  const files: ParsedFile[] = [];
  for (const path of await baseSetup.paths()) {
    const same = changed.has(path) ? undefined : head.parsedFile(path);
    if (same) {
      files.push(same);
      continue;
    }
    // As a full load reads it: a file that cannot be read is empty.
    files.push(parseFile(path, (await baseFs.readFile(path)) ?? ''));
  }
  const base = createWorkspace(baseSetup.config, baseSetup.today, { files, schemas, rangesFrom: head });
  return { base, head };
}
