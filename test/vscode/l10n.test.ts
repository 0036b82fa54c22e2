import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { getL10nJson, type l10nJsonFormat } from '@vscode/l10n-dev';
import { changesCount, entityDescription } from '../../src/vscode/changes/changeTree';
import { summaryLine } from '../../src/vscode/changes/historyModel';
import { searchRows } from '../../src/vscode/search/results';
import type { EntityChange } from '../../src/core/diff/types';

/*
 * The whole tree is checked, not a list kept by hand: every `vscode.l10n.t` / `l10n.t` string
 * under the folders `npm run l10n:export` scans must be in l10n/bundle.l10n.json and translated
 * in l10n/bundle.l10n.zh-cn.json, and every `%key%` of package.json in both package.nls files.
 */

const ROOT = path.resolve(__dirname, '..', '..');
const read = (rel: string): string => readFileSync(path.join(ROOT, rel), 'utf8');
const json = <T>(rel: string): T => JSON.parse(read(rel)) as T;

interface Manifest {
  scripts: Record<string, string>;
  contributes: Record<string, unknown>;
  [key: string]: unknown;
}
const manifest = json<Manifest>('package.json');

/** The folders the export script passes to the extractor (`… export --outDir ./l10n ./src`). */
function exportedFolders(): string[] {
  const script = manifest.scripts['l10n:export'];
  assert.ok(script, 'package.json has an l10n:export script');
  const args = script.split(/\s+/);
  const out: string[] = [];
  for (let i = args.indexOf('export') + 1; i > 0 && i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--outDir' || a === '-o') i++;
    else if (!a.startsWith('-')) out.push(a);
  }
  assert.ok(out.length > 0, `no source folder in "${script}"`);
  return out;
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(p));
    else if (/\.(ts|tsx|js|jsx)$/.test(entry.name)) out.push(p);
  }
  return out;
}

const files = exportedFolders().flatMap((d) => sourceFiles(path.join(ROOT, d)));
const english = json<l10nJsonFormat>('l10n/bundle.l10n.json');
const chinese = json<Record<string, string>>('l10n/bundle.l10n.zh-cn.json');
const nls = json<Record<string, string>>('package.nls.json');
const nlsChinese = json<Record<string, string>>('package.nls.zh-cn.json');

const messageOf = (v: l10nJsonFormat[string] | undefined): string => (typeof v === 'string' ? v : (v?.message ?? ''));
const placeholders = (s: string): string[] => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();
/** Markdown link targets and `` `code` `` spans: a translation keeps them as they are. */
const literals = (s: string): string[] => [...(s.match(/\]\([^)]*\)|`[^`]*`/g) ?? [])].sort();
const HAN = /\p{Script=Han}/u;

describe('Localization bundles', function () {
  // The extractor parses every source file with tree-sitter (WebAssembly).
  this.timeout(60_000);
  let extracted: l10nJsonFormat;

  before(async () => {
    extracted = await getL10nJson(files.map((f) => ({ contents: readFileSync(f, 'utf8'), extension: path.extname(f) })));
  });

  it('should find the extension strings in the sources', () => {
    assert.ok(files.some((f) => f.endsWith(path.join('vscode', 'commands', 'checkWorkspace.ts'))));
    assert.equal(messageOf(extracted['Show Problems']), 'Show Problems');
    assert.equal(messageOf(extracted['{0} changes']), '{0} changes');
  });

  it('should have every string of the sources in bundle.l10n.json (run npm run l10n:export)', () => {
    const missing = Object.keys(extracted).filter((k) => !(k in english));
    assert.deepEqual(missing, []);
    for (const [k, v] of Object.entries(extracted)) assert.deepEqual(english[k], v, `bundle.l10n.json differs from the source for "${k}"`);
  });

  it('should keep no string in bundle.l10n.json that the sources no longer use', () => {
    assert.deepEqual(
      Object.keys(english).filter((k) => !(k in extracted)),
      [],
    );
  });

  it('should translate every string into Simplified Chinese, and no string the sources do not use', () => {
    assert.deepEqual(
      Object.keys(extracted).filter((k) => !(k in chinese)),
      [],
    );
    assert.deepEqual(
      Object.keys(chinese).filter((k) => !(k in extracted)),
      [],
    );
  });

  it('should keep the placeholders of each message in its translation, and write it in Chinese', () => {
    for (const [key, zh] of Object.entries(chinese)) {
      assert.equal(typeof zh, 'string', key);
      const en = messageOf(extracted[key] ?? english[key]);
      assert.deepEqual(placeholders(zh), placeholders(en), `placeholders of "${key}"`);
      assert.deepEqual(literals(zh), literals(en), `links and code of "${key}"`);
      assert.match(zh, HAN, `"${key}" is not translated: "${zh}"`);
    }
  });

  it('should pass a string literal to every l10n.t call, so the extractor sees it', () => {
    const dynamic: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bl10n\.t\(\s*([^\s])/g)) {
        const first = m[1] as string;
        const rest = text.slice((m.index ?? 0) + m[0].length - 1);
        const literal = first === "'" || first === '"' || (first === '{' && /^\{\s*message:\s*['"]/.test(rest));
        if (!literal) dynamic.push(`${path.relative(ROOT, f)}: ${text.slice(m.index, (m.index ?? 0) + 60)}`);
      }
    }
    assert.deepEqual(dynamic, []);
  });
});

describe('package.json localization', () => {
  it('should point VS Code at the l10n folder', () => {
    assert.equal(manifest['l10n'], './l10n');
  });

  it('should define every %key% of package.json in package.nls.json and package.nls.zh-cn.json', () => {
    const keys = [...JSON.stringify(manifest).matchAll(/"%([^%"\s]+)%"/g)].map((m) => m[1] as string);
    assert.ok(keys.length > 40, `only ${keys.length} keys`);
    assert.deepEqual(
      keys.filter((k) => !(k in nls)),
      [],
    );
    assert.deepEqual(
      keys.filter((k) => !(k in nlsChinese)),
      [],
    );
    assert.deepEqual(
      Object.keys(nls).filter((k) => !keys.includes(k)),
      [],
      'package.nls.json keys that package.json does not use',
    );
    assert.deepEqual(
      Object.keys(nlsChinese).filter((k) => !keys.includes(k)),
      [],
      'package.nls.zh-cn.json keys that package.json does not use',
    );
  });

  it('should translate package.nls.json into Chinese, keeping command links and code', () => {
    for (const [key, en] of Object.entries(nls)) {
      const zh = nlsChinese[key] as string;
      assert.deepEqual(literals(zh), literals(en), `links and code of ${key}`);
      // Only a name (Opsbook) stays as it is.
      if (!HAN.test(zh)) assert.ok(zh === en && /^\S+$/.test(en), `${key} is not translated: "${zh}"`);
    }
  });

  it('should leave no user-visible text of contributes as a literal', () => {
    const c = manifest.contributes as {
      commands: { command: string; title: string; category?: string }[];
      views: Record<string, { id: string; name: string }[]>;
      viewsContainers: Record<string, { id: string; title: string }[]>;
      viewsWelcome: { view: string; contents: string }[];
      configuration: { title: string; properties: Record<string, Record<string, unknown>> };
      walkthroughs: { id: string; title: string; description: string; steps: { id: string; title: string; description: string }[] }[];
    };
    const literal: string[] = [];
    const check = (where: string, v: unknown): void => {
      if (typeof v === 'string' && !/^%[^%\s]+%$/.test(v)) literal.push(`${where}: ${v}`);
    };
    check('displayName', manifest['displayName']);
    check('description', manifest['description']);
    for (const cmd of c.commands) {
      check(`${cmd.command} title`, cmd.title);
      check(`${cmd.command} category`, cmd.category);
    }
    for (const list of Object.values(c.views)) for (const v of list) check(`view ${v.id}`, v.name);
    for (const list of Object.values(c.viewsContainers)) for (const v of list) check(`container ${v.id}`, v.title);
    for (const w of c.viewsWelcome) check(`welcome ${w.view}`, w.contents);
    check('configuration title', c.configuration.title);
    for (const [name, p] of Object.entries(c.configuration.properties)) {
      for (const field of ['description', 'markdownDescription', 'patternErrorMessage', 'deprecationMessage', 'markdownDeprecationMessage'])
        check(`${name} ${field}`, p[field]);
      for (const field of ['enumDescriptions', 'markdownEnumDescriptions'])
        for (const d of (p[field] as unknown[] | undefined) ?? []) check(`${name} ${field}`, d);
    }
    for (const w of c.walkthroughs) {
      check(`walkthrough ${w.id}`, w.title);
      check(`walkthrough ${w.id}`, w.description);
      for (const s of w.steps) {
        check(`step ${s.id}`, s.title);
        check(`step ${s.id}`, s.description);
      }
    }
    assert.deepEqual(literal, []);
  });

  it('should ship the bundles in the VSIX (.vscodeignore)', () => {
    const lines = read('.vscodeignore')
      .split('\n')
      .map((l) => l.trim());
    for (const p of ['!package.nls.json', '!package.nls.*.json', '!l10n/*.json']) assert.ok(lines.includes(p), `.vscodeignore lacks ${p}`);
  });
});

describe('Rows built outside the vscode module, with the Chinese bundle', () => {
  afterEach(() => l10n.config({ contents: {} }));

  const change = (over: Partial<EntityChange>): EntityChange => ({
    kind: 'partner',
    id: '合作-07',
    title: '华东茶叶',
    file: 'partners/华东.yaml',
    line: 3,
    change: 'modified',
    sections: [],
    fields: [],
    nested: [],
    review: [],
    approvers: [],
    ...over,
  });

  it('should say the Changes and History words in English without a bundle', () => {
    assert.equal(changesCount(3), '3 changes');
    assert.equal(changesCount(1), '1 change');
    assert.equal(summaryLine([]), 'no structured change');
    assert.equal(entityDescription(change({ change: 'moved', previousFile: 'partners/旧.yaml' })), 'moved from partners/旧.yaml');
  });

  it('should say them in Chinese once the zh-cn bundle is loaded, placeholders filled', () => {
    l10n.config({ contents: chinese });
    assert.equal(changesCount(3), '3 项变更');
    assert.equal(summaryLine([]), '没有结构化变更');
    assert.equal(summaryLine(['a', 'b', 'c'], 2), 'a; b；另有 1 项');
    assert.equal(entityDescription(change({ change: 'moved', previousFile: 'partners/旧.yaml' })), '移自 partners/旧.yaml');
    assert.equal(entityDescription(change({ change: 'modified', review: ['review/version-not-bumped'] })), '版本号未提升');
  });

  it('should word the search notes in Chinese, keeping the query as typed', () => {
    l10n.config({ contents: chinese });
    const rows = searchRows([{ key: 'file:///茶', name: '茶', search: { search: (query) => ({ query, results: [], total: 0 }) } }], '门店 区域:华东');
    assert.deepEqual(
      rows.map((r) => r.label),
      ['没有找到 门店 区域:华东 的结果'],
    );
  });
});
