import * as vscode from 'vscode';
import { schemaAt, valuesInUse, type VocabularyConfig } from '../../core';
import type { Hub } from '../model/hub';
import { keyItems, valueItems, type ItemSpec, type RefCandidate } from './completionItems';
import { documentContext, type DocContext } from './context';
import { referenceTargetAt, schemaForPath, topEntityBase } from './entityPath';
import { completionSite } from './locate';
import { OPSBOOK_DOCUMENTS } from './selector';
import { splitTarget } from './target';
import { vocabularyAt, vocabularyItems } from './vocabulary';

const KINDS: Record<ItemSpec['kind'], vscode.CompletionItemKind> = {
  field: vscode.CompletionItemKind.Property,
  enum: vscode.CompletionItemKind.EnumMember,
  reference: vscode.CompletionItemKind.Reference,
  value: vscode.CompletionItemKind.Value,
};

/** Field names from the kind's schema, enum values, and ids of the referenced kind. */
export function registerCompletion(context: vscode.ExtensionContext, hub: Hub): void {
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(
      OPSBOOK_DOCUMENTS,
      {
        provideCompletionItems(document, position) {
          const ctx = documentContext(hub, document);
          if (!ctx?.shape) return undefined;
          const offset = ctx.offsetAt(position);
          if (offset === undefined) return undefined;
          const site = completionSite(ctx.yamlText, offset);
          if (!site) return undefined;
          const shape = ctx.shape;
          const specs: ItemSpec[] = [];
          if (site.type === 'key') {
            const base = topEntityBase([...site.mapPath, ''], shape);
            if (base && shape.schema) {
              const rel = site.mapPath.slice(base.length);
              specs.push(...keyItems(schemaAt(shape.schema, rel), site.existing, (k) => schemaAt(shape.schema as Record<string, unknown>, [...rel, k])));
            }
            // Map keys from a vocabulary (channel_prices: { <channel>: price }).
            const keyVocab = vocabularyAt([...site.mapPath, ''], true, shape, (k) => ctx.ws.vocabularyBindings(k));
            if (keyVocab)
              specs.push(
                ...vocabularyItems(keyVocab, inUse(ctx, keyVocab))
                  .filter((s) => !site.existing.includes(s.label))
                  .map((s) => ({ ...s, insertText: `${s.insertText}: ` })),
              );
          } else {
            const node = schemaForPath(site.path, shape);
            const declared = referenceTargetAt(site.path, false, shape, ctx.refs);
            specs.push(...valueItems(node, declared?.target, (t) => candidates(ctx, t)));
            const bindingsOf = (k: string) => ctx.ws.vocabularyBindings(k);
            const vocab = declared ? undefined : vocabularyAt(site.path, false, shape, bindingsOf);
            if (vocab) specs.push(...vocabularyItems(vocab, inUse(ctx, vocab)));
            // An empty list field of vocabulary items (`required_for: `) gets a one-item flow list.
            const itemVocab = declared || vocab ? undefined : vocabularyAt([...site.path, 0], false, shape, bindingsOf);
            if (itemVocab) specs.push(...vocabularyItems(itemVocab, inUse(ctx, itemVocab)).map((s) => ({ ...s, insertText: `[${s.insertText}]` })));
            if (site.newItem && node) specs.push(...keyItems(node, [], (k) => schemaForPath([...site.path, k], shape)));
          }
          if (specs.length === 0) return undefined;
          const range = ctx.rangeAt(site.start, site.end);
          return specs.map((s) => toItem(s, range));
        },
      },
      ':',
      ' ',
      '-',
      '[',
    ),
  );
}

function toItem(s: ItemSpec, range: vscode.Range): vscode.CompletionItem {
  const item = new vscode.CompletionItem(s.label, KINDS[s.kind]);
  item.insertText = s.insertText;
  item.sortText = s.sortText;
  item.range = range;
  if (s.detail) item.detail = s.detail;
  if (s.documentation) item.documentation = new vscode.MarkdownString(s.documentation);
  // Re-open the suggestions for the value right after a field name is inserted.
  if (s.kind === 'field') item.command = { title: vscode.l10n.t('Suggest'), command: 'editor.action.triggerSuggest' };
  return item;
}

function inUse(ctx: DocContext, v: VocabularyConfig): Map<string, number> | undefined {
  return valuesInUse(ctx.ws.config, ctx.ws.entities(), v.name).get(v.name);
}

function candidates(ctx: DocContext, target: string): RefCandidate[] {
  const [kind, field] = splitTarget(target);
  const ws = ctx.ws;
  const entities = ws.entities(kind);
  if (field) {
    const seen = new Map<string, RefCandidate>();
    for (const e of entities) {
      const v = e.data[field];
      if ((typeof v === 'string' || typeof v === 'number') && !seen.has(String(v))) seen.set(String(v), { id: String(v), title: e.title, kind, file: e.file });
    }
    return [...seen.values()];
  }
  return entities.map((e) => ({ id: e.id, title: e.title, kind: e.kind, file: e.file }));
}
