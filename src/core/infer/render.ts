import { parse as parseYamlValue } from 'yaml';
import { plural } from '../format/words';
import type { Inference, InferredField, InferredReference } from './types';
import type { InferredKind } from './kinds';
import type { InferredVocabulary } from './vocab';
import type { KeptSettings } from './kept';

type Parts = Pick<Inference, 'kinds' | 'fields' | 'references' | 'vocabularies'>;

/** A scalar as YAML: plain when it reads back as the same string (also inside `[…]`), else double-quoted. */
export function yamlScalar(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value);
  if (/^[\p{L}\p{N}_][\p{L}\p{N}_ ./()（）·&+-]*$/u.test(value) && !/ $/.test(value)) {
    try {
      if (parseYamlValue(`k: ${value}`)?.k === value) return value;
    } catch {
      // quoted below
    }
  }
  return JSON.stringify(value);
}

/** A JSON value in YAML flow style: `{ type: string, format: date }`, `[a, b]`. */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${yamlScalar(k)}: ${flow(v)}`).join(', ')} }`;
  }
  return yamlScalar(value);
}

/** `org/people.yaml`, `a.yaml and b.yaml`, `12 files`. */
export function whereIn(files: readonly string[]): string {
  if (files.length === 1) return files[0] as string;
  if (files.length === 2) return `${files[0] as string} and ${files[1] as string}`;
  return `${files.length} files`;
}

function kindComment(k: InferredKind): string {
  const what = k.layout === 'markdown' ? plural(k.records, 'document') : plural(k.records, 'record');
  if (k.extendsPack) return `${what}${k.under !== undefined ? ` under ${k.under}:` : ''} in ${whereIn(k.sources)}, outside the pack's folders`;
  if (k.byKindField) return `kind: ${k.name} in ${whereIn(k.sources)}`;
  const under = k.listKey !== undefined ? ` under ${k.listKey}:` : k.layout === 'map' ? ' keyed by id' : '';
  return `${what}${under} in ${whereIn(k.sources)}`;
}

function fieldComment(f: InferredField): string {
  const share = f.uses === f.of ? (f.of === 1 ? 'the only record' : `all ${f.of} records`) : `${f.uses} of ${f.of} records`;
  return `${f.what} in ${share} of ${whereIn(f.files)}`;
}

function referenceComment(r: InferredReference): string {
  return `${r.target} ids in ${plural(r.uses, 'value')} of ${whereIn(r.files)}`;
}

function vocabularyComment(v: InferredVocabulary): string {
  const n = (v.values ?? v.add ?? []).length;
  const times = v.uses === 1 ? 'once' : `${v.uses} times`;
  if (v.comment) return `${v.comment} in ${whereIn(v.files)}`;
  if (v.add) return `${n === 1 ? 'used' : `${n} values used`} ${times} in ${whereIn(v.files)}, beyond the ops pack's list`;
  return `${plural(n, 'value')} used ${times} in ${whereIn(v.files)}`;
}

/**
 * The text of `opsbook.yaml` for an inference: valid against `schemas/opsbook.schema.json`, each
 * inferred entry with a comment saying where it came from. Deterministic (the sample's committed
 * configuration is compared byte for byte).
 */
export function renderConfig(parts: Parts, kept: KeptSettings = { blocks: [] }): string {
  const KEPT = '  # kept from the previous opsbook.yaml';
  const lines: string[] = [
    '# Opsbook workspace configuration, inferred by `opsbook init --infer` from the files already here.',
    '# Each inferred entry says where it came from; review them, then run `opsbook check`.',
    'opsbook: 1',
    'packs: [ops]',
    '',
    '# A fixed date for date rules (overdue projects, expiring contracts); default: today.',
    kept.today !== undefined ? `today: ${kept.today}${KEPT}` : '# today: 2026-06-15',
  ];
  if (kept.fiscalYearStart !== undefined) lines.push(`fiscalYearStart: ${kept.fiscalYearStart}${KEPT}`);
  if (kept.locale !== undefined) lines.push(`locale: ${yamlScalar(kept.locale)}${KEPT}`);
  const kindNames: string[] = [];
  const kindLines = new Map<string, string[]>();
  const linesOf = (name: string): string[] => {
    let l = kindLines.get(name);
    if (!l) {
      kindLines.set(name, (l = []));
      kindNames.push(name);
    }
    return l;
  };
  const kindHeader = new Map<string, string>();
  for (const k of parts.kinds) {
    const l = linesOf(k.name);
    kindHeader.set(k.name, kindComment(k));
    if (k.files.length > 0) l.push(`    files: ${k.files.length === 1 ? yamlScalar(k.files[0]) : flow(k.files)}`);
    if (k.layout) l.push(`    layout: ${k.layout}`);
    if (k.listKey !== undefined) l.push(`    listKey: ${yamlScalar(k.listKey)}`);
    if (k.id !== undefined) l.push(`    id: ${yamlScalar(k.id)}`);
    if (k.title !== undefined) l.push(`    title: ${yamlScalar(k.title)}`);
  }
  const byKind = new Map<string, InferredField[]>();
  for (const f of parts.fields) {
    let list = byKind.get(f.kind);
    if (!list) byKind.set(f.kind, (list = []));
    list.push(f);
  }
  for (const [kind, fields] of byKind) {
    const l = linesOf(kind);
    l.push('    fields:');
    for (const f of fields) l.push(`      ${yamlScalar(f.field)}: ${flow(f.fragment)}  # ${fieldComment(f)}`);
  }
  if (kindNames.length > 0) {
    lines.push('', '# Kinds: custom kinds for record files the ops pack does not place, custom fields of built-in kinds.', 'kinds:');
    for (const name of kindNames) {
      const header = kindHeader.get(name);
      lines.push(`  ${name}:${header ? `  # ${header}` : ''}`, ...(kindLines.get(name) as string[]));
    }
  }
  if (parts.references.length > 0) {
    lines.push('', '# References of custom kinds: fields whose values are ids of another kind.', 'references:');
    for (const r of parts.references) lines.push(`  - { kind: ${r.kind}, path: ${yamlScalar(r.path)}, target: ${r.target} }  # ${referenceComment(r)}`);
  }
  if (parts.vocabularies.length > 0) {
    lines.push('', "# The company's words, from the values in use. Likely typos are left out (opsbook check reports them).", 'vocabularies:');
    for (const v of parts.vocabularies) {
      const value = v.values ? flow(v.values) : flow({ add: v.add });
      lines.push(`  ${v.name}: ${value}  # ${vocabularyComment(v)}`);
    }
  }
  if (kept.blocks.length > 0) lines.push('', '# Kept from the previous opsbook.yaml: the rule settings and review rules people chose.', ...kept.blocks);
  return lines.join('\n') + '\n';
}

/** What was inferred and why, and what was left as a finding: printed by `opsbook init --infer`. */
export function renderSummary(inference: Inference, written: string): string {
  const out: string[] = [`Read ${plural(inference.files, 'file')} (${plural(inference.records, 'record')}).`];
  const inferred: string[] = [];
  for (const k of inference.kinds) {
    if (k.extendsPack) inferred.push(`  kind ${k.name}: ${kindComment(k)}`);
    else inferred.push(`  kind ${k.name} (${k.layout ?? 'single'}${k.title ? `, title: ${k.title}` : ''}): ${kindComment(k)}`);
  }
  for (const f of inference.fields) {
    const rare = f.uses === 1 && f.of >= 3 ? ' (used once: make sure it is meant, not a stray key)' : '';
    inferred.push(`  field ${f.kind}.${f.field} ${flow(f.fragment)}: ${fieldComment(f)}${rare}`);
  }
  for (const r of inference.references) inferred.push(`  reference ${r.kind}.${r.path} → ${r.target}: ${referenceComment(r)}`);
  for (const v of inference.vocabularies) {
    inferred.push(`  vocabulary ${v.name} (${v.class}): ${v.add ? 'add ' : ''}${(v.values ?? v.add ?? []).join(', ')} — ${vocabularyComment(v)}`);
  }
  out.push(inferred.length > 0 ? 'Inferred:' : 'Nothing to infer: the ops pack reads these files as they are.', ...inferred);
  const findings = inference.suspects.filter((s) => s.kind !== 'check' && s.kind !== 'unsure');
  const checks = inference.suspects.filter((s) => s.kind === 'check');
  const unsure = inference.suspects.filter((s) => s.kind === 'unsure');
  if (findings.length > 0) {
    out.push('Left as findings (opsbook check reports them):');
    for (const s of findings) out.push(`  ${s.anchor.file}:${s.line}  ${s.message}`);
  }
  if (checks.length > 0) {
    out.push('Declared, but worth a look:');
    for (const s of checks) out.push(`  ${s.anchor.file}:${s.line}  ${s.message}`);
  }
  if (unsure.length > 0) {
    out.push('Not declared, for you to decide:');
    for (const s of unsure) out.push(`  ${s.anchor.file}:${s.line}  ${s.message}`);
  }
  out.push(`Wrote ${written}. Run opsbook check to see the remaining problems.`);
  return out.join('\n') + '\n';
}
