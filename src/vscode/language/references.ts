import * as vscode from 'vscode';
import type { Hub } from '../model/hub';
import { convert, documentContext, entityLocation, type DocContext } from './context';
import { OPSBOOK_DOCUMENTS } from './selector';
import { targetAt } from './target';

/** Every value in the workspace that names the record under the cursor (its id or a reference to it). */
export function registerReferences(context: vscode.ExtensionContext, hub: Hub): void {
  context.subscriptions.push(
    vscode.languages.registerReferenceProvider(OPSBOOK_DOCUMENTS, {
      provideReferences(document, position, refContext) {
        hub.syncAll();
        const ctx = documentContext(hub, document);
        if (!ctx) return undefined;
        const key = recordAt(ctx, position);
        if (!key) return undefined;
        return referenceLocations(ctx, key.kind, key.id, refContext.includeDeclaration);
      },
    }),
  );
}

/** The record (kind and id) the cursor names: an id, or a reference by id. */
export function recordAt(ctx: DocContext, position: vscode.Position): { kind: string; id: string } | undefined {
  const t = targetAt(ctx, position);
  if (t?.type === 'id') return { kind: t.entity.kind, id: t.entity.id };
  if (t?.type === 'reference' && !t.targetField && t.value) return { kind: t.targetKind, id: t.value };
  return undefined;
}

export function referenceLocations(ctx: DocContext, kind: string, id: string, includeDeclaration: boolean): vscode.Location[] {
  const ws = ctx.ws;
  const out: vscode.Location[] = [];
  if (includeDeclaration) for (const e of ws.byIdAnyKind(id)) if (e.kind === kind) out.push(entityLocation(ctx.folder, e));
  for (const r of ws.referencesTo(kind, id)) {
    if (r.targetField) continue;
    out.push(new vscode.Location(ctx.folder.uriOf(r.anchor.file), convert.range(ws.rangeOf(r.anchor))));
  }
  return out;
}
