import { diffWorkspaces, openWorkspace, type OpsbookWorkspace, SchemaCache, type WorkspaceFileSystem } from '../../core';
import { Git, GitError, GitRevisionFs } from '../../node/git';
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
    const base = await load(baseFs, values, `base revision ${baseRev}`, schemas);
    let headFs: WorkspaceFileSystem = worktree;
    if (headCommit) {
      const fs = new GitRevisionFs(git, headCommit, prefix);
      sides.push(fs);
      headFs = fs;
    }
    const head = await load(headFs, values, headRev === undefined ? 'the working tree' : `head revision ${headRev}`, schemas);
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
  const init = engineInitFor(fs, values, { schemas });
  const result = await openWorkspace(init);
  if (result.configProblems.length > 0) throw configProblemsError(result.configProblems, ` in ${label}`, init.configPath);
  return result.workspace;
}
