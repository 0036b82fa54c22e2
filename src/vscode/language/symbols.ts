import * as vscode from 'vscode';
import type { Entity } from '../../core';
import type { OpsbookFolder } from '../model/folder';
import type { Hub } from '../model/hub';
import { convert, documentContext, entityLocation, idRange } from './context';
import { YamlLocator } from './locate';
import { matchScore } from './symbolMatch';
import { OPSBOOK_DOCUMENTS } from './selector';

const SYMBOL_KINDS: Record<string, vscode.SymbolKind> = {
  plan: vscode.SymbolKind.Namespace,
  objective: vscode.SymbolKind.Class,
  kpi: vscode.SymbolKind.Number,
  initiative: vscode.SymbolKind.Event,
  milestone: vscode.SymbolKind.Event,
  project: vscode.SymbolKind.Package,
  partner: vscode.SymbolKind.Interface,
  person: vscode.SymbolKind.Constructor,
  region: vscode.SymbolKind.Module,
  course: vscode.SymbolKind.Method,
  product: vscode.SymbolKind.Constant,
  inventory: vscode.SymbolKind.Array,
  expense: vscode.SymbolKind.Field,
  standard: vscode.SymbolKind.File,
  brand: vscode.SymbolKind.File,
};

export const symbolKind = (kind: string): vscode.SymbolKind => SYMBOL_KINDS[kind] ?? vscode.SymbolKind.Object;

/** The file's entities with their nested entities (plan → objectives → KPIs, initiatives). */
export function registerDocumentSymbols(context: vscode.ExtensionContext, hub: Hub): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(
      OPSBOOK_DOCUMENTS,
      {
        provideDocumentSymbols(document) {
          const ctx = documentContext(hub, document);
          if (!ctx) return undefined;
          const ws = ctx.ws;
          const parsed = ws.parsedFile(ctx.rel);
          if (!parsed) return undefined;
          const whole = new vscode.Range(0, 0, document.lineCount, 0);
          const symbols = new Map<Entity, vscode.DocumentSymbol>();
          const roots: vscode.DocumentSymbol[] = [];
          const locator = new YamlLocator(parsed.yamlText);
          for (const e of ws.entitiesIn(ctx.rel)) {
            const selection = convert.range(idRange(ctx.folder, e));
            let range = whole;
            if (e.path.length > 0 || parsed.format !== 'markdown') {
              const span = locator.nodeSpan(e.doc, e.path);
              if (span) range = ctx.rangeAt(span.start, span.end);
            }
            if (!range.contains(selection)) range = range.union(selection);
            const sym = new vscode.DocumentSymbol(e.id, e.title !== e.id ? e.title : e.kind, symbolKind(e.kind), range, selection);
            symbols.set(e, sym);
            const parent = e.parent && symbols.get(e.parent);
            if (parent) parent.children.push(sym);
            else roots.push(sym);
          }
          return roots;
        },
      },
      { label: 'Opsbook' },
    ),
  );
}

const MAX_WORKSPACE_SYMBOLS = 256;

/** Ctrl+T: any entity by id or title, in every Opsbook folder. */
export function registerWorkspaceSymbols(context: vscode.ExtensionContext, hub: Hub): void {
  context.subscriptions.push(
    vscode.languages.registerWorkspaceSymbolProvider({
      provideWorkspaceSymbols(query) {
        const q = query.trim().toLowerCase();
        const hits: { folder: OpsbookFolder; e: Entity; score: number }[] = [];
        for (const folder of hub.allFolders()) {
          if (!folder.loaded) continue;
          for (const e of folder.workspace.entities()) {
            const score = matchScore(q, e.id, e.title);
            if (score > 0) hits.push({ folder, e, score });
          }
        }
        hits.sort((a, b) => b.score - a.score || a.e.id.localeCompare(b.e.id));
        return hits.slice(0, MAX_WORKSPACE_SYMBOLS).map(({ folder, e }) => {
          const name = e.title && e.title !== e.id ? `${e.id} ${e.title}` : e.id;
          return new vscode.SymbolInformation(name, symbolKind(e.kind), `${e.kind} · ${e.file}`, entityLocation(folder, e));
        });
      },
    }),
  );
}
