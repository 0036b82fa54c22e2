import * as vscode from 'vscode';
import type { Repo } from './repo';

/** Read-only documents of a file at a commit: `opsbook-git:/<repo path>?{"root":…,"commit":…}`. */
export const GIT_SCHEME = 'opsbook-git';

/** The URI of a repository file at a commit; an empty commit is an empty document (the file did not exist). */
export function gitUri(repo: Repo, commit: string | undefined, repoPath: string): vscode.Uri {
  return vscode.Uri.from({ scheme: GIT_SCHEME, path: `/${repoPath}`, query: JSON.stringify({ root: repo.toplevel, commit: commit ?? '' }) });
}

/**
 * Serves `opsbook-git` documents with `git cat-file`, only for repositories the Changes and
 * History views opened (in a trusted workspace): a URI from elsewhere cannot make git run in
 * an arbitrary folder.
 */
export class GitContentProvider implements vscode.TextDocumentContentProvider {
  private readonly repos = new Map<string, Repo>();

  /** Makes a repository's files servable. */
  allow(repo: Repo): void {
    this.repos.set(repo.toplevel, repo);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (!vscode.workspace.isTrusted) return '';
    let query: { root?: unknown; commit?: unknown };
    try {
      query = JSON.parse(uri.query) as { root?: unknown; commit?: unknown };
    } catch {
      return '';
    }
    const repo = typeof query.root === 'string' ? this.repos.get(query.root) : undefined;
    const commit = typeof query.commit === 'string' ? query.commit : '';
    if (!repo || !/^[0-9a-f]{40,64}$/.test(commit)) return '';
    return (await repo.show(commit, uri.path.replace(/^\//, ''))) ?? '';
  }
}
