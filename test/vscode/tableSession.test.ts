import { strict as assert } from 'node:assert';
import type { ToTable, WorkspaceModel } from '../../src/core';
import type { FormDocument } from '../../src/vscode/form/session';
import { TableSession, type TableSessionHost } from '../../src/vscode/form/tableSession';
import { openMem } from '../core/memfs';

const PRICES = `# 价目表
products:
  - id: MB-001 # 招牌
    name: 全麦面包
    category: 面包
    currency: CNY
    list_price: 18
    floor_price: 15

  - id: MB-002
    name: 菠萝包
    category: 面包
    currency: CNY
    list_price: 12
    floor_price: 10
`;
const FILE = 'catalog/prices.yaml';

/** An editor where the price list is not open until the table edits it. */
class FakeEditor implements TableSessionHost {
  readonly posted: ToTable[] = [];
  text = PRICES;
  version = -1;

  constructor(private readonly ws: WorkspaceModel) {}

  versionOf(file: string): number {
    return file === FILE ? this.version : -1;
  }

  openText(file: string): string | undefined {
    return file === FILE && this.version !== -1 ? this.text : undefined;
  }

  async document(file: string): Promise<FormDocument | undefined> {
    if (file !== FILE) return undefined;
    if (this.version === -1) this.version = 1;
    return { version: this.version, getText: () => this.text };
  }

  async apply(_file: string, start: number, end: number, newText: string): Promise<boolean> {
    this.text = this.text.slice(0, start) + newText + this.text.slice(end);
    this.version++;
    this.ws.setFile(FILE, this.text);
    return true;
  }

  workspace(): WorkspaceModel {
    return this.ws;
  }

  search(query: string, kind: string): { hits: { kind: string; id: string }[]; errors: string[] } {
    // The workspace's own search engine, as the folder model runs it.
    const hits = this.ws
      .entities(kind)
      .filter((e) => JSON.stringify(e.data).includes(query))
      .map((e) => ({ kind: e.kind, id: e.id }));
    return { hits, errors: [] };
  }

  post(msg: ToTable): void {
    this.posted.push(msg);
  }

  last(): ToTable {
    return this.posted[this.posted.length - 1] as ToTable;
  }
}

async function setup() {
  const { workspace } = await openMem({ [FILE]: PRICES });
  const editor = new FakeEditor(workspace);
  const session = new TableSession(editor, { file: FILE });
  assert.equal(session.refresh(), true);
  return { editor, session };
}

describe('register table session (Open as Table controller)', () => {
  it('posts the table with each file’s version (-1: not open, as on disk)', async () => {
    const { editor } = await setup();
    const msg = editor.last();
    assert.equal(msg.type, 'table');
    if (msg.type !== 'table') return;
    assert.deepEqual(msg.versions, { [FILE]: -1 });
    assert.deepEqual(
      msg.table.rows.map((r) => r.id),
      ['MB-001', 'MB-002'],
    );
  });

  it('a cell edit is one edit of its line; the table learns the new version', async () => {
    const { editor, session } = await setup();
    await session.change({ type: 'change', file: FILE, version: -1, entityPath: ['products', 1], change: { op: 'set', path: ['list_price'], value: 13 } });
    assert.equal(editor.text, PRICES.replace('list_price: 12', 'list_price: 13'));
    assert.deepEqual(editor.last(), { type: 'version', file: FILE, version: 2 });
    await session.change({ type: 'change', file: FILE, version: 2, entityPath: ['products', 0], change: { op: 'set', path: ['name'], value: '全麦吐司' } });
    assert.equal(editor.text, PRICES.replace('list_price: 12', 'list_price: 13').replace('name: 全麦面包', 'name: 全麦吐司'));
  });

  it('an edit against an older version of the file is refused and the table redrawn with a warning', async () => {
    const { editor, session } = await setup();
    await editor.document(FILE);
    editor.text = PRICES.replace('floor_price: 10', 'floor_price: 11');
    editor.version = 5;
    editor.workspace().setFile(FILE, editor.text);
    await session.change({ type: 'change', file: FILE, version: -1, entityPath: ['products', 1], change: { op: 'set', path: ['floor_price'], value: 9 } });
    assert.equal(editor.text, PRICES.replace('floor_price: 10', 'floor_price: 11'), 'the other edit stands');
    const msg = editor.last();
    assert.equal(msg.type === 'table' && msg.notice?.severity, 'warning');
    assert.equal(msg.type === 'table' && msg.versions[FILE], 5);
  });

  it('adding a row appends a record with the proposed id; deleting removes its lines', async () => {
    const { editor, session } = await setup();
    await session.change({ type: 'change', file: FILE, version: -1, entityPath: ['products'], change: { op: 'append', path: [], value: { id: 'MB-003' } } });
    assert.equal(editor.text, `${PRICES}  - id: MB-003\n`);
    await session.change({ type: 'change', file: FILE, version: 2, entityPath: ['products', 0], change: { op: 'delete', path: [] } });
    assert.equal(
      editor.text,
      `# 价目表\nproducts:\n\n  - id: MB-002\n    name: 菠萝包\n    category: 面包\n    currency: CNY\n    list_price: 12\n    floor_price: 10\n  - id: MB-003\n`,
    );
  });

  it('duplicating a row appends a full copy with the next id', async () => {
    const { editor, session } = await setup();
    await session.duplicate({ file: FILE, version: -1, entityPath: ['products', 0] });
    assert.equal(editor.text, `${PRICES}  - id: MB-003\n    name: 全麦面包\n    category: 面包\n    currency: CNY\n    list_price: 18\n    floor_price: 15\n`);
  });

  it('the filter answers with the rows it keeps, or all rows for an empty query', async () => {
    const { editor, session } = await setup();
    session.filter('菠萝');
    assert.deepEqual(editor.last(), { type: 'filtered', query: '菠萝', keys: ['product\u0000MB-002'], errors: [] });
    session.filter('  ');
    assert.deepEqual(editor.last(), { type: 'filtered', query: '  ', keys: null, errors: [] });
  });
});
