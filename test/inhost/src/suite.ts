/**
 * The in-host suite: Opsbook's features through the `vscode` API, inside a real
 * extension host, on the seeded copy of samples/lumen-oak (test/e2e/workspace.mjs).
 * Defined with mocha's BDD globals; `runner.ts` sets them up and runs it.
 *
 * The workspace is left as it was found: the pack test restores opsbook.yaml
 * and disposes its pack, then waits for the diagnostics to settle back.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BASELINE, INHOST_PACK, SEEDS } from '../../e2e/seeds.mjs';

/** The product's id: package.json `publisher`.`name`. */
export const OPSBOOK_ID = 'opsbook.opsbook';

/** The part of the product's `activate` result this suite uses (src/vscode/extension.ts `OpsbookApi`). */
interface OpsbookApi {
  registerPack(name: string, source: { readonly name: string; read(path: string): Promise<string | undefined> }): vscode.Disposable;
  models(): readonly { readonly folder: vscode.WorkspaceFolder }[];
  ready: Promise<void>;
}

interface Finding {
  file: string;
  line: number;
  ruleId: string;
}

const WAIT_MS = 30_000;

function folder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'no workspace folder is open');
  return f;
}

function uriOf(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(folder().uri, ...rel.split('/'));
}

function relOf(uri: vscode.Uri): string | undefined {
  const root = folder().uri.path.replace(/\/$/, '');
  return uri.path.startsWith(`${root}/`) ? uri.path.slice(root.length + 1) : undefined;
}

function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  return typeof c === 'object' ? String(c.value) : String(c);
}

function key(f: Finding): string {
  return `${f.file}:${f.line} ${f.ruleId}`;
}

/** Every Opsbook diagnostic in the workspace folder, as `file:line ruleId`, sorted. */
function opsbookFindings(): string[] {
  const out: string[] = [];
  for (const [uri, diags] of vscode.languages.getDiagnostics()) {
    const file = relOf(uri);
    if (file === undefined) continue;
    for (const d of diags) {
      if (d.source !== 'opsbook') continue;
      out.push(key({ file, line: d.range.start.line + 1, ruleId: codeOf(d) }));
    }
  }
  return out.sort();
}

/** `got` against `want`, briefly: what is missing and what is extra (the first few of each). */
function diff(want: readonly string[], got: readonly string[]): string {
  const few = (xs: string[]): string => `${xs.slice(0, 12).join('; ')}${xs.length > 12 ? `; … ${xs.length - 12} more` : ''}`;
  const missing = want.filter((w) => !got.includes(w));
  const extra = got.filter((g) => !want.includes(g));
  return `${got.length} findings; missing ${missing.length}: [${few(missing)}]; unexpected ${extra.length}: [${few(extra)}]`;
}

/** What the seeded workspace must show: the sample's findings plus one per seeded defect. */
function expectedFindings(): string[] {
  const seeded = SEEDS.filter((s) => s.ruleId).map((s) => key({ file: s.file, line: s.line ?? 0, ruleId: s.ruleId ?? '' }));
  return [...BASELINE.map(key), ...seeded].sort();
}

/**
 * Resolves with `probe()`'s value once it is truthy, re-checking whenever
 * diagnostics change and on a short poll (file-system events have no API
 * event); rejects after `timeoutMs` with `describe()` of the last state.
 */
function waitFor<T>(what: string, probe: () => T | undefined | false, describe: () => string, timeoutMs = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const check = (): boolean => {
      const v = probe();
      if (!v) return false;
      done();
      resolve(v);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics(() => void check());
    const poll = setInterval(() => void check(), 100);
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${what}: not within ${timeoutMs} ms; now ${describe()}`));
    }, timeoutMs);
    function done(): void {
      sub.dispose();
      clearInterval(poll);
      clearTimeout(timer);
    }
    check();
  });
}

async function lineOf(rel: string, needle: string, offset = 0): Promise<{ doc: vscode.TextDocument; pos: vscode.Position }> {
  const doc = await vscode.workspace.openTextDocument(uriOf(rel));
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" not found in ${rel}`);
  return { doc, pos: doc.positionAt(at + offset) };
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function target(loc: vscode.Location | vscode.LocationLink): { uri: vscode.Uri; range: vscode.Range } {
  return 'targetUri' in loc ? { uri: loc.targetUri, range: loc.targetSelectionRange ?? loc.targetRange } : { uri: loc.uri, range: loc.range };
}

/** Defines the suite with mocha's globals (`describe`, `it`, `before`). */
export function defineSuite(): void {
  describe('Opsbook in the extension host', function () {
    let api: OpsbookApi;

    before(async function () {
      const ext = vscode.extensions.getExtension<OpsbookApi>(OPSBOOK_ID);
      assert.ok(ext, `extension ${OPSBOOK_ID} is not installed`);
      api = await ext.activate();
      assert.ok(api && typeof api.registerPack === 'function', 'activate() returned no registerPack');
      await api.ready;
    });

    it('exports its API: registerPack, models, ready; one model for the folder', function () {
      assert.equal(typeof api.models, 'function');
      assert.ok(api.ready instanceof Promise);
      const models = api.models();
      assert.equal(models.length, 1, `models: ${models.map((m) => m.folder.name).join(', ')}`);
      assert.equal(models[0].folder.uri.toString(), folder().uri.toString());
    });

    it("publishes the seeded defects and the sample's findings, with rule ids, and nothing else", async function () {
      const want = expectedFindings();
      await waitFor(
        'the seeded findings',
        () => JSON.stringify(opsbookFindings()) === JSON.stringify(want),
        () => diff(want, opsbookFindings()),
      );
      const north = vscode.languages.getDiagnostics(uriOf('plans/2026/north.yaml')).filter((d) => d.source === 'opsbook');
      assert.deepEqual(north.map(codeOf), ['ref/missing']);
      assert.match(north[0].message, /PTN-SUP-GHOSTWOOD/);
      assert.equal(north[0].severity, vscode.DiagnosticSeverity.Error);
    });

    it("completes partner ids (label = id, detail = name) in a plan's partners list", async function () {
      const { doc, pos } = await lineOf('plans/2026/north.yaml', 'partners: [PTN-SUP-FITRIGHT,', 'partners: ['.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos);
      const partnerItems = list.items.filter((i) => labelOf(i).startsWith('PTN-'));
      assert.ok(
        partnerItems.length >= 20,
        `only ${partnerItems.length} partner ids among ${list.items.length} items: ${list.items.slice(0, 10).map(labelOf).join(', ')}`,
      );
      const skycart = partnerItems.find((i) => labelOf(i) === 'PTN-CH-SKYCART');
      assert.ok(skycart, 'PTN-CH-SKYCART is not offered');
      const detail = skycart.detail ?? (typeof skycart.label === 'object' ? (skycart.label.description ?? skycart.label.detail) : undefined) ?? '';
      assert.match(detail, /SkyCart/, `PTN-CH-SKYCART's detail: "${detail}"`);
      assert.ok(!list.items.some((i) => labelOf(i).startsWith('PRJ-')), 'project ids offered where partners belong');
    });

    it("goes to the partner's definition from a reference", async function () {
      const { doc, pos } = await lineOf('plans/2026/north.yaml', 'PTN-SUP-FITRIGHT, PTN-SUP-GHOSTWOOD', 4);
      const locs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, pos);
      assert.equal(locs.length, 1, `definitions: ${JSON.stringify(locs)}`);
      const t = target(locs[0]);
      assert.equal(relOf(t.uri), 'partners/suppliers.yaml');
      const partnerDoc = await vscode.workspace.openTextDocument(t.uri);
      assert.match(partnerDoc.lineAt(t.range.start.line).text, /id:\s*PTN-SUP-FITRIGHT\b/);
    });

    it('finds every reference of a partner id', async function () {
      const { doc, pos } = await lineOf('partners/suppliers.yaml', 'id: PTN-SUP-FITRIGHT', 'id: '.length + 2);
      const locs = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, pos);
      const files = new Set(locs.map((l) => relOf(l.uri)));
      for (const f of ['plans/2026/east.yaml', 'plans/2026/north.yaml']) assert.ok(files.has(f), `no reference in ${f}: ${[...files].join(', ')}`);
    });

    it('bad input: an unparsable file, a binary file and a broken opsbook.yaml are diagnostics; removing them restores the findings', async function () {
      const codesOf = (uri: vscode.Uri): string[] =>
        vscode.languages
          .getDiagnostics(uri)
          .filter((d) => d.source === 'opsbook')
          .map(codeOf);
      const broken = uriOf('partners/broken.yaml');
      const binary = uriOf('catalog/blob.yaml');
      const bytes = new Uint8Array(4096).map((_, i) => i % 256); // NUL bytes included
      await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode('partners:\n  - id: PTN-X-BROKEN\n    name: "unterminated\n'));
      await vscode.workspace.fs.writeFile(binary, bytes);
      try {
        await waitFor(
          'yaml/syntax and file/binary',
          () => codesOf(broken).includes('yaml/syntax') && codesOf(binary).includes('file/binary'),
          () => `broken.yaml: [${codesOf(broken).join(', ')}], blob.yaml: [${codesOf(binary).join(', ')}]`,
        );
      } finally {
        await vscode.workspace.fs.delete(broken);
        await vscode.workspace.fs.delete(binary);
      }
      const want = expectedFindings();
      await waitFor(
        'the findings without the bad files',
        () => JSON.stringify(opsbookFindings()) === JSON.stringify(want),
        () => diff(want, opsbookFindings()),
      );

      const configUri = uriOf('opsbook.yaml');
      const original = await vscode.workspace.fs.readFile(configUri);
      await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode('opsbook: 1\npacks: [ops\n'));
      try {
        await waitFor(
          'a diagnostic on the broken opsbook.yaml',
          () => codesOf(configUri).length > 0,
          () => `opsbook.yaml: [${codesOf(configUri).join(', ')}]; ${diff(want, opsbookFindings())}`,
        );
      } finally {
        await vscode.workspace.fs.writeFile(configUri, original);
      }
      await waitFor(
        'the findings with opsbook.yaml restored',
        () => JSON.stringify(opsbookFindings()) === JSON.stringify(want),
        () => diff(want, opsbookFindings()),
      );
    });

    it('registers a pack through the API: its custom kind is validated by its schema', async function () {
      const configUri = uriOf('opsbook.yaml');
      const original = await vscode.workspace.fs.readFile(configUri);
      const text = new TextDecoder().decode(original);
      assert.match(text, /^packs: \[ops\]$/m);
      const gadget = uriOf(INHOST_PACK.file);
      const gadgetCodes = (): string[] =>
        vscode.languages
          .getDiagnostics(gadget)
          .filter((d) => d.source === 'opsbook')
          .map(codeOf);
      assert.deepEqual(gadgetCodes(), [], 'the gadget file has findings before its pack exists');

      const files: Readonly<Record<string, string>> = INHOST_PACK.files;
      const registration = api.registerPack(INHOST_PACK.name, { name: INHOST_PACK.name, read: async (p) => files[p] });
      try {
        await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(text.replace(/^packs: \[ops\]$/m, `packs: [ops, ${INHOST_PACK.name}]`)));
        await waitFor(
          `${INHOST_PACK.ruleId} on ${INHOST_PACK.file}`,
          () => gadgetCodes().includes(INHOST_PACK.ruleId),
          () => `${INHOST_PACK.file}: [${gadgetCodes().join(', ')}]`,
        );
        const d = vscode.languages.getDiagnostics(gadget).find((x) => codeOf(x) === INHOST_PACK.ruleId);
        assert.equal(d?.range.start.line, 2, 'the status line');
        // The ops kinds still work alongside the pack's.
        assert.ok(opsbookFindings().some((f) => f.startsWith('plans/2026/north.yaml:40 ref/missing')));
      } finally {
        await vscode.workspace.fs.writeFile(configUri, original);
        registration.dispose();
      }
      const want = expectedFindings();
      await waitFor(
        'the findings without the pack',
        () => JSON.stringify(opsbookFindings()) === JSON.stringify(want),
        () => diff(want, opsbookFindings()),
      );
    });
  });
}
