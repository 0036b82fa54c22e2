import * as vscode from 'vscode';
import type { GitContentProvider } from './gitContent';
import { Repo } from './repo';

/** Git's own bookkeeping files that move when HEAD, a branch or a tag moves (commit, checkout, fetch). */
const REF_FILES = '{HEAD,ORIG_HEAD,FETCH_HEAD,packed-refs,refs/**}';
const REF_EVENT_DELAY_MS = 300;

/**
 * The git repository of each workspace folder, opened once and only in a trusted workspace,
 * with a watcher on its refs so views know when HEAD or a branch moved.
 */
export class RepoRegistry implements vscode.Disposable {
  private readonly repos = new Map<string, Promise<Repo | undefined>>();
  private readonly watchers = new Map<string, vscode.Disposable[]>();
  private readonly refsChanged = new vscode.EventEmitter<Repo>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Fires (debounced) when HEAD or a ref of a repository changed. */
  readonly onDidChangeRefs = this.refsChanged.event;

  constructor(private readonly content: GitContentProvider) {}

  /** The folder's repository; undefined when untrusted, not on disk or not in a repository. Rejects when git fails. */
  forFolder(folder: vscode.WorkspaceFolder): Promise<Repo | undefined> {
    if (!vscode.workspace.isTrusted || folder.uri.scheme !== 'file') return Promise.resolve(undefined);
    const key = folder.uri.toString();
    let p = this.repos.get(key);
    if (!p) {
      p = Repo.open(folder.uri.fsPath).then((repo) => {
        if (repo) this.adopt(repo);
        return repo;
      });
      p.catch(() => this.repos.delete(key));
      this.repos.set(key, p);
    }
    return p;
  }

  private adopt(repo: Repo): void {
    this.content.allow(repo);
    if (this.watchers.has(repo.toplevel)) return;
    const list: vscode.Disposable[] = [];
    const fire = (): void => {
      clearTimeout(this.timers.get(repo.toplevel));
      this.timers.set(
        repo.toplevel,
        setTimeout(() => {
          this.timers.delete(repo.toplevel);
          this.refsChanged.fire(repo);
        }, REF_EVENT_DELAY_MS),
      );
    };
    for (const dir of repo.gitDirs) {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(dir), REF_FILES));
      list.push(w, w.onDidChange(fire), w.onDidCreate(fire), w.onDidDelete(fire));
    }
    this.watchers.set(repo.toplevel, list);
  }

  /** Opens repositories again (a folder was added or removed, or git was installed). */
  clear(): void {
    this.repos.clear();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const list of this.watchers.values()) for (const d of list) d.dispose();
    this.watchers.clear();
    this.refsChanged.dispose();
  }
}
