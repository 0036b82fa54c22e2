import { strict as assert } from 'node:assert';
import { compileSchemasNow } from '../../src/core/schema/compiled';
import type { Diagnostic } from '../../src/core/types';
import { valueItems } from '../../src/vscode/language/completionItems';
import { referenceTargetAt, schemaForPath, type KindShape } from '../../src/vscode/language/entityPath';
import { openMem } from './memfs';

const where = (d: Diagnostic) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.ruleId}`;

/** A tea chain's shop register (a custom kind) and partners that name the shop they supply. */
const CONFIG = `kinds:
  shop:
    files: org/shops.yaml
    layout: list
    listKey: shops
    title: name
  partner:
    fields:
      shop: { ref: shop }
      wechat: { type: string, description: 微信号 }
      opened: { type: string, format: date }
`;
const SHOPS = 'shops:\n  - { id: MD-001, name: 西湖店 }\n  - { id: MD-002, name: 滨江店 }\n';
const partners = (shop: string) =>
  `partners:\n  - id: GYS-01\n    name: 龙井茶园\n    type: supplier\n    status: active\n    shop: ${shop}\n    wechat: longjing01\n`;

function shapeOf(ws: Awaited<ReturnType<typeof openMem>>['workspace'], kind: string): KindShape {
  const kc = ws.kindConfig(kind)!;
  const shape: KindShape = { name: kc.name, layout: kc.layout ?? 'single', idField: kc.id, nested: kc.nested };
  if (kc.listKey) shape.listKey = kc.listKey;
  if (kc.schema) shape.schema = kc.schema.json;
  return shape;
}

describe('custom fields (kinds.<kind>.fields)', () => {
  it('declared fields are accepted on a built-in kind; a reference field to a custom kind checks its ids', async () => {
    const ok = await openMem({ 'opsbook.yaml': CONFIG, 'org/shops.yaml': SHOPS, 'partners/p.yaml': partners('MD-001') });
    assert.deepEqual(ok.configProblems, []);
    assert.deepEqual(ok.workspace.diagnostics().map(where), []);
    assert.deepEqual(
      ok.workspace.referencesTo('shop', 'MD-001').map((r) => `${r.from.kind} ${r.from.id} ${r.field}`),
      ['partner GYS-01 shop'],
    );

    const bad = await openMem({ 'opsbook.yaml': CONFIG, 'org/shops.yaml': SHOPS, 'partners/p.yaml': partners('MD-010') });
    const ds = bad.workspace.diagnostics();
    assert.deepEqual(ds.map(where), ['partners/p.yaml:6:11 ref/missing']);
    assert.match(ds[0]?.message ?? '', /shop "MD-010" names no shop/);
  });

  it('completion and go to definition see the declared reference field', async () => {
    const { workspace } = await openMem({ 'opsbook.yaml': CONFIG, 'org/shops.yaml': SHOPS, 'partners/p.yaml': partners('MD-001') });
    const shape = shapeOf(workspace, 'partner');
    const path = ['partners', 0, 'shop'];
    assert.deepEqual(referenceTargetAt(path, false, shape, workspace.config.references), { target: 'shop', allow: [] });
    const node = schemaForPath(path, shape);
    const candidates = (t: string) => workspace.entities(t).map((e) => ({ id: e.id, title: e.title, kind: e.kind, file: e.file }));
    assert.deepEqual(
      valueItems(node, undefined, candidates).map((i) => `${i.label} ${i.detail}`),
      ['MD-001 西湖店', 'MD-002 滨江店'],
    );
    // Hover / completion of field names include the custom ones with their description.
    assert.equal(schemaForPath(['partners', 0, 'wechat'], shape)?.['description'], '微信号');
  });

  it('a field that is not declared stays schema/additionalProperties, suggesting the closest declared field', async () => {
    const { workspace } = await openMem({
      'opsbook.yaml': CONFIG,
      'org/shops.yaml': SHOPS,
      'partners/p.yaml': partners('MD-001').replace('wechat:', 'wechart:'),
    });
    const ds = workspace.diagnostics();
    assert.deepEqual(ds.map(where), ['partners/p.yaml:7:5 schema/additionalProperties']);
    assert.match(ds[0]?.message ?? '', /unknown field "wechart": did you mean "wechat"\?/);
    assert.deepEqual(ds[0]?.suggestions, ['wechat']);
  });

  it('a custom field with a format is validated', async () => {
    const { workspace } = await openMem({
      'opsbook.yaml': CONFIG,
      'org/shops.yaml': SHOPS,
      'partners/p.yaml': `${partners('MD-001')}    opened: 2026-13-01\n`,
    });
    assert.deepEqual(workspace.diagnostics().map(where), ['partners/p.yaml:8:13 schema/format']);
  });

  it('a kind without a schema gets its fields validated and its references resolved', async () => {
    const config = CONFIG.replace('    title: name\n', '    title: name\n    fields:\n      manager: { ref: person }\n      area_m2: { type: number }\n');
    const shops = 'shops:\n  - { id: MD-001, name: 西湖店, manager: E404, area_m2: 八十 }\n';
    const { workspace, configProblems } = await openMem({
      'opsbook.yaml': config,
      'org/shops.yaml': shops,
      'org/people.yaml': 'people:\n  - { id: E001, name: 王芳, role: 店长, region: R1 }\n',
      'org/regions.yaml': 'regions:\n  - { id: R1, name: 华东 }\n',
    });
    assert.deepEqual(configProblems, []);
    assert.deepEqual(workspace.diagnostics().map(where), ['org/shops.yaml:2:39 ref/missing', 'org/shops.yaml:2:54 schema/type']);
  });

  it('fields of a nested kind go into its parent schema (a KPI field)', async () => {
    const config = 'kinds:\n  kpi:\n    fields:\n      source: { type: string, enum: [POS, 手工] }\n';
    const plan =
      'id: 计划-1\ntitle: 年度\nregion: R1\nperiod: "2026"\nowner: E001\nstatus: draft\nobjectives:\n  - id: O1\n    title: 增长\n    kpis:\n      - { id: K1, metric: 营收, unit: CNY, target: 100, source: 手写 }\n';
    const { workspace, configProblems } = await openMem({
      'opsbook.yaml': config,
      'plans/p.yaml': plan,
      'org/people.yaml': 'people:\n  - { id: E001, name: 王芳, role: 店长, region: R1 }\n',
      'org/regions.yaml': 'regions:\n  - { id: R1, name: 华东 }\n',
    });
    assert.deepEqual(configProblems, []);
    assert.deepEqual(workspace.diagnostics().map(where), ['plans/p.yaml:11:63 schema/enum']);
  });

  it('ref: kind.field references a field of the target kind', async () => {
    const config = `${CONFIG}`.replace('shop: { ref: shop }', 'shop: { ref: shop.name }');
    const { workspace } = await openMem({ 'opsbook.yaml': config, 'org/shops.yaml': SHOPS, 'partners/p.yaml': partners('西湖店') });
    assert.deepEqual(workspace.diagnostics().map(where), []);
    const bad = await openMem({ 'opsbook.yaml': config, 'org/shops.yaml': SHOPS, 'partners/p.yaml': partners('西溪店') });
    assert.deepEqual(bad.workspace.diagnostics().map(where), ['partners/p.yaml:6:11 ref/missing']);
  });

  it('a bad fragment is a configuration problem at its line, not a crash', async () => {
    const config = 'kinds:\n  partner:\n    fields:\n      wechat: { type: strang }\n      shop: { ref: shop }\n      ok: { type: string }\n';
    const { configProblems, workspace } = await openMem({
      'opsbook.yaml': config,
      'partners/p.yaml': 'partners:\n  - { id: P1, name: A, type: media, status: active, ok: x }\n',
    });
    assert.deepEqual(
      configProblems.map((p) => `${p.file}:${p.line}`),
      ['opsbook.yaml:4', 'opsbook.yaml:5'],
    );
    assert.match(configProblems[0]?.message ?? '', /kinds\.partner\.fields\.wechat is not a valid JSON Schema fragment/);
    assert.match(configProblems[1]?.message ?? '', /ref names kind "shop", which is not defined/);
    assert.deepEqual(workspace.diagnostics().map(where), []);
  });

  it('compiled schemas are not shared between configurations with different fields', async () => {
    const a = await openMem({ 'opsbook.yaml': 'kinds:\n  partner:\n    fields:\n      wechat: { type: string }\n' });
    const b = await openMem({ 'opsbook.yaml': 'kinds:\n  partner:\n    fields:\n      wechat: { type: number }\n' });
    assert.notEqual(compileSchemasNow(a.workspace.config), compileSchemasNow(b.workspace.config));
    const partner = 'partners:\n  - { id: P1, name: A, type: media, status: active, wechat: abc }\n';
    const checkB = await openMem({ 'opsbook.yaml': 'kinds:\n  partner:\n    fields:\n      wechat: { type: number }\n', 'partners/p.yaml': partner });
    assert.deepEqual(
      checkB.workspace.diagnostics().map((d) => d.ruleId),
      ['schema/type'],
    );
  });
});
