import * as vscode from 'vscode';
import type { Entity } from '../../core';
import type { Hub } from '../model/hub';
import { documentContext, idRange, type DocContext } from './context';
import { kpiHover } from './kpiHover';
import { fieldDocs } from './schemaInfo';
import { OPSBOOK_DOCUMENTS } from './selector';
import { referencedEntities, targetAt } from './target';
import { vocabularyAt, vocabularyHover } from './vocabulary';

/** Field names show their schema documentation; references show the record they name. */
export function registerHover(context: vscode.ExtensionContext, hub: Hub): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(OPSBOOK_DOCUMENTS, {
      provideHover(document, position) {
        const ctx = documentContext(hub, document);
        if (!ctx) return undefined;
        const t = targetAt(ctx, position);
        if (!t) return undefined;
        const range = ctx.rangeAt(t.start, t.end);
        const md = new vscode.MarkdownString();
        md.supportThemeIcons = true;
        switch (t.type) {
          case 'key': {
            const vocab = ctx.shape && vocabularyAt(t.path, true, ctx.shape, (k) => ctx.ws.vocabularyBindings(k));
            if (vocab) md.appendMarkdown(vocabularyHover(vocab, t.name) + (t.schema ? '\n\n---\n\n' : ''));
            if (t.schema) md.appendMarkdown(fieldDocs(t.name, t.schema));
            if (!vocab && !t.schema) return undefined;
            break;
          }
          case 'reference': {
            const targets = referencedEntities(ctx, t);
            if (targets.length === 0) {
              const value = `\`${escape(t.value)}\``;
              md.appendMarkdown(
                `$(warning) ${
                  t.targetField
                    ? vscode.l10n.t('No {0} with {1} {2} in this workspace.', t.targetKind, t.targetField, value)
                    : vscode.l10n.t('No {0} {1} in this workspace.', t.targetKind, value)
                }`,
              );
              break;
            }
            for (const e of targets.slice(0, 3)) md.appendMarkdown(describeEntity(ctx, e) + kpiSection(ctx, e));
            break;
          }
          case 'id': {
            const refs = ctx.ws.referencesTo(t.entity.kind, t.entity.id).length;
            md.appendMarkdown(describeEntity(ctx, t.entity) + kpiSection(ctx, t.entity));
            md.appendMarkdown(`\n\n${refs === 1 ? vscode.l10n.t('Referenced 1 time.') : vscode.l10n.t('Referenced {0} times.', refs)}`);
            break;
          }
          case 'value': {
            const vocab = ctx.shape && vocabularyAt(t.path, false, ctx.shape, (k) => ctx.ws.vocabularyBindings(k));
            if (vocab) md.appendMarkdown(vocabularyHover(vocab, String(t.value ?? '')) + (t.schema ? '\n\n---\n\n' : ''));
            if (t.schema && t.path.length > 0) md.appendMarkdown(fieldDocs(String(t.path[t.path.length - 1]), t.schema));
            else if (!vocab) return undefined;
            break;
          }
        }
        return new vscode.Hover(md, range);
      },
    }),
  );
}

/** Title, kind, status and place of a record, as Markdown (every value escaped: it is user text). */
export function describeEntity(ctx: DocContext, e: Entity): string {
  const line = idRange(ctx.folder, e).start.line;
  const status = typeof e.data['status'] === 'string' ? ` · ${vscode.l10n.t('status {0}', `\`${escape(e.data['status'])}\``)}` : '';
  const uri = ctx.folder.uriOf(e.file).with({ fragment: `L${line}` });
  const parent = e.parent ? ` ${vscode.l10n.t('in {0} {1}', e.parent.kind, `\`${escape(e.parent.id)}\``)}` : '';
  return `**${escape(e.title)}**  \n${e.kind} \`${escape(e.id)}\`${parent}${status}  \n[${escape(e.file)}:${line}](${uri.toString()})\n\n`;
}

/** A KPI's attainment, pace and forecast (with its method), under its title; empty for other records. */
function kpiSection(ctx: DocContext, e: Entity): string {
  if (e.kind !== 'kpi') return '';
  const md = kpiHover(ctx.ws, e.id, e.file, escape);
  return md ? `${md}\n\n` : '';
}

function escape(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!<>|$]/g, '\\$&');
}
