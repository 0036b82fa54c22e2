import type { KindConfig, Layout, ResolvedConfig } from '../config/types';
import type { ParsedFile } from '../parse/file';
import type { JsonObject, JsonValue } from '../types';
import { looksLikeTypo } from './similar';

/** A kind the configuration must declare (a custom kind) or whose files it must extend. */
export interface InferredKind {
  name: string;
  /** Globs or paths to write under `files:` (for an extended pack kind: the pack's and the new ones). */
  files: string[];
  /** The pack kind whose `files` are extended: only `files` is written. */
  extendsPack: boolean;
  layout?: Layout;
  listKey?: string;
  id?: string;
  title?: string;
  /** The files that led to it, and how many records they hold. */
  sources: string[];
  records: number;
  /** A file's own `kind:` field named it (no `files` needed). */
  byKindField: boolean;
  /** For an extended pack kind: the key its records were found under. */
  under?: string;
}

/** A file that looked like records but was left alone, and why (for the summary). */
export interface KindNote {
  file: string;
  line: number;
  message: string;
}

const KIND_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const ID_FIELDS = ['id', '编号', 'code'];
const TITLE_FIELDS = ['title', 'name', '名称', '标题', '名字', '姓名', 'display_name', 'label'];

interface Shape {
  layout: Layout;
  listKey?: string;
  id: string;
  records: JsonObject[];
}

function isObject(v: JsonValue | undefined): v is JsonObject {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** The id field most records of a list carry, if most do. */
function idFieldOf(records: JsonValue[]): string | undefined {
  if (records.length === 0 || !records.every(isObject)) return undefined;
  for (const f of ID_FIELDS) {
    const n = (records as JsonObject[]).filter((r) => typeof r[f] === 'string' || typeof r[f] === 'number').length;
    if (n / records.length >= 0.8) return f;
  }
  return undefined;
}

/** How a YAML document holds records, if it does: a list (top level or under one key) or a map of id → mapping. */
export function shapeOf(doc: JsonValue | undefined): Shape | undefined {
  if (Array.isArray(doc)) {
    const id = idFieldOf(doc);
    return id ? { layout: 'list', id, records: doc as JsonObject[] } : undefined;
  }
  if (!isObject(doc)) return undefined;
  const lists = Object.keys(doc).filter((k) => k !== 'kind' && Array.isArray(doc[k]) && idFieldOf(doc[k] as JsonValue[]) !== undefined);
  if (lists.length === 1) {
    const key = lists[0] as string;
    return { layout: 'list', listKey: key, id: idFieldOf(doc[key] as JsonValue[]) as string, records: doc[key] as JsonObject[] };
  }
  // A map of id → mapping: every value a mapping, keys without spaces, and the mappings share a field.
  // Keys must look like ids (a digit, or upper case): `WH-01`, `E001`, not `home`/`about` of a settings file.
  const keys = Object.keys(doc).filter((k) => k !== 'kind');
  const idLike = keys.filter((k) => /\d/.test(k) || (/[A-Z]/.test(k) && k === k.toUpperCase())).length;
  if (keys.length >= 2 && idLike * 2 >= keys.length && keys.every((k) => !/\s/.test(k) && isObject(doc[k]))) {
    const values = keys.map((k) => doc[k] as JsonObject);
    const first = Object.keys(values[0] as JsonObject);
    if (first.some((f) => values.every((v) => f in v))) return { layout: 'map', id: 'id', records: values };
  }
  return undefined;
}

/** `stores` → `store`, `categories` → `category`; undefined when no kind name can be made of it. */
export function singular(word: string): string | undefined {
  let w = word.toLowerCase().replace(/[\s.]+/g, '-');
  if (w === 'people') return 'person';
  if (/ies$/.test(w)) w = w.slice(0, -3) + 'y';
  else if (/(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (/[^s]s$/.test(w)) w = w.slice(0, -1);
  return KIND_NAME.test(w) ? w : undefined;
}

function baseName(path: string): string {
  const file = path.slice(path.lastIndexOf('/') + 1);
  return file.replace(/\.(ya?ml|md|markdown)$/i, '');
}

function dirName(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}

/** The field most records use for their title: `title`, `name`, `名称`…, else any `…name`/`…名` field. */
export function guessTitle(records: JsonObject[], id: string): string | undefined {
  const share = (f: string) => records.filter((r) => typeof r[f] === 'string').length / Math.max(1, records.length);
  for (const f of TITLE_FIELDS) if (f !== id && share(f) >= 0.5) return f;
  const keys = new Set(records.flatMap((r) => Object.keys(r)));
  for (const f of keys) if (f !== id && /name|title|名|标题/i.test(f) && share(f) >= 0.5) return f;
  return undefined;
}

interface Group {
  name: string;
  layout: Layout;
  listKey?: string;
  id: string;
  files: string[];
  records: JsonObject[];
  byKindField: boolean;
  extendsPack?: KindConfig;
  markdownDir?: string;
}

/**
 * Finds the record files the pack does not place: YAML lists and maps of records outside the
 * pack's folders, Markdown documents with an id in other folders, files whose `kind:` names no
 * configured kind. Files in a pack kind's shape (a `partners:` list elsewhere) extend that kind.
 */
export function inferKinds(config: ResolvedConfig, files: { parsed: ParsedFile; kind: string | undefined }[]): { kinds: InferredKind[]; notes: KindNote[] } {
  const allPaths = files.map((f) => f.parsed.path);
  const groups = new Map<string, Group>();
  const notes: KindNote[] = [];
  const known = [...config.kinds.keys()];
  const byListKey = new Map<string, KindConfig>();
  for (const kc of config.kinds.values()) if (kc.listKey && kc.files.length > 0) byListKey.set(kc.listKey, kc);

  const add = (name: string, g: Omit<Group, 'name' | 'files' | 'records'>, file: string, records: JsonObject[]): void => {
    let key = name;
    let prev = groups.get(key);
    // The same name in another shape: a second kind, named after its file.
    if (prev && (prev.layout !== g.layout || prev.listKey !== g.listKey || prev.id !== g.id)) {
      key = singular(`${name}-${baseName(file)}`) ?? `${name}-2`;
      prev = groups.get(key);
    }
    if (prev) {
      prev.files.push(file);
      prev.records.push(...records);
    } else groups.set(key, { ...g, name: key, files: [file], records: [...records] });
  };

  for (const { parsed, kind } of files) {
    // Tool settings (.github/, .vscode/) are not the company's records.
    if (kind !== undefined || parsed.skipped || parsed.path.split('/').some((seg) => seg.startsWith('.'))) continue;
    const root = parsed.docs[0];
    const own = isObject(root) && typeof root['kind'] === 'string' ? root['kind'] : undefined;
    if (own !== undefined && !config.kinds.has(own)) {
      const typo = known.find((k) => looksLikeTypo(own, k));
      if (typo || !KIND_NAME.test(own)) {
        notes.push({
          file: parsed.path,
          line: lineOfKey(parsed, 'kind'),
          message: typo
            ? `kind "${own}" looks like a typo of "${typo}": left as a finding (kind/unknown)`
            : `kind "${own}" is not a valid kind name: left as a finding (kind/unknown)`,
        });
        continue;
      }
      if (parsed.format === 'markdown') add(own, { layout: 'markdown', id: 'id', byKindField: true }, parsed.path, [root as JsonObject]);
      else {
        const shape = shapeOf(root);
        if (shape?.layout === 'list')
          add(own, { layout: 'list', ...(shape.listKey ? { listKey: shape.listKey } : {}), id: shape.id, byKindField: true }, parsed.path, shape.records);
        else add(own, { layout: 'single', id: 'id', byKindField: true }, parsed.path, [root as JsonObject]);
      }
      continue;
    }
    if (parsed.format === 'markdown') {
      if (!parsed.body?.hasFrontMatter || !isObject(root) || (typeof root['id'] !== 'string' && typeof root['id'] !== 'number')) continue;
      const dir = parsed.path.split('/')[0] as string;
      if (dir === parsed.path) continue;
      const name = singular(dir);
      if (name) add(name, { layout: 'markdown', id: 'id', byKindField: false, markdownDir: dir }, parsed.path, [root]);
      continue;
    }
    if (parsed.docs.length !== 1) continue;
    const shape = shapeOf(root);
    if (!shape) continue;
    const pack = shape.listKey !== undefined ? byListKey.get(shape.listKey) : undefined;
    if (pack && pack.id === shape.id) {
      add(pack.name, { layout: 'list', listKey: shape.listKey as string, id: shape.id, byKindField: false, extendsPack: pack }, parsed.path, shape.records);
      continue;
    }
    const name = (shape.listKey !== undefined ? singular(shape.listKey) : undefined) ?? singular(baseName(parsed.path));
    if (!name) {
      notes.push({
        file: parsed.path,
        line: 1,
        message: 'holds records, but no kind name could be made of its key or file name: add a kind for it in opsbook.yaml',
      });
      continue;
    }
    const g: Omit<Group, 'name' | 'files' | 'records'> = { layout: shape.layout, id: shape.id, byKindField: false };
    if (shape.listKey !== undefined) g.listKey = shape.listKey;
    const existing = config.kinds.get(name);
    if (existing) {
      if (existing.layout === shape.layout && existing.listKey === shape.listKey && existing.id === shape.id && existing.files.length > 0)
        g.extendsPack = existing;
      else {
        add(`${name}-record`, g, parsed.path, shape.records);
        continue;
      }
    }
    add(name, g, parsed.path, shape.records);
  }

  const kinds: InferredKind[] = [];
  for (const g of groups.values()) {
    const k: InferredKind = { name: g.name, files: [], extendsPack: !!g.extendsPack, sources: g.files, records: g.records.length, byKindField: g.byKindField };
    if (g.extendsPack) {
      k.files = [...g.extendsPack.files, ...g.files];
      if (g.listKey !== undefined) k.under = g.listKey;
    } else {
      if (!g.byKindField) k.files = g.markdownDir !== undefined ? markdownGlob(g.markdownDir, g.files, allPaths) : filesGlob(g.files, allPaths);
      k.layout = g.layout;
      if (g.listKey !== undefined) k.listKey = g.listKey;
      if (g.id !== 'id') k.id = g.id;
      const title = guessTitle(g.records, g.id);
      if (title) k.title = title;
    }
    kinds.push(k);
  }
  return { kinds, notes };
}

/**
 * Paths as written: three or more files of one folder become `folder/*.ext` when no other file
 * of that folder would match it.
 */
function filesGlob(paths: string[], allPaths: string[]): string[] {
  const dirs = new Set(paths.map(dirName));
  const exts = new Set(paths.map((p) => p.slice(p.lastIndexOf('.'))));
  if (paths.length >= 3 && dirs.size === 1 && exts.size === 1) {
    const dir = [...dirs][0] as string;
    const ext = [...exts][0] as string;
    const inDir = allPaths.filter((p) => dirName(p) === dir && p.endsWith(ext));
    if (inDir.every((p) => paths.includes(p))) return [`${dir ? `${dir}/` : ''}*${ext}`];
  }
  return paths;
}

/** `folder/**\/*.md` when every Markdown file below the folder is one of the kind's, else the paths. */
function markdownGlob(dir: string, paths: string[], allPaths: string[]): string[] {
  const below = allPaths.filter((p) => p.startsWith(`${dir}/`) && /\.md$/i.test(p));
  return paths.length >= 2 && below.every((p) => paths.includes(p)) ? [`${dir}/**/*.md`] : paths;
}

function lineOfKey(parsed: ParsedFile, key: string): number {
  const lines = parsed.yamlText.split('\n');
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  return (i === -1 ? 0 : i) + 1 + parsed.yamlLineOffset;
}
