import { strict as assert } from 'node:assert';
import { applyGridDelta, buildGridTable, type ToGrid, type WorkspaceModel } from '../../src/core';
import { GridSession, type GridSessionHost } from '../../src/vscode/table/session';
import { openMem } from '../core/memfs';

// A tea chain's price list, edited in the table the way a buyer would.
const DRINKS = `# 饮品价目表
products:
  - id: YZGL-M   # 中杯
    name: 杨枝甘露（中杯）
    category: 果茶
    currency: CNY
    list_price: 18
    floor_price: 15
  - id: HK-MILK
    name: 港式奶茶
    category: 奶茶
    currency: HKD
    list_price: 28
    floor_price: 24
`;

interface Harness {
  session: GridSession;
  posted: ToGrid[];
  files: Map<string, { text: string; version: number }>;
  ws: WorkspaceModel;
  answers: { id?: string; confirm?: boolean };
  /** Simulates another edit of the file the workspace has not read yet. */
  typeInEditor(file: string, text: string): void;
}

async function harness(): Promise<Harness> {
  const { workspace } = await openMem({ 'catalog/drinks.yaml': DRINKS });
  const files = new Map([['catalog/drinks.yaml', { text: DRINKS, version: 1 }]]);
  const posted: ToGrid[] = [];
  const answers: Harness['answers'] = {};
  const host: GridSessionHost = {
    document: async (file) => {
      const f = files.get(file);
      return f ? { version: f.version, getText: () => f.text } : undefined;
    },
    apply: async (file, start, end, newText) => {
      const f = files.get(file)!;
      f.text = f.text.slice(0, start) + newText + f.text.slice(end);
      f.version++;
      workspace.setFile(file, f.text);
      return true;
    },
    workspace: () => workspace,
    post: (m) => posted.push(m),
    askId: async (proposed, validate) => {
      const id = answers.id ?? proposed;
      return id !== undefined && validate(id) === undefined ? id : undefined;
    },
    confirm: async () => answers.confirm ?? false,
    open: async () => undefined,
  };
  const session = new GridSession(host, { kind: 'product', file: 'catalog/drinks.yaml' });
  return {
    session,
    posted,
    files,
    ws: workspace,
    answers,
    typeInEditor: (file, text) => {
      const f = files.get(file)!;
      f.text = text;
      f.version++;
    },
  };
}

const lastTable = (posted: ToGrid[]) => posted.filter((m): m is Extract<ToGrid, { type: 'table' }> => m.type === 'table').pop()!;
const notices = (posted: ToGrid[]) => posted.filter((m) => m.type === 'notice').map((m) => (m as { message: string }).message);

describe('register table session: edits become one document edit, or are refused and said', () => {
  it('posts the table on ready, then a view per query and sort', async () => {
    const h = await harness();
    await h.session.handle({ type: 'ready' });
    const t = lastTable(h.posted);
    assert.deepEqual(
      t.table.rows.map((r) => r.id),
      ['YZGL-M', 'HK-MILK'],
    );
    const price = t.table.columns.findIndex((c) => c.key === 'list_price');
    await h.session.handle({ type: 'query', query: 'category:奶茶', sort: { column: price, descending: true } });
    const v = h.posted.pop() as Extract<ToGrid, { type: 'view' }>;
    assert.equal(v.type, 'view');
    assert.deepEqual(v.view.order, [1]);
    assert.deepEqual(v.sort, { column: price, descending: true });
  });

  it('writes a typed price as a number in place, keeping the comments', async () => {
    const h = await harness();
    await h.session.handle({ type: 'ready' });
    const price = lastTable(h.posted).table.columns.findIndex((c) => c.key === 'list_price');
    const row = lastTable(h.posted).table.rows[0]!.key;
    await h.session.handle({ type: 'edit', row, column: price, value: '¥19.5', was: 18 });
    assert.equal(h.files.get('catalog/drinks.yaml')!.text, DRINKS.replace('list_price: 18', 'list_price: 19.5'));
    assert.deepEqual(notices(h.posted), []);
  });

  it('refuses an edit while the editor holds text the workspace has not read, and redraws', async () => {
    const h = await harness();
    await h.session.handle({ type: 'ready' });
    const t = lastTable(h.posted);
    const price = t.table.columns.findIndex((c) => c.key === 'list_price');
    h.typeInEditor('catalog/drinks.yaml', DRINKS.replace('list_price: 28', 'list_price: 30'));
    await h.session.handle({ type: 'edit', row: t.table.rows[0]!.key, column: price, value: '20', was: 18 });
    assert.equal(h.files.get('catalog/drinks.yaml')!.text, DRINKS.replace('list_price: 28', 'list_price: 30'), 'nothing written over the unread change');
    assert.match(notices(h.posted)[0] ?? '', /changed while you were editing/);
  });

  it('adds a row with the proposed next id, and deletes only after the user confirms', async () => {
    const h = await harness();
    await h.session.handle({ type: 'ready' });
    h.answers.id = 'HK-MILK';
    await h.session.handle({ type: 'add' });
    assert.equal(h.files.get('catalog/drinks.yaml')!.text, DRINKS, 'an id in use is not accepted');
    h.answers.id = 'YZGL-L';
    await h.session.handle({ type: 'add' });
    assert.equal(h.files.get('catalog/drinks.yaml')!.text, DRINKS + '  - id: YZGL-L\n');
    h.session.refresh();
    const row = lastTable(h.posted).table.rows.find((r) => r.id === 'HK-MILK')!.key;
    await h.session.handle({ type: 'delete', row });
    assert.ok(h.files.get('catalog/drinks.yaml')!.text.includes('港式奶茶'), 'not deleted without confirmation');
    h.answers.confirm = true;
    await h.session.handle({ type: 'delete', row });
    assert.ok(!h.files.get('catalog/drinks.yaml')!.text.includes('港式奶茶'));
    assert.ok(h.files.get('catalog/drinks.yaml')!.text.includes('# 中杯'));
  });

  it('after an edit sends only the changed row, from the version the webview holds; a new page gets the whole table', async () => {
    const h = await harness();
    await h.session.handle({ type: 'ready' });
    const first = lastTable(h.posted);
    const price = first.table.columns.findIndex((c) => c.key === 'list_price');
    await h.session.handle({ type: 'edit', row: first.table.rows[1]!.key, column: price, value: '30', was: 28 });
    h.session.refresh(); // the panel does this when the model has read the edit
    const m = h.posted.at(-1)!;
    assert.equal(m.type, 'rows');
    if (m.type !== 'rows') return;
    assert.equal(m.base, first.version);
    assert.ok(m.version > first.version);
    assert.deepEqual(
      m.delta.changed.map((r) => [r.id, r.cells[price]]),
      [['HK-MILK', 30]],
    );
    assert.deepEqual(m.view.totals[price], [
      { unit: 'CNY', sum: 18, average: 18, count: 1 },
      { unit: 'HKD', sum: 30, average: 30, count: 1 },
    ]);
    assert.deepEqual(applyGridDelta(first.table, m.delta), buildGridTable(h.ws, { kind: 'product', file: 'catalog/drinks.yaml' }).table);
    // Nothing changed since: nothing is sent.
    const count = h.posted.length;
    h.session.refresh();
    assert.equal(h.posted.length, count);
    await h.session.handle({ type: 'ready' });
    assert.equal(h.posted.at(-1)!.type, 'table');
  });

  it('builds the table before the page asks for it, and drops it when the folder changed meanwhile', async () => {
    const h = await harness();
    h.session.prepare();
    assert.equal(h.posted.length, 0, 'nothing is sent before the page is ready');
    const changed = DRINKS.replace('list_price: 28', 'list_price: 32');
    h.ws.setFile('catalog/drinks.yaml', changed);
    h.session.modelChanged();
    await h.session.handle({ type: 'ready' });
    const price = lastTable(h.posted).table.columns.findIndex((c) => c.key === 'list_price');
    assert.deepEqual(
      lastTable(h.posted).table.rows.map((r) => r.cells[price]),
      [18, 32],
    );
  });
});
