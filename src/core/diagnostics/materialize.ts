import type { ResolvedConfig } from '../config/types';
import type { FileStore } from '../model/store';
import type { RuleResult } from '../rules/evaluator';
import { suggestFor } from '../rules/identity';
import type { Diagnostic, Finding, Severity } from '../types';
import type { Entity } from '../model/entity';

/** Schema keyword rules share the `schema/` family's default severity. */
function defaultSeverity(ruleId: string): Severity {
  return /^(schema|yaml|id|ref)\//.test(ruleId) ? 'error' : 'warning'; // SPEC §3.4 defaults, also without the ops pack
}

/** The severity a rule's findings get: configured, else the `schema` family's, else the fallback or the default. */
export function severityOf(config: ResolvedConfig, ruleId: string, fallback?: Severity): Severity | 'off' {
  const s = config.rules.get(ruleId)?.severity;
  if (s) return s;
  if (ruleId.startsWith('schema/')) return config.rules.get('schema')?.severity ?? 'error';
  return fallback ?? defaultSeverity(ruleId);
}

const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Turns findings into diagnostics: the configured severity (or none for `off`), the
 * did-you-mean hint computed from what the workspace holds now, and source ranges resolved
 * from anchors. Sorted by file and position.
 */
export function materializeDiagnostics(config: ResolvedConfig, store: FileStore, resultOf: (e: Entity) => RuleResult | undefined, file?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const paths = file ? [file] : [...store.files.keys()];
  for (const p of paths) {
    const rec = store.files.get(p);
    if (!rec) continue;
    for (const f of rec.analysis.findings) toDiagnostic(config, store, f, out);
    for (const e of rec.analysis.entities) for (const f of resultOf(e)?.findings ?? []) toDiagnostic(config, store, f, out);
  }
  out.sort((a, b) =>
    a.file < b.file
      ? -1
      : a.file > b.file
        ? 1
        : a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column || (a.ruleId < b.ruleId ? -1 : 1),
  );
  return out;
}

function didYouMean(store: FileStore, d: NonNullable<Finding['didYouMean']>, message: string): { message: string; suggestions: string[] } {
  const pool = [...(store.byKind.get(d.kind) ?? [])];
  const field = d.field;
  const candidates = field ? pool.map((t) => String(t.data[field] ?? '')).filter(Boolean) : pool.map((t) => t.id);
  const { hint, suggestions } = suggestFor(d, candidates);
  return { message: message + hint, suggestions };
}

function toDiagnostic(config: ResolvedConfig, store: FileStore, f: Finding, out: Diagnostic[]): void {
  const configured = config.rules.get(f.ruleId)?.severity;
  let severity = configured ?? f.severity ?? severityOf(config, f.ruleId);
  if (severity === 'off') return;
  if (f.maxSeverity && SEVERITY_RANK[severity] > SEVERITY_RANK[f.maxSeverity]) severity = f.maxSeverity;
  const refined: { message?: string; suggestions?: string[] } = f.didYouMean ? didYouMean(store, f.didYouMean, f.message) : {};
  const d: Diagnostic = {
    file: f.anchor.file,
    range: f.range ?? store.rangeOf(f.anchor),
    severity,
    ruleId: f.ruleId,
    message: refined.message ?? f.message,
  };
  if (f.entity) d.entity = f.entity;
  if (f.related) d.related = f.related.map((r) => ({ file: r.anchor.file, range: r.range ?? store.rangeOf(r.anchor), message: r.message }));
  const suggestions = refined.suggestions ?? f.suggestions;
  if (suggestions) d.suggestions = suggestions;
  out.push(d);
}
