import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { parseFile } from '../../src/core/parse/file';
import { fillTemplate } from '../../src/core/templates';
import { baseWorkspace, brief, briefRange, edit, rangeAt } from './fixture';
import { openMem, readTree, REPO } from './memfs';

type Files = Record<string, string>;

const FRANCHISEES = `franchisees:
  - id: FR-SUZHOU
    name: Suzhou Home Living Co.
    partner: PTN-ACME
    region: RGN-EAST
    stores: 2
    opened: 2025-09-01
`;

/** The base workspace with the fixture pack copied to `packs/franchise/` and enabled after ops. */
function withPack(extra: Files = {}): Files {
  const files: Files = { ...baseWorkspace(), 'opsbook.yaml': 'opsbook: 1\npacks: [ops, ./packs/franchise]\n', 'franchise/east.yaml': FRANCHISEES };
  for (const [p, text] of readTree(path.join(REPO, 'test/fixtures/packs/franchise'))) files[`packs/franchise/${p}`] = text;
  return { ...files, ...extra };
}

describe('packs: a local pack (test/fixtures/packs/franchise)', () => {
  it('loads the custom kind from the pack, after ops', async () => {
    const { workspace: ws, configProblems } = await openMem(withPack());
    assert.deepEqual(configProblems, []);
    assert.deepEqual(ws.config.packs, ['ops', './packs/franchise']);
    const kind = ws.config.kinds.get('franchisee');
    assert.equal(kind?.origin, 'packs/franchise');
    assert.equal(kind?.layout, 'list');
    assert.equal(kind?.schema?.origin, 'packs/franchise:franchisee.schema.json');
    const fr = ws.get('franchisee', 'FR-SUZHOU');
    assert.equal(fr?.title, 'Suzhou Home Living Co.');
    assert.deepEqual(
      ws
        .referencesFrom(fr!)
        .map((r) => `${r.field}→${r.targetKind}:${r.value}`)
        .sort(),
      ['partner→partner:PTN-ACME', 'region→region:RGN-EAST'],
    );
    assert.deepEqual(ws.diagnostics(), [], 'the pack folder itself (pack.yaml, schema, template) reads clean too');
  });

  it('validates the kind with the pack schema', async () => {
    const files = withPack();
    edit(files, 'franchise/east.yaml', 'stores: 2', 'stores: 0');
    edit(files, 'franchise/east.yaml', 'opened: 2025-09-01', 'opened: 2025-09-31\n    colour: red');
    const text = files['franchise/east.yaml'] as string;
    const { workspace: ws } = await openMem(files);
    assert.deepEqual(ws.diagnostics().map(brief), [
      briefRange('franchise/east.yaml', rangeAt(text, 'stores: 0', '0'), 'schema/minimum'),
      briefRange('franchise/east.yaml', rangeAt(text, '2025-09-31'), 'schema/format'),
      briefRange('franchise/east.yaml', rangeAt(text, 'colour'), 'schema/additionalProperties'),
    ]);
  });

  it('resolves and fails the schema reference (x-opsbook-ref: partner) and the pack reference (region)', async () => {
    const files = withPack();
    edit(files, 'franchise/east.yaml', 'partner: PTN-ACME', 'partner: PTN-ACMY');
    edit(files, 'franchise/east.yaml', 'region: RGN-EAST', 'region: PER-BO');
    const text = files['franchise/east.yaml'] as string;
    const { workspace: ws } = await openMem(files);
    const diags = ws.diagnostics();
    assert.deepEqual(diags.map(brief), [
      briefRange('franchise/east.yaml', rangeAt(text, 'PTN-ACMY'), 'ref/missing'),
      briefRange('franchise/east.yaml', rangeAt(text, 'region: PER-BO', 'PER-BO'), 'ref/wrong-kind'),
    ]);
    assert.equal(diags[0]?.suggestions?.[0], 'PTN-ACME');
  });

  it("honours the pack reference's allow list", async () => {
    const files = withPack();
    edit(files, 'franchise/east.yaml', 'region: RGN-EAST', 'region: tbd');
    assert.deepEqual((await openMem(files)).workspace.diagnostics(), []);
  });

  it("applies the pack's rule settings; opsbook.yaml overrides the pack", async () => {
    const files = withPack();
    edit(files, 'inventory/east.yaml', 'on_hand: 5', 'on_hand: 1');
    let diags = (await openMem(files)).workspace.diagnostics();
    assert.deepEqual(
      diags.map((d) => `${d.ruleId}:${d.severity}`),
      ['inventory/below-reorder:error'],
    );
    files['opsbook.yaml'] += 'rules:\n  inventory/below-reorder: info\n';
    diags = (await openMem(files)).workspace.diagnostics();
    assert.deepEqual(
      diags.map((d) => `${d.ruleId}:${d.severity}`),
      ['inventory/below-reorder:info'],
    );
  });

  it('offers its template; a filled template checks clean except its reference placeholder', async () => {
    const { workspace: ws } = await openMem(withPack());
    const t = ws.config.templates.get('franchisee');
    assert.ok(t, 'template registered');
    assert.equal(t.path, 'templates/franchisee.yaml');
    const text = await t.source.read(t.path);
    assert.ok(text?.includes('{{id}}'));
    const filled = fillTemplate(text as string, { id: 'FR-NINGBO', title: 'Ningbo: "Harbour" Homes', today: ws.todayDate });
    ws.setFile('franchise/ningbo.yaml', filled);
    const fr = ws.get('franchisee', 'FR-NINGBO');
    assert.equal(fr?.title, 'Ningbo: "Harbour" Homes', 'quotes and colons in the title stay valid YAML');
    assert.equal(fr?.data['opened'], '2026-06-15');
    assert.deepEqual(
      ws.diagnostics('franchise/ningbo.yaml').map((d) => `${d.ruleId} ${d.message.includes('PTN-PARTNER')}`),
      ['ref/missing true'],
    );
  });

  it('the ops templates are still there next to the pack template', async () => {
    const { workspace: ws } = await openMem(withPack());
    assert.deepEqual([...ws.config.templates.keys()].sort(), [
      'assessment',
      'brand',
      'competitor',
      'course',
      'expense',
      'franchisee',
      'inventory',
      'partner',
      'person',
      'plan',
      'product',
      'project',
      'region',
      'standard',
      'store',
    ]);
  });

  it('the fixture pack parses on its own (pack.yaml and template are valid YAML)', () => {
    for (const [p, text] of readTree(path.join(REPO, 'test/fixtures/packs/franchise'))) {
      if (p.endsWith('.json')) continue;
      assert.deepEqual(parseFile(p, text).problems, [], p);
    }
  });
});
