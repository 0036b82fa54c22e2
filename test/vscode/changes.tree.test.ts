import { strict as assert } from 'node:assert';
import { diffWorkspaces } from '../../src/core/diff/diff';
import type { WorkspaceDiff } from '../../src/core/diff/types';
import type { OpsbookWorkspace as Workspace } from '../../src/core/index';
import { buildChangeGroups, countPhrase, entityDescription, fieldValuePhrase, type ChangeNode } from '../../src/vscode/changes/changeTree';
import { fieldLine, parseFieldPath, resolveSteps } from '../../src/vscode/changes/fieldLine';
import { baseWorkspace } from '../core/fixture';
import { openMem } from '../core/memfs';

type Files = Record<string, string>;
const KEY = 'file:///work/ops';

function edited(edits: Record<string, string | undefined>): Files {
  const files = baseWorkspace();
  for (const [p, c] of Object.entries(edits)) {
    if (c === undefined) delete files[p];
    else files[p] = c;
  }
  return files;
}

function replaced(file: string, ...pairs: [string, string][]): Files {
  let text = baseWorkspace()[file] as string;
  for (const [from, to] of pairs) {
    assert.ok(text.includes(from), `${from} not in ${file}`);
    text = text.replace(from, to);
  }
  return edited({ [file]: text });
}

async function open(files: Files): Promise<Workspace> {
  const r = await openMem(files);
  assert.deepEqual(r.configProblems, []);
  return r.workspace;
}

async function diff(after: Files, before: Files = baseWorkspace()): Promise<{ d: WorkspaceDiff; head: Workspace }> {
  const head = await open(after);
  return { d: diffWorkspaces(await open(before), head), head };
}

function only<T>(list: readonly T[]): T {
  assert.equal(list.length, 1, `expected one item, got ${list.length}`);
  return list[0] as T;
}

/** `label — description` of every row, indented by depth. */
function outline(nodes: readonly ChangeNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.label}${n.description ? ` — ${n.description}` : ''}`, ...outline(n.children, depth + 1)]);
}

describe('Changes view: rows from a structured diff', () => {
  it('should group a price change under its kind, phrased in business terms', async () => {
    const { d } = await diff(replaced('catalog/products.yaml', ['list_price: 1000', 'list_price: 1100']));
    const groups = buildChangeGroups(KEY, d);
    assert.deepEqual(outline(groups), [
      'product — 1 modified',
      '  Sofa — SKU-1 · list_price 1000 → 1100 (+100, +10.0%)',
      '    list_price — 1000 → 1100 (+100, +10.0%)',
    ]);
    const group = only(groups);
    assert.equal(group.id, `${KEY}#changes:product`);
    assert.equal(group.expanded, true);
    const row = only(group.children);
    assert.deepEqual(row.icon, { id: 'diff-modified', color: 'gitDecoration.modifiedResourceForeground' });
    assert.deepEqual(row.location, { side: 'head', file: 'catalog/products.yaml', line: 2 });
    assert.deepEqual(row.files, { base: 'catalog/products.yaml', head: 'catalog/products.yaml' });
    assert.equal(row.contextValue, 'opsbook.change.modified');
    assert.deepEqual(row.tooltip, {
      title: 'product Sofa (SKU-1)',
      lines: ['modified · SKU-1', 'catalog/products.yaml:2', 'list_price 1000 → 1100 (+100, +10.0%)'],
    });
    assert.deepEqual(only(row.children).field, { kind: 'product', id: 'SKU-1', file: 'catalog/products.yaml', path: 'list_price' });
  });

  it('should show the first change and count the others', async () => {
    const { d } = await diff(replaced('catalog/products.yaml', ['list_price: 1000', 'list_price: 1100'], ['online: 900', 'online: 950']));
    const row = only(only(buildChangeGroups(KEY, d)).children);
    assert.equal(row.description, 'SKU-1 · list_price 1000 → 1100 (+100, +10.0%) · +1 more');
    assert.deepEqual(
      row.children.map((c) => c.label),
      ['list_price', 'channel_prices.online'],
    );
  });

  it('should mark added, removed and moved entities by icon and say where they came from', async () => {
    const partner = baseWorkspace()['partners/partners.yaml'] as string;
    const entry = partner.replace('partners:\n', '');
    const { d } = await diff(
      edited({
        'partners/partners.yaml': 'partners: []\n',
        'partners/suppliers.yaml': `partners:\n${entry}`,
        'catalog/products.yaml': 'products: []\n',
        'catalog/new.yaml':
          'products:\n  - { id: SKU-9, name: Stool, category: chair, currency: CNY, list_price: 90, floor_price: 50, channel_prices: { flagship: 90 } }\n',
      }),
    );
    const rows = buildChangeGroups(KEY, d).flatMap((g) => g.children);
    const byId = new Map(rows.map((r) => [r.id.split('#change:')[1]?.split(':')[1], r]));
    const moved = byId.get('PTN-ACME') as ChangeNode;
    assert.equal(moved.description, 'PTN-ACME · moved from partners/partners.yaml');
    assert.equal(moved.icon?.id, 'arrow-swap');
    assert.deepEqual(moved.files, { base: 'partners/partners.yaml', head: 'partners/suppliers.yaml' });
    const removed = byId.get('SKU-1') as ChangeNode;
    assert.equal(removed.description, 'SKU-1 · removed');
    assert.equal(removed.label, 'Sofa');
    assert.equal(removed.icon?.id, 'diff-removed');
    // A removed entity opens in the base revision: the working tree no longer has it.
    assert.deepEqual(removed.location, { side: 'base', file: 'catalog/products.yaml', line: 2 });
    assert.deepEqual(removed.files, { base: 'catalog/products.yaml' });
    const added = byId.get('SKU-9') as ChangeNode;
    assert.equal(added.description, 'SKU-9 · added');
    assert.equal(added.label, 'Stool');
    assert.equal(added.icon?.id, 'diff-added');
    assert.deepEqual(added.location, { side: 'head', file: 'catalog/new.yaml', line: 2 });
  });

  it('should flag a review failure with a warning icon and list the finding first', async () => {
    const { d } = await diff(replaced('standards/STD-SVC-001.md', ['within 30 seconds', 'within 45 seconds']));
    const group = only(buildChangeGroups(KEY, d));
    assert.equal(group.description, '1 modified · 1 to fix');
    assert.deepEqual(group.icon, { id: 'warning', color: 'list.warningForeground' });
    const row = only(group.children);
    assert.deepEqual(row.icon, { id: 'warning', color: 'list.warningForeground' });
    assert.equal(row.description, 'STD-SVC-001 · clause 1 reworded · version not bumped · still marked approved');
    const [bump, stale, section] = row.children as [ChangeNode, ChangeNode, ChangeNode];
    assert.deepEqual([bump.description, stale.description], ['review/version-not-bumped', 'review/approval-stale']);
    assert.equal(bump.icon?.id, 'warning');
    assert.ok(row.tooltip?.lines.some((l) => l.startsWith('⚠ ') && l.endsWith('(review/version-not-bumped)')));
    assert.equal(section.label, 'clause 1 reworded');
    assert.equal(section.description, 'Greet every customer within [-30-] {+45+} seconds.');
    assert.deepEqual(section.location, { side: 'head', file: 'standards/STD-SVC-001.md', line: 12 });
  });

  it('should list files that could not be compared', async () => {
    const { d } = await diff(edited({ 'catalog/products.yaml': 'products:\n  - id: SKU-1\n   name: [broken\n' }));
    const groups = buildChangeGroups(KEY, d);
    const failed = groups.find((g) => g.label === 'Not compared') as ChangeNode;
    assert.ok(failed, outline(groups).join('\n'));
    const row = only(failed.children);
    assert.equal(row.label, 'catalog/products.yaml');
    assert.match(row.description ?? '', /^working tree: .* \(1 not compared: SKU-1\)$/);
    assert.equal(row.location?.side, 'head');
  });

  it('should count changes by type in a fixed order', () => {
    const c = (change: 'added' | 'modified' | 'removed') => ({ change }) as Parameters<typeof countPhrase>[0][number];
    assert.equal(countPhrase([c('added'), c('modified'), c('added'), c('removed')]), '1 modified, 2 added, 1 removed');
  });

  it('should phrase renames and values without their path', async () => {
    const files = baseWorkspace();
    const { d } = await diff(
      edited({
        'projects/pos.md': (files['projects/pos.md'] as string).replace('id: PRJ-POS', 'id: PRJ-TILL'),
        'finance/expenses.yaml': (files['finance/expenses.yaml'] as string).replace('project: PRJ-POS', 'project: PRJ-TILL'),
      }),
    );
    const renamed = d.changes.find((c) => c.change === 'renamed');
    assert.ok(renamed);
    assert.equal(entityDescription(renamed), 'renamed from PRJ-POS');
    const follower = d.changes.find((c) => c.kind === 'expense');
    assert.equal(fieldValuePhrase(follower?.fields[0] as never), 'PRJ-POS → PRJ-TILL (follows the rename)');
  });
});

describe('Changes view: field lines', () => {
  it('should read readable field paths back into steps', () => {
    assert.deepEqual(parseFieldPath('objectives[OBJ-A].kpis[KPI-A1].actual'), [
      { key: 'objectives' },
      { item: 'OBJ-A' },
      { key: 'kpis' },
      { item: 'KPI-A1' },
      { key: 'actual' },
    ]);
    assert.deepEqual(parseFieldPath('labels["a b"].x'), [{ key: 'labels' }, { key: 'a b' }, { key: 'x' }]);
    assert.deepEqual(parseFieldPath('milestones[2]'), [{ key: 'milestones' }, { item: '2' }]);
  });

  it('should find list items by id, by item key or by position, and stop at the deepest existing part', () => {
    const data = { objectives: [{ id: 'OBJ-A', kpis: [{ id: 'KPI-1', actual: 3 }] }], items: [{ sku: 'SKU-1' }], tags: ['a', 'b'] };
    assert.deepEqual(resolveSteps(data, parseFieldPath('objectives[OBJ-A].kpis[KPI-1].actual')), ['objectives', 0, 'kpis', 0, 'actual']);
    assert.deepEqual(resolveSteps(data, parseFieldPath('items[SKU-1]')), ['items', 0]);
    assert.deepEqual(resolveSteps(data, parseFieldPath('tags[1]')), ['tags', 1]);
    assert.deepEqual(resolveSteps(data, parseFieldPath('objectives[OBJ-Z].title')), ['objectives']);
  });

  it('should give the line of a changed field in the working tree', async () => {
    const { d, head } = await diff(replaced('catalog/products.yaml', ['online: 900', 'online: 950'], ['list_price: 1000', 'list_price: 1100']));
    const rows = only(only(buildChangeGroups(KEY, d)).children).children;
    const lines = rows.map((r) => [r.label, r.field && fieldLine(head, r.field)]);
    assert.deepEqual(lines, [
      ['list_price', 6],
      ['channel_prices.online', 8],
    ]);
  });
});
