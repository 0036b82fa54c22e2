import * as vscode from 'vscode';
import { type Anchor, isValidId, LineIndex, type Range as CoreRange } from '../../core';
import type { OpsbookFolder } from '../model/folder';
import type { Hub } from '../model/hub';
import { convert, documentContext, idRange } from './context';
import { recordAt } from './references';
import { OPSBOOK_DOCUMENTS } from './selector';
import { targetAt } from './target';

/** Ids are the company's own (`E001`, `P-0003`, `计划-2026`): a letter or digit of any script first, then no spaces or YAML flow characters. */

/** Renames an id and every reference to it across the folder, as one undoable workspace edit. */
export function registerRename(context: vscode.ExtensionContext, hub: Hub): void {
  context.subscriptions.push(
    vscode.languages.registerRenameProvider(OPSBOOK_DOCUMENTS, {
      prepareRename(document, position) {
        const ctx = documentContext(hub, document);
        const t = ctx && targetAt(ctx, position);
        if (!ctx || !t || !(t.type === 'id' || (t.type === 'reference' && !t.targetField)) || !t.value) {
          throw new Error(vscode.l10n.t('Place the cursor on an id or on a reference to an id to rename it.'));
        }
        return { range: ctx.rangeAt(t.start, t.end), placeholder: t.value };
      },
      provideRenameEdits(document, position, newName) {
        hub.syncAll();
        const ctx = documentContext(hub, document);
        const record = ctx && recordAt(ctx, position);
        if (!ctx || !record) return undefined;
        const name = newName.trim();
        if (!isValidId(name))
          throw new Error(vscode.l10n.t('"{0}" is not a valid id: start with a letter or digit, without spaces, commas, brackets, "#" or ":".', newName));
        if (name === record.id) return new vscode.WorkspaceEdit();
        const ws = ctx.ws;
        const clash = ws.byIdAnyKind(name).find((e) => e.kind === record.kind);
        if (clash) throw new Error(vscode.l10n.t('{0} {1} already exists in {2}.', record.kind, name, clash.file));
        const edit = new vscode.WorkspaceEdit();
        const add = (file: string, range: CoreRange) => {
          const r = unquoted(ctx.folder, file, range);
          edit.replace(ctx.folder.uriOf(file), convert.range(r), name, {
            label: vscode.l10n.t('Rename {0} {1}', record.kind, record.id),
            needsConfirmation: false,
          });
        };
        for (const e of ws.byIdAnyKind(record.id)) if (e.kind === record.kind) add(e.file, idRange(ctx.folder, e));
        for (const r of ws.referencesTo(record.kind, record.id)) if (!r.targetField) add(r.anchor.file, rangeOfValue(ctx.folder, r.anchor));
        return edit;
      },
    }),
  );
}

function rangeOfValue(folder: OpsbookFolder, anchor: Anchor): CoreRange {
  return folder.workspace.rangeOf(anchor);
}

/** A quoted scalar's range includes its quotes; the new id goes between them. */
function unquoted(folder: OpsbookFolder, file: string, range: CoreRange): CoreRange {
  const text = folder.workspace.parsedFile(file)?.text;
  if (!text) return range;
  const lines = new LineIndex(text);
  const start = lines.offset(range.start);
  const end = lines.offset(range.end);
  const q = text[start];
  if ((q === '"' || q === "'") && end - start >= 2 && text[end - 1] === q) {
    return { start: lines.position(start + 1), end: lines.position(end - 1) };
  }
  return range;
}
