import * as vscode from 'vscode';
import type { FolderModel, ModelHub } from '../api';
import { openLocationCommand } from './openLocation';
import { treeItem } from './treeItem';
import type { FolderInput, NodeLocation, ViewNode } from './viewNode';

/** Context key set once the models have loaded: `viewsWelcome` says "loading" until then, "no plans" after. */
export const VIEWS_READY_CONTEXT = 'opsbook.views.ready';
const REFRESH_DELAY_MS = 150;

/**
 * A tree over `ViewNode`s that a pure builder makes from the folder models. The forest is
 * rebuilt lazily after a (debounced) change; stable node ids keep expansion and selection.
 */
export class NodeTree implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: ViewNode[] | undefined;
  private models = new Map<string, FolderModel>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;

  constructor(
    private readonly hub: ModelHub,
    private readonly build: (folders: readonly FolderInput[]) => ViewNode[],
  ) {
    const loaded = (): void => {
      this.ready = true;
      void vscode.commands.executeCommand('setContext', VIEWS_READY_CONTEXT, true);
      this.refresh(0);
    };
    // A failed load still ends "loading": the hub reports its own errors.
    hub.ready.then(loaded, loaded);
  }

  /** Rebuilds after `delay` ms; calls within the delay are merged. */
  refresh(delay = REFRESH_DELAY_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.roots = undefined;
      this.changed.fire(undefined);
    }, delay);
  }

  /** The current forest, built on demand. */
  current(): ViewNode[] {
    if (!this.ready) return [];
    if (!this.roots) this.roots = this.rebuild();
    return this.roots;
  }

  private rebuild(): ViewNode[] {
    const models = this.hub.models();
    this.models = new Map(models.map((m) => [m.folder.uri.toString(), m]));
    try {
      return this.build(models.map((m) => ({ key: m.folder.uri.toString(), name: m.folder.name, workspace: m.workspace })));
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return [
        {
          id: 'opsbook#error',
          label: vscode.l10n.t('This view could not be built'),
          description: message,
          icon: { id: 'error', color: 'errorForeground' },
          children: [],
        },
      ];
    }
  }

  uriOf(loc: NodeLocation): vscode.Uri | undefined {
    return this.models.get(loc.folder)?.uriOf(loc.file);
  }

  getChildren(node?: ViewNode): ViewNode[] {
    return node ? node.children : this.current();
  }

  getParent(node: ViewNode): ViewNode | undefined {
    return node.parent;
  }

  getTreeItem(node: ViewNode): vscode.TreeItem {
    const uri = node.location && this.uriOf(node.location);
    return treeItem(node, {
      ...(node.tooltip ? { tooltip: { title: node.tooltip.title, lines: node.tooltip.rows.map(([label, value]) => `${label}: ${value}`) } } : {}),
      contextValue: node.entity ? `opsbook.entity.${node.entity.kind}` : node.register ? 'opsbook.register' : 'opsbook.group',
      ...(uri && node.location ? { command: openLocationCommand(uri, node.location.line) } : {}),
    });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.changed.dispose();
  }
}

/** Creates the tree view for `viewId`, refreshing on model changes; everything goes into `context.subscriptions`. */
export function createNodeView(
  context: vscode.ExtensionContext,
  hub: ModelHub,
  viewId: string,
  build: (folders: readonly FolderInput[]) => ViewNode[],
): { tree: NodeTree; view: vscode.TreeView<ViewNode> } {
  const tree = new NodeTree(hub, build);
  const view = vscode.window.createTreeView(viewId, { treeDataProvider: tree, showCollapseAll: true });
  context.subscriptions.push(
    tree,
    view,
    hub.onDidChange(() => tree.refresh()),
  );
  return { tree, view };
}
