import { parse, stringify } from 'yaml';

/**
 * What `init --infer --force` keeps from the `opsbook.yaml` it replaces: the settings no file can
 * tell (the fiscal year, the locale, a fixed date) and the people's decisions (rule severities,
 * review rules). Kinds, fields, references and vocabularies are inferred anew from the files.
 */
export interface KeptSettings {
  today?: string;
  fiscalYearStart?: number;
  locale?: string;
  /** `rules:` and `review:` as YAML text, ready to append. */
  blocks: string[];
}

/** The settings to keep from an existing configuration's text; nothing when it does not parse. */
export function keptSettings(text: string): KeptSettings {
  const kept: KeptSettings = { blocks: [] };
  let raw: unknown;
  try {
    raw = parse(text, { logLevel: 'silent', maxAliasCount: 100 });
  } catch {
    return kept;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return kept;
  const r = raw as Record<string, unknown>;
  if (typeof r['today'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r['today'])) kept.today = r['today'];
  if (Number.isInteger(r['fiscalYearStart']) && (r['fiscalYearStart'] as number) >= 1 && (r['fiscalYearStart'] as number) <= 12)
    kept.fiscalYearStart = r['fiscalYearStart'] as number;
  if (typeof r['locale'] === 'string' && r['locale'] !== '') kept.locale = r['locale'];
  for (const key of ['rules', 'review'] as const) {
    const value = r[key];
    if (value && typeof value === 'object' && Object.keys(value).length > 0) kept.blocks.push(stringify({ [key]: value }, { lineWidth: 0 }).trimEnd());
  }
  return kept;
}
