import * as assert from 'node:assert/strict';
import { buildRegistersView } from '../../src/vscode/views/registerView';
import { findNode, type ViewNode } from '../../src/vscode/views/viewNode';
import { SAMPLE_KEY, inlineFolder, sampleFolder } from './views.fixture';

async function registers(): Promise<ViewNode[]> {
  return buildRegistersView([await sampleFolder()]);
}

async function row(id: string): Promise<ViewNode> {
  const node = findNode(await registers(), (n) => n.entity?.id === id);
  assert.ok(node, `no row for ${id}`);
  return node;
}

const PARTNERS = `partners:
  - { id: PTN-A, name: Alpha, type: channel, tier: A, status: active, contract: { start: 2025-01-01, end: 2026-05-31 } }
  - { id: PTN-B, name: Beta, type: channel, tier: B, status: active, contract: { start: 2025-01-01, end: 2026-11-30 } }
  - { id: PTN-C, name: Gamma, type: media, status: ended, contract: { start: 2024-01-01, end: 2025-12-31 } }
`;

describe('Registers view', () => {
  it('should show partners, products, people, courses, stores and competitors with their counts', async () => {
    assert.deepEqual(
      (await registers()).map((r) => r.label),
      ['Partners (28)', 'Products (39)', 'People (23)', 'Courses (7)', 'Stores (7)', 'Competitors (2)'],
    );
  });

  it('should group partners by type, alphabetically, with counts', async () => {
    const partners = (await registers())[0] as ViewNode;
    assert.deepEqual(
      partners.children.map((g) => g.label),
      ['channel (8)', 'design-agency (3)', 'government (2)', 'key-customer (3)', 'media (4)', 'strategic-brand (2)', 'supplier (6)'],
    );
  });

  it('should describe a partner with status, tier and contract end', async () => {
    const p = await row('PTN-CH-SKYCART');
    assert.equal(p.label, 'SkyCart Marketplace (flagship e-store)');
    assert.equal(p.description, 'active · tier A · ends 2026-12-31');
    assert.deepEqual(p.icon, { id: 'organization' });
    assert.deepEqual(p.location, { folder: SAMPLE_KEY, file: 'partners/channels.yaml', line: 4 });
  });

  it('should mark a contract ending within 60 days with a yellow clock and the days left', async () => {
    const p = await row('PTN-MED-PETAL');
    assert.equal(p.description, 'active · tier A · ends 2026-07-31 (in 46 days)');
    assert.deepEqual(p.icon, { id: 'clock', color: 'charts.yellow' });
    assert.deepEqual(
      p.tooltip?.rows.find(([k]) => k === 'Contract'),
      ['Contract', '2026-03-01 → 2026-07-31 (expiring)'],
    );
  });

  it('should dim suspended and ended partners', async () => {
    assert.deepEqual((await row('PTN-CH-HUAXIA')).icon, { id: 'debug-pause', color: 'disabledForeground' });
    assert.deepEqual((await row('PTN-MED-CITYWAVE')).icon, { id: 'close', color: 'disabledForeground' });
  });

  it('should mark an active partner whose contract has ended as expired', async () => {
    const roots = buildRegistersView([await inlineFolder({ 'partners/p.yaml': PARTNERS })]);
    const alpha = findNode(roots, (n) => n.entity?.id === 'PTN-A');
    assert.equal(alpha?.description, 'active · tier A · expired 2026-05-31');
    assert.deepEqual(alpha?.icon, { id: 'warning', color: 'list.warningForeground' });
    assert.equal(findNode(roots, (n) => n.entity?.id === 'PTN-C')?.description, 'ended · ends 2025-12-31');
  });

  it('should use the configured window of partner/contract-expiring', async () => {
    const config = 'rules:\n  partner/contract-expiring: { severity: info, days: 200 }\n';
    const roots = buildRegistersView([await inlineFolder({ 'opsbook.yaml': config, 'partners/p.yaml': PARTNERS })]);
    assert.equal(findNode(roots, (n) => n.entity?.id === 'PTN-B')?.description, 'active · tier B · ends 2026-11-30 (in 168 days)');
  });

  it('should leave out registers that have no records', async () => {
    const roots = buildRegistersView([await inlineFolder({ 'partners/p.yaml': PARTNERS })]);
    assert.deepEqual(
      roots.map((r) => r.label),
      ['Partners (3)'],
    );
  });

  it('should list products by category with SKU and list price', async () => {
    const products = (await registers())[1] as ViewNode;
    assert.deepEqual(
      products.children.map((g) => g.label),
      ['bed (4)', 'chair (5)', 'decor (4)', 'lighting (5)', 'outdoor (2)', 'sofa (5)', 'storage (4)', 'table (5)', 'textile (5)'],
    );
    const p = await row('SKU-1001');
    assert.equal(p.label, 'Oslo 3-seat sofa, oatmeal linen');
    assert.equal(p.description, 'SKU-1001 · CN¥12,999');
    assert.equal((await row('SKU-1005')).description, 'SKU-1005 · CN¥7,499 · discontinued');
  });

  it('should give a product tooltip with floor and channel prices', async () => {
    const rows = (await row('SKU-1001')).tooltip?.rows ?? [];
    assert.deepEqual(rows.slice(0, 8), [
      ['Id', 'SKU-1001'],
      ['Category', 'sofa'],
      ['List price', 'CN¥12,999'],
      ['Floor price', 'CN¥8,100'],
      ['Price flagship', 'CN¥12,999'],
      ['Price mall-counter', 'CN¥12,999'],
      ['Price online', 'CN¥12,089'],
      ['Price distributor', 'CN¥10,139'],
    ]);
  });

  it('should group people by region name and then by role', async () => {
    const people = (await registers())[2] as ViewNode;
    assert.deepEqual(
      people.children.map((g) => g.label),
      ['East China (6)', 'National HQ (Shanghai) (7)', 'North China (5)', 'South China (5)'],
    );
    const east = people.children[0] as ViewNode;
    assert.deepEqual(
      east.children.map((g) => g.label),
      ['regional-manager (1)', 'sales-associate (2)', 'store-manager (2)', 'visual-merchandiser (1)'],
    );
    const p = await row('PER-WANG-LEI');
    assert.deepEqual([p.label, p.description, p.location?.line], ['Wang Lei', 'PER-WANG-LEI · assessed 2025-H2, meets · 1 ready successor', 85]);
  });

  it('should give a person’s last assessment, successors and where they stand in others’ succession', async () => {
    const rows = new Map((await row('PER-WANG-LEI')).tooltip?.rows);
    assert.equal(rows.get('Last assessment'), '2025-H2 · meets · 87');
    assert.equal(rows.get('Successors'), 'PER-ZHOU-XIN (ready), PER-WU-FANG (1-2y)');
    assert.equal(rows.get('Successor to'), 'PER-CHEN-YU (1-2y)');
    assert.equal(new Map((await row('PER-ZHOU-XIN')).tooltip?.rows).get('Successor to'), 'PER-WANG-LEI (ready)');
  });

  it('should group stores by region name and then by channel', async () => {
    const stores = (await registers())[4] as ViewNode;
    assert.deepEqual(
      stores.children.map((g) => [g.label, g.children.map((c) => c.label)]),
      [
        ['East China (2)', ['flagship (1)', 'mall-counter (1)']],
        ['National HQ (Shanghai) (1)', ['online (1)']],
        ['North China (2)', ['flagship (1)', 'mall-counter (1)']],
        ['South China (2)', ['flagship (1)', 'mall-counter (1)']],
      ],
    );
    const s = await row('ST-SH-HUAIHAI');
    assert.deepEqual([s.label, s.description, s.icon], ['Shanghai Huaihai Road flagship', 'ST-SH-HUAIHAI · open · 620 m²', { id: 'home' }]);
    assert.deepEqual((await row('ST-TJ-HAIHE')).icon, { id: 'circle-outline' }, 'a planned store');
  });

  it('should describe a competitor by its price position and store count, with what to watch', async () => {
    const c = await row('CMP-NORDHAUS');
    assert.deepEqual([c.label, c.description], ['Nordhaus Living', 'CMP-NORDHAUS · prices above ours · 10 stores']);
    const rows = new Map(c.tooltip?.rows);
    assert.equal(rows.get('Stores'), 'RGN-EAST 6, RGN-NORTH 4');
    assert.equal(rows.get('Watch'), 'Second Shanghai flagship rumoured for Q4, price cuts on the Lund sofa line');
    assert.equal(new Map((await row('CMP-MAPLE')).tooltip?.rows).get('Strengths'), 'Large mall footprint and aggressive 618 and Double 11 discounts');
  });

  it('should list courses with validity and pass score', async () => {
    const c = await row('CRS-SVC-101');
    assert.deepEqual([c.label, c.description], ['Customer Service Foundations', 'CRS-SVC-101 · valid 24 months · pass 80']);
  });

  it('should show one root per folder when several folders have records', async () => {
    const roots = buildRegistersView([await sampleFolder(), await inlineFolder({ 'partners/p.yaml': PARTNERS })]);
    assert.deepEqual(
      roots.map((r) => [r.label, r.description]),
      [
        ['lumen-oak', '106 records'],
        ['inline', '3 records'],
      ],
    );
  });
});
