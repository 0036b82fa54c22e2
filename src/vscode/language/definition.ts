import * as vscode from 'vscode';
import type { Hub } from '../model/hub';
import { documentContext, entityLocation } from './context';
import { OPSBOOK_DOCUMENTS } from './selector';
import { referencedEntities, targetAt } from './target';

/** A reference jumps to the record it names (an id to itself, so VS Code offers its references). */
export function registerDefinition(context: vscode.ExtensionContext, hub: Hub): void {
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider(OPSBOOK_DOCUMENTS, {
      provideDefinition(document, position) {
        const ctx = documentContext(hub, document);
        if (!ctx) return undefined;
        const t = targetAt(ctx, position);
        if (t?.type === 'reference') {
          const origin = ctx.rangeAt(t.start, t.end);
          return referencedEntities(ctx, t).map((e): vscode.LocationLink => {
            const loc = entityLocation(ctx.folder, e);
            return { originSelectionRange: origin, targetUri: loc.uri, targetRange: loc.range, targetSelectionRange: loc.range };
          });
        }
        if (t?.type === 'id') return entityLocation(ctx.folder, t.entity);
        return undefined;
      },
    }),
  );
}
