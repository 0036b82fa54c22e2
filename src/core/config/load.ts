import type { PackSource } from '../host';
import type { SchemaCache } from '../schema/compiled';
import { YamlPositions } from '../parse/positions';
import type { NodePath, SeveritySetting } from '../types';
import { aliasProblems, checkDeclaration } from '../vocab/declarations';
import { compileIdPattern } from '../vocab/idPattern';
import { applyCustomFields } from './fields';
import { dirname, joinRelative, resolvePack } from './packs';
import { metaValidator, parseStrict } from './strict';
import type {
  ConfigProblem,
  KindConfig,
  Layout,
  LoadedSchema,
  ReferenceSpec,
  ResolvedConfig,
  ReviewRule,
  RuleSetting,
  TemplateRef,
  VocabularyConfig,
} from './types';

export const DEFAULT_INCLUDE = ['**/*.md', '**/*.yml', '**/*.yaml'];
export const DEFAULT_EXCLUDE = ['node_modules/**', '.git/**'];

export interface ConfigInput {
  /** Reads a file of the workspace (relative posix path); `undefined` when absent. */
  readWorkspaceFile(path: string): Promise<string | undefined>;
  /** Path of the configuration file relative to the root (default `opsbook.yaml`). */
  configPath?: string;
  /** Built-in packs by name; must include `ops` and provide `opsbook.schema.json` / `pack.schema.json`. */
  builtinPacks: ReadonlyMap<string, PackSource>;
  /** Rule severity overrides applied after `opsbook.yaml` (editor settings). */
  ruleOverrides?: Record<string, unknown>;
  /** Called between the steps that compile validators, so an editor can breathe. */
  pause?: () => Promise<void>;
  /** Keeps the compiled meta-schemas between loads (one per host). */
  schemas?: SchemaCache;
}

export interface ConfigResult {
  config: ResolvedConfig;
  problems: ConfigProblem[];
  /** The configuration file's text when it exists (the editor shows problems in it). */
  configText?: string;
}

interface RawPart {
  kinds?: Record<string, Record<string, unknown>>;
  references?: Record<string, unknown>[];
  rules?: Record<string, unknown>;
  vocabularies?: Record<string, unknown>;
  review?: Record<string, unknown>[];
  templates?: Record<string, string>;
}

/** Loads `opsbook.yaml`, its packs and their schemas into one resolved configuration. */
export async function loadConfig(input: ConfigInput): Promise<ConfigResult> {
  const configPath = input.configPath ?? 'opsbook.yaml';
  const problems: ConfigProblem[] = [];
  const ops = input.builtinPacks.get('ops');
  const configSchemaText = ops ? await ops.read('opsbook.schema.json') : undefined;
  const packSchemaText = ops ? await ops.read('pack.schema.json') : undefined;
  const validateConfig = configSchemaText ? metaValidator(configSchemaText, input.schemas) : undefined;
  await input.pause?.();
  const validatePack = packSchemaText ? metaValidator(packSchemaText, input.schemas) : undefined;
  await input.pause?.();

  const text = await input.readWorkspaceFile(configPath);
  let raw: Record<string, unknown> = {};
  if (text !== undefined) {
    const parsed = parseStrict(configPath, text, problems, (v) => (validateConfig?.(v) ? [] : (validateConfig?.errors ?? [])));
    if (parsed) raw = parsed;
  }

  const config: ResolvedConfig = {
    include: stringList(raw['include']) ?? [...DEFAULT_INCLUDE],
    exclude: [...DEFAULT_EXCLUDE, ...(stringList(raw['exclude']) ?? [])],
    fiscalYearStart: typeof raw['fiscalYearStart'] === 'number' ? raw['fiscalYearStart'] : 1,
    packs: stringList(raw['packs']) ?? ['ops'],
    kinds: new Map(),
    references: [],
    rules: new Map(),
    vocabularies: new Map(),
    review: [],
    templates: new Map(),
  };
  if (typeof raw['today'] === 'string') config.today = raw['today'];
  if (typeof raw['locale'] === 'string') config.locale = raw['locale'];

  const workspaceSource: PackSource = { name: configPath, read: (p) => input.readWorkspaceFile(joinRelative(dirname(configPath), p) ?? '\0') };
  const configAt = locator(configPath, text);
  const pending: { part: RawPart; source: PackSource; at: Locator }[] = [];
  for (const [index, packName] of config.packs.entries()) {
    const source = resolvePack(packName, input, problems, configAt(['packs', index]));
    if (!source) continue;
    const packText = await source.read('pack.yaml');
    if (packText === undefined) {
      problems.push({ ...configAt(['packs', index]), ruleId: 'config/pack-missing', message: `pack "${packName}" has no pack.yaml` });
      continue;
    }
    const file = input.builtinPacks.has(packName) ? `<pack ${packName}>/pack.yaml` : `${source.name}/pack.yaml`;
    const part = parseStrict(file, packText, problems, (v) => (validatePack?.(v) ? [] : (validatePack?.errors ?? [])));
    if (part) pending.push({ part: part as RawPart, source, at: locator(file, packText) });
  }
  pending.push({ part: raw as RawPart, source: workspaceSource, at: configAt });
  if (input.ruleOverrides) pending.push({ part: { rules: input.ruleOverrides }, source: workspaceSource, at: locator('settings', undefined) });

  const schemaPaths = new Map<string, SchemaPaths>();
  const referenceLocs: (() => ConfigLoc)[] = [];
  const fieldLocs = new Map<string, () => ConfigLoc>();
  for (const { part, source, at } of pending) {
    mergePart(config, part, source, at, schemaPaths, referenceLocs, { problems, fieldLocs, builtin: [...input.builtinPacks.values()].includes(source) });
  }

  for (const [name, paths] of schemaPaths) {
    const kind = config.kinds.get(name);
    if (!kind) continue;
    if (paths.schema) {
      const s = await loadSchema(paths.schema.source, paths.schema.path, problems, configPath, paths.schema.at);
      if (s) kind.schema = s;
    }
    if (paths.fileSchema) {
      const s = await loadSchema(paths.fileSchema.source, paths.fileSchema.path, problems, configPath, paths.fileSchema.at);
      if (s) kind.fileSchema = s;
    }
  }
  applyCustomFields(config, (kind, field) => fieldLocs.get(`${kind}\0${field}`)?.() ?? { file: configPath, line: 1, column: 1 }, problems);
  config.references.forEach((ref, i) => {
    const at = () => referenceLocs[i]?.() ?? { file: configPath, line: 1, column: 1 };
    if (!config.kinds.has(ref.kind)) problems.push({ ...at(), message: `references: kind "${ref.kind}" is not defined` });
    const targetKind = ref.target.split('.')[0] ?? '';
    if (!config.kinds.has(targetKind)) problems.push({ ...at(), message: `references: target kind "${targetKind}" is not defined` });
  });
  const result: ConfigResult = { config, problems };
  if (text !== undefined) result.configText = text;
  return result;
}

type ConfigLoc = Omit<ConfigProblem, 'message'>;
/** Where a configuration key is, for problems found after validation (missing packs, schemas). */
type Locator = (path: NodePath) => ConfigLoc;
/** Where each kind's schemas come from; `at` locates the key only when a problem is reported (it parses the YAML again for positions). */
type SchemaPaths = {
  schema?: { source: PackSource; path: string; at: () => ConfigLoc };
  fileSchema?: { source: PackSource; path: string; at: () => ConfigLoc };
};

function locator(file: string, text: string | undefined): Locator {
  let positions: YamlPositions | undefined;
  return (path) => {
    if (text === undefined) return { file, line: 1, column: 1 };
    positions ??= new YamlPositions(text);
    const r = positions.rangeOf(0, path, 'value');
    return { file, line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn: r.end.column };
  };
}

/** Where merging reports what a part may not declare; `builtin`: the part is a built-in pack (it defines vocabularies' classes and meanings). */
interface MergeChecks {
  problems: ConfigProblem[];
  fieldLocs: Map<string, () => ConfigLoc>;
  builtin: boolean;
}

function mergePart(
  config: ResolvedConfig,
  part: RawPart,
  source: PackSource,
  at: Locator,
  schemaPaths: Map<string, SchemaPaths>,
  referenceLocs: (() => ConfigLoc)[],
  checks: MergeChecks,
): void {
  for (const [name, def] of Object.entries(part.kinds ?? {})) {
    const prev = config.kinds.get(name);
    const d = def ?? {};
    const kind: KindConfig = prev ?? { name, files: [], id: 'id', nested: [], fields: {}, origin: source.name };
    if (d['files'] !== undefined) kind.files = stringList(d['files']) ?? [];
    if (typeof d['layout'] === 'string') kind.layout = d['layout'] as Layout;
    if (typeof d['listKey'] === 'string') kind.listKey = d['listKey'];
    if (typeof d['id'] === 'string') kind.id = d['id'];
    if (typeof d['title'] === 'string') kind.title = d['title'];
    if (typeof d['idPattern'] === 'string') {
      const compiled = compileIdPattern(d['idPattern']);
      if ('error' in compiled) checks.problems.push({ ...at(['kinds', name, 'idPattern']), message: `kinds.${name}.idPattern: ${compiled.error}` });
      else kind.idPattern = d['idPattern'];
    }
    if (d['fields'] && typeof d['fields'] === 'object') {
      kind.fields = { ...kind.fields, ...(d['fields'] as Record<string, Record<string, unknown>>) };
      for (const field of Object.keys(d['fields'])) checks.fieldLocs.set(`${name}\0${field}`, () => at(['kinds', name, 'fields', field]));
    }
    if (Array.isArray(d['nested'])) kind.nested = (d['nested'] as { kind: string; path: string }[]).map((n) => ({ kind: n.kind, path: n.path }));
    kind.origin = source.name;
    const paths = schemaPaths.get(name) ?? {};
    if (typeof d['schema'] === 'string') paths.schema = { source, path: d['schema'], at: () => at(['kinds', name, 'schema']) };
    if (typeof d['fileSchema'] === 'string') paths.fileSchema = { source, path: d['fileSchema'], at: () => at(['kinds', name, 'fileSchema']) };
    schemaPaths.set(name, paths);
    config.kinds.set(name, kind);
  }
  for (const [i, r] of (part.references ?? []).entries()) {
    referenceLocs.push(() => at(['references', i]));
    const spec: ReferenceSpec = { kind: String(r['kind']), path: String(r['path']), target: String(r['target']), allow: stringList(r['allow']) ?? [] };
    config.references.push(spec);
  }
  for (const [ruleId, value] of Object.entries(part.rules ?? {})) {
    const prev = config.rules.get(ruleId);
    config.rules.set(ruleId, mergeRule(prev, value));
  }
  for (const [name, value] of Object.entries(part.vocabularies ?? {})) {
    const { problems, allowed } = checkDeclaration(config.vocabularies.get(name), name, value, checks.builtin);
    const merged = mergeVocabulary(config.vocabularies.get(name), name, allowed, source.name);
    problems.push(...aliasProblems(merged, allowed));
    for (const p of problems) {
      if (p.path[0] === 'aliases') delete merged.aliases[String(p.path[1])];
      checks.problems.push({ ...at(['vocabularies', name, ...p.path]), message: p.message });
    }
    config.vocabularies.set(name, merged);
  }
  for (const r of part.review ?? []) {
    const rule: ReviewRule = { kinds: stringList(r['kinds']) ?? [], approvers: stringList(r['approvers']) ?? [] };
    const paths = stringList(r['paths']);
    if (paths) rule.paths = paths;
    config.review.push(rule);
  }
  for (const [kind, path] of Object.entries(part.templates ?? {})) {
    const t: TemplateRef = { source, path: String(path) };
    config.templates.set(kind, t);
  }
}

/**
 * Merges one declaration of a vocabulary over what earlier packs said. Validation of what a
 * workspace may change (rule-bearing: aliases only) happens in the vocabulary module.
 */
function mergeVocabulary(prev: VocabularyConfig | undefined, name: string, value: unknown, origin: string): VocabularyConfig {
  const v: VocabularyConfig = prev ? { ...prev, aliases: { ...prev.aliases } } : { name, class: 'company', strict: true, aliases: {}, origin };
  if (prev?.values) v.values = [...prev.values];
  v.origin = origin;
  if (Array.isArray(value)) {
    v.values = value.map(String);
    return v;
  }
  if (!value || typeof value !== 'object') return v;
  const d = value as Record<string, unknown>;
  if (d['class'] === 'rule' || d['class'] === 'default' || d['class'] === 'company') v.class = d['class'];
  if (Array.isArray(d['values'])) v.values = d['values'].map(String);
  if (Array.isArray(d['add'])) v.values = [...(v.values ?? []), ...d['add'].map(String).filter((x) => !(v.values ?? []).includes(x))];
  if (typeof d['strict'] === 'boolean') v.strict = d['strict'];
  if (d['aliases'] && typeof d['aliases'] === 'object') Object.assign(v.aliases, d['aliases']);
  if (typeof d['description'] === 'string') v.description = d['description'];
  return v;
}

function mergeRule(prev: RuleSetting | undefined, value: unknown): RuleSetting {
  const base: RuleSetting = prev ? { severity: prev.severity, options: { ...prev.options } } : { severity: 'error', options: {} };
  if (typeof value === 'string') base.severity = value as SeveritySetting;
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'severity') base.severity = v as SeveritySetting;
      else base.options[k] = v;
    }
  }
  return base;
}

async function loadSchema(
  source: PackSource,
  path: string,
  problems: ConfigProblem[],
  configPath: string,
  at: () => ConfigLoc,
): Promise<LoadedSchema | undefined> {
  const origin = source.name === configPath ? path : `${source.name}:${path}`;
  const text = await source.read(path);
  if (text === undefined) {
    problems.push({ ...at(), ruleId: 'config/schema-missing', message: `schema "${origin}" not found` });
    return undefined;
  }
  try {
    // Compiled once, by the Analyzer, which reports a schema that does not compile.
    const json = JSON.parse(text) as Record<string, unknown>;
    if (!json || typeof json !== 'object' || Array.isArray(json)) throw new Error('a schema must be a JSON object');
    return { origin, json };
  } catch (err) {
    problems.push({ ...at(), message: `schema "${origin}" is invalid: ${err instanceof Error ? err.message : String(err)}` });
    return undefined;
  }
}

function stringList(v: unknown): string[] | undefined {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
  return undefined;
}
