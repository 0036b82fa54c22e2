import { distance } from 'fastest-levenshtein';
import type { ResolvedConfig, VocabularyConfig } from '../config/types';
import { matchPattern } from '../model/pathPattern';
import { closest } from '../rules/identity';
import type { Finding, JsonObject, JsonValue, NodePath } from '../types';
import { bindingsBelow, bindingsByKind, type VocabularyBinding } from './bindings';

/** Where an entity sits, for findings. */
export interface EntityPlace {
  kind: string;
  id: string;
  file: string;
  doc: number;
  path: NodePath;
}

/**
 * Checks and reads an entity's vocabulary fields (SPEC 3.3). One per configuration, built by
 * the Analyzer: `findings` reports `vocab/unknown` for values outside a declared list (open
 * company vocabularies are never checked); `canonical` gives the entity's data as rules and
 * views must see it, every alias replaced by its meaning.
 */
export class VocabularyCheck {
  private readonly own: Map<string, VocabularyBinding[]>;
  private readonly below = new Map<string, VocabularyBinding[]>();

  constructor(private readonly config: ResolvedConfig) {
    this.own = bindingsByKind(config);
    for (const kind of config.kinds.keys()) {
      const aliased = bindingsBelow(this.own, config, kind).filter((b) => Object.keys(b.vocabulary.aliases).length > 0);
      if (aliased.length > 0) this.below.set(kind, aliased);
    }
  }

  /** The bindings whose values belong to entities of `kind` (not to its nested entities). */
  bindings(kind: string): readonly VocabularyBinding[] {
    return this.own.get(kind) ?? [];
  }

  /** `vocab/unknown` for each value of the entity outside its vocabulary. */
  findings(data: JsonValue, at: EntityPlace): Finding[] {
    const out: Finding[] = [];
    for (const b of this.own.get(at.kind) ?? []) {
      const v = b.vocabulary;
      if (!v.values) continue;
      for (const m of matchPattern(data, b.steps, at.path)) {
        const value = scalar(m.value);
        if (value === undefined || isKnown(v, value)) continue;
        const field = fieldName(m.path.slice(at.path.length));
        const suggestions = suggestionsFor(v, value);
        const hint = related(value, closest(value, [...v.values, ...Object.keys(v.aliases)], 1)[0]);
        const finding: Finding = {
          anchor: { file: at.file, doc: at.doc, path: m.path, part: m.isKey ? 'key' : 'value' },
          ruleId: 'vocab/unknown',
          message: `${at.kind} ${at.id || '(no id)'}: ${field} "${value}" is not in vocabulary ${v.name} (${listed(v)}).${hint ? ` Did you mean "${hint}"?` : ''} ${remedy(v)}`,
          suggestions,
        };
        if (at.id) finding.entity = at.id;
        if (!v.strict) finding.maxSeverity = 'warning';
        out.push(finding);
      }
    }
    return out;
  }

  /**
   * The entity's data with every aliased value of a bound field replaced by its meaning
   * (`合作中` → `active`); the same object when nothing is aliased. Copies only the changed
   * branches, so the parsed document itself is never modified.
   */
  canonical(kind: string, data: JsonObject): JsonObject {
    const bindings = this.below.get(kind);
    if (!bindings) return data;
    let out: JsonValue = data;
    for (const b of bindings) {
      for (const m of matchPattern(out, b.steps)) {
        if (m.isKey || typeof m.value !== 'string') continue;
        const meaning = aliasMeaning(b.vocabulary, m.value);
        if (meaning !== undefined) out = replaceAt(out, m.path, meaning);
      }
    }
    return out as JsonObject;
  }

  /** The vocabulary configuration (for hovers and completion). */
  vocabulary(name: string): VocabularyConfig | undefined {
    return this.config.vocabularies.get(name);
  }
}

/** The meaning of a word of a vocabulary: itself when it is a value, its target when an alias. */
export function aliasMeaning(v: VocabularyConfig, word: string): string | undefined {
  if (v.values?.includes(word)) return undefined;
  return Object.prototype.hasOwnProperty.call(v.aliases, word) ? v.aliases[word] : undefined;
}

/** A did-you-mean only when the words share something: two short words of different characters (`金牌`, `战略`) are not a typo. */
function related(value: string, candidate: string | undefined): string | undefined {
  if (candidate === undefined) return undefined;
  return distance(value.toLowerCase(), candidate.toLowerCase()) < Math.max(value.length, candidate.length) ? candidate : undefined;
}

function isKnown(v: VocabularyConfig, value: string): boolean {
  return (v.values ?? []).includes(value) || Object.prototype.hasOwnProperty.call(v.aliases, value);
}

/** Closest values first (edit distance), then the rest of the list, for the quick fix. */
function suggestionsFor(v: VocabularyConfig, value: string): string[] {
  const words = [...(v.values ?? []), ...Object.keys(v.aliases)];
  const near = closest(value, words, 3);
  return [...near, ...(v.values ?? []).filter((x) => !near.includes(x))];
}

function listed(v: VocabularyConfig): string {
  const values = v.values ?? [];
  const shown = values.slice(0, 12).join(', ') + (values.length > 12 ? `, … ${values.length - 12} more` : '');
  const aliases = Object.keys(v.aliases);
  return aliases.length > 0 ? `${shown}; aliases ${aliases.slice(0, 8).join(', ')}${aliases.length > 8 ? ', …' : ''}` : shown;
}

function remedy(v: VocabularyConfig): string {
  if (v.class === 'rule') return `Use one of its values, or map your word to one with vocabularies.${v.name}.aliases in opsbook.yaml.`;
  if (v.class === 'default') return `Use one of its values, or add yours with vocabularies.${v.name}.add in opsbook.yaml.`;
  return `Use one of its values, or add yours to vocabularies.${v.name} in opsbook.yaml.`;
}

function scalar(v: JsonValue): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

/** `tier`, `required_for[1]`, `channel_prices.tmall` — the path below the entity, as a person reads it. */
function fieldName(path: NodePath): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : (s ? '.' : '') + seg;
  return s || '(value)';
}

function replaceAt(root: JsonValue, path: NodePath, value: string): JsonValue {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(root)) {
    const copy = [...root];
    copy[head as number] = replaceAt(root[head as number] as JsonValue, rest, value);
    return copy;
  }
  if (root && typeof root === 'object') {
    return { ...root, [head]: replaceAt(root[head as string] as JsonValue, rest, value) };
  }
  return root;
}
