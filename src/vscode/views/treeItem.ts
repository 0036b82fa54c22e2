import * as vscode from 'vscode';
import type { IconSpec } from './viewNode';

/** What every Opsbook tree row has, whichever view builds it (node trees, Changes). */
export interface TreeRow {
  id: string;
  label: string;
  description?: string;
  icon?: IconSpec;
  expanded?: boolean;
  children: readonly unknown[];
}

/** A tooltip as plain text: a bold title, then lines. Document text is never interpreted as markup. */
export function tooltipMarkdown(title: string, lines: readonly string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**');
  md.appendText(title);
  md.appendMarkdown('**');
  lines.forEach((line, i) => {
    md.appendMarkdown(i === 0 ? '\n\n' : '  \n');
    md.appendText(line);
  });
  return md;
}

/**
 * The one conversion of a row into a `TreeItem`: collapsible state, id, description, themed
 * icon, tooltip, the label screen readers read, context value and the command a click runs.
 */
export function treeItem(
  row: TreeRow,
  extra: { tooltip?: { title: string; lines: readonly string[] }; contextValue?: string; command?: vscode.Command },
): vscode.TreeItem {
  const state =
    row.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : row.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(row.label, state);
  item.id = row.id;
  if (row.description) item.description = row.description;
  if (row.icon) item.iconPath = new vscode.ThemeIcon(row.icon.id, row.icon.color ? new vscode.ThemeColor(row.icon.color) : undefined);
  if (extra.tooltip) item.tooltip = tooltipMarkdown(extra.tooltip.title, extra.tooltip.lines);
  item.accessibilityInformation = { label: row.description ? `${row.label}, ${row.description}` : row.label };
  if (extra.contextValue) item.contextValue = extra.contextValue;
  if (extra.command) item.command = extra.command;
  return item;
}
