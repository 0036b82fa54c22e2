import * as vscode from 'vscode';
import type { FolderModel, ModelHub } from '../api';
import { gitUri } from './gitContent';
import { diffDocument, summarizeDocumentDiff, summaryLine, type LogEntry } from './historyModel';
import type { RepoRegistry } from './registry';
import type { Repo } from './repo';

/*
 * Per-document history. VS Code's Timeline API (`registerTimelineProvider`) is still a proposed
 * API (not in @types/vscode 1.100, and unavailable to published extensions), so the history is
 * a tree view of the Opsbook container that follows the active editor, like the Timeline does.
 */

export const HISTORY_VIEW_ID = 'opsbook.history';
export const HISTORY_REFRESH_COMMAND = 'opsbook.history.refresh';
export const HISTORY_OPEN_DIFF_COMMAND = 'opsbook.history.openDiff';
/** Context key for the welcome content: untrusted, none, notGit, empty, entries, error. */
export const HISTORY_STATE_CONTEXT = 'opsbook.history.state';
/** Commits listed per document. */
const MAX_COMMITS = 50;
/** Commits whose summaries are computed at the same time. */
const CONCURRENCY = 3;
const WORKING_TREE_DELAY_MS = 500;

interface Target {
  model: FolderModel;
  rel: string;
  uri: vscode.Uri;
}

interface EntryNode {
  type: 'entry';
  id: string;
  /** Undefined for the working tree entry (uncommitted changes). */
  entry?: LogEntry;
  repo: Repo;
  target: Target;
  phrases?: string[];
  error?: string;
}

interface PhraseNode {
  type: 'phrase';
  id: string;
  label: string;
  parent: EntryNode;
}

type HistoryNode = EntryNode | PhraseNode;

/** The History view and its commands; everything goes into `context.subscriptions`. */
export function registerHistory(context: vscode.ExtensionContext, hub: ModelHub, repos: RepoRegistry): void {
  const tree = new HistoryTree(hub, repos);
  const view = vscode.window.createTreeView(HISTORY_VIEW_ID, { treeDataProvider: tree });
  tree.attach(view);
  let wtTimer: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push(
    tree,
    view,
    vscode.window.onDidChangeActiveTextEditor((e) => tree.follow(e)),
    view.onDidChangeVisibility((e) => e.visible && tree.onVisible()),
    repos.onDidChangeRefs(() => tree.reload()),
    hub.onDidChange((m) => {
      if (wtTimer) clearTimeout(wtTimer);
      wtTimer = setTimeout(() => tree.workingTreeChanged(m), WORKING_TREE_DELAY_MS);
    }),
    { dispose: () => wtTimer && clearTimeout(wtTimer) },
    vscode.workspace.onDidGrantWorkspaceTrust(() => tree.reload()),
    vscode.commands.registerCommand(HISTORY_REFRESH_COMMAND, () => tree.reload(true)),
    vscode.commands.registerCommand(HISTORY_OPEN_DIFF_COMMAND, (node?: HistoryNode) => tree.openDiff(node)),
  );
  const start = (): void => tree.follow(vscode.window.activeTextEditor);
  hub.ready.then(start, start);
}

class HistoryTree implements vscode.TreeDataProvider<HistoryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<HistoryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private view: vscode.TreeView<HistoryNode> | undefined;
  private target: Target | undefined;
  private nodes: EntryNode[] = [];
  /** The uncommitted changes of the document; listed only while it differs from HEAD. */
  private wt: EntryNode | undefined;
  private wtListed = false;
  /** A reload was skipped while the view was hidden. */
  private stale = false;
  /** Summaries by commit and path: a commit never changes. */
  private readonly summaries = new Map<string, Promise<string[]>>();
  /** Bumped by every reload: background work for an older list stops. */
  private generation = 0;

  constructor(
    private readonly hub: ModelHub,
    private readonly repos: RepoRegistry,
  ) {
    this.setState(vscode.workspace.isTrusted ? 'none' : 'untrusted');
  }

  attach(view: vscode.TreeView<HistoryNode>): void {
    this.view = view;
  }

  /** Shows the history of the active editor's document when it is an Opsbook document (other editors keep the last one). */
  follow(editor: vscode.TextEditor | undefined): void {
    const uri = editor?.document.uri;
    if (!uri || uri.scheme !== 'file') return;
    const model = this.hub.modelFor(uri);
    const rel = model?.relativePath(uri);
    if (!model || rel === undefined || !model.workspace.parsedFile(rel)) return;
    if (this.target && this.target.uri.toString() === uri.toString()) return;
    this.target = { model, rel, uri };
    if (this.view) this.view.description = rel;
    void this.reload();
  }

  async reload(force = false): Promise<void> {
    const generation = ++this.generation;
    if (force) this.summaries.clear();
    this.wt = undefined;
    this.wtListed = false;
    const target = this.target;
    if (!vscode.workspace.isTrusted) return this.show([], 'untrusted');
    if (!target) return this.show([], 'none');
    if (this.view && !this.view.visible) {
      this.stale = true;
      return;
    }
    this.stale = false;
    let repo: Repo | undefined;
    let entries: LogEntry[];
    try {
      repo = await this.repos.forFolder(target.model.folder);
      if (!repo) return this.show([], 'notGit');
      entries = (await repo.hasCommits()) ? await repo.log(repo.repoPath(target.rel), MAX_COMMITS) : [];
    } catch (err) {
      if (generation === this.generation) this.show([], 'error', err instanceof Error ? err.message : String(err));
      return;
    }
    if (generation !== this.generation) return;
    const r = repo;
    const nodes: EntryNode[] = entries.map((entry) => ({ type: 'entry', id: `${target.uri.toString()}#${entry.commit}`, entry, repo: r, target }));
    this.wt = { type: 'entry', id: `${target.uri.toString()}#working-tree`, repo: r, target };
    this.wtListed = false;
    this.show(nodes, nodes.length > 0 ? 'entries' : 'empty');
    await this.summarize([this.wt, ...nodes], generation);
  }

  onVisible(): void {
    if (this.stale) void this.reload();
    else this.follow(vscode.window.activeTextEditor);
  }

  /** Recomputes the working tree entry after an edit in the followed document's folder. */
  async workingTreeChanged(model: FolderModel): Promise<void> {
    const wt = this.wt;
    if (!wt || wt.target.model !== model || this.view?.visible === false) return;
    await this.fill(wt, this.generation);
  }

  private show(nodes: EntryNode[], state: string, message?: string): void {
    this.nodes = nodes;
    this.setState(state);
    if (this.view) this.view.message = message ? vscode.l10n.t('Could not read the history: {0}', message) : undefined;
    this.changed.fire(undefined);
  }

  private setState(state: string): void {
    void vscode.commands.executeCommand('setContext', HISTORY_STATE_CONTEXT, state);
  }

  /** Computes the summaries, newest first, a few at a time. */
  private async summarize(nodes: EntryNode[], generation: number): Promise<void> {
    const queue = [...nodes];
    const worker = async (): Promise<void> => {
      while (queue.length > 0 && generation === this.generation) await this.fill(queue.shift() as EntryNode, generation);
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }

  private async fill(node: EntryNode, generation: number): Promise<void> {
    try {
      node.phrases = await this.phrasesOf(node);
      delete node.error;
    } catch (err) {
      node.error = err instanceof Error ? err.message : String(err);
    }
    if (generation !== this.generation) return;
    if (node === this.wt) {
      const listed = node.error !== undefined || (node.phrases?.length ?? 0) > 0;
      if (listed !== this.wtListed) {
        this.wtListed = listed;
        this.changed.fire(undefined);
        return;
      }
      if (listed) this.changed.fire(node);
      return;
    }
    if (this.nodes.includes(node)) this.changed.fire(node);
  }

  private phrasesOf(node: EntryNode): Promise<string[]> {
    const { repo, target, entry } = node;
    const live = target.model.workspace;
    if (!entry) {
      // Uncommitted: HEAD's version against the text the editor shows.
      return (async () => {
        const head = await repo.revParseHead();
        const before = head ? await repo.show(head, repo.repoPath(target.rel)) : undefined;
        const after = live.parsedFile(target.rel)?.text;
        if (before === after) return [];
        return summarizeDocumentDiff(diffDocument(live.config, live.todayDate, target.rel, before, after));
      })();
    }
    const key = `${entry.commit}\u0000${entry.path}`;
    let p = this.summaries.get(key);
    if (!p) {
      p = (async () => {
        const after = entry.status === 'D' ? undefined : await repo.show(entry.commit, entry.path);
        const before = entry.parent && entry.parentPath ? await repo.show(entry.parent, entry.parentPath) : undefined;
        // Both sides are read under one path: kinds follow the path, a rename is not a change of content.
        const rel = repo.folderPath(entry.path) ?? target.rel;
        const phrases = summarizeDocumentDiff(diffDocument(live.config, live.todayDate, rel, before, after));
        if (entry.parentPath && entry.parentPath !== entry.path) phrases.unshift(vscode.l10n.t('renamed from {0}', entry.parentPath));
        return phrases;
      })();
      p.catch(() => this.summaries.delete(key));
      this.summaries.set(key, p);
    }
    return p;
  }

  getChildren(node?: HistoryNode): HistoryNode[] {
    if (!node) return this.wt && this.wtListed ? [this.wt, ...this.nodes] : this.nodes;
    if (node.type !== 'entry' || !node.phrases || node.phrases.length < 2) return [];
    return node.phrases.map((label, i) => ({ type: 'phrase', id: `${node.id}/${i}`, label, parent: node }));
  }

  getParent(node: HistoryNode): HistoryNode | undefined {
    return node.type === 'phrase' ? node.parent : undefined;
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    if (node.type === 'phrase') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.command = this.diffCommand(node.parent);
      return item;
    }
    const e = node.entry;
    const many = node.phrases === undefined || node.phrases.length > 1;
    const item = new vscode.TreeItem(
      e ? e.subject || vscode.l10n.t('(no subject)') : vscode.l10n.t('Uncommitted changes'),
      many ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = node.id;
    item.description = node.error ? vscode.l10n.t('could not compare: {0}', node.error) : node.phrases ? summaryLine(node.phrases) : '…';
    item.iconPath = new vscode.ThemeIcon(e ? 'git-commit' : 'edit');
    item.contextValue = 'opsbook.historyEntry';
    const md = new vscode.MarkdownString();
    if (e) {
      md.appendMarkdown('**');
      md.appendText(e.subject);
      md.appendMarkdown('**\n\n');
      md.appendText(`${e.commit.slice(0, 8)} · ${e.author} · ${e.date.slice(0, 16).replace('T', ' ')}`);
    } else {
      md.appendMarkdown(vscode.l10n.t('**Uncommitted changes** (against HEAD)'));
    }
    for (const p of node.phrases ?? []) {
      md.appendMarkdown('  \n');
      md.appendText(`• ${p}`);
    }
    item.tooltip = md;
    item.accessibilityInformation = { label: `${typeof item.label === 'string' ? item.label : ''}, ${String(item.description)}` };
    item.command = this.diffCommand(node);
    return item;
  }

  private diffCommand(node: EntryNode): vscode.Command {
    return { command: HISTORY_OPEN_DIFF_COMMAND, title: vscode.l10n.t('Open Changes'), arguments: [node] };
  }

  /** The document before and after a commit side by side (or HEAD against the working tree). */
  async openDiff(node: HistoryNode | undefined): Promise<void> {
    const n = node?.type === 'phrase' ? node.parent : node;
    if (!n) return;
    const { repo, target, entry } = n;
    const name = target.rel.split('/').pop() ?? target.rel;
    if (!entry) {
      const head = await repo.revParseHead();
      await vscode.commands.executeCommand(
        'vscode.diff',
        gitUri(repo, head, repo.repoPath(target.rel)),
        target.uri,
        vscode.l10n.t('{0} (HEAD ↔ working tree)', name),
      );
      return;
    }
    const left = gitUri(repo, entry.parentPath ? entry.parent : undefined, entry.parentPath ?? entry.path);
    const right = gitUri(repo, entry.status === 'D' ? undefined : entry.commit, entry.path);
    await vscode.commands.executeCommand('vscode.diff', left, right, `${name} (${entry.commit.slice(0, 7)}: ${entry.subject})`, { preview: true });
  }

  dispose(): void {
    this.generation++;
    this.changed.dispose();
  }
}
