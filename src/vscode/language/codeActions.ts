import { distance } from 'fastest-levenshtein';
import * as vscode from 'vscode';
import type { Diagnostic } from '../../core';
import { DIAGNOSTIC_SOURCE } from '../convert';
import type { DiagnosticsPublisher } from '../diagnostics/publisher';
import type { Hub } from '../model/hub';
import { documentContext, type DocContext } from './context';
import { schemaForPath } from './entityPath';
import { mappingInsertPoint, nodeAt } from './locate';
import { placeholderFor, yamlScalar } from './schemaInfo';
import { OPSBOOK_DOCUMENTS } from './selector';
import { vocabularyAt } from './vocabulary';
import { CREATE_MISSING_COMMAND } from '../commands/createMissing';

const MAX_SUGGESTIONS = 5;
/** Rules whose suggestions replace the reported value (or, for an unknown field, its key). */
const REPLACEABLE = new Set(['ref/missing', 'schema/enum', 'kind/unknown', 'vocab/unknown', 'schema/additionalProperties']);

/** Quick fixes from the engine's suggestions: did-you-mean ids, valid enum values, missing required fields. */
export function registerCodeActions(context: vscode.ExtensionContext, hub: Hub, publisher: DiagnosticsPublisher): void {
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      OPSBOOK_DOCUMENTS,
      {
        provideCodeActions(document, _range, actionContext) {
          const ours = actionContext.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
          if (ours.length === 0) return undefined;
          const ctx = documentContext(hub, document);
          if (!ctx) return undefined;
          const actions: vscode.CodeAction[] = [];
          for (const d of ours) {
            const core = publisher.coreDiagnostic(document.uri, d);
            if (core?.ruleId === 'ref/missing') {
              const create = createMissing(ctx, d, core);
              if (create) actions.push(create);
            }
            if (!core?.suggestions?.length) continue;
            if (REPLACEABLE.has(core.ruleId)) actions.push(...replacements(ctx, d, core));
            else if (core.ruleId === 'schema/required') {
              const a = insertRequired(ctx, d, core);
              if (a) actions.push(a);
            }
          }
          return actions;
        },
      },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );
}

/** "Change to X" for each suggested value, replacing the value between its quotes. */
function replacements(ctx: DocContext, d: vscode.Diagnostic, core: Diagnostic): vscode.CodeAction[] {
  const range = valueRange(ctx, d.range);
  const current = ctx.document.getText(range);
  const suggestions = core.ruleId === 'kind/unknown' ? closest(current, core.suggestions ?? []) : (core.suggestions ?? []);
  return suggestions.slice(0, MAX_SUGGESTIONS).map((s, i) => {
    const title =
      core.ruleId === 'ref/missing'
        ? vscode.l10n.t('Did you mean "{0}"?', s)
        : core.ruleId === 'schema/additionalProperties'
          ? vscode.l10n.t('Rename the field to "{0}"', s)
          : vscode.l10n.t('Change to "{0}"', s);
    const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    a.diagnostics = [d];
    a.isPreferred = i === 0 && (core.ruleId === 'ref/missing' || core.ruleId === 'schema/additionalProperties');
    const quoted = !range.start.isEqual(d.range.start);
    a.edit = new vscode.WorkspaceEdit();
    a.edit.replace(ctx.document.uri, range, quoted ? s : yamlScalar(s));
    return a;
  });
}

/** "Create person "E-9"": the record the reference names, from its kind's template (then its form). */
function createMissing(ctx: DocContext, d: vscode.Diagnostic, core: Diagnostic): vscode.CodeAction | undefined {
  const ref = ctx.ws.referencesIn(ctx.rel).find((r) => {
    const range = ctx.ws.rangeOf(r.anchor);
    return range.start.line === core.range.start.line && range.start.column === core.range.start.column;
  });
  if (!ref || ref.targetField !== undefined || ctx.ws.idsInUse(ref.targetKind).includes(ref.value)) return undefined;
  const a = new vscode.CodeAction(vscode.l10n.t('Create {0} "{1}"', ref.targetKind, ref.value), vscode.CodeActionKind.QuickFix);
  a.diagnostics = [d];
  a.command = { command: CREATE_MISSING_COMMAND, title: a.title, arguments: [ctx.document.uri, ref.targetKind, ref.value] };
  return a;
}

/** The diagnostic's range without surrounding quotes. */
function valueRange(ctx: DocContext, r: vscode.Range): vscode.Range {
  const text = ctx.document.getText(r);
  const q = text[0];
  if ((q === '"' || q === "'") && text.length >= 2 && text.endsWith(q)) return new vscode.Range(r.start.translate(0, 1), r.end.translate(0, -1));
  return r;
}

/** Inserts `field: placeholder` as the last line of the mapping that misses it, at its indentation. */
function insertRequired(ctx: DocContext, d: vscode.Diagnostic, core: Diagnostic): vscode.CodeAction | undefined {
  const field = core.suggestions?.[0];
  const start = ctx.offsetAt(d.range.start);
  if (!field || start === undefined || !ctx.shape) return undefined;
  const hit = nodeAt(ctx.yamlText, start);
  if (!hit) return undefined;
  // A nested mapping is reported at its key (`contract:`); an entity at its id value or first key.
  const dotted = /missing required field "([^"]+)"/.exec(core.message)?.[1] ?? field;
  const mapPath = hit.part === 'key' && dotted.includes('.') ? hit.path : hit.path.slice(0, -1);
  const at = mappingInsertPoint(ctx.yamlText, hit.doc, mapPath);
  if (!at || at.keys.includes(field)) return undefined;
  // A vocabulary field starts with the vocabulary's first value, as an enum field would.
  const vocab = ctx.shape ? vocabularyAt([...mapPath, field], false, ctx.shape, (k) => ctx.ws.vocabularyBindings(k)) : undefined;
  const value =
    vocab?.values?.[0] !== undefined ? yamlScalar(vocab.values[0]) : placeholderFor(schemaForPath([...mapPath, field], ctx.shape), ctx.ws.todayDate);
  const eol = ctx.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const needsBreak = at.offset === ctx.yamlText.length && !ctx.yamlText.endsWith('\n');
  const pos = ctx.positionAt(at.offset);
  const a = new vscode.CodeAction(vscode.l10n.t('Add missing field "{0}"', field), vscode.CodeActionKind.QuickFix);
  a.diagnostics = [d];
  a.isPreferred = true;
  a.edit = new vscode.WorkspaceEdit();
  a.edit.insert(ctx.document.uri, pos, `${needsBreak ? eol : ''}${at.indent}${field}: ${value}${needsBreak ? '' : eol}`);
  return a;
}

/** Kind suggestions are every kind; offer the few closest by edit distance. */
function closest(value: string, options: readonly string[]): string[] {
  return [...options].sort((x, y) => distance(value, x) - distance(value, y) || x.localeCompare(y)).slice(0, 3);
}
