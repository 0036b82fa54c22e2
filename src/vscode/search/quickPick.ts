import * as vscode from 'vscode';
import type { Feature, ModelHub } from '../api';
import { openLocation } from '../views/openLocation';
import type { NodeLocation } from '../views/viewNode';
import { searchRows, type ResultRow, type SearchTarget } from './results';

export const SEARCH_COMMAND = 'opsbook.search';
const DEBOUNCE_MS = 80;

interface ResultItem extends vscode.QuickPickItem {
  location?: NodeLocation;
}

/** `Opsbook: Search` — a quick pick over every folder's search engine (SPEC §4 syntax), live as you type. Optional argument: the initial query. */
export const activateSearch: Feature = (context, hub) => {
  context.subscriptions.push(
    vscode.commands.registerCommand(SEARCH_COMMAND, (initial?: unknown) => showSearch(hub, typeof initial === 'string' ? initial : '')),
  );
};

function targets(hub: ModelHub): SearchTarget[] {
  return hub.models().map((m) => ({ key: m.folder.uri.toString(), name: m.folder.name, search: m.search }));
}

function toItem(row: ResultRow): ResultItem {
  // The engine has already filtered and ranked: VS Code must neither hide nor re-match rows.
  const item: ResultItem = { label: row.label, iconPath: new vscode.ThemeIcon(row.icon), alwaysShow: true };
  if (row.description) item.description = row.description;
  if (row.detail) item.detail = row.detail;
  if (row.location) item.location = row.location;
  return item;
}

function showSearch(hub: ModelHub, initial: string): void {
  const qp = vscode.window.createQuickPick<ResultItem>();
  qp.title = vscode.l10n.t('Opsbook Search');
  qp.placeholder = vscode.l10n.t('Search: words, "exact phrase", field:value, -field:value, field:>value (e.g. greeting kind:standard)');
  qp.matchOnDescription = false;
  qp.matchOnDetail = false;
  let ready = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = (): void => {
    if (!ready) return;
    const items = searchRows(targets(hub), qp.value).map(toItem);
    qp.items = items;
    const first = items.find((i) => i.location);
    if (first) qp.activeItems = [first];
  };
  const accept = (): void => {
    // Enter pressed within the debounce: answer the query as typed, not the previous one.
    let item = qp.selectedItems[0] ?? qp.activeItems[0];
    if (timer) {
      clearTimeout(timer);
      timer = undefined;
      run();
      item = qp.activeItems[0];
    }
    const loc = item?.location;
    if (!loc) return;
    const uri = hub
      .models()
      .find((m) => m.folder.uri.toString() === loc.folder)
      ?.uriOf(loc.file);
    if (!uri) return;
    qp.hide();
    void openLocation(uri.toString(), loc.line);
  };
  const subscriptions: vscode.Disposable[] = [
    qp.onDidChangeValue(() => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        run();
      }, DEBOUNCE_MS);
    }),
    qp.onDidAccept(accept),
    qp.onDidHide(() => {
      if (timer) clearTimeout(timer);
      for (const d of subscriptions) d.dispose();
      qp.dispose();
    }),
  ];

  qp.busy = true;
  qp.items = [{ label: vscode.l10n.t('Loading the Opsbook workspace…'), iconPath: new vscode.ThemeIcon('loading~spin'), alwaysShow: true }];
  qp.value = initial;
  qp.show();
  const loaded = (): void => {
    ready = true;
    qp.busy = false;
    run();
  };
  hub.ready.then(loaded, loaded);
}
