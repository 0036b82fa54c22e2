import * as vscode from 'vscode';
import { diffWorkspaces, type PackSource } from '../../core';
import type { Feature, FolderModel, ModelHub } from '../api';
import { UriPackSource } from '../host/workspaceFs';
import { openLocationCommand } from '../views/openLocation';
import { BaseCache } from './base';
import { treeItem } from '../views/treeItem';
import { buildChangeGroups, changesCount, type ChangeNode } from './changeTree';
import { fieldLine } from './fieldLine';
import { GIT_SCHEME, GitContentProvider, gitUri } from './gitContent';
import { RepoRegistry } from './registry';
import type { Repo } from './repo';
import { registerHistory } from './timeline';

export const CHANGES_VIEW_ID = 'opsbook.changes';
export const CHANGES_REFRESH_COMMAND = 'opsbook.changes.refresh';
export const CHANGES_CHOOSE_BASE_COMMAND = 'opsbook.changes.chooseBase';
export const CHANGES_OPEN_DIFF_COMMAND = 'opsbook.changes.openDiff';
export const SHOW_CHANGES_COMMAND = 'opsbook.showChanges';
/** Context key for the view's welcome content: untrusted, loading, noFolders, notGit, noCommits, clean, changes, error. */
export const CHANGES_STATE_CONTEXT = 'opsbook.changes.state';
/** workspaceState: `{ [folder uri]: revision }` chosen with "Choose Base…". */
const BASE_STATE_KEY = 'opsbook.changes.base';
/** Edits arrive in bursts: compare once they pause. */
const DEBOUNCE_MS = 500;

type FolderStatus = 'ok' | 'notGit' | 'noCommits' | 'error';

interface FolderResult {
  key: string;
  name: string;
  model: FolderModel;
  status: FolderStatus;
  repo?: Repo;
  /** The base as the user knows it: `origin/main`, `HEAD`, `v1.4`. */
  base?: string;
  commit?: string;
  message?: string;
  count: number;
  groups: ChangeNode[];
}

/**
 * The Changes view: the structured changes of the working tree (as the editor sees it, unsaved
 * edits included) against a base revision, by kind. Runs git only in a trusted workspace.
 */
export const activateChanges: Feature = (context, hub) => {
  const content = new GitContentProvider();
  const repos = new RepoRegistry(content);
  const packs = new Map<string, PackSource>([['ops', new UriPackSource('ops', vscode.Uri.joinPath(context.extensionUri, 'schemas'))]]);
  const tree = new ChangesTree(hub, repos, new BaseCache(() => packs, hub.schemas), context.workspaceState);
  const view = vscode.window.createTreeView(CHANGES_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  tree.attach(view);
  context.subscriptions.push(
    repos,
    tree,
    view,
    vscode.workspace.registerTextDocumentContentProvider(GIT_SCHEME, content),
    hub.onDidChange(() => tree.schedule(DEBOUNCE_MS)),
    repos.onDidChangeRefs(() => tree.schedule(DEBOUNCE_MS)),
    view.onDidChangeVisibility((e) => e.visible && tree.onVisible()),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      repos.clear();
      tree.schedule(0);
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      repos.clear();
      tree.schedule(DEBOUNCE_MS);
    }),
    vscode.commands.registerCommand(CHANGES_REFRESH_COMMAND, () => tree.refreshNow()),
    vscode.commands.registerCommand(CHANGES_CHOOSE_BASE_COMMAND, () => tree.chooseBase()),
    vscode.commands.registerCommand(CHANGES_OPEN_DIFF_COMMAND, (node?: ChangeNode) => tree.openDiff(node)),
    vscode.commands.registerCommand(SHOW_CHANGES_COMMAND, () => vscode.commands.executeCommand(`${CHANGES_VIEW_ID}.focus`)),
  );
  registerHistory(context, hub, repos);
  const start = (): void => tree.start();
  hub.ready.then(start, start);
};

class ChangesTree implements vscode.TreeDataProvider<ChangeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ChangeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: ChangeNode[] = [];
  /** The folder each row belongs to, for its URIs. */
  private owner = new WeakMap<ChangeNode, FolderResult>();
  private view: vscode.TreeView<ChangeNode> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  /** Something changed while the view was hidden: compare when it shows. */
  private stale = true;
  private started = false;
  private disposed = false;

  constructor(
    private readonly hub: ModelHub,
    private readonly repos: RepoRegistry,
    private readonly bases: BaseCache,
    private readonly state: vscode.Memento,
  ) {
    this.setState(vscode.workspace.isTrusted ? 'loading' : 'untrusted');
  }

  attach(view: vscode.TreeView<ChangeNode>): void {
    this.view = view;
  }

  start(): void {
    this.started = true;
    this.schedule(0);
  }

  onVisible(): void {
    if (this.stale) this.schedule(0);
  }

  refreshNow(): void {
    this.bases.clear();
    this.repos.clear();
    this.schedule(0, true);
  }

  /** Compares after `delay` ms; requests made while a comparison runs start one more after it. */
  schedule(delay: number, force = false): void {
    this.stale = true;
    if (!this.started || this.disposed) return;
    if (!force && this.view && !this.view.visible) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.running) {
        this.again = true;
        return;
      }
      this.running = this.run().finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.schedule(0, true);
        }
      });
    }, delay);
  }

  private async run(): Promise<void> {
    this.stale = false;
    if (!vscode.workspace.isTrusted) {
      this.publish([], 'untrusted');
      return;
    }
    const results: FolderResult[] = [];
    for (const model of this.hub.models()) results.push(await this.compare(model));
    if (this.disposed) return;
    this.publish(results);
  }

  private async compare(model: FolderModel): Promise<FolderResult> {
    const key = model.folder.uri.toString();
    const r: FolderResult = { key, name: model.folder.name, model, status: 'ok', count: 0, groups: [] };
    try {
      const repo = await this.repos.forFolder(model.folder);
      if (!repo) return { ...r, status: 'notGit' };
      r.repo = repo;
      if (!(await repo.hasCommits())) return { ...r, status: 'noCommits' };
      const chosen = this.chosenBase(key);
      const base = chosen ?? (await repo.upstream()) ?? 'HEAD';
      r.base = base;
      r.commit = await repo.resolve(base);
      const loaded = await this.bases.load(model, repo, r.commit);
      const live = model.workspace;
      if (live.configProblems.length > 0)
        return {
          ...r,
          status: 'error',
          message: vscode.l10n.t('the configuration has problems ({0}): fix them to compare', live.configProblems[0]?.message ?? ''),
        };
      // The live engine already holds unsaved edits: this is the working tree as the editor shows it.
      const diff = diffWorkspaces(loaded.workspace, live);
      r.count = diff.changes.length;
      r.groups = buildChangeGroups(key, diff);
      if (loaded.borrowedConfig) r.message = vscode.l10n.t("the base's {0} could not be loaded: read with the working tree's configuration", 'opsbook.yaml');
    } catch (err) {
      r.status = 'error';
      r.message = err instanceof Error ? err.message : String(err);
    }
    return r;
  }

  private publish(results: FolderResult[], forced?: string): void {
    this.owner = new WeakMap();
    const shown = results.filter((r) => r.status !== 'notGit');
    let roots: ChangeNode[];
    if (shown.length <= 1) {
      const r = shown[0];
      roots = r ? (r.status === 'error' ? [errorRow(r)] : r.groups) : [];
      if (r) this.own(r, roots);
    } else {
      roots = shown.map((r) => {
        const children = r.status === 'error' ? [errorRow(r)] : r.groups;
        const row: ChangeNode = {
          id: `${r.key}#changesFolder`,
          label: r.name,
          description: folderDescription(r),
          icon: { id: 'root-folder' },
          expanded: true,
          children,
        };
        this.own(r, [row]);
        return row;
      });
    }
    this.roots = roots;
    if (this.view) {
      const single = shown.length === 1 ? shown[0] : undefined;
      this.view.description = single?.base ? vscode.l10n.t('vs {0}', single.base) : undefined;
      this.view.message = single?.message && single.status === 'ok' ? vscode.l10n.t('Note: {0}', single.message) : undefined;
    }
    this.setState(forced ?? overallState(results));
    this.changed.fire(undefined);
  }

  private own(r: FolderResult, nodes: ChangeNode[]): void {
    for (const n of nodes) {
      this.owner.set(n, r);
      this.own(r, n.children);
    }
  }

  private setState(state: string): void {
    void vscode.commands.executeCommand('setContext', CHANGES_STATE_CONTEXT, state);
  }

  getChildren(node?: ChangeNode): ChangeNode[] {
    return node ? node.children : this.roots;
  }

  getTreeItem(node: ChangeNode): vscode.TreeItem {
    const target = this.target(node);
    return treeItem(node, {
      ...(node.tooltip ? { tooltip: node.tooltip } : {}),
      ...(node.contextValue ? { contextValue: node.contextValue } : {}),
      ...(target ? { command: openLocationCommand(target.uri, target.line) } : {}),
    });
  }

  /** Where a row opens: the live file at the entity (or field) line, or the base version of a removed one. */
  private target(node: ChangeNode): { uri: vscode.Uri; line: number } | undefined {
    const r = this.owner.get(node);
    const loc = node.location;
    if (!r || !loc) return undefined;
    if (loc.side === 'base') return r.repo && r.commit ? { uri: gitUri(r.repo, r.commit, r.repo.repoPath(loc.file)), line: loc.line } : undefined;
    let line = loc.line;
    if (node.field) {
      try {
        line = fieldLine(r.model.workspace, node.field) ?? line;
      } catch {
        // The folder is reloading: the entity's line will do.
      }
    }
    return { uri: r.model.uriOf(loc.file), line };
  }

  /** "Open Changes" on an entity: its file at the base beside the working tree's. */
  async openDiff(node: ChangeNode | undefined): Promise<void> {
    const r = node && this.owner.get(node);
    if (!node?.files || !r?.repo || !r.commit) return;
    const repo = r.repo;
    const left = gitUri(repo, r.commit, repo.repoPath(node.files.base));
    const headFile = node.files.head;
    const right = headFile && r.model.workspace.parsedFile(headFile) ? r.model.uriOf(headFile) : gitUri(repo, undefined, repo.repoPath(node.files.base));
    const name = (headFile ?? node.files.base).split('/').pop() ?? '';
    const line = node.location?.side === 'head' ? node.location.line : 1;
    const pos = new vscode.Position(Math.max(0, line - 1), 0);
    await vscode.commands.executeCommand('vscode.diff', left, right, vscode.l10n.t('{0} ({1} ↔ working tree)', name, r.base ?? vscode.l10n.t('base')), {
      selection: new vscode.Range(pos, pos),
      preview: true,
    });
  }

  private chosenBase(folderKey: string): string | undefined {
    const v = this.state.get<Record<string, string>>(BASE_STATE_KEY)?.[folderKey];
    return typeof v === 'string' && v ? v : undefined;
  }

  /** Picks the base revision of a folder: a branch, remote branch or tag, or any revision typed in. */
  async chooseBase(): Promise<void> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Opsbook: structured changes need a trusted workspace (git can run commands from a repository’s configuration).'),
      );
      return;
    }
    const folders: { model: FolderModel; repo: Repo }[] = [];
    for (const model of this.hub.models()) {
      const repo = await this.repos.forFolder(model.folder).catch(() => undefined);
      if (repo) folders.push({ model, repo });
    }
    if (folders.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Opsbook: no Opsbook folder of this workspace is in a git repository.'));
      return;
    }
    let target = folders[0] as { model: FolderModel; repo: Repo };
    if (folders.length > 1) {
      const pick = await vscode.window.showQuickPick(
        folders.map((f) => ({ label: f.model.folder.name, f })),
        { placeHolder: vscode.l10n.t('Folder whose base to choose') },
      );
      if (!pick) return;
      target = pick.f;
    }
    const key = target.model.folder.uri.toString();
    const rev = await pickRevision(target.repo, this.chosenBase(key));
    if (rev === undefined) return;
    if (rev !== '') {
      try {
        await target.repo.resolve(rev);
      } catch (err) {
        void vscode.window.showErrorMessage(`Opsbook: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
    }
    const all = { ...(this.state.get<Record<string, string>>(BASE_STATE_KEY) ?? {}) };
    if (rev === '') delete all[key];
    else all[key] = rev;
    await this.state.update(BASE_STATE_KEY, all);
    this.schedule(0, true);
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }
}

interface RevisionItem extends vscode.QuickPickItem {
  rev: string;
}

/** A quick pick of refs plus free text; resolves to the revision, `''` for the default, undefined when cancelled. */
async function pickRevision(repo: Repo, current: string | undefined): Promise<string | undefined> {
  const refs = await repo.refs().catch(() => []);
  const fixed: RevisionItem[] = [
    { label: `$(discard) ${vscode.l10n.t('Default')}`, description: vscode.l10n.t('the upstream branch, else HEAD'), rev: '' },
    { label: 'HEAD', description: vscode.l10n.t('the last commit'), rev: 'HEAD' },
    ...refs.map((r) => ({
      label: r.name,
      description: r.kind === 'branch' ? vscode.l10n.t('branch') : r.kind === 'remote' ? vscode.l10n.t('remote branch') : vscode.l10n.t('tag'),
      rev: r.name,
    })),
  ];
  if (current) for (const i of fixed) if (i.rev === current) i.detail = vscode.l10n.t('current base');
  const qp = vscode.window.createQuickPick<RevisionItem>();
  qp.title = vscode.l10n.t('Opsbook: Compare the Working Tree With…');
  qp.placeholder = vscode.l10n.t('A branch, tag or any revision (commit id, HEAD~3, origin/main…)');
  qp.items = fixed;
  qp.matchOnDescription = true;
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: string | undefined): void => {
      if (done) return;
      done = true;
      resolve(v);
      qp.dispose();
    };
    qp.onDidChangeValue((value) => {
      const v = value.trim();
      qp.items =
        v && !fixed.some((i) => i.rev === v) ? [{ label: v, description: vscode.l10n.t('use this revision'), rev: v, alwaysShow: true }, ...fixed] : fixed;
    });
    qp.onDidAccept(() => {
      const picked = qp.selectedItems[0] ?? qp.activeItems[0];
      finish(picked ? picked.rev : qp.value.trim() || undefined);
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

function errorRow(r: FolderResult): ChangeNode {
  return {
    id: `${r.key}#changesError`,
    label: r.base ? vscode.l10n.t('Could not compare with {0}', r.base) : vscode.l10n.t('Could not compare'),
    description: r.message ?? '',
    icon: { id: 'error', color: 'errorForeground' },
    tooltip: { title: vscode.l10n.t('Could not compare'), lines: [r.message ?? '', vscode.l10n.t('Choose another base with “Choose Base…”, or fetch it.')] },
    children: [],
  };
}

function folderDescription(r: FolderResult): string {
  switch (r.status) {
    case 'noCommits':
      return vscode.l10n.t('no commits yet');
    case 'error':
      return vscode.l10n.t('could not compare');
    default:
      return `${r.count === 0 ? vscode.l10n.t('no changes') : changesCount(r.count)} · ${vscode.l10n.t('vs {0}', r.base ?? 'HEAD')}`;
  }
}

function overallState(results: readonly FolderResult[]): string {
  if (results.length === 0) return 'noFolders';
  if (results.some((r) => r.status === 'error')) return 'error';
  if (results.some((r) => r.count > 0)) return 'changes';
  if (results.some((r) => r.status === 'ok')) return 'clean';
  if (results.some((r) => r.status === 'noCommits')) return 'noCommits';
  return 'notGit';
}
